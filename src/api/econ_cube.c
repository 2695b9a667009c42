/* The published values pace, compare and the cockpit compute from, loaded
 * in one query; the period and region of a query; pace items. */
#include <stdio.h>
#include <string.h>

#include "api/econ.h"
#include "api/projects.h"
#include "domain/econ_stats.h"
#include "domain/region.h"
#include "store/econ.h"

static void cube_key(char *out, size_t cap, const char *region, int64_t ind, int year, int month)
{
	snprintf(out, cap, "%s|%lld|%d|%d", region, (long long)ind, year, month);
}

static void cube_put(void *arg, const struct econ_point *p)
{
	struct econ_cube *c = arg;
	char k[64];
	cube_key(k, sizeof k, p->region, p->indicator_id, (int)p->year, (int)p->month);
	json_object_set_new(c->map, k,
			    json_pack("[Io]", (json_int_t)p->value,
				      p->has_growth ? json_integer(p->growth_bp) : json_null()));
}

gcode econ_cube_load(struct api_req *rq, const char *lo, const char *hi, int year_from,
		     int year_to, struct econ_cube *c, struct gerror *e)
{
	c->map = json_object();
	return store_econ_published_scan(rq->db, lo, hi, year_from, year_to, cube_put, c, e);
}

void econ_cube_free(struct econ_cube *c)
{
	json_decref(c->map);
	c->map = NULL;
}

bool econ_cube_get(const struct econ_cube *c, const char *region, int64_t ind,
		   struct econ_period p, int64_t *value, int64_t *growth, bool *has_growth)
{
	char k[64];
	cube_key(k, sizeof k, region, ind, p.year, p.month);
	const json_t *v = c->map ? json_object_get(c->map, k) : NULL;
	if (!v)
		return false;
	if (value)
		*value = json_integer_value(json_array_get(v, 0));
	const json_t *g = json_array_get(v, 1);
	if (has_growth)
		*has_growth = json_is_integer(g);
	if (growth)
		*growth = json_integer_value(g);
	return true;
}

bool econ_latest_period(struct api_req *rq, const char *lo, const char *hi,
			struct econ_period *out)
{
	int64_t y = 0, m = 0;
	bool found = false;
	struct gerror e = { 0 };
	if (store_econ_latest(rq->db, lo, hi, &y, &m, &found, &e) != G_OK || !found)
		return false;
	out->year = (int)y;
	out->month = (int)m;
	return true;
}

gcode econ_query_period(struct api_req *rq, const char *lo, const char *hi,
			struct econ_period *out, struct gerror *e)
{
	const char *q = api_query(rq, "period");
	if (!q || !*q) {
		if (econ_latest_period(rq, lo, hi, out))
			return G_OK;
		int32_t today = projects_today(rq);
		out->year = proj_date_year(today);
		out->month = proj_date_month(today);
		return G_OK;
	}
	bool quarter = false;
	enum econ_period_error pe = econ_period_parse(q, out, &quarter);
	if (pe != EPERIOD_OK)
		return gerr_set(e, G_ERR_INVALID, "period", econ_period_error_zh(pe),
				econ_period_error_en(pe));
	return G_OK;
}

gcode econ_query_region(struct api_req *rq, const char *key, char out[7], struct gerror *e)
{
	const char *q = api_query(rq, key);
	const char *code = q && *q ? q : rq->who.region;
	if (!region_code_valid(code, strlen(code)))
		return gerr_set(e, G_ERR_INVALID, key, "区划代码应为6位数字",
				"a region code is 6 digits");
	struct obj_scope o = { .region = code };
	gcode rc = api_check(rq, RES_ECON_VALUE, ACT_READ, &o, e);
	if (rc == G_OK)
		snprintf(out, 7, "%s", code);
	return rc;
}

const json_t *econ_target_find(const json_t *targets, int64_t indicator_id)
{
	size_t i;
	const json_t *t;
	json_array_foreach(targets, i, t)
		if (json_integer_value(json_object_get(t, "indicator_id")) == indicator_id)
			return t;
	return NULL;
}

static json_t *opt_int(bool has, int64_t v)
{
	return has ? json_integer(v) : json_null();
}

