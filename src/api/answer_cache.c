/* Answers of ROUTE_CACHE routes, kept until the data changes. The key is
 * the user (and the session for ROUTE_PER_SESSION: GET /me answers the
 * session's CSRF token; every other answer is the same on each of a user's
 * devices, so a leader's second login finds it ready), the
 * date (answers speak of "today" in China time, as projects_today does:
 * days overdue, the year's pace), the path and every query argument. An
 * entry is valid under the data generation captured before the handler
 * read anything (store_generation), so a write that commits while it is
 * computed makes it stale at once. Authentication, the forced password
 * change and CSRF have all run before a lookup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/projects.h"
#include "base/lru_cache.h"

/* Requests for an answer being computed wait for it this long, then
 * compute it themselves: one cockpit computed, not thirty-two, when a
 * meeting opens it at once after a data import. */
enum { CLAIM_WAIT_MS = 3000 };

static bool make_key(struct api_req *rq, bool per_session, char *key, size_t cap)
{
	int n = snprintf(key, cap, "%lld|%s|%ld|%s|", (long long)rq->who.user_id,
			 per_session ? rq->session_hash : "", (long)projects_today(rq), rq->path);
	if (n < 0 || (size_t)n >= cap)
		return false;
	if (!rq->query_canon_fn)
		return true;
	size_t q = rq->query_canon_fn(rq->ctx, key + n, cap - (size_t)n);
	return q != (size_t)-1;
}

bool api_cache_lookup(struct api_req *rq, struct api_resp *rs, bool per_session)
{
	rs->cache_key[0] = '\0';
	if (!rq->app->answers || strcmp(rq->method, "GET"))
		return false;
	char key[sizeof rs->cache_key];
	if (!make_key(rq, per_session, key, sizeof key))
		return false;
	size_t len;
	bool mine;
	char *v = lru_cache_get_or_claim(rq->app->answers, key, rq->gen, rq->now, CLAIM_WAIT_MS,
					 &len, &mine);
	if (!v) {
		if (mine) { /* this request computes it; the others wait for it */
			memcpy(rs->cache_key, key, strlen(key) + 1);
			rs->cache_gen = rq->gen;
		}
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
	if (!app->answers || !rs->cache_key[0])
		return;
	size_t tag = strlen(rs->etag);
	char *v = NULL;
	if (rs->status == 200 && !rs->cookie[0] && !rs->disposition && !rs->content_type && json)
		v = malloc(tag + 1 + len);
	if (!v) { /* not kept: let the waiting requests compute */
		lru_cache_release(app->answers, rs->cache_key);
		return;
	}
	memcpy(v, rs->etag, tag);
	v[tag] = '\n';
	memcpy(v + tag + 1, json, len);
	lru_cache_put(app->answers, rs->cache_key, rs->cache_gen, now, v, tag + 1 + len);
	free(v);
}
