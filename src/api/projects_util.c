/* Shared helpers of the projects handlers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/projects.h"
#include "api/projects_light_cache.h"
#include "base/text.h"
#include "domain/proj_amount.h"
#include "domain/proj_class.h"
#include "domain/proj_light.h"
#include "domain/proj_stage.h"
#include "store/projects.h"

int32_t projects_today(const struct api_req *rq)
{
	return (int32_t)((rq->now + 8 * 3600) / 86400);
}

bool projects_iso_parse(const char *s, int32_t *out)
{
	return s && proj_date_parse_iso(s, strlen(s), out);
}

void projects_iso_format(int32_t d, char out[PROJ_DATE_ISO_LEN + 1])
{
	if (!proj_date_format_iso(d, out))
		out[0] = '\0';
}

int32_t projects_json_date(const json_t *o, const char *key)
{
	int32_t d;
	return projects_iso_parse(json_string_value(json_object_get(o, key)), &d) ? d
										   : PROJ_DATE_NONE;
}

gcode projects_body_date(const json_t *body, const char *name, const char *zh,
			 const char **out, struct gerror *e)
{
	const json_t *v = json_object_get(body, name);
	int32_t d;
	*out = NULL;
	if (!v || json_is_null(v))
		return G_OK;
	if (json_is_string(v) && projects_iso_parse(json_string_value(v), &d)) {
		*out = json_string_value(v);
		return G_OK;
	}
	char mzh[200], men[200];
	snprintf(mzh, sizeof mzh, "%s应为有效日期（YYYY-MM-DD）", zh);
	snprintf(men, sizeof men, "%s must be a valid date (YYYY-MM-DD)", name);
	return gerr_set(e, G_ERR_INVALID, name, mzh, men);
}

gcode projects_body_amount(const json_t *body, const char *name, const char *zh,
			   int64_t *out, struct gerror *e)
{
	const json_t *v = json_object_get(body, name);
	if (!v)
		return G_OK;
	char mzh[240], men[240];
	if (json_is_integer(v) && json_integer_value(v) >= 0) {
		*out = json_integer_value(v);
		return G_OK;
	}
	if (json_is_string(v)) {
		int64_t y;
		enum proj_amount_error r = proj_amount_parse(json_string_value(v),
							     json_string_length(v), PUNIT_YUAN, &y);
		if (r == PAMT_OK) {
			*out = y;
			return G_OK;
		}
		snprintf(mzh, sizeof mzh, "%s：%s", zh, proj_amount_error_zh(r));
		snprintf(men, sizeof men, "%s: %s", name, proj_amount_error_en(r));
		return gerr_set(e, G_ERR_INVALID, name, mzh, men);
	}
	snprintf(mzh, sizeof mzh, "%s应为不小于0的金额（元），或如“1.2亿元”“5000万元”的文本", zh);
	snprintf(men, sizeof men,
		 "%s must be a non-negative amount in yuan, or text such as \"5000万元\"", name);
	return gerr_set(e, G_ERR_INVALID, name, mzh, men);
}

gcode projects_query_id(struct api_req *rq, const char *key, int64_t me, int64_t *out,
			struct gerror *e)
{
	const char *v = api_query(rq, key);
	*out = 0;
	if (!v)
		return G_OK;
	if (!strcmp(v, "me")) {
		*out = me ? me : -1;
		return G_OK;
	}
	if (text_to_i64(v, 1, INT64_MAX, out))
		return G_OK;
	char zh[96], en[96];
	snprintf(zh, sizeof zh, "参数%s应为编号或me", key);
	snprintf(en, sizeof en, "%s must be an id or me", key);
	return gerr_set(e, G_ERR_INVALID, key, zh, en);
}

json_t *projects_open_problems(struct api_req *rq, const struct problem_query *q)
{
	json_t *out = NULL, *open = json_array();
	if (store_problem_list(rq->db, q, &out, NULL) == G_OK) {
		size_t i;
		json_t *p;
		json_array_foreach(json_object_get(out, "items"), i, p)
			if (strcmp(json_string_value(json_object_get(p, "status")), "closed"))
				json_array_append(open, p);
	}
	json_decref(out);
	return open;
}

struct obj_scope projects_scope(const json_t *p)
{
	struct obj_scope s = {
		.region = json_string_value(json_object_get(p, "region")),
		.department_id = json_integer_value(json_object_get(p, "department_id")),
		.enterprise_id = json_integer_value(json_object_get(p, "builder_id")),
		.owner_user_id = json_integer_value(json_object_get(p, "leader_id")),
	};
	return s;
}

json_t *projects_visible_id(struct api_req *rq, int64_t id, enum action act, struct gerror *e,
			    gcode *rc)
{
	*rc = api_check(rq, RES_PROJECT, act, NULL, e);
	if (*rc != G_OK)
		return NULL;
	json_t *p = store_project_get(rq->db, id);
	if (!p) {
		*rc = api_not_found(e);
		return NULL;
	}
	struct obj_scope s = projects_scope(p);
	*rc = api_check(rq, RES_PROJECT, act, &s, e);
	if (*rc != G_OK) {
		json_decref(p);
		return NULL;
	}
	return p;
}

json_t *projects_visible(struct api_req *rq, int i, enum action act, struct gerror *e,
			 gcode *rc)
{
	int64_t id;
	*rc = api_path_id(rq, i, &id, e);
	return *rc == G_OK ? projects_visible_id(rq, id, act, e, rc) : NULL;
}

static json_t *light_json(const struct proj_light_result *r)
{
	json_t *a = json_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct proj_light_reason *x = &r->reasons[i];
		json_array_append_new(a, json_pack("{s:s,s:s,s:I,s:s,s:s}", "code",
						   proj_light_reason_key(x->code), "light",
						   proj_light_code_name(x->light), "value",
						   (json_int_t)x->value, "zh", x->zh, "en", x->en));
	}
	return a;
}

static int ytd_month(const json_t *p)
{
	const char *m = json_string_value(json_object_get(p, "ytd_month"));
	return m && strlen(m) == 7 ? (m[5] - '0') * 10 + (m[6] - '0') : 0;
}

gcode projects_refresh_light(struct api_req *rq, int64_t id, struct gerror *e)
{
	json_t *p = store_project_get(rq->db, id);
	if (!p)
		return api_not_found(e);
	struct proj_light_rules rules;
	char from[7];
	json_decref(projects_light_rules(rq->db, json_string_value(json_object_get(p, "region")),
					 &rules, from));
	struct proj_light_facts f = {
		.planned_start = projects_json_date(p, "planned_start"),
		.actual_start = projects_json_date(p, "actual_start"),
		.stats_date = projects_json_date(p, "stats_date"),
		.annual_plan_yuan = json_integer_value(json_object_get(p, "annual_plan")),
		.ytd_done_yuan = json_integer_value(json_object_get(p, "invest_ytd")),
		.ytd_month = ytd_month(p),
	};
	json_decref(p);
	int32_t today = projects_today(rq);
	struct proj_light_result r;
	if (!proj_light_eval(&rules, &f, today, &r)) { /* facts the rules refuse: no light */
		r.light = PLIGHT_GREEN;
		r.n = 0;
	}
	json_t *reasons = light_json(&r);
	char *text = json_dumps(reasons, JSON_COMPACT);
	json_decref(reasons);
	char day[PROJ_DATE_ISO_LEN + 1];
	projects_iso_format(today, day);
	gcode rc = store_project_set_light(rq->db, id, proj_light_code_name(r.light),
					   text ? text : "[]", day, e);
	free(text);
	return rc;
}

