/* Small helpers shared by the handlers. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "base/buf.h"
#include "base/text.h"
#include "domain/region.h"

const char *api_query(struct api_req *rq, const char *key)
{
	const char *v = rq->query_fn ? rq->query_fn(rq->ctx, key) : NULL;
	return v && *v ? v : NULL;
}

const char *api_header(struct api_req *rq, const char *name)
{
	return rq->header_fn ? rq->header_fn(rq->ctx, name) : NULL;
}

gcode api_query_text(struct api_req *rq, const char *key, long max_chars, const char **out,
		     struct gerror *e)
{
	const char *v = api_query(rq, key);
	*out = v;
	if (!v)
		return G_OK;
	long n = text_utf8_len(v, strlen(v));
	if (n >= 0 && n <= max_chars)
		return G_OK;
	char zh[128], en[128];
	snprintf(zh, sizeof zh, "参数%s应为不超过%ld个字符的文本", key, max_chars);
	snprintf(en, sizeof en, "%s must be text of at most %ld characters", key, max_chars);
	return gerr_set(e, G_ERR_INVALID, key, zh, en);
}

struct actor api_actor(const struct api_req *rq)
{
	struct actor a = { rq->who.user_id, rq->username[0] ? rq->username : NULL, rq->ip };
	return a;
}

static gcode query_int(struct api_req *rq, const char *key, int64_t def, int64_t min,
		       int64_t max, int64_t *out, struct gerror *e)
{
	const char *v = api_query(rq, key);
	*out = def;
	if (!v)
		return G_OK;
	if (text_to_i64(v, min, max, out))
		return G_OK;
	char zh[128], en[128];
	snprintf(zh, sizeof zh, "参数%s应为%lld到%lld之间的整数", key, (long long)min, (long long)max);
	snprintf(en, sizeof en, "%s must be an integer from %lld to %lld", key, (long long)min,
		 (long long)max);
	return gerr_set(e, G_ERR_INVALID, key, zh, en);
}

gcode api_paging(struct api_req *rq, int64_t *limit, int64_t *offset, struct gerror *e)
{
	int64_t page, per;
	gcode rc = query_int(rq, "page", 1, 1, 1000000, &page, e);
	if (rc == G_OK)
		rc = query_int(rq, "per_page", 20, 1, 500, &per, e);
	if (rc != G_OK)
		return rc;
	*limit = per;
	*offset = (page - 1) * per;
	return G_OK;
}

gcode api_if_match(struct api_req *rq, int64_t *version, struct gerror *e)
{
	const char *h = api_header(rq, "If-Match");
	if (!h || !*h)
		return gerr_set(e, G_ERR_PRECONDITION, "If-Match",
				"修改须附带If-Match版本号（先读取记录）",
				"an If-Match header with the version you read is required");
	if (!strncmp(h, "W/", 2))
		h += 2;
	char v[32];
	size_t n = strlen(h);
	if (n >= 2 && h[0] == '"' && h[n - 1] == '"') {
		h++;
		n -= 2;
	}
	if (n == 0 || n >= sizeof v)
		goto bad;
	memcpy(v, h, n);
	v[n] = '\0';
	if (text_to_i64(v, 1, INT64_MAX, version))
		return G_OK;
bad:
	return gerr_set(e, G_ERR_INVALID, "If-Match", "If-Match版本号格式错误",
			"malformed If-Match version");
}

gcode api_path_id(struct api_req *rq, int i, int64_t *id, struct gerror *e)
{
	if (i < rq->nparams && text_to_i64(rq->params[i], 1, INT64_MAX, id))
		return G_OK;
	return api_not_found(e);
}

void api_set_etag(struct api_resp *rs, int64_t version)
{
	snprintf(rs->etag, sizeof rs->etag, "\"%lld\"", (long long)version);
}

gcode api_ok(struct api_resp *rs, int status, json_t *obj)
{
	rs->status = status;
	json_decref(rs->body);
	rs->body = obj;
	return G_OK;
}

gcode api_not_found(struct gerror *e)
{
	return gerr_set(e, G_ERR_NOTFOUND, NULL, "记录不存在", "not found");
}

gcode api_check(struct api_req *rq, enum resource res, enum action act,
		const struct obj_scope *o, struct gerror *e)
{
	enum decision d = o ? scope_decide(&rq->who, res, act, o)
			    : scope_role_allows(rq->who.role, res, act);
	if (d == DECIDE_ALLOW)
		return G_OK;
	struct actor a = api_actor(rq);
	json_t *what = json_pack("{s:s,s:s}", "method", rq->method, "path", rq->path);
	audit_append_tx(rq->db, &a, d == DECIDE_DENY ? "denied" : "denied_scope", NULL, NULL,
			rq->who.region, NULL, what, NULL);
	json_decref(what);
	if (d == DECIDE_HIDDEN)
		return api_not_found(e);
	return gerr_set(e, G_ERR_FORBIDDEN, NULL, "无权执行此操作",
			"your role may not do this");
}

void api_scope_range(const struct api_req *rq, char lo[7], char hi[7])
{
	region_range(rq->who.region, lo, hi);
}

gcode api_commit_change(struct api_req *rq, struct api_resp *rs, gcode rc, const char *action,
			const char *object_type, const char *object_id, const char *region,
			json_t *before, json_t *after, int status, struct gerror *e)
{
	struct actor a = api_actor(rq);
	if (rc == G_OK)
		rc = audit_append(rq->db, &a, action, object_type, object_id, region, before, after,
				  e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	json_decref(before);
	if (rc != G_OK) {
		json_decref(after);
		return rc;
	}
	api_set_etag(rs, json_integer_value(json_object_get(after, "version")));
	return api_ok(rs, status, after);
}

gcode api_import_reply(struct api_resp *rs, gcode rc, json_t *report, struct gerror *e)
{
	if (rc == G_ERR_INVALID && report) { /* row errors: the report says which */
		json_t *err = json_pack("{s:s,s:s,s:s,s:s,s:s}", "code", "invalid", "message_zh", e->zh,
					"message_en", e->en, "message", e->zh, "field", "file");
		return api_ok(rs, 400, json_pack("{s:o,s:o}", "error", err, "report", report));
	}
	if (rc != G_OK) {
		json_decref(report);
		return rc;
	}
	return api_ok(rs, 200, report);
}

void api_attach_file(struct api_resp *rs, struct buf *b, const char *content_type,
		     const char *disposition)
{
	rs->status = 200;
	rs->raw_len = b->len;
	rs->raw = buf_take(b);
	rs->content_type = content_type;
	rs->disposition = disposition;
}
