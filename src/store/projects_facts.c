/* The facts of many projects at once, for rates, the campaign, ledgers,
 * the battle map and the light refresh. */
#include <stdio.h>

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
