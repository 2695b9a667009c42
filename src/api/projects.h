/* Helpers shared by the projects handlers (projects*.c): dates, amounts,
 * the visible project of a path, its scope, the status light. */
#ifndef GUATU_API_PROJECTS_H
#define GUATU_API_PROJECTS_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "api/api.h"
#include "domain/proj_date.h"
#include "domain/proj_light.h"
#include "domain/proj_schedule.h"

/* Day of the month after a report's month by which it is due; a report
 * submitted later is flagged late. A region setting later; a constant now. */
#define PROJ_REPORT_DUE_DAY 5
/* The largest photo, in bytes of the image (the request body limit,
 * max_body, bounds it too). */
#define PROJ_PHOTO_MAX (1024 * 1024)

/* Today in China (UTC+8) as proj_date days. */
int32_t projects_today(const struct api_req *rq);
/* Strict 'YYYY-MM-DD'; false for anything else or a day that does not exist. */
bool projects_iso_parse(const char *s, int32_t *out);
/* A valid date as 'YYYY-MM-DD' in out; "" for NONE. */
void projects_iso_format(int32_t d, char out[PROJ_DATE_ISO_LEN + 1]);
/* PROJ_DATE_NONE for NULL/invalid text. */
int32_t projects_json_date(const json_t *o, const char *key);

/* Checks body[name] (absent or null: *out NULL) as an ISO date; 400 naming
 * the field. *out points into the body. */
gcode projects_body_date(const json_t *body, const char *name, const char *zh,
			 const char **out, struct gerror *e);
/* An amount in 元: a non-negative integer, or text such as "1.2亿元",
 * "5000万元" (a bare number is 元). Absent: *out untouched. */
gcode projects_body_amount(const json_t *body, const char *name, const char *zh,
			   int64_t *out, struct gerror *e);

/* An id query parameter into *out: absent 0; "me" the value me (-1, which
 * matches nothing, when me is 0); else a positive id, 400 naming key. */
gcode projects_query_id(struct api_req *rq, const char *key, int64_t me, int64_t *out,
			struct gerror *e);
struct problem_query;
/* The problems of q that are not closed (a new array). */
json_t *projects_open_problems(struct api_req *rq, const struct problem_query *q);
/* The scope of a project row. Strings are borrowed from it. */
struct obj_scope projects_scope(const json_t *project);
/* Loads the project of path parameter i and checks act on it (404 when
 * absent or hidden, 403 by role). NULL with *rc set on failure. */
json_t *projects_visible(struct api_req *rq, int i, enum action act, struct gerror *e,
			 gcode *rc);
/* Same for a project id already known (sub-resources). */
json_t *projects_visible_id(struct api_req *rq, int64_t id, enum action act, struct gerror *e,
			    gcode *rc);

/* Recomputes and stores the status light of project id from its stored
 * facts (inside the caller's transaction). */
gcode projects_refresh_light(struct api_req *rq, int64_t id, struct gerror *e);
/* The light thresholds of region into *out: its own row, else the nearest
 * enclosing region's, else the defaults. from is the region they come from
 * ("" for the defaults). Returns the stored row used (caller decrefs), or
 * NULL for the defaults. */
json_t *projects_light_rules(struct db *db, const char *region, struct proj_light_rules *out,
			     char from[7]);
/* Recomputes the lights in lo..hi not computed today (own transaction). */
gcode projects_refresh_stale(struct api_req *rq, const char *lo, const char *hi,
			     struct gerror *e);
/* The same; *n the number of lights it recomputed (0 when all were fresh). */
gcode projects_refresh_stale_n(struct api_req *rq, const char *lo, const char *hi,
			       size_t *n, struct gerror *e);
/* Adds display fields to a project row: stage_zh, category_zh, kind_zh,
 * light_zh, tags as an array, size_tags. */
void projects_decorate(json_t *p);

/* Every procedure kind in order, the stored row or the 未启动 default
 * (id null, version 0), with kind_zh. */
json_t *projects_procedures(struct api_req *rq, int64_t id);
json_t *projects_procedures_db(struct db *c, int64_t id);
/* 倒排工期 inside the caller's transaction, without audit: creates the
 * procedure template milestones the project lacks, plans every milestone
 * from in->start/in->target and stores the plan. *before (when not NULL)
 * gets the milestones as they were. Used by the route and the demo. */
gcode projects_schedule_run(struct db *c, int64_t now, int64_t pid, const char *region,
			    struct proj_sched_input *in, struct proj_milestone *net,
			    struct proj_sched_result *r, json_t **before, struct gerror *e);

/* The write transaction shared by every handler: begin, fn, audit, commit. */
gcode projects_audit(struct api_req *rq, const char *action, const char *type, int64_t id,
		     const char *region, const json_t *before, const json_t *after,
		     struct gerror *e);

#endif
