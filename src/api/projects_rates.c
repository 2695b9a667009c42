/* GET /api/v1/projects/rates and /api/v1/projects/campaign: the rates of
 * the year's projects (proj_rates_group) and the quarterly campaign
 * (proj_campaign_eval) with the projects each goal still misses; both as
 * JSON or, with ?format=xlsx, a workbook (projects_sheets.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/projects.h"
#include "api/projects_facts.h"
#include "api/projects_sheets.h"
#include "domain/proj_class.h"
#include "store/org.h"

static const char *const group_codes[PGROUP__COUNT] = { "all", "region", "department",
							"leader", "category", "quarter" };

static gcode read_group(struct api_req *rq, enum proj_group *g, struct gerror *e)
{
	const char *v = api_query(rq, "group");
	*g = PGROUP_ALL;
	if (!v)
		return G_OK;
	for (int i = 0; i < PGROUP__COUNT; i++)
		if (!strcmp(v, group_codes[i])) {
			*g = (enum proj_group)i;
			return G_OK;
		}
	return gerr_set(e, G_ERR_INVALID, "group",
			"分组应为all、region、department、leader、category或quarter",
			"group must be all, region, department, leader, category or quarter");
}

/* The display name of a group key. */
static json_t *group_name(struct api_req *rq, const struct facts_set *s, enum proj_group g,
			  int64_t key)
{
	char buf[32];
	const char *name_key = g == PGROUP_DEPARTMENT ? "department_name"
			       : g == PGROUP_LEADER   ? "leader_name"
						      : NULL;
	switch (g) {
	case PGROUP_ALL:
		return json_string("合计");
	case PGROUP_CATEGORY:
		return json_string(proj_category_zh((enum proj_category)key));
	case PGROUP_QUARTER:
		if (!key)
			return json_string("年内未计划开工");
		snprintf(buf, sizeof buf, "第%lld季度", (long long)key);
		return json_string(buf);
	case PGROUP_REGION: {
		snprintf(buf, sizeof buf, "%06lld", (long long)key);
		json_t *r = store_region_get(rq->db, buf);
		json_t *n = json_string(r ? json_string_value(json_object_get(r, "name")) : buf);
		json_decref(r);
		return n;
	}
	default:
		break;
	}
	for (size_t i = 0; i < s->n && key; i++) {
		int64_t k = g == PGROUP_DEPARTMENT ? s->f[i].department_id : s->f[i].leader_id;
		const char *n = json_string_value(json_object_get(json_array_get(s->rows, i), name_key));
		if (k == key && n)
			return json_string(n);
	}
	return json_string("未指定");
}

static json_t *row_json(struct api_req *rq, const struct facts_set *s, enum proj_group g,
			const struct proj_rate_row *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "key", g == PGROUP_CATEGORY
				      ? json_string(proj_category_code((enum proj_category)r->key))
				      : json_integer(r->key));
	json_object_set_new(o, "name", group_name(rq, s, g, r->key));
	if (g == PGROUP_CATEGORY)
		json_object_set_new(o, "name_en",
				    json_string(proj_category_en((enum proj_category)r->key)));
	json_object_set_new(o, "n_projects", json_integer((json_int_t)r->n_projects));
	json_object_set_new(o, "start", facts_rate_json(&r->start));
	json_object_set_new(o, "start_resume", facts_rate_json(&r->start_resume));
	json_object_set_new(o, "completion", facts_rate_json(&r->completion));
	json_object_set_new(o, "investment", facts_rate_json(&r->investment));
	json_object_set_new(o, "stats", facts_rate_json(&r->stats));
	return o;
}

static gcode fault(struct gerror *e)
{
	return gerr_set(e, G_ERR_INVALID, NULL, "项目数据无法计算（日期或金额无效）",
			"the projects' facts cannot be aggregated (a date or amount is invalid)");
}

/* Rows of group g (and the total) as JSON. */
static gcode rates_json(struct api_req *rq, const struct facts_set *s, enum proj_group g,
			json_t **rows, json_t **total, struct gerror *e)
{
	size_t cap = s->n + 1, n = 0;
	struct proj_rate_row *buf = calloc(cap, sizeof *buf), all;
	if (!buf)
		return gerr_set(e, G_ERR_NOMEM, NULL, "内存不足", "out of memory");
	bool ok = proj_rates_group(s->f, s->n, s->year, s->asof, g, buf, cap, &n) &&
		  proj_rates_group(s->f, s->n, s->year, s->asof, PGROUP_ALL, &all, 1, &(size_t){ 0 });
	if (ok) {
		*rows = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(*rows, row_json(rq, s, g, &buf[i]));
		*total = row_json(rq, s, PGROUP_ALL, &all);
	}
	free(buf);
	return ok ? G_OK : fault(e);
}

static void period_json(json_t *o, const struct facts_set *s)
{
	char d[PROJ_DATE_ISO_LEN + 1];
	projects_iso_format(s->asof, d);
	json_object_set_new(o, "year", json_integer(s->year));
	json_object_set_new(o, "as_of", json_string(d));
}

