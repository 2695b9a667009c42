/* Projects: the registry rows, their list with filters and sorting, the
 * derived status light, stage history and the 专班. */
#include "store/projects.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/count_cache.h"

#include "store/org.h"
#include "store/store.h"

static const char *const prj_names[] = { "id", "region", "code", "name", "category", "industry",
	"kind", "total_investment", "annual_plan", "plan_year", "builder_id", "builder_name",
	"location", "leader_id", "leader_name", "department_id", "department_name", "stage",
	"stage_date", "planned_start", "actual_start", "planned_finish", "actual_finish",
	"stats_date", "tags", "special_bond", "light", "light_reasons", "version", "created_at",
	"updated_at", "invest_ytd", "ytd_month", NULL };
static const char prj_types[] = "itttttt" "iii" "ntt" "nt" "nt" "tttttttt" "b" "t" "j" "iii" "n" "t";

/* The latest submitted (or reviewed) report of the plan year. */
#define YTD_REPORT(col)                                                                    \
	"(SELECT r." col " FROM project_reports r WHERE r.project_id = p.id"               \
	" AND r.status IN ('submitted','reviewed')"                                        \
	" AND r.month >= CAST(p.plan_year AS TEXT) || '-01'"                               \
	" AND r.month <= CAST(p.plan_year AS TEXT) || '-12' ORDER BY r.month DESC LIMIT 1)"

#define PRJ_COLS                                                                           \
	"SELECT p.id, p.region, p.code, p.name, p.category, p.industry, p.kind,"           \
	" p.total_investment, p.annual_plan, p.plan_year, p.builder_id, b.name, p.location," \
	" p.leader_id, u.display_name, p.department_id, d.name, p.stage, p.stage_date,"    \
	" p.planned_start, p.actual_start, p.planned_finish, p.actual_finish, p.stats_date," \
	" p.tags, p.special_bond, p.light, p.light_reasons, p.version, p.created_at,"      \
	" p.updated_at, " YTD_REPORT("invest_ytd") ", " YTD_REPORT("month")                \
	" FROM projects p LEFT JOIN enterprises b ON b.id = p.builder_id"                  \
	" LEFT JOIN users u ON u.id = p.leader_id LEFT JOIN departments d ON d.id = p.department_id"

#define PRJ_FILTER                                                                         \
	" p.region BETWEEN $1 AND $2"                                                      \
	" AND (CAST($3 AS TEXT) IS NULL OR p.name LIKE $3 ESCAPE '\\' OR p.code LIKE $3 ESCAPE '\\')" \
	" AND (CAST($4 AS TEXT) IS NULL OR p.stage = $4)"                                  \
	" AND (CAST($5 AS TEXT) IS NULL OR p.light = $5)"                                  \
	" AND (CAST($6 AS BIGINT) = 0 OR p.leader_id = $6)"                                \
	" AND (CAST($7 AS BIGINT) = 0 OR p.department_id = $7)"                            \
	" AND (CAST($8 AS TEXT) IS NULL OR p.category = $8)"                               \
	" AND (CAST($9 AS TEXT) IS NULL OR p.kind = $9)"                                   \
	" AND (CAST($10 AS BIGINT) = 0 OR p.plan_year = $10)"                              \
	" AND (CAST($11 AS BIGINT) = 0 OR p.builder_id = $11)"                             \
	" AND (CAST($12 AS TEXT) IS NULL OR p.tags LIKE $12 ESCAPE '\\')"                  \
	" AND p.total_investment >= $13"                                                   \
	" AND (CAST($14 AS BIGINT) = 0 OR p.special_bond = 1)"

#define STAGE_ORDER                                                                        \
	"CASE p.stage WHEN 'planning' THEN 1 WHEN 'reserve' THEN 2 WHEN 'signed' THEN 3"   \
	" WHEN 'located' THEN 4 WHEN 'preparing' THEN 5 WHEN 'started' THEN 6"             \
	" WHEN 'building' THEN 7 WHEN 'completed' THEN 8 WHEN 'operating' THEN 9 ELSE 10 END"
#define LIGHT_ORDER "CASE p.light WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 ELSE 1 END"

/* The page is chosen first (inner query, no year-to-date subqueries), so the
 * two report subqueries of PRJ_COLS run for the page's rows only. */
