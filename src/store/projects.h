/* The major-projects repository (项目建设): projects, 专班 members, stage
 * history, procedures, milestones, monthly reports and photos, problems,
 * and the facts the rates, ledgers and battle map are computed from.
 * Dates are ISO 'YYYY-MM-DD' text, money int64 元. No business rule lives
 * here: handlers validate with domain/proj_*.h first. Every function that
 * returns json_t gives the caller a new reference (NULL when absent). */
#ifndef GUATU_STORE_PROJECTS_H
#define GUATU_STORE_PROJECTS_H
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>

#include "domain/proj_light.h"
#include "domain/proj_rates.h"
#include "store/db.h"

/* The editable registry fields; text may be NULL (stored NULL). */
struct project_fields {
	const char *region, *code, *name, *category, *industry, *kind, *location;
	const char *planned_start, *planned_finish, *stats_date;
	const char *tags; /* ",tag1,tag2," or "" */
	/* Insert only (afterwards stages move by transitions). */
	const char *stage, *stage_date, *actual_start, *actual_finish;
	int64_t total_investment, annual_plan, plan_year;
	int64_t builder_id, leader_id, department_id; /* 0: none */
	int64_t special_bond;
};

enum project_sort { PSORT_ID, PSORT_NAME, PSORT_TOTAL, PSORT_STAGE, PSORT_LIGHT, PSORT_UPDATED,
		    PSORT__COUNT };

struct project_query {
	const char *lo, *hi;     /* caller's region range */
	const char *pattern;     /* LIKE pattern on name or code, or NULL */
	const char *stage, *light, *category, *kind; /* exact codes or NULL */
	const char *tag_pattern; /* LIKE pattern on the free tags, or NULL */
	int64_t leader_id, department_id, builder_id, plan_year; /* 0: any; -1: none match */
	int64_t min_total;       /* size tags: total_investment >= this; 0 any */
	int64_t special_bond;    /* 1: only 专项债; 0 any */
	enum project_sort sort;
	int desc;
	int64_t limit, offset;
};

/* {items,total}. */
gcode store_project_list(struct db *c, const struct project_query *q, json_t **out,
			 struct gerror *e);
json_t *store_project_get(struct db *c, int64_t id);
gcode store_project_insert(struct db *c, const struct project_fields *f, int64_t now,
			   int64_t *id, struct gerror *e);
/* 412 (G_ERR_STALE) when version is not the stored one; 409 for a taken code. */
gcode store_project_update(struct db *c, int64_t id, int64_t version,
			   const struct project_fields *f, int64_t now, struct gerror *e);

struct project_stage_set {
	const char *stage, *stage_date, *actual_start, *actual_finish, *stats_date;
};
gcode store_project_set_stage(struct db *c, int64_t id, int64_t version,
			      const struct project_stage_set *s, int64_t now, struct gerror *e);
/* The derived status light; does not change version (not a user edit). */
gcode store_project_set_light(struct db *c, int64_t id, const char *light,
			      const char *reasons_json, const char *light_date, struct gerror *e);
/* Ids and region of projects in lo..hi whose light_date is not today. */
gcode store_project_stale_lights(struct db *c, const char *lo, const char *hi,
				 const char *today, json_t **ids, struct gerror *e);
/* Bumps version and updated_at (a sub-record changed). */
gcode store_project_touch(struct db *c, int64_t id, int64_t now, struct gerror *e);

gcode store_project_history_add(struct db *c, int64_t project_id, const char *region,
				const char *from, const char *to, const char *date,
				const char *reason, int64_t actor_id, const char *actor,
				int64_t now, struct gerror *e);
/* Newest first, at most limit. */
json_t *store_project_history(struct db *c, int64_t project_id, int64_t limit);

/* Replaces the 专班: members is an array of {user_id?, name, duty?}. */
gcode store_project_members_set(struct db *c, int64_t project_id, const char *region,
				const json_t *members, int64_t now, struct gerror *e);
json_t *store_project_members(struct db *c, int64_t project_id);

