/* Lifecycle moves: POST /api/v1/projects/{id}/transitions {to, date, reason}
 * through proj_transition_check; dated, audited, kept in the history. */
#include <stdio.h>
#include <string.h>

#include "api/body.h"
#include "api/handlers.h"
#include "api/projects.h"
#include "domain/proj_procedure.h"
#include "domain/proj_stage.h"
#include "store/projects.h"

static const struct field_spec transition_spec[] = {
	{ "to", 's', true, false, 20, "目标阶段" },
	{ "date", 's', false, true, 10, "变更日期" },
	{ "reason", 's', false, true, 500, "原因" },
	{ 0 },
};

/* The stored procedures as the guard sees them. */
static void load_procs(struct api_req *rq, int64_t id, struct proj_state *st)
{
	json_t *procs = projects_procedures(rq, id), *p;
	size_t i;
	json_array_foreach(procs, i, p) {
		const char *s = json_string_value(json_object_get(p, "status"));
		int v = s ? proj_proc_status_find(s, strlen(s)) : -1;
		if (i < PROC__COUNT)
			st->procs[i] = v >= 0 ? (enum proj_proc_status)v : PSTATUS_NOT_STARTED;
	}
	json_decref(procs);
}

static bool date_issue(enum proj_guard_code c)
{
	return c == PGUARD_NEED_DATE || c == PGUARD_DATE_IN_FUTURE ||
	       c == PGUARD_DATE_BEFORE_STAGE || c == PGUARD_DATE_BEFORE_START;
}

/* Every refusal, joined, naming "to" (or "date" when only the date is wrong). */
static gcode refuse(const struct proj_guard_result *g, struct gerror *e)
{
	char zh[900] = "", en[1200] = "";
	size_t nz = 0, ne = 0;
	bool only_date = true;
	for (size_t i = 0; i < g->n; i++) {
		const char *sep = i ? "；" : "";
		const char *sepe = i ? "; " : "";
		only_date = only_date && date_issue(g->issues[i].code);
		int a = snprintf(zh + nz, sizeof zh - nz, "%s%s", sep,
				 proj_guard_code_zh(g->issues[i].code));
		int b = snprintf(en + ne, sizeof en - ne, "%s%s", sepe,
				 proj_guard_code_en(g->issues[i].code));
		nz += a > 0 && (size_t)a < sizeof zh - nz ? (size_t)a : 0;
		ne += b > 0 && (size_t)b < sizeof en - ne ? (size_t)b : 0;
	}
	return gerr_set(e, G_ERR_INVALID, only_date ? "date" : "to", zh, en);
}

/* The dates a move sets (forward) or clears (backward). */
static void stage_dates(const json_t *p, enum proj_stage to, bool backward, const char *date,
			struct project_stage_set *s)
{
	s->stage = proj_stage_info(to)->code;
	s->stage_date = date;
	s->actual_start = json_string_value(json_object_get(p, "actual_start"));
	s->actual_finish = json_string_value(json_object_get(p, "actual_finish"));
	s->stats_date = json_string_value(json_object_get(p, "stats_date"));
	if (backward) {
		if (!proj_stage_is_started(to))
			s->actual_start = NULL;
		if (to < PSTAGE_COMPLETED)
			s->actual_finish = NULL;
		return;
	}
	if (proj_stage_is_started(to) && !s->actual_start)
		s->actual_start = date;
	if (to >= PSTAGE_COMPLETED && !s->actual_finish)
		s->actual_finish = date;
	if (to == PSTAGE_IN_STATS && !s->stats_date)
		s->stats_date = date;
}

static gcode apply(struct api_req *rq, const json_t *p, int64_t version, enum proj_stage to,
		   bool backward, const char *date, const char *reason, json_t **after,
		   struct gerror *e)
{
	int64_t id = json_integer_value(json_object_get(p, "id"));
	const char *region = json_string_value(json_object_get(p, "region"));
	struct project_stage_set s;
	stage_dates(p, to, backward, date, &s);
	struct actor a = api_actor(rq);
	gcode rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_project_set_stage(rq->db, id, version, &s, rq->now, e);
	if (rc == G_OK)
		rc = store_project_history_add(rq->db, id, region,
					       json_string_value(json_object_get(p, "stage")), s.stage,
					       date, reason, a.id, a.name, rq->now, e);
	if (rc == G_OK)
		rc = projects_refresh_light(rq, id, e);
	if (rc == G_OK)
		*after = store_project_get(rq->db, id);
	if (rc == G_OK)
		rc = projects_audit(rq, "transition", "project", id, region, p, *after, e);
	return rc == G_OK ? db_commit(rq->db, e) : rc;
}

gcode h_projects_transition(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc), *after = NULL;
	if (!p)
		return rc;
	int64_t version = 0, id = json_integer_value(json_object_get(p, "id"));
	const char *date = NULL;
	rc = body_check(rq->json, transition_spec, e);
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK)
		rc = projects_body_date(rq->json, "date", "变更日期", &date, e);
	const char *to_s = body_str(rq->json, "to"), *cur = json_string_value(json_object_get(p, "stage"));
	int to = rc == G_OK ? proj_stage_find(to_s, strlen(to_s)) : -1;
	if (rc == G_OK && to < 0)
		rc = gerr_set(e, G_ERR_INVALID, "to", "目标阶段无效", "unknown target stage");
	struct proj_state st = { .stage = (enum proj_stage)proj_stage_find(cur, strlen(cur)),
				 .stage_date = projects_json_date(p, "stage_date"),
				 .start_date = projects_json_date(p, "actual_start"),
				 .move_date = PROJ_DATE_NONE, .today = projects_today(rq),
				 .reason = body_str(rq->json, "reason") };
	struct proj_guard_result g;
	if (rc == G_OK) {
		if (date)
			projects_iso_parse(date, &st.move_date);
		load_procs(rq, id, &st);
		if (!proj_transition_check(&st, (enum proj_stage)to, &g))
			rc = refuse(&g, e);
	}
	char today[PROJ_DATE_ISO_LEN + 1];
	projects_iso_format(st.today, today);
	if (rc == G_OK)
		rc = apply(rq, p, version, (enum proj_stage)to, g.backward, date ? date : today,
			   st.reason, &after, e);
	json_decref(p);
	if (rc != G_OK) {
		json_decref(after);
		return rc;
	}
	projects_decorate(after);
	api_set_etag(rs, json_integer_value(json_object_get(after, "version")));
	return api_ok(rs, 200, after);
}
