/* The db.h driver interface, exercised identically against SQLite (a temp
 * file) and PostgreSQL (GUATU_TEST_PG_URL, e.g. from tools/pg-test-server.sh).
 * Without GUATU_TEST_PG_URL the PostgreSQL group fails, unless
 * GUATU_TEST_ALLOW_NO_PG=1 says that is expected. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/db.h"

struct backend {
	const char *label;
	char url[512];
	const char *bad_url; /* an open of it must fail */
	struct db *c;
};

static struct backend sqlite_be = {.label = "SQLite", .bad_url = "/nonexistent-guatu-dir/x.db"};
static struct backend pg_be = {.label = "PostgreSQL",
			       .bad_url = "postgres://guatu@127.0.0.1:1/guatu?connect_timeout=3"};
static struct backend *cur;
#define C (cur->c)

static const char *const schema[] = {
    "DROP TABLE IF EXISTS bt_child",
    "DROP TABLE IF EXISTS bt_parent",
    "CREATE TABLE bt_parent (id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
    " note TEXT, amount BIGINT)",
    "CREATE TABLE bt_child (id BIGINT PRIMARY KEY,"
    " parent_id BIGINT NOT NULL REFERENCES bt_parent (id), label TEXT)",
};

static const char INSERT_PARENT[] =
    "INSERT INTO bt_parent (id, name, note, amount) VALUES ($1, $2, $3, $4)";
static const char INSERT_CHILD[] =
    "INSERT INTO bt_child (id, parent_id, label) VALUES ($1, $2, $3)";
static const char SELECT_FROM[] =
    "SELECT id, name, note, amount FROM bt_parent WHERE id >= $1 ORDER BY id";
static const char COUNT_PARENTS[] = "SELECT COUNT(*) FROM bt_parent";
static const char COUNT_CHILDREN[] = "SELECT COUNT(*) FROM bt_child";

/* ---- helpers ---- */

static int group_setup(void **state)
{
	(void)state;
	struct gerror e = {0};
	if (db_open(cur->url, &cur->c, &e) != G_OK) {
		fprintf(stderr, "cannot open %s database %s: %s\n", cur->label, cur->url, e.en);
		return -1;
	}
	for (size_t i = 0; i < sizeof schema / sizeof schema[0]; i++) {
		if (db_exec(C, schema[i], &e) != G_OK) {
			fprintf(stderr, "schema: %s\n", e.en);
			return -1;
		}
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	if (!C)
		return 0;
	db_rollback(C);
	db_exec(C, "DROP TABLE IF EXISTS bt_child; DROP TABLE IF EXISTS bt_parent", NULL);
	db_close(C);
	C = NULL;
	return 0;
}

static int empty_tables(void **state)
{
	(void)state;
	db_rollback(C);
	return db_exec(C, "DELETE FROM bt_child; DELETE FROM bt_parent", NULL) == G_OK ? 0 : -1;
}

static gcode add_parent(int64_t id, const char *name, const char *note, int64_t amount,
			struct gerror *e)
{
	return db_run(C, INSERT_PARENT, NULL, e, "itti", id, name, note, amount);
}

static gcode add_child(int64_t id, int64_t parent, const char *label, struct gerror *e)
{
	return db_run(C, INSERT_CHILD, NULL, e, "iit", id, parent, label);
}

static int64_t scalar(struct db *c, const char *sql)
{
	struct gerror e = {0};
	int64_t v = -999;
	if (db_scalar_i64(c, sql, -1, &v, &e) != G_OK)
		fail_msg("%s: %s", sql, e.en);
	return v;
}

static void must(gcode rc, const struct gerror *e)
{
	if (rc != G_OK)
		fail_msg("expected success, got %s: %s", gerr_code_name(rc), e->en);
}

/* ---- tests run on every backend ---- */

static void test_insert_null_and_int64_extremes(void **state)
{
	(void)state;
	struct gerror e = {0};
	struct db_stmt *s;
	must(db_prepare(C, INSERT_PARENT, &s, &e), &e);
	db_bind_i64(s, 1, INT64_MAX);
	db_bind_text(s, 2, "max");
	db_bind_null(s, 3);
	db_bind_i64(s, 4, INT64_MIN);
	assert_int_equal(db_step(s, &e), DB_DONE);
	assert_int_equal(db_changes(s), 1);
	db_finish(s);
	must(add_parent(INT64_MIN, "min", "low", INT64_MAX, &e), &e);
	must(add_parent(0, "zero", NULL, 0, &e), &e);

	static const struct {
		int64_t id;
		const char *name, *note;
		int64_t amount;
	} want[] = {
	    {INT64_MIN, "min", "low", INT64_MAX},
	    {0, "zero", NULL, 0},
	    {INT64_MAX, "max", NULL, INT64_MIN},
	};
	must(db_prepare(C, SELECT_FROM, &s, &e), &e);
	db_bind_i64(s, 1, INT64_MIN);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(db_step(s, &e), DB_ROW);
		assert_true(db_col_i64(s, 0) == want[i].id);
		assert_string_equal(db_col_text(s, 1), want[i].name);
		assert_int_equal(db_col_len(s, 1), strlen(want[i].name));
		assert_int_equal(db_col_null(s, 2), want[i].note == NULL);
		assert_string_equal(db_col_text(s, 2), want[i].note ? want[i].note : "");
		assert_false(db_col_null(s, 3));
		assert_true(db_col_i64(s, 3) == want[i].amount);
	}
	assert_int_equal(db_step(s, &e), DB_DONE);
	db_finish(s);
}

