/* GET/PUT /api/v1/regions/{code}/light-rules: the thresholds of the
 * project status light per region, and their lookup for the light
 * computation (a region without its own uses its parent's, else the
 * defaults of the domain guide). */
#include <stdio.h>
#include <string.h>

#include "api/body.h"
#include "api/handlers.h"
#include "api/projects.h"
#include "api/projects_light_cache.h"
#include "domain/region.h"
#include "store/light_rules.h"

static void rules_of_row(const json_t *r, struct proj_light_rules *out)
{
	out->start_red_months = (int)json_integer_value(json_object_get(r, "start_red_months"));
	out->progress_yellow_bp = json_integer_value(json_object_get(r, "progress_yellow_bp"));
	out->progress_red_bp = json_integer_value(json_object_get(r, "progress_red_bp"));
	out->stats_yellow_months = (int)json_integer_value(json_object_get(r, "stats_yellow_months"));
	out->stats_red_months = (int)json_integer_value(json_object_get(r, "stats_red_months"));
}

json_t *projects_light_rules(struct db *db, const char *region, struct proj_light_rules *out,
			     char from[7])
{
	char code[7];
	snprintf(code, sizeof code, "%s", region ? region : "");
	from[0] = '\0';
	proj_light_default_rules(out);
	for (int depth = 0; depth < 3 && code[0]; depth++) {
		json_t *r = store_light_rules_get(db, code);
		if (r) {
			rules_of_row(r, out);
			if (proj_light_rules_check(out)) {
				memcpy(from, code, 7);
				return r;
			}
			json_decref(r);
			proj_light_default_rules(out); /* a bad row: the defaults */
		}
		if (!region_parent(code, code))
			break;
	}
	return NULL;
}

static json_t *rules_json(const char *region, const struct proj_light_rules *r, const char *from,
			  int64_t version)
{
	return json_pack("{s:s,s:i,s:I,s:I,s:i,s:i,s:s?,s:b,s:I}", "region", region,
			 "start_red_months", r->start_red_months, "progress_yellow_bp",
			 (json_int_t)r->progress_yellow_bp, "progress_red_bp",
			 (json_int_t)r->progress_red_bp, "stats_yellow_months",
			 r->stats_yellow_months, "stats_red_months", r->stats_red_months,
			 "inherited_from", from[0] && strcmp(from, region) ? from : NULL, "default",
			 from[0] == '\0', "version", (json_int_t)version);
}

/* The answer for region: its rules, where they come from, and the version
 * of its own row (0: none yet, PUT with If-Match "0" creates it). */
static json_t *answer(struct api_req *rq, const char *region, int64_t *version)
{
	struct proj_light_rules r;
	char from[7];
	json_t *row = projects_light_rules(rq->db, region, &r, from);
	*version = row && !strcmp(from, region) ? json_integer_value(json_object_get(row, "version"))
						: 0;
	json_decref(row);
	return rules_json(region, &r, from, *version);
}

static gcode region_visible(struct api_req *rq, const char *code, struct gerror *e)
{
	struct obj_scope o = { .region = code };
	gcode rc = api_check(rq, RES_REGION, ACT_READ, &o, e);
	if (rc == G_OK && !region_code_valid(code, strlen(code)))
		rc = api_not_found(e);
	return rc;
}

gcode h_light_rules_get(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	const char *code = rq->params[0];
	gcode rc = region_visible(rq, code, e);
	if (rc != G_OK)
		return rc;
	int64_t version;
	json_t *out = answer(rq, code, &version);
	api_set_etag(rs, version);
	return api_ok(rs, 200, out);
}

/* sysadmin anywhere in scope; a leader for their own region or below. */
static gcode may_edit(struct api_req *rq, const char *code, struct gerror *e)
{
	gcode rc = region_visible(rq, code, e);
	if (rc != G_OK || rq->who.role == ROLE_SYSADMIN)
		return rc;
	if (rq->who.role == ROLE_LEADER)
		return region_covers(rq->who.region, code) ? G_OK : api_not_found(e);
	return gerr_set(e, G_ERR_FORBIDDEN, NULL, "亮灯规则由系统管理员或本区划领导设置",
			"light rules are set by the system administrator or the region's leader");
}

