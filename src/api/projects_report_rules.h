/* The rules of monthly reports shared by the report routes
 * (projects_reports.c) and the report import (projects_import_reports.c):
 * the month, the closed (reviewed) month, lateness and the figures. */
#ifndef GUATU_API_PROJECTS_REPORT_RULES_H
#define GUATU_API_PROJECTS_REPORT_RULES_H
#include <jansson.h>
#include <stdbool.h>

#include "api/api.h"
#include "store/projects.h"

/* 'YYYY-MM' with a real month (years 1900..2199). */
bool projects_month_parse(const char *s, int *y, int *m);
/* 400 naming "month" unless month is 'YYYY-MM' and not in the future. */
gcode projects_report_check_month(struct api_req *rq, const char *month, struct gerror *e);
/* The refusal of a reviewed (closed) month, naming r's month. */
gcode projects_report_closed(struct gerror *e, const json_t *r);
/* Late when submitted after PROJ_REPORT_DUE_DAY of the following month. */
bool projects_report_late(struct api_req *rq, const char *month);
/* Checks f's figures against the project's previous report: invest_month
 * not above invest_ytd, and invest_ytd below the previous month's of the
 * same year only with a ytd_note. When ytd_given is false, invest_ytd is
 * set to the previous month's (same year) plus invest_month first. */
gcode projects_report_check_figures(struct db *c, int64_t pid, struct report_fields *f,
				    bool ytd_given, struct gerror *e);

#endif