#define PRJ_LIST(ord)                                                                      \
	PRJ_COLS " JOIN (SELECT p.id AS pid FROM projects p WHERE" PRJ_FILTER              \
		 " ORDER BY " ord ", p.id LIMIT $15 OFFSET $16) k ON k.pid = p.id"          \
		 " ORDER BY " ord ", p.id"

/* One static statement per sort and order, so each is prepared once. */
static const char *const list_sql[PSORT__COUNT][2] = {
	[PSORT_ID] = { PRJ_LIST("p.id"), PRJ_LIST("p.id DESC") },
	[PSORT_NAME] = { PRJ_LIST("p.name"), PRJ_LIST("p.name DESC") },
	[PSORT_TOTAL] = { PRJ_LIST("p.total_investment"), PRJ_LIST("p.total_investment DESC") },
	[PSORT_STAGE] = { PRJ_LIST(STAGE_ORDER), PRJ_LIST(STAGE_ORDER " DESC") },
	[PSORT_LIGHT] = { PRJ_LIST(LIGHT_ORDER), PRJ_LIST(LIGHT_ORDER " DESC") },
	[PSORT_UPDATED] = { PRJ_LIST("p.updated_at"), PRJ_LIST("p.updated_at DESC") },
};
static const char count_sql[] = "SELECT COUNT(*) FROM projects p WHERE" PRJ_FILTER;

static void bind_filter(struct db_stmt *s, const struct project_query *q)
{
	db_bind_text(s, 1, q->lo);
	db_bind_text(s, 2, q->hi);
	db_bind_opt_text(s, 3, q->pattern);
	db_bind_opt_text(s, 4, q->stage);
	db_bind_opt_text(s, 5, q->light);
	db_bind_i64(s, 6, q->leader_id);
	db_bind_i64(s, 7, q->department_id);
	db_bind_opt_text(s, 8, q->category);
	db_bind_opt_text(s, 9, q->kind);
	db_bind_i64(s, 10, q->plan_year);
	db_bind_i64(s, 11, q->builder_id);
	db_bind_opt_text(s, 12, q->tag_pattern);
	db_bind_i64(s, 13, q->min_total);
	db_bind_i64(s, 14, q->special_bond);
}

static gcode step_error(struct gerror *e)
{
	return e && e->code ? e->code : G_ERR_DB;
}

/* Totals are reused while a user pages through one filter; any write to
 * projects in this process forgets them (count_cache_bump in the writers
 * below), other processes' writes show within COUNT_TTL seconds. */
#define COUNT_TTL 10
static struct count_cache *counts;
static pthread_once_t counts_once = PTHREAD_ONCE_INIT;

static void counts_init(void)
{
	counts = count_cache_new(256, COUNT_TTL);
}

static struct count_cache *count_cache(void)
{
	pthread_once(&counts_once, counts_init);
	return counts;
}

static void counts_forget(void)
{
	count_cache_bump(count_cache());
}

static const char *nz(const char *v)
{
	return v ? v : "\x01"; /* NULL differs from "" */
}

static gcode count_matches(struct db *c, const struct project_query *q, int64_t *total,
			   struct gerror *e)
{
	char key[1200];
	int64_t now = (int64_t)time(NULL);
	int kn = snprintf(key, sizeof key, "%s|%s|%s|%s|%s|%lld|%lld|%s|%s|%lld|%lld|%s|%lld|%lld",
			  q->lo, q->hi, nz(q->pattern), nz(q->stage), nz(q->light),
			  (long long)q->leader_id, (long long)q->department_id, nz(q->category),
			  nz(q->kind), (long long)q->plan_year, (long long)q->builder_id,
			  nz(q->tag_pattern), (long long)q->min_total, (long long)q->special_bond);
	bool cacheable = kn > 0 && (size_t)kn < sizeof key; /* never a truncated key */
	if (cacheable && count_cache_get(count_cache(), key, now, total))
		return G_OK;
	struct db_stmt *s;
	gcode rc = db_prepare(c, count_sql, &s, e);
	if (rc != G_OK)
		return rc;
	bind_filter(s, q);
	int r = db_step(s, e);
	*total = r == DB_ROW ? db_col_i64(s, 0) : 0;
	db_finish(s);
	if (r < 0)
		return step_error(e);
	if (cacheable)
		count_cache_put(count_cache(), key, now, *total);
	return G_OK;
}

