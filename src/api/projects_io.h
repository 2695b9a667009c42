/* Major projects in and out of spreadsheets: the project registry import,
 * the monthly report import (both all-or-nothing, with a dry run and
 * row-by-row errors naming row and column), their templates, and the
 * exports of the project list and the problems list. Shared by the API
 * (projects_files.c) and the CLI (cmd_proj_sheets.c), so both validate
 * alike: rows go through the same checks as POST /api/v1/projects and the
 * report routes. */
#ifndef GUATU_API_PROJECTS_IO_H
#define GUATU_API_PROJECTS_IO_H
#include <jansson.h>
#include <stdbool.h>

#include "api/api.h"
#include "base/buf.h"
#include "io/sheet.h"
#include "store/projects.h"

extern const struct sheet_schema project_import_sheet;
extern const struct sheet_schema report_import_sheet;

/* Who imports: rq carries the database, the clock and the principal. cli
 * marks the operator at the command line: any region, no role rule, the
 * actor "cli". */
struct pio_who {
	struct api_req *rq;
	bool cli;
};

/* Imports every row of data[0..len) or none, in one transaction with one
 * audit record per project created or updated. A row whose 项目代码 is
 * registered updates that project's registry fields from its non-empty
 * cells (the stage is not moved: that is a transition). *report (caller
 * frees, may be set on failure) has rows, created, updated, errors [{row,
 * column, field, message_zh, message_en}] (first 200), error_count and
 * warnings. G_ERR_INVALID when any row is wrong (nothing written), or the
 * file's own error (wrong template, unreadable) when it cannot be read. */
gcode projects_import(const struct pio_who *w, const void *data, size_t len, bool dry_run,
		      json_t **report, struct gerror *e);
/* The same for monthly reports: each row creates (or completes a draft or
 * returned report of) the month and submits it, under the report routes'
 * rules. */
gcode projects_reports_import(const struct pio_who *w, const void *data, size_t len,
			      bool dry_run, json_t **report, struct gerror *e);

/* The projects of q (limit rows at most) as XLSX or CSV into out. */
gcode projects_export(struct api_req *rq, struct project_query *q, enum sheet_format fmt,
		      struct buf *out, struct gerror *e);
/* The problems of q as XLSX or CSV into out. */
gcode problems_export(struct api_req *rq, struct problem_query *q, enum sheet_format fmt,
		      struct buf *out, struct gerror *e);

#endif
