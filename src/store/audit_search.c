/* Search of the audit log for the audit administrator's viewer. One static
 * statement with optional filters, so it is prepared once per connection. */
#include <stdio.h>
#include <string.h>

#include "store/audit.h"
#include "store/store.h"

#define WHERE \
	" WHERE ((region BETWEEN $1 AND $2) OR (region IS NULL AND CAST($3 AS BIGINT) = 1))" \
	" AND (CAST($4 AS TEXT) IS NULL OR actor = $4)" \
	" AND (CAST($5 AS TEXT) IS NULL OR action = $5)" \
	" AND (CAST($6 AS TEXT) IS NULL OR object_type = $6)" \
	" AND (CAST($7 AS BIGINT) = 0 OR ts >= $7)" \
	" AND (CAST($8 AS BIGINT) = 0 OR ts < $8)" \
	" AND (CAST($9 AS TEXT) IS NULL OR object_id = $9 OR actor LIKE $10 ESCAPE '\\' OR" \
	"      before_json LIKE $10 ESCAPE '\\' OR after_json LIKE $10 ESCAPE '\\')"

static const char list_sql[] =
	"SELECT id, ts, actor_id, actor, ip, action, object_type, object_id, region,"
	" before_json, after_json, prev_hash, hash FROM audit_log" WHERE
	" ORDER BY id DESC LIMIT $11 OFFSET $12";
static const char count_sql[] = "SELECT COUNT(*) FROM audit_log" WHERE;

static void bind_filters(struct db_stmt *s, const struct audit_query *q, const char *like)
{
	size_t n = strlen(q->lo);
	bool wide = n == 6 && !strcmp(q->lo + 4, "00"); /* city or province scope */
	db_bind_text(s, 1, q->lo);
	db_bind_text(s, 2, q->hi);
	db_bind_i64(s, 3, wide ? 1 : 0);
	db_bind_opt_text(s, 4, q->actor);
	db_bind_opt_text(s, 5, q->action);
	db_bind_opt_text(s, 6, q->object_type);
	db_bind_i64(s, 7, q->from);
	db_bind_i64(s, 8, q->to);
	db_bind_opt_text(s, 9, q->q);
	db_bind_opt_text(s, 10, like);
}

static gcode count(struct db *c, const struct audit_query *q, const char *like,
		   int64_t *total, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare(c, count_sql, &s, e);
	if (rc != G_OK)
		return rc;
	bind_filters(s, q, like);
	int r = db_step(s, e);
	*total = r == DB_ROW ? db_col_i64(s, 0) : 0;
	db_finish(s);
	return r < 0 ? G_ERR_DB : G_OK;
}

gcode audit_search(struct db *c, const struct audit_query *q, json_t **out,
		   struct gerror *e)
{
	static const char *const names[] = { "id", "ts", "actor_id", "actor", "ip",
		"action", "object_type", "object_id", "region", "before", "after",
		"prev_hash", "hash", NULL };
	char like[800];
	const char *likep = db_like_pattern(q->q, like, sizeof like);
	if (q->q && *q->q && !likep)
		return gerr_set(e, G_ERR_INVALID, "q", "检索词过长", "the search text is too long");
	int64_t total;
	gcode rc = count(c, q, likep, &total, e);
	if (rc != G_OK)
		return rc;
	struct db_stmt *s;
	rc = db_prepare(c, list_sql, &s, e);
	if (rc != G_OK)
		return rc;
	bind_filters(s, q, likep);
	db_bind_i64(s, 11, q->limit);
	db_bind_i64(s, 12, q->offset);
	json_t *items = json_array();
	int r;
	while ((r = db_step(s, e)) == DB_ROW)
		json_array_append_new(items, db_row_json(s, names, "iiittttttjjtt"));
	db_finish(s);
	if (r < 0) {
		json_decref(items);
		return G_ERR_DB;
	}
	*out = json_pack("{s:o,s:I}", "items", items, "total", (json_int_t)total);
	return G_OK;
}
