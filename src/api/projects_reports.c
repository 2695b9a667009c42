/* Monthly reports 月报 of a project: list, draft, edit, submit, review.
 * Drafts are written and submitted by the project's department (staff) or
 * its 包保 leader; statisticians (统计, who own the investment figures) or
 * the 包保 leader review them; nobody reviews a report they submitted. A
 * reviewed month is closed. */
#include <stdio.h>
#include <string.h>

#include "api/body.h"
#include "api/handlers.h"
#include "api/projects.h"
#include "api/projects_report_rules.h"
#include "store/projects.h"

static const char *status_zh(const char *s)
{
	static const char *const map[][2] = { { "draft", "草稿" }, { "submitted", "已报送" },
					       { "reviewed", "已审核" }, { "returned", "已退回" } };
	for (size_t i = 0; s && i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(s, map[i][0]))
			return map[i][1];
	return "";
}

static bool is_status(const json_t *r, const char *s)
{
	const char *v = json_string_value(json_object_get(r, "status"));
	return v && !strcmp(v, s);
}

static json_t *decorate(json_t *r)
{
	if (!r)
		return r;
	json_object_set_new(r, "status_zh",
			    json_string(status_zh(json_string_value(json_object_get(r, "status")))));
	json_object_set_new(r, "closed", json_boolean(is_status(r, "reviewed")));
	return r;
}

static gcode may_report(const struct api_req *rq, struct gerror *e)
{
	if (rq->who.role == ROLE_STAFF || rq->who.role == ROLE_LEADER)
		return G_OK;
	return gerr_set(e, G_ERR_FORBIDDEN, NULL, "月报由项目责任单位或包保领导填报和报送",
			"monthly reports are written by the project's department or its 包保 leader");
}

static gcode may_review(const struct api_req *rq, const json_t *r, struct gerror *e)
{
	if (rq->who.role != ROLE_STATISTICIAN && rq->who.role != ROLE_LEADER)
		return gerr_set(e, G_ERR_FORBIDDEN, NULL, "月报由统计员或包保领导审核",
				"monthly reports are reviewed by a statistician or the 包保 leader");
	if (r && json_integer_value(json_object_get(r, "submitted_by")) == rq->who.user_id)
		return gerr_set(e, G_ERR_FORBIDDEN, NULL, "不能审核自己报送的月报",
				"you cannot review a report you submitted");
	return G_OK;
}

static const struct field_spec report_spec[] = {
	{ "month", 's', true, false, 7, "月份" },
	{ "invest_month", 'x', false, false, 0, "本月完成投资" },
	{ "invest_ytd", 'x', false, false, 0, "本年累计完成投资" },
	{ "progress_text", 's', false, true, 2000, "形象进度" },
	{ "ytd_note", 's', false, true, 500, "累计投资回落说明" },
	{ 0 },
};

static const struct field_spec report_patch_spec[] = {
	{ "invest_month", 'x', false, false, 0, "本月完成投资" },
	{ "invest_ytd", 'x', false, false, 0, "本年累计完成投资" },
	{ "progress_text", 's', false, true, 2000, "形象进度" },
	{ "ytd_note", 's', false, true, 500, "累计投资回落说明" },
	{ 0 },
};

static bool blank(const char *s)
{
	return !s || !s[strspn(s, " \t\r\n")];
}

/* The figures of the body over f (the stored ones when editing). A new
 * report without invest_ytd continues the previous month's of the year. */
static gcode read_fields(struct api_req *rq, int64_t pid, struct report_fields *f, bool create,
			 struct gerror *e)
{
	const json_t *b = rq->json;
	gcode rc = projects_body_amount(b, "invest_month", "本月完成投资", &f->invest_month, e);
	if (rc == G_OK)
		rc = projects_body_amount(b, "invest_ytd", "本年累计完成投资", &f->invest_ytd, e);
	if (body_has(b, "progress_text"))
		f->progress_text = body_str(b, "progress_text");
	if (body_has(b, "ytd_note"))
		f->ytd_note = blank(body_str(b, "ytd_note")) ? NULL : body_str(b, "ytd_note");
	if (rc == G_OK)
		rc = projects_report_check_figures(rq->db, pid, f,
						   !create || body_has(b, "invest_ytd"), e);
	return rc;
}

