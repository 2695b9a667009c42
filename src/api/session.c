/* POST/DELETE /api/v1/session, GET /api/v1/me, POST /api/v1/me/password. */
#include <stdio.h>
#include <string.h>

#include "api/auth.h"
#include "api/body.h"
#include "api/handlers.h"
#include "base/mem.h"
#include "base/secret.h"
#include "base/text.h"
#include "domain/password.h"
#include "store/users.h"

static const struct field_spec login_spec[] = {
	{ "username", 's', true, false, 64, "用户名" },
	{ "password", 's', true, false, 128, "密码" },
	{ 0 },
};

/* A user id as the audit record's object id. */
struct oid {
	char s[24];
};

static struct oid user_oid(int64_t id)
{
	struct oid o;
	snprintf(o.s, sizeof o.s, "%lld", (long long)id);
	return o;
}

static void wipe_json_string(json_t *body, const char *name)
{
	json_t *v = json_object_get(body, name);
	if (json_is_string(v))
		mem_wipe((char *)json_string_value(v), json_string_length(v));
}

static json_t *me_body(struct api_req *rq, int64_t user_id, const char *csrf)
{
	json_t *u = store_user_json(rq->db, user_id, rq->now);
	return json_pack("{s:o,s:s}", "user", u ? u : json_null(), "csrf_token", csrf);
}

/* Records a failure; locks the account when the threshold is reached. */
static gcode login_failed(struct api_req *rq, struct user_row *u, struct gerror *e)
{
	struct actor a = { u->id, u->username, rq->ip };
	int failed = u->failed_logins + 1;
	int64_t until = 0;
	const char *action = "login_failed";
	if (failed >= rq->app->cfg.lockout_threshold) {
		until = rq->now + (int64_t)rq->app->cfg.lockout_minutes * 60;
		failed = 0;
		action = "account_locked";
	}
	json_t *info = json_pack("{s:i}", "failed_logins", failed ? failed : u->failed_logins + 1);
	if (db_begin(rq->db, e) == G_OK) {
		store_user_set_login_state(rq->db, u->id, failed, until, 0, NULL);
		audit_append(rq->db, &a, action, "user", user_oid(u->id).s, u->region, NULL, info, NULL);
		db_commit(rq->db, NULL);
	}
	json_decref(info);
	if (until) {
		char zh[160], en[160];
		snprintf(zh, sizeof zh, "连续%d次密码错误，账号已锁定%d分钟",
			 rq->app->cfg.lockout_threshold, rq->app->cfg.lockout_minutes);
		snprintf(en, sizeof en, "%d wrong passwords in a row: the account is locked for %d minutes",
			 rq->app->cfg.lockout_threshold, rq->app->cfg.lockout_minutes);
		return gerr_set(e, G_ERR_LOCKED, "username", zh, en);
	}
	return gerr_set(e, G_ERR_UNAUTH, "password", "用户名或密码错误",
			"wrong username or password");
}

static gcode start_session(struct api_req *rq, struct api_resp *rs, struct user_row *u,
			   struct gerror *e)
{
	char sid[SECRET_TOKEN_HEX], hash[SECRET_TOKEN_HEX], csrf[SECRET_TOKEN_HEX];
	secret_random_hex(sid);
	secret_random_hex(csrf);
	secret_hash_token(sid, hash);
	struct actor a = { u->id, u->username, rq->ip };
	gcode rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_user_set_login_state(rq->db, u->id, 0, 0, rq->now, e);
	if (rc == G_OK)
		rc = store_session_create(rq->db, hash, u->id, csrf, rq->ip, rq->now, e);
	if (rc == G_OK)
		rc = audit_append(rq->db, &a, "login", "user", user_oid(u->id).s, u->region, NULL, NULL, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	if (rc != G_OK) {
		db_rollback(rq->db);
		mem_wipe(sid, sizeof sid);
		return rc;
	}
	snprintf(rs->cookie, sizeof rs->cookie,
		 AUTH_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict%s", sid,
		 rq->app->cfg.secure_cookies ? "; Secure" : "");
	mem_wipe(sid, sizeof sid);
	return api_ok(rs, 200, me_body(rq, u->id, csrf));
}

gcode h_session_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = body_check(rq->json, login_spec, e);
	if (rc != G_OK)
		return rc;
	const char *name = body_str(rq->json, "username");
	const char *pw = body_str(rq->json, "password");
	size_t pwlen = strlen(pw);
	struct user_row u;
	rc = store_user_by_name(rq->db, name, &u, e);
	if (rc == G_ERR_NOTFOUND || (rc == G_OK && u.disabled)) {
		secret_burn_verify(pw, pwlen);
		struct actor a = { 0, name, rq->ip };
		audit_append_tx(rq->db, &a, "login_failed", "user", NULL, NULL, NULL, NULL, NULL);
		rc = gerr_set(e, G_ERR_UNAUTH, "password", "用户名或密码错误",
			      "wrong username or password");
	} else if (rc == G_OK && u.locked_until > rq->now) {
		struct actor a = { u.id, u.username, rq->ip };
		audit_append_tx(rq->db, &a, "login_refused_locked", "user", user_oid(u.id).s, u.region, NULL,
				NULL, NULL);
		rc = gerr_set(e, G_ERR_LOCKED, "username", "账号已锁定，请稍后再试或联系安全管理员解锁",
			      "the account is locked: try later or ask the security administrator");
	} else if (rc == G_OK) {
		rc = secret_verify_password(u.password_hash, pw, pwlen)
			     ? start_session(rq, rs, &u, e)
			     : login_failed(rq, &u, e);
	}
	wipe_json_string(rq->json, "password");
	mem_wipe(u.password_hash, sizeof u.password_hash);
	return rc;
}

