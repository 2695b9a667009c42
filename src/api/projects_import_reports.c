/* The monthly report import: each row is one project's month, created (or
 * a draft or returned report of that month completed) and submitted, under
 * the rules of the report routes (projects_report_rules.h): a reviewed
 * month is closed, a submitted one waits for review, a year-to-date below
 * last month's needs a note. */
#include <stdio.h>
#include <string.h>

#include "api/projects.h"
#include "api/projects_import_cols.h"
#include "api/projects_io_internal.h"
#include "api/projects_report_rules.h"
#include "domain/proj_cells.h"
#include "domain/proj_code.h"
#include "domain/region.h"
#include "store/projects_lookup.h"

struct rrow {
	json_t *project, *old;
	struct report_fields f;
	char code[64], name[320], month[8], progress[6200], note[1600];
	bool ytd_given;
};

static json_t *ids_for(struct pio *st, struct rrow *r, int *col)
{
	char raw[80], lo[7], hi[7];
	if (pio_text_max(st, RC_CODE, raw, sizeof raw, 40)) {
		*col = RC_CODE;
		if (!proj_code_normalize(raw, strlen(raw), r->code, sizeof r->code))
			return json_array();
		return store_project_ids_by_code(st->rq->db, r->code);
	}
	*col = RC_NAME;
	if (!pio_text_max(st, RC_NAME, r->name, sizeof r->name, 100))
		return NULL;
	pio_scope_range(st, lo, hi);
	return store_project_ids_by_name(st->rq->db, lo, hi, r->name);
}

/* The project a row names, visible and writable by the importer. */
static gcode find_project(struct pio *st, struct rrow *r, struct gerror *e)
{
	int col = RC_CODE;
	json_t *ids = ids_for(st, r, &col);
	if (!ids && col == RC_NAME) {
		pio_error(st, RC_CODE, "code", "项目代码或项目名称至少填一项",
			  "give the project code or name");
		return G_OK;
	}
	if (!ids)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	if (json_array_size(ids) == 1)
		r->project = store_project_get(
			st->rq->db, json_integer_value(json_object_get(json_array_get(ids, 0), "id")));
	bool several = json_array_size(ids) > 1;
	json_decref(ids);
	struct obj_scope s = r->project ? projects_scope(r->project) : (struct obj_scope){ 0 };
	bool ok = r->project && (st->w->cli || scope_decide(&st->rq->who, RES_PROJECT, ACT_WRITE,
							    &s) == DECIDE_ALLOW);
	if (several)
		pio_error(st, col, report_import_sheet.cols[col].key, "有多个同名项目，请填写项目代码",
			  "several projects have this name: give the code");
	else if (!ok)
		pio_error(st, col, report_import_sheet.cols[col].key,
			  "未找到该项目，或不在您可填报的范围内",
			  "no such project, or not one you report for");
	return G_OK;
}

static void read_month(struct pio *st, struct rrow *r)
{
	const struct sheet_cell *c = sheet_map_cell(&st->map, st->row, RC_MONTH);
	int32_t d;
	struct proj_ymd ymd;
	if ((c->type == SHEET_DATE || c->type == SHEET_NUMBER) && sheet_serial_to_days(c->s, &d) &&
	    proj_date_to_ymd(d, &ymd))
		snprintf(r->month, sizeof r->month, "%04d-%02d", ymd.year, ymd.month);
	else if (!proj_cell_month(c->s, c->len, r->month))
		pio_error(st, RC_MONTH, "month", "月份无效，应如 2024年3月 或 2024-03",
			  "invalid month: write 2024年3月 or 2024-03");
	struct gerror g;
	gerr_clear(&g);
	if (r->month[0] && projects_report_check_month(st->rq, r->month, &g) != G_OK)
		pio_error_from(st, RC_MONTH, &g);
	r->f.month = r->month;
}

static void read_figures(struct pio *st, struct rrow *r)
{
	if (!pio_amount(st, RC_INVEST_MONTH, "invest_month", &r->f.invest_month))
		pio_error(st, RC_INVEST_MONTH, "invest_month", "必填（没有完成投资请填0）",
			  "required (write 0 for none)");
	r->ytd_given = pio_amount(st, RC_INVEST_YTD, "invest_ytd", &r->f.invest_ytd) != 0;
	const char *p = pio_text_max(st, RC_PROGRESS, r->progress, sizeof r->progress, 2000);
	r->f.progress_text = p ? p : "";
	r->f.ytd_note = pio_text_max(st, RC_NOTE, r->note, sizeof r->note, 500);
}

