/* Problems 问题清单: raised on a project, assigned to a department with a
 * deadline, 交办 assigned → 办理 handling → 反馈 feedback → 销号 closed (反馈
 * may go back to 办理). An open problem past its deadline is escalated to
 * the project's 包保 leader: the flag is set when problems are read (for the
 * caller's region, like the status light) and recomputed on every write. */
#include <stdio.h>
#include <string.h>

#include "api/body.h"
#include "api/handlers.h"
#include "api/projects.h"
#include "api/projects_lists.h"
#include "base/text.h"
#include "store/org.h"
#include "store/projects.h"

enum { PB_ASSIGNED, PB_HANDLING, PB_FEEDBACK, PB_CLOSED, PB__COUNT };
static const char *const pb_code[PB__COUNT] = { "assigned", "handling", "feedback", "closed" };
static const char *const pb_zh[PB__COUNT] = { "交办", "办理", "反馈", "销号" };
/* Allowed next states, as bits. */
static const unsigned pb_next[PB__COUNT] = {
	[PB_ASSIGNED] = 1u << PB_HANDLING,
	[PB_HANDLING] = 1u << PB_FEEDBACK,
	[PB_FEEDBACK] = 1u << PB_HANDLING | 1u << PB_CLOSED,
	[PB_CLOSED] = 0,
};

static int pb_find(const char *s)
{
	for (int i = 0; s && i < PB__COUNT; i++)
		if (!strcmp(s, pb_code[i]) || !strcmp(s, pb_zh[i]))
			return i;
	return -1;
}

static void decorate(json_t *x, const char *today)
{
	int st = pb_find(json_string_value(json_object_get(x, "status")));
	const char *dl = json_string_value(json_object_get(x, "deadline"));
	json_object_set_new(x, "status_zh", json_string(st >= 0 ? pb_zh[st] : ""));
	json_object_set_new(x, "overdue",
			    json_boolean(st >= 0 && st != PB_CLOSED && dl && strcmp(dl, today) < 0));
	json_t *next = json_array();
	for (int i = 0; st >= 0 && i < PB__COUNT; i++)
		if (pb_next[st] & 1u << i)
			json_array_append_new(next, json_string(pb_code[i]));
	json_object_set_new(x, "next_statuses", next);
}

static void today_iso(struct api_req *rq, char out[PROJ_DATE_ISO_LEN + 1])
{
	projects_iso_format(projects_today(rq), out);
}

/* Escalates the overdue open problems of the caller's range (each UPDATE
 * commits on its own; nothing to do is one SELECT). */
static gcode escalate_range(struct api_req *rq, struct gerror *e)
{
	char lo[7], hi[7], day[PROJ_DATE_ISO_LEN + 1];
	api_scope_range(rq, lo, hi);
	today_iso(rq, day);
	return store_problem_escalate(rq->db, lo, hi, day, rq->now, NULL, e);
}

gcode problems_list_decorated(struct api_req *rq, struct problem_query *q, json_t **out,
			      struct gerror *e)
{
	gcode rc = store_problem_list(rq->db, q, out, e);
	if (rc != G_OK)
		return rc;
	char day[PROJ_DATE_ISO_LEN + 1];
	today_iso(rq, day);
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(*out, "items"), i, x)
		decorate(x, day);
	return G_OK;
}

static gcode list_reply(struct api_req *rq, struct api_resp *rs, struct problem_query *q,
			struct gerror *e)
{
	json_t *out = NULL;
	gcode rc = problems_list_decorated(rq, q, &out, e);
	if (rc != G_OK)
		return rc;
	json_object_set_new(out, "page", json_integer(q->offset / q->limit + 1));
	json_object_set_new(out, "per_page", json_integer(q->limit));
	return api_ok(rs, 200, out);
}

gcode h_projects_problems_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_READ, e, &rc);
	if (!p)
		return rc;
	char lo[7], hi[7];
	api_scope_range(rq, lo, hi);
	struct problem_query q = { .lo = lo, .hi = hi,
				   .project_id = json_integer_value(json_object_get(p, "id")) };
	json_decref(p);
	rc = api_paging(rq, &q.limit, &q.offset, e);
	if (rc == G_OK)
		rc = escalate_range(rq, e);
	return rc == G_OK ? list_reply(rq, rs, &q, e) : rc;
}

