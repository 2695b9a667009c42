/* The store: a pool of database connections (one per worker thread) and
 * the repositories built on db.h. Handlers get a connection per request. */
#ifndef GUATU_STORE_STORE_H
#define GUATU_STORE_STORE_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "store/db.h"

struct store;

/* Opens pool_size connections to url. Fails if the first cannot open. */
gcode store_open(const char *url, int pool_size, struct store **out, struct gerror *e);
void store_close(struct store *s);
/* Blocks until a connection is free. Never NULL. */
struct db *store_acquire(struct store *s);
void store_release(struct store *s, struct db *c);

/* The data generation: a number that moves on after every commit through
 * this store's connections and, once store_watch_others is set, when
 * another process's audited write is seen (audit_head is read at most every
 * check_ms milliseconds, through c). Answers computed under one generation
 * are right while it lasts: capture it before reading. */
uint64_t store_generation(struct store *s, struct db *c);
void store_watch_others(struct store *s, int check_ms);
/* For writes outside db_commit (autocommit statements). */
void store_changed(struct store *s);

/* True when a pooled connection answers a trivial query (/healthz). */
bool store_ping(struct store *s);

/* Who is acting, for the audit record. */
struct actor {
	int64_t id;       /* 0: the system itself */
	const char *name; /* username or "system" */
	const char *ip;
};

/* Appends one hash-chained audit record. Must run inside the caller's
 * transaction so the change and its record commit together. before/after
 * may be NULL; they are serialised with sorted keys. */
gcode audit_append(struct db *c, const struct actor *a, const char *action,
		   const char *object_type, const char *object_id, const char *region,
		   const json_t *before, const json_t *after, struct gerror *e);
/* Appends in a transaction of its own (logins, failures, denials). */
gcode audit_append_tx(struct db *c, const struct actor *a, const char *action,
		      const char *object_type, const char *object_id, const char *region,
		      const json_t *before, const json_t *after, struct gerror *e);

/* Row to JSON: names[i] is the key of column i, types[i] is one of
 * 'i' integer, 't' text, 'b' boolean (0/1), 'j' JSON text, 'n' integer or null. */
json_t *db_row_json(struct db_stmt *s, const char *const *names, const char *types);

/* Runs fn inside a write transaction, retrying on G_ERR_RETRY. */
gcode store_tx(struct db *c, gcode (*fn)(struct db *c, void *arg, struct gerror *e),
	       void *arg, struct gerror *e);

#endif