/* {growth_bp, amount, amount_from_growth} and the amount to measure by. */
static json_t *target_json(const struct econ_cube *c, const struct econ_ind *ind,
			   const char *region, struct econ_period p, const json_t *t,
			   int64_t *amount)
{
	*amount = 0;
	if (!t)
		return json_null();
	const json_t *g = json_object_get(t, "growth_bp"), *a = json_object_get(t, "amount");
	bool from_growth = false;
	if (json_is_integer(a)) {
		*amount = json_integer_value(a);
	} else if (json_is_integer(g)) {
		struct econ_period full = { p.year - 1, 12 };
		int64_t last = 0;
		from_growth = econ_cube_get(c, region, ind->id, full, &last, NULL, NULL) &&
			      econ_target_from_growth(last, json_integer_value(g), amount);
	}
	return json_pack("{s:O,s:o,s:b}", "growth_bp", g ? g : json_null(), "amount",
			 *amount > 0 ? json_integer(*amount) : json_null(), "amount_from_growth",
			 from_growth);
}

static void set_pace(json_t *it, bool has_value, int64_t value, int64_t amount, int month)
{
	struct econ_pace pc;
	if (!has_value || !econ_pace_of(value, amount, month, &pc)) {
		json_object_set_new(it, "status", json_string("no_data"));
		json_object_set_new(it, "elapsed_bp", json_integer(proj_pace_month_bp(month)));
		return;
	}
	bool t = pc.status != EPACE_NO_TARGET;
	json_object_set_new(it, "elapsed_bp", json_integer(pc.elapsed_bp));
	json_object_set_new(it, "done_bp", opt_int(t, pc.done_bp));
	json_object_set_new(it, "gap_bp", opt_int(t, pc.gap_bp));
	json_object_set_new(it, "status", json_string(econ_pace_status_code(pc.status)));
	json_object_set_new(it, "remaining", opt_int(t, pc.remaining));
	json_object_set_new(it, "remaining_months", json_integer(pc.remaining_months));
	json_object_set_new(it, "per_month_needed", opt_int(t, pc.per_month_needed));
	json_object_set_new(it, "per_month_so_far", json_integer(pc.per_month_so_far));
}

json_t *econ_pace_item(const struct econ_cube *c, const struct econ_ind *ind,
		       const char *region, struct econ_period asof, const json_t *target)
{
	struct econ_period p = econ_period_at_or_before(asof, ind->per, ind->merged);
	if (p.year != asof.year)
		target = NULL; /* last year's figure: this year's target does not apply */
	int64_t value = 0, growth = 0, last = 0, amount = 0, nominal = 0;
	bool has_growth = false;
	bool has = econ_cube_get(c, region, ind->id, p, &value, &growth, &has_growth);
	if (!has && !target)
		return NULL;
	bool has_last = econ_cube_get(c, region, ind->id, econ_period_last_year(p), &last, NULL,
				      NULL);
	bool has_nominal = has && has_last && econ_nominal_change_bp(value, last, &nominal);
	char pt[ECON_PERIOD_TEXT_MAX], lz[ECON_PERIOD_TEXT_MAX], le[ECON_PERIOD_TEXT_MAX];
	econ_period_format(p, ind->per, pt, sizeof pt);
	econ_period_label_zh(p, ind->per, lz, sizeof lz);
	econ_period_label_en(p, ind->per, le, sizeof le);
	json_t *tj = target_json(c, ind, region, p, target, &amount);
	const json_t *tg = target ? json_object_get(target, "growth_bp") : NULL;
	json_t *it = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o}", "indicator",
			       ind->code, "name", ind->name, "name_en", ind->name_en ? ind->name_en : "",
			       "unit", ind->unit, "display_unit", ind->display_unit, "period", pt,
			       "period_label", lz, "period_label_en", le, "value", opt_int(has, value),
			       "growth_bp", opt_int(has && has_growth, growth), "nominal_change_bp",
			       opt_int(has_nominal, nominal), "last_year_value",
			       opt_int(has_last, last), "target", tj);
	json_object_set_new(it, "growth_gap_bp",
			    opt_int(has_growth && json_is_integer(tg),
				    growth - json_integer_value(tg)));
	set_pace(it, has, value, amount, p.month);
	return it;
}