static void test_returning(void **state)
{
	(void)state;
	struct gerror e = {0};
	struct db_stmt *s;
	must(db_prepare_bind(C,
			     "INSERT INTO bt_parent (id, name, amount) VALUES ($1, $2, $3)"
			     " RETURNING id, name, amount",
			     &s, &e, "iti", (int64_t)42, "answer", (int64_t)-7),
	     &e);
	assert_int_equal(db_step(s, &e), DB_ROW);
	assert_int_equal(db_col_i64(s, 0), 42);
	assert_string_equal(db_col_text(s, 1), "answer");
	assert_int_equal(db_col_i64(s, 2), -7);
	assert_int_equal(db_step(s, &e), DB_DONE);
	assert_int_equal(db_changes(s), 1);
	db_finish(s);

	must(db_prepare_bind(C,
			     "UPDATE bt_parent SET amount = amount * 2 WHERE id = $1"
			     " RETURNING amount",
			     &s, &e, "i", (int64_t)42),
	     &e);
	assert_int_equal(db_step(s, &e), DB_ROW);
	assert_int_equal(db_col_i64(s, 0), -14);
	assert_int_equal(db_step(s, &e), DB_DONE);
	db_finish(s);
}

static void test_changes(void **state)
{
	(void)state;
	struct gerror e = {0};
	for (int64_t i = 1; i <= 3; i++) {
		char name[16];
		snprintf(name, sizeof name, "p%d", (int)i);
		must(add_parent(i, name, NULL, i * 10, &e), &e);
	}
	int64_t n = -1;
	must(db_run(C, "UPDATE bt_parent SET note = $1 WHERE amount >= $2", &n, &e, "ti", "big",
		    (int64_t)20),
	     &e);
	assert_int_equal(n, 2);
	must(db_run(C, "UPDATE bt_parent SET note = $1 WHERE amount > $2", &n, &e, "ti", "none",
		    (int64_t)1000),
	     &e);
	assert_int_equal(n, 0);
	must(db_run(C, "DELETE FROM bt_parent WHERE amount < $1", &n, &e, "i", (int64_t)20), &e);
	assert_int_equal(n, 1);
	assert_int_equal(scalar(C, COUNT_PARENTS), 2);
}

static void test_unique_violation(void **state)
{
	(void)state;
	struct gerror e = {0};
	must(add_parent(1, "a", NULL, 0, &e), &e);
	assert_int_equal(add_parent(1, "b", NULL, 0, &e), G_ERR_EXISTS);
	assert_int_equal(e.code, G_ERR_EXISTS);
	assert_string_equal(e.zh, "记录已存在");
	gerr_clear(&e);
	assert_int_equal(add_parent(2, "a", NULL, 0, &e), G_ERR_EXISTS);
	assert_int_equal(db_exec(C, "INSERT INTO bt_parent (id, name) VALUES (1, 'c')", &e),
			 G_ERR_EXISTS);
	assert_int_equal(scalar(C, COUNT_PARENTS), 1); /* the connection still works */
}

