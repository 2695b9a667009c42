/* Procedures 手续 of a project: GET/PUT /api/v1/projects/{id}/procedures/{kind}. */
#include <stdio.h>
#include <string.h>

#include "api/body.h"
#include "api/handlers.h"
#include "api/projects.h"
#include "domain/proj_procedure.h"
#include "store/org.h"
#include "store/projects.h"

static gcode kind_of(struct api_req *rq, int *kind, struct gerror *e)
{
	const char *k = rq->nparams > 1 ? rq->params[1] : "";
	*kind = proj_proc_find(k, strlen(k));
	return *kind >= 0 ? G_OK : api_not_found(e);
}

static json_t *one(struct api_req *rq, int64_t id, int kind)
{
	json_t *all = projects_procedures(rq, id);
	json_t *p = json_incref(json_array_get(all, (size_t)kind));
	json_decref(all);
	return p;
}

gcode h_projects_procedure_get(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	int kind;
	json_t *p = projects_visible(rq, 0, ACT_READ, e, &rc);
	if (!p)
		return rc;
	rc = kind_of(rq, &kind, e);
	json_t *x = rc == G_OK ? one(rq, json_integer_value(json_object_get(p, "id")), kind) : NULL;
	json_decref(p);
	if (!x)
		return rc;
	api_set_etag(rs, json_integer_value(json_object_get(x, "version")));
	return api_ok(rs, 200, x);
}

static const struct field_spec proc_spec[] = {
	{ "form", 's', false, true, 20, "立项方式" },
	{ "status", 's', true, false, 20, "办理状态" },
	{ "planned_finish", 's', false, true, 10, "计划办结日期" },
	{ "actual_start", 's', false, true, 10, "申报日期" },
	{ "actual_finish", 's', false, true, 10, "取得日期" },
	{ "department_id", 'i', false, true, 0, "责任部门" },
	{ "basis", 's', false, true, 500, "免办依据" },
	{ "note", 's', false, true, 500, "备注" },
	{ "duration_days", 'i', false, true, 0, "办理时限（天）" },
	{ 0 },
};

static gcode read_fields(struct api_req *rq, int kind, struct proc_fields *f,
			 struct proj_proc_record *r, struct gerror *e)
{
	const json_t *b = rq->json;
	f->kind = proj_proc_code((enum proj_proc)kind);
	f->form = body_str(b, "form");
	f->status = body_str(b, "status");
	f->basis = body_str(b, "basis");
	f->note = body_str(b, "note");
	f->department_id = body_int(b, "department_id", 0);
	f->duration_days = body_has(b, "duration_days") && !json_is_null(json_object_get(b, "duration_days"))
				   ? body_int(b, "duration_days", 0) : -1;
	gcode rc = projects_body_date(b, "planned_finish", "计划办结日期", &f->planned_finish, e);
	if (rc == G_OK)
		rc = projects_body_date(b, "actual_start", "申报日期", &f->actual_start, e);
	if (rc == G_OK)
		rc = projects_body_date(b, "actual_finish", "取得日期", &f->actual_finish, e);
	if (rc != G_OK)
		return rc;
	int st = proj_proc_status_find(f->status, strlen(f->status));
	int form = f->form && *f->form ? proj_approval_kind_find(f->form, strlen(f->form)) : 0;
	if (st < 0)
		return gerr_set(e, G_ERR_INVALID, "status", proj_proc_error_zh(PPROC_BAD_STATUS),
				proj_proc_error_en(PPROC_BAD_STATUS));
	if (form < 0)
		return gerr_set(e, G_ERR_INVALID, "form", "立项方式应为审批、核准或备案",
				"form must be review, verify or filing");
	if (f->duration_days > PROJ_PROC_MAX_DAYS || (f->duration_days < 0 && f->duration_days != -1))
		return gerr_set(e, G_ERR_INVALID, "duration_days", "办理时限超出范围",
				"duration_days is out of range");
	f->status = proj_proc_status_code((enum proj_proc_status)st);
	f->form = form > 0 ? proj_approval_kind_code((enum proj_approval_kind)form) : NULL;
	*r = (struct proj_proc_record){ .proc = (enum proj_proc)kind,
		.status = (enum proj_proc_status)st, .approval_kind = (enum proj_approval_kind)form,
		.planned_finish = projects_json_date(b, "planned_finish"),
		.actual_start = projects_json_date(b, "actual_start"),
		.actual_finish = projects_json_date(b, "actual_finish"),
		.has_basis = f->basis && *f->basis };
	return G_OK;
}

