/* Milestones of a project: list, add, edit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/body.h"
#include "api/handlers.h"
#include "api/projects.h"
#include "domain/proj_schedule.h"
#include "store/projects.h"

gcode h_projects_milestones_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_READ, e, &rc);
	if (!p)
		return rc;
	json_t *ms = store_ms_list(rq->db, json_integer_value(json_object_get(p, "id")));
	json_decref(p);
	if (!ms)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	return api_ok(rs, 200, json_pack("{s:o,s:I}", "items", ms, "total",
					 (json_int_t)json_array_size(ms)));
}

static const struct field_spec ms_spec[] = {
	{ "name", 's', true, false, 100, "里程碑名称" },
	{ "duration_days", 'i', false, false, 0, "工期（天）" },
	{ "predecessors", 'a', false, false, 0, "前置里程碑" },
	{ "deadline", 's', false, true, 10, "最迟完成日期" },
	{ "actual_start", 's', false, true, 10, "实际开始日期" },
	{ "actual_finish", 's', false, true, 10, "实际完成日期" },
	{ "progress_bp", 'i', false, false, 0, "进度（万分比）" },
	{ 0 },
};

static const struct field_spec ms_patch_spec[] = {
	{ "name", 's', false, false, 100, "里程碑名称" },
	{ "duration_days", 'i', false, false, 0, "工期（天）" },
	{ "predecessors", 'a', false, false, 0, "前置里程碑" },
	{ "deadline", 's', false, true, 10, "最迟完成日期" },
	{ "actual_start", 's', false, true, 10, "实际开始日期" },
	{ "actual_finish", 's', false, true, 10, "实际完成日期" },
	{ "progress_bp", 'i', false, false, 0, "进度（万分比）" },
	{ 0 },
};

/* predecessors: ids of other milestones of the same project. */
static gcode check_preds(struct api_req *rq, int64_t project_id, int64_t self,
			 const json_t *preds, char *out, size_t cap, struct gerror *e)
{
	if (!json_is_array(preds) || json_array_size(preds) > PROJ_SCHED_MAX_DEPS)
		return gerr_set(e, G_ERR_INVALID, "predecessors", "前置里程碑应为不超过8个编号的数组",
				"predecessors must be at most 8 milestone ids");
	size_t i;
	const json_t *v;
	json_array_foreach(preds, i, v) {
		int64_t id = json_is_integer(v) ? json_integer_value(v) : 0;
		json_t *m = id > 0 && id != self ? store_ms_get(rq->db, id) : NULL;
		bool ok = m && json_integer_value(json_object_get(m, "project_id")) == project_id;
		json_decref(m);
		if (!ok)
			return gerr_set(e, G_ERR_INVALID, "predecessors",
					"前置里程碑应为本项目的其他里程碑",
					"predecessors must be other milestones of this project");
	}
	char *t = json_dumps(preds, JSON_COMPACT);
	snprintf(out, cap, "%s", t ? t : "[]");
	free(t);
	return G_OK;
}

static gcode read_fields(struct api_req *rq, struct ms_fields *f, struct gerror *e)
{
	const json_t *b = rq->json;
	if (body_has(b, "name"))
		f->name = body_str(b, "name");
	f->duration_days = body_int(b, "duration_days", f->duration_days);
	f->progress_bp = body_int(b, "progress_bp", f->progress_bp);
	gcode rc = G_OK;
	const char *d;
	static const char *const keys[] = { "deadline", "actual_start", "actual_finish" };
	const char **slots[] = { &f->deadline, &f->actual_start, &f->actual_finish };
	for (int i = 0; i < 3 && rc == G_OK; i++) {
		rc = projects_body_date(b, keys[i], keys[i], &d, e);
		if (rc == G_OK && body_has(b, keys[i]))
			*slots[i] = d;
	}
	if (rc == G_OK && (f->duration_days < 0 || f->duration_days > PROJ_SCHED_MAX_DAYS))
		rc = gerr_set(e, G_ERR_INVALID, "duration_days", "工期应在0到3660天之间",
			      "duration_days must be from 0 to 3660");
	if (rc == G_OK && (f->progress_bp < 0 || f->progress_bp > 10000))
		rc = gerr_set(e, G_ERR_INVALID, "progress_bp", "进度应在0到10000（万分比）之间",
			      "progress_bp must be from 0 to 10000");
	int32_t a, z;
	if (rc == G_OK && f->actual_start && f->actual_finish &&
	    projects_iso_parse(f->actual_start, &a) && projects_iso_parse(f->actual_finish, &z) &&
	    z < a)
		rc = gerr_set(e, G_ERR_INVALID, "actual_finish", "实际完成日期早于实际开始日期",
			      "actual_finish is before actual_start");
	return rc;
}

