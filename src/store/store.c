#include "store/store.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/mem.h"

struct store {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct db **free_list;
	int nfree;
	int size;
	/* Data generation (see store_generation). */
	_Atomic uint64_t gen;
	pthread_mutex_t check_mu;
	int64_t check_ms;      /* <0: never look at other processes' writes */
	int64_t checked_at_ms; /* under check_mu */
	int64_t audit_last;    /* under check_mu; -1 before the first look */
};

gcode store_open(const char *url, int pool_size, struct store **out, struct gerror *e)
{
	if (pool_size < 1)
		pool_size = 1;
	struct store *s = xcalloc(1, sizeof *s);
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->cv, NULL);
	pthread_mutex_init(&s->check_mu, NULL);
	s->check_ms = -1;
	s->audit_last = -1;
	s->free_list = xcalloc((size_t)pool_size, sizeof *s->free_list);
	for (int i = 0; i < pool_size; i++) {
		gcode rc = db_open(url, &s->free_list[i], e);
		if (rc != G_OK) {
			s->nfree = i;
			store_close(s);
			*out = NULL;
			return rc;
		}
		((struct db_base *)s->free_list[i])->gen = &s->gen;
	}
	s->nfree = s->size = pool_size;
	*out = s;
	return G_OK;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->nfree; i++)
		db_close(s->free_list[i]);
	free(s->free_list);
	pthread_mutex_destroy(&s->mu);
	pthread_cond_destroy(&s->cv);
	pthread_mutex_destroy(&s->check_mu);
	free(s);
}

struct db *store_acquire(struct store *s)
{
	pthread_mutex_lock(&s->mu);
	while (s->nfree == 0)
		pthread_cond_wait(&s->cv, &s->mu);
	struct db *c = s->free_list[--s->nfree];
	pthread_mutex_unlock(&s->mu);
	return c;
}

void store_release(struct store *s, struct db *c)
{
	if (!c)
		return;
	db_rollback(c); /* a handler that failed mid-transaction leaves nothing */
	pthread_mutex_lock(&s->mu);
	s->free_list[s->nfree++] = c;
	pthread_cond_signal(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

json_t *db_row_json(struct db_stmt *s, const char *const *names, const char *types)
{
	json_t *o = json_object();
	for (int i = 0; names[i]; i++) {
		json_t *v;
		switch (types[i]) {
		case 'i':
			v = json_integer(db_col_i64(s, i));
			break;
		case 'b':
			v = json_boolean(db_col_i64(s, i) != 0);
			break;
		case 'n':
			v = db_col_null(s, i) ? json_null() : json_integer(db_col_i64(s, i));
			break;
		case 'j':
			v = db_col_null(s, i) ? json_null()
					      : json_loadb(db_col_text(s, i), db_col_len(s, i), 0, NULL);
			if (!v)
				v = json_null();
			break;
		default:
			v = db_col_null(s, i) ? json_null()
					      : json_stringn(db_col_text(s, i), db_col_len(s, i));
			break;
		}
		json_object_set_new(o, names[i], v ? v : json_null());
	}
	return o;
}

gcode store_tx(struct db *c, gcode (*fn)(struct db *c, void *arg, struct gerror *e),
	       void *arg, struct gerror *e)
{
	gcode rc = G_ERR_RETRY;
	for (int attempt = 0; attempt < 5 && rc == G_ERR_RETRY; attempt++) {
		rc = db_begin(c, e);
		if (rc != G_OK)
			continue;
		rc = fn(c, arg, e);
		if (rc == G_OK)
			rc = db_commit(c, e);
		else
			db_rollback(c);
	}
	return rc;
}

bool store_ping(struct store *s)
{
	struct db *c = store_acquire(s);
	int64_t one = 0;
	bool ok = db_scalar_i64(c, "SELECT 1", 0, &one, NULL) == G_OK && one == 1;
	store_release(s, c);
	return ok;
}

void store_watch_others(struct store *s, int check_ms)
{
	pthread_mutex_lock(&s->check_mu);
	s->check_ms = check_ms;
	pthread_mutex_unlock(&s->check_mu);
}

static int64_t mono_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Every audited write, in any process, moves audit_head; one request at a
 * time looks (the others go on with the generation they have). */
static void look_at_others(struct store *s, struct db *c)
{
	if (pthread_mutex_trylock(&s->check_mu) != 0)
		return;
	int64_t now = mono_ms();
	if (s->check_ms >= 0 && now - s->checked_at_ms >= s->check_ms) {
		int64_t last = 0;
		s->checked_at_ms = now;
		if (db_scalar_i64(c, "SELECT last_id FROM audit_head WHERE one = 1", 0, &last,
				  NULL) != G_OK)
			last = -2; /* unreadable: treat as changed every time */
		if (last != s->audit_last || last < 0) {
			s->audit_last = last;
			atomic_fetch_add(&s->gen, 1);
		}
	}
	pthread_mutex_unlock(&s->check_mu);
}

uint64_t store_generation(struct store *s, struct db *c)
{
	if (c)
		look_at_others(s, c);
	return atomic_load(&s->gen);
}

void store_changed(struct store *s)
{
	atomic_fetch_add(&s->gen, 1);
}