gcode projects_refresh_stale_n(struct api_req *rq, const char *lo, const char *hi,
			       size_t *n, struct gerror *e)
{
	int32_t today = projects_today(rq);
	*n = 0;
	if (light_cache_fresh(rq->app, lo, hi, today, rq->now))
		return G_OK;
	uint64_t gen = light_cache_generation();
	char day[PROJ_DATE_ISO_LEN + 1];
	projects_iso_format(today, day);
	json_t *ids;
	gcode rc = store_project_stale_lights(rq->db, lo, hi, day, &ids, e);
	*n = rc == G_OK ? json_array_size(ids) : 0;
	if (rc == G_OK && *n)
		rc = db_begin(rq->db, e);
	size_t i;
	json_t *r;
	json_array_foreach(ids, i, r) {
		if (rc == G_OK)
			rc = projects_refresh_light(rq, json_integer_value(json_object_get(r, "id")), e);
	}
	json_decref(ids);
	if (rc == G_OK && *n)
		rc = db_commit(rq->db, e);
	if (rc == G_OK)
		light_cache_mark(rq->app, lo, hi, today, rq->now, gen);
	return rc;
}

gcode projects_refresh_stale(struct api_req *rq, const char *lo, const char *hi,
			     struct gerror *e)
{
	size_t n;
	return projects_refresh_stale_n(rq, lo, hi, &n, e);
}

static json_t *tags_array(const char *tags)
{
	json_t *a = json_array();
	for (const char *p = tags ? tags : ""; *p;) {
		size_t n = strcspn(p, ",");
		if (n)
			json_array_append_new(a, json_stringn(p, n));
		p += n;
		if (*p)
			p++;
	}
	return a;
}

void projects_decorate(json_t *p)
{
	const char *stage = json_string_value(json_object_get(p, "stage"));
	const char *cat = json_string_value(json_object_get(p, "category"));
	const char *kind = json_string_value(json_object_get(p, "kind"));
	const char *light = json_string_value(json_object_get(p, "light"));
	int s = stage ? proj_stage_find(stage, strlen(stage)) : -1;
	int c = cat ? proj_category_find(cat, strlen(cat)) : -1;
	int k = kind ? proj_kind_find(kind, strlen(kind)) : -1;
	const struct proj_stage_info *si = s >= 0 ? proj_stage_info((enum proj_stage)s) : NULL;
	json_object_set_new(p, "stage_zh", json_string(si ? si->zh : ""));
	json_object_set_new(p, "category_zh",
			    json_string(c >= 0 ? proj_category_zh((enum proj_category)c) : ""));
	json_object_set_new(p, "kind_zh", json_string(k >= 0 ? proj_kind_zh((enum proj_kind)k) : ""));
	enum proj_light l = light && !strcmp(light, "red")      ? PLIGHT_RED
			    : light && !strcmp(light, "yellow") ? PLIGHT_YELLOW
								: PLIGHT_GREEN;
	json_object_set_new(p, "light_zh", json_string(proj_light_zh(l)));
	json_object_set_new(p, "tags",
			    tags_array(json_string_value(json_object_get(p, "tags"))));
	unsigned st = proj_size_tags(json_integer_value(json_object_get(p, "total_investment")));
	json_t *size = json_array();
	if (st & PTAG_OVER_50M)
		json_array_append_new(size, json_string("5000万以上"));
	if (st & PTAG_OVER_100M)
		json_array_append_new(size, json_string("亿元以上"));
	json_object_set_new(p, "size_tags", size);
}

gcode projects_audit(struct api_req *rq, const char *action, const char *type, int64_t id,
		     const char *region, const json_t *before, const json_t *after,
		     struct gerror *e)
{
	struct actor a = api_actor(rq);
	char oid[24];
	snprintf(oid, sizeof oid, "%lld", (long long)id);
	return audit_append(rq->db, &a, action, type, oid, region, before, after, e);
}