gcode h_projects_reports_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_READ, e, &rc);
	if (!p)
		return rc;
	json_t *items = store_report_list(rq->db, json_integer_value(json_object_get(p, "id")));
	json_decref(p);
	if (!items)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	size_t i;
	json_t *r;
	json_array_foreach(items, i, r)
		decorate(r);
	return api_ok(rs, 200, json_pack("{s:o,s:I,s:i}", "items", items, "total",
					 (json_int_t)json_array_size(items), "due_day",
					 PROJ_REPORT_DUE_DAY));
}

static gcode reply(struct api_req *rq, struct api_resp *rs, int status, int64_t rid,
		   struct gerror *e)
{
	json_t *r = decorate(store_report_get(rq->db, rid));
	if (!r)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	api_set_etag(rs, json_integer_value(json_object_get(r, "version")));
	return api_ok(rs, status, r);
}

gcode h_projects_reports_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc), *after = NULL, *old = NULL;
	if (!p)
		return rc;
	int64_t pid = json_integer_value(json_object_get(p, "id")), rid = 0;
	const char *region = json_string_value(json_object_get(p, "region"));
	struct report_fields f = { 0 };
	rc = may_report(rq, e);
	if (rc == G_OK)
		rc = body_check(rq->json, report_spec, e);
	if (rc == G_OK) {
		f.month = body_str(rq->json, "month");
		rc = projects_report_check_month(rq, f.month, e);
	}
	if (rc == G_OK && (old = store_report_by_month(rq->db, pid, f.month))) {
		if (is_status(old, "reviewed")) {
			rc = projects_report_closed(e, old);
		} else {
			char zh[200], en[200];
			snprintf(zh, sizeof zh, "%s的月报已存在（编号%lld），请修改该月报", f.month,
				 (long long)json_integer_value(json_object_get(old, "id")));
			snprintf(en, sizeof en, "a report for %s already exists (id %lld): edit it",
				 f.month, (long long)json_integer_value(json_object_get(old, "id")));
			rc = gerr_set(e, G_ERR_EXISTS, "month", zh, en);
		}
	}
	if (rc == G_OK)
		rc = read_fields(rq, pid, &f, true, e);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_report_insert(rq->db, pid, region, &f, rq->now, &rid, e);
	if (rc == G_OK)
		after = store_report_get(rq->db, rid);
	if (rc == G_OK)
		rc = projects_audit(rq, "report_create", "project", pid, region, NULL, after, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	json_decref(p);
	json_decref(old);
	json_decref(after);
	return rc == G_OK ? reply(rq, rs, 201, rid, e) : rc;
}

/* The report of path parameter 1, which must belong to project pid. */
static json_t *load_report(struct api_req *rq, int64_t pid, struct gerror *e, gcode *rc)
{
	int64_t rid;
	*rc = api_path_id(rq, 1, &rid, e);
	if (*rc != G_OK)
		return NULL;
	json_t *r = store_report_get(rq->db, rid);
	if (!r || json_integer_value(json_object_get(r, "project_id")) != pid) {
		json_decref(r);
		*rc = api_not_found(e);
		return NULL;
	}
	return r;
}

static void fields_of(const json_t *r, struct report_fields *f)
{
	f->month = json_string_value(json_object_get(r, "month"));
	f->progress_text = json_string_value(json_object_get(r, "progress_text"));
	f->ytd_note = json_string_value(json_object_get(r, "ytd_note"));
	f->invest_month = json_integer_value(json_object_get(r, "invest_month"));
	f->invest_ytd = json_integer_value(json_object_get(r, "invest_ytd"));
}

static gcode must_be_editable(const json_t *r, struct gerror *e)
{
	if (is_status(r, "reviewed"))
		return projects_report_closed(e, r);
	if (is_status(r, "submitted"))
		return gerr_set(e, G_ERR_EXISTS, "status", "月报已报送，审核退回后才能修改",
				"the report has been submitted: it can be edited only once returned");
	return G_OK;
}