static void test_foreign_key_violation(void **state)
{
	(void)state;
	struct gerror e = {0};
	assert_int_equal(add_child(1, 999, "orphan", &e), G_ERR_INVALID);
	assert_int_equal(e.code, G_ERR_INVALID);
	must(add_parent(1, "a", NULL, 0, &e), &e);
	must(add_child(1, 1, "ok", &e), &e);
	assert_int_equal(
	    db_run(C, "DELETE FROM bt_parent WHERE id = $1", NULL, &e, "i", (int64_t)1),
	    G_ERR_INVALID);
	assert_int_equal(scalar(C, COUNT_CHILDREN), 1);
}

static void test_rollback_leaves_nothing(void **state)
{
	(void)state;
	struct gerror e = {0};
	must(db_begin(C, &e), &e);
	must(add_parent(1, "a", NULL, 0, &e), &e);
	must(add_parent(2, "b", NULL, 0, &e), &e);
	must(add_child(1, 2, "c", &e), &e);
	assert_int_equal(scalar(C, COUNT_PARENTS), 2);
	db_rollback(C);
	assert_int_equal(scalar(C, COUNT_PARENTS), 0);
	assert_int_equal(scalar(C, COUNT_CHILDREN), 0);
}

static void test_commit_is_visible_to_another_connection(void **state)
{
	(void)state;
	struct gerror e = {0};
	must(db_begin(C, &e), &e);
	must(add_parent(1, "a", NULL, 5, &e), &e);
	must(add_child(1, 1, "c", &e), &e);
	must(db_commit(C, &e), &e);
	struct db *other;
	must(db_open(cur->url, &other, &e), &e);
	assert_int_equal(scalar(other, COUNT_PARENTS), 1);
	assert_int_equal(scalar(other, COUNT_CHILDREN), 1);
	db_close(other);
}

/* Engines differ on a failed statement inside a transaction (PostgreSQL
 * aborts the transaction, SQLite only the statement), but the result of
 * COMMIT must always tell the truth about what was saved. */
static void test_commit_after_failed_statement_tells_the_truth(void **state)
{
	(void)state;
	struct gerror e = {0};
	must(add_parent(1, "a", NULL, 0, &e), &e);
	must(db_begin(C, &e), &e);
	must(add_parent(2, "b", NULL, 0, &e), &e);
	assert_int_equal(add_parent(1, "dup", NULL, 0, &e), G_ERR_EXISTS);
	gcode rc = db_commit(C, &e);
	assert_int_equal(scalar(C, COUNT_PARENTS), rc == G_OK ? 2 : 1);
}

/* The same SQL text prepared again while a statement over it is being
 * stepped, and a cached INSERT reused on every row. */
static void test_reentrant_same_sql(void **state)
{
	(void)state;
	struct gerror e = {0};
	for (int64_t i = 1; i <= 4; i++) {
		char name[16];
		snprintf(name, sizeof name, "n%d", (int)i);
		must(add_parent(i, name, NULL, i, &e), &e);
	}
	for (int round = 0; round < 2; round++) {
		struct db_stmt *outer;
		must(db_prepare(C, SELECT_FROM, &outer, &e), &e);
		db_bind_i64(outer, 1, 1);
		int64_t seen = 0;
		while (db_step(outer, &e) == DB_ROW) {
			int64_t id = db_col_i64(outer, 0);
			assert_int_equal(id, ++seen);
			struct db_stmt *inner;
			must(db_prepare(C, SELECT_FROM, &inner, &e), &e);
			db_bind_i64(inner, 1, id);
			int64_t rows = 0;
			while (db_step(inner, &e) == DB_ROW)
				rows++;
			db_finish(inner);
			assert_int_equal(rows, 5 - id);
			must(add_child(round * 10 + id, id, db_col_text(outer, 1), &e), &e);
			assert_int_equal(db_col_i64(outer, 0), id); /* outer row intact */
		}
		db_finish(outer);
		assert_int_equal(seen, 4);
	}
	assert_int_equal(scalar(C, COUNT_CHILDREN), 8);
}

