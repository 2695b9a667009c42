/* Procedures (手续) and milestones of a project. */
#include <stdio.h>
#include <string.h>

#include "store/org.h"
#include "store/projects.h"
#include "store/store.h"

static const char *const proc_names[] = { "id", "kind", "form", "status", "planned_finish",
	"actual_start", "actual_finish", "department_id", "department_name", "basis", "note",
	"duration_days", "version", "updated_at", NULL };
static const char proc_types[] = "itttttt" "nt" "tt" "n" "ii";

#define PROC_COLS                                                                          \
	"SELECT x.id, x.kind, x.form, x.status, x.planned_finish, x.actual_start,"         \
	" x.actual_finish, x.department_id, d.name, x.basis, x.note, x.duration_days,"     \
	" x.version, x.updated_at FROM project_procedures x"                               \
	" LEFT JOIN departments d ON d.id = x.department_id"

json_t *store_proc_list(struct db *c, int64_t project_id)
{
	return store_rows(c, PROC_COLS " WHERE x.project_id = $1 ORDER BY x.id", proc_names,
			  proc_types, "i", project_id);
}

json_t *store_proc_get(struct db *c, int64_t project_id, const char *kind)
{
	return store_row(c, PROC_COLS " WHERE x.project_id = $1 AND x.kind = $2", proc_names,
			 proc_types, "it", project_id, kind);
}

static int64_t duration_or_null(const struct proc_fields *f)
{
	return f->duration_days;
}

gcode store_proc_put(struct db *c, int64_t project_id, const char *region,
		     const struct proc_fields *f, int64_t version, int64_t now, struct gerror *e)
{
	if (version == 0) {
		struct db_stmt *s;
		gcode rc = db_prepare_bind(
			c,
			"INSERT INTO project_procedures (region, project_id, kind, form, status,"
			" planned_finish, actual_start, actual_finish, department_id, basis, note,"
			" duration_days, created_at, updated_at)"
			" VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$13)",
			&s, e, "tittttttzttii", region, project_id, f->kind, f->form, f->status,
			f->planned_finish, f->actual_start, f->actual_finish, f->department_id,
			f->basis, f->note, duration_or_null(f), now);
		if (rc != G_OK)
			return rc;
		if (f->duration_days < 0)
			db_bind_null(s, 12);
		int r = db_step(s, e);
		db_finish(s);
		return r < 0 ? (e && e->code ? e->code : G_ERR_DB) : G_OK;
	}
	struct db_stmt *s;
	gcode rc = db_prepare_bind(
		c,
		"UPDATE project_procedures SET form = $1, status = $2, planned_finish = $3,"
		" actual_start = $4, actual_finish = $5, department_id = $6, basis = $7, note = $8,"
		" duration_days = $9, updated_at = $10, version = version + 1"
		" WHERE project_id = $11 AND kind = $12 AND version = $13",
		&s, e, "tttttzttiiiti", f->form, f->status, f->planned_finish, f->actual_start,
		f->actual_finish, f->department_id, f->basis, f->note, duration_or_null(f), now,
		project_id, f->kind, version);
	if (rc != G_OK)
		return rc;
	if (f->duration_days < 0)
		db_bind_null(s, 9);
	int r = db_step(s, e);
	int64_t n = r == DB_DONE ? db_changes(s) : 0;
	db_finish(s);
	if (r < 0)
		return e && e->code ? e->code : G_ERR_DB;
	return n == 0 ? store_stale(e) : G_OK;
}

static const char *const ms_names[] = { "id", "project_id", "name", "kind", "duration_days",
	"predecessors", "deadline", "planned_start", "planned_finish", "baseline_start",
	"baseline_finish", "actual_start", "actual_finish", "progress_bp", "critical",
	"total_float", "version", "updated_at", NULL };
static const char ms_types[] = "iitti" "j" "ttttttt" "i" "b" "n" "ii";

#define MS_COLS                                                                            \
	"SELECT id, project_id, name, kind, duration_days, predecessors, deadline,"        \
	" planned_start, planned_finish, baseline_start, baseline_finish, actual_start,"   \
	" actual_finish, progress_bp, critical, total_float, version, updated_at"          \
	" FROM project_milestones"

json_t *store_ms_list(struct db *c, int64_t project_id)
{
	return store_rows(c, MS_COLS " WHERE project_id = $1 ORDER BY id", ms_names, ms_types, "i",
			  project_id);
}

json_t *store_ms_get(struct db *c, int64_t id)
{
	return store_row(c, MS_COLS " WHERE id = $1", ms_names, ms_types, "i", id);
}

json_t *store_ms_by_projects(struct db *c, const char *lo, const char *hi, int64_t plan_year)
{
	json_t *rows = store_rows(c,
				  MS_COLS " WHERE project_id IN (SELECT id FROM projects WHERE"
					  " region BETWEEN $1 AND $2"
					  " AND (CAST($3 AS BIGINT) = 0 OR plan_year = $3))"
					  " ORDER BY project_id, id",
				  ms_names, ms_types, "tti", lo, hi, plan_year);
	return store_group_by_project(rows);
}

gcode store_ms_insert(struct db *c, int64_t project_id, const char *region,
		      const struct ms_fields *f, int64_t now, int64_t *id, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(
		c,
		"INSERT INTO project_milestones (region, project_id, name, kind, duration_days,"
		" predecessors, deadline, actual_start, actual_finish, progress_bp, created_at,"
		" updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11) RETURNING id",
		&s, e, "tittittttii", region, project_id, f->name, f->kind, f->duration_days,
		f->predecessors, f->deadline, f->actual_start, f->actual_finish, f->progress_bp, now);
	if (rc != G_OK)
		return rc;
	int r = db_step(s, e);
	if (r == DB_ROW)
		*id = db_col_i64(s, 0);
	else
		rc = e && e->code ? e->code : G_ERR_DB;
	db_finish(s);
	return rc;
}

gcode store_ms_update(struct db *c, int64_t id, int64_t version, const struct ms_fields *f,
		      int64_t now, struct gerror *e)
{
	int64_t n = 0;
	gcode rc = db_run(c,
			  "UPDATE project_milestones SET name = $1, duration_days = $2,"
			  " predecessors = $3, deadline = $4, actual_start = $5, actual_finish = $6,"
			  " progress_bp = $7, updated_at = $8, version = version + 1"
			  " WHERE id = $9 AND version = $10",
			  &n, e, "tittttiiii", f->name, f->duration_days, f->predecessors, f->deadline,
			  f->actual_start, f->actual_finish, f->progress_bp, now, id, version);
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}

gcode store_ms_set_plan(struct db *c, int64_t id, const char *start, const char *finish,
			int64_t critical, int64_t total_float, int64_t now, struct gerror *e)
{
	return db_run(c,
		      "UPDATE project_milestones SET planned_start = $1, planned_finish = $2,"
		      " critical = $3, total_float = $4, updated_at = $5, version = version + 1"
		      " WHERE id = $6",
		      NULL, e, "ttiiii", start, finish, critical, total_float, now, id);
}

gcode store_ms_save_baseline(struct db *c, int64_t project_id, int64_t now, struct gerror *e)
{
	return db_run(c,
		      "UPDATE project_milestones SET baseline_start = planned_start,"
		      " baseline_finish = planned_finish, updated_at = $1, version = version + 1"
		      " WHERE project_id = $2",
		      NULL, e, "ii", now, project_id);
}
