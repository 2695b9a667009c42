/* The facts of many projects at once, for rates, the campaign, ledgers,
 * the battle map and the light refresh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "domain/proj_class.h"
#include "domain/proj_date.h"
#include "store/projects.h"
#include "store/store.h"

static const char *const fact_names[] = { "id", "region", "name", "code", "kind", "category",
	"department_id", "department_name", "leader_id", "leader_name", "builder_id",
	"planned_start", "actual_start", "planned_finish", "actual_finish", "stats_date",
	"annual_plan", "total_investment", "plan_year", "stage", "light", "light_reasons",
	"invest_ytd", "ytd_month", "resumed", NULL };
static const char fact_types[] = "itttttnt" "ntn" "ttttt" "iii" "tt" "j" "ntt";


static const char facts_sql[] =
	"SELECT p.id, p.region, p.name, p.code, p.kind, p.category, p.department_id, d.name,"
	" p.leader_id, u.display_name, p.builder_id, p.planned_start, p.actual_start,"
	" p.planned_finish, p.actual_finish, p.stats_date, p.annual_plan, p.total_investment,"
	" p.plan_year, p.stage, p.light, p.light_reasons,"
	" (SELECT r.invest_ytd FROM project_reports r WHERE r.project_id = p.id"
	"  AND r.status IN ('submitted','reviewed') AND r.month >= CAST(p.plan_year AS TEXT) || '-01'"
	"  AND r.month <= CAST(p.plan_year AS TEXT) || '-12' ORDER BY r.month DESC LIMIT 1),"
	" (SELECT r.month FROM project_reports r WHERE r.project_id = p.id"
	"  AND r.status IN ('submitted','reviewed') AND r.month >= CAST(p.plan_year AS TEXT) || '-01'"
	"  AND r.month <= CAST(p.plan_year AS TEXT) || '-12' ORDER BY r.month DESC LIMIT 1),"
	" (SELECT MAX(h.date) FROM project_stage_history h WHERE h.project_id = p.id"
	"  AND h.to_stage = 'building' AND h.date >= CAST(p.plan_year AS TEXT) || '-01-01'"
	"  AND h.date <= CAST(p.plan_year AS TEXT) || '-12-31')"
	" FROM projects p LEFT JOIN departments d ON d.id = p.department_id"
	" LEFT JOIN users u ON u.id = p.leader_id"
	" WHERE p.region BETWEEN $1 AND $2"
	" AND (CAST($3 AS BIGINT) = 0 OR p.plan_year = $3)"
	" AND (CAST($4 AS BIGINT) = 0 OR p.leader_id = $4)"
	" AND (CAST($5 AS BIGINT) = 0 OR p.department_id = $5)"
	" AND (CAST($6 AS BIGINT) = 0 OR p.builder_id = $6)"
	" ORDER BY p.id";

gcode store_project_facts(struct db *c, const struct facts_query *q, json_t **out,
			  struct gerror *e)
{
	*out = store_rows(c, facts_sql, fact_names, fact_types, "ttiiii", q->lo, q->hi,
			  q->plan_year, q->leader_id, q->department_id, q->builder_id);
	return *out ? G_OK : gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
}

json_t *store_group_by_project(json_t *rows)
{
	if (!rows)
		return NULL;
	json_t *by = json_object(), *r;
	size_t i;
	json_array_foreach(rows, i, r) {
		char key[24];
		snprintf(key, sizeof key, "%lld",
			 (long long)json_integer_value(json_object_get(r, "project_id")));
		json_t *list = json_object_get(by, key);
		if (!list) {
			list = json_array();
			json_object_set_new(by, key, list);
		}
		json_array_append(list, r);
	}
	json_decref(rows);
	return by;
}

json_t *store_proc_done_by_projects(struct db *c, const char *lo, const char *hi,
				    int64_t plan_year)
{
	static const char *const names[] = { "project_id", "kind", "status", "actual_finish", NULL };
	return store_group_by_project(store_rows(c,
			  "SELECT x.project_id, x.kind, x.status, x.actual_finish"
			  " FROM project_procedures x JOIN projects p ON p.id = x.project_id"
			  " WHERE p.region BETWEEN $1 AND $2"
			  " AND (CAST($3 AS BIGINT) = 0 OR p.plan_year = $3)"
			  " AND x.actual_finish IS NOT NULL ORDER BY x.project_id, x.id",
			  names, "ittt", "tti", lo, hi, plan_year));
}

/* The rate facts without names or JSON: what a summary over thousands of
 * projects needs (the cockpit), read straight into structs. */
