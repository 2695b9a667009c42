/* Economic operation: the indicator catalog, values and their revisions. */
#include "store/econ.h"

#include "store/org.h"
#include "store/projects.h"
#include "store/store.h"

static gcode step_error(struct gerror *e)
{
	return e && e->code ? e->code : G_ERR_DB;
}

/* Runs an INSERT ... RETURNING id. */
static gcode insert_id(struct db_stmt *s, int64_t *id, struct gerror *e)
{
	gcode rc = G_OK;
	if (db_step(s, e) == DB_ROW)
		*id = db_col_i64(s, 0);
	else
		rc = step_error(e);
	db_finish(s);
	return rc;
}

static const char *const ind_names[] = { "id", "code", "name", "name_en", "unit",
	"display_unit", "periodicity", "aggregation", "price_basis", "parent", "jan_feb_merged",
	"is_key", "builtin", "sort", "version", "created_at", "updated_at", NULL };
static const char ind_types[] = "itttttttt" "t" "bbb" "iiii";
#define IND_COLS                                                                           \
	"SELECT id, code, name, name_en, unit, display_unit, periodicity, aggregation,"    \
	" price_basis, parent, jan_feb_merged, is_key, builtin, sort, version, created_at,"  \
	" updated_at FROM indicators"

json_t *store_indicator_list(struct db *c)
{
	return store_rows(c, IND_COLS " ORDER BY sort, id", ind_names, ind_types, "");
}

json_t *store_indicator_get(struct db *c, int64_t id)
{
	return store_row(c, IND_COLS " WHERE id = $1", ind_names, ind_types, "i", id);
}

json_t *store_indicator_by_code(struct db *c, const char *code)
{
	return store_row(c, IND_COLS " WHERE code = $1", ind_names, ind_types, "t", code);
}

gcode store_indicator_insert(struct db *c, const struct indicator_fields *f, int64_t now,
			     int64_t *id, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "INSERT INTO indicators (code, name, name_en, unit, display_unit,"
				   " periodicity, aggregation, price_basis, parent, jan_feb_merged,"
				   " is_key, sort, created_at, updated_at)"
				   " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$13) RETURNING id",
				   &s, e, "tttttttttiiii", f->code, f->name, f->name_en ? f->name_en : "",
				   f->unit, f->display_unit, f->periodicity,
				   f->aggregation ? f->aggregation : "ytd", f->price_basis, f->parent,
				   f->jan_feb_merged, f->is_key, f->sort, now);
	if (rc != G_OK)
		return rc;
	rc = insert_id(s, id, e);
	if (rc == G_ERR_EXISTS)
		gerr_set(e, rc, "code", "指标代码已存在", "this indicator code is taken");
	return rc;
}

gcode store_indicator_update(struct db *c, int64_t id, int64_t version,
			     const struct indicator_fields *f, int64_t now, struct gerror *e)
{
	int64_t n = 0;
	gcode rc = db_run(c,
			  "UPDATE indicators SET name = $1, name_en = $2, display_unit = $3,"
			  " price_basis = $4, parent = $5, is_key = $6, sort = $7, updated_at = $8,"
			  " version = version + 1 WHERE id = $9 AND version = $10",
			  &n, e, "tttttiiiii", f->name, f->name_en ? f->name_en : "",
			  f->display_unit, f->price_basis, f->parent, f->is_key, f->sort, now, id,
			  version);
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}

static const char *const val_names[] = { "id", "region", "region_name", "indicator",
	"indicator_id", "indicator_name", "unit", "display_unit", "periodicity",
	"jan_feb_merged", "period", "year", "month", "value", "growth_bp", "note", "status",
	"source", "entered_by", "entered_by_name", "entered_at", "published_by",
	"published_by_name", "published_at", "version", "created_at", "updated_at",
	"last_year_value", "indicator_name_en", NULL };
static const char val_types[] = "ittt" "ittt" "t" "b" "tiiintttntintniiin" "t";

