/* Major projects 项目建设: the registry (list, create, detail, edit). */
#include <stdio.h>
#include <string.h>

#include "api/body.h"
#include "api/handlers.h"
#include "api/projects.h"
#include "api/projects_lists.h"
#include "api/projects_input.h"
#include "base/text.h"
#include "domain/proj_class.h"
#include "domain/proj_procedure.h"
#include "domain/proj_stage.h"
#include "domain/region.h"
#include "store/projects.h"

static gcode query_code(struct api_req *rq, const char *key, int (*find)(const char *, size_t),
			const char *(*code)(int), const char **out, struct gerror *e)
{
	const char *v = api_query(rq, key);
	*out = NULL;
	if (!v)
		return G_OK;
	int i = find(v, strlen(v));
	if (i >= 0) {
		*out = code(i);
		return G_OK;
	}
	char zh[96], en[96];
	snprintf(zh, sizeof zh, "参数%s的取值无效", key);
	snprintf(en, sizeof en, "unknown value of %s", key);
	return gerr_set(e, G_ERR_INVALID, key, zh, en);
}

static int find_stage(const char *s, size_t n) { return proj_stage_find(s, n); }
static const char *stage_code(int i) { return proj_stage_info((enum proj_stage)i)->code; }
static int find_cat(const char *s, size_t n) { return proj_category_find(s, n); }
static const char *cat_code(int i) { return proj_category_code((enum proj_category)i); }
static int find_kind(const char *s, size_t n) { return proj_kind_find(s, n); }
static const char *kind_code(int i) { return proj_kind_code((enum proj_kind)i); }
static int find_light(const char *s, size_t n)
{
	static const char *const l[] = { "green", "yellow", "red", "绿灯", "黄灯", "红灯" };
	for (int i = 0; i < 6; i++)
		if (strlen(l[i]) == n && !memcmp(l[i], s, n))
			return i % 3;
	return -1;
}
static const char *light_code(int i)
{
	static const char *const l[] = { "green", "yellow", "red" };
	return l[i];
}

static gcode query_sort(struct api_req *rq, struct project_query *q, struct gerror *e)
{
	static const char *const sorts[PSORT__COUNT] = { "id", "name", "total_investment",
							 "stage", "light", "updated_at" };
	const char *s = api_query(rq, "sort"), *o = api_query(rq, "order");
	q->sort = PSORT_ID;
	for (int i = 0; s && i < PSORT__COUNT; i++)
		if (!strcmp(s, sorts[i]))
			q->sort = (enum project_sort)i;
	if (s && strcmp(s, sorts[q->sort]))
		return gerr_set(e, G_ERR_INVALID, "sort",
				"排序字段应为name、total_investment、stage、light或updated_at",
				"sort must be name, total_investment, stage, light or updated_at");
	if (o && strcmp(o, "asc") && strcmp(o, "desc"))
		return gerr_set(e, G_ERR_INVALID, "order", "排序方向应为asc或desc",
				"order must be asc or desc");
	q->desc = o && !strcmp(o, "desc");
	return G_OK;
}

/* tag: a size tag, 专项债, 新建/续建, or one of the free tags. */
static void query_tag(const char *tag, struct project_query *q, char *pat, size_t cap)
{
	if (!strcmp(tag, "5000万以上") || !strcmp(tag, "over_50m"))
		q->min_total = 50000000;
	else if (!strcmp(tag, "亿元以上") || !strcmp(tag, "over_100m"))
		q->min_total = 100000000;
	else if (!strcmp(tag, "专项债") || !strcmp(tag, "special_bond"))
		q->special_bond = 1;
	else if (proj_kind_find(tag, strlen(tag)) >= 0 && !q->kind)
		q->kind = proj_kind_code((enum proj_kind)proj_kind_find(tag, strlen(tag)));
	else if (strlen(tag) + 5 < cap && !strpbrk(tag, "%_,\\")) {
		size_t n = strlen(tag);
		memcpy(pat, "%,", 2);
		memcpy(pat + 2, tag, n);
		memcpy(pat + 2 + n, ",%", 3);
		q->tag_pattern = pat;
	} else {
		q->plan_year = -1; /* matches nothing */
	}
}

/* Staff see their department's projects, enterprise contacts those they build. */
static void scope_filters(const struct api_req *rq, struct project_query *q)
{
	if (rq->who.role == ROLE_STAFF) {
		int64_t own = rq->who.department_id ? rq->who.department_id : -1;
		q->department_id = q->department_id && q->department_id != own ? -1 : own;
	}
	if (rq->who.role == ROLE_ENTERPRISE) {
		int64_t own = rq->who.enterprise_id ? rq->who.enterprise_id : -1;
		q->builder_id = q->builder_id && q->builder_id != own ? -1 : own;
	}
}

