#include "api/auth.h"

#include <stdio.h>
#include <string.h>

#include "base/lru_cache.h"
#include "base/mem.h"
#include "base/secret.h"
#include "base/text.h"
#include "domain/role.h"
#include "store/users.h"

static gcode unauth(struct gerror *e, const char *zh, const char *en)
{
	return gerr_set(e, G_ERR_UNAUTH, NULL, zh, en);
}

/* Finds name=value in a Cookie header. */
static bool cookie_value(const char *header, const char *name, char *out, size_t cap)
{
	size_t nl = strlen(name);
	for (const char *p = header; p && *p;) {
		while (*p == ' ' || *p == ';')
			p++;
		if (!strncmp(p, name, nl) && p[nl] == '=') {
			p += nl + 1;
			size_t n = strcspn(p, ";");
			if (n >= cap)
				return false;
			memcpy(out, p, n);
			out[n] = '\0';
			return true;
		}
		p = strchr(p, ';');
	}
	return false;
}

static gcode set_principal(struct api_req *rq, const struct user_row *u, struct gerror *e)
{
	if (u->disabled)
		return unauth(e, "账号不可用", "the account is not available");
	rq->who.user_id = u->id;
	rq->who.role = role_from_code(u->role);
	memcpy(rq->who.region, u->region, sizeof rq->who.region);
	rq->who.department_id = u->department_id;
	rq->who.enterprise_id = u->enterprise_id;
	text_copy(rq->username, sizeof rq->username, u->username);
	rq->must_change = u->must_change_password != 0;
	rq->authed = true;
	return G_OK;
}

static gcode load_principal(struct api_req *rq, int64_t user_id, struct gerror *e)
{
	struct user_row u;
	gcode rc = store_user_by_id(rq->db, user_id, &u, e);
	mem_wipe(u.password_hash, sizeof u.password_hash);
	if (rc == G_ERR_NOTFOUND)
		return unauth(e, "账号不可用", "the account is not available");
	return rc == G_OK ? set_principal(rq, &u, e) : rc;
}

static gcode by_token(struct api_req *rq, const char *token, struct gerror *e)
{
	char hash[SECRET_TOKEN_HEX];
	int64_t user_id, token_id;
	secret_hash_token(token, hash);
	if (store_token_lookup(rq->db, hash, &user_id, &token_id, e) != G_OK)
		return unauth(e, "访问令牌无效或已吊销", "the access token is invalid or revoked");
	rq->via_token = true;
	store_token_touch(rq->db, token_id, rq->now, NULL);
	return load_principal(rq, user_id, e);
}

/* A session as the cache keeps it (no password hash): found again while
 * the data generation lasts and the session was seen less than TOUCH_S
 * seconds ago, so the idle timeout and the touch stay exactly as the
 * database path has them (any logout, password or role change commits and
 * moves the generation; another process's is seen through audit_head). */
enum { TOUCH_S = 30 };

struct cached_session {
	int64_t user_id, department_id, enterprise_id, last_seen;
	int must_change, disabled;
	char role[32], region[7], username[65], csrf[65];
};

