/* The project registry import: the column table (also the template and
 * the export's first columns) and one row's checks and write. A row is
 * checked by the same projects_check_input as POST /api/v1/projects. */
#include <stdio.h>
#include <string.h>

#include "api/projects.h"
#include "api/projects_import_cols.h"
#include "api/projects_input.h"
#include "api/projects_io_internal.h"
#include "base/text.h"
#include "domain/proj_cells.h"
#include "domain/proj_class.h"
#include "domain/proj_code.h"
#include "domain/proj_stage.h"
#include "domain/region.h"
#include "store/projects_lookup.h"

/* One row's text and parsed values; the input's strings point here. */
struct prow {
	struct project_input in;
	json_t *existing; /* the registered project this row updates, or NULL */
	char code[64], name[320], region[64], cat[40], kind[40], industry[16], location[620];
	char builder[320], leader[200], dept[200], stage[40], year[24], tags[800], bond[24];
	char dates[PC_DATES][11];
};

static int col_of_field(const char *field)
{
	for (int i = 0; i < PC__COUNT; i++)
		if (!strcmp(project_import_sheet.cols[i].key, field))
			return i;
	return -1;
}

/* One match of a look-up; errors for none or several. */
static int64_t one_id(struct pio *st, int col, json_t *found, const char *none_zh,
		      const char *none_en)
{
	size_t n = json_array_size(found);
	int64_t id = n == 1 ? json_integer_value(json_object_get(json_array_get(found, 0), "id")) : 0;
	const char *field = project_import_sheet.cols[col].key;
	if (!found)
		pio_error(st, col, field, "数据库错误", "database error");
	else if (n == 0)
		pio_error(st, col, field, none_zh, none_en);
	else if (n > 1)
		pio_error(st, col, field, "名称对应多条记录，请填写更准确的名称或代码",
			  "the name matches several records: give a more exact name or the code");
	json_decref(found);
	return id;
}

/* The registered project a row names: by 项目代码, else by exact name. */
static gcode find_existing(struct pio *st, struct prow *r, const char *code, struct gerror *e)
{
	char lo[7], hi[7];
	pio_scope_range(st, lo, hi);
	json_t *ids = code ? store_project_ids_by_code(st->rq->db, code)
			   : r->in.f.name ? store_project_ids_by_name(st->rq->db, lo, hi, r->in.f.name)
					  : json_array();
	if (!ids)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	if (json_array_size(ids) > 1)
		pio_error(st, PC_NAME, "name", "本区有多个同名项目，请填写项目代码",
			  "several projects have this name: give the project code");
	else if (json_array_size(ids) == 1)
		r->existing = store_project_get(
			st->rq->db, json_integer_value(json_object_get(json_array_get(ids, 0), "id")));
	json_decref(ids);
	if (!r->existing)
		return G_OK;
	struct obj_scope s = projects_scope(r->existing);
	if (!st->w->cli && scope_decide(&st->rq->who, RES_PROJECT, ACT_WRITE, &s) != DECIDE_ALLOW)
		pio_error(st, code ? PC_CODE : PC_NAME, code ? "code" : "name",
			  "该项目已登记，但不在您可修改的范围内",
			  "this project is registered outside what you may edit");
	return G_OK;
}

/* 项目代码 normalised into r->code; a duplicate in the file is refused. */
static const char *read_code(struct pio *st, struct prow *r)
{
	char raw[80], key[80];
	if (!pio_text_max(st, PC_CODE, raw, sizeof raw, 40))
		return NULL;
	size_t pos = 0;
	enum proj_code_result c = PCODE_BAD_FORMAT;
	if (proj_code_normalize(raw, strlen(raw), r->code, sizeof r->code))
		c = proj_code_check(r->code, strlen(r->code), &pos);
	if (c != PCODE_OK) {
		char zh[200], en[200];
		snprintf(zh, sizeof zh, "项目代码“%s”无效：%s（第%zu位）", raw, proj_code_result_zh(c),
			 pos + 1);
		snprintf(en, sizeof en, "invalid project code \"%s\": %s (at character %zu)", raw,
			 proj_code_result_en(c), pos + 1);
		pio_error(st, PC_CODE, "code", zh, en);
		return NULL;
	}
	snprintf(key, sizeof key, "code:%s", r->code);
	if (json_object_get(st->seen, key)) {
		pio_error(st, PC_CODE, "code", "项目代码在本文件中重复", "the code repeats in this file");
		return NULL;
	}
	json_object_set_new(st->seen, key, json_true());
	return r->code;
}