static gcode parse_list_query(struct api_req *rq, struct project_query *q, char *pat,
			      char *tagpat, struct gerror *e)
{
	const char *text, *tag;
	int64_t year = 0;
	gcode rc = api_paging(rq, &q->limit, &q->offset, e);
	if (rc == G_OK)
		rc = api_query_text(rq, "q", 100, &text, e);
	if (rc == G_OK && text)
		q->pattern = db_like_pattern(text, pat, 410);
	if (rc == G_OK)
		rc = query_code(rq, "stage", find_stage, stage_code, &q->stage, e);
	if (rc == G_OK)
		rc = query_code(rq, "light", find_light, light_code, &q->light, e);
	if (rc == G_OK)
		rc = query_code(rq, "category", find_cat, cat_code, &q->category, e);
	if (rc == G_OK)
		rc = query_code(rq, "kind", find_kind, kind_code, &q->kind, e);
	if (rc == G_OK)
		rc = projects_query_id(rq, "leader_id", rq->who.user_id, &q->leader_id, e);
	if (rc == G_OK)
		rc = projects_query_id(rq, "department_id", rq->who.user_id, &q->department_id, e);
	if (rc == G_OK)
		rc = projects_query_id(rq, "plan_year", rq->who.user_id, &year, e);
	if (rc == G_OK)
		rc = api_query_text(rq, "tag", 30, &tag, e);
	if (rc == G_OK)
		rc = query_sort(rq, q, e);
	if (rc != G_OK)
		return rc;
	q->plan_year = year;
	if (tag)
		query_tag(tag, q, tagpat, 100);
	scope_filters(rq, q);
	return G_OK;
}

gcode projects_list_query(struct api_req *rq, struct project_query *q, char pat[410],
			  char tagpat[100], char lo[7], char hi[7], struct gerror *e)
{
	gcode rc = api_check(rq, RES_PROJECT, ACT_READ, NULL, e);
	if (rc == G_OK)
		rc = parse_list_query(rq, q, pat, tagpat, e);
	if (rc != G_OK)
		return rc;
	api_scope_range(rq, lo, hi);
	q->lo = lo;
	q->hi = hi;
	return projects_refresh_stale(rq, lo, hi, e);
}

gcode h_projects_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct project_query q = { 0 };
	char lo[7], hi[7], pat[410], tagpat[100];
	gcode rc = projects_list_query(rq, &q, pat, tagpat, lo, hi, e);
	json_t *out = NULL;
	if (rc == G_OK)
		rc = store_project_list(rq->db, &q, &out, e);
	if (rc != G_OK)
		return rc;
	size_t i;
	json_t *p;
	json_array_foreach(json_object_get(out, "items"), i, p)
		projects_decorate(p);
	json_object_set_new(out, "page", json_integer(q.offset / q.limit + 1));
	json_object_set_new(out, "per_page", json_integer(q.limit));
	return api_ok(rs, 200, out);
}

json_t *projects_procedures(struct api_req *rq, int64_t id)
{
	return projects_procedures_db(rq->db, id);
}

json_t *projects_procedures_db(struct db *c, int64_t id)
{
	json_t *rows = store_proc_list(c, id), *out = json_array();
	for (int k = 0; k < PROC__COUNT; k++) {
		const char *code = proj_proc_code((enum proj_proc)k);
		json_t *found = NULL, *r;
		size_t i;
		json_array_foreach(rows, i, r)
			if (!strcmp(json_string_value(json_object_get(r, "kind")), code))
				found = json_incref(r);
		if (!found)
			found = json_pack("{s:n,s:s,s:n,s:s,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:i}", "id",
					  "kind", code, "form", "status", "not_started",
					  "planned_finish", "actual_start", "actual_finish",
					  "department_id", "department_name", "basis", "note",
					  "duration_days", "version", 0);
		json_object_set_new(found, "kind_zh", json_string(proj_proc_zh((enum proj_proc)k)));
		json_array_append_new(out, found);
	}
	json_decref(rows);
	return out;
}

static json_t *open_problems(struct api_req *rq, int64_t id)
{
	char lo[7], hi[7];
	api_scope_range(rq, lo, hi);
	json_t *all = store_problem_of_project(rq->db, lo, hi, id, 100), *open = json_array(), *x;
	size_t i;
	json_array_foreach(all, i, x)
		if (strcmp(json_string_value(json_object_get(x, "status")), "closed"))
			json_array_append(open, x);
	json_decref(all);
	return open;
}

