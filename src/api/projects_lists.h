/* The project list's and the problems list's query strings, shared by the
 * list routes and their exports (projects_files.c). */
#ifndef GUATU_API_PROJECTS_LISTS_H
#define GUATU_API_PROJECTS_LISTS_H
#include "api/api.h"
#include "domain/proj_date.h"
#include "store/projects.h"

/* Checks the caller may read projects, reads the filters of
 * GET /api/v1/projects (stage, light, category, kind, leader_id,
 * department_id, plan_year, tag, q, sort, paging) into q within the
 * caller's scope, and refreshes stale lights. q points into pat, tagpat,
 * lo and hi. */
gcode projects_list_query(struct api_req *rq, struct project_query *q, char pat[410],
			  char tagpat[100], char lo[7], char hi[7], struct gerror *e);
/* The same for GET /api/v1/problems (status, overdue, department_id,
 * project_id, escalated_to); escalates overdue problems first. */
gcode problems_list_query(struct api_req *rq, struct problem_query *q, char lo[7], char hi[7],
			  char day[PROJ_DATE_ISO_LEN + 1], struct gerror *e);
/* The problems of q with status_zh, overdue and next_statuses. */
gcode problems_list_decorated(struct api_req *rq, struct problem_query *q, json_t **out,
			      struct gerror *e);

#endif
