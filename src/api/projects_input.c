/* Validation of a project's registry fields (create and edit): 项目代码,
 * category, kind, industry, amounts, dates, builder, 包保 leader, 责任单位,
 * tags and 专班. Every refusal names its field. */
#include <stdio.h>
#include <string.h>

#include "api/body.h"
#include "api/projects.h"
#include "api/projects_input.h"
#include "domain/industry.h"
#include "domain/proj_class.h"
#include "domain/proj_code.h"
#include "domain/proj_stage.h"
#include "domain/region.h"
#include "store/enterprises.h"
#include "store/org.h"
#include "store/users.h"

static gcode bad(struct gerror *e, const char *field, const char *zh, const char *en)
{
	return gerr_set(e, G_ERR_INVALID, field, zh, en);
}

static gcode check_code(struct project_input *in, const char *code, struct gerror *e)
{
	if (!code || !*code) {
		in->f.code = NULL;
		return G_OK;
	}
	if (!proj_code_normalize(code, strlen(code), in->code, sizeof in->code))
		return bad(e, "code", "项目代码过长", "the project code is too long");
	size_t pos = 0;
	enum proj_code_result r = proj_code_check(in->code, strlen(in->code), &pos);
	if (r != PCODE_OK) {
		char zh[200], en[200];
		snprintf(zh, sizeof zh, "项目代码无效：%s（第%zu位）", proj_code_result_zh(r), pos + 1);
		snprintf(en, sizeof en, "invalid project code: %s (at character %zu)",
			 proj_code_result_en(r), pos + 1);
		return bad(e, "code", zh, en);
	}
	in->f.code = in->code;
	return G_OK;
}

static gcode check_classes(struct project_input *in, struct gerror *e)
{
	const char *cat = in->f.category;
	int c = cat ? proj_category_find(cat, strlen(cat)) : -1;
	if (c < 0)
		return bad(e, "category", "项目类别应为产业项目、基础设施、社会民生或房地产",
			   "category must be industry, infrastructure, social or real_estate");
	in->f.category = proj_category_code((enum proj_category)c);
	const char *kind = in->f.kind ? in->f.kind : "new";
	int k = proj_kind_find(kind, strlen(kind));
	if (k < 0)
		return bad(e, "kind", "建设性质应为新建或续建", "kind must be new or continuing");
	in->f.kind = proj_kind_code((enum proj_kind)k);
	if (in->f.industry && *in->f.industry) {
		if (!industry_normalize(in->f.industry, strlen(in->f.industry), in->industry))
			return bad(e, "industry", "行业代码不符合GB/T 4754-2017",
				   "the industry code is not a GB/T 4754-2017 code");
		in->f.industry = in->industry;
	} else {
		in->f.industry = NULL;
	}
	return G_OK;
}

static gcode check_amounts(struct project_input *in, struct gerror *e)
{
	if (in->f.plan_year < 2000 || in->f.plan_year > 2100)
		return bad(e, "plan_year", "计划年度应在2000到2100之间",
			   "plan_year must be from 2000 to 2100");
	if (in->f.total_investment > 0 && in->f.annual_plan > in->f.total_investment)
		return bad(e, "annual_plan", "年度计划投资不能超过总投资",
			   "the annual plan cannot exceed the total investment");
	return G_OK;
}

static gcode check_dates(struct project_input *in, struct gerror *e)
{
	int32_t a, b;
	if (in->f.planned_start && in->f.planned_finish &&
	    projects_iso_parse(in->f.planned_start, &a) &&
	    projects_iso_parse(in->f.planned_finish, &b) && b < a)
		return bad(e, "planned_finish", "计划竣工日期早于计划开工日期",
			   "the planned finish is before the planned start");
	return G_OK;
}

