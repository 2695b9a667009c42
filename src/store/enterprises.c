/* Chinese substring search: SQLite's FTS5 trigram index answers queries of
 * three or more characters; shorter ones (e.g. "长春") fall back to LIKE.
 * PostgreSQL uses LIKE over a pg_trgm GIN index. */
#include "store/enterprises.h"

#include <ctype.h>
#include <pthread.h>
#include <time.h>
#include <stdio.h>
#include <string.h>

#include "base/count_cache.h"
#include "base/text.h"
#include "store/fts_sql.h"
#include "store/org.h"
#include "store/store.h"

static const char *const ent_names[] = { "id", "region", "region_name", "credit_code",
	"credit_code_valid", "name", "industry", "version", "created_at", "updated_at", NULL };
static const char ent_types[] = "itttbttiii";

#define ENT_COLS \
	"SELECT e.id, e.region, r.name, e.credit_code, e.credit_code_valid, e.name," \
	" e.industry, e.version, e.created_at, e.updated_at FROM enterprises e" \
	" JOIN regions r ON r.code = e.region"

#define ENT_FILTER \
	" e.region BETWEEN $1 AND $2" \
	" AND (CAST($3 AS TEXT) IS NULL OR e.industry LIKE $3)" \
	" AND (CAST($4 AS BIGINT) = 0 OR e.id = $4)"

/* $5: LIKE pattern on the name or a credit code prefix. */
#define LIKE_FILTER " AND (CAST($5 AS TEXT) IS NULL OR e.name LIKE $5 ESCAPE '\\' OR e.credit_code LIKE $6)"
/* $5: an FTS5 phrase query. */

/* Lists follow the (region, id) index so a page is read, not sorted; counts
 * stop at COUNT_CAP (the answer then says "10000+"), so a city-wide query
 * over a million enterprises costs no more than a district's. */
#define COUNT_CAP "10000" /* keep equal to COUNT_CAP_N */
enum { COUNT_CAP_N = 10000 };
static const char like_list[] = ENT_COLS " WHERE" ENT_FILTER LIKE_FILTER
	" ORDER BY e.region, e.id LIMIT $7 OFFSET $8";
static const char like_count[] = "SELECT COUNT(*) FROM (SELECT 1 FROM enterprises e WHERE"
	ENT_FILTER LIKE_FILTER " LIMIT " COUNT_CAP ") t";
/* Full-text matches come in rowid order from the FTS index itself. */
static const char fts_list[] =
	"SELECT e.id, e.region, r.name, e.credit_code, e.credit_code_valid, e.name,"
	" e.industry, e.version, e.created_at, e.updated_at FROM enterprises_fts f"
	" JOIN enterprises e ON e.id = f.rowid JOIN regions r ON r.code = e.region"
	" WHERE f.enterprises_fts MATCH $5 AND" ENT_FILTER " AND CAST($6 AS TEXT) IS NULL"
	" ORDER BY f.rowid LIMIT $7 OFFSET $8";
static const char fts_count[] = "SELECT COUNT(*) FROM (SELECT 1 FROM enterprises_fts f"
	" JOIN enterprises e ON e.id = f.rowid WHERE f.enterprises_fts MATCH $5 AND" ENT_FILTER
	" AND CAST($6 AS TEXT) IS NULL LIMIT " COUNT_CAP ") t";

/* An FTS5 string literal: the query in double quotes, quotes doubled. */
static void fts_phrase(const char *q, char *out, size_t cap)
{
	size_t j = 0;
	out[j++] = '"';
	for (size_t i = 0; q[i] && j + 3 < cap; i++) {
		if (q[i] == '"')
			out[j++] = '"';
		out[j++] = q[i];
	}
	out[j++] = '"';
	out[j] = '\0';
}

/* Totals are reused while a user pages through one query; any write to
 * enterprises in this process forgets them, other processes' writes show
 * within COUNT_TTL seconds. */
#define COUNT_TTL 10
static struct count_cache *counts;
static pthread_once_t counts_once = PTHREAD_ONCE_INIT;

static void counts_init(void)
{
	counts = count_cache_new(512, COUNT_TTL);
}

static struct count_cache *count_cache(void)
{
	pthread_once(&counts_once, counts_init);
	return counts;
}

