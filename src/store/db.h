/* The database driver interface: one table of function pointers per engine
 * (sqlite.c, postgres.c). Repository code (store_*.c) writes portable SQL
 * with $1..$N parameters against it and never sees the engine. */
#ifndef GUATU_STORE_DB_H
#define GUATU_STORE_DB_H
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

enum db_dialect { DB_SQLITE, DB_POSTGRES };
enum { DB_ROW = 1, DB_DONE = 0 }; /* db_step results; <0 is an error */

struct db;
struct db_stmt;
struct db_copy;

struct db_driver {
	const char *name;
	enum db_dialect dialect;
	gcode (*open)(const char *url, struct db **out, struct gerror *e);
	void (*close)(struct db *c);
	/* Runs one or more statements without parameters or results. */
	gcode (*exec)(struct db *c, const char *sql, struct gerror *e);
	gcode (*prepare)(struct db *c, const char *sql, struct db_stmt **out,
			 struct gerror *e);
	void (*bind_text)(struct db_stmt *s, int idx, const char *v, size_t len);
	void (*bind_i64)(struct db_stmt *s, int idx, int64_t v);
	void (*bind_null)(struct db_stmt *s, int idx);
	int (*step)(struct db_stmt *s, struct gerror *e);
	int (*ncols)(struct db_stmt *s);
	bool (*col_null)(struct db_stmt *s, int col);
	int64_t (*col_i64)(struct db_stmt *s, int col);
	const char *(*col_text)(struct db_stmt *s, int col); /* "" for NULL */
	size_t (*col_len)(struct db_stmt *s, int col);
	void (*finish)(struct db_stmt *s);
	/* Number of rows the last INSERT/UPDATE/DELETE changed. */
	int64_t (*changes)(struct db_stmt *s);
	/* Bulk loading (db_copy_*). */
	gcode (*copy_begin)(struct db *c, const char *table, const char *cols, int ncols,
			    struct db_copy **out, struct gerror *e);
	gcode (*copy_row)(struct db_copy *b, const char *const *vals, struct gerror *e);
	gcode (*copy_end)(struct db_copy *b, struct gerror *e);
};

/* The connection header every driver's struct db begins with. */
struct db_base {
	const struct db_driver *drv;
	int tx_depth;
	/* The data generation of the store this connection belongs to (NULL
	 * outside a store): db_commit moves it on after every commit. */
	_Atomic uint64_t *gen;
};

extern const struct db_driver db_sqlite_driver;
extern const struct db_driver db_postgres_driver;

/* SQLite's page cache per connection opened from now on, in KiB (at least
 * 512); 0 leaves SQLite's default (2 MiB). Set before the store is opened. */
void db_sqlite_set_cache_kib(int kib);
/* The page cache size connections are opened with, in KiB. */
int db_sqlite_cache_kib(void);

/* Opens by URL: postgres:// or postgresql:// selects PostgreSQL, anything
 * else is a SQLite file path. */
gcode db_open(const char *url, struct db **out, struct gerror *e);
void db_close(struct db *c);
enum db_dialect db_dialect_of(struct db *c);
gcode db_exec(struct db *c, const char *sql, struct gerror *e);

/* Transactions. db_begin starts a write transaction (SQLite: BEGIN IMMEDIATE). */
gcode db_begin(struct db *c, struct gerror *e);
gcode db_commit(struct db *c, struct gerror *e);
void db_rollback(struct db *c);

/* Prepared statements. A failed prepare leaves *out NULL; db_finish(NULL)
 * is a no-op. Bind indexes start at 1 and match $1..$N in the SQL. */
gcode db_prepare(struct db *c, const char *sql, struct db_stmt **out,
		 struct gerror *e);
void db_bind_text(struct db_stmt *s, int idx, const char *v);
void db_bind_textn(struct db_stmt *s, int idx, const char *v, size_t len);
void db_bind_i64(struct db_stmt *s, int idx, int64_t v);
void db_bind_null(struct db_stmt *s, int idx);
/* Binds NULL when v is NULL, text otherwise. */
void db_bind_opt_text(struct db_stmt *s, int idx, const char *v);
int db_step(struct db_stmt *s, struct gerror *e);
bool db_col_null(struct db_stmt *s, int col);
int64_t db_col_i64(struct db_stmt *s, int col);
const char *db_col_text(struct db_stmt *s, int col);
size_t db_col_len(struct db_stmt *s, int col);
int64_t db_changes(struct db_stmt *s);
void db_finish(struct db_stmt *s);

/* Convenience: prepares, binds nothing, steps once; returns the first
 * column of the first row as int64 (def when no row). */
gcode db_scalar_i64(struct db *c, const char *sql, int64_t def, int64_t *out,
		    struct gerror *e);

/* Prepares sql and binds the variadic arguments by fmt, one char each:
 * 'i' int64_t, 't' const char * (NULL binds NULL), 'z' int64_t where 0
 * binds NULL (optional foreign keys). */
gcode db_prepare_bind(struct db *c, const char *sql, struct db_stmt **out,
		      struct gerror *e, const char *fmt, ...);
/* Prepares, binds, steps to the end and finishes; *changes (may be NULL)
 * receives the number of rows changed. */
gcode db_run(struct db *c, const char *sql, int64_t *changes, struct gerror *e,
	     const char *fmt, ...);

/* Bulk loading of many rows into one table inside the caller's
 * transaction: COPY ... FROM STDIN on PostgreSQL (no round trip per row), a
 * reused INSERT on SQLite. cols is the column list "a, b, c" of ncols
 * names (code constants, never user input); each row gives ncols values
 * as text, NULL for NULL. db_copy_end frees b whatever happened; an error
 * of a row may only show there (PostgreSQL sends rows in chunks of a few
 * MiB). Loads open at once are written in an order of their own: a load
 * whose rows reference another's rows must end after it. */
gcode db_copy_begin(struct db *c, const char *table, const char *cols, int ncols,
		    struct db_copy **out, struct gerror *e);
gcode db_copy_row(struct db_copy *b, const char *const *vals, struct gerror *e);
gcode db_copy_end(struct db_copy *b, struct gerror *e);

/* Writes "%q%" with LIKE's metacharacters escaped by backslash, for use
 * with ESCAPE '\'. Returns out, or NULL when q is NULL/empty or too long. */
const char *db_like_pattern(const char *q, char *out, size_t cap);

#endif
