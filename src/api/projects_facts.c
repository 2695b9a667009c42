/* Loading the year's project facts for the aggregate handlers. */
#include "api/projects_facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/projects.h"
#include "base/text.h"
#include "domain/proj_class.h"
#include "store/projects.h"

static gcode read_period(struct api_req *rq, struct facts_set *s, struct gerror *e)
{
	const char *y = api_query(rq, "year"), *a = api_query(rq, "as_of");
	int64_t year = proj_date_year(s->today);
	if (y && !text_to_i64(y, 1900, 2199, &year))
		return gerr_set(e, G_ERR_INVALID, "year", "年度应为1900至2199的整数",
				"year must be an integer from 1900 to 2199");
	s->year = (int)year;
	int32_t last;
	proj_date_from_ymd(s->year, 12, 31, &last);
	s->asof = s->today < last ? s->today : last;
	if (a && !projects_iso_parse(a, &s->asof))
		return gerr_set(e, G_ERR_INVALID, "as_of", "截止日期应为有效日期（YYYY-MM-DD）",
				"as_of must be a valid date (YYYY-MM-DD)");
	return G_OK;
}

static struct proj_fact fact_of(const json_t *r)
{
	const char *kind = json_string_value(json_object_get(r, "kind"));
	const char *cat = json_string_value(json_object_get(r, "category"));
	int k = kind ? proj_kind_find(kind, strlen(kind)) : -1;
	int c = cat ? proj_category_find(cat, strlen(cat)) : -1;
	const char *region = json_string_value(json_object_get(r, "region"));
	struct proj_fact f = {
		.id = json_integer_value(json_object_get(r, "id")),
		.kind = k >= 0 ? (enum proj_kind)k : PKIND_NEW,
		.category = c >= 0 ? (enum proj_category)c : (enum proj_category)0,
		.region = region ? strtoll(region, NULL, 10) : 0,
		.department_id = json_integer_value(json_object_get(r, "department_id")),
		.leader_id = json_integer_value(json_object_get(r, "leader_id")),
		.planned_start = projects_json_date(r, "planned_start"),
		.planned_completion = projects_json_date(r, "planned_finish"),
		.completed = projects_json_date(r, "actual_finish"),
		.stats_date = projects_json_date(r, "stats_date"),
		.annual_plan_yuan = json_integer_value(json_object_get(r, "annual_plan")),
		.ytd_done_yuan = json_integer_value(json_object_get(r, "invest_ytd")),
	};
	/* 新建: 开工; 续建: this year's 复工 (the move back to 在建). */
	f.started = f.kind == PKIND_NEW ? projects_json_date(r, "actual_start")
					: projects_json_date(r, "resumed");
	if (f.annual_plan_yuan < 0)
		f.annual_plan_yuan = 0;
	if (f.ytd_done_yuan < 0)
		f.ytd_done_yuan = 0;
	return f;
}

gcode facts_load(struct api_req *rq, int64_t leader_id, int64_t department_id,
		 struct facts_set *s, struct gerror *e)
{
	memset(s, 0, sizeof *s);
	s->today = projects_today(rq);
	gcode rc = api_check(rq, RES_PROJECT, ACT_READ, NULL, e);
	if (rc == G_OK)
		rc = read_period(rq, s, e);
	if (rc != G_OK)
		return rc;
	api_scope_range(rq, s->lo, s->hi);
	struct facts_query q = { .lo = s->lo, .hi = s->hi, .plan_year = s->year,
				 .leader_id = leader_id, .department_id = department_id };
	if (rq->who.role == ROLE_STAFF) { /* staff see their department's only */
		int64_t own = rq->who.department_id ? rq->who.department_id : -1;
		q.department_id = department_id && department_id != own ? -1 : own;
	}
	if (rq->who.role == ROLE_ENTERPRISE)
		q.builder_id = rq->who.enterprise_id ? rq->who.enterprise_id : -1;
	rc = projects_refresh_stale(rq, s->lo, s->hi, e);
	if (rc == G_OK)
		rc = store_project_facts(rq->db, &q, &s->rows, e);
	if (rc != G_OK)
		return rc;
	s->n = json_array_size(s->rows);
	s->f = calloc(s->n ? s->n : 1, sizeof *s->f);
	if (!s->f)
		return gerr_set(e, G_ERR_NOMEM, NULL, "内存不足", "out of memory");
	for (size_t i = 0; i < s->n; i++)
		s->f[i] = fact_of(json_array_get(s->rows, i));
	return G_OK;
}

void facts_free(struct facts_set *s)
{
	json_decref(s->rows);
	free(s->f);
	s->rows = NULL;
	s->f = NULL;
}

const json_t *facts_row(const struct facts_set *s, int64_t id)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->f[i].id == id)
			return json_array_get(s->rows, i);
	return NULL;
}

json_t *facts_rate_json(const struct proj_rate *r)
{
	return json_pack("{s:I,s:I,s:I,s:b}", "done", (json_int_t)r->done, "target",
			 (json_int_t)r->target, "bp", (json_int_t)r->bp, "defined", r->defined);
}

gcode facts_want_xlsx(struct api_req *rq, bool *xlsx, struct gerror *e)
{
	const char *f = api_query(rq, "format");
	*xlsx = f && !strcmp(f, "xlsx");
	if (!f || *xlsx || !strcmp(f, "json"))
		return G_OK;
	return gerr_set(e, G_ERR_INVALID, "format", "格式应为json或xlsx",
			"format must be json or xlsx");
}

void facts_attach_xlsx(struct api_resp *rs, struct buf *b, const char *disposition)
{
	rs->status = 200;
	rs->raw_len = b->len;
	rs->raw = buf_take(b);
	rs->content_type = sheet_format_mime(SHEET_XLSX);
	rs->disposition = disposition;
}