static json_t *or_array(json_t *a)
{
	return a ? a : json_array();
}

static json_t *detail(struct api_req *rq, json_t *p)
{
	int64_t id = json_integer_value(json_object_get(p, "id"));
	projects_decorate(p);
	json_t *rep = store_report_latest(rq->db, id);
	json_object_set_new(p, "procedures", projects_procedures(rq, id));
	json_object_set_new(p, "milestones", or_array(store_ms_list(rq->db, id)));
	json_object_set_new(p, "members", or_array(store_project_members(rq->db, id)));
	json_object_set_new(p, "history", or_array(store_project_history(rq->db, id, 10)));
	json_object_set_new(p, "open_problems", open_problems(rq, id));
	json_object_set_new(p, "latest_report", rep ? rep : json_null());
	return p;
}

gcode h_projects_get(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_READ, e, &rc);
	if (!p)
		return rc;
	char lo[7], hi[7];
	api_scope_range(rq, lo, hi);
	int64_t id = json_integer_value(json_object_get(p, "id"));
	size_t n = 0;
	rc = projects_refresh_stale_n(rq, lo, hi, &n, e);
	if (rc == G_OK && n) { /* the light may have changed */
		json_decref(p);
		p = store_project_get(rq->db, id);
	}
	if (!p)
		return rc != G_OK ? rc : api_not_found(e);
	api_set_etag(rs, json_integer_value(json_object_get(p, "version")));
	return api_ok(rs, 200, detail(rq, p));
}

static const struct field_spec project_spec[] = {
	{ "region", 's', false, false, 6, "所属区划" },
	{ "code", 's', false, true, 40, "项目代码" },
	{ "name", 's', true, false, 100, "项目名称" },
	{ "category", 's', true, false, 20, "项目类别" },
	{ "industry", 's', false, true, 5, "国民经济行业分类" },
	{ "kind", 's', false, false, 12, "建设性质" },
	{ "total_investment", 'x', false, false, 0, "总投资" },
	{ "annual_plan", 'x', false, false, 0, "年度计划投资" },
	{ "plan_year", 'i', false, false, 0, "计划年度" },
	{ "builder_id", 'i', false, true, 0, "建设单位" },
	{ "location", 's', false, true, 200, "建设地点" },
	{ "leader_id", 'i', false, true, 0, "包保领导" },
	{ "department_id", 'i', false, true, 0, "责任单位" },
	{ "planned_start", 's', false, true, 10, "计划开工日期" },
	{ "planned_finish", 's', false, true, 10, "计划竣工日期" },
	{ "stats_date", 's', false, true, 10, "入库日期" },
	{ "tags", 'a', false, true, 0, "标签" },
	{ "special_bond", 'b', false, false, 0, "专项债" },
	{ "members", 'a', false, true, 0, "专班成员" },
	{ "stage", 's', false, false, 20, "项目阶段" },
	{ "stage_date", 's', false, true, 10, "阶段日期" },
	{ "actual_start", 's', false, true, 10, "实际开工日期" },
	{ "actual_finish", 's', false, true, 10, "实际竣工日期" },
	{ 0 },
};

static const struct field_spec project_patch_spec[] = {
	{ "region", 's', false, false, 6, "所属区划" },
	{ "code", 's', false, true, 40, "项目代码" },
	{ "name", 's', false, false, 100, "项目名称" },
	{ "category", 's', false, false, 20, "项目类别" },
	{ "industry", 's', false, true, 5, "国民经济行业分类" },
	{ "kind", 's', false, false, 12, "建设性质" },
	{ "total_investment", 'x', false, false, 0, "总投资" },
	{ "annual_plan", 'x', false, false, 0, "年度计划投资" },
	{ "plan_year", 'i', false, false, 0, "计划年度" },
	{ "builder_id", 'i', false, true, 0, "建设单位" },
	{ "location", 's', false, true, 200, "建设地点" },
	{ "leader_id", 'i', false, true, 0, "包保领导" },
	{ "department_id", 'i', false, true, 0, "责任单位" },
	{ "planned_start", 's', false, true, 10, "计划开工日期" },
	{ "planned_finish", 's', false, true, 10, "计划竣工日期" },
	{ "stats_date", 's', false, true, 10, "入库日期" },
	{ "tags", 'a', false, true, 0, "标签" },
	{ "special_bond", 'b', false, false, 0, "专项债" },
	{ "members", 'a', false, true, 0, "专班成员" },
	{ "stage", 's', false, false, 20, "项目阶段" },
	{ "stage_date", 's', false, true, 10, "阶段日期" },
	{ "actual_start", 's', false, true, 10, "实际开工日期" },
	{ "actual_finish", 's', false, true, 10, "实际竣工日期" },
	{ 0 },
};

