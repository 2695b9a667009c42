/* Problems 问题清单: raised on a project, assigned to a department with a
 * deadline, 交办 → 办理 → 反馈 → 销号; escalation of overdue ones. */
#include "store/org.h"
#include "store/projects.h"
#include "store/store.h"

static const char *const pb_names[] = { "id", "project_id", "project_name", "region", "title",
	"detail", "department_id", "department_name", "deadline", "status", "feedback",
	"escalated", "leader_id", "leader_name", "raised_by", "closed_by", "closed_at", "version",
	"created_at", "updated_at", NULL };
static const char pb_types[] = "iitttt" "nt" "ttt" "b" "nt" "nnn" "iii";

#define PB_COLS                                                                            \
	"SELECT x.id, x.project_id, p.name, x.region, x.title, x.detail, x.department_id,"  \
	" d.name, x.deadline, x.status, x.feedback, x.escalated, p.leader_id,"             \
	" u.display_name, x.raised_by, x.closed_by, x.closed_at, x.version, x.created_at,"  \
	" x.updated_at FROM project_problems x JOIN projects p ON p.id = x.project_id"     \
	" LEFT JOIN departments d ON d.id = x.department_id"                               \
	" LEFT JOIN users u ON u.id = p.leader_id"

#define PB_FILTER                                                                          \
	" x.region BETWEEN $1 AND $2"                                                      \
	" AND (CAST($3 AS BIGINT) = 0 OR x.project_id = $3)"                               \
	" AND (CAST($4 AS TEXT) IS NULL OR x.status = $4)"                                 \
	" AND (CAST($5 AS TEXT) IS NULL OR (x.status <> 'closed' AND x.deadline < $5))"    \
	" AND (CAST($6 AS BIGINT) = 0 OR x.department_id = $6)"                            \
	" AND (CAST($7 AS BIGINT) = 0 OR p.leader_id = $7)"                                \
	" AND (CAST($8 AS BIGINT) = 0 OR x.escalated = 1)"                                 \
	" AND (CAST($9 AS BIGINT) = 0 OR p.department_id = $9 OR x.department_id = $9)"    \
	" AND (CAST($10 AS BIGINT) = 0 OR p.builder_id = $10)"

static void bind_filter(struct db_stmt *s, const struct problem_query *q)
{
	db_bind_text(s, 1, q->lo);
	db_bind_text(s, 2, q->hi);
	db_bind_i64(s, 3, q->project_id);
	db_bind_opt_text(s, 4, q->status);
	db_bind_opt_text(s, 5, q->overdue_today);
	db_bind_i64(s, 6, q->department_id);
	db_bind_i64(s, 7, q->leader_id);
	db_bind_i64(s, 8, q->escalated);
	db_bind_i64(s, 9, q->staff_department);
	db_bind_i64(s, 10, q->builder_id);
}

gcode store_problem_list(struct db *c, const struct problem_query *q, json_t **out,
			 struct gerror *e)
{
	static const char count_sql[] = "SELECT COUNT(*) FROM project_problems x"
					" JOIN projects p ON p.id = x.project_id WHERE" PB_FILTER;
	static const char list_sql[] = PB_COLS " WHERE" PB_FILTER
				       " ORDER BY x.deadline, x.id LIMIT $11 OFFSET $12";
	struct db_stmt *s;
	gcode rc = db_prepare(c, count_sql, &s, e);
	if (rc != G_OK)
		return rc;
	bind_filter(s, q);
	int r = db_step(s, e);
	int64_t total = r == DB_ROW ? db_col_i64(s, 0) : 0;
	db_finish(s);
	if (r < 0)
		return e && e->code ? e->code : G_ERR_DB;
	rc = db_prepare(c, list_sql, &s, e);
	if (rc != G_OK)
		return rc;
	bind_filter(s, q);
	db_bind_i64(s, 11, q->limit);
	db_bind_i64(s, 12, q->offset);
	json_t *items = json_array();
	while ((r = db_step(s, e)) == DB_ROW)
		json_array_append_new(items, db_row_json(s, pb_names, pb_types));
	db_finish(s);
	if (r < 0) {
		json_decref(items);
		return e && e->code ? e->code : G_ERR_DB;
	}
	*out = json_pack("{s:o,s:I}", "items", items, "total", (json_int_t)total);
	return G_OK;
}

json_t *store_problem_of_project(struct db *c, const char *lo, const char *hi,
				 int64_t project_id, int64_t limit)
{
	/* The project filter as a plain condition, so the project index is used. */
	return store_rows(c,
			  PB_COLS " WHERE x.project_id = $1 AND x.region BETWEEN $2 AND $3"
				  " ORDER BY x.deadline, x.id LIMIT $4",
			  pb_names, pb_types, "itti", project_id, lo, hi, limit);
}

json_t *store_problem_get(struct db *c, int64_t id)
{
	return store_row(c, PB_COLS " WHERE x.id = $1", pb_names, pb_types, "i", id);
}

gcode store_problem_insert(struct db *c, int64_t project_id, const char *region,
			   const struct problem_fields *f, int64_t user_id, int64_t now,
			   int64_t *id, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "INSERT INTO project_problems (region, project_id, title, detail,"
				   " department_id, deadline, raised_by, created_at, updated_at)"
				   " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8) RETURNING id",
				   &s, e, "titt" "ztzi", region, project_id, f->title,
				   f->detail ? f->detail : "", f->department_id, f->deadline, user_id,
				   now);
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

gcode store_problem_update(struct db *c, int64_t id, int64_t version,
			   const struct problem_fields *f, int64_t closed_by, int64_t now,
			   struct gerror *e)
{
	int64_t n = 0;
	/* A new deadline in the future (or reopening) ends the escalation. */
	gcode rc = db_run(c,
			  "UPDATE project_problems SET title = $1, detail = $2, department_id = $3,"
			  " deadline = $4, status = $5, feedback = $6, closed_by = $7,"
			  " closed_at = CASE WHEN CAST($7 AS BIGINT) IS NULL THEN NULL ELSE CAST($8 AS BIGINT) END,"
			  " updated_at = $8, version = version + 1 WHERE id = $9 AND version = $10",
			  &n, e, "ttzttt" "ziii", f->title, f->detail ? f->detail : "",
			  f->department_id, f->deadline, f->status, f->feedback, closed_by, now, id,
			  version);
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}

gcode store_problem_escalate(struct db *c, const char *lo, const char *hi, const char *today,
			     int64_t now, json_t *ids, struct gerror *e)
{
	static const char *const names[] = { "id", "region", NULL };
	json_t *rows = store_rows(c,
				  "SELECT id, region FROM project_problems WHERE region BETWEEN $1 AND $2"
				  " AND status <> 'closed' AND escalated = 0 AND deadline < $3"
				  " ORDER BY id",
				  names, "it", "ttt", lo, hi, today);
	if (!rows)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	gcode rc = G_OK;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		int64_t id = json_integer_value(json_object_get(r, "id"));
		rc = db_run(c, "UPDATE project_problems SET escalated = 1, updated_at = $1 WHERE id = $2",
			    NULL, e, "ii", now, id);
		if (rc != G_OK)
			break;
		if (ids)
			json_array_append(ids, r);
	}
	json_decref(rows);
	return rc;
}

gcode store_problem_set_escalated(struct db *c, int64_t id, int64_t escalated, struct gerror *e)
{
	return db_run(c, "UPDATE project_problems SET escalated = $1 WHERE id = $2", NULL, e, "ii",
		      escalated, id);
}
