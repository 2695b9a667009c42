/* The catalog as rules see it, the checks of one value, and decoration of
 * value rows; shared by the economic-operation handlers and the import. */
#include <stdio.h>
#include <string.h>

#include "api/econ.h"
#include "api/projects.h"
#include "domain/econ_catalog.h"
#include "domain/econ_stats.h"
#include "domain/proj_amount.h"
#include "store/econ.h"

bool econ_ind_of(const json_t *row, struct econ_ind *out)
{
	if (!json_is_object(row))
		return false;
	out->row = row;
	out->id = json_integer_value(json_object_get(row, "id"));
	out->code = json_string_value(json_object_get(row, "code"));
	out->name = json_string_value(json_object_get(row, "name"));
	out->name_en = json_string_value(json_object_get(row, "name_en"));
	out->unit = json_string_value(json_object_get(row, "unit"));
	out->display_unit = json_string_value(json_object_get(row, "display_unit"));
	int per = econ_periodicity_from_code(json_string_value(json_object_get(row, "periodicity")));
	out->merged = json_is_true(json_object_get(row, "jan_feb_merged"));
	out->is_key = json_is_true(json_object_get(row, "is_key"));
	if (per < 0 || !out->code || !out->name || !out->unit || !out->display_unit)
		return false;
	out->per = (enum econ_periodicity)per;
	return true;
}

const json_t *econ_catalog_find(const json_t *catalog, const char *code)
{
	size_t i;
	const json_t *r;
	json_array_foreach(catalog, i, r) {
		const char *c = json_string_value(json_object_get(r, "code"));
		if (c && code && !strcmp(c, code))
			return r;
	}
	return NULL;
}

gcode econ_indicator_load(struct db *db, const char *code, const char *field, json_t **row,
			  struct econ_ind *ind, struct gerror *e)
{
	*row = code ? store_indicator_by_code(db, code) : NULL;
	if (*row && econ_ind_of(*row, ind))
		return G_OK;
	json_decref(*row);
	*row = NULL;
	char zh[160], en[160];
	snprintf(zh, sizeof zh, "没有代码为“%s”的指标", code ? code : "");
	snprintf(en, sizeof en, "there is no indicator with code \"%s\"", code ? code : "");
	return gerr_set(e, G_ERR_INVALID, field, zh, en);
}

/* A value as reports write it: amounts in 亿元/万元, counts with their unit. */
static void fmt_value(const struct econ_ind *ind, int64_t v, char *out, size_t cap)
{
	if (!strcmp(ind->unit, "yuan")) {
		proj_amount_format(v, 0, out, cap);
		return;
	}
	int d = econ_display_from_code(ind->display_unit);
	snprintf(out, cap, "%lld%s", (long long)v, d >= 0 ? econ_display_zh(d) : "");
}

/* A cumulative value below an earlier period's of the year (other_before)
 * or above a later one's. */
static gcode order_error(const struct econ_ind *ind, const struct econ_input *in,
			 const json_t *other, bool other_before, struct gerror *e)
{
	char a[48], b[48], zh[256], en[256];
	const char *op = json_string_value(json_object_get(other, "period"));
	int64_t ov = json_integer_value(json_object_get(other, "value"));
	fmt_value(ind, in->value, a, sizeof a);
	fmt_value(ind, ov, b, sizeof b);
	snprintf(zh, sizeof zh, "累计值%s%s同年%s的%s，如属修订请在note中说明原因", a,
		 other_before ? "小于" : "大于", op, b);
	snprintf(en, sizeof en,
		 "the year-to-date value %lld is %s %s's %lld of the same year: explain the "
		 "revision in note",
		 (long long)in->value, other_before ? "below" : "above the later", op, (long long)ov);
	return gerr_set(e, G_ERR_INVALID, "value", zh, en);
}

static gcode unit_error(const struct econ_ind *ind, const struct econ_input *in,
			int64_t last, enum econ_unit_check chk, struct gerror *e)
{
	char a[48], b[48], zh[256], en[256];
	fmt_value(ind, in->value, a, sizeof a);
	fmt_value(ind, last, b, sizeof b);
	snprintf(zh, sizeof zh,
		 "%s与上年同期%s相差约%s倍，疑似单位有误（万元与亿元），请核对；确认无误请设置confirm_unit",
		 a, b, chk == EUNITCHK_TOO_LARGE ? "一万" : "万分之一");
	snprintf(en, sizeof en,
		 "%lld is %s last year's %lld for the same period: the unit looks wrong (10,000 "
		 "yuan vs 100 million yuan); check it, or set confirm_unit",
		 (long long)in->value, chk == EUNITCHK_TOO_LARGE ? "thousands of times"
								 : "a tiny fraction of",
		 (long long)last);
	return gerr_set(e, G_ERR_INVALID, "value", zh, en);
}

