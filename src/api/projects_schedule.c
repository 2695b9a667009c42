/* 倒排工期: POST .../schedule/plan {target_date, start_date?} plans every
 * milestone (the procedure template, created on first use, plus custom
 * ones) backwards from the target with the critical path; POST
 * .../schedule/baseline saves the plan; GET .../schedule compares plan,
 * baseline and actuals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/body.h"
#include "api/handlers.h"
#include "api/projects.h"
#include "domain/proj_procedure.h"
#include "domain/proj_schedule.h"
#include "store/projects.h"

#define START_KIND "start" /* the 开工 event of the template */

/* The template kind of template row i (a procedure or 开工). */
static const char *template_kind(size_t i)
{
	return i < PROC__COUNT ? proj_proc_code((enum proj_proc)i) : START_KIND;
}

static int64_t find_kind(const json_t *ms, const char *kind)
{
	size_t i;
	json_t *m;
	json_array_foreach(ms, i, m) {
		const char *k = json_string_value(json_object_get(m, "kind"));
		if (k && !strcmp(k, kind))
			return json_integer_value(json_object_get(m, "id"));
	}
	return 0;
}

/* Creates the template milestones the project lacks, with durations from
 * its procedures (their duration_days, else the defaults; 0 once obtained). */
static gcode ensure_template(struct db *c, int64_t now, int64_t pid, const char *region,
			     struct gerror *e)
{
	json_t *ms = store_ms_list(c, pid), *procs = projects_procedures_db(c, pid);
	struct proj_proc_durations d;
	enum proj_proc_status st[PROC__COUNT];
	proj_proc_default_durations(&d);
	for (int k = 0; k < PROC__COUNT; k++) {
		json_t *p = json_array_get(procs, (size_t)k);
		const char *s = json_string_value(json_object_get(p, "status"));
		int v = s ? proj_proc_status_find(s, strlen(s)) : 0;
		st[k] = v >= 0 ? (enum proj_proc_status)v : PSTATUS_NOT_STARTED;
		if (json_is_integer(json_object_get(p, "duration_days")))
			d.days[k] = (int32_t)json_integer_value(json_object_get(p, "duration_days"));
	}
	struct proj_milestone t[PROC__COUNT + 1];
	size_t n = proj_proc_template(&d, st, 0, t);
	int64_t ids[PROC__COUNT + 1] = { 0 };
	gcode rc = G_OK;
	for (size_t i = 0; i < n && rc == G_OK; i++) {
		ids[i] = find_kind(ms, template_kind(i));
		if (ids[i])
			continue;
		json_t *preds = json_array();
		for (size_t j = 0; j < t[i].n_deps; j++)
			json_array_append_new(preds, json_integer(ids[t[i].deps[j]]));
		char *text = json_dumps(preds, JSON_COMPACT);
		json_decref(preds);
		struct ms_fields f = { .name = t[i].name, .kind = template_kind(i),
				       .predecessors = text, .duration_days = t[i].duration };
		rc = store_ms_insert(c, pid, region, &f, now, &ids[i], e);
		free(text);
	}
	json_decref(ms);
	json_decref(procs);
	return rc;
}

/* The stored milestones as the scheduler's network; names borrowed from ms. */
static size_t network(const json_t *ms, struct proj_milestone *net)
{
	size_t i, n = 0;
	json_t *m;
	json_array_foreach(ms, i, m) {
		if (n >= PROJ_SCHED_MAX)
			break;
		struct proj_milestone *x = &net[n++];
		memset(x, 0, sizeof *x);
		x->id = json_integer_value(json_object_get(m, "id"));
		x->name = json_string_value(json_object_get(m, "name"));
		x->duration = (int32_t)json_integer_value(json_object_get(m, "duration_days"));
		x->deadline = projects_json_date(m, "deadline");
		size_t j;
		json_t *d;
		json_array_foreach(json_object_get(m, "predecessors"), j, d)
			if (x->n_deps < PROJ_SCHED_MAX_DEPS)
				x->deps[x->n_deps++] = json_integer_value(d);
	}
	return json_array_size(ms) > PROJ_SCHED_MAX ? PROJ_SCHED_MAX + 1 : n;
}

static gcode sched_error(const struct proj_sched_error *err, const struct proj_milestone *net,
			 size_t n, struct gerror *e)
{
	char zh[300], en[300];
	proj_sched_error_format(err, net, n, true, zh, sizeof zh);
	proj_sched_error_format(err, net, n, false, en, sizeof en);
	const char *field = err->code == PSCHED_BAD_DATE || err->code == PSCHED_OUT_OF_RANGE
				    ? "target_date" : "milestones";
	return gerr_set(e, G_ERR_INVALID, field, zh, en);
}