/* Ends a write: after, audit under action, commit, light refresh. */
static gcode finish_write(struct api_req *rq, const json_t *p, const char *action,
			  const json_t *before, int64_t rid, bool light, struct gerror *e)
{
	int64_t pid = json_integer_value(json_object_get(p, "id"));
	const char *region = json_string_value(json_object_get(p, "region"));
	json_t *after = store_report_get(rq->db, rid);
	gcode rc = light ? projects_refresh_light(rq, pid, e) : G_OK;
	if (rc == G_OK)
		rc = projects_audit(rq, action, "project", pid, region, before, after, e);
	json_decref(after);
	return rc == G_OK ? db_commit(rq->db, e) : rc;
}

gcode h_projects_reports_update(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc), *before = NULL;
	if (!p)
		return rc;
	int64_t pid = json_integer_value(json_object_get(p, "id")), rid = 0, version = 0;
	rc = may_report(rq, e);
	if (rc == G_OK)
		before = load_report(rq, pid, e, &rc);
	struct report_fields f = { 0 };
	if (rc == G_OK) {
		rid = json_integer_value(json_object_get(before, "id"));
		fields_of(before, &f);
		rc = body_check(rq->json, report_patch_spec, e);
	}
	if (rc == G_OK)
		rc = must_be_editable(before, e);
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK)
		rc = read_fields(rq, pid, &f, false, e);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_report_update(rq->db, rid, version, &f, rq->now, e);
	if (rc == G_OK)
		rc = finish_write(rq, p, "report_update", before, rid, false, e);
	json_decref(p);
	json_decref(before);
	return rc == G_OK ? reply(rq, rs, 200, rid, e) : rc;
}

gcode h_projects_reports_submit(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc), *before = NULL;
	if (!p)
		return rc;
	int64_t pid = json_integer_value(json_object_get(p, "id")), rid = 0, version = 0;
	rc = may_report(rq, e);
	if (rc == G_OK)
		before = load_report(rq, pid, e, &rc);
	if (rc == G_OK)
		rid = json_integer_value(json_object_get(before, "id"));
	if (rc == G_OK && is_status(before, "submitted"))
		rc = gerr_set(e, G_ERR_EXISTS, "status", "月报已报送", "the report is already submitted");
	if (rc == G_OK)
		rc = must_be_editable(before, e);
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	bool late = rc == G_OK && projects_report_late(rq, json_string_value(json_object_get(before, "month")));
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_report_submit(rq->db, rid, version, rq->who.user_id, late, rq->now, e);
	if (rc == G_OK)
		rc = finish_write(rq, p, "report_submit", before, rid, true, e);
	json_decref(p);
	json_decref(before);
	return rc == G_OK ? reply(rq, rs, 200, rid, e) : rc;
}

static const struct field_spec review_spec[] = {
	{ "approve", 'b', true, false, 0, "审核结论" },
	{ "comment", 's', false, true, 500, "审核意见" },
	{ 0 },
};

gcode h_projects_reports_review(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc), *before = NULL;
	if (!p)
		return rc;
	int64_t pid = json_integer_value(json_object_get(p, "id")), rid = 0, version = 0;
	rc = may_review(rq, NULL, e);
	if (rc == G_OK)
		before = load_report(rq, pid, e, &rc);
	if (rc == G_OK) {
		rid = json_integer_value(json_object_get(before, "id"));
		rc = may_review(rq, before, e);
	}
	if (rc == G_OK)
		rc = body_check(rq->json, review_spec, e);
	bool approve = json_is_true(json_object_get(rq->json, "approve"));
	const char *comment = rc == G_OK ? body_str(rq->json, "comment") : NULL;
	if (rc == G_OK && is_status(before, "reviewed"))
		rc = projects_report_closed(e, before);
	if (rc == G_OK && !is_status(before, "submitted"))
		rc = gerr_set(e, G_ERR_EXISTS, "status", "月报尚未报送，不能审核",
			      "the report has not been submitted");
	if (rc == G_OK && !approve && blank(comment))
		rc = gerr_set(e, G_ERR_INVALID, "comment", "退回月报须填写审核意见",
			      "returning a report needs a comment");
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_report_review(rq->db, rid, version, approve ? "reviewed" : "returned",
					 rq->who.user_id, comment, rq->now, e);
	if (rc == G_OK)
		rc = finish_write(rq, p, approve ? "report_review" : "report_return", before, rid,
				  true, e);
	json_decref(p);
	json_decref(before);
	return rc == G_OK ? reply(rq, rs, 200, rid, e) : rc;
}