static void test_chinese_text_round_trip(void **state)
{
	(void)state;
	static const char *const names[] = {"吉林省长春市朝阳区", "公主岭市",
					    "𠀀𪚥 emoji 😀 and ASCII"};
	struct gerror e = {0};
	for (size_t i = 0; i < 3; i++)
		must(add_parent((int64_t)i + 1, names[i], "备注：统计数据", 0, &e), &e);
	struct db_stmt *s;
	must(db_prepare_bind(C,
			     "SELECT id, name, note, length(name) FROM bt_parent WHERE name = $1",
			     &s, &e, "t", names[0]),
	     &e);
	assert_int_equal(db_step(s, &e), DB_ROW);
	assert_int_equal(db_col_i64(s, 0), 1);
	assert_string_equal(db_col_text(s, 1), names[0]);
	assert_int_equal(db_col_len(s, 1), strlen(names[0]));
	assert_string_equal(db_col_text(s, 2), "备注：统计数据");
	assert_int_equal(db_col_i64(s, 3), 9); /* characters, not bytes */
	db_finish(s);
	must(db_prepare_bind(C, "SELECT name FROM bt_parent WHERE name LIKE $1", &s, &e, "t",
			     "%长春%"),
	     &e);
	assert_int_equal(db_step(s, &e), DB_ROW);
	assert_string_equal(db_col_text(s, 0), names[0]);
	assert_int_equal(db_step(s, &e), DB_DONE);
	db_finish(s);
	must(
	    db_prepare_bind(C, "SELECT name FROM bt_parent WHERE id = $1", &s, &e, "i", (int64_t)3),
	    &e);
	assert_int_equal(db_step(s, &e), DB_ROW);
	assert_string_equal(db_col_text(s, 0), names[2]);
	db_finish(s);
}

/* Repository SQL casts parameters whose type the context cannot give. */
static void test_null_and_unbound_parameters(void **state)
{
	(void)state;
	struct gerror e = {0};
	struct db_stmt *s;
	must(db_prepare(C,
			"SELECT CAST($1 AS TEXT) IS NULL, COALESCE(CAST($2 AS BIGINT), -1),"
			" CAST($3 AS TEXT) IS NULL",
			&s, &e),
	     &e);
	db_bind_null(s, 1);
	db_bind_opt_text(s, 2, NULL);
	assert_int_equal(db_step(s, &e), DB_ROW);
	assert_int_equal(db_col_i64(s, 0), 1);
	assert_int_equal(db_col_i64(s, 1), -1);
	assert_int_equal(db_col_i64(s, 2), 1); /* never bound: NULL */
	db_finish(s);
	must(db_prepare_bind(C, "SELECT CAST($1 AS TEXT) IS NULL, CAST($2 AS BIGINT) + 1", &s, &e,
			     "zi", (int64_t)0, (int64_t)41),
	     &e);
	assert_int_equal(db_step(s, &e), DB_ROW);
	assert_int_equal(db_col_i64(s, 0), 1);
	assert_int_equal(db_col_i64(s, 1), 42);
	db_finish(s);
}

/* Text bound to a BIGINT column and an integer bound to a TEXT column. */
static void test_loose_parameter_types(void **state)
{
	(void)state;
	struct gerror e = {0};
	struct db_stmt *s;
	must(db_prepare(C, INSERT_PARENT, &s, &e), &e);
	db_bind_text(s, 1, "42");
	db_bind_i64(s, 2, 12345);
	db_bind_textn(s, 3, "abcdef", 3);
	db_bind_text(s, 4, "-9000000000");
	assert_int_equal(db_step(s, &e), DB_DONE);
	db_finish(s);
	must(db_prepare_bind(C, "SELECT id, note, amount FROM bt_parent WHERE name = $1", &s, &e,
			     "i", (int64_t)12345),
	     &e);
	assert_int_equal(db_step(s, &e), DB_ROW);
	assert_int_equal(db_col_i64(s, 0), 42);
	assert_string_equal(db_col_text(s, 1), "abc");
	assert_true(db_col_i64(s, 2) == -9000000000LL);
	db_finish(s);
}