static gcode check_refs(struct api_req *rq, struct project_input *in, struct gerror *e)
{
	const char *region = in->f.region;
	if (in->f.builder_id) {
		json_t *b = store_enterprise_get(rq->db, in->f.builder_id);
		const char *br = b ? json_string_value(json_object_get(b, "region")) : NULL;
		bool ok = br && region_covers(rq->who.region, br);
		json_decref(b);
		if (!ok)
			return bad(e, "builder_id", "建设单位（企业）不存在或不在您的范围内",
				   "no such builder enterprise in your scope");
	}
	if (in->f.leader_id) {
		struct user_row u;
		gcode rc = store_user_by_id(rq->db, in->f.leader_id, &u, NULL);
		bool ok = rc == G_OK && !strcmp(u.role, "leader") && region_covers(u.region, region);
		memset(u.password_hash, 0, sizeof u.password_hash);
		if (!ok)
			return bad(e, "leader_id", "包保领导应为本区（或上级）的领导账号",
				   "the 包保 leader must be a leader of this region or above");
	}
	if (in->f.department_id) {
		json_t *d = store_department_get(rq->db, in->f.department_id);
		const char *dr = d ? json_string_value(json_object_get(d, "region")) : NULL;
		bool ok = dr && !strcmp(dr, region);
		json_decref(d);
		if (!ok)
			return bad(e, "department_id", "责任单位应为项目所在区的部门",
				   "the responsible department must be of the project's region");
	}
	return G_OK;
}

static gcode check_region(struct api_req *rq, struct project_input *in, struct gerror *e)
{
	const char *r = in->f.region;
	if (!r || !region_code_valid(r, strlen(r)) || region_level(r) != 3)
		return bad(e, "region", "所属区划应为区县级区划代码",
			   "region must be a district-level region code");
	json_t *x = store_region_get(rq->db, r);
	json_decref(x);
	if (!x || !region_covers(rq->who.region, r))
		return bad(e, "region", "所属区划不存在或不在您的管辖范围内",
			   "no such region in your scope");
	return G_OK;
}

static gcode check_tags(struct project_input *in, const json_t *tags, struct gerror *e)
{
	if (!tags || json_is_null(tags)) {
		in->f.tags = in->tags[0] ? in->tags : "";
		return G_OK;
	}
	if (!json_is_array(tags) || json_array_size(tags) > 10)
		return bad(e, "tags", "标签应为不超过10个文本的数组", "tags must be at most 10 strings");
	size_t i, n = 0;
	const json_t *t;
	in->tags[n++] = ',';
	in->tags[n] = '\0';
	json_array_foreach(tags, i, t) {
		const char *s = json_string_value(t);
		size_t len = s ? strlen(s) : 0;
		if (!len || len > 60 || strchr(s, ',') || strchr(s, '%') || strchr(s, '_') ||
		    n + len + 2 >= sizeof in->tags)
			return bad(e, "tags", "标签应为不含逗号的短文本", "each tag must be short text without commas");
		memcpy(in->tags + n, s, len);
		n += len;
		in->tags[n++] = ',';
		in->tags[n] = '\0';
	}
	in->f.tags = n > 1 ? in->tags : "";
	return G_OK;
}

gcode projects_check_members(const json_t *m, struct gerror *e)
{
	if (!m || json_is_null(m))
		return G_OK;
	if (!json_is_array(m) || json_array_size(m) > 50)
		return bad(e, "members", "专班成员应为不超过50项的数组", "members must be at most 50 entries");
	size_t i;
	const json_t *x;
	json_array_foreach(m, i, x) {
		const char *name = json_string_value(json_object_get(x, "name"));
		const json_t *uid = json_object_get(x, "user_id");
		const json_t *duty = json_object_get(x, "duty");
		bool ok = json_is_object(x) && name && *name && strlen(name) <= 120 &&
			  (!uid || json_is_null(uid) || json_is_integer(uid)) &&
			  (!duty || (json_is_string(duty) && json_string_length(duty) <= 120)) &&
			  json_object_size(x) <= 3;
		if (!ok)
			return bad(e, "members", "专班成员应为{name, user_id?, duty?}",
				   "each member must be {name, user_id?, duty?}");
	}
	return G_OK;
}