/* A project may be registered at any stage (imports of projects under
 * way); later moves go through the transition guard. */
static gcode initial_stage(struct api_req *rq, struct project_input *in, struct gerror *e)
{
	const char *st = body_str(rq->json, "stage");
	int s = st ? proj_stage_find(st, strlen(st)) : PSTAGE_PLANNING;
	if (s < 0)
		return gerr_set(e, G_ERR_INVALID, "stage", "项目阶段无效", "unknown project stage");
	in->f.stage = proj_stage_info((enum proj_stage)s)->code;
	gcode rc = projects_body_date(rq->json, "stage_date", "阶段日期", &in->f.stage_date, e);
	if (rc == G_OK)
		rc = projects_body_date(rq->json, "actual_start", "实际开工日期", &in->f.actual_start, e);
	if (rc == G_OK)
		rc = projects_body_date(rq->json, "actual_finish", "实际竣工日期", &in->f.actual_finish, e);
	if (rc == G_OK && proj_stage_is_started((enum proj_stage)s) && !in->f.actual_start)
		rc = gerr_set(e, G_ERR_INVALID, "actual_start", "已开工的项目须填写实际开工日期",
			      "a started project needs its actual start date");
	if (rc == G_OK && s >= PSTAGE_COMPLETED && !in->f.actual_finish)
		rc = gerr_set(e, G_ERR_INVALID, "actual_finish", "已竣工的项目须填写实际竣工日期",
			      "a completed project needs its actual finish date");
	return rc;
}

static gcode create_defaults(struct api_req *rq, struct project_input *in, struct gerror *e)
{
	int32_t today = projects_today(rq);
	in->f.region = rq->who.region;
	in->f.plan_year = proj_date_year(today);
	if (rq->who.role == ROLE_STAFF)
		in->f.department_id = rq->who.department_id;
	if (rq->who.role == ROLE_LEADER)
		in->f.leader_id = rq->who.user_id;
	if (rq->who.role == ROLE_STATISTICIAN)
		return gerr_set(e, G_ERR_FORBIDDEN, NULL, "统计员不能登记项目",
				"statisticians do not register projects");
	return G_OK;
}

/* The new or edited project must stay writable by its author. */
static gcode check_own_scope(struct api_req *rq, const struct project_fields *f,
			     struct gerror *e)
{
	struct obj_scope s = { .region = f->region, .department_id = f->department_id,
			       .enterprise_id = f->builder_id, .owner_user_id = f->leader_id };
	enum decision d = scope_decide(&rq->who, RES_PROJECT, ACT_WRITE, &s);
	if (d == DECIDE_ALLOW)
		return G_OK;
	if (rq->who.role == ROLE_LEADER)
		return gerr_set(e, G_ERR_INVALID, "leader_id", "领导只能登记和修改自己包保的项目",
				"leaders register and edit only the projects they are 包保 leader of");
	return gerr_set(e, G_ERR_INVALID, "department_id", "只能登记和修改本部门负责的项目",
			"you register and edit only your department's projects");
}

static gcode write_project(struct api_req *rq, int64_t *id, struct project_input *in,
			   struct gerror *e)
{
	struct actor a = api_actor(rq);
	gcode rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_project_insert(rq->db, &in->f, rq->now, id, e);
	if (rc == G_OK && body_has(rq->json, "members"))
		rc = store_project_members_set(rq->db, *id, in->f.region,
					       json_object_get(rq->json, "members"), rq->now, e);
	if (rc == G_OK)
		rc = store_project_history_add(rq->db, *id, in->f.region, NULL, in->f.stage,
					       in->f.stage_date, "登记 registered", a.id, a.name,
					       rq->now, e);
	if (rc == G_OK)
		rc = projects_refresh_light(rq, *id, e);
	json_t *after = rc == G_OK ? store_project_get(rq->db, *id) : NULL;
	if (rc == G_OK)
		rc = projects_audit(rq, "create", "project", *id, in->f.region, NULL, after, e);
	json_decref(after);
	return rc == G_OK ? db_commit(rq->db, e) : rc;
}

