/* Values of economic indicators per region and period: statisticians of
 * the region enter drafts, another statistician or a leader publishes
 * them; every change of a figure is kept as a revision. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/body.h"
#include "api/econ.h"
#include "api/handlers.h"
#include "store/econ.h"
#include "store/org.h"

static const struct field_spec value_spec[] = {
	{ "region", 's', true, false, 6, "地区" },
	{ "indicator", 's', true, false, 40, "指标" },
	{ "period", 's', true, false, 10, "期别" },
	{ "value", 'i', true, false, 0, "累计值" },
	{ "growth_bp", 'i', false, true, 0, "同比增速" },
	{ "note", 's', false, true, 500, "修订说明" },
	{ "confirm_unit", 'b', false, false, 0, "确认单位" },
	{ 0 },
};

static const struct field_spec value_patch_spec[] = {
	{ "value", 'i', false, false, 0, "累计值" },
	{ "growth_bp", 'i', false, true, 0, "同比增速" },
	{ "note", 's', false, true, 500, "修订说明" },
	{ "confirm_unit", 'b', false, false, 0, "确认单位" },
	{ 0 },
};

static gcode db_error(struct gerror *e)
{
	return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
}

static bool blank(const char *s)
{
	return !s || !s[strspn(s, " \t\r\n")];
}

/* Filters of the list: indicator code to id, period text to year/month. */
static gcode list_filters(struct api_req *rq, struct econ_value_query *q, json_t **ind_row,
			  struct gerror *e)
{
	const char *code = api_query(rq, "indicator"), *period = api_query(rq, "period");
	const char *status = api_query(rq, "status"), *region = api_query(rq, "region");
	struct econ_ind ind;
	gcode rc = G_OK;
	if (code && *code) {
		rc = econ_indicator_load(rq->db, code, "indicator", ind_row, &ind, e);
		q->indicator_id = rc == G_OK ? ind.id : 0;
	}
	if (rc == G_OK && period && *period) {
		struct econ_period p;
		enum econ_period_error pe = *ind_row ? econ_period_parse_for(period, ind.per,
									     ind.merged, &p)
						     : econ_period_parse(period, &p, NULL);
		if (pe != EPERIOD_OK)
			return gerr_set(e, G_ERR_INVALID, "period", econ_period_error_zh(pe),
					econ_period_error_en(pe));
		q->year = p.year;
		q->month = p.month;
	}
	const char *y = api_query(rq, "year");
	if (rc == G_OK && y && *y && !q->year) {
		char *end = NULL;
		long v = strtol(y, &end, 10);
		if (*end || v < ECON_YEAR_MIN || v > ECON_YEAR_MAX)
			return gerr_set(e, G_ERR_INVALID, "year", "年份有误", "bad year");
		q->year = v;
	}
	if (rc == G_OK && status && *status) {
		if (strcmp(status, "draft") && strcmp(status, "published"))
			return gerr_set(e, G_ERR_INVALID, "status", "状态应为 draft 或 published",
					"status is draft or published");
		q->status = status;
	}
	q->region = region && *region ? region : NULL;
	return rc;
}

gcode h_econ_values_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_ECON_VALUE, ACT_READ, NULL, e);
	char lo[7], hi[7];
	api_scope_range(rq, lo, hi);
	struct econ_value_query q = { .lo = lo, .hi = hi };
	json_t *ind_row = NULL, *out = NULL;
	if (rc == G_OK)
		rc = api_paging(rq, &q.limit, &q.offset, e);
	if (rc == G_OK)
		rc = list_filters(rq, &q, &ind_row, e);
	if (rc == G_OK)
		rc = store_econ_value_list(rq->db, &q, &out, e);
	json_decref(ind_row);
	if (rc != G_OK)
		return rc;
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(out, "items"), i, v)
		econ_value_decorate(v);
	json_object_set_new(out, "page", json_integer(q.offset / (q.limit ? q.limit : 1) + 1));
	json_object_set_new(out, "per_page", json_integer(q.limit));
	return api_ok(rs, 200, out);
}