gcode h_projects_rates(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct facts_set s = { 0 };
	enum proj_group g;
	bool xlsx;
	int64_t leader, dept;
	gcode rc = read_group(rq, &g, e);
	if (rc == G_OK)
		rc = facts_want_xlsx(rq, &xlsx, e);
	if (rc == G_OK)
		rc = projects_query_id(rq, "leader_id", rq->who.user_id, &leader, e);
	if (rc == G_OK)
		rc = projects_query_id(rq, "department_id", rq->who.user_id, &dept, e);
	if (rc == G_OK)
		rc = facts_load(rq, leader, dept, &s, e);
	json_t *rows = NULL, *total = NULL;
	if (rc == G_OK)
		rc = rates_json(rq, &s, g, &rows, &total, e);
	if (rc != G_OK) {
		facts_free(&s);
		return rc;
	}
	json_t *out = json_pack("{s:s,s:o,s:o}", "group", group_codes[g], "rows", rows, "total",
				total);
	period_json(out, &s);
	facts_free(&s);
	if (!xlsx)
		return api_ok(rs, 200, out);
	struct buf b;
	buf_init(&b, 0);
	rc = sheets_rates(out, &b, e);
	json_decref(out);
	if (rc == G_OK)
		facts_attach_xlsx(rs, &b, "attachment; filename=\"rates.xlsx\"; filename*=UTF-8''"
					  "%E5%BC%80%E5%B7%A5%E7%8E%87.xlsx");
	buf_free(&b);
	return rc;
}

/* A project as the campaign lists it. */
static json_t *brief(const json_t *r)
{
	static const char *const keys[] = { "id", "name", "code", "kind", "category", "stage",
		"light", "department_id", "department_name", "leader_id", "leader_name",
		"planned_start", "actual_start", "stats_date", "annual_plan", "invest_ytd", NULL };
	json_t *o = json_object();
	for (size_t i = 0; keys[i]; i++) {
		json_t *v = json_object_get(r, keys[i]);
		json_object_set(o, keys[i], v ? v : json_null());
	}
	return o;
}

/* Goal g evaluated as of its quarter's end, or as_of when earlier. */
static gcode goal_json(const struct facts_set *s, enum proj_campaign g, json_t **out,
		       struct gerror *e)
{
	int32_t first, last;
	proj_quarter_range(s->year, (int)g + 1, &first, &last);
	int32_t asof = s->asof < last ? s->asof : last;
	int64_t *missing = calloc(s->n ? s->n : 1, sizeof *missing);
	struct proj_goal r;
	if (!missing)
		return gerr_set(e, G_ERR_NOMEM, NULL, "内存不足", "out of memory");
	if (!proj_campaign_eval(g, s->f, s->n, s->year, asof, &r, missing, s->n)) {
		free(missing);
		return fault(e);
	}
	json_t *list = json_array();
	for (size_t i = 0; i < r.n_missing && i < s->n; i++)
		json_array_append_new(list, brief(facts_row(s, missing[i])));
	free(missing);
	char d[PROJ_DATE_ISO_LEN + 1];
	projects_iso_format(asof, d);
	*out = json_pack("{s:i,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:b,s:I,s:o,s:b}",
			 "quarter", (int)g + 1, "code", proj_campaign_code(g), "name_zh",
			 proj_campaign_zh(g), "name_en", proj_campaign_en(g), "goal_zh",
			 proj_campaign_goal_zh(g), "goal_en", proj_campaign_goal_en(g), "unit",
			 g == PCAMP_Q3_CHARGE ? "yuan" : "projects", "as_of", d, "done",
			 (json_int_t)r.done, "target", (json_int_t)r.target, "bp", (json_int_t)r.bp,
			 "met", r.met, "n_missing", (json_int_t)r.n_missing, "missing", list,
			 "started", s->asof >= first);
	return G_OK;
}

gcode h_projects_campaign(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct facts_set s = { 0 };
	bool xlsx;
	gcode rc = facts_want_xlsx(rq, &xlsx, e);
	if (rc == G_OK)
		rc = facts_load(rq, 0, 0, &s, e);
	if (rc != G_OK)
		return rc;
	json_t *goals = json_array(), *g = NULL;
	for (int i = 0; rc == G_OK && i < PCAMP__COUNT; i++)
		if ((rc = goal_json(&s, (enum proj_campaign)i, &g, e)) == G_OK)
			json_array_append_new(goals, g);
	int cur = s.year == proj_date_year(s.asof) ? proj_quarter_of_month(proj_date_month(s.asof))
						   : 0;
	json_t *out = json_pack("{s:o,s:i}", "goals", goals, "current_quarter", cur);
	period_json(out, &s);
	facts_free(&s);
	if (rc == G_OK && xlsx) {
		struct buf b;
		buf_init(&b, 0);
		rc = sheets_campaign(out, &b, e);
		if (rc == G_OK)
			facts_attach_xlsx(rs, &b, "attachment; filename=\"campaign.xlsx\"; filename*=UTF-8''"
						  "%E5%AD%A3%E5%BA%A6%E6%94%BB%E5%9D%9A.xlsx");
		buf_free(&b);
		json_decref(out);
		return rc;
	}
	if (rc != G_OK) {
		json_decref(out);
		return rc;
	}
	return api_ok(rs, 200, out);
}