gcode projects_check_input(struct api_req *rq, struct project_input *in, const json_t *tags,
			   struct gerror *e)
{
	gcode rc = check_region(rq, in, e);
	if (rc == G_OK)
		rc = check_code(in, in->f.code, e);
	if (rc == G_OK)
		rc = check_classes(in, e);
	if (rc == G_OK)
		rc = check_amounts(in, e);
	if (rc == G_OK)
		rc = check_dates(in, e);
	if (rc == G_OK)
		rc = check_tags(in, tags, e);
	if (rc == G_OK)
		rc = check_refs(rq, in, e);
	if (rc == G_OK && in->f.location && !*in->f.location)
		in->f.location = NULL;
	return rc;
}

/* The fields of a row (the current project) as input, for PATCH. */
void projects_input_from_row(struct project_input *in, const json_t *p)
{
#define S(k) json_string_value(json_object_get(p, k))
#define I(k) (int64_t) json_integer_value(json_object_get(p, k))
	in->f.region = S("region");
	in->f.code = S("code");
	in->f.name = S("name");
	in->f.category = S("category");
	in->f.industry = S("industry");
	in->f.kind = S("kind");
	in->f.location = S("location");
	in->f.planned_start = S("planned_start");
	in->f.planned_finish = S("planned_finish");
	in->f.stats_date = S("stats_date");
	snprintf(in->tags, sizeof in->tags, "%s", S("tags") ? S("tags") : "");
	in->f.tags = in->tags;
	in->f.total_investment = I("total_investment");
	in->f.annual_plan = I("annual_plan");
	in->f.plan_year = I("plan_year");
	in->f.builder_id = I("builder_id");
	in->f.leader_id = I("leader_id");
	in->f.department_id = I("department_id");
	in->f.special_bond = json_is_true(json_object_get(p, "special_bond"));
#undef S
#undef I
}

static gcode pick_str(const json_t *b, const char *name, const char **out)
{
	if (body_has(b, name))
		*out = body_str(b, name);
	return G_OK;
}

static void pick_id(const json_t *b, const char *name, int64_t *out)
{
	if (body_has(b, name))
		*out = body_int(b, name, 0);
}

gcode projects_input_from_body(struct project_input *in, const json_t *b, struct gerror *e)
{
	static const char *const texts[] = { "region", "code", "name", "category", "industry",
					     "kind", "location", NULL };
	const char **slots[] = { &in->f.region, &in->f.code, &in->f.name, &in->f.category,
				 &in->f.industry, &in->f.kind, &in->f.location };
	for (int i = 0; texts[i]; i++)
		pick_str(b, texts[i], slots[i]);
	gcode rc = G_OK;
	const char *d;
	static const struct { const char *name, *zh; } dates[] = {
		{ "planned_start", "计划开工日期" }, { "planned_finish", "计划竣工日期" },
		{ "stats_date", "入库日期" }, { NULL, NULL } };
	const char **dslots[] = { &in->f.planned_start, &in->f.planned_finish, &in->f.stats_date };
	for (int i = 0; dates[i].name && rc == G_OK; i++) {
		rc = projects_body_date(b, dates[i].name, dates[i].zh, &d, e);
		if (rc == G_OK && body_has(b, dates[i].name))
			*dslots[i] = d;
	}
	if (rc == G_OK)
		rc = projects_body_amount(b, "total_investment", "总投资", &in->f.total_investment, e);
	if (rc == G_OK)
		rc = projects_body_amount(b, "annual_plan", "年度计划投资", &in->f.annual_plan, e);
	if (body_has(b, "plan_year"))
		in->f.plan_year = body_int(b, "plan_year", 0);
	pick_id(b, "builder_id", &in->f.builder_id);
	pick_id(b, "leader_id", &in->f.leader_id);
	pick_id(b, "department_id", &in->f.department_id);
	if (body_has(b, "special_bond"))
		in->f.special_bond = json_is_true(json_object_get(b, "special_bond"));
	return rc;
}