/* The value of path parameter 0, checked for act (404 outside scope). */
static json_t *visible_value(struct api_req *rq, enum action act, struct gerror *e, gcode *rc)
{
	int64_t id = 0;
	*rc = api_check(rq, RES_ECON_VALUE, act, NULL, e);
	if (*rc == G_OK)
		*rc = api_path_id(rq, 0, &id, e);
	if (*rc != G_OK)
		return NULL;
	json_t *v = store_econ_value_get(rq->db, id);
	if (!v) {
		*rc = api_not_found(e);
		return NULL;
	}
	struct obj_scope o = { .region = json_string_value(json_object_get(v, "region")) };
	*rc = api_check(rq, RES_ECON_VALUE, act, &o, e);
	if (*rc != G_OK) {
		json_decref(v);
		return NULL;
	}
	return v;
}

gcode h_econ_values_get(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *v = visible_value(rq, ACT_READ, e, &rc);
	if (!v)
		return rc;
	econ_value_decorate(v);
	json_t *revs = store_econ_revisions(rq->db, json_integer_value(json_object_get(v, "id")));
	json_object_set_new(v, "revisions", revs ? revs : json_array());
	api_set_etag(rs, json_integer_value(json_object_get(v, "version")));
	return api_ok(rs, 200, v);
}

/* The region of a new value: valid, existing and writable (404 outside). */
static gcode writable_region(struct api_req *rq, const char *region, struct gerror *e)
{
	json_t *r = region ? store_region_get(rq->db, region) : NULL;
	if (!r)
		return gerr_set(e, G_ERR_INVALID, "region", "地区不存在", "no such region");
	json_decref(r);
	struct obj_scope o = { .region = region };
	return api_check(rq, RES_ECON_VALUE, ACT_WRITE, &o, e);
}

static void fields_of(const struct econ_input *in, const char *period, const char *source,
		      struct econ_value_fields *f)
{
	*f = (struct econ_value_fields){ .region = in->region, .indicator_id = in->ind->id,
					 .period = period, .year = in->period.year,
					 .month = in->period.month, .value = in->value,
					 .growth_bp = in->growth_bp, .has_growth = in->has_growth,
					 .note = in->note, .source = source };
}

static gcode value_reply(struct api_req *rq, struct api_resp *rs, gcode rc, const char *action,
			 int64_t id, const char *region, json_t *before, int status,
			 struct gerror *e)
{
	json_t *after = rc == G_OK ? econ_value_decorate(store_econ_value_get(rq->db, id)) : NULL;
	if (rc == G_OK && !after)
		rc = db_error(e);
	char oid[24];
	snprintf(oid, sizeof oid, "%lld", (long long)id);
	return api_commit_change(rq, rs, rc, action, "indicator_value", oid, region, before, after,
				 status, e);
}

gcode econ_value_write_new(const struct econ_writer *w, const struct econ_input *in,
			   const char *source, int64_t *id, struct gerror *e)
{
	char period[ECON_PERIOD_TEXT_MAX];
	econ_period_format(in->period, in->ind->per, period, sizeof period);
	struct econ_value_fields f;
	fields_of(in, period, source, &f);
	gcode rc = store_econ_value_insert(w->db, &f, w->user_id, w->now, id, e);
	if (rc == G_OK)
		rc = store_econ_revision_add(w->db, *id, in->region, NULL, &f, in->note, w->actor.id,
					     w->actor.name, w->now, e);
	return rc;
}

gcode econ_value_write_update(const struct econ_writer *w, const struct econ_input *in,
			      const json_t *before, int64_t version, const char *source,
			      struct gerror *e)
{
	int64_t id = json_integer_value(json_object_get(before, "id"));
	struct econ_value_fields f;
	fields_of(in, json_string_value(json_object_get(before, "period")), source, &f);
	gcode rc = store_econ_value_update(w->db, id, version, &f, w->user_id, w->now, e);
	if (rc == G_OK)
		rc = store_econ_revision_add(w->db, id, in->region, before, &f, in->note, w->actor.id,
					     w->actor.name, w->now, e);
	return rc;
}