static gcode store_plan(struct db *c, int64_t now, const struct proj_milestone *net, size_t n,
			const struct proj_sched_result *r, struct gerror *e)
{
	gcode rc = G_OK;
	for (size_t i = 0; i < n && rc == G_OK; i++) {
		char s[PROJ_DATE_ISO_LEN + 1], f[PROJ_DATE_ISO_LEN + 1];
		projects_iso_format(r->t[i].es, s);
		projects_iso_format(r->t[i].ef, f);
		rc = store_ms_set_plan(c, net[i].id, s, f, r->t[i].critical, r->t[i].total_float,
				       now, e);
	}
	return rc;
}

static json_t *plan_json(struct api_req *rq, int64_t pid, const struct proj_sched_result *r,
			 const struct proj_milestone *net)
{
	char s[PROJ_DATE_ISO_LEN + 1], f[PROJ_DATE_ISO_LEN + 1];
	projects_iso_format(r->start, s);
	projects_iso_format(r->finish, f);
	json_t *path = json_array();
	for (size_t i = 0; i < r->n_critical; i++)
		json_array_append_new(path, json_integer(net[r->critical[i]].id));
	return json_pack("{s:s,s:s,s:b,s:i,s:o,s:o}", "start", s, "finish", f, "feasible",
			 r->feasible, "min_float", (int)r->min_float, "critical_path", path,
			 "milestones", store_ms_list(rq->db, pid));
}

static const struct field_spec plan_spec[] = {
	{ "target_date", 's', true, false, 10, "目标日期" },
	{ "start_date", 's', false, true, 10, "开始日期" },
	{ 0 },
};

gcode projects_schedule_run(struct db *c, int64_t now, int64_t pid, const char *region,
			    struct proj_sched_input *in, struct proj_milestone *net,
			    struct proj_sched_result *r, json_t **before, struct gerror *e)
{
	gcode rc = ensure_template(c, now, pid, region, e);
	json_t *ms = rc == G_OK ? store_ms_list(c, pid) : NULL;
	in->ms = net;
	in->n = ms ? network(ms, net) : 0;
	struct proj_sched_error err = { 0 };
	if (rc == G_OK && in->n > PROJ_SCHED_MAX)
		rc = gerr_set(e, G_ERR_INVALID, "milestones", "里程碑过多（最多64个）",
			      "too many milestones (at most 64)");
	if (rc == G_OK && proj_sched_plan(in, r, &err) != PSCHED_OK)
		rc = sched_error(&err, net, in->n, e);
	if (rc == G_OK)
		rc = store_plan(c, now, net, in->n, r, e);
	if (before)
		*before = ms;
	else
		json_decref(ms);
	return rc;
}

static gcode plan(struct api_req *rq, const json_t *p, struct proj_sched_input *in,
		  struct proj_milestone *net, struct proj_sched_result *r, struct gerror *e)
{
	int64_t pid = json_integer_value(json_object_get(p, "id"));
	const char *region = json_string_value(json_object_get(p, "region"));
	json_t *ms = NULL;
	gcode rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = projects_schedule_run(rq->db, rq->now, pid, region, in, net, r, &ms, e);
	json_t *after = rc == G_OK ? store_ms_list(rq->db, pid) : NULL;
	if (rc == G_OK)
		rc = projects_audit(rq, "schedule_plan", "project", pid, region, ms, after, e);
	json_decref(ms);
	json_decref(after);
	return rc == G_OK ? db_commit(rq->db, e) : rc;
}

gcode h_projects_schedule_plan(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc);
	if (!p)
		return rc;
	static __thread struct proj_milestone net[PROJ_SCHED_MAX];
	static __thread struct proj_sched_result r;
	struct proj_sched_input in = { .start = PROJ_DATE_NONE, .target = PROJ_DATE_NONE };
	const char *target = NULL, *start = NULL;
	rc = body_check(rq->json, plan_spec, e);
	if (rc == G_OK)
		rc = projects_body_date(rq->json, "target_date", "目标日期", &target, e);
	if (rc == G_OK)
		rc = projects_body_date(rq->json, "start_date", "开始日期", &start, e);
	if (rc == G_OK) {
		projects_iso_parse(target, &in.target);
		if (start)
			projects_iso_parse(start, &in.start);
		rc = plan(rq, p, &in, net, &r, e);
	}
	int64_t pid = json_integer_value(json_object_get(p, "id"));
	json_decref(p);
	return rc == G_OK ? api_ok(rs, 200, plan_json(rq, pid, &r, net)) : rc;
}