/* A row without a code is matched by its name: the name may come once. */
static void seen_name(struct pio *st, const char *name)
{
	char key[340];
	snprintf(key, sizeof key, "name:%s", name);
	if (json_object_get(st->seen, key))
		pio_error(st, PC_NAME, "name", "无项目代码的项目名称在本文件中重复",
			  "a name without a code repeats in this file");
	json_object_set_new(st->seen, key, json_true());
}

/* A new project's defaults, as POST /api/v1/projects sets them. */
static void defaults(struct pio *st, struct prow *r)
{
	const struct principal *who = &st->rq->who;
	r->in.f.plan_year = proj_date_year(projects_today(st->rq));
	r->in.f.kind = "new";
	r->in.f.stage = proj_stage_info(PSTAGE_PLANNING)->code;
	if (!st->w->cli && region_level(who->region) == REGION_COUNTY)
		r->in.f.region = who->region;
	if (!st->w->cli && who->role == ROLE_STAFF)
		r->in.f.department_id = who->department_id;
	if (!st->w->cli && who->role == ROLE_LEADER)
		r->in.f.leader_id = who->user_id;
}

/* Sets *slot to col's text when the cell is not empty. */
static const char *set_text(struct pio *st, int col, char *buf, size_t cap, long max,
			    const char **slot)
{
	const char *v = pio_text_max(st, col, buf, cap, max);
	if (v)
		*slot = v;
	return v;
}

static void read_texts(struct pio *st, struct prow *r)
{
	struct project_fields *f = &r->in.f;
	const char *region = NULL;
	if (set_text(st, PC_REGION, r->region, sizeof r->region, 20, &region)) {
		f->region = pio_region(st, region);
		if (!f->region)
			pio_error(st, PC_REGION, "region", "区划不存在、不是区县或不在您的管辖范围内",
				  "no such district within your scope");
	}
	set_text(st, PC_CATEGORY, r->cat, sizeof r->cat, 12, &f->category);
	set_text(st, PC_KIND, r->kind, sizeof r->kind, 12, &f->kind);
	set_text(st, PC_INDUSTRY, r->industry, sizeof r->industry, 5, &f->industry);
	set_text(st, PC_LOCATION, r->location, sizeof r->location, 200, &f->location);
}

static void read_year(struct pio *st, struct prow *r)
{
	const char *v = NULL;
	if (!set_text(st, PC_YEAR, r->year, sizeof r->year, 8, &v))
		return;
	size_t n = strlen(r->year);
	if (n > 3 && !strcmp(r->year + n - 3, "年"))
		r->year[n - 3] = '\0';
	if (!text_to_i64(r->year, 2000, 2100, &r->in.f.plan_year))
		pio_error(st, PC_YEAR, "plan_year", "计划年度应为2000到2100之间的年份",
			  "plan_year must be a year from 2000 to 2100");
}

static void keep_date(struct prow *r, int col, const char **slot)
{
	const char *d = r->dates[col - PC_STAGE_DATE];
	if (*d)
		*slot = d;
}

static void read_numbers(struct pio *st, struct prow *r)
{
	struct project_fields *f = &r->in.f;
	pio_amount(st, PC_TOTAL, "total_investment", &f->total_investment);
	pio_amount(st, PC_ANNUAL, "annual_plan", &f->annual_plan);
	read_year(st, r);
	const char *v = NULL;
	if (set_text(st, PC_BOND, r->bond, sizeof r->bond, 8, &v)) {
		int yn = proj_cell_yes_no(v, strlen(v));
		if (yn < 0)
			pio_error(st, PC_BOND, "special_bond", "应填“是”或“否”", "must be 是 or 否");
		f->special_bond = yn > 0;
	}
	if (set_text(st, PC_TAGS, r->tags, sizeof r->tags, 260, &v)) {
		enum proj_tags_error t = proj_tags_parse(v, strlen(v), r->in.tags, sizeof r->in.tags);
		if (t != PTAGS_OK)
			pio_error(st, PC_TAGS, "tags", proj_tags_error_zh(t), proj_tags_error_en(t));
	}
	for (int i = 0; i < PC_DATES; i++)
		pio_date(st, PC_STAGE_DATE + i, project_import_sheet.cols[PC_STAGE_DATE + i].key,
			 r->dates[i]);
	keep_date(r, PC_PSTART, &f->planned_start);
	keep_date(r, PC_PFINISH, &f->planned_finish);
	keep_date(r, PC_STATS, &f->stats_date);
}

/* The leaders of found whose region covers the project's (all when it is
 * not known yet). */
static json_t *leaders_of(json_t *found, const char *region)
{
	for (size_t i = json_array_size(found); region && i-- > 0;)
		if (!region_covers(json_string_value(json_object_get(json_array_get(found, i), "region")),
				   region))
			json_array_remove(found, i);
	return found;
}

