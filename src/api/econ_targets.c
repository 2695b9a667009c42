/* Annual targets 年度目标 of a region: a growth rate (GDP +7%) and/or an
 * amount (百千: GDP 1000亿元); written by leaders, staff and statisticians
 * of the region. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/body.h"
#include "api/econ.h"
#include "api/handlers.h"
#include "domain/econ_stats.h"
#include "store/econ.h"
#include "store/org.h"

static const struct field_spec target_spec[] = {
	{ "region", 's', true, false, 6, "地区" },
	{ "indicator", 's', true, false, 40, "指标" },
	{ "year", 'i', true, false, 0, "年度" },
	{ "growth_bp", 'i', false, true, 0, "目标增速" },
	{ "amount", 'i', false, true, 0, "目标总量" },
	{ "note", 's', false, true, 500, "说明" },
	{ 0 },
};

static const struct field_spec target_patch_spec[] = {
	{ "growth_bp", 'i', false, true, 0, "目标增速" },
	{ "amount", 'i', false, true, 0, "目标总量" },
	{ "note", 's', false, true, 500, "说明" },
	{ 0 },
};

gcode h_econ_targets_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	char region[7], lo[7], hi[7];
	gcode rc = api_check(rq, RES_ECON_TARGET, ACT_READ, NULL, e);
	if (rc == G_OK)
		rc = econ_query_region(rq, "region", region, e);
	if (rc != G_OK)
		return rc;
	int64_t year = 0;
	const char *y = api_query(rq, "year");
	if (y && *y) {
		char *end = NULL;
		year = strtol(y, &end, 10);
		if (*end || year < ECON_YEAR_MIN || year > ECON_YEAR_MAX)
			return gerr_set(e, G_ERR_INVALID, "year", "年份有误", "bad year");
	}
	api_scope_range(rq, lo, hi);
	json_t *items = store_econ_target_list(rq->db, lo, hi, region, year);
	if (!items)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	return api_ok(rs, 200, json_pack("{s:o}", "items", items));
}

/* Growth plausible, amount positive, at least one of the two. */
static gcode check_target(const struct econ_target_fields *f, struct gerror *e)
{
	if (!f->has_growth && !f->has_amount)
		return gerr_set(e, G_ERR_INVALID, "growth_bp", "目标增速和目标总量至少填写一项",
				"give a growth target, an amount target or both");
	if (f->has_growth && !econ_growth_plausible(f->growth_bp))
		return gerr_set(e, G_ERR_INVALID, "growth_bp", "目标增速超出合理范围（-80%至+300%）",
				"the growth target is outside -80%..+300%");
	if (f->has_amount && f->amount <= 0)
		return gerr_set(e, G_ERR_INVALID, "amount", "目标总量应为正数",
				"the amount target must be positive");
	if (f->year < ECON_YEAR_MIN || f->year > ECON_YEAR_MAX)
		return gerr_set(e, G_ERR_INVALID, "year", "年度超出范围", "the year is out of range");
	return G_OK;
}

static gcode target_reply(struct api_req *rq, struct api_resp *rs, gcode rc, const char *action,
			  int64_t id, const char *region, json_t *before, int status,
			  struct gerror *e)
{
	json_t *after = rc == G_OK ? store_econ_target_get(rq->db, id) : NULL;
	char oid[24];
	snprintf(oid, sizeof oid, "%lld", (long long)id);
	return api_commit_change(rq, rs, rc, action, "indicator_target", oid, region, before, after,
				 status, e);
}

gcode h_econ_targets_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_ECON_TARGET, ACT_WRITE, NULL, e);
	if (rc == G_OK)
		rc = body_check(rq->json, target_spec, e);
	if (rc != G_OK)
		return rc;
	const json_t *b = rq->json;
	struct econ_target_fields f = {
		.region = body_str(b, "region"), .year = body_int(b, "year", 0),
		.has_growth = json_is_integer(json_object_get(b, "growth_bp")),
		.growth_bp = body_int(b, "growth_bp", 0),
		.has_amount = json_is_integer(json_object_get(b, "amount")),
		.amount = body_int(b, "amount", 0), .note = body_str(b, "note"),
	};
	json_t *reg = store_region_get(rq->db, f.region), *ind_row = NULL;
	struct econ_ind ind;
	if (!reg)
		rc = gerr_set(e, G_ERR_INVALID, "region", "地区不存在", "no such region");
	json_decref(reg);
	struct obj_scope o = { .region = f.region };
	if (rc == G_OK)
		rc = api_check(rq, RES_ECON_TARGET, ACT_WRITE, &o, e);
	if (rc == G_OK)
		rc = econ_indicator_load(rq->db, body_str(b, "indicator"), "indicator", &ind_row, &ind, e);
	f.indicator_id = rc == G_OK ? ind.id : 0;
	if (rc == G_OK)
		rc = check_target(&f, e);
	int64_t id = 0;
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_econ_target_insert(rq->db, &f, rq->now, &id, e);
	json_decref(ind_row);
	return target_reply(rq, rs, rc, "create", id, f.region, NULL, 201, e);
}

gcode h_econ_targets_update(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	int64_t id = 0, version = 0;
	gcode rc = api_check(rq, RES_ECON_TARGET, ACT_WRITE, NULL, e);
	if (rc == G_OK)
		rc = api_path_id(rq, 0, &id, e);
	if (rc != G_OK)
		return rc;
	json_t *before = store_econ_target_get(rq->db, id);
	if (!before)
		return api_not_found(e);
	const char *region = json_string_value(json_object_get(before, "region"));
	struct obj_scope o = { .region = region };
	rc = api_check(rq, RES_ECON_TARGET, ACT_WRITE, &o, e);
	const json_t *b = rq->json;
	if (rc == G_OK)
		rc = body_check(b, target_patch_spec, e);
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	/* Absent: keep; null: clear. */
	const json_t *g = json_object_get(b, "growth_bp") ? json_object_get(b, "growth_bp")
							  : json_object_get(before, "growth_bp");
	const json_t *a = json_object_get(b, "amount") ? json_object_get(b, "amount")
						       : json_object_get(before, "amount");
	struct econ_target_fields f = {
		.region = region, .year = json_integer_value(json_object_get(before, "year")),
		.has_growth = json_is_integer(g), .growth_bp = json_integer_value(g),
		.has_amount = json_is_integer(a), .amount = json_integer_value(a),
		.note = json_object_get(b, "note") ? body_str(b, "note")
						   : json_string_value(json_object_get(before, "note")),
	};
	if (rc == G_OK)
		rc = check_target(&f, e);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_econ_target_update(rq->db, id, version, &f, rq->now, e);
	return target_reply(rq, rs, rc, "update", id, region, before, 200, e);
}