static const char rate_facts_sql[] =
	"SELECT p.id, p.region, p.kind, p.category, p.department_id, p.leader_id,"
	" p.planned_start, p.actual_start, p.planned_finish, p.actual_finish, p.stats_date,"
	" p.annual_plan, p.light,"
	" (SELECT r.invest_ytd FROM project_reports r WHERE r.project_id = p.id"
	"  AND r.status IN ('submitted','reviewed') AND r.month >= CAST(p.plan_year AS TEXT) || '-01'"
	"  AND r.month <= CAST(p.plan_year AS TEXT) || '-12' ORDER BY r.month DESC LIMIT 1),"
	" CASE WHEN p.kind = 'continuing' THEN (SELECT MAX(h.date) FROM project_stage_history h"
	"  WHERE h.project_id = p.id AND h.to_stage = 'building'"
	"  AND h.date >= CAST(p.plan_year AS TEXT) || '-01-01'"
	"  AND h.date <= CAST(p.plan_year AS TEXT) || '-12-31') END"
	" FROM projects p"
	" WHERE p.region BETWEEN $1 AND $2"
	" AND (CAST($3 AS BIGINT) = 0 OR p.plan_year = $3)"
	" AND (CAST($4 AS BIGINT) = 0 OR p.leader_id = $4)"
	" AND (CAST($5 AS BIGINT) = 0 OR p.department_id = $5)"
	" AND (CAST($6 AS BIGINT) = 0 OR p.builder_id = $6)"
	" ORDER BY p.id";

static int32_t col_date(struct db_stmt *s, int col)
{
	int32_t d;
	if (db_col_null(s, col) || !proj_date_parse_iso(db_col_text(s, col), db_col_len(s, col), &d))
		return PROJ_DATE_NONE;
	return d;
}

static int col_code(struct db_stmt *s, int col, int (*find)(const char *, size_t), int def)
{
	int v = db_col_null(s, col) ? -1 : find(db_col_text(s, col), db_col_len(s, col));
	return v < 0 ? def : v;
}

static enum proj_light col_light(struct db_stmt *s, int col)
{
	const char *l = db_col_null(s, col) ? "" : db_col_text(s, col);
	return !strcmp(l, "red") ? PLIGHT_RED : !strcmp(l, "yellow") ? PLIGHT_YELLOW : PLIGHT_GREEN;
}

static void rate_item_of(struct db_stmt *s, struct proj_rate_item *it)
{
	const char *region = db_col_text(s, 1);
	char *end = NULL;
	long long reg = strtoll(region ? region : "", &end, 10);
	enum proj_kind kind = (enum proj_kind)col_code(s, 2, proj_kind_find, PKIND_NEW);
	it->f = (struct proj_fact){
		.id = db_col_i64(s, 0),
		.kind = kind,
		.category = (enum proj_category)col_code(s, 3, proj_category_find, PCAT_INDUSTRY),
		.region = end && !*end ? (int64_t)reg : 0,
		.department_id = db_col_i64(s, 4),
		.leader_id = db_col_i64(s, 5),
		.planned_start = col_date(s, 6),
		.started = kind == PKIND_CONTINUING ? col_date(s, 14) : col_date(s, 7),
		.planned_completion = col_date(s, 8),
		.completed = col_date(s, 9),
		.stats_date = col_date(s, 10),
		.annual_plan_yuan = db_col_i64(s, 11),
		.ytd_done_yuan = db_col_i64(s, 13),
	};
	if (it->f.annual_plan_yuan < 0)
		it->f.annual_plan_yuan = 0;
	if (it->f.ytd_done_yuan < 0)
		it->f.ytd_done_yuan = 0;
	it->light = col_light(s, 12);
}

gcode store_project_rate_facts(struct db *c, const struct facts_query *q,
			       struct proj_rate_item **out, size_t *n, struct gerror *e)
{
	struct db_stmt *s;
	*out = NULL;
	*n = 0;
	gcode rc = db_prepare_bind(c, rate_facts_sql, &s, e, "ttiiii", q->lo, q->hi, q->plan_year,
				   q->leader_id, q->department_id, q->builder_id);
	if (rc != G_OK)
		return rc;
	size_t cap = 0;
	int r;
	while ((r = db_step(s, e)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		rate_item_of(s, &(*out)[(*n)++]);
	}
	db_finish(s);
	if (r < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return G_ERR_DB;
	}
	return G_OK;
}

static const char *const lagging_names[] = { "id", "name", "light", "stage", "leader_name",
	"department_name", "reasons", NULL };

json_t *store_project_lagging(struct db *c, const struct facts_query *q, int64_t limit)
{
	return store_rows(c,
			  "SELECT p.id, p.name, p.light, p.stage, u.display_name, d.name,"
			  " p.light_reasons FROM projects p"
			  " LEFT JOIN departments d ON d.id = p.department_id"
			  " LEFT JOIN users u ON u.id = p.leader_id"
			  " WHERE p.region BETWEEN $1 AND $2 AND p.light IN ('red','yellow')"
			  " AND (CAST($3 AS BIGINT) = 0 OR p.plan_year = $3)"
			  " AND (CAST($4 AS BIGINT) = 0 OR p.leader_id = $4)"
			  " AND (CAST($5 AS BIGINT) = 0 OR p.department_id = $5)"
			  " AND (CAST($6 AS BIGINT) = 0 OR p.builder_id = $6)"
			  " ORDER BY CASE p.light WHEN 'red' THEN 0 ELSE 1 END, p.id LIMIT $7",
			  lagging_names, "itttttj", "ttiiiii", q->lo, q->hi, q->plan_year, q->leader_id,
			  q->department_id, q->builder_id, limit);
}