static bool session_from_cache(struct api_req *rq, struct user_row *u, int64_t *last_seen)
{
	size_t len;
	if (!rq->app->sessions)
		return false;
	char *v = lru_cache_get(rq->app->sessions, rq->session_hash, rq->gen, rq->now, &len);
	if (!v)
		return false;
	struct cached_session cs;
	bool ok = len == sizeof cs;
	if (ok)
		memcpy(&cs, v, sizeof cs);
	mem_wipe(v, len);
	free(v);
	int64_t idle = (int64_t)rq->app->cfg.session_idle_minutes * 60;
	if (!ok || rq->now < cs.last_seen)
		return false;
	if (rq->now - cs.last_seen >= (idle < TOUCH_S ? idle : TOUCH_S)) {
		/* This request reads the session from the database and touches it;
		 * the requests that come meanwhile find it fresh here instead of
		 * queueing thirty-two durable UPDATEs behind each other. */
		if (rq->now - cs.last_seen < idle) {
			cs.last_seen = rq->now;
			lru_cache_put(rq->app->sessions, rq->session_hash, rq->gen, rq->now, &cs,
				      sizeof cs);
		}
		mem_wipe(&cs, sizeof cs);
		return false;
	}
	memset(u, 0, sizeof *u);
	u->id = cs.user_id;
	u->department_id = cs.department_id;
	u->enterprise_id = cs.enterprise_id;
	u->must_change_password = cs.must_change;
	u->disabled = cs.disabled;
	memcpy(u->role, cs.role, sizeof u->role);
	memcpy(u->region, cs.region, sizeof u->region);
	memcpy(u->username, cs.username, sizeof u->username);
	memcpy(rq->csrf, cs.csrf, sizeof rq->csrf);
	*last_seen = cs.last_seen;
	return true;
}

static void session_to_cache(struct api_req *rq, const struct user_row *u, int64_t last_seen)
{
	if (!rq->app->sessions)
		return;
	struct cached_session cs;
	memset(&cs, 0, sizeof cs);
	cs.user_id = u->id;
	cs.department_id = u->department_id;
	cs.enterprise_id = u->enterprise_id;
	cs.last_seen = last_seen;
	cs.must_change = u->must_change_password;
	cs.disabled = u->disabled;
	memcpy(cs.role, u->role, sizeof cs.role);
	memcpy(cs.region, u->region, sizeof cs.region);
	memcpy(cs.username, u->username, sizeof cs.username);
	memcpy(cs.csrf, rq->csrf, sizeof cs.csrf);
	lru_cache_put(rq->app->sessions, rq->session_hash, rq->gen, rq->now, &cs, sizeof cs);
	mem_wipe(&cs, sizeof cs);
}

static gcode by_cookie(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	const char *h = api_header(rq, "Cookie");
	char sid[SECRET_TOKEN_HEX];
	if (!h || !cookie_value(h, AUTH_COOKIE, sid, sizeof sid))
		return unauth(e, "请先登录", "please log in");
	secret_hash_token(sid, rq->session_hash);
	mem_wipe(sid, sizeof sid);
	int64_t last_seen;
	struct user_row u; /* session and user in one statement */
	if (session_from_cache(rq, &u, &last_seen))
		return set_principal(rq, &u, e);
	gcode rc = store_session_user(rq->db, rq->session_hash, &u, rq->csrf, &last_seen, e);
	if (rc == G_ERR_NOTFOUND) {
		if (rq->app->sessions) /* the entry session_from_cache may just have renewed */
			lru_cache_forget(rq->app->sessions, rq->session_hash);
		return unauth(e, "会话已失效，请重新登录", "the session has ended: please log in again");
	}
	if (rc != G_OK)
		return rc;
	int64_t idle = (int64_t)rq->app->cfg.session_idle_minutes * 60;
	if (rq->now - last_seen > idle) {
		store_session_delete(rq->db, rq->session_hash, NULL);
		snprintf(rs->cookie, sizeof rs->cookie, AUTH_COOKIE "=; Path=/; Max-Age=0");
		return unauth(e, "长时间未操作，会话已超时，请重新登录",
			      "the session timed out after inactivity: please log in again");
	}
	if (rq->now - last_seen >= TOUCH_S) { /* touch at most twice a minute */
		if (store_session_touch(rq->db, rq->session_hash, rq->now, NULL) == G_OK)
			last_seen = rq->now;
	}
	session_to_cache(rq, &u, last_seen);
	return set_principal(rq, &u, e);
}

gcode auth_authenticate(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	const char *a = api_header(rq, "Authorization");
	if (a && !strncmp(a, "Bearer ", 7))
		return by_token(rq, a + 7, e);
	return by_cookie(rq, rs, e);
}

bool auth_must_change(const struct api_req *rq)
{
	return rq->must_change;
}