gcode h_projects_schedule_baseline(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc);
	if (!p)
		return rc;
	int64_t pid = json_integer_value(json_object_get(p, "id"));
	const char *region = json_string_value(json_object_get(p, "region"));
	json_t *ms = store_ms_list(rq->db, pid), *after = NULL;
	size_t i;
	json_t *m;
	json_array_foreach(ms, i, m)
		if (json_is_null(json_object_get(m, "planned_finish")) && rc == G_OK)
			rc = gerr_set(e, G_ERR_INVALID, "milestones", "须先倒排工期再保存基线",
				      "plan the schedule before saving a baseline");
	if (rc == G_OK && json_array_size(ms) == 0)
		rc = gerr_set(e, G_ERR_INVALID, "milestones", "没有里程碑", "there are no milestones");
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_ms_save_baseline(rq->db, pid, rq->now, e);
	if (rc == G_OK)
		after = store_ms_list(rq->db, pid);
	if (rc == G_OK)
		rc = projects_audit(rq, "schedule_baseline", "project", pid, region, ms, after, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	json_decref(p);
	json_decref(ms);
	if (rc != G_OK) {
		json_decref(after);
		return rc;
	}
	return api_ok(rs, 200, json_pack("{s:o}", "milestones", after));
}

/* One milestone's dates for tracking. */
static void track_of(const json_t *m, struct proj_ms_track *t)
{
	t->base_start = projects_json_date(m, "baseline_start");
	t->base_finish = projects_json_date(m, "baseline_finish");
	t->plan_start = projects_json_date(m, "planned_start");
	t->plan_finish = projects_json_date(m, "planned_finish");
	t->actual_start = projects_json_date(m, "actual_start");
	t->actual_finish = projects_json_date(m, "actual_finish");
	t->weight = 0;
	t->reported_bp = json_integer_value(json_object_get(m, "progress_bp"));
}

static void compare(struct api_req *rq, json_t *ms, json_t *out)
{
	static __thread struct proj_ms_track t[PROJ_SCHED_MAX];
	static __thread struct proj_ms_slip slip[PROJ_SCHED_MAX];
	size_t n = json_array_size(ms);
	if (n == 0 || n > PROJ_SCHED_MAX)
		return;
	for (size_t i = 0; i < n; i++)
		track_of(json_array_get(ms, i), &t[i]);
	struct proj_slip_summary sum;
	int32_t today = projects_today(rq);
	if (!proj_sched_compare(t, n, today, slip, &sum))
		return;
	for (size_t i = 0; i < n; i++) {
		json_t *m = json_array_get(ms, i);
		json_object_set_new(m, "overdue", json_boolean(slip[i].overdue));
		json_object_set_new(m, "finish_slip_days", json_integer(slip[i].finish_slip));
	}
	int64_t planned = 0, actual = 0;
	bool progress = proj_sched_progress(t, n, today, &planned, &actual);
	json_object_set_new(out, "summary",
			    json_pack("{s:I,s:I,s:i,s:i,s:o,s:o}", "late", (json_int_t)sum.n_late,
				      "overdue", (json_int_t)sum.n_overdue, "max_slip_days",
				      (int)sum.max_slip, "end_slip_days", (int)sum.end_slip,
				      "planned_progress_bp",
				      progress ? json_integer(planned) : json_null(),
				      "actual_progress_bp", progress ? json_integer(actual) : json_null()));
}

gcode h_projects_schedule_get(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_READ, e, &rc);
	if (!p)
		return rc;
	json_t *ms = store_ms_list(rq->db, json_integer_value(json_object_get(p, "id")));
	json_decref(p);
	if (!ms)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	json_t *path = json_array(), *m;
	size_t i;
	json_array_foreach(ms, i, m)
		if (json_is_true(json_object_get(m, "critical")))
			json_array_append_new(path, json_integer(json_integer_value(json_object_get(m, "id"))));
	json_t *out = json_pack("{s:O,s:o,s:n}", "milestones", ms, "critical_path", path, "summary");
	compare(rq, json_object_get(out, "milestones"), out);
	json_decref(ms);
	return api_ok(rs, 200, out);
}