gcode h_econ_values_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_ECON_VALUE, ACT_WRITE, NULL, e);
	if (rc == G_OK)
		rc = body_check(rq->json, value_spec, e);
	if (rc != G_OK)
		return rc;
	const json_t *b = rq->json;
	struct econ_input in = { .region = body_str(b, "region"), .value = body_int(b, "value", 0),
				 .has_growth = json_is_integer(json_object_get(b, "growth_bp")),
				 .growth_bp = body_int(b, "growth_bp", 0),
				 .note = blank(body_str(b, "note")) ? NULL : body_str(b, "note"),
				 .confirm_unit = json_is_true(json_object_get(b, "confirm_unit")) };
	json_t *ind_row = NULL;
	struct econ_ind ind;
	rc = writable_region(rq, in.region, e);
	if (rc == G_OK)
		rc = econ_indicator_load(rq->db, body_str(b, "indicator"), "indicator", &ind_row, &ind, e);
	in.ind = &ind;
	if (rc == G_OK) {
		enum econ_period_error pe = econ_period_parse_for(body_str(b, "period"), ind.per,
								  ind.merged, &in.period);
		if (pe != EPERIOD_OK)
			rc = gerr_set(e, G_ERR_INVALID, "period", econ_period_error_zh(pe),
				      econ_period_error_en(pe));
	}
	if (rc == G_OK)
		rc = econ_not_future(rq, in.period, e);
	if (rc == G_OK)
		rc = econ_value_check(rq->db, &in, e);
	int64_t id = 0;
	struct econ_writer w = econ_writer_of(rq);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = econ_value_write_new(&w, &in, "entry", &id, e);
	rc = value_reply(rq, rs, rc, "create", id, in.region, NULL, 201, e);
	json_decref(ind_row);
	return rc;
}

static bool is_published(const json_t *v)
{
	const char *s = json_string_value(json_object_get(v, "status"));
	return s && !strcmp(s, "published");
}

gcode h_econ_values_update(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *before = visible_value(rq, ACT_WRITE, e, &rc), *ind_row = NULL;
	if (!before)
		return rc;
	const json_t *b = rq->json;
	int64_t version = 0, id = json_integer_value(json_object_get(before, "id"));
	const char *region = json_string_value(json_object_get(before, "region"));
	const json_t *g = json_object_get(b, "growth_bp");
	struct econ_ind ind;
	struct econ_input in = {
		.region = region,
		.ind = &ind,
		.period = { (int)json_integer_value(json_object_get(before, "year")),
			    (int)json_integer_value(json_object_get(before, "month")) },
		.value = body_int(b, "value", json_integer_value(json_object_get(before, "value"))),
		.has_growth = g ? json_is_integer(g)
				: json_is_integer(json_object_get(before, "growth_bp")),
		.growth_bp = g ? json_integer_value(g)
			       : json_integer_value(json_object_get(before, "growth_bp")),
		.note = blank(body_str(b, "note")) ? NULL : body_str(b, "note"),
		.confirm_unit = json_is_true(json_object_get(b, "confirm_unit")),
		.exclude_id = id,
	};
	struct econ_writer w = econ_writer_of(rq);
	rc = body_check(b, value_patch_spec, e);
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK)
		rc = econ_indicator_load(rq->db, json_string_value(json_object_get(before, "indicator")),
					 "indicator", &ind_row, &ind, e);
	if (rc == G_OK && is_published(before) && !in.note)
		rc = gerr_set(e, G_ERR_INVALID, "note", "修订已发布的数据须在note中说明原因",
			      "revising a published value needs a note saying why");
	if (rc == G_OK)
		rc = econ_value_check(rq->db, &in, e);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = econ_value_write_update(&w, &in, before, version, "entry", e);
	rc = value_reply(rq, rs, rc, "update", id, region, before, 200, e);
	json_decref(ind_row);
	return rc;
}

gcode h_econ_values_publish(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *before = visible_value(rq, ACT_ADMIN, e, &rc);
	if (!before)
		return rc;
	int64_t version = 0, id = json_integer_value(json_object_get(before, "id"));
	const char *region = json_string_value(json_object_get(before, "region"));
	if (is_published(before))
		rc = gerr_set(e, G_ERR_EXISTS, "status", "该数据已发布", "this value is already published");
	else if (json_integer_value(json_object_get(before, "entered_by")) == rq->who.user_id)
		rc = gerr_set(e, G_ERR_FORBIDDEN, NULL, "不能审核发布自己录入的数据，请由其他统计员或领导审核",
			      "you cannot publish a value you entered: another statistician or a "
			      "leader reviews it");
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_econ_value_publish(rq->db, id, version, rq->who.user_id, rq->now, e);
	return value_reply(rq, rs, rc, "publish", id, region, before, 200, e);
}
