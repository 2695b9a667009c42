/* GET /api/v1/projects/ledgers?leader=ID|me or ?department=ID|me: the three
 * ledgers of a 包保 leader or a responsible department on one page —
 * 时间账 (planned against actual start and finish, days late), 任务账 (the
 * annual investment task against the year to date) and 责任账 (who answers
 * for each project: light, reasons, open and overdue problems). */
#include <stdio.h>
#include <string.h>

#include "api/handlers.h"
#include "api/projects.h"
#include "api/projects_facts.h"
#include "api/projects_sheets.h"
#include "domain/proj_ratio.h"
#include "store/projects.h"

static gcode read_target(struct api_req *rq, int64_t *leader, int64_t *dept, struct gerror *e)
{
	gcode rc = projects_query_id(rq, "leader", rq->who.user_id, leader, e);
	if (rc == G_OK)
		rc = projects_query_id(rq, "department", rq->who.department_id, dept, e);
	if (rc == G_OK && (*leader != 0) == (*dept != 0))
		rc = gerr_set(e, G_ERR_INVALID, "leader", "请指定一位包保领导（leader）或一个责任单位（department）",
			      "give exactly one of leader and department");
	return rc;
}

/* Days from a to b when b is later, else 0. */
static int64_t late_days(int32_t planned, int32_t actual, int32_t asof)
{
	if (planned == PROJ_DATE_NONE)
		return 0;
	int32_t at = actual != PROJ_DATE_NONE ? actual : asof;
	return at > planned ? at - planned : 0;
}

static json_t *time_row(const json_t *r, int32_t asof)
{
	int32_t ps = projects_json_date(r, "planned_start"), as = projects_json_date(r, "actual_start");
	int32_t pf = projects_json_date(r, "planned_finish"), af = projects_json_date(r, "actual_finish");
	return json_pack("{s:O,s:O,s:O,s:O,s:O,s:O,s:O,s:O,s:I,s:I}", "id",
			 json_object_get(r, "id"), "name", json_object_get(r, "name"), "stage",
			 json_object_get(r, "stage"), "light", json_object_get(r, "light"),
			 "planned_start", json_object_get(r, "planned_start"), "actual_start",
			 json_object_get(r, "actual_start"), "planned_finish",
			 json_object_get(r, "planned_finish"), "actual_finish",
			 json_object_get(r, "actual_finish"), "start_late_days",
			 (json_int_t)late_days(ps, as, asof), "finish_late_days",
			 (json_int_t)late_days(pf, af, asof));
}

static json_t *task_row(const json_t *r, const struct proj_fact *f)
{
	int64_t bp = 0;
	proj_ratio_bp(f->ytd_done_yuan, f->annual_plan_yuan, &bp);
	return json_pack("{s:O,s:O,s:I,s:I,s:I,s:b}", "id", json_object_get(r, "id"), "name",
			 json_object_get(r, "name"), "annual_plan", (json_int_t)f->annual_plan_yuan,
			 "invest_ytd", (json_int_t)f->ytd_done_yuan, "bp", (json_int_t)bp,
			 "has_plan", f->annual_plan_yuan > 0);
}

static void count_problems(const json_t *problems, int64_t id, const char *today,
			   int64_t *open, int64_t *overdue)
{
	size_t i;
	json_t *x;
	*open = *overdue = 0;
	json_array_foreach(problems, i, x) {
		if (json_integer_value(json_object_get(x, "project_id")) != id)
			continue;
		const char *dl = json_string_value(json_object_get(x, "deadline"));
		(*open)++;
		*overdue += dl && strcmp(dl, today) < 0;
	}
}

static json_t *duty_row(const json_t *r, const json_t *problems, const char *today)
{
	int64_t open, overdue;
	count_problems(problems, json_integer_value(json_object_get(r, "id")), today, &open, &overdue);
	return json_pack("{s:O,s:O,s:O,s:O,s:O,s:O,s:O,s:O,s:I,s:I}", "id",
			 json_object_get(r, "id"), "name", json_object_get(r, "name"), "leader_id",
			 json_object_get(r, "leader_id"), "leader_name",
			 json_object_get(r, "leader_name"), "department_id",
			 json_object_get(r, "department_id"), "department_name",
			 json_object_get(r, "department_name"), "light", json_object_get(r, "light"),
			 "light_reasons", json_object_get(r, "light_reasons"), "open_problems",
			 (json_int_t)open, "overdue_problems", (json_int_t)overdue);
}