gcode store_project_list(struct db *c, const struct project_query *q, json_t **out,
			 struct gerror *e)
{
	struct db_stmt *s;
	int64_t total;
	gcode rc = count_matches(c, q, &total, e);
	if (rc != G_OK)
		return rc;
	int r;
	unsigned sort = (unsigned)q->sort < PSORT__COUNT ? (unsigned)q->sort : PSORT_ID;
	rc = db_prepare(c, list_sql[sort][q->desc ? 1 : 0], &s, e);
	if (rc != G_OK)
		return rc;
	bind_filter(s, q);
	db_bind_i64(s, 15, q->limit);
	db_bind_i64(s, 16, q->offset);
	json_t *items = json_array();
	while ((r = db_step(s, e)) == DB_ROW)
		json_array_append_new(items, db_row_json(s, prj_names, prj_types));
	db_finish(s);
	if (r < 0) {
		json_decref(items);
		return step_error(e);
	}
	*out = json_pack("{s:o,s:I}", "items", items, "total", (json_int_t)total);
	return G_OK;
}

json_t *store_project_get(struct db *c, int64_t id)
{
	return store_row(c, PRJ_COLS " WHERE p.id = $1", prj_names, prj_types, "i", id);
}

static gcode code_taken(gcode rc, struct gerror *e)
{
	if (rc == G_ERR_EXISTS)
		gerr_set(e, rc, "code", "项目代码已登记", "this project code is already registered");
	return rc;
}

gcode store_project_insert(struct db *c, const struct project_fields *f, int64_t now,
			   int64_t *id, struct gerror *e)
{
	counts_forget();
	struct db_stmt *s;
	gcode rc = db_prepare_bind(
		c,
		"INSERT INTO projects (region, code, name, category, industry, kind,"
		" total_investment, annual_plan, plan_year, builder_id, location, leader_id,"
		" department_id, planned_start, planned_finish, stats_date, tags, special_bond,"
		" stage, stage_date, actual_start, actual_finish, created_at, updated_at)"
		" VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,"
		" $19,$20,$21,$22,$23,$23) RETURNING id",
		&s, e, "ttttttiiiztzzttttitttti", f->region, f->code, f->name, f->category,
		f->industry, f->kind, f->total_investment, f->annual_plan, f->plan_year,
		f->builder_id, f->location, f->leader_id, f->department_id, f->planned_start,
		f->planned_finish, f->stats_date, f->tags, f->special_bond, f->stage,
		f->stage_date, f->actual_start, f->actual_finish, now);
	if (rc != G_OK)
		return rc;
	int r = db_step(s, e);
	if (r == DB_ROW)
		*id = db_col_i64(s, 0);
	else
		rc = step_error(e);
	db_finish(s);
	return code_taken(rc, e);
}

gcode store_project_update(struct db *c, int64_t id, int64_t version,
			   const struct project_fields *f, int64_t now, struct gerror *e)
{
	counts_forget();
	int64_t n = 0;
	gcode rc = db_run(c,
			  "UPDATE projects SET region = $1, code = $2, name = $3, category = $4,"
			  " industry = $5, kind = $6, total_investment = $7, annual_plan = $8,"
			  " plan_year = $9, builder_id = $10, location = $11, leader_id = $12,"
			  " department_id = $13, planned_start = $14, planned_finish = $15,"
			  " stats_date = $16, tags = $17, special_bond = $18, updated_at = $19,"
			  " version = version + 1 WHERE id = $20 AND version = $21",
			  &n, e, "ttttttiiiztzzttttiiii", f->region, f->code, f->name, f->category,
			  f->industry, f->kind, f->total_investment, f->annual_plan, f->plan_year,
			  f->builder_id, f->location, f->leader_id, f->department_id,
			  f->planned_start, f->planned_finish, f->stats_date, f->tags,
			  f->special_bond, now, id, version);
	rc = code_taken(rc, e);
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}

gcode store_project_set_stage(struct db *c, int64_t id, int64_t version,
			      const struct project_stage_set *st, int64_t now, struct gerror *e)
{
	counts_forget();
	int64_t n = 0;
	gcode rc = db_run(c,
			  "UPDATE projects SET stage = $1, stage_date = $2, actual_start = $3,"
			  " actual_finish = $4, stats_date = $5, updated_at = $6,"
			  " version = version + 1 WHERE id = $7 AND version = $8",
			  &n, e, "tttttiii", st->stage, st->stage_date, st->actual_start,
			  st->actual_finish, st->stats_date, now, id, version);
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}