static const char *error_field(enum proj_proc_error x)
{
	switch (x) {
	case PPROC_NEED_APPROVAL_KIND:
	case PPROC_KIND_NOT_APPROVAL: return "form";
	case PPROC_NEED_BASIS: return "basis";
	case PPROC_NEED_OBTAINED_DATE:
	case PPROC_FINISH_BEFORE_START: return "actual_finish";
	case PPROC_DATES_NOT_STARTED:
	case PPROC_DATE_IN_FUTURE:
	case PPROC_BAD_DATE: return "actual_start";
	default: return "status";
	}
}

static gcode check_department(struct api_req *rq, const json_t *p, int64_t dept, struct gerror *e)
{
	if (!dept)
		return G_OK;
	json_t *d = store_department_get(rq->db, dept);
	bool ok = d && !strcmp(json_string_value(json_object_get(d, "region")),
			       json_string_value(json_object_get(p, "region")));
	json_decref(d);
	return ok ? G_OK : gerr_set(e, G_ERR_INVALID, "department_id", "责任部门应为项目所在区的部门",
				    "the department must be of the project's region");
}

static gcode write(struct api_req *rq, const json_t *p, const struct proc_fields *f,
		   int64_t version, const json_t *before, json_t **after, struct gerror *e)
{
	int64_t id = json_integer_value(json_object_get(p, "id"));
	const char *region = json_string_value(json_object_get(p, "region"));
	gcode rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_proc_put(rq->db, id, region, f, version, rq->now, e);
	if (rc == G_OK)
		*after = store_proc_get(rq->db, id, f->kind);
	if (rc == G_OK)
		rc = projects_audit(rq, "procedure", "project", id, region, before, *after, e);
	return rc == G_OK ? db_commit(rq->db, e) : rc;
}

gcode h_projects_procedure_put(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	int kind;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc), *before = NULL, *after = NULL;
	if (!p)
		return rc;
	struct proc_fields f = { 0 };
	struct proj_proc_record r;
	int64_t version = 0;
	rc = kind_of(rq, &kind, e);
	if (rc == G_OK)
		rc = body_check(rq->json, proc_spec, e);
	if (rc == G_OK)
		rc = read_fields(rq, kind, &f, &r, e);
	enum proj_proc_error pe = rc == G_OK ? proj_proc_record_check(&r, projects_today(rq)) : PPROC_OK;
	if (pe != PPROC_OK)
		rc = gerr_set(e, G_ERR_INVALID, error_field(pe), proj_proc_error_zh(pe),
			      proj_proc_error_en(pe));
	if (rc == G_OK)
		rc = check_department(rq, p, f.department_id, e);
	if (rc == G_OK)
		before = store_proc_get(rq->db, json_integer_value(json_object_get(p, "id")), f.kind);
	if (rc == G_OK && before) /* an existing record is edited with the version read */
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK)
		rc = write(rq, p, &f, version, before, &after, e);
	json_decref(p);
	json_decref(before);
	if (rc != G_OK) {
		json_decref(after);
		return rc;
	}
	json_object_set_new(after, "kind_zh", json_string(proj_proc_zh((enum proj_proc)kind)));
	api_set_etag(rs, json_integer_value(json_object_get(after, "version")));
	return api_ok(rs, 200, after);
}
