/* Monthly reports of a project and their photos. */
#include "store/org.h"
#include "store/projects.h"
#include "store/store.h"

static const char *const rep_names[] = { "id", "project_id", "region", "month", "invest_month",
	"invest_ytd", "progress_text", "status", "submitted_by", "submitted_at", "reviewed_by",
	"reviewed_at", "review_comment", "late", "version", "created_at", "updated_at", "ytd_note",
	NULL };
static const char rep_types[] = "iitt" "ii" "tt" "nnnn" "t" "b" "iii" "t";

#define REP_COLS                                                                           \
	"SELECT id, project_id, region, month, invest_month, invest_ytd, progress_text,"   \
	" status, submitted_by, submitted_at, reviewed_by, reviewed_at, review_comment,"   \
	" late, version, created_at, updated_at, ytd_note FROM project_reports"

json_t *store_report_list(struct db *c, int64_t project_id)
{
	return store_rows(c, REP_COLS " WHERE project_id = $1 ORDER BY month DESC", rep_names,
			  rep_types, "i", project_id);
}

json_t *store_report_get(struct db *c, int64_t id)
{
	return store_row(c, REP_COLS " WHERE id = $1", rep_names, rep_types, "i", id);
}

json_t *store_report_latest(struct db *c, int64_t project_id)
{
	return store_row(c, REP_COLS " WHERE project_id = $1 ORDER BY month DESC LIMIT 1",
			 rep_names, rep_types, "i", project_id);
}

json_t *store_report_by_month(struct db *c, int64_t project_id, const char *month)
{
	return store_row(c, REP_COLS " WHERE project_id = $1 AND month = $2", rep_names, rep_types,
			 "it", project_id, month);
}

json_t *store_report_before(struct db *c, int64_t project_id, const char *month)
{
	return store_row(c, REP_COLS " WHERE project_id = $1 AND month < $2"
				     " ORDER BY month DESC LIMIT 1",
			 rep_names, rep_types, "it", project_id, month);
}

gcode store_report_insert(struct db *c, int64_t project_id, const char *region,
			  const struct report_fields *f, int64_t now, int64_t *id, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "INSERT INTO project_reports (region, project_id, month, invest_month,"
				   " invest_ytd, progress_text, ytd_note, created_at, updated_at)"
				   " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8) RETURNING id",
				   &s, e, "titiitti", region, project_id, f->month, f->invest_month,
				   f->invest_ytd, f->progress_text ? f->progress_text : "", f->ytd_note,
				   now);
	if (rc != G_OK)
		return rc;
	int r = db_step(s, e);
	if (r == DB_ROW)
		*id = db_col_i64(s, 0);
	else
		rc = e && e->code ? e->code : G_ERR_DB;
	db_finish(s);
	if (rc == G_ERR_EXISTS)
		gerr_set(e, rc, "month", "该月份的月报已存在", "a report for this month already exists");
	return rc;
}

gcode store_report_update(struct db *c, int64_t id, int64_t version,
			  const struct report_fields *f, int64_t now, struct gerror *e)
{
	int64_t n = 0;
	gcode rc = db_run(c,
			  "UPDATE project_reports SET invest_month = $1, invest_ytd = $2,"
			  " progress_text = $3, ytd_note = $4, updated_at = $5, version = version + 1"
			  " WHERE id = $6 AND version = $7",
			  &n, e, "iittiii", f->invest_month, f->invest_ytd,
			  f->progress_text ? f->progress_text : "", f->ytd_note, now, id, version);
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}

gcode store_report_submit(struct db *c, int64_t id, int64_t version, int64_t user_id,
			  int64_t late, int64_t now, struct gerror *e)
{
	int64_t n = 0;
	gcode rc = db_run(c,
			  "UPDATE project_reports SET status = 'submitted', submitted_by = $1,"
			  " submitted_at = $2, late = $3, updated_at = $2, version = version + 1"
			  " WHERE id = $4 AND version = $5",
			  &n, e, "ziiii", user_id, now, late, id, version);
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}

gcode store_report_review(struct db *c, int64_t id, int64_t version, const char *status,
			  int64_t user_id, const char *comment, int64_t now, struct gerror *e)
{
	int64_t n = 0;
	gcode rc = db_run(c,
			  "UPDATE project_reports SET status = $1, reviewed_by = $2, reviewed_at = $3,"
			  " review_comment = $4, updated_at = $3, version = version + 1"
			  " WHERE id = $5 AND version = $6",
			  &n, e, "tzitii", status, user_id, now, comment, id, version);
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}

gcode store_photo_insert(struct db *c, int64_t project_id, int64_t report_id,
			 const char *region, const char *sha256, const char *mime, int64_t size,
			 const char *data, int64_t user_id, int64_t now, int64_t *id,
			 struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "INSERT INTO project_photos (region, project_id, report_id, sha256,"
				   " mime, size, data, created_by, created_at)"
				   " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id",
				   &s, e, "tiittitzi", region, project_id, report_id, sha256, mime,
				   size, data, user_id, now);
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

json_t *store_photo_list(struct db *c, int64_t report_id)
{
	static const char *const names[] = { "id", "sha256", "mime", "size", "created_at", NULL };
	return store_rows(c,
			  "SELECT id, sha256, mime, size, created_at FROM project_photos"
			  " WHERE report_id = $1 ORDER BY id",
			  names, "ittii", "i", report_id);
}

json_t *store_photo_get(struct db *c, int64_t id)
{
	static const char *const names[] = { "id", "project_id", "report_id", "region", "sha256",
					     "mime", "size", "data", NULL };
	return store_row(c,
			 "SELECT id, project_id, report_id, region, sha256, mime, size, data"
			 " FROM project_photos WHERE id = $1",
			 names, "iiittt" "it", "i", id);
}

json_t *store_photo_find(struct db *c, int64_t report_id, const char *sha256)
{
	static const char *const names[] = { "id", "sha256", "mime", "size", "created_at", NULL };
	return store_row(c,
			 "SELECT id, sha256, mime, size, created_at FROM project_photos"
			 " WHERE report_id = $1 AND sha256 = $2",
			 names, "ittii", "it", report_id, sha256);
}

gcode store_photo_delete(struct db *c, int64_t id, struct gerror *e)
{
	return db_run(c, "DELETE FROM project_photos WHERE id = $1", NULL, e, "i", id);
}