static bool blank(const char *s)
{
	return !s || !s[strspn(s, " \t\r\n")];
}

/* The neighbours in the same year must not contradict a cumulative value. */
static gcode check_order(struct db *db, const struct econ_input *in, struct gerror *e)
{
	const struct econ_ind *ind = in->ind;
	json_t *prev = store_econ_value_before(db, in->region, ind->id, in->period.year,
					       in->period.month);
	json_t *next = store_econ_value_after(db, in->region, ind->id, in->period.year,
					      in->period.month);
	gcode rc = G_OK;
	if (prev && in->value < json_integer_value(json_object_get(prev, "value")))
		rc = order_error(ind, in, prev, true, e);
	else if (next && in->value > json_integer_value(json_object_get(next, "value")))
		rc = order_error(ind, in, next, false, e);
	json_decref(prev);
	json_decref(next);
	return rc;
}

gcode econ_value_check(struct db *db, const struct econ_input *in, struct gerror *e)
{
	const struct econ_ind *ind = in->ind;
	if (in->value < 0)
		return gerr_set(e, G_ERR_INVALID, "value", "累计值不能为负数",
				"a year-to-date value cannot be negative");
	if (in->has_growth && !econ_growth_plausible(in->growth_bp)) {
		char zh[200], en[200];
		snprintf(zh, sizeof zh, "同比增速%lld个基点超出合理范围（-80%%至+300%%）",
			 (long long)in->growth_bp);
		snprintf(en, sizeof en,
			 "a growth rate of %lld basis points is outside the plausible -80%%..+300%%",
			 (long long)in->growth_bp);
		return gerr_set(e, G_ERR_INVALID, "growth_bp", zh, en);
	}
	gcode rc = blank(in->note) ? check_order(db, in, e) : G_OK;
	if (rc != G_OK || in->confirm_unit)
		return rc;
	json_t *ly = store_econ_value_find(db, in->region, ind->id, in->period.year - 1,
					   in->period.month);
	int64_t last = ly ? json_integer_value(json_object_get(ly, "value")) : 0;
	json_decref(ly);
	enum econ_unit_check chk = econ_unit_check(in->value, last);
	return chk == EUNITCHK_OK ? G_OK : unit_error(ind, in, last, chk, e);
}

gcode econ_not_future(const struct api_req *rq, struct econ_period p, struct gerror *e)
{
	int32_t today = projects_today(rq);
	struct econ_period now = { proj_date_year(today), proj_date_month(today) };
	if (econ_period_index(p) <= econ_period_index(now))
		return G_OK;
	return gerr_set(e, G_ERR_INVALID, "period", "不能填报尚未到来的期别",
			"a period that has not begun yet cannot be reported");
}

struct econ_writer econ_writer_of(const struct api_req *rq)
{
	struct econ_writer w = { rq->db, api_actor(rq), rq->who.user_id, rq->now };
	return w;
}

json_t *econ_value_decorate(json_t *v)
{
	if (!v)
		return v;
	struct econ_period p = { (int)json_integer_value(json_object_get(v, "year")),
				 (int)json_integer_value(json_object_get(v, "month")) };
	int per = econ_periodicity_from_code(json_string_value(json_object_get(v, "periodicity")));
	char zh[ECON_PERIOD_TEXT_MAX], en[ECON_PERIOD_TEXT_MAX];
	econ_period_label_zh(p, per < 0 ? EPER_MONTHLY : (enum econ_periodicity)per, zh, sizeof zh);
	econ_period_label_en(p, per < 0 ? EPER_MONTHLY : (enum econ_periodicity)per, en, sizeof en);
	json_object_set_new(v, "period_label", json_string(zh));
	json_object_set_new(v, "period_label_en", json_string(en));
	const json_t *ly = json_object_get(v, "last_year_value");
	int64_t bp;
	if (json_is_integer(ly) &&
	    econ_nominal_change_bp(json_integer_value(json_object_get(v, "value")),
				   json_integer_value(ly), &bp))
		json_object_set_new(v, "nominal_change_bp", json_integer(bp));
	else
		json_object_set_new(v, "nominal_change_bp", json_null());
	return v;
}