/* Open problems of the ledger's projects (those in s, so the caller's
 * scope holds), at most 1000. */
static json_t *open_problems(struct api_req *rq, const struct facts_set *s, int64_t leader,
			     int64_t dept)
{
	struct problem_query q = { .lo = s->lo, .hi = s->hi, .leader_id = leader,
				   .staff_department = dept, .limit = 1000 };
	json_t *all = projects_open_problems(rq, &q), *mine = json_array(), *p;
	size_t i;
	json_array_foreach(all, i, p)
		if (facts_row(s, json_integer_value(json_object_get(p, "project_id"))))
			json_array_append(mine, p);
	json_decref(all);
	return mine;
}

static json_t *who_json(const struct facts_set *s, int64_t leader, int64_t dept)
{
	const char *name = NULL;
	for (size_t i = 0; i < s->n && !name; i++)
		name = json_string_value(json_object_get(json_array_get(s->rows, i),
							 leader ? "leader_name" : "department_name"));
	return json_pack("{s:s,s:I,s:s?}", "kind", leader ? "leader" : "department", "id",
			 (json_int_t)(leader ? leader : dept), "name", name);
}

static json_t *ledgers_json(struct api_req *rq, const struct facts_set *s, int64_t leader,
			    int64_t dept)
{
	char today[PROJ_DATE_ISO_LEN + 1], asof[PROJ_DATE_ISO_LEN + 1];
	projects_iso_format(s->today, today);
	projects_iso_format(s->asof, asof);
	json_t *problems = open_problems(rq, s, leader, dept);
	json_t *time = json_array(), *task = json_array(), *duty = json_array();
	int64_t plan = 0, ytd = 0, bp = 0;
	for (size_t i = 0; i < s->n; i++) {
		const json_t *r = json_array_get(s->rows, i);
		json_array_append_new(time, time_row(r, s->asof));
		json_array_append_new(task, task_row(r, &s->f[i]));
		json_array_append_new(duty, duty_row(r, problems, today));
		plan += s->f[i].annual_plan_yuan;
		ytd += s->f[i].ytd_done_yuan;
	}
	proj_ratio_bp(ytd, plan, &bp);
	json_t *out = json_pack("{s:o,s:i,s:s,s:o,s:{s:I,s:I,s:I,s:o},s:o,s:o}", "for",
				who_json(s, leader, dept), "year", s->year, "as_of", asof, "time",
				time, "task", "annual_plan", (json_int_t)plan, "invest_ytd",
				(json_int_t)ytd, "bp", (json_int_t)bp, "items", task, "duty", duty,
				"problems", problems);
	return out;
}

gcode h_projects_ledgers(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct facts_set s = { 0 };
	int64_t leader = 0, dept = 0;
	bool xlsx;
	gcode rc = api_check(rq, RES_PROJECT, ACT_READ, NULL, e);
	if (rc == G_OK)
		rc = read_target(rq, &leader, &dept, e);
	if (rc == G_OK)
		rc = facts_want_xlsx(rq, &xlsx, e);
	if (rc == G_OK)
		rc = facts_load(rq, leader, dept, &s, e);
	if (rc != G_OK)
		return rc;
	json_t *out = ledgers_json(rq, &s, leader, dept);
	facts_free(&s);
	if (!xlsx)
		return api_ok(rs, 200, out);
	struct buf b;
	buf_init(&b, 0);
	rc = sheets_ledgers(out, &b, e);
	json_decref(out);
	if (rc == G_OK)
		facts_attach_xlsx(rs, &b, "attachment; filename=\"ledgers.xlsx\"; filename*=UTF-8''"
					  "%E4%B8%89%E6%9C%AC%E8%B4%A6.xlsx");
	buf_free(&b);
	return rc;
}
