/* Projects and problems in and out of Excel: POST /api/v1/projects/import,
 * POST /api/v1/projects/reports/import (ROUTE_UPLOAD), their templates,
 * GET /api/v1/projects/export and GET /api/v1/problems/export. The work is
 * in projects_import*.c and projects_export.c, shared with the CLI. */
#include <stdio.h>
#include <string.h>

#include "api/handlers.h"
#include "api/projects_io.h"
#include "api/projects_lists.h"
#include "api/sheet_files.h"

#define EXPORT_MAX_ROWS 100000

/* Attachment names: ASCII, then UTF-8 for browsers that read it. */
#define DISPO(ascii, utf8) "attachment; filename=\"" ascii "\"; filename*=UTF-8''" utf8
#define ZH_PROJECTS "%E9%87%8D%E7%82%B9%E9%A1%B9%E7%9B%AE"
#define ZH_PROBLEMS "%E9%97%AE%E9%A2%98%E6%B8%85%E5%8D%95"

/* Who may import: those who register projects (not statisticians). */
static gcode may_import(struct api_req *rq, bool reports, struct gerror *e)
{
	gcode rc = api_check(rq, RES_PROJECT, ACT_WRITE, NULL, e);
	if (rc != G_OK)
		return rc;
	if (reports && rq->who.role != ROLE_STAFF && rq->who.role != ROLE_LEADER)
		return gerr_set(e, G_ERR_FORBIDDEN, NULL, "月报由项目责任单位或包保领导填报和报送",
				"monthly reports are written by the project's department or its 包保 leader");
	if (!reports && rq->who.role == ROLE_STATISTICIAN)
		return gerr_set(e, G_ERR_FORBIDDEN, NULL, "统计员不能登记项目",
				"statisticians do not register projects");
	return G_OK;
}

typedef gcode (*import_fn)(const struct pio_who *w, const void *data, size_t len, bool dry_run,
			   json_t **report, struct gerror *e);

static gcode run_import(struct api_req *rq, struct api_resp *rs, import_fn fn, struct gerror *e)
{
	gcode rc = api_upload_present(rq, e);
	if (rc != G_OK)
		return rc;
	struct pio_who w = { rq, false };
	json_t *report = NULL;
	rc = fn(&w, rq->body, rq->body_len, api_dry_run(rq), &report, e);
	return api_import_reply(rs, rc, report, e);
}

gcode h_projects_import(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = may_import(rq, false, e);
	return rc == G_OK ? run_import(rq, rs, projects_import, e) : rc;
}

gcode h_projects_reports_import(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = may_import(rq, true, e);
	return rc == G_OK ? run_import(rq, rs, projects_reports_import, e) : rc;
}

static gcode send_template(struct api_req *rq, struct api_resp *rs, bool reports,
			   struct gerror *e)
{
	gcode rc = may_import(rq, reports, e);
	if (rc != G_OK)
		return rc;
	struct buf b;
	buf_init(&b, 0);
	rc = sheet_template(reports ? &report_import_sheet : &project_import_sheet, NULL, &b, e);
	return api_send_sheet(rs, rc, &b, SHEET_XLSX,
			 reports ? DISPO("report-template.xlsx",
					 "%E6%9C%88%E6%8A%A5%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx")
				 : DISPO("project-template.xlsx",
					 "%E9%A1%B9%E7%9B%AE%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx"));
}

gcode h_projects_import_template(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	return send_template(rq, rs, false, e);
}

gcode h_projects_reports_template(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	return send_template(rq, rs, true, e);
}

gcode h_projects_export(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct project_query q = { 0 };
	char lo[7], hi[7], pat[410], tagpat[100];
	enum sheet_format fmt;
	gcode rc = api_sheet_format(rq, &fmt, e);
	if (rc == G_OK)
		rc = projects_list_query(rq, &q, pat, tagpat, lo, hi, e);
	if (rc != G_OK)
		return rc;
	q.limit = EXPORT_MAX_ROWS; /* every match, not a page */
	q.offset = 0;
	struct buf b;
	buf_init(&b, 0);
	rc = projects_export(rq, &q, fmt, &b, e);
	return api_send_sheet(rs, rc, &b, fmt,
			 fmt == SHEET_CSV ? DISPO("projects.csv", ZH_PROJECTS ".csv")
					  : DISPO("projects.xlsx", ZH_PROJECTS ".xlsx"));
}

gcode h_problems_export(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct problem_query q = { 0 };
	char lo[7], hi[7], day[PROJ_DATE_ISO_LEN + 1];
	enum sheet_format fmt;
	gcode rc = api_sheet_format(rq, &fmt, e);
	if (rc == G_OK)
		rc = problems_list_query(rq, &q, lo, hi, day, e);
	if (rc != G_OK)
		return rc;
	q.limit = EXPORT_MAX_ROWS;
	q.offset = 0;
	struct buf b;
	buf_init(&b, 0);
	rc = problems_export(rq, &q, fmt, &b, e);
	return api_send_sheet(rs, rc, &b, fmt,
			 fmt == SHEET_CSV ? DISPO("problems.csv", ZH_PROBLEMS ".csv")
					  : DISPO("problems.xlsx", ZH_PROBLEMS ".xlsx"));
}