/* last_year_value: the published value of the same period a year before. */
#define VAL_COLS                                                                           \
	"SELECT v.id, v.region, r.name, i.code, v.indicator_id, i.name, i.unit,"           \
	" i.display_unit, i.periodicity, i.jan_feb_merged, v.period, v.year, v.month,"     \
	" v.value, v.growth_bp, v.note, v.status, v.source, v.entered_by, eu.display_name," \
	" v.entered_at, v.published_by, pu.display_name, v.published_at, v.version,"       \
	" v.created_at, v.updated_at,"                                                     \
	" (SELECT ly.value FROM indicator_values ly WHERE ly.region = v.region"             \
	"  AND ly.indicator_id = v.indicator_id AND ly.year = v.year - 1"                  \
	"  AND ly.month = v.month AND ly.status = 'published'), i.name_en"                 \
	" FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id"              \
	" JOIN regions r ON r.code = v.region"                                             \
	" LEFT JOIN users eu ON eu.id = v.entered_by LEFT JOIN users pu ON pu.id = v.published_by"

#define VAL_FILTER                                                                         \
	" v.region BETWEEN $1 AND $2"                                                      \
	" AND (CAST($3 AS TEXT) IS NULL OR v.region = $3)"                                 \
	" AND (CAST($4 AS BIGINT) = 0 OR v.indicator_id = $4)"                             \
	" AND (CAST($5 AS BIGINT) = 0 OR v.year = $5)"                                     \
	" AND (CAST($6 AS BIGINT) = 0 OR v.month = $6)"                                    \
	" AND (CAST($7 AS TEXT) IS NULL OR v.status = $7)"

static void bind_filter(struct db_stmt *s, const struct econ_value_query *q)
{
	db_bind_text(s, 1, q->lo);
	db_bind_text(s, 2, q->hi);
	db_bind_opt_text(s, 3, q->region);
	db_bind_i64(s, 4, q->indicator_id);
	db_bind_i64(s, 5, q->year);
	db_bind_i64(s, 6, q->month);
	db_bind_opt_text(s, 7, q->status);
}

gcode store_econ_value_list(struct db *c, const struct econ_value_query *q, json_t **out,
			    struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare(c, "SELECT COUNT(*) FROM indicator_values v WHERE" VAL_FILTER, &s,
			      e);
	if (rc != G_OK)
		return rc;
	bind_filter(s, q);
	int r = db_step(s, e);
	int64_t total = r == DB_ROW ? db_col_i64(s, 0) : 0;
	db_finish(s);
	if (r < 0)
		return step_error(e);
	rc = db_prepare(c, VAL_COLS " WHERE" VAL_FILTER
			" ORDER BY v.region, i.sort, i.id, v.year, v.month LIMIT $8 OFFSET $9",
			&s, e);
	if (rc != G_OK)
		return rc;
	bind_filter(s, q);
	db_bind_i64(s, 8, q->limit);
	db_bind_i64(s, 9, q->offset);
	json_t *items = json_array();
	while ((r = db_step(s, e)) == DB_ROW)
		json_array_append_new(items, db_row_json(s, val_names, val_types));
	db_finish(s);
	if (r < 0) {
		json_decref(items);
		return step_error(e);
	}
	*out = json_pack("{s:o,s:I}", "items", items, "total", (json_int_t)total);
	return G_OK;
}

json_t *store_econ_value_get(struct db *c, int64_t id)
{
	return store_row(c, VAL_COLS " WHERE v.id = $1", val_names, val_types, "i", id);
}

json_t *store_econ_value_find(struct db *c, const char *region, int64_t indicator_id,
			      int64_t year, int64_t month)
{
	return store_row(c, VAL_COLS " WHERE v.region = $1 AND v.indicator_id = $2"
				     " AND v.year = $3 AND v.month = $4",
			 val_names, val_types, "tiii", region, indicator_id, year, month);
}

json_t *store_econ_value_before(struct db *c, const char *region, int64_t indicator_id,
				int64_t year, int64_t month)
{
	return store_row(c, VAL_COLS " WHERE v.region = $1 AND v.indicator_id = $2"
				     " AND v.year = $3 AND v.month < $4 ORDER BY v.month DESC LIMIT 1",
			 val_names, val_types, "tiii", region, indicator_id, year, month);
}

json_t *store_econ_value_after(struct db *c, const char *region, int64_t indicator_id,
			       int64_t year, int64_t month)
{
	return store_row(c, VAL_COLS " WHERE v.region = $1 AND v.indicator_id = $2"
				     " AND v.year = $3 AND v.month > $4 ORDER BY v.month LIMIT 1",
			 val_names, val_types, "tiii", region, indicator_id, year, month);
}