gcode problems_list_query(struct api_req *rq, struct problem_query *q, char lo[7], char hi[7],
			  char day[PROJ_DATE_ISO_LEN + 1], struct gerror *e)
{
	gcode rc = api_check(rq, RES_PROJECT, ACT_READ, NULL, e);
	if (rc != G_OK)
		return rc;
	api_scope_range(rq, lo, hi);
	today_iso(rq, day);
	q->lo = lo;
	q->hi = hi;
	const char *st = api_query(rq, "status"), *ov = api_query(rq, "overdue");
	int64_t to = 0;
	rc = api_paging(rq, &q->limit, &q->offset, e);
	if (rc == G_OK && st) {
		int i = pb_find(st);
		if (i < 0)
			rc = gerr_set(e, G_ERR_INVALID, "status",
				      "status应为assigned、handling、feedback或closed（交办、办理、反馈、销号）",
				      "status must be assigned, handling, feedback or closed");
		else
			q->status = pb_code[i];
	}
	if (rc == G_OK && ov && strcmp(ov, "1") && strcmp(ov, "0") && strcmp(ov, "true") &&
	    strcmp(ov, "false"))
		rc = gerr_set(e, G_ERR_INVALID, "overdue", "overdue应为1或0", "overdue must be 1 or 0");
	if (rc == G_OK && ov && (!strcmp(ov, "1") || !strcmp(ov, "true")))
		q->overdue_today = day;
	if (rc == G_OK)
		rc = projects_query_id(rq, "department_id", rq->who.department_id, &q->department_id, e);
	if (rc == G_OK)
		rc = projects_query_id(rq, "project_id", 0, &q->project_id, e);
	if (rc == G_OK)
		rc = projects_query_id(rq, "escalated_to", rq->who.user_id, &to, e);
	if (rc != G_OK)
		return rc;
	if (to) {
		q->leader_id = to;
		q->escalated = 1;
	}
	if (rq->who.role == ROLE_STAFF)
		q->staff_department = rq->who.department_id ? rq->who.department_id : -1;
	if (rq->who.role == ROLE_ENTERPRISE)
		q->builder_id = rq->who.enterprise_id ? rq->who.enterprise_id : -1;
	return escalate_range(rq, e);
}

gcode h_problems_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	char lo[7], hi[7], day[PROJ_DATE_ISO_LEN + 1];
	struct problem_query q = { 0 };
	gcode rc = problems_list_query(rq, &q, lo, hi, day, e);
	return rc == G_OK ? list_reply(rq, rs, &q, e) : rc;
}

static const struct field_spec problem_spec[] = {
	{ "title", 's', true, false, 200, "问题" },
	{ "detail", 's', false, true, 2000, "问题描述" },
	{ "department_id", 'i', true, false, 0, "责任单位" },
	{ "deadline", 's', true, false, 10, "办结时限" },
	{ 0 },
};

static const struct field_spec problem_patch_spec[] = {
	{ "title", 's', false, false, 200, "问题" },
	{ "detail", 's', false, true, 2000, "问题描述" },
	{ "department_id", 'i', false, false, 0, "责任单位" },
	{ "deadline", 's', false, false, 10, "办结时限" },
	{ "status", 's', false, false, 20, "办理状态" },
	{ "feedback", 's', false, true, 2000, "办理反馈" },
	{ 0 },
};

static gcode check_department(struct api_req *rq, int64_t id, const char *region,
			      struct gerror *e)
{
	json_t *d = store_department_get(rq->db, id);
	const char *dr = d ? json_string_value(json_object_get(d, "region")) : NULL;
	bool ok = dr && !strcmp(dr, region);
	json_decref(d);
	return ok ? G_OK
		  : gerr_set(e, G_ERR_INVALID, "department_id", "责任单位应为项目所在区的部门",
			     "the department must be of the project's region");
}

/* The escalation a problem should have now. */
static int64_t escalation(struct api_req *rq, const struct problem_fields *f)
{
	char day[PROJ_DATE_ISO_LEN + 1];
	today_iso(rq, day);
	return strcmp(f->status, "closed") && f->deadline && strcmp(f->deadline, day) < 0;
}