/* Builder, 包保 leader and 责任单位 by the names typed (or codes). */
static void read_refs(struct pio *st, struct prow *r)
{
	struct project_fields *f = &r->in.f;
	const char *v = NULL;
	char lo[7], hi[7];
	pio_scope_range(st, lo, hi);
	if (set_text(st, PC_BUILDER, r->builder, sizeof r->builder, 100, &v))
		f->builder_id = one_id(st, PC_BUILDER, store_enterprise_find(st->rq->db, lo, hi, v),
				       "企业名录中没有该建设单位（请先登记企业，或填写统一社会信用代码）",
				       "no such enterprise in the registry (register it first, or give its credit code)");
	if (set_text(st, PC_LEADER, r->leader, sizeof r->leader, 60, &v))
		f->leader_id = one_id(st, PC_LEADER, leaders_of(store_leader_find(st->rq->db, v), f->region),
				      "没有该姓名或用户名的领导账号", "no leader account of that name");
	v = NULL;
	set_text(st, PC_DEPT, r->dept, sizeof r->dept, 60, &v);
	if (v && !f->region)
		pio_error(st, PC_REGION, "region", "填写责任单位时须填写所属区划",
			  "give the region with the responsible department");
	else if (v)
		f->department_id = one_id(st, PC_DEPT, store_department_find(st->rq->db, f->region, v),
					  "所属区划没有该部门", "no such department in the project's district");
}

/* The stage a new project is registered at, with the rules of
 * POST /api/v1/projects; an existing project's stage is not moved here. */
static void read_stage(struct pio *st, struct prow *r)
{
	const char *v = NULL;
	set_text(st, PC_STAGE, r->stage, sizeof r->stage, 12, &v);
	int s = v ? proj_stage_find(v, strlen(v)) : -1;
	if (v && s < 0) {
		pio_error(st, PC_STAGE, "stage", "项目阶段无效（谋划、储备、签约、落位、前期手续、开工、在建、竣工、投产、入库入统）",
			  "unknown project stage");
		return;
	}
	if (r->existing) {
		const char *now = json_string_value(json_object_get(r->existing, "stage"));
		if (v && strcmp(now, proj_stage_info((enum proj_stage)s)->code))
			pio_warn(st, "stage", "项目阶段未改变：已登记项目的阶段须通过阶段变更办理",
				 "stage not changed: a registered project moves by a transition");
		return;
	}
	struct project_fields *f = &r->in.f;
	if (v)
		f->stage = proj_stage_info((enum proj_stage)s)->code;
	keep_date(r, PC_STAGE_DATE, &f->stage_date);
	keep_date(r, PC_ASTART, &f->actual_start);
	keep_date(r, PC_AFINISH, &f->actual_finish);
	s = proj_stage_find(f->stage, strlen(f->stage));
	if (proj_stage_is_started((enum proj_stage)s) && !f->actual_start)
		pio_error(st, PC_ASTART, "actual_start", "已开工的项目须填写实际开工日期",
			  "a started project needs its actual start date");
	if (s >= PSTAGE_COMPLETED && !f->actual_finish)
		pio_error(st, PC_AFINISH, "actual_finish", "已竣工的项目须填写实际竣工日期",
			  "a completed project needs its actual finish date");
}

/* The checks every project passes (projects_check_input), then the
 * author's own scope as on create and edit. */
static gcode check_all(struct pio *st, struct prow *r, struct gerror *e)
{
	struct api_req *rq = st->rq;
	struct principal saved = rq->who;
	struct gerror g;
	gerr_clear(&g);
	if (st->w->cli && r->in.f.region) { /* the operator: the row's own province */
		memcpy(rq->who.region, r->in.f.region, 2);
		memcpy(rq->who.region + 2, "0000", 5);
	}
	gcode rc = projects_check_input(rq, &r->in, NULL, &g);
	rq->who = saved;
	if (rc == G_ERR_INVALID || rc == G_ERR_NOTFOUND) {
		pio_error_from(st, col_of_field(g.field), &g);
		return G_OK;
	}
	if (rc != G_OK)
		return gerr_set(e, rc, g.field, g.zh, g.en);
	struct obj_scope s = { .region = r->in.f.region, .department_id = r->in.f.department_id,
			       .enterprise_id = r->in.f.builder_id,
			       .owner_user_id = r->in.f.leader_id };
	if (st->w->cli || scope_decide(&rq->who, RES_PROJECT, ACT_WRITE, &s) == DECIDE_ALLOW)
		return G_OK;
	if (rq->who.role == ROLE_LEADER)
		pio_error(st, PC_LEADER, "leader_id", "领导只能导入自己包保的项目",
			  "leaders import only the projects they are 包保 leader of");
	else
		pio_error(st, PC_DEPT, "department_id", "只能导入本部门负责的项目",
			  "you import only your department's projects");
	return G_OK;
}