/* The month's stored report: closed when reviewed, waiting when submitted. */
static void check_old(struct pio *st, struct rrow *r)
{
	int64_t pid = json_integer_value(json_object_get(r->project, "id"));
	char key[48];
	snprintf(key, sizeof key, "%lld:%s", (long long)pid, r->month);
	if (json_object_get(st->seen, key))
		pio_error(st, RC_MONTH, "month", "同一项目同一月份在本文件中重复",
			  "the same project and month repeat in this file");
	json_object_set_new(st->seen, key, json_true());
	r->old = store_report_by_month(st->rq->db, pid, r->month);
	const char *status = r->old ? json_string_value(json_object_get(r->old, "status")) : "";
	if (r->old && !*r->f.progress_text) /* a draft or returned report keeps its text */
		r->f.progress_text = json_string_value(json_object_get(r->old, "progress_text"));
	if (r->old && !r->f.ytd_note)
		r->f.ytd_note = json_string_value(json_object_get(r->old, "ytd_note"));
	struct gerror g;
	gerr_clear(&g);
	if (!strcmp(status, "reviewed")) {
		projects_report_closed(&g, r->old);
		pio_error_from(st, RC_MONTH, &g);
	} else if (!strcmp(status, "submitted")) {
		pio_error(st, RC_MONTH, "month", "该月月报已报送，审核退回后才能重新导入",
			  "that month's report is submitted: it can be imported again once returned");
	}
}

static gcode write_report(struct pio *st, struct rrow *r, struct gerror *e)
{
	struct api_req *rq = st->rq;
	int64_t pid = json_integer_value(json_object_get(r->project, "id")), rid = 0, version = 1;
	const char *region = json_string_value(json_object_get(r->project, "region"));
	gcode rc;
	if (r->old) {
		rid = json_integer_value(json_object_get(r->old, "id"));
		version = json_integer_value(json_object_get(r->old, "version"));
		rc = store_report_update(rq->db, rid, version++, &r->f, rq->now, e);
	} else {
		rc = store_report_insert(rq->db, pid, region, &r->f, rq->now, &rid, e);
	}
	if (rc == G_OK)
		rc = store_report_submit(rq->db, rid, version, rq->who.user_id,
					 projects_report_late(rq, r->month), rq->now, e);
	if (rc == G_OK)
		rc = projects_refresh_light(rq, pid, e);
	json_t *after = rc == G_OK ? store_report_get(rq->db, rid) : NULL;
	if (rc == G_OK)
		rc = projects_audit(rq, "report_import", "project", pid, region, r->old, after, e);
	json_decref(after);
	if (r->old)
		st->updated += rc == G_OK;
	else
		st->created += rc == G_OK;
	return rc;
}

static gcode import_row(struct pio *st, struct gerror *e)
{
	struct rrow r;
	memset(&r, 0, sizeof r);
	int64_t before = st->error_count;
	gcode rc = find_project(st, &r, e);
	read_month(st, &r);
	read_figures(st, &r);
	if (rc == G_OK && before == st->error_count)
		check_old(st, &r);
	struct gerror g;
	gerr_clear(&g);
	if (rc == G_OK && before == st->error_count) {
		int64_t pid = json_integer_value(json_object_get(r.project, "id"));
		rc = projects_report_check_figures(st->rq->db, pid, &r.f, r.ytd_given, &g);
		if (rc == G_ERR_INVALID)
			pio_error_from(st, strcmp(g.field, "invest_month") ? RC_INVEST_YTD
									    : RC_INVEST_MONTH, &g);
		rc = rc == G_ERR_INVALID ? G_OK : rc;
		if (rc != G_OK)
			gerr_set(e, rc, g.field, g.zh, g.en);
	}
	if (rc == G_OK && before == st->error_count)
		rc = write_report(st, &r, e);
	json_decref(r.project);
	json_decref(r.old);
	return rc;
}

gcode projects_reports_import(const struct pio_who *w, const void *data, size_t len,
			      bool dry_run, json_t **report, struct gerror *e)
{
	struct pio st = { .w = w, .schema = &report_import_sheet };
	return pio_run(&st, data, len, dry_run, import_row, report, e);
}