static void test_literals_comments_and_like_escape(void **state)
{
	(void)state;
	struct gerror e = {0};
	struct db_stmt *s;
	must(db_prepare_bind(C, "SELECT CAST($1 AS TEXT) || '$9''s' -- $7 is no parameter\n", &s,
			     &e, "t", "x"),
	     &e);
	assert_int_equal(db_step(s, &e), DB_ROW);
	assert_string_equal(db_col_text(s, 0), "x$9's");
	db_finish(s);
	must(add_parent(1, "100%", NULL, 0, &e), &e);
	must(add_parent(2, "1000", NULL, 0, &e), &e);
	int64_t n = 0;
	must(db_prepare_bind(C, "SELECT COUNT(*) FROM bt_parent WHERE name LIKE $1 ESCAPE '\\'", &s,
			     &e, "t", "100\\%"),
	     &e);
	assert_int_equal(db_step(s, &e), DB_ROW);
	n = db_col_i64(s, 0);
	db_finish(s);
	assert_int_equal(n, 1);
}

static char sum_sql[2048];

static void test_sixty_four_parameters(void **state)
{
	(void)state;
	size_t off = 0;
	off += (size_t)snprintf(sum_sql, sizeof sum_sql, "SELECT 0");
	for (int i = 1; i <= 64; i++)
		off += (size_t)snprintf(sum_sql + off, sizeof sum_sql - off,
					" + CAST($%d AS BIGINT)", i);
	assert_true(off < sizeof sum_sql);
	for (int round = 0; round < 2; round++) {
		struct gerror e = {0};
		struct db_stmt *s;
		must(db_prepare(C, sum_sql, &s, &e), &e);
		for (int i = 1; i <= 64; i++)
			db_bind_i64(s, i, i + round);
		assert_int_equal(db_step(s, &e), DB_ROW);
		assert_int_equal(db_col_i64(s, 0), 64 * 65 / 2 + 64 * round);
		db_finish(s);
	}
}

static void test_boolean_expressions_read_as_integers(void **state)
{
	(void)state;
	struct gerror e = {0};
	must(add_parent(1, "a", NULL, 0, &e), &e);
	assert_int_equal(scalar(C, "SELECT EXISTS (SELECT 1 FROM bt_parent)"), 1);
	assert_int_equal(scalar(C, "SELECT 1 = 2"), 0);
}

static void test_scalar_default_and_exec_many(void **state)
{
	(void)state;
	struct gerror e = {0};
	int64_t v = 0;
	must(db_scalar_i64(C, "SELECT MAX(amount) FROM bt_parent", 7, &v, &e), &e);
	assert_int_equal(v, 7);
	must(db_scalar_i64(C, "SELECT id FROM bt_parent", 8, &v, &e), &e);
	assert_int_equal(v, 8);
	must(db_exec(C,
		     "INSERT INTO bt_parent (id, name, amount) VALUES (1, 'a', 3);"
		     " INSERT INTO bt_parent (id, name, amount) VALUES (2, 'b', 4)",
		     &e),
	     &e);
	must(db_scalar_i64(C, "SELECT SUM(amount) FROM bt_parent", 0, &v, &e), &e);
	assert_int_equal(v, 7);
}

static void test_sql_error_then_connection_still_works(void **state)
{
	(void)state;
	struct gerror e = {0};
	assert_int_equal(db_run(C, "SELEC 1", NULL, &e, ""), G_ERR_DB);
	assert_int_equal(e.code, G_ERR_DB);
	assert_true(e.en[0] != '\0');
	gerr_clear(&e);
	assert_int_equal(
	    db_run(C, "SELECT * FROM bt_missing WHERE id = $1", NULL, &e, "i", (int64_t)1),
	    G_ERR_DB);
	assert_int_equal(scalar(C, "SELECT 1"), 1);
}

static void test_open_failure_is_io_error(void **state)
{
	(void)state;
	struct gerror e = {0};
	struct db *c = (struct db *)&e; /* must be reset to NULL */
	assert_int_equal(db_open(cur->bad_url, &c, &e), G_ERR_IO);
	assert_null(c);
	assert_string_equal(e.field, "db");
	assert_true(e.en[0] != '\0');
}

