/* GET /api/v1/audit: the audit administrator's and auditors' search. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/handlers.h"
#include "store/audit.h"

/* Parses YYYY-MM-DD as the start of that day, UTC+8 (China Standard Time). */
static bool parse_day(const char *s, int64_t *out)
{
	int y, m, d;
	char tail;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || y < 1970 || y > 9999 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d };
	time_t t = timegm(&tm);
	struct tm back;
	gmtime_r(&t, &back);
	if (back.tm_mday != d || back.tm_mon != m - 1) /* 2026-02-31 is no day */
		return false;
	*out = (int64_t)t - 8 * 3600;
	return true;
}

static gcode day_param(struct api_req *rq, const char *key, int64_t add, int64_t *out,
		       struct gerror *e)
{
	const char *v = api_query(rq, key);
	*out = 0;
	if (!v)
		return G_OK;
	if (!parse_day(v, out))
		return gerr_set(e, G_ERR_INVALID, key, "日期格式应为YYYY-MM-DD",
				"dates are written YYYY-MM-DD");
	*out += add;
	return G_OK;
}

gcode h_audit_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct audit_query q = { 0 };
	char lo[7], hi[7];
	gcode rc = api_check(rq, RES_AUDIT, ACT_READ, NULL, e);
	if (rc == G_OK)
		rc = api_paging(rq, &q.limit, &q.offset, e);
	if (rc == G_OK)
		rc = day_param(rq, "from", 0, &q.from, e);
	if (rc == G_OK)
		rc = day_param(rq, "to", 86400, &q.to, e); /* "to" includes that whole day */
	if (rc != G_OK)
		return rc;
	api_scope_range(rq, lo, hi);
	q.lo = lo;
	q.hi = hi;
	rc = api_query_text(rq, "actor", 64, &q.actor, e);
	if (rc == G_OK)
		rc = api_query_text(rq, "action", 64, &q.action, e);
	if (rc == G_OK)
		rc = api_query_text(rq, "object_type", 64, &q.object_type, e);
	if (rc == G_OK)
		rc = api_query_text(rq, "q", 100, &q.q, e);
	if (rc != G_OK)
		return rc;
	json_t *out;
	rc = audit_search(rq->db, &q, &out, e);
	if (rc != G_OK)
		return rc;
	json_object_set_new(out, "page", json_integer(q.offset / q.limit + 1));
	json_object_set_new(out, "per_page", json_integer(q.limit));
	return api_ok(rs, 200, out);
}