static gcode insert(struct pio *st, struct prow *r, struct gerror *e)
{
	struct api_req *rq = st->rq;
	struct actor a = api_actor(rq);
	int64_t id = 0;
	gcode rc = store_project_insert(rq->db, &r->in.f, rq->now, &id, e);
	if (rc == G_OK)
		rc = store_project_history_add(rq->db, id, r->in.f.region, NULL, r->in.f.stage,
					       r->in.f.stage_date, "导入 imported", a.id, a.name,
					       rq->now, e);
	if (rc == G_OK)
		rc = projects_refresh_light(rq, id, e);
	json_t *after = rc == G_OK ? store_project_get(rq->db, id) : NULL;
	if (rc == G_OK)
		rc = projects_audit(rq, "import_create", "project", id, r->in.f.region, NULL, after, e);
	json_decref(after);
	st->created += rc == G_OK;
	return rc;
}

static bool same_text(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

/* Whether the row changes nothing of the stored project (a re-imported
 * ledger): then no new version, no audit record. */
static bool unchanged(const struct prow *r)
{
	struct project_input old;
	memset(&old, 0, sizeof old);
	projects_input_from_row(&old, r->existing);
	const struct project_fields *a = &old.f, *b = &r->in.f;
	const char *const ta[] = { a->region, a->code, a->name, a->category, a->industry, a->kind,
				   a->location, a->planned_start, a->planned_finish, a->stats_date,
				   a->tags };
	const char *const tb[] = { b->region, b->code, b->name, b->category, b->industry, b->kind,
				   b->location, b->planned_start, b->planned_finish, b->stats_date,
				   b->tags };
	for (size_t i = 0; i < sizeof ta / sizeof ta[0]; i++)
		if (!same_text(ta[i], tb[i]))
			return false;
	return a->total_investment == b->total_investment && a->annual_plan == b->annual_plan &&
	       a->plan_year == b->plan_year && a->builder_id == b->builder_id &&
	       a->leader_id == b->leader_id && a->department_id == b->department_id &&
	       a->special_bond == b->special_bond;
}

static gcode update(struct pio *st, struct prow *r, struct gerror *e)
{
	if (unchanged(r)) {
		st->unchanged++;
		return G_OK;
	}
	struct api_req *rq = st->rq;
	int64_t id = json_integer_value(json_object_get(r->existing, "id"));
	int64_t version = json_integer_value(json_object_get(r->existing, "version"));
	gcode rc = store_project_update(rq->db, id, version, &r->in.f, rq->now, e);
	if (rc == G_OK)
		rc = projects_refresh_light(rq, id, e);
	json_t *after = rc == G_OK ? store_project_get(rq->db, id) : NULL;
	if (rc == G_OK)
		rc = projects_audit(rq, "import_update", "project", id, r->in.f.region, r->existing,
				    after, e);
	json_decref(after);
	st->updated += rc == G_OK;
	return rc;
}

static gcode import_row(struct pio *st, struct gerror *e)
{
	struct prow r;
	memset(&r, 0, sizeof r);
	int64_t before = st->error_count;
	const char *code = read_code(st, &r);
	const char *name = pio_text_max(st, PC_NAME, r.name, sizeof r.name, 100);
	r.in.f.name = name;
	if (!code && name)
		seen_name(st, name);
	gcode rc = before == st->error_count ? find_existing(st, &r, code, e) : G_OK;
	if (r.existing)
		projects_input_from_row(&r.in, r.existing);
	else
		defaults(st, &r);
	if (code)
		r.in.f.code = r.code;
	if (name)
		r.in.f.name = name;
	if (!r.in.f.name)
		pio_error(st, PC_NAME, "name", "项目名称不能为空", "the name must not be empty");
	if (rc == G_OK) {
		read_texts(st, &r);
		read_numbers(st, &r);
		read_refs(st, &r);
		read_stage(st, &r);
	}
	if (rc == G_OK && before == st->error_count)
		rc = check_all(st, &r, e);
	if (rc == G_OK && before == st->error_count)
		rc = r.existing ? update(st, &r, e) : insert(st, &r, e);
	json_decref(r.existing);
	return rc;
}

gcode projects_import(const struct pio_who *w, const void *data, size_t len, bool dry_run,
		      json_t **report, struct gerror *e)
{
	struct pio st = { .w = w, .schema = &project_import_sheet };
	return pio_run(&st, data, len, dry_run, import_row, report, e);
}
