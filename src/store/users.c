#include "store/users.h"

#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "store/store.h"

#define USER_COLS \
	"SELECT u.id, u.username, u.display_name, u.role, u.region, r.name," \
	" u.department_id, d.name, u.enterprise_id, u.must_change_password," \
	" u.locked_until, u.disabled, u.version, u.last_login_at, u.created_at" \
	" FROM users u JOIN regions r ON r.code = u.region" \
	" LEFT JOIN departments d ON d.id = u.department_id"

static const char *const user_names[] = { "id", "username", "display_name", "role",
	"region", "region_name", "department_id", "department_name", "enterprise_id",
	"must_change_password", "locked_until", "disabled", "version", "last_login_at",
	"created_at", NULL };
static const char user_types[] = "itttttntnbibinn";

static json_t *user_json_row(struct db_stmt *s, int64_t now)
{
	json_t *o = db_row_json(s, user_names, user_types);
	json_object_set_new(o, "locked", json_boolean(db_col_i64(s, 10) > now));
	return o;
}

static gcode fill_row(struct db_stmt *s, struct user_row *u, struct gerror *e)
{
	int r = db_step(s, e);
	if (r < 0)
		return e ? e->code : G_ERR_DB;
	if (r == DB_DONE)
		return gerr_set(e, G_ERR_NOTFOUND, "username", "用户不存在", "no such user");
	u->id = db_col_i64(s, 0);
	text_copy(u->username, sizeof u->username, db_col_text(s, 1));
	text_copy(u->display_name, sizeof u->display_name, db_col_text(s, 2));
	text_copy(u->role, sizeof u->role, db_col_text(s, 3));
	text_copy(u->region, sizeof u->region, db_col_text(s, 4));
	u->department_id = db_col_i64(s, 5);
	u->enterprise_id = db_col_i64(s, 6);
	text_copy(u->password_hash, sizeof u->password_hash, db_col_text(s, 7));
	u->must_change_password = (int)db_col_i64(s, 8);
	u->failed_logins = (int)db_col_i64(s, 9);
	u->locked_until = db_col_i64(s, 10);
	u->disabled = (int)db_col_i64(s, 11);
	u->version = db_col_i64(s, 12);
	return G_OK;
}

#define ROW_COLS \
	"SELECT id, username, display_name, role, region, COALESCE(department_id, 0)," \
	" COALESCE(enterprise_id, 0), password_hash, must_change_password, failed_logins," \
	" locked_until, disabled, version FROM users"

gcode store_user_by_name(struct db *c, const char *username, struct user_row *u,
			 struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c, ROW_COLS " WHERE username = $1", &s, e, "t", username);
	if (rc == G_OK)
		rc = fill_row(s, u, e);
	db_finish(s);
	return rc;
}

gcode store_user_by_id(struct db *c, int64_t id, struct user_row *u, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c, ROW_COLS " WHERE id = $1", &s, e, "i", id);
	if (rc == G_OK)
		rc = fill_row(s, u, e);
	db_finish(s);
	return rc;
}

json_t *store_user_json(struct db *c, int64_t id, int64_t now)
{
	struct db_stmt *s;
	if (db_prepare_bind(c, USER_COLS " WHERE u.id = $1", &s, NULL, "i", id) != G_OK)
		return NULL;
	json_t *o = db_step(s, NULL) == DB_ROW ? user_json_row(s, now) : NULL;
	db_finish(s);
	return o;
}

#define USER_FILTER \
	" WHERE u.region BETWEEN $1 AND $2" \
	" AND (CAST($3 AS TEXT) IS NULL OR u.username LIKE $3 ESCAPE '\\'" \
	"      OR u.display_name LIKE $3 ESCAPE '\\')" \
	" AND (CAST($4 AS TEXT) IS NULL OR u.role = $4)"