/* Letters and digits only: a credit code (or its start), not a name. */
static bool code_like(const char *q)
{
	for (; *q; q++)
		if (!isalnum((unsigned char)*q))
			return false;
	return true;
}

static void bind_common(struct db_stmt *s, const struct enterprise_query *q,
			const char *ind, const char *pat, const char *prefix)
{
	db_bind_text(s, 1, q->lo);
	db_bind_text(s, 2, q->hi);
	db_bind_opt_text(s, 3, ind);
	db_bind_i64(s, 4, q->only_id);
	db_bind_opt_text(s, 5, pat);
	if (prefix)
		db_bind_text(s, 6, prefix);
	else
		db_bind_null(s, 6);
}

static gcode count_matches(struct db *c, const struct enterprise_query *q, bool fts,
			   const char *ind, const char *pat, const char *prefix, int64_t *total,
			   struct gerror *e)
{
	char key[2048];
	int64_t now = (int64_t)time(NULL);
	int kn = snprintf(key, sizeof key, "%d|%s|%s|%lld|%s|%s|%s", fts, q->lo, q->hi,
			  (long long)q->only_id, ind ? ind : "", pat ? pat : "",
			  prefix ? prefix : "");
	bool cacheable = kn > 0 && (size_t)kn < sizeof key; /* never a truncated key */
	if (cacheable && count_cache_get(count_cache(), key, now, total))
		return G_OK;
	struct db_stmt *s;
	gcode rc = db_prepare(c, fts ? fts_count : like_count, &s, e);
	if (rc != G_OK)
		return rc;
	bind_common(s, q, ind, pat, prefix);
	int r = db_step(s, e);
	*total = r == DB_ROW ? db_col_i64(s, 0) : 0;
	db_finish(s);
	if (r < 0)
		return e && e->code ? e->code : G_ERR_DB;
	if (cacheable)
		count_cache_put(count_cache(), key, now, *total);
	return G_OK;
}

gcode store_enterprise_search(struct db *c, const struct enterprise_query *q,
			      json_t **out, struct gerror *e)
{
	char pat[800], prefix[64], ind[16];
	const char *patp = NULL, *prefixp = NULL, *indp = NULL;
	bool fts = false;
	if (q->q && *q->q) { /* the API bounds q to 100 characters */
		long chars = text_utf8_len(q->q, strlen(q->q));
		bool code = code_like(q->q);
		fts = db_dialect_of(c) == DB_SQLITE && chars >= 3 && !code;
		if (fts)
			fts_phrase(q->q, pat, sizeof pat);
		else if (!db_like_pattern(q->q, pat, sizeof pat))
			return gerr_set(e, G_ERR_INVALID, "q", "检索词过长", "the search text is too long");
		if (code && strlen(q->q) < sizeof prefix - 1) {
			snprintf(prefix, sizeof prefix, "%s%%", q->q);
			for (char *p = prefix; *p; p++) /* codes are stored upper-case */
				*p = (char)toupper((unsigned char)*p);
			prefixp = prefix;
		}
		patp = pat;
	}
	if (q->industry && *q->industry && strlen(q->industry) < sizeof ind - 1) {
		snprintf(ind, sizeof ind, "%s%%", q->industry);
		indp = ind;
	}
	int64_t total = 0;
	gcode rc = count_matches(c, q, fts, indp, patp, prefixp, &total, e);
	if (rc != G_OK)
		return rc;
	struct db_stmt *s;
	rc = db_prepare(c, fts ? fts_list : like_list, &s, e);
	if (rc != G_OK)
		return rc;
	bind_common(s, q, indp, patp, prefixp);
	db_bind_i64(s, 7, q->limit);
	db_bind_i64(s, 8, q->offset);
	json_t *items = json_array();
	int r;
	while ((r = db_step(s, e)) == DB_ROW)
		json_array_append_new(items, db_row_json(s, ent_names, ent_types));
	db_finish(s);
	if (r < 0) {
		json_decref(items);
		return G_ERR_DB;
	}
	*out = json_pack("{s:o,s:I,s:b}", "items", items, "total", (json_int_t)total,
			 "total_capped", total >= COUNT_CAP_N);
	return G_OK;
}