static gcode finish(struct api_req *rq, struct api_resp *rs, int status, int64_t mid,
		    json_t **after)
{
	*after = store_ms_get(rq->db, mid);
	api_set_etag(rs, json_integer_value(json_object_get(*after, "version")));
	return api_ok(rs, status, *after);
}

gcode h_projects_milestones_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc), *after = NULL;
	if (!p)
		return rc;
	int64_t pid = json_integer_value(json_object_get(p, "id")), mid = 0;
	const char *region = json_string_value(json_object_get(p, "region"));
	struct ms_fields f = { 0 };
	char preds[256] = "[]";
	rc = body_check(rq->json, ms_spec, e);
	if (rc == G_OK)
		rc = read_fields(rq, &f, e);
	if (rc == G_OK && body_has(rq->json, "predecessors"))
		rc = check_preds(rq, pid, 0, json_object_get(rq->json, "predecessors"), preds,
				 sizeof preds, e);
	f.predecessors = preds;
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_ms_insert(rq->db, pid, region, &f, rq->now, &mid, e);
	if (rc == G_OK)
		after = store_ms_get(rq->db, mid);
	if (rc == G_OK)
		rc = projects_audit(rq, "milestone_create", "project", pid, region, NULL, after, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	json_decref(p);
	json_decref(after);
	return rc == G_OK ? finish(rq, rs, 201, mid, &after) : rc;
}

static void fields_of(const json_t *m, struct ms_fields *f)
{
	f->name = json_string_value(json_object_get(m, "name"));
	f->kind = json_string_value(json_object_get(m, "kind"));
	f->deadline = json_string_value(json_object_get(m, "deadline"));
	f->actual_start = json_string_value(json_object_get(m, "actual_start"));
	f->actual_finish = json_string_value(json_object_get(m, "actual_finish"));
	f->duration_days = json_integer_value(json_object_get(m, "duration_days"));
	f->progress_bp = json_integer_value(json_object_get(m, "progress_bp"));
}

gcode h_projects_milestones_update(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	int64_t mid = 0, version = 0;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc), *before = NULL, *after = NULL;
	if (!p)
		return rc;
	int64_t pid = json_integer_value(json_object_get(p, "id"));
	rc = api_path_id(rq, 1, &mid, e);
	if (rc == G_OK)
		before = store_ms_get(rq->db, mid);
	if (rc == G_OK && (!before || json_integer_value(json_object_get(before, "project_id")) != pid))
		rc = api_not_found(e);
	struct ms_fields f = { 0 };
	char preds[256];
	if (rc == G_OK) {
		fields_of(before, &f);
		char *t = json_dumps(json_object_get(before, "predecessors"), JSON_COMPACT);
		snprintf(preds, sizeof preds, "%s", t ? t : "[]");
		free(t);
		f.predecessors = preds;
		rc = body_check(rq->json, ms_patch_spec, e);
	}
	if (rc == G_OK && body_has(rq->json, "name") && !*body_str(rq->json, "name"))
		rc = gerr_set(e, G_ERR_INVALID, "name", "里程碑名称不能为空", "name must not be empty");
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK)
		rc = read_fields(rq, &f, e);
	if (rc == G_OK && body_has(rq->json, "predecessors"))
		rc = check_preds(rq, pid, mid, json_object_get(rq->json, "predecessors"), preds,
				 sizeof preds, e);
	const char *region = json_string_value(json_object_get(p, "region"));
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_ms_update(rq->db, mid, version, &f, rq->now, e);
	if (rc == G_OK)
		after = store_ms_get(rq->db, mid);
	if (rc == G_OK)
		rc = projects_audit(rq, "milestone_update", "project", pid, region, before, after, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	json_decref(p);
	json_decref(before);
	json_decref(after);
	return rc == G_OK ? finish(rq, rs, 200, mid, &after) : rc;
}