static const struct field_spec rules_spec[] = {
	{ "start_red_months", 'i', true, false, 0, "未开工转红灯月数" },
	{ "progress_yellow_bp", 'i', true, false, 0, "投资进度黄灯阈值" },
	{ "progress_red_bp", 'i', true, false, 0, "投资进度红灯阈值" },
	{ "stats_yellow_months", 'i', true, false, 0, "未入库黄灯月数" },
	{ "stats_red_months", 'i', true, false, 0, "未入库红灯月数" },
	{ 0 },
};

static gcode check_rules(const struct light_rules_row *r, struct gerror *e)
{
	if (r->start_red_months < 1 || r->start_red_months > 24)
		return gerr_set(e, G_ERR_INVALID, "start_red_months", "未开工转红灯月数应为1至24",
				"start_red_months must be 1 to 24");
	if (r->progress_yellow_bp < 1 || r->progress_yellow_bp > 10000)
		return gerr_set(e, G_ERR_INVALID, "progress_yellow_bp",
				"投资进度黄灯阈值应为1至10000个基点（0.01至100个百分点）",
				"progress_yellow_bp must be 1 to 10000 basis points");
	if (r->progress_red_bp < r->progress_yellow_bp || r->progress_red_bp > 10000)
		return gerr_set(e, G_ERR_INVALID, "progress_red_bp",
				"投资进度红灯阈值应不小于黄灯阈值且不超过10000个基点",
				"progress_red_bp must be at least progress_yellow_bp and at most 10000");
	if (r->stats_yellow_months < 1 || r->stats_yellow_months > 24)
		return gerr_set(e, G_ERR_INVALID, "stats_yellow_months", "未入库黄灯月数应为1至24",
				"stats_yellow_months must be 1 to 24");
	if (r->stats_red_months < r->stats_yellow_months || r->stats_red_months > 24)
		return gerr_set(e, G_ERR_INVALID, "stats_red_months",
				"未入库红灯月数应不小于黄灯月数且不超过24",
				"stats_red_months must be at least stats_yellow_months and at most 24");
	return G_OK;
}

static void row_of_body(const json_t *b, struct light_rules_row *r)
{
	r->start_red_months = json_integer_value(json_object_get(b, "start_red_months"));
	r->progress_yellow_bp = json_integer_value(json_object_get(b, "progress_yellow_bp"));
	r->progress_red_bp = json_integer_value(json_object_get(b, "progress_red_bp"));
	r->stats_yellow_months = json_integer_value(json_object_get(b, "stats_yellow_months"));
	r->stats_red_months = json_integer_value(json_object_get(b, "stats_red_months"));
}

/* The version of If-Match; "0" (the ETag of a region without its own row)
 * asks to create it. */
static gcode if_match(struct api_req *rq, int64_t *version, struct gerror *e)
{
	const char *h = api_header(rq, "If-Match");
	if (h && (!strcmp(h, "\"0\"") || !strcmp(h, "W/\"0\"") || !strcmp(h, "0"))) {
		*version = 0;
		return G_OK;
	}
	return api_if_match(rq, version, e);
}

gcode h_light_rules_put(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	const char *code = rq->params[0];
	struct light_rules_row r;
	int64_t version = 0, old_version;
	gcode rc = may_edit(rq, code, e);
	if (rc == G_OK)
		rc = body_check(rq->json, rules_spec, e);
	if (rc == G_OK)
		rc = if_match(rq, &version, e);
	if (rc != G_OK)
		return rc;
	row_of_body(rq->json, &r);
	rc = check_rules(&r, e);
	if (rc != G_OK)
		return rc;
	json_t *before = answer(rq, code, &old_version);
	char lo[7], hi[7];
	region_range(code, lo, hi);
	rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_light_rules_put(rq->db, code, &r, version, rq->who.user_id, rq->now, e);
	if (rc == G_OK) /* the region's lights follow the new rules on the next read */
		rc = store_project_lights_expire(rq->db, lo, hi, e);
	int64_t new_version = 0;
	json_t *after = rc == G_OK ? answer(rq, code, &new_version) : NULL;
	rc = api_commit_change(rq, rs, rc, "light_rules_update", "region", code, code, before,
			       after, 200, e);
	light_cache_invalidate(); /* after the commit: see projects_light_cache.h */
	return rc;
}