/* ---- SQLite only ---- */

/* db_cache_mb reaches every connection opened afterwards, within bounds. */
static void test_sqlite_page_cache_setting(void **state)
{
	(void)state;
	struct gerror e = {0};
	static const int asked[] = {8192, 100, 0};
	static const int kept[] = {8192, 512, 2000};
	for (int i = 0; i < 3; i++) {
		db_sqlite_set_cache_kib(asked[i]);
		assert_int_equal(db_sqlite_cache_kib(), kept[i]);
		struct db *c = NULL;
		if (db_open(cur->url, &c, &e) != G_OK)
			fail_msg("open: %s", e.en);
		assert_int_equal(scalar(c, "PRAGMA cache_size"), -kept[i]);
		db_close(c);
	}
}

/* ---- PostgreSQL only ---- */

/* The cache key is the SQL's address; new text at the same address must
 * never run the statement prepared for the old text. */
static void test_pg_reused_sql_address(void **state)
{
	(void)state;
	static char sql[64];
	for (int add = 1; add <= 100; add *= 10) {
		snprintf(sql, sizeof sql, "SELECT CAST($1 AS BIGINT) + %d", add);
		struct gerror e = {0};
		struct db_stmt *s;
		must(db_prepare_bind(C, sql, &s, &e, "i", (int64_t)1), &e);
		assert_int_equal(db_step(s, &e), DB_ROW);
		assert_int_equal(db_col_i64(s, 0), 1 + add);
		db_finish(s);
	}
}

static void test_pg_reconnects_outside_a_transaction(void **state)
{
	(void)state;
	struct gerror e = {0};
	must(add_parent(1, "a", NULL, 0, &e), &e); /* INSERT_PARENT now prepared */
	assert_int_not_equal(
	    db_run(C, "SELECT pg_terminate_backend(pg_backend_pid())", NULL, &e, ""), G_OK);
	assert_int_equal(scalar(C, "SELECT 1"), 1);
	must(add_parent(2, "b", NULL, 0, &e), &e); /* prepared again after the reset */
	assert_int_equal(scalar(C, COUNT_PARENTS), 2);
}

static void test_pg_no_silent_reconnect_inside_a_transaction(void **state)
{
	(void)state;
	struct gerror e = {0};
	must(db_begin(C, &e), &e);
	must(add_parent(1, "a", NULL, 0, &e), &e);
	assert_int_not_equal(
	    db_run(C, "SELECT pg_terminate_backend(pg_backend_pid())", NULL, &e, ""), G_OK);
	assert_int_equal(add_parent(2, "b", NULL, 0, &e), G_ERR_DB);
	assert_int_not_equal(db_commit(C, &e), G_OK);
	assert_int_equal(scalar(C, COUNT_PARENTS), 0);
}

static void test_pg_serialization_failure_is_retry(void **state)
{
	(void)state;
	struct gerror e = {0};
	must(add_parent(1, "a", NULL, 1, &e), &e);
	struct db *other;
	must(db_open(cur->url, &other, &e), &e);
	must(db_exec(C, "BEGIN ISOLATION LEVEL REPEATABLE READ", &e), &e);
	assert_int_equal(scalar(C, "SELECT amount FROM bt_parent WHERE id = 1"), 1);
	must(db_exec(other, "UPDATE bt_parent SET amount = 2 WHERE id = 1", &e), &e);
	assert_int_equal(db_exec(C, "UPDATE bt_parent SET amount = 3 WHERE id = 1", &e),
			 G_ERR_RETRY);
	must(db_exec(C, "ROLLBACK", &e), &e);
	db_close(other);
	assert_int_equal(scalar(C, "SELECT amount FROM bt_parent WHERE id = 1"), 2);
}

static const char SELECT_SHAPE[] = "SELECT * FROM bt_shape WHERE id = $1";

static gcode select_shape(int64_t id, struct gerror *e)
{
	return db_run(C, SELECT_SHAPE, NULL, e, "i", id);
}

/* A cached statement whose result columns change under it (ALTER TABLE):
 * outside a transaction it runs again transparently; inside one it fails
 * once and works again after the rollback. */
