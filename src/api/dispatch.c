/* Request dispatch: route match, body parse, authentication (cookie session
 * or bearer token), idle timeout, forced password change, CSRF, the
 * handler, and the one place errors become HTTP statuses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/auth.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/text.h"

static const int status_of[G_ERR__COUNT] = {
	[G_OK] = 200, [G_ERR_NOMEM] = 503, [G_ERR_INVALID] = 400, [G_ERR_UNAUTH] = 401,
	[G_ERR_FORBIDDEN] = 403, [G_ERR_NOTFOUND] = 404, [G_ERR_METHOD] = 405,
	[G_ERR_EXISTS] = 409, [G_ERR_STALE] = 412, [G_ERR_TOOLARGE] = 413,
	[G_ERR_UNSUPPORTED] = 415, [G_ERR_LOCKED] = 423, [G_ERR_PRECONDITION] = 428,
	[G_ERR_RETRY] = 503, [G_ERR_DB] = 500, [G_ERR_IO] = 500, [G_ERR_INTERNAL] = 500,
};

int api_status_of(gcode code)
{
	return (int)code >= 0 && code < G_ERR__COUNT ? status_of[code] : 500;
}

/* Matches "/api/v1/users/{id}" against a path, capturing parameters. */
static bool match(const char *pattern, const char *path, struct api_req *rq)
{
	int n = 0;
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p == '{') {
			const char *pe = strchr(p, '}');
			const char *se = strchr(s, '/');
			if (!pe || n >= API_MAX_PARAMS)
				return false;
			if (!se)
				se = s + strlen(s);
			if (se == s)
				return false;
			rq->params[n++] = s; /* terminated below by a copy */
			p = pe + 1;
			s = se;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	if (*p || *s)
		return false;
	rq->nparams = n;
	return true;
}

/* Path parameters point into the path; copy them out NUL-terminated. */

static void terminate_params(struct api_req *rq)
{
	for (int i = 0; i < rq->nparams; i++) {
		const char *s = rq->params[i];
		size_t n = strcspn(s, "/");
		if (n >= sizeof rq->pbuf[i])
			n = sizeof rq->pbuf[i] - 1;
		memcpy(rq->pbuf[i], s, n);
		rq->pbuf[i][n] = '\0';
		rq->params[i] = rq->pbuf[i];
	}
}

static const struct api_route *route_for(struct api_req *rq, bool *path_known)
{
	*path_known = false;
	for (const struct api_route *r = api_routes; r->method; r++) {
		if (!match(r->pattern, rq->path, rq))
			continue;
		*path_known = true;
		if (!strcmp(r->method, rq->method)) {
			terminate_params(rq);
			return r;
		}
	}
	rq->nparams = 0;
	return NULL;
}

static bool is_write(const char *method)
{
	return strcmp(method, "GET") && strcmp(method, "HEAD");
}

static gcode parse_body(struct api_req *rq, struct gerror *e)
{
	if (!rq->body_len)
		return G_OK;
	const char *ct = api_header(rq, "Content-Type");
	if (!ct || strncmp(ct, "application/json", 16))
		return gerr_set(e, G_ERR_UNSUPPORTED, NULL, "请求体须为JSON（application/json）",
				"the request body must be JSON (application/json)");
	json_error_t je;
	rq->json = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &je);
	if (!rq->json) {
		char zh[256], en[256];
		snprintf(zh, sizeof zh, "JSON格式错误（第%d行第%d列）：%s", je.line, je.column, je.text);
		snprintf(en, sizeof en, "malformed JSON at line %d column %d: %s", je.line,
			 je.column, je.text);
		return gerr_set(e, G_ERR_INVALID, NULL, zh, en);
	}
	return G_OK;
}

static gcode check_csrf(struct api_req *rq, struct gerror *e)
{
	if (!is_write(rq->method) || rq->via_token)
		return G_OK;
	const char *t = api_header(rq, "X-CSRF-Token");
	if (t && rq->csrf[0] && text_equal_ct(t, rq->csrf))
		return G_OK;
	struct actor a = api_actor(rq);
	json_t *what = json_pack("{s:s,s:s}", "method", rq->method, "path", rq->path);
	audit_append_tx(rq->db, &a, "denied_csrf", NULL, NULL, rq->who.region, NULL, what, NULL);
	json_decref(what);
	return gerr_set(e, G_ERR_FORBIDDEN, "X-CSRF-Token", "缺少或错误的CSRF令牌",
			"missing or wrong CSRF token");
}

