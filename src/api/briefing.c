/* GET /api/v1/briefing: the drafted 经济运行 briefing of a region and
 * period, as JSON (every number with its sources), text, DOCX or PDF. */
#include <stdio.h>
#include <string.h>

#include "api/briefing_doc.h"
#include "api/handlers.h"
#include "api/projects.h"
#include "domain/region.h"

#define BRIEF_DOC_LIMIT (32u << 20)

static const char *const dispositions[BFMT__COUNT] = {
	NULL, NULL,
	"attachment; filename=\"briefing.docx\"; filename*=UTF-8''%E7%BB%8F%E6%B5%8E%E8%BF%90%E8%A1%8C%E6%83%85%E5%86%B5.docx",
	"attachment; filename=\"briefing.pdf\"; filename*=UTF-8''%E7%BB%8F%E6%B5%8E%E8%BF%90%E8%A1%8C%E6%83%85%E5%86%B5.pdf",
};

/* "YYYY-MM" into year and month. */
static gcode period_param(struct api_req *rq, int *year, int *month, struct gerror *e)
{
	if (!brief_period_parse(api_query(rq, "period"), year, month))
		return gerr_set(e, G_ERR_INVALID, "period", "统计期应为YYYY-MM（如2023-06）",
				"period must be YYYY-MM (e.g. 2023-06)");
	return G_OK;
}

/* ?region= (default the caller's), readable by the caller (404 when not). */
static gcode region_param(struct api_req *rq, char out[7], struct gerror *e)
{
	const char *r = api_query(rq, "region");
	if (!r)
		r = rq->who.region;
	if (!r || !region_code_valid(r, strlen(r)))
		return gerr_set(e, G_ERR_INVALID, "region", "区划代码无效", "invalid region code");
	snprintf(out, 7, "%s", r);
	struct obj_scope o = { .region = out };
	return api_check(rq, RES_ECON_VALUE, ACT_READ, &o, e);
}

gcode h_briefing(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	char region[7];
	int year = 0, month = 0;
	const char *fq = api_query(rq, "format");
	int f = fq ? brief_format_from_code(fq) : BFMT_JSON;
	gcode rc = region_param(rq, region, e);
	if (rc == G_OK)
		rc = period_param(rq, &year, &month, e);
	if (rc == G_OK && f < 0)
		rc = gerr_set(e, G_ERR_INVALID, "format", "格式应为 json、text、docx 或 pdf",
			      "format must be json, text, docx or pdf");
	if (rc != G_OK)
		return rc;
	struct brief_draft d;
	rc = brief_draft_make(rq->db, region, year, month, projects_today(rq), &d, e);
	if (rc == G_OK && f == BFMT_JSON) {
		api_ok(rs, 200, brief_draft_json(&d));
	} else if (rc == G_OK) {
		struct buf b;
		buf_init(&b, BRIEF_DOC_LIMIT);
		rc = brief_draft_render(&d, (enum brief_format)f, &b, e);
		if (rc == G_OK)
			api_attach_file(rs, &b, brief_format_mime((enum brief_format)f),
					dispositions[f]);
		buf_free(&b);
	}
	brief_draft_free(&d);
	return rc;
}
