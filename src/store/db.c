#include "store/db.h"

#include <stdarg.h>
#include <string.h>

/* Every driver's connection and statement begin with a pointer back to the
 * driver, so the generic layer can dispatch. */
struct db_stmt_base {
	const struct db_driver *drv;
};

#define DRV(c) (((struct db_base *)(c))->drv)
#define SDRV(s) (((struct db_stmt_base *)(s))->drv)

gcode db_open(const char *url, struct db **out, struct gerror *e)
{
	*out = NULL;
	if (!strncmp(url, "postgres://", 11) || !strncmp(url, "postgresql://", 13))
		return db_postgres_driver.open(url, out, e);
	return db_sqlite_driver.open(url, out, e);
}

void db_close(struct db *c)
{
	if (c)
		DRV(c)->close(c);
}

enum db_dialect db_dialect_of(struct db *c)
{
	return DRV(c)->dialect;
}

gcode db_exec(struct db *c, const char *sql, struct gerror *e)
{
	return DRV(c)->exec(c, sql, e);
}

gcode db_begin(struct db *c, struct gerror *e)
{
	struct db_base *b = (struct db_base *)c;
	const char *sql = b->drv->dialect == DB_SQLITE ? "BEGIN IMMEDIATE" : "BEGIN";
	gcode rc = b->drv->exec(c, sql, e);
	if (rc == G_OK)
		b->tx_depth = 1;
	return rc;
}

gcode db_commit(struct db *c, struct gerror *e)
{
	struct db_base *b = (struct db_base *)c;
	gcode rc = b->drv->exec(c, "COMMIT", e);
	if (rc != G_OK)
		db_rollback(c);
	else if (b->gen)
		atomic_fetch_add(b->gen, 1);
	b->tx_depth = 0;
	return rc;
}

void db_rollback(struct db *c)
{
	struct db_base *b = (struct db_base *)c;
	if (!b->tx_depth)
		return;
	b->drv->exec(c, "ROLLBACK", NULL);
	b->tx_depth = 0;
}

gcode db_prepare(struct db *c, const char *sql, struct db_stmt **out,
		 struct gerror *e)
{
	*out = NULL;
	return DRV(c)->prepare(c, sql, out, e);
}

void db_bind_textn(struct db_stmt *s, int idx, const char *v, size_t len)
{
	SDRV(s)->bind_text(s, idx, v, len);
}

void db_bind_text(struct db_stmt *s, int idx, const char *v)
{
	SDRV(s)->bind_text(s, idx, v, strlen(v));
}

void db_bind_opt_text(struct db_stmt *s, int idx, const char *v)
{
	if (v)
		db_bind_text(s, idx, v);
	else
		db_bind_null(s, idx);
}

void db_bind_i64(struct db_stmt *s, int idx, int64_t v)
{
	SDRV(s)->bind_i64(s, idx, v);
}

void db_bind_null(struct db_stmt *s, int idx)
{
	SDRV(s)->bind_null(s, idx);
}

int db_step(struct db_stmt *s, struct gerror *e)
{
	return SDRV(s)->step(s, e);
}

bool db_col_null(struct db_stmt *s, int col)
{
	return SDRV(s)->col_null(s, col);
}

int64_t db_col_i64(struct db_stmt *s, int col)
{
	return SDRV(s)->col_i64(s, col);
}

const char *db_col_text(struct db_stmt *s, int col)
{
	return SDRV(s)->col_text(s, col);
}

size_t db_col_len(struct db_stmt *s, int col)
{
	return SDRV(s)->col_len(s, col);
}

int64_t db_changes(struct db_stmt *s)
{
	return SDRV(s)->changes(s);
}

void db_finish(struct db_stmt *s)
{
	if (s)
		SDRV(s)->finish(s);
}

gcode db_scalar_i64(struct db *c, const char *sql, int64_t def, int64_t *out,
		    struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare(c, sql, &s, e);
	if (rc != G_OK)
		return rc;
	int r = db_step(s, e);
	*out = r == DB_ROW && !db_col_null(s, 0) ? db_col_i64(s, 0) : def;
	db_finish(s);
	return r < 0 ? (e ? e->code : G_ERR_DB) : G_OK;
}

static void bind_va(struct db_stmt *s, const char *fmt, va_list ap)
{
	for (int i = 0; fmt[i]; i++) {
		if (fmt[i] == 'i') {
			db_bind_i64(s, i + 1, va_arg(ap, int64_t));
		} else if (fmt[i] == 'z') {
			int64_t v = va_arg(ap, int64_t);
			if (v)
				db_bind_i64(s, i + 1, v);
			else
				db_bind_null(s, i + 1);
		} else {
			db_bind_opt_text(s, i + 1, va_arg(ap, const char *));
		}
	}
}

gcode db_prepare_bind(struct db *c, const char *sql, struct db_stmt **out,
		      struct gerror *e, const char *fmt, ...)
{
	gcode rc = db_prepare(c, sql, out, e);
	if (rc != G_OK)
		return rc;
	va_list ap;
	va_start(ap, fmt);
	bind_va(*out, fmt, ap);
	va_end(ap);
	return G_OK;
}

gcode db_run(struct db *c, const char *sql, int64_t *changes, struct gerror *e,
	     const char *fmt, ...)
{
	struct db_stmt *s;
	gcode rc = db_prepare(c, sql, &s, e);
	if (rc != G_OK)
		return rc;
	va_list ap;
	va_start(ap, fmt);
	bind_va(s, fmt, ap);
	va_end(ap);
	int r;
	while ((r = db_step(s, e)) == DB_ROW)
		;
	if (r < 0)
		rc = e && e->code ? e->code : G_ERR_DB;
	else if (changes)
		*changes = db_changes(s);
	db_finish(s);
	return rc;
}

gcode db_copy_begin(struct db *c, const char *table, const char *cols, int ncols,
		    struct db_copy **out, struct gerror *e)
{
	*out = NULL;
	return DRV(c)->copy_begin(c, table, cols, ncols, out, e);
}

gcode db_copy_row(struct db_copy *b, const char *const *vals, struct gerror *e)
{
	return SDRV(b)->copy_row(b, vals, e);
}

gcode db_copy_end(struct db_copy *b, struct gerror *e)
{
	return b ? SDRV(b)->copy_end(b, e) : G_OK;
}

const char *db_like_pattern(const char *q, char *out, size_t cap)
{
	if (!q || !*q || strlen(q) * 2 + 3 > cap)
		return NULL;
	size_t j = 0;
	out[j++] = '%';
	for (size_t i = 0; q[i]; i++) {
		if (q[i] == '%' || q[i] == '_' || q[i] == '\\')
			out[j++] = '\\';
		out[j++] = q[i];
	}
	out[j++] = '%';
	out[j] = '\0';
	return out;
}
