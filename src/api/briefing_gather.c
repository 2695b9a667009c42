/* Gathers a briefing's figures: the catalog's top-level and key indicators
 * with a published value for the region in the period, their ranks among
 * the region's comparison group (五城区 for a district of 长春市, else the
 * other children of its parent), the region's targets, the industry
 * structure, and the projects; then composes the draft. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/briefing_internal.h"
#include "api/projects.h"
#include "base/mem.h"
#include "domain/econ_catalog.h"
#include "domain/econ_period.h"
#include "domain/econ_stats.h"
#include "domain/proj_date.h"
#include "domain/region.h"
#include "store/econ.h"
#include "store/org.h"

#define MAX_IND 64
#define MAX_GROUP 64

static const char *const urban_five[] = { "220102", "220103", "220104", "220105", "220106",
					  NULL };

/* Everything the inputs point into, freed together. */
struct gather {
	struct db *c;
	const char *region;
	char parent[7];
	bool five; /* the group is the five urban districts */
	int year, month;
	json_t *catalog, *values, *targets;
	json_t *last_year; /* the region's published values of year - 1, month 12 */
	struct brief_indicator ind[MAX_IND];
	int64_t group_ids[MAX_IND][MAX_GROUP];
	size_t n_ind;
	int64_t structure_ids[3];
	char structure[32];
	struct brief_proj_hold proj;
};

static int64_t num(const json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
}