json_t *store_enterprise_get(struct db *c, int64_t id)
{
	struct db_stmt *s;
	if (db_prepare_bind(c, ENT_COLS " WHERE e.id = $1", &s, NULL, "i", id) != G_OK)
		return NULL;
	json_t *o = db_step(s, NULL) == DB_ROW ? db_row_json(s, ent_names, ent_types) : NULL;
	db_finish(s);
	return o;
}

gcode store_enterprise_insert(struct db *c, const struct enterprise_fields *f,
			      int64_t now, int64_t *id, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "INSERT INTO enterprises (region, credit_code, credit_code_valid,"
				   " name, industry, created_at, updated_at)"
				   " VALUES ($1,$2,$3,$4,$5,$6,$6) RETURNING id",
				   &s, e, "ttitti", f->region, f->credit_code,
				   (int64_t)f->credit_code_valid, f->name, f->industry, now);
	if (rc != G_OK)
		return rc;
	int r = db_step(s, e);
	if (r == DB_ROW)
		*id = db_col_i64(s, 0);
	else
		rc = r < 0 && e && e->code ? e->code : G_ERR_DB;
	db_finish(s);
	if (rc == G_ERR_EXISTS)
		gerr_set(e, rc, "credit_code", "统一社会信用代码已登记",
			 "this credit code is already registered");
	count_cache_bump(count_cache());
	return rc;
}

gcode store_enterprise_insert_new(struct db *c, const struct enterprise_fields *f,
				  int64_t now, int64_t *id, struct gerror *e)
{
	struct db_stmt *s;
	*id = 0;
	gcode rc = db_prepare_bind(c,
				   "INSERT INTO enterprises (region, credit_code, credit_code_valid,"
				   " name, industry, created_at, updated_at)"
				   " VALUES ($1,$2,$3,$4,$5,$6,$6)"
				   " ON CONFLICT (credit_code) DO NOTHING RETURNING id",
				   &s, e, "ttitti", f->region, f->credit_code,
				   (int64_t)f->credit_code_valid, f->name, f->industry, now);
	if (rc != G_OK)
		return rc;
	int r = db_step(s, e);
	if (r == DB_ROW)
		*id = db_col_i64(s, 0);
	else if (r < 0)
		rc = e && e->code ? e->code : G_ERR_DB;
	db_finish(s);
	count_cache_bump(count_cache());
	return rc;
}

/* Batched inserts for bulk loads on SQLite: one multi-row INSERT … ON
 * CONFLICT DO NOTHING (without RETURNING, whose temporary table SQLite
 * builds per execution) writes a batch, and its change count says whether
 * a row was skipped as a duplicate; only then are the batch's codes looked
 * up (a code stored under an id from before the statement was taken
 * already). About five times faster per row than single inserts. */
#define ENT_INS_COLS \
	"INSERT INTO enterprises (region, credit_code, credit_code_valid, name, industry," \
	" created_at, updated_at) VALUES "
static char batch_insert_sql[sizeof ENT_INS_COLS + ENT_BATCH * 40 + 64];
static pthread_once_t batch_once = PTHREAD_ONCE_INIT;

static void batch_sql_init(void)
{
	size_t n = (size_t)snprintf(batch_insert_sql, sizeof batch_insert_sql, "%s", ENT_INS_COLS);
	for (int i = 0; i < ENT_BATCH; i++) {
		int b = i * 5;
		n += (size_t)snprintf(batch_insert_sql + n, sizeof batch_insert_sql - n,
				      "%s($%d,$%d,$%d,$%d,$%d,$%d,$%d)", i ? "," : "", b + 1, b + 2,
				      b + 3, b + 4, b + 5, ENT_BATCH * 5 + 1, ENT_BATCH * 5 + 1);
	}
	snprintf(batch_insert_sql + n, sizeof batch_insert_sql - n,
		 " ON CONFLICT (credit_code) DO NOTHING");
}

/* True when a code appears earlier in the batch. */
static bool batch_twins(const struct enterprise_fields *f, int n)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < i && f[i].credit_code; j++)
			if (f[j].credit_code && !strcmp(f[i].credit_code, f[j].credit_code))
				return true;
	return false;
}

