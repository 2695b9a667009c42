/* Answers of ROUTE_CACHE routes, kept until the data changes. The key is
 * the user, the date (answers speak of "today" in China time, as
 * projects_today does: days overdue, the year's pace), the path and every
 * query argument; the entry is valid
 * under the data generation captured before the handler read anything
 * (store_generation), so a write that commits while it is computed makes
 * it stale at once. Authentication, the forced password change and CSRF
 * have all run before a lookup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/projects.h"
#include "base/lru_cache.h"

static bool make_key(struct api_req *rq, char *key, size_t cap)
{
	int n = snprintf(key, cap, "%lld|%ld|%s|", (long long)rq->who.user_id,
			 (long)projects_today(rq), rq->path);
	if (n < 0 || (size_t)n >= cap)
		return false;
	if (!rq->query_canon_fn)
		return true;
	size_t q = rq->query_canon_fn(rq->ctx, key + n, cap - (size_t)n);
	return q != (size_t)-1;
}

bool api_cache_lookup(struct api_req *rq, struct api_resp *rs)
{
	rs->cache_key[0] = '\0';
	if (!rq->app->answers || strcmp(rq->method, "GET"))
		return false;
	char key[sizeof rs->cache_key];
	if (!make_key(rq, key, sizeof key))
		return false;
	size_t len;
	char *v = lru_cache_get(rq->app->answers, key, rq->gen, rq->now, &len);
	if (!v) {
		memcpy(rs->cache_key, key, strlen(key) + 1);
		rs->cache_gen = rq->gen;
		return false;
	}
	/* the value is the ETag, a newline, then the body */
	char *nl = memchr(v, '\n', len);
	size_t tag = nl ? (size_t)(nl - v) : 0;
	if (!nl || tag >= sizeof rs->etag) {
		free(v);
		return false;
	}
	memcpy(rs->etag, v, tag);
	rs->etag[tag] = '\0';
	memmove(v, nl + 1, len - tag - 1);
	v[len - tag - 1] = '\0';
	rs->raw = v;
	rs->raw_len = len - tag - 1;
	return true;
}

void api_cache_store(struct app *app, const struct api_resp *rs, int64_t now, const char *json,
		     size_t len)
{
	if (!app->answers || !rs->cache_key[0] || rs->status != 200 || rs->cookie[0] ||
	    rs->disposition || rs->content_type || !json)
		return;
	size_t tag = strlen(rs->etag);
	char *v = malloc(tag + 1 + len);
	if (!v)
		return;
	memcpy(v, rs->etag, tag);
	v[tag] = '\n';
	memcpy(v + tag + 1, json, len);
	lru_cache_put(app->answers, rs->cache_key, rs->cache_gen, now, v, tag + 1 + len);
	free(v);
}