gcode h_projects_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct project_input in = { 0 };
	gcode rc = api_check(rq, RES_PROJECT, ACT_WRITE, NULL, e);
	if (rc == G_OK)
		rc = body_check(rq->json, project_spec, e);
	if (rc == G_OK)
		rc = create_defaults(rq, &in, e);
	if (rc == G_OK)
		rc = projects_input_from_body(&in, rq->json, e);
	if (rc == G_OK)
		rc = projects_check_input(rq, &in, json_object_get(rq->json, "tags"), e);
	if (rc == G_OK)
		rc = projects_check_members(json_object_get(rq->json, "members"), e);
	if (rc == G_OK)
		rc = initial_stage(rq, &in, e);
	if (rc == G_OK)
		rc = check_own_scope(rq, &in.f, e);
	int64_t id = 0;
	if (rc == G_OK)
		rc = write_project(rq, &id, &in, e);
	if (rc != G_OK)
		return rc;
	json_t *p = store_project_get(rq->db, id);
	api_set_etag(rs, json_integer_value(json_object_get(p, "version")));
	return api_ok(rs, 201, detail(rq, p));
}

/* Statisticians edit the statistics fields only. */
static gcode statistician_fields(struct api_req *rq, struct gerror *e)
{
	if (rq->who.role != ROLE_STATISTICIAN)
		return G_OK;
	const char *key;
	json_t *v;
	json_object_foreach(rq->json, key, v) {
		if (strcmp(key, "stats_date") && strcmp(key, "industry"))
			return gerr_set(e, G_ERR_FORBIDDEN, key, "统计员只能修改入库日期和行业",
					"statisticians edit only stats_date and industry");
	}
	return G_OK;
}

static gcode update_project(struct api_req *rq, int64_t id, int64_t version,
			    struct project_input *in, const json_t *before, json_t **after,
			    struct gerror *e)
{
	gcode rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_project_update(rq->db, id, version, &in->f, rq->now, e);
	if (rc == G_OK && body_has(rq->json, "members"))
		rc = store_project_members_set(rq->db, id, in->f.region,
					       json_object_get(rq->json, "members"), rq->now, e);
	if (rc == G_OK)
		rc = projects_refresh_light(rq, id, e);
	if (rc == G_OK)
		*after = store_project_get(rq->db, id);
	if (rc == G_OK)
		rc = projects_audit(rq, "update", "project", id, in->f.region, before, *after, e);
	return rc == G_OK ? db_commit(rq->db, e) : rc;
}

gcode h_projects_update(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *before = projects_visible(rq, 0, ACT_WRITE, e, &rc), *after = NULL;
	if (!before)
		return rc;
	int64_t version = 0, id = json_integer_value(json_object_get(before, "id"));
	struct project_input in = { 0 };
	projects_input_from_row(&in, before);
	rc = body_check(rq->json, project_patch_spec, e);
	if (rc == G_OK && (body_has(rq->json, "stage") || body_has(rq->json, "stage_date") ||
			   body_has(rq->json, "actual_start") || body_has(rq->json, "actual_finish")))
		rc = gerr_set(e, G_ERR_INVALID, "stage", "阶段与实际日期须通过阶段变更修改",
			      "stages and actual dates change through transitions");
	if (rc == G_OK && body_has(rq->json, "name") && !*body_str(rq->json, "name"))
		rc = gerr_set(e, G_ERR_INVALID, "name", "项目名称不能为空", "name must not be empty");
	if (rc == G_OK)
		rc = statistician_fields(rq, e);
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK)
		rc = projects_input_from_body(&in, rq->json, e);
	if (rc == G_OK)
		rc = projects_check_input(rq, &in, json_object_get(rq->json, "tags"), e);
	if (rc == G_OK)
		rc = projects_check_members(json_object_get(rq->json, "members"), e);
	if (rc == G_OK && rq->who.role != ROLE_STATISTICIAN)
		rc = check_own_scope(rq, &in.f, e);
	if (rc == G_OK)
		rc = update_project(rq, id, version, &in, before, &after, e);
	json_decref(before);
	if (rc != G_OK) {
		json_decref(after);
		return rc;
	}
	api_set_etag(rs, json_integer_value(json_object_get(after, "version")));
	return api_ok(rs, 200, detail(rq, after));
}

gcode h_projects_history(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_READ, e, &rc);
	if (!p)
		return rc;
	json_t *h = store_project_history(rq->db, json_integer_value(json_object_get(p, "id")), 500);
	json_decref(p);
	if (!h)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	return api_ok(rs, 200, json_pack("{s:o,s:I}", "items", h, "total",
					 (json_int_t)json_array_size(h)));
}
