/* Economic operation: annual targets, and the published values the pace,
 * compare and cockpit computations read in one query. */
#include "store/econ.h"

#include "store/org.h"
#include "store/projects.h"
#include "store/store.h"

static const char *const tgt_names[] = { "id", "region", "region_name", "indicator",
	"indicator_id", "indicator_name", "year", "growth_bp", "amount", "note", "version",
	"created_at", "updated_at", NULL };
static const char tgt_types[] = "ittt" "it" "innt" "iii";
#define TGT_COLS                                                                           \
	"SELECT t.id, t.region, r.name, i.code, t.indicator_id, i.name, t.year, t.growth_bp," \
	" t.amount, t.note, t.version, t.created_at, t.updated_at FROM indicator_targets t"  \
	" JOIN indicators i ON i.id = t.indicator_id JOIN regions r ON r.code = t.region"

json_t *store_econ_target_list(struct db *c, const char *lo, const char *hi,
			       const char *region, int64_t year)
{
	return store_rows(c,
			  TGT_COLS " WHERE t.region BETWEEN $1 AND $2"
				   " AND (CAST($3 AS TEXT) IS NULL OR t.region = $3)"
				   " AND (CAST($4 AS BIGINT) = 0 OR t.year = $4)"
				   " ORDER BY t.region, t.year, i.sort, i.id",
			  tgt_names, tgt_types, "ttti", lo, hi, region, year);
}

json_t *store_econ_target_get(struct db *c, int64_t id)
{
	return store_row(c, TGT_COLS " WHERE t.id = $1", tgt_names, tgt_types, "i", id);
}

static void bind_opt(struct db_stmt *s, int idx, bool has, int64_t v)
{
	if (has)
		db_bind_i64(s, idx, v);
	else
		db_bind_null(s, idx);
}

static gcode step_once(struct db_stmt *s, int64_t *id, struct gerror *e)
{
	int r = db_step(s, e);
	gcode rc = G_OK;
	if (id && r == DB_ROW)
		*id = db_col_i64(s, 0);
	else if (r < 0 || (id && r != DB_ROW))
		rc = e && e->code ? e->code : G_ERR_DB;
	if (!id && rc == G_OK && db_changes(s) == 0)
		rc = store_stale(e);
	db_finish(s);
	return rc;
}

gcode store_econ_target_insert(struct db *c, const struct econ_target_fields *f, int64_t now,
			       int64_t *id, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "INSERT INTO indicator_targets (region, indicator_id, year, note,"
				   " created_at, updated_at, growth_bp, amount)"
				   " VALUES ($1,$2,$3,$4,$5,$5,$6,$7) RETURNING id",
				   &s, e, "tiiti", f->region, f->indicator_id, f->year, f->note, now);
	if (rc != G_OK)
		return rc;
	bind_opt(s, 6, f->has_growth, f->growth_bp);
	bind_opt(s, 7, f->has_amount, f->amount);
	rc = step_once(s, id, e);
	if (rc == G_ERR_EXISTS)
		gerr_set(e, rc, "indicator", "该地区该指标当年目标已存在",
			 "this region already has a target for this indicator and year");
	return rc;
}

gcode store_econ_target_update(struct db *c, int64_t id, int64_t version,
			       const struct econ_target_fields *f, int64_t now, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "UPDATE indicator_targets SET note = $1, updated_at = $2,"
				   " version = version + 1, growth_bp = $5, amount = $6"
				   " WHERE id = $3 AND version = $4",
				   &s, e, "tiii", f->note, now, id, version);
	if (rc != G_OK)
		return rc;
	bind_opt(s, 5, f->has_growth, f->growth_bp);
	bind_opt(s, 6, f->has_amount, f->amount);
	return step_once(s, NULL, e);
}

gcode store_econ_published(struct db *c, const char *lo, const char *hi, int64_t year_from,
			   int64_t year_to, json_t **out, struct gerror *e)
{
	static const char *const names[] = { "region", "indicator_id", "year", "month", "value",
					     "growth_bp", NULL };
	*out = store_rows(c,
			  "SELECT region, indicator_id, year, month, value, growth_bp"
			  " FROM indicator_values WHERE region BETWEEN $1 AND $2"
			  " AND year BETWEEN $3 AND $4 AND status = 'published'"
			  " ORDER BY region, indicator_id, year, month",
			  names, "tiiiin", "ttii", lo, hi, year_from, year_to);
	if (!*out)
		return e && e->code ? e->code : gerr_set(e, G_ERR_DB, NULL, "数据库错误",
							 "database error");
	return G_OK;
}

gcode store_econ_latest(struct db *c, const char *lo, const char *hi, int64_t *year,
			int64_t *month, bool *found, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "SELECT year, month FROM indicator_values WHERE region BETWEEN $1"
				   " AND $2 AND status = 'published' ORDER BY year DESC, month DESC"
				   " LIMIT 1",
				   &s, e, "tt", lo, hi);
	if (rc != G_OK)
		return rc;
	int r = db_step(s, e);
	*found = r == DB_ROW;
	if (*found) {
		*year = db_col_i64(s, 0);
		*month = db_col_i64(s, 1);
	}
	db_finish(s);
	return r < 0 ? (e && e->code ? e->code : G_ERR_DB) : G_OK;
}

gcode store_econ_published_scan(struct db *c, const char *lo, const char *hi, int64_t year_from,
				int64_t year_to, void (*fn)(void *arg, const struct econ_point *p),
				void *arg, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "SELECT region, indicator_id, year, month, value, growth_bp"
				   " FROM indicator_values WHERE region BETWEEN $1 AND $2"
				   " AND year BETWEEN $3 AND $4 AND status = 'published'",
				   &s, e, "ttii", lo, hi, year_from, year_to);
	if (rc != G_OK)
		return rc;
	int r;
	while ((r = db_step(s, e)) == DB_ROW) {
		struct econ_point p = { db_col_text(s, 0), db_col_i64(s, 1), db_col_i64(s, 2),
					db_col_i64(s, 3), db_col_i64(s, 4), db_col_i64(s, 5),
					!db_col_null(s, 5) };
		fn(arg, &p);
	}
	db_finish(s);
	return r < 0 ? (e && e->code ? e->code : G_ERR_DB) : G_OK;
}