gcode h_session_delete(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct actor a = api_actor(rq);
	gcode rc = db_begin(rq->db, e);
	if (rc == G_OK && rq->session_hash[0])
		rc = store_session_delete(rq->db, rq->session_hash, e);
	if (rc == G_OK)
		rc = audit_append(rq->db, &a, "logout", "user", user_oid(rq->who.user_id).s, rq->who.region,
				  NULL, NULL, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	if (rc != G_OK)
		return rc;
	snprintf(rs->cookie, sizeof rs->cookie, AUTH_COOKIE "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
	rs->status = 204;
	return G_OK;
}

gcode h_me(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	(void)e;
	return api_ok(rs, 200, me_body(rq, rq->who.user_id, rq->csrf));
}

static const struct field_spec pw_spec[] = {
	{ "old_password", 's', true, false, 128, "原密码" },
	{ "new_password", 's', true, false, 128, "新密码" },
	{ 0 },
};

/* Checks a new password against the policy; names the field on failure. */
gcode api_password_policy(const char *pw, const char *username, const char *field,
			  struct gerror *e)
{
	enum pw_result r = password_check(pw, strlen(pw), username);
	if (r == PW_OK)
		return G_OK;
	return gerr_set(e, G_ERR_INVALID, field, password_result_zh(r), password_result_en(r));
}

gcode h_me_password(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = body_check(rq->json, pw_spec, e);
	if (rc != G_OK)
		return rc;
	const char *old = body_str(rq->json, "old_password");
	const char *pw = body_str(rq->json, "new_password");
	struct user_row u;
	char hash[SECRET_HASH_MAX];
	rc = store_user_by_id(rq->db, rq->who.user_id, &u, e);
	if (rc == G_OK && !secret_verify_password(u.password_hash, old, strlen(old)))
		rc = gerr_set(e, G_ERR_INVALID, "old_password", "原密码错误", "the old password is wrong");
	if (rc == G_OK && !strcmp(old, pw))
		rc = gerr_set(e, G_ERR_INVALID, "new_password", "新密码不能与原密码相同",
			      "the new password must differ from the old one");
	if (rc == G_OK)
		rc = api_password_policy(pw, u.username, "new_password", e);
	if (rc == G_OK && !secret_hash_password(pw, strlen(pw), hash))
		rc = gerr_set(e, G_ERR_INTERNAL, NULL, "密码处理失败", "password hashing failed");
	wipe_json_string(rq->json, "old_password");
	wipe_json_string(rq->json, "new_password");
	mem_wipe(u.password_hash, sizeof u.password_hash);
	if (rc != G_OK)
		return rc;
	struct actor a = api_actor(rq);
	rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_user_set_password(rq->db, u.id, hash, 0, rq->now, e);
	if (rc == G_OK) /* other sessions may be someone who knew the old password */
		rc = store_session_delete_others(rq->db, u.id, rq->session_hash, e);
	if (rc == G_OK)
		rc = audit_append(rq->db, &a, "password_change", "user", user_oid(u.id).s, u.region, NULL,
				  NULL, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	mem_wipe(hash, sizeof hash);
	if (rc != G_OK)
		return rc;
	json_t *user = store_user_json(rq->db, u.id, rq->now);
	return api_ok(rs, 200, json_pack("{s:o}", "user", user ? user : json_null()));
}