gcode store_user_list(struct db *c, const char *lo, const char *hi, const char *q,
		      const char *role, int64_t limit, int64_t offset, int64_t now,
		      json_t **out, struct gerror *e)
{
	char like[1300];
	const char *likep = db_like_pattern(q, like, sizeof like);
	if (q && *q && !likep)
		return gerr_set(e, G_ERR_INVALID, "q", "检索词过长", "the search text is too long");
	struct db_stmt *s;
	int64_t total = 0;
	gcode rc = db_prepare_bind(c, "SELECT COUNT(*) FROM users u" USER_FILTER, &s, e,
				   "tttt", lo, hi, likep, role);
	if (rc != G_OK)
		return rc;
	if (db_step(s, e) == DB_ROW)
		total = db_col_i64(s, 0);
	db_finish(s);
	rc = db_prepare_bind(c, USER_COLS USER_FILTER " ORDER BY u.id LIMIT $5 OFFSET $6",
			     &s, e, "ttttii", lo, hi, likep, role, limit, offset);
	if (rc != G_OK)
		return rc;
	json_t *items = json_array();
	int r;
	while ((r = db_step(s, e)) == DB_ROW)
		json_array_append_new(items, user_json_row(s, now));
	db_finish(s);
	if (r < 0) {
		json_decref(items);
		return G_ERR_DB;
	}
	*out = json_pack("{s:o,s:I}", "items", items, "total", (json_int_t)total);
	return G_OK;
}

gcode store_user_insert(struct db *c, const struct user_fields *f, const char *hash,
			int64_t now, int64_t *id, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(
		c,
		"INSERT INTO users (username, display_name, role, region, department_id,"
		" enterprise_id, password_hash, must_change_password, disabled, created_at,"
		" updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,1,$8,$9,$9) RETURNING id",
		&s, e, "ttttzztii", f->username, f->display_name, f->role, f->region,
		f->department_id, f->enterprise_id, hash, (int64_t)f->disabled, now);
	if (rc != G_OK)
		return rc;
	int r = db_step(s, e);
	if (r == DB_ROW)
		*id = db_col_i64(s, 0);
	else
		rc = r < 0 && e ? e->code : G_ERR_DB;
	db_finish(s);
	return rc;
}

gcode store_user_update(struct db *c, int64_t id, int64_t version,
			const struct user_fields *f, int64_t now, struct gerror *e)
{
	int64_t n = 0;
	gcode rc = db_run(c,
			  "UPDATE users SET display_name = $1, role = $2, region = $3,"
			  " department_id = $4, enterprise_id = $5, disabled = $6,"
			  " updated_at = $7, version = version + 1 WHERE id = $8 AND version = $9",
			  &n, e, "tttzziiii", f->display_name, f->role, f->region,
			  f->department_id, f->enterprise_id, (int64_t)f->disabled, now, id,
			  version);
	if (rc == G_OK && n == 0)
		return gerr_set(e, G_ERR_STALE, "version", "记录已被他人修改，请刷新后重试",
				"the record was changed by someone else: reload and retry");
	return rc;
}

gcode store_user_set_password(struct db *c, int64_t id, const char *hash,
			      int must_change, int64_t now, struct gerror *e)
{
	return db_run(c,
		      "UPDATE users SET password_hash = $1, must_change_password = $2,"
		      " password_changed_at = $3, updated_at = $3, failed_logins = 0,"
		      " locked_until = 0, version = version + 1 WHERE id = $4",
		      NULL, e, "tiii", hash, (int64_t)must_change, now, id);
}

gcode store_user_set_login_state(struct db *c, int64_t id, int failed,
				 int64_t locked_until, int64_t last_login, struct gerror *e)
{
	return db_run(c,
		      "UPDATE users SET failed_logins = $1, locked_until = $2,"
		      " last_login_at = COALESCE(CAST($3 AS BIGINT), last_login_at) WHERE id = $4",
		      NULL, e, "iizi", (int64_t)failed, locked_until, last_login, id);
}

gcode store_user_count(struct db *c, int64_t *n, struct gerror *e)
{
	return db_scalar_i64(c, "SELECT COUNT(*) FROM users", 0, n, e);
}

gcode store_session_create(struct db *c, const char *id_hash, int64_t user_id,
			   const char *csrf, const char *ip, int64_t now, struct gerror *e)
{
	return db_run(c,
		      "INSERT INTO sessions (id_hash, user_id, csrf, ip, created_at, last_seen)"
		      " VALUES ($1,$2,$3,$4,$5,$5)",
		      NULL, e, "titti", id_hash, user_id, csrf, ip, now);
}

/* The session and its user in one statement: one round trip per request
 * instead of two on PostgreSQL. The password hash is not read. */