static const char *str(const json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static bool in_five(const char *code)
{
	for (size_t i = 0; urban_five[i]; i++)
		if (!strcmp(urban_five[i], code))
			return true;
	return false;
}

/* Whether region is ranked with g's region. */
static bool in_group(const struct gather *g, const char *region)
{
	char p[7];
	if (g->five)
		return in_five(region);
	return g->parent[0] && region_parent(region, p) && !strcmp(p, g->parent);
}

/* The period an indicator row reports at the briefing's month. */
static bool period_of(const struct gather *g, const json_t *row, struct econ_period *p)
{
	int per = econ_periodicity_from_code(str(row, "periodicity"));
	if (per < 0)
		return false;
	struct econ_period asof = { g->year, g->month };
	*p = econ_period_at_or_before(asof, (enum econ_periodicity)per,
				      json_is_true(json_object_get(row, "jan_feb_merged")) ||
					      num(row, "jan_feb_merged") == 1);
	return p->year == g->year;
}

static const json_t *value_of(const struct gather *g, const char *region, int64_t ind, int month)
{
	size_t i;
	const json_t *v;
	json_array_foreach(json_object_get(g->values, "items"), i, v)
		if (num(v, "indicator_id") == ind && num(v, "month") == month &&
		    !strcmp(str(v, "region"), region))
			return v;
	return NULL;
}

/* Ranks of the region's value and growth within its group. */
static void rank(struct gather *g, struct brief_indicator *x, int64_t ind, int month)
{
	int64_t v[MAX_GROUP], gr[MAX_GROUP];
	bool has_g[MAX_GROUP];
	int rv[MAX_GROUP], rg[MAX_GROUP];
	size_t n = 0, self = MAX_GROUP;
	int64_t *ids = g->group_ids[g->n_ind];
	size_t i;
	const json_t *r;
	json_array_foreach(json_object_get(g->values, "items"), i, r) {
		if (n == MAX_GROUP || num(r, "indicator_id") != ind || num(r, "month") != month ||
		    !in_group(g, str(r, "region")))
			continue;
		if (!strcmp(str(r, "region"), g->region))
			self = n;
		ids[n] = num(r, "id");
		v[n] = num(r, "value");
		has_g[n] = json_is_integer(json_object_get(r, "growth_bp"));
		gr[n] = num(r, "growth_bp");
		n++;
	}
	if (self == MAX_GROUP || n < 2)
		return;
	econ_rank_desc(v, NULL, n, rv);
	econ_rank_desc(gr, has_g, n, rg);
	x->rank_value = rv[self];
	x->rank_growth = has_g[self] ? rg[self] : 0;
	x->group_n = (int)n;
	x->group_ids = ids;
	x->n_group_ids = n;
}

static void unit_of(const json_t *row, struct brief_indicator *x)
{
	const char *u = str(row, "unit"), *d = str(row, "display_unit");
	x->amount = !strcmp(u, "yuan");
	x->scale = 1;
	int disp = econ_display_from_code(d);
	x->unit_zh = disp >= 0 ? econ_display_zh((enum econ_display)disp) : "";
	if (!strcmp(d, "wan_usd"))
		x->scale = 10000;
}

/* Without an amount, a growth target implies one from last year's
 * full-year value (as the cockpit's pace does). */
static void implied_amount(const struct gather *g, struct brief_indicator *x, int64_t ind)
{
	size_t i;
	const json_t *v;
	json_array_foreach(json_object_get(g->last_year, "items"), i, v)
		if (num(v, "indicator_id") == ind && num(v, "month") == 12 &&
		    econ_target_from_growth(num(v, "value"), x->target_growth_bp,
					    &x->target_amount)) {
			x->has_target_amount = true;
			x->target_amount_implied = true;
			x->implied_base_id = num(v, "id");
		}
}

static void target_of(const struct gather *g, struct brief_indicator *x, int64_t ind)
{
	size_t i;
	const json_t *t;
	json_array_foreach(g->targets, i, t) {
		if (num(t, "indicator_id") != ind)
			continue;
		x->target_id = num(t, "id");
		x->has_target_growth = json_is_integer(json_object_get(t, "growth_bp"));
		x->target_growth_bp = num(t, "growth_bp");
		x->has_target_amount = json_is_integer(json_object_get(t, "amount"));
		x->target_amount = num(t, "amount");
		if (!x->has_target_amount && x->has_target_growth)
			implied_amount(g, x, ind);
	}
}

static void add_indicator(struct gather *g, const json_t *row)
{
	struct econ_period p;
	int64_t id = num(row, "id");
	bool top = json_is_null(json_object_get(row, "parent")) || !json_object_get(row, "parent");
	bool key = json_is_true(json_object_get(row, "is_key")) || num(row, "is_key") == 1;
	if (g->n_ind == MAX_IND || (!top && !key) || !period_of(g, row, &p))
		return;
	const json_t *v = value_of(g, g->region, id, p.month);
	if (!v)
		return;
	struct brief_indicator *x = &g->ind[g->n_ind];
	memset(x, 0, sizeof *x);
	x->code = str(row, "code");
	x->name_zh = str(row, "name");
	unit_of(row, x);
	x->value = num(v, "value");
	x->value_id = num(v, "id");
	x->has_growth = json_is_integer(json_object_get(v, "growth_bp"));
	x->growth_bp = num(v, "growth_bp");
	x->headline = !strcmp(x->code, ECON_GDP);
	x->month = p.month;
	rank(g, x, id, p.month);
	target_of(g, x, id);
	g->n_ind++;
}

/* 三次产业结构 at GDP's period, from the three value-added records. */
static void structure(struct gather *g)
{
	const char *codes[3] = { ECON_GDP_PRIMARY, ECON_GDP_SECONDARY, ECON_GDP_TERTIARY };
	int64_t part[3];
	for (size_t k = 0; k < 3; k++) {
		const json_t *row = NULL, *r;
		size_t i;
		json_array_foreach(g->catalog, i, r)
			if (!strcmp(str(r, "code"), codes[k]))
				row = r;
		struct econ_period p;
		const json_t *v = row && period_of(g, row, &p)
					  ? value_of(g, g->region, num(row, "id"), p.month)
					  : NULL;
		if (!v)
			return;
		part[k] = num(v, "value");
		g->structure_ids[k] = num(v, "id");
	}
	struct econ_structure s;
	if (econ_structure_of(part, &s))
		econ_structure_format(&s, g->structure, sizeof g->structure);
}

static gcode load(struct gather *g, struct gerror *e)
{
	char lo[7], hi[7];
	region_range(g->parent[0] ? g->parent : g->region, lo, hi);
	struct econ_value_query q = { .lo = lo, .hi = hi, .year = g->year,
				      .status = "published", .limit = 1000000 };
	gcode rc = store_econ_value_list(g->c, &q, &g->values, e);
	struct econ_value_query last = { .lo = g->region, .hi = g->region, .region = g->region,
					 .year = g->year - 1, .month = 12, .status = "published",
					 .limit = 1000 };
	if (rc == G_OK)
		rc = store_econ_value_list(g->c, &last, &g->last_year, e);
	if (rc != G_OK)
		return rc;
	g->catalog = store_indicator_list(g->c);
	region_range(g->region, lo, hi);
	g->targets = store_econ_target_list(g->c, lo, hi, g->region, g->year);
	if (!g->catalog || !g->targets)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	size_t i;
	const json_t *row;
	json_array_foreach(g->catalog, i, row)
		add_indicator(g, row);
	structure(g);
	return G_OK;
}

static void gather_free(struct gather *g)
{
	json_decref(g->catalog);
	json_decref(g->values);
	json_decref(g->targets);
	json_decref(g->last_year);
	brief_proj_hold_free(&g->proj);
	free(g);
}

/* The draft's date line: the month after the period ("2023年7月"). */
static void date_line(struct brief_draft *d)
{
	int y = d->year + (d->month == 12), m = d->month % 12 + 1;
	snprintf(d->date_zh, sizeof d->date_zh, "%d年%d月", y, m);
}

gcode brief_draft_make(struct db *c, const char *region, int year, int month, int32_t today,
		       struct brief_draft *out, struct gerror *e)
{
	memset(out, 0, sizeof *out);
	if (year < ECON_YEAR_MIN || year > ECON_YEAR_MAX || month < 1 || month > 12)
		return gerr_set(e, G_ERR_INVALID, "period", "统计期应为YYYY-MM",
				"the period must be YYYY-MM");
	json_t *reg = store_region_get(c, region);
	if (!reg)
		return gerr_set(e, G_ERR_NOTFOUND, "region", "地区不存在", "no such region");
	snprintf(out->region, sizeof out->region, "%s", region);
	snprintf(out->region_name, sizeof out->region_name, "%s", str(reg, "name"));
	json_decref(reg);
	snprintf(out->period, sizeof out->period, "%04d-%02d", year, month);
	out->year = year;
	out->month = month;
	date_line(out);

	struct gather *g = xcalloc(1, sizeof *g);
	g->c = c;
	g->region = out->region;
	g->year = year;
	g->month = month;
	if (region_level(region) == REGION_COUNTY && region_parent(region, g->parent))
		g->five = !strcmp(g->parent, "220100") && in_five(region);
	gcode rc = load(g, e);
	int32_t first, last;
	if (rc == G_OK && proj_month_range(year, month, &first, &last))
		rc = brief_gather_projects(c, region, year, last < today ? last : today, today,
					   &g->proj, e);
	struct brief_input in = { .region_zh = out->region_name,
				  .group_zh = g->five ? "五城区" : g->parent[0] ? "全市" : NULL,
				  .year = year, .month = month, .ind = g->ind, .n_ind = g->n_ind,
				  .proj = g->proj.present ? &g->proj.p : NULL,
				  .structure_text = g->structure[0] ? g->structure : NULL,
				  .structure_ids = g->structure_ids, .n_structure_ids = 3 };
	if (rc == G_OK)
		rc = brief_compose(&in, &out->b, e);
	gather_free(g);
	return rc;
}

void brief_draft_free(struct brief_draft *d)
{
	if (d)
		brief_free(&d->b);
}