static gcode run(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	bool known;
	const struct api_route *r = route_for(rq, &known);
	if (!r)
		return known ? gerr_set(e, G_ERR_METHOD, NULL, "不支持此方法", "method not allowed")
			     : gerr_set(e, G_ERR_NOTFOUND, NULL, "接口不存在", "no such endpoint");
	gcode rc = r->flags & ROUTE_UPLOAD ? G_OK : parse_body(rq, e);
	if (rc != G_OK)
		return rc;
	if (!(r->flags & ROUTE_PUBLIC)) {
		if (rq->app->answers || rq->app->sessions) /* before anything is read */
			rq->gen = store_generation(rq->app->store, rq->db);
		rc = auth_authenticate(rq, rs, e);
		if (rc != G_OK)
			return rc;
		rc = check_csrf(rq, e);
		if (rc != G_OK)
			return rc;
		if (!(r->flags & ROUTE_ANY_PW) && auth_must_change(rq))
			return gerr_set(e, G_ERR_FORBIDDEN, "password",
					"请先修改初始密码", "change your initial password first");
	}
	if ((r->flags & ROUTE_CACHE) && api_cache_lookup(rq, rs, r->flags & ROUTE_PER_SESSION))
		return G_OK;
	return r->fn(rq, rs, e);
}

static void error_body(struct api_resp *rs, const struct gerror *e)
{
	char msg[600];
	snprintf(msg, sizeof msg, "%s (%s)", e->zh[0] ? e->zh : "服务器错误",
		 e->en[0] ? e->en : "server error");
	json_t *err = json_pack("{s:s,s:s,s:s,s:s}", "code", gerr_code_name(e->code),
				"message", msg, "message_zh", e->zh[0] ? e->zh : "服务器错误",
				"message_en", e->en[0] ? e->en : "server error");
	if (e->field[0])
		json_object_set_new(err, "field", json_string(e->field));
	json_decref(rs->body);
	rs->body = json_pack("{s:o}", "error", err);
	rs->etag[0] = '\0';
}

void api_dispatch(struct api_req *rq, struct api_resp *rs)
{
	struct gerror e;
	gerr_clear(&e);
	rs->status = 200;
	rq->db = store_acquire(rq->app->store);
	gcode rc = run(rq, rs, &e);
	store_release(rq->app->store, rq->db);
	rq->db = NULL;
	if (rq->json) {
		json_decref(rq->json);
		rq->json = NULL;
	}
	if (rc == G_OK)
		return;
	if (!e.code)
		e.code = rc;
	rs->status = api_status_of(rc);
	if (rs->status >= 500)
		log_error("msg=\"request failed\" path=%s code=%s detail=\"%s\"", rq->path,
			  gerr_code_name(rc), e.en);
	error_body(rs, &e);
}

const char API_TOO_LARGE[] =
	"{\"error\":{\"code\":\"too_large\",\"message\":\"请求体过大 (request body too large)\","
	"\"message_zh\":\"请求体过大\",\"message_en\":\"request body too large\"}}";

static const char PHOTO_TOO_LARGE[] =
	"{\"error\":{\"code\":\"too_large\",\"field\":\"file\","
	"\"message\":\"照片超过1 MiB，请压缩后再上传 (the photo is over 1 MiB: shrink it and upload again)\","
	"\"message_zh\":\"照片超过1 MiB，请压缩后再上传\","
	"\"message_en\":\"the photo is over 1 MiB: shrink it and upload again\"}}";

size_t api_body_limit(const struct app *app, const char *method, const char *path,
		      const char **too_large)
{
	struct api_req probe = { 0 };
	probe.method = method;
	probe.path = path;
	bool known;
	const struct api_route *r = route_for(&probe, &known);
	unsigned flags = r ? r->flags : 0;
	*too_large = flags & ROUTE_PHOTO ? PHOTO_TOO_LARGE : API_TOO_LARGE;
	if (flags & ROUTE_PHOTO)
		return API_PHOTO_BODY;
	return flags & ROUTE_UPLOAD ? (size_t)app->cfg.max_upload : (size_t)app->cfg.max_body;
}

void api_resp_free(struct api_resp *rs)
{
	json_decref(rs->body);
	free(rs->raw);
	rs->body = NULL;
	rs->raw = NULL;
}