/* Procedures (手续). */
struct proc_fields {
	const char *kind, *form, *status, *planned_finish, *actual_start, *actual_finish;
	const char *basis, *note;
	int64_t department_id; /* 0: none */
	int64_t duration_days; /* -1: the default */
};
json_t *store_proc_list(struct db *c, int64_t project_id);
json_t *store_proc_get(struct db *c, int64_t project_id, const char *kind);
/* Inserts when version is 0, else updates that version (412 when stale). */
gcode store_proc_put(struct db *c, int64_t project_id, const char *region,
		     const struct proc_fields *f, int64_t version, int64_t now, struct gerror *e);

/* Milestones. predecessors is a JSON array text of milestone ids. */
struct ms_fields {
	const char *name, *kind, *predecessors, *deadline;
	const char *actual_start, *actual_finish;
	int64_t duration_days, progress_bp;
};
json_t *store_ms_list(struct db *c, int64_t project_id);
json_t *store_ms_get(struct db *c, int64_t id);
gcode store_ms_insert(struct db *c, int64_t project_id, const char *region,
		      const struct ms_fields *f, int64_t now, int64_t *id, struct gerror *e);
gcode store_ms_update(struct db *c, int64_t id, int64_t version, const struct ms_fields *f,
		      int64_t now, struct gerror *e);
gcode store_ms_set_plan(struct db *c, int64_t id, const char *start, const char *finish,
			int64_t critical, int64_t total_float, int64_t now, struct gerror *e);
/* Copies every milestone's plan into its baseline. */
gcode store_ms_save_baseline(struct db *c, int64_t project_id, int64_t now, struct gerror *e);

/* Monthly reports. */
struct report_fields {
	const char *month, *progress_text;
	int64_t invest_month, invest_ytd;
	const char *ytd_note; /* why invest_ytd is below last month's; NULL none */
};
json_t *store_report_list(struct db *c, int64_t project_id);
json_t *store_report_get(struct db *c, int64_t id);
json_t *store_report_latest(struct db *c, int64_t project_id);
/* The report of month 'YYYY-MM', and the latest one before it. */
json_t *store_report_by_month(struct db *c, int64_t project_id, const char *month);
json_t *store_report_before(struct db *c, int64_t project_id, const char *month);
gcode store_report_insert(struct db *c, int64_t project_id, const char *region,
			  const struct report_fields *f, int64_t now, int64_t *id, struct gerror *e);
gcode store_report_update(struct db *c, int64_t id, int64_t version,
			  const struct report_fields *f, int64_t now, struct gerror *e);
gcode store_report_submit(struct db *c, int64_t id, int64_t version, int64_t user_id,
			  int64_t late, int64_t now, struct gerror *e);
gcode store_report_review(struct db *c, int64_t id, int64_t version, const char *status,
			  int64_t user_id, const char *comment, int64_t now, struct gerror *e);

/* Photos: data is base64 text of the image bytes. */
gcode store_photo_insert(struct db *c, int64_t project_id, int64_t report_id,
			 const char *region, const char *sha256, const char *mime, int64_t size,
			 const char *data, int64_t user_id, int64_t now, int64_t *id,
			 struct gerror *e);
/* Metadata without the data. */
json_t *store_photo_list(struct db *c, int64_t report_id);
/* {id, project_id, report_id, region, sha256, mime, size, data}. */
json_t *store_photo_get(struct db *c, int64_t id);
/* The photo of a report with this content hash (metadata), or NULL. */
json_t *store_photo_find(struct db *c, int64_t report_id, const char *sha256);
gcode store_photo_delete(struct db *c, int64_t id, struct gerror *e);