static void test_pg_result_shape_change(void **state)
{
	(void)state;
	struct gerror e = {0};
	must(db_exec(C, "DROP TABLE IF EXISTS bt_shape; CREATE TABLE bt_shape (id BIGINT, a TEXT)",
		     &e),
	     &e);
	must(select_shape(1, &e), &e);
	must(db_exec(C, "ALTER TABLE bt_shape ADD COLUMN b TEXT", &e), &e);
	must(select_shape(1, &e), &e);
	must(db_begin(C, &e), &e);
	must(db_exec(C, "ALTER TABLE bt_shape ADD COLUMN c TEXT", &e), &e);
	assert_int_equal(select_shape(1, &e), G_ERR_DB);
	db_rollback(C);
	must(select_shape(1, &e), &e);
	must(db_exec(C, "DROP TABLE bt_shape", &e), &e);
}

static void test_pg_not_configured(void **state)
{
	(void)state;
	fail_msg("PostgreSQL not configured: set GUATU_TEST_PG_URL (start a server with "
		 "tools/pg-test-server.sh start DIR), or GUATU_TEST_ALLOW_NO_PG=1 to skip");
}

#define T(f) cmocka_unit_test_setup(f, empty_tables)
#define COMMON_TESTS                                                                               \
	T(test_insert_null_and_int64_extremes), T(test_returning), T(test_changes),                \
	    T(test_unique_violation), T(test_foreign_key_violation),                               \
	    T(test_rollback_leaves_nothing), T(test_commit_is_visible_to_another_connection),      \
	    T(test_commit_after_failed_statement_tells_the_truth), T(test_reentrant_same_sql),     \
	    T(test_chinese_text_round_trip), T(test_null_and_unbound_parameters),                  \
	    T(test_loose_parameter_types), T(test_literals_comments_and_like_escape),              \
	    T(test_sixty_four_parameters), T(test_boolean_expressions_read_as_integers),           \
	    T(test_scalar_default_and_exec_many), T(test_sql_error_then_connection_still_works),   \
	    T(test_open_failure_is_io_error)

static int run_sqlite(void)
{
	static const struct CMUnitTest tests[] = {COMMON_TESTS,
						   T(test_sqlite_page_cache_setting)};
	snprintf(sqlite_be.url, sizeof sqlite_be.url, "/tmp/guatu-backends-XXXXXX");
	int fd = mkstemp(sqlite_be.url);
	if (fd < 0) {
		perror("mkstemp");
		return 1;
	}
	close(fd);
	cur = &sqlite_be;
	int failed = cmocka_run_group_tests_name("store backends on SQLite", tests, group_setup,
						 group_teardown);
	char side[600];
	static const char *const suffix[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(side, sizeof side, "%s%s", sqlite_be.url, suffix[i]);
		unlink(side);
	}
	return failed;
}

static int run_postgres(void)
{
	static const struct CMUnitTest tests[] = {
	    COMMON_TESTS,
	    T(test_pg_reused_sql_address),
	    T(test_pg_reconnects_outside_a_transaction),
	    T(test_pg_no_silent_reconnect_inside_a_transaction),
	    T(test_pg_serialization_failure_is_retry),
	    T(test_pg_result_shape_change),
	};
	static const struct CMUnitTest missing[] = {cmocka_unit_test(test_pg_not_configured)};
	const char *url = getenv("GUATU_TEST_PG_URL");
	if (!url || !*url) {
		const char *allow = getenv("GUATU_TEST_ALLOW_NO_PG");
		printf("PostgreSQL not configured: GUATU_TEST_PG_URL is not set\n");
		if (allow && !strcmp(allow, "1")) {
			printf("PostgreSQL group skipped (GUATU_TEST_ALLOW_NO_PG=1)\n");
			return 0;
		}
		return cmocka_run_group_tests_name("store backends on PostgreSQL", missing, NULL,
						   NULL);
	}
	snprintf(pg_be.url, sizeof pg_be.url, "%s", url);
	cur = &pg_be;
	return cmocka_run_group_tests_name("store backends on PostgreSQL", tests, group_setup,
					   group_teardown);
}

int main(void)
{
	int failed = run_sqlite();
	failed += run_postgres();
	return failed ? 1 : 0;
}
