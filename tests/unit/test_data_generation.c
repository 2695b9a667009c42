/* The store's data generation (store_generation): every commit through its
 * connections moves it, a rollback does not; with store_watch_others, a
 * change of audit_head made through a connection of its own (another
 * process) moves it at the next look, and nothing else does. SQLite file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/store.h"

static char path[64];

static void must(gcode rc, const struct gerror *e)
{
	if (rc != G_OK)
		fail_msg("%s", e->en);
}

static int setup(void **state)
{
	snprintf(path, sizeof path, "/tmp/guatu-gen-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	struct db *c;
	struct gerror e = { 0 };
	if (db_open(path, &c, &e) != G_OK)
		return -1;
	gcode rc = db_exec(c, "CREATE TABLE audit_head (one INTEGER PRIMARY KEY, last_id BIGINT);"
			      "INSERT INTO audit_head VALUES (1, 0);"
			      "CREATE TABLE t (x BIGINT)", &e);
	db_close(c);
	struct store *s;
	if (rc != G_OK || store_open(path, 2, &s, &e) != G_OK)
		return -1;
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	char side[80];
	static const char *const suffix[] = { "", "-wal", "-shm" };
	for (int i = 0; i < 3; i++) {
		snprintf(side, sizeof side, "%s%s", path, suffix[i]);
		unlink(side);
	}
	return 0;
}

static void commits_move_it(void **state)
{
	struct store *s = *state;
	struct gerror e = { 0 };
	struct db *c = store_acquire(s);
	uint64_t g0 = store_generation(s, c);
	assert_int_equal(store_generation(s, c), g0);
	must(db_begin(c, &e), &e);
	must(db_exec(c, "INSERT INTO t VALUES (1)", &e), &e);
	db_rollback(c);
	assert_int_equal(store_generation(s, c), g0);
	must(db_begin(c, &e), &e);
	must(db_exec(c, "INSERT INTO t VALUES (2)", &e), &e);
	must(db_commit(c, &e), &e);
	uint64_t g1 = store_generation(s, c);
	assert_true(g1 > g0);
	store_changed(s);
	assert_true(store_generation(s, c) > g1);
	store_release(s, c);
}

static void other_processes_seen_when_watched(void **state)
{
	struct store *s = *state;
	struct gerror e = { 0 };
	struct db *c = store_acquire(s), *other;
	must(db_open(path, &other, &e), &e); /* outside the store: "another process" */
	uint64_t g = store_generation(s, c);
	must(db_exec(other, "UPDATE audit_head SET last_id = last_id + 1", &e), &e);
	assert_int_equal(store_generation(s, c), g); /* not watched yet */
	store_watch_others(s, 0);
	g = store_generation(s, c); /* first look: may move once */
	assert_int_equal(store_generation(s, c), g);
	must(db_exec(other, "UPDATE audit_head SET last_id = last_id + 1", &e), &e);
	uint64_t g2 = store_generation(s, c);
	assert_true(g2 > g);
	assert_int_equal(store_generation(s, c), g2);
	must(db_exec(other, "INSERT INTO t VALUES (3)", &e), &e); /* unaudited: not seen */
	assert_int_equal(store_generation(s, c), g2);
	store_watch_others(s, 3600 * 1000); /* looks at most once an hour */
	must(db_exec(other, "UPDATE audit_head SET last_id = last_id + 1", &e), &e);
	assert_int_equal(store_generation(s, c), g2);
	store_watch_others(s, -1);
	db_close(other);
	store_release(s, c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(commits_move_it, setup, teardown),
		cmocka_unit_test_setup_teardown(other_processes_seen_when_watched, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