/* Problems 问题清单. */
struct problem_fields {
	const char *title, *detail, *deadline, *status, *feedback;
	int64_t department_id;
};
struct problem_query {
	const char *lo, *hi;
	int64_t project_id;        /* 0: all */
	const char *status;        /* NULL: any */
	const char *overdue_today; /* non-NULL: open and deadline before it */
	int64_t department_id;     /* 0: any */
	int64_t leader_id;         /* the project's 包保 leader; 0 any */
	int64_t escalated;         /* 1: only escalated */
	int64_t staff_department;  /* staff: the project's or the problem's department */
	int64_t builder_id;        /* enterprise contacts; 0 any */
	int64_t limit, offset;
};
gcode store_problem_list(struct db *c, const struct problem_query *q, json_t **out,
			 struct gerror *e);
/* The first limit problems of project_id in lo..hi (any status), by deadline
 * and id, as store_problem_list would list them with only those filters. */
json_t *store_problem_of_project(struct db *c, const char *lo, const char *hi,
				 int64_t project_id, int64_t limit);
json_t *store_problem_get(struct db *c, int64_t id);
gcode store_problem_insert(struct db *c, int64_t project_id, const char *region,
			   const struct problem_fields *f, int64_t user_id, int64_t now,
			   int64_t *id, struct gerror *e);
gcode store_problem_update(struct db *c, int64_t id, int64_t version,
			   const struct problem_fields *f, int64_t closed_by, int64_t now,
			   struct gerror *e);
/* Sets or clears the escalated flag (derived; not a user edit, no version). */
gcode store_problem_set_escalated(struct db *c, int64_t id, int64_t escalated, struct gerror *e);
/* Marks open problems whose deadline is before today escalated; *n the
 * number newly escalated (their ids go to ids when non-NULL). */
gcode store_problem_escalate(struct db *c, const char *lo, const char *hi, const char *today,
			     int64_t now, json_t *ids, struct gerror *e);

/* Facts of the projects in lo..hi (optionally of one plan year, leader,
 * department, builder): one object per project with the registry dates,
 * plan, ytd (the latest submitted report of its plan year) and, for 续建,
 * resumed (this year's move to 在建). */
struct facts_query {
	const char *lo, *hi;
	int64_t plan_year, leader_id, department_id, builder_id; /* 0: any */
};
gcode store_project_facts(struct db *c, const struct facts_query *q, json_t **out,
			  struct gerror *e);
/* A project as summaries over thousands need it: its rate facts (ytd and,
 * for 续建, started = this year's resumption, as above) and status light. */
struct proj_rate_item {
	struct proj_fact f;
	enum proj_light light;
};
/* The projects of store_project_facts as rate items, in id order, read
 * without JSON; *out is malloc'd (free it), NULL when *n is 0. */
gcode store_project_rate_facts(struct db *c, const struct facts_query *q,
			       struct proj_rate_item **out, size_t *n, struct gerror *e);
/* Of the same projects, the red ones then the yellow, each in id order, at
 * most limit: {id, name, light, stage, leader_name, department_name,
 * reasons}; NULL on a database error. */
json_t *store_project_lagging(struct db *c, const struct facts_query *q, int64_t limit);
/* Rows carrying project_id as {"<project_id>": [rows]}; takes rows (NULL
 * gives NULL). */
json_t *store_group_by_project(json_t *rows);
/* Milestones of many projects: {project_id: [milestones]} for the ids. */
json_t *store_ms_by_projects(struct db *c, const char *lo, const char *hi, int64_t plan_year);
/* The procedures with an actual finish of the projects in lo..hi (of one
 * plan year, 0 any): {project_id: [{project_id, kind, status,
 * actual_finish}]}. */
json_t *store_proc_done_by_projects(struct db *c, const char *lo, const char *hi,
				    int64_t plan_year);

/* Shared by the projects_*.c files: prepares sql, binds by fmt as
 * db_prepare_bind, and collects every row with db_row_json. NULL on error. */
json_t *store_rows(struct db *c, const char *sql, const char *const *names, const char *types,
		   const char *fmt, ...);
json_t *store_rows_va(struct db *c, const char *sql, const char *const *names,
		      const char *types, const char *fmt, va_list ap);
/* The first row of store_rows, or NULL. */
json_t *store_row(struct db *c, const char *sql, const char *const *names, const char *types,
		  const char *fmt, ...);

#endif