gcode store_session_user(struct db *c, const char *id_hash, struct user_row *u,
			 char csrf[65], int64_t *last_seen, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
		"SELECT u.id, u.username, u.display_name, u.role, u.region,"
		" COALESCE(u.department_id, 0), COALESCE(u.enterprise_id, 0), '',"
		" u.must_change_password, u.failed_logins, u.locked_until, u.disabled, u.version,"
		" s.csrf, s.last_seen FROM sessions s JOIN users u ON u.id = s.user_id"
		" WHERE s.id_hash = $1", &s, e, "t", id_hash);
	if (rc != G_OK)
		return rc;
	rc = fill_row(s, u, e);
	if (rc == G_OK) {
		text_copy(csrf, 65, db_col_text(s, 13));
		*last_seen = db_col_i64(s, 14);
	} else if (rc == G_ERR_NOTFOUND) {
		rc = gerr_set(e, G_ERR_NOTFOUND, NULL, "会话不存在", "no session");
	}
	db_finish(s);
	return rc;
}

gcode store_session_touch(struct db *c, const char *id_hash, int64_t now, struct gerror *e)
{
	return db_run(c, "UPDATE sessions SET last_seen = $1 WHERE id_hash = $2", NULL, e,
		      "it", now, id_hash);
}

gcode store_session_delete(struct db *c, const char *id_hash, struct gerror *e)
{
	return db_run(c, "DELETE FROM sessions WHERE id_hash = $1", NULL, e, "t", id_hash);
}

gcode store_session_delete_user(struct db *c, int64_t user_id, struct gerror *e)
{
	return db_run(c, "DELETE FROM sessions WHERE user_id = $1", NULL, e, "i", user_id);
}

gcode store_session_delete_others(struct db *c, int64_t user_id, const char *keep_hash,
				  struct gerror *e)
{
	return db_run(c, "DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2", NULL, e,
		      "it", user_id, keep_hash);
}

gcode store_token_create(struct db *c, int64_t user_id, const char *name,
			 const char *token_hash, int64_t now, int64_t *id, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "INSERT INTO api_tokens (user_id, name, token_hash, created_at)"
				   " VALUES ($1,$2,$3,$4) RETURNING id",
				   &s, e, "itti", user_id, name, token_hash, now);
	if (rc != G_OK)
		return rc;
	int r = db_step(s, e);
	if (r == DB_ROW)
		*id = db_col_i64(s, 0);
	else
		rc = G_ERR_DB;
	db_finish(s);
	return rc;
}

gcode store_token_lookup(struct db *c, const char *token_hash, int64_t *user_id,
			 int64_t *token_id, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "SELECT user_id, id FROM api_tokens"
				   " WHERE token_hash = $1 AND revoked = 0",
				   &s, e, "t", token_hash);
	if (rc != G_OK)
		return rc;
	if (db_step(s, e) == DB_ROW) {
		*user_id = db_col_i64(s, 0);
		*token_id = db_col_i64(s, 1);
	} else {
		rc = gerr_set(e, G_ERR_NOTFOUND, NULL, "令牌无效", "invalid token");
	}
	db_finish(s);
	return rc;
}

gcode store_token_touch(struct db *c, int64_t token_id, int64_t now, struct gerror *e)
{
	return db_run(c, "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2", NULL, e,
		      "ii", now, token_id);
}

gcode store_token_list(struct db *c, int64_t user_id, json_t **out, struct gerror *e)
{
	static const char *const names[] = { "id", "name", "created_at", "last_used_at",
		"revoked", NULL };
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c,
				   "SELECT id, name, created_at, last_used_at, revoked"
				   " FROM api_tokens WHERE user_id = $1 ORDER BY id",
				   &s, e, "i", user_id);
	if (rc != G_OK)
		return rc;
	json_t *items = json_array();
	while (db_step(s, e) == DB_ROW)
		json_array_append_new(items, db_row_json(s, names, "itinb"));
	db_finish(s);
	*out = json_pack("{s:o,s:I}", "items", items, "total",
			 (json_int_t)json_array_size(items));
	return G_OK;
}

gcode store_token_owner(struct db *c, int64_t id, int64_t *owner, struct gerror *e)
{
	int64_t v = -1;
	struct db_stmt *s;
	gcode rc = db_prepare_bind(c, "SELECT user_id FROM api_tokens WHERE id = $1", &s, e,
				   "i", id);
	if (rc != G_OK)
		return rc;
	if (db_step(s, e) == DB_ROW)
		v = db_col_i64(s, 0);
	db_finish(s);
	if (v < 0)
		return gerr_set(e, G_ERR_NOTFOUND, "id", "令牌不存在", "no such token");
	*owner = v;
	return G_OK;
}

gcode store_token_revoke(struct db *c, int64_t id, struct gerror *e)
{
	return db_run(c, "UPDATE api_tokens SET revoked = 1 WHERE id = $1", NULL, e, "i", id);
}