static void bind_row(struct db_stmt *s, int base, const struct enterprise_fields *f)
{
	db_bind_text(s, base + 1, f->region);
	db_bind_opt_text(s, base + 2, f->credit_code);
	db_bind_i64(s, base + 3, f->credit_code_valid);
	db_bind_text(s, base + 4, f->name);
	db_bind_opt_text(s, base + 5, f->industry);
}

static gcode one_by_one(struct db *c, const struct enterprise_fields *f, int n, int64_t now,
			bool *dup, struct gerror *e)
{
	gcode rc = G_OK;
	for (int i = 0; i < n && rc == G_OK; i++) {
		int64_t id;
		rc = store_enterprise_insert_new(c, &f[i], now, &id, e);
		dup[i] = rc == G_OK && !id;
	}
	return rc;
}

/* After a batch came up short: the rows whose code is stored under an id
 * from before the statement were skipped. */
static gcode mark_skipped(struct db *c, const struct enterprise_fields *f, int n, int64_t before,
			  bool *dup, struct gerror *e)
{
	gcode rc = G_OK;
	for (int i = 0; i < n && rc == G_OK; i++) {
		struct db_stmt *s;
		if (!f[i].credit_code)
			continue;
		rc = db_prepare_bind(c, "SELECT id FROM enterprises WHERE credit_code = $1", &s, e, "t",
				     f[i].credit_code);
		if (rc == G_OK && db_step(s, e) == DB_ROW)
			dup[i] = db_col_i64(s, 0) <= before;
		db_finish(s);
	}
	return rc;
}

gcode store_enterprise_insert_batch(struct db *c, const struct enterprise_fields *f, int n,
				    int64_t now, bool *dup, struct gerror *e)
{
	for (int i = 0; i < n; i++)
		dup[i] = false;
	if (db_dialect_of(c) != DB_SQLITE || n != ENT_BATCH || batch_twins(f, n))
		return one_by_one(c, f, n, now, dup, e); /* the rare case stays simple */
	pthread_once(&batch_once, batch_sql_init);
	int64_t before = 0;
	struct db_stmt *s;
	gcode rc = store_enterprise_max_id(c, &before, e);
	if (rc == G_OK)
		rc = db_prepare(c, batch_insert_sql, &s, e);
	if (rc != G_OK)
		return rc;
	for (int i = 0; i < n; i++)
		bind_row(s, i * 5, &f[i]);
	db_bind_i64(s, ENT_BATCH * 5 + 1, now);
	int r = db_step(s, e);
	int64_t written = r == DB_DONE ? db_changes(s) : 0;
	db_finish(s);
	count_cache_bump(count_cache());
	if (r < 0)
		return e && e->code ? e->code : G_ERR_DB;
	return written < n ? mark_skipped(c, f, n, before, dup, e) : G_OK;
}

/* A lone max() is read off the end of the id index: no scan. */
gcode store_enterprise_max_id(struct db *c, int64_t *id, struct gerror *e)
{
	return db_scalar_i64(c, "SELECT MAX(id) FROM enterprises", 0, id, e);
}

gcode store_enterprise_ids_above(struct db *c, int64_t above, int64_t *first, int64_t *last,
				 struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c, "SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0)"
				      " FROM enterprises WHERE id > $1", &s, e, "i", above);
	if (rc != G_OK)
		return rc;
	int r = db_step(s, e);
	if (r == DB_ROW) {
		if (first)
			*first = db_col_i64(s, 0);
		*last = db_col_i64(s, 1);
	}
	db_finish(s);
	return r < 0 ? (e && e->code ? e->code : G_ERR_DB) : G_OK;
}

gcode store_enterprise_update(struct db *c, int64_t id, int64_t version,
			      const struct enterprise_fields *f, int64_t now, struct gerror *e)
{
	int64_t n = 0;
	gcode rc = db_run(c,
			  "UPDATE enterprises SET region = $1, credit_code = $2,"
			  " credit_code_valid = $3, name = $4, industry = $5, updated_at = $6,"
			  " version = version + 1 WHERE id = $7 AND version = $8",
			  &n, e, "ttittiii", f->region, f->credit_code,
			  (int64_t)f->credit_code_valid, f->name, f->industry, now, id, version);
	if (rc == G_ERR_EXISTS)
		gerr_set(e, rc, "credit_code", "统一社会信用代码已登记",
			 "this credit code is already registered");
	count_cache_bump(count_cache());
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}

