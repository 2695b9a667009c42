#include "store/org.h"

#include "store/store.h"

static const char *const region_names[] = { "code", "name", "name_en", "parent", "level",
	"version", NULL };
#define REGION_COLS "SELECT code, name, name_en, parent, level, version FROM regions"

gcode store_stale(struct gerror *e)
{
	return gerr_set(e, G_ERR_STALE, "version", "记录已被他人修改，请刷新后重试",
			"the record was changed by someone else: reload and retry");
}

static gcode collect(struct db_stmt *s, const char *const *names, const char *types,
		     json_t **out, struct gerror *e)
{
	json_t *items = json_array();
	int r;
	while ((r = db_step(s, e)) == DB_ROW)
		json_array_append_new(items, db_row_json(s, names, types));
	db_finish(s);
	if (r < 0) {
		json_decref(items);
		return G_ERR_DB;
	}
	*out = json_pack("{s:o,s:I}", "items", items, "total",
			 (json_int_t)json_array_size(items));
	return G_OK;
}

gcode store_region_list(struct db *c, json_t **out, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare(c, REGION_COLS " ORDER BY code", &s, e);
	return rc != G_OK ? rc : collect(s, region_names, "ttttii", out, e);
}

json_t *store_region_get(struct db *c, const char *code)
{
	struct db_stmt *s;
	if (db_prepare_bind(c, REGION_COLS " WHERE code = $1", &s, NULL, "t", code) != G_OK)
		return NULL;
	json_t *o = db_step(s, NULL) == DB_ROW ? db_row_json(s, region_names, "ttttii") : NULL;
	db_finish(s);
	return o;
}

gcode store_region_insert(struct db *c, const char *code, const char *name,
			  const char *name_en, const char *parent, int level, int64_t now,
			  struct gerror *e)
{
	return db_run(c,
		      "INSERT INTO regions (code, name, name_en, parent, level, created_at,"
		      " updated_at) VALUES ($1,$2,$3,$4,$5,$6,$6)",
		      NULL, e, "ttttii", code, name, name_en ? name_en : "", parent,
		      (int64_t)level, now);
}

gcode store_region_rename(struct db *c, const char *code, int64_t version,
			  const char *name, const char *name_en, int64_t now, struct gerror *e)
{
	int64_t n = 0;
	gcode rc = db_run(c,
			  "UPDATE regions SET name = $1, name_en = COALESCE(CAST($2 AS TEXT), name_en),"
			  " updated_at = $3, version = version + 1 WHERE code = $4 AND version = $5",
			  &n, e, "ttiti", name, name_en, now, code, version);
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}

static const char *const dept_names[] = { "id", "region", "region_name", "name",
	"version", NULL };
#define DEPT_COLS \
	"SELECT d.id, d.region, r.name, d.name, d.version FROM departments d" \
	" JOIN regions r ON r.code = d.region"

gcode store_department_list(struct db *c, const char *lo, const char *hi,
			    json_t **out, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c, DEPT_COLS " WHERE d.region BETWEEN $1 AND $2"
					       " ORDER BY d.region, d.id",
				   &s, e, "tt", lo, hi);
	return rc != G_OK ? rc : collect(s, dept_names, "ittti", out, e);
}

json_t *store_department_get(struct db *c, int64_t id)
{
	struct db_stmt *s;
	if (db_prepare_bind(c, DEPT_COLS " WHERE d.id = $1", &s, NULL, "i", id) != G_OK)
		return NULL;
	json_t *o = db_step(s, NULL) == DB_ROW ? db_row_json(s, dept_names, "ittti") : NULL;
	db_finish(s);
	return o;
}

gcode store_department_insert(struct db *c, const char *region, const char *name,
			      int64_t now, int64_t *id, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "INSERT INTO departments (region, name, created_at, updated_at)"
				   " VALUES ($1,$2,$3,$3) RETURNING id",
				   &s, e, "tti", region, name, now);
	if (rc != G_OK)
		return rc;
	int r = db_step(s, e);
	if (r == DB_ROW)
		*id = db_col_i64(s, 0);
	else
		rc = r < 0 && e && e->code ? e->code : G_ERR_DB;
	db_finish(s);
	return rc;
}

gcode store_department_rename(struct db *c, int64_t id, int64_t version,
			      const char *name, int64_t now, struct gerror *e)
{
	int64_t n = 0;
	gcode rc = db_run(c,
			  "UPDATE departments SET name = $1, updated_at = $2,"
			  " version = version + 1 WHERE id = $3 AND version = $4",
			  &n, e, "tiii", name, now, id, version);
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}