gcode store_project_set_light(struct db *c, int64_t id, const char *light,
			      const char *reasons_json, const char *light_date, struct gerror *e)
{
	counts_forget();
	return db_run(c,
		      "UPDATE projects SET light = $1, light_reasons = $2, light_date = $3"
		      " WHERE id = $4",
		      NULL, e, "ttti", light, reasons_json, light_date, id);
}

gcode store_project_stale_lights(struct db *c, const char *lo, const char *hi,
				 const char *today, json_t **ids, struct gerror *e)
{
	static const char *const names[] = { "id", NULL };
	*ids = store_rows(c,
			  "SELECT id FROM projects WHERE region BETWEEN $1 AND $2"
			  " AND (light_date IS NULL OR light_date <> $3) ORDER BY id",
			  names, "i", "ttt", lo, hi, today);
	return *ids ? G_OK : gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
}

gcode store_project_touch(struct db *c, int64_t id, int64_t now, struct gerror *e)
{
	return db_run(c, "UPDATE projects SET version = version + 1, updated_at = $1 WHERE id = $2",
		      NULL, e, "ii", now, id);
}

gcode store_project_history_add(struct db *c, int64_t project_id, const char *region,
				const char *from, const char *to, const char *date,
				const char *reason, int64_t actor_id, const char *actor,
				int64_t now, struct gerror *e)
{
	return db_run(c,
		      "INSERT INTO project_stage_history (region, project_id, from_stage, to_stage,"
		      " date, reason, actor_id, actor, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
		      NULL, e, "tittttzti", region, project_id, from, to, date, reason, actor_id,
		      actor, now);
}

json_t *store_project_history(struct db *c, int64_t project_id, int64_t limit)
{
	static const char *const names[] = { "id", "from_stage", "to_stage", "date", "reason",
					     "actor_id", "actor", "at", NULL };
	return store_rows(c,
			  "SELECT id, from_stage, to_stage, date, reason, actor_id, actor, at"
			  " FROM project_stage_history WHERE project_id = $1"
			  " ORDER BY id DESC LIMIT $2",
			  names, "ittttnti", "ii", project_id, limit);
}

gcode store_project_members_set(struct db *c, int64_t project_id, const char *region,
				const json_t *members, int64_t now, struct gerror *e)
{
	gcode rc = db_run(c, "DELETE FROM project_members WHERE project_id = $1", NULL, e, "i",
			  project_id);
	size_t i;
	const json_t *m;
	json_array_foreach(members, i, m) {
		if (rc != G_OK)
			break;
		const char *duty = json_string_value(json_object_get(m, "duty"));
		rc = db_run(c,
			    "INSERT INTO project_members (region, project_id, user_id, name, duty,"
			    " created_at) VALUES ($1,$2,$3,$4,$5,$6)",
			    NULL, e, "tiztti", region, project_id,
			    (int64_t)json_integer_value(json_object_get(m, "user_id")),
			    json_string_value(json_object_get(m, "name")), duty ? duty : "", now);
	}
	return rc;
}

json_t *store_project_members(struct db *c, int64_t project_id)
{
	static const char *const names[] = { "id", "user_id", "name", "duty", NULL };
	return store_rows(c,
			  "SELECT id, user_id, name, duty FROM project_members WHERE project_id = $1"
			  " ORDER BY id",
			  names, "intt", "i", project_id);
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

json_t *store_rows_va(struct db *c, const char *sql, const char *const *names,
		      const char *types, const char *fmt, va_list ap)
{
	struct db_stmt *s;
	if (db_prepare(c, sql, &s, NULL) != G_OK)
		return NULL;
	bind_va(s, fmt, ap);
	json_t *rows = json_array();
	int r;
	while ((r = db_step(s, NULL)) == DB_ROW)
		json_array_append_new(rows, db_row_json(s, names, types));
	db_finish(s);
	if (r < 0) {
		json_decref(rows);
		return NULL;
	}
	return rows;
}

json_t *store_rows(struct db *c, const char *sql, const char *const *names, const char *types,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	json_t *rows = store_rows_va(c, sql, names, types, fmt, ap);
	va_end(ap);
	return rows;
}

json_t *store_row(struct db *c, const char *sql, const char *const *names, const char *types,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	json_t *rows = store_rows_va(c, sql, names, types, fmt, ap);
	va_end(ap);
	json_t *o = json_array_size(rows) ? json_incref(json_array_get(rows, 0)) : NULL;
	json_decref(rows);
	return o;
}