static gcode reply(struct api_req *rq, struct api_resp *rs, int status, int64_t id,
		   struct gerror *e)
{
	json_t *x = store_problem_get(rq->db, id);
	if (!x)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	char day[PROJ_DATE_ISO_LEN + 1];
	today_iso(rq, day);
	decorate(x, day);
	api_set_etag(rs, json_integer_value(json_object_get(x, "version")));
	return api_ok(rs, status, x);
}

gcode h_projects_problems_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc), *after = NULL;
	if (!p)
		return rc;
	int64_t pid = json_integer_value(json_object_get(p, "id")), id = 0;
	const char *region = json_string_value(json_object_get(p, "region"));
	struct problem_fields f = { .status = "assigned" };
	rc = body_check(rq->json, problem_spec, e);
	if (rc == G_OK) {
		f.title = body_str(rq->json, "title");
		f.detail = body_str(rq->json, "detail");
		f.department_id = body_int(rq->json, "department_id", 0);
		rc = projects_body_date(rq->json, "deadline", "办结时限", &f.deadline, e);
	}
	if (rc == G_OK)
		rc = check_department(rq, f.department_id, region, e);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_problem_insert(rq->db, pid, region, &f, rq->who.user_id, rq->now, &id, e);
	if (rc == G_OK && escalation(rq, &f))
		rc = store_problem_set_escalated(rq->db, id, 1, e);
	if (rc == G_OK)
		after = store_problem_get(rq->db, id);
	if (rc == G_OK)
		rc = projects_audit(rq, "problem_create", "project", pid, region, NULL, after, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	json_decref(p);
	json_decref(after);
	return rc == G_OK ? reply(rq, rs, 201, id, e) : rc;
}

/* The problem of path parameter 0 with its project, checked for act: the
 * project's scope, except that staff of the department the problem is
 * assigned to may read and work on it. */
static json_t *problem_visible(struct api_req *rq, enum action act, json_t **project,
			       struct gerror *e, gcode *rc)
{
	int64_t id;
	*project = NULL;
	*rc = api_check(rq, RES_PROJECT, act, NULL, e);
	if (*rc == G_OK)
		*rc = api_path_id(rq, 0, &id, e);
	if (*rc != G_OK)
		return NULL;
	json_t *x = store_problem_get(rq->db, id);
	json_t *p = x ? store_project_get(rq->db,
					  json_integer_value(json_object_get(x, "project_id")))
		      : NULL;
	if (!p) {
		json_decref(x);
		*rc = api_not_found(e);
		return NULL;
	}
	struct obj_scope s = projects_scope(p);
	int64_t dept = json_integer_value(json_object_get(x, "department_id"));
	if (rq->who.role == ROLE_STAFF && dept && dept == rq->who.department_id)
		s.department_id = dept;
	*rc = api_check(rq, RES_PROJECT, act, &s, e);
	if (*rc != G_OK) {
		json_decref(x);
		json_decref(p);
		return NULL;
	}
	*project = p;
	return x;
}

static gcode move_error(int from, const char *to, struct gerror *e)
{
	char zh[300] = "", en[300] = "", nz[120] = "", ne[120] = "";
	for (int i = 0; i < PB__COUNT; i++)
		if (pb_next[from] & 1u << i) {
			size_t a = strlen(nz), b = strlen(ne);
			snprintf(nz + a, sizeof nz - a, "%s%s（%s）", a ? "、" : "", pb_zh[i], pb_code[i]);
			snprintf(ne + b, sizeof ne - b, "%s%s", b ? ", " : "", pb_code[i]);
		}
	if (!pb_next[from]) {
		snprintf(zh, sizeof zh, "问题已销号，状态不能再变更（不能改为%s）", to);
		snprintf(en, sizeof en, "the problem is closed: its status cannot change (to %s)", to);
	} else {
		snprintf(zh, sizeof zh, "问题状态不能从%s（%s）改为%s；可改为：%s", pb_zh[from],
			 pb_code[from], to, nz);
		snprintf(en, sizeof en, "status cannot move from %s to %s; allowed next: %s",
			 pb_code[from], to, ne);
	}
	return gerr_set(e, G_ERR_INVALID, "status", zh, en);
}