/* Binds growth_bp or NULL. */
static void bind_growth(struct db_stmt *s, int idx, const struct econ_value_fields *f)
{
	if (f->has_growth)
		db_bind_i64(s, idx, f->growth_bp);
	else
		db_bind_null(s, idx);
}

gcode store_econ_value_insert(struct db *c, const struct econ_value_fields *f, int64_t user_id,
			      int64_t now, int64_t *id, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "INSERT INTO indicator_values (region, indicator_id, period, year,"
				   " month, value, note, source, entered_by, entered_at, created_at,"
				   " updated_at, growth_bp)"
				   " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$10,$10,$11) RETURNING id",
				   &s, e, "titiiittzi", f->region, f->indicator_id, f->period, f->year,
				   f->month, f->value, f->note, f->source ? f->source : "entry",
				   user_id, now);
	if (rc != G_OK)
		return rc;
	bind_growth(s, 11, f);
	rc = insert_id(s, id, e);
	if (rc == G_ERR_EXISTS)
		gerr_set(e, rc, "period", "该地区该指标本期数据已存在，请修订",
			 "a value for this region, indicator and period exists: revise it");
	return rc;
}

gcode store_econ_value_update(struct db *c, int64_t id, int64_t version,
			      const struct econ_value_fields *f, int64_t user_id, int64_t now,
			      struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "UPDATE indicator_values SET value = $1, note = $2, status = 'draft',"
				   " source = $3, entered_by = $4, entered_at = $5, published_by = NULL,"
				   " published_at = NULL, updated_at = $5, version = version + 1,"
				   " growth_bp = $8 WHERE id = $6 AND version = $7",
				   &s, e, "ittziii", f->value, f->note, f->source ? f->source : "entry",
				   user_id, now, id, version);
	if (rc != G_OK)
		return rc;
	bind_growth(s, 8, f);
	int r = db_step(s, e);
	int64_t n = r >= 0 ? db_changes(s) : 0;
	db_finish(s);
	if (r < 0)
		return step_error(e);
	return n == 0 ? store_stale(e) : G_OK;
}

gcode store_econ_value_publish(struct db *c, int64_t id, int64_t version, int64_t user_id,
			       int64_t now, struct gerror *e)
{
	int64_t n = 0;
	gcode rc = db_run(c,
			  "UPDATE indicator_values SET status = 'published', published_by = $1,"
			  " published_at = $2, updated_at = $2, version = version + 1"
			  " WHERE id = $3 AND version = $4",
			  &n, e, "ziii", user_id, now, id, version);
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}

gcode store_econ_revision_add(struct db *c, int64_t value_id, const char *region,
			      const json_t *before, const struct econ_value_fields *after,
			      const char *note, int64_t actor_id, const char *actor, int64_t now,
			      struct gerror *e)
{
	const json_t *ov = before ? json_object_get(before, "value") : NULL;
	const json_t *og = before ? json_object_get(before, "growth_bp") : NULL;
	const json_t *os = before ? json_object_get(before, "status") : NULL;
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "INSERT INTO indicator_revisions (region, value_id, new_value, note,"
				   " actor_id, actor, at, old_value, old_growth_bp, new_growth_bp,"
				   " old_status) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)",
				   &s, e, "tiitzti", region, value_id, after->value, note, actor_id,
				   actor, now);
	if (rc != G_OK)
		return rc;
	if (json_is_integer(ov))
		db_bind_i64(s, 8, json_integer_value(ov));
	else
		db_bind_null(s, 8);
	if (json_is_integer(og))
		db_bind_i64(s, 9, json_integer_value(og));
	else
		db_bind_null(s, 9);
	bind_growth(s, 10, after);
	db_bind_opt_text(s, 11, json_string_value(os));
	int r = db_step(s, e);
	db_finish(s);
	return r < 0 ? step_error(e) : G_OK;
}

json_t *store_econ_revisions(struct db *c, int64_t value_id)
{
	static const char *const names[] = { "id", "old_value", "new_value", "old_growth_bp",
		"new_growth_bp", "old_status", "note", "actor_id", "actor", "at", NULL };
	return store_rows(c,
			  "SELECT id, old_value, new_value, old_growth_bp, new_growth_bp, old_status,"
			  " note, actor_id, actor, at FROM indicator_revisions WHERE value_id = $1"
			  " ORDER BY id",
			  names, "inin" "nttnti", "i", value_id);
}