/* Bulk loads of at least BULK_MIN rows (measured on 1,000,000 rows).
 * SQLite: the per-row trigram trigger is dropped and the index rebuilt
 * once; the (region, id) index is dropped and rebuilt from sorted keys; a
 * 256 MiB page cache keeps the transaction's pages in memory instead of
 * spilling them to the WAL and reading them back. PostgreSQL: the trigram
 * GIN index and the (region, id) index are built after the load. The
 * unique credit-code index stays: it finds duplicates row by row. A
 * rollback undoes all of it. Smaller loads keep the indexes as they are
 * (rebuilding a million rows' index for a few new ones costs more). */
#define BULK_CACHE_KIB "262144"
enum { BULK_MIN = 20000 };

gcode store_enterprise_bulk_begin(struct db *c, int64_t rows, struct gerror *e)
{
	if (rows < BULK_MIN)
		return G_OK;
	if (db_dialect_of(c) != DB_SQLITE)
		return db_exec(c, "DROP INDEX IF EXISTS enterprises_name_trgm;"
				  "DROP INDEX IF EXISTS enterprises_region;", e);
	return db_exec(c, "PRAGMA cache_size = -" BULK_CACHE_KIB ";"
			  "DROP TRIGGER IF EXISTS enterprises_ai;"
			  "DROP INDEX IF EXISTS enterprises_region;", e);
}

gcode store_enterprise_bulk_end(struct db *c, int64_t rows, struct gerror *e)
{
	count_cache_bump(count_cache());
	gcode rc = G_OK;
	if (db_dialect_of(c) != DB_SQLITE) {
		if (rows >= BULK_MIN)
			rc = db_exec(c, "SET LOCAL maintenance_work_mem = '256MB';"
				        "CREATE INDEX enterprises_region ON enterprises (region, id);"
				        "CREATE INDEX enterprises_name_trgm ON enterprises"
				        " USING gin (name gin_trgm_ops);", e);
		/* fresh statistics, or the planner ignores the indexes */
		return rc == G_OK ? db_exec(c, "ANALYZE enterprises", e) : rc;
	}
	if (rows < BULK_MIN)
		return G_OK;
	rc = db_exec(c, "CREATE INDEX enterprises_region ON enterprises (region, id);"
			"INSERT INTO enterprises_fts(enterprises_fts) VALUES ('rebuild');", e);
	if (rc == G_OK)
		rc = db_exec(c, ENTERPRISES_AI_TRIGGER, e);
	store_enterprise_bulk_cancel(c);
	return rc;
}

void store_enterprise_bulk_cancel(struct db *c)
{
	if (db_dialect_of(c) != DB_SQLITE)
		return;
	char q[48]; /* back to the configured size: pooled connections stay small */
	snprintf(q, sizeof q, "PRAGMA cache_size = -%d", db_sqlite_cache_kib());
	db_exec(c, q, NULL);
}

/* $1 is the larger of the range's start and the last region read, so the
 * index is entered at the right place instead of filtered from the start. */
static const char scan_sql[] = ENT_COLS
	" WHERE e.region >= $1 AND e.region <= $2 AND (e.region > $1 OR e.id > $3)"
	" ORDER BY e.region, e.id LIMIT 1000";

gcode store_enterprise_scan(struct db *c, const char *lo, const char *hi,
			    bool (*fn)(void *arg, const json_t *row), void *arg,
			    struct gerror *e)
{
	char from[16];
	int64_t last_id = 0;
	snprintf(from, sizeof from, "%s", lo);
	for (;;) {
		struct db_stmt *s;
		gcode rc = db_prepare_bind(c, scan_sql, &s, e, "tti", from, hi, last_id);
		if (rc != G_OK)
			return rc;
		int r, n = 0;
		bool go = true;
		while (go && (r = db_step(s, e)) == DB_ROW) {
			json_t *row = db_row_json(s, ent_names, ent_types);
			last_id = db_col_i64(s, 0);
			snprintf(from, sizeof from, "%s", db_col_text(s, 1));
			go = fn(arg, row);
			json_decref(row);
			n++;
		}
		db_finish(s);
		if (go && r < 0)
			return e && e->code ? e->code : G_ERR_DB;
		if (!go || n < 1000)
			return G_OK;
	}
}