static gcode read_patch(struct api_req *rq, const json_t *before, const char *region,
			struct problem_fields *f, int64_t *closed_by, struct gerror *e)
{
	const json_t *b = rq->json;
	f->title = json_string_value(json_object_get(before, "title"));
	f->detail = json_string_value(json_object_get(before, "detail"));
	f->deadline = json_string_value(json_object_get(before, "deadline"));
	f->status = json_string_value(json_object_get(before, "status"));
	f->feedback = json_string_value(json_object_get(before, "feedback"));
	f->department_id = json_integer_value(json_object_get(before, "department_id"));
	*closed_by = json_integer_value(json_object_get(before, "closed_by"));
	gcode rc = body_check(b, problem_patch_spec, e);
	if (rc == G_OK && body_has(b, "title") && !*body_str(b, "title"))
		rc = gerr_set(e, G_ERR_INVALID, "title", "问题不能为空", "title must not be empty");
	if (rc != G_OK)
		return rc;
	if (body_has(b, "title"))
		f->title = body_str(b, "title");
	if (body_has(b, "detail"))
		f->detail = body_str(b, "detail");
	if (body_has(b, "feedback"))
		f->feedback = body_str(b, "feedback");
	if (body_has(b, "deadline"))
		rc = projects_body_date(b, "deadline", "办结时限", &f->deadline, e);
	if (rc == G_OK && body_has(b, "department_id")) {
		f->department_id = body_int(b, "department_id", 0);
		rc = check_department(rq, f->department_id, region, e);
	}
	int from = pb_find(f->status);
	const char *to = body_str(b, "status");
	if (rc == G_OK && to) {
		int t = pb_find(to);
		if (t < 0)
			rc = gerr_set(e, G_ERR_INVALID, "status",
				      "status应为assigned、handling、feedback或closed（交办、办理、反馈、销号）",
				      "status must be assigned, handling, feedback or closed");
		else if (t != from && (from < 0 || !(pb_next[from] & 1u << t)))
			rc = move_error(from < 0 ? PB_CLOSED : from, to, e);
		else if (t != from) {
			f->status = pb_code[t];
			*closed_by = t == PB_CLOSED ? rq->who.user_id : 0;
		}
	}
	if (rc == G_OK && from == PB_CLOSED && (body_has(b, "title") || body_has(b, "deadline") ||
						 body_has(b, "department_id") || body_has(b, "feedback")))
		rc = gerr_set(e, G_ERR_EXISTS, "status", "问题已销号，不能再修改",
			      "the problem is closed and can no longer be edited");
	if (rc == G_OK && !strcmp(f->status, "feedback") &&
	    (!f->feedback || !f->feedback[strspn(f->feedback, " \t\r\n")]))
		rc = gerr_set(e, G_ERR_INVALID, "feedback", "反馈须填写办理情况",
			      "moving to feedback needs the feedback text");
	return rc;
}

gcode h_problems_update(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = NULL, *before = problem_visible(rq, ACT_WRITE, &p, e, &rc), *after = NULL;
	if (!before)
		return rc;
	int64_t id = json_integer_value(json_object_get(before, "id")), version = 0, closed_by = 0;
	int64_t pid = json_integer_value(json_object_get(p, "id"));
	const char *region = json_string_value(json_object_get(p, "region"));
	struct problem_fields f = { 0 };
	rc = read_patch(rq, before, region, &f, &closed_by, e);
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_problem_update(rq->db, id, version, &f, closed_by, rq->now, e);
	/* A closed problem keeps the record that it was escalated. */
	if (rc == G_OK && strcmp(f.status, "closed"))
		rc = store_problem_set_escalated(rq->db, id, escalation(rq, &f), e);
	if (rc == G_OK)
		after = store_problem_get(rq->db, id);
	if (rc == G_OK)
		rc = projects_audit(rq, "problem_update", "project", pid, region, before, after, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	json_decref(p);
	json_decref(before);
	json_decref(after);
	return rc == G_OK ? reply(rq, rs, 200, id, e) : rc;
}
