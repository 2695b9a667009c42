/* Computed views over published values: pace against the annual targets
 * (序时进度) of one region, and the comparison of the units of a city
 * (shares of a group, ranks and their change, industry structure). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/econ.h"
#include "api/handlers.h"
#include "base/mem.h"
#include "domain/econ_stats.h"
#include "domain/proj_date.h"
#include "domain/region.h"
#include "store/econ.h"
#include "store/org.h"

static gcode db_error(struct gerror *e)
{
	return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
}

static json_t *period_head(struct econ_period p)
{
	char t[16];
	snprintf(t, sizeof t, "%04d-%02d", p.year, p.month);
	return json_pack("{s:s,s:i,s:i,s:I}", "period", t, "year", p.year, "month", p.month,
			 "elapsed_bp", (json_int_t)proj_pace_month_bp(p.month));
}

json_t *econ_pace_items(struct api_req *rq, const struct econ_cube *c, const json_t *catalog,
			const char *region, struct econ_period p, bool key_only)
{
	char lo[7], hi[7];
	api_scope_range(rq, lo, hi);
	json_t *targets = store_econ_target_list(rq->db, lo, hi, region, p.year);
	json_t *items = json_array();
	size_t i;
	const json_t *row;
	json_array_foreach(catalog, i, row) {
		struct econ_ind ind;
		if (!econ_ind_of(row, &ind) || (key_only && !ind.is_key))
			continue;
		json_t *it = econ_pace_item(c, &ind, region,
					    p, econ_target_find(targets, ind.id));
		if (it)
			json_array_append_new(items, it);
	}
	json_decref(targets);
	return items;
}

gcode h_econ_pace(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	char region[7];
	struct econ_period p;
	struct econ_cube c = { 0 };
	gcode rc = api_check(rq, RES_ECON_VALUE, ACT_READ, NULL, e);
	if (rc == G_OK)
		rc = econ_query_region(rq, "region", region, e);
	if (rc == G_OK)
		rc = econ_query_period(rq, region, region, &p, e);
	if (rc == G_OK)
		rc = econ_cube_load(rq, region, region, p.year - 1, p.year, &c, e);
	json_t *catalog = rc == G_OK ? store_indicator_list(rq->db) : NULL;
	json_t *reg = rc == G_OK ? store_region_get(rq->db, region) : NULL;
	if (rc == G_OK && (!catalog || !reg))
		rc = db_error(e);
	if (rc == G_OK) {
		json_t *out = period_head(p);
		json_object_set_new(out, "region", json_string(region));
		json_object_set(out, "region_name", json_object_get(reg, "name"));
		json_object_set_new(out, "items", econ_pace_items(rq, &c, catalog, region, p, false));
		rc = api_ok(rs, 200, out);
	}
	econ_cube_free(&c);
	json_decref(catalog);
	json_decref(reg);
	return rc;
}

/* The parent of a comparison: ?parent=, default the caller's city (the
 * caller's own region when it is a city, else its parent). Readable when
 * the caller's scope covers it or it is the caller's own parent. */
static gcode compare_parent(struct api_req *rq, char out[7], struct gerror *e)
{
	const char *q = api_query(rq, "parent");
	char own_parent[7] = "";
	region_parent(rq->who.region, own_parent);
	if (q && *q)
		snprintf(out, 7, "%s", q);
	else if (region_level(rq->who.region) == REGION_CITY)
		snprintf(out, 7, "%s", rq->who.region);
	else
		snprintf(out, 7, "%s", own_parent);
	if (!region_code_valid(out, strlen(out)) || region_level(out) != REGION_CITY)
		return gerr_set(e, G_ERR_INVALID, "parent", "parent应为市级区划代码",
				"parent is the code of a city");
	if (region_covers(rq->who.region, out) || !strcmp(own_parent, out))
		return G_OK;
	return api_not_found(e);
}

/* Unit i's row of an indicator; rows outside the caller's scope are left
 * out (their ranks still count). */
static json_t *compare_row(struct api_req *rq, const struct econ_cube *c, const json_t *unit,
			   const json_t *group, const struct econ_ind *ind, struct econ_period p,
			   int64_t group_total)
{
	const char *code = json_string_value(json_object_get(unit, "code"));
	int64_t v = 0, g = 0, last = 0, bp = 0;
	bool has_g = false;
	if (!region_covers(rq->who.region, code) ||
	    !econ_cube_get(c, code, ind->id, p, &v, &g, &has_g))
		return NULL;
	bool in_group = econ_in_group(group, code);
	bool has_share = in_group && econ_share_bp(v, group_total, &bp);
	int64_t nominal = 0;
	bool has_nom = econ_cube_get(c, code, ind->id, econ_period_last_year(p), &last, NULL, NULL) &&
		       econ_nominal_change_bp(v, last, &nominal);
	return json_pack("{s:s,s:O,s:b,s:I,s:o,s:o,s:o}", "region", code, "name",
			 json_object_get(unit, "name"), "in_group", in_group, "value", (json_int_t)v,
			 "growth_bp", has_g ? json_integer(g) : json_null(), "nominal_change_bp",
			 has_nom ? json_integer(nominal) : json_null(), "share_bp",
			 has_share ? json_integer(bp) : json_null());
}

static json_t *rank_json(int r)
{
	return r > 0 ? json_integer(r) : json_null();
}

/* Ranks of the reported growth within the group. */
static void growth_ranks(const struct econ_cube *c, const json_t *units, const json_t *group,
			 int64_t ind, struct econ_period p, int *rank)
{
	size_t n = json_array_size(units);
	int64_t *g = xcalloc(n ? n : 1, sizeof *g);
	bool *has = xcalloc(n ? n : 1, sizeof *has);
	for (size_t i = 0; i < n; i++) {
		const char *code = json_string_value(json_object_get(json_array_get(units, i), "code"));
		bool hg = false;
		has[i] = econ_cube_get(c, code, ind, p, NULL, &g[i], &hg) && hg &&
			 econ_in_group(group, code);
	}
	econ_rank_desc(g, has, n, rank);
	free(g);
	free(has);
}

static int64_t total_of(const struct econ_cube *c, const json_t *units, const json_t *group,
			int64_t ind, struct econ_period p)
{
	int64_t sum = 0, v;
	size_t i;
	const json_t *u;
	json_array_foreach(units, i, u) {
		const char *code = json_string_value(json_object_get(u, "code"));
		if ((!group || econ_in_group(group, code)) && econ_cube_get(c, code, ind, p, &v, NULL, NULL))
			sum += v;
	}
	return sum;
}

struct ranks {
	int *all, *group, *all_prev, *group_prev, *growth;
};

static void add_ranks(json_t *row, const struct ranks *r, size_t i)
{
	json_object_set_new(row, "rank_all", rank_json(r->all[i]));
	json_object_set_new(row, "rank_group", rank_json(r->group[i]));
	json_object_set_new(row, "rank_all_prev", rank_json(r->all_prev[i]));
	json_object_set_new(row, "rank_group_prev", rank_json(r->group_prev[i]));
	json_object_set_new(row, "rank_change_all",
			    json_integer(econ_rank_change(r->all_prev[i], r->all[i])));
	json_object_set_new(row, "rank_change_group",
			    json_integer(econ_rank_change(r->group_prev[i], r->group[i])));
	json_object_set_new(row, "rank_growth_group", rank_json(r->growth[i]));
}

/* Sorts rows by rank_all (unranked last). */
static int by_rank(const void *a, const void *b)
{
	json_int_t x = json_integer_value(json_object_get(*(json_t *const *)a, "rank_all"));
	json_int_t y = json_integer_value(json_object_get(*(json_t *const *)b, "rank_all"));
	return (x > y) - (x < y);
}

static json_t *sorted(json_t *rows)
{
	size_t n = json_array_size(rows);
	json_t **v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(rows, i));
	qsort(v, n, sizeof *v, by_rank);
	json_array_clear(rows);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(rows, v[i]);
	free(v);
	return rows;
}

json_t *econ_compare_indicator(struct api_req *rq, const struct econ_cube *c,
			       const json_t *units, const json_t *group,
			       const struct econ_ind *ind, struct econ_period asof)
{
	struct econ_period p = econ_period_at_or_before(asof, ind->per, ind->merged), prev;
	bool has_prev = econ_period_prev(p, ind->per, ind->merged, &prev);
	size_t n = json_array_size(units);
	int *buf = xcalloc(5 * (n ? n : 1), sizeof *buf);
	struct ranks r = { buf, buf + n, buf + 2 * n, buf + 3 * n, buf + 4 * n };
	econ_ranks(c, units, group, ind->id, p, r.all, r.group);
	if (has_prev)
		econ_ranks(c, units, group, ind->id, prev, r.all_prev, r.group_prev);
	growth_ranks(c, units, group, ind->id, p, r.growth);
	int64_t gt = total_of(c, units, group, ind->id, p), at = total_of(c, units, NULL, ind->id, p);
	json_t *rows = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *row = compare_row(rq, c, json_array_get(units, i), group, ind, p, gt);
		if (!row)
			continue;
		add_ranks(row, &r, i);
		json_array_append_new(rows, row);
	}
	free(buf);
	char pt[ECON_PERIOD_TEXT_MAX], pp[ECON_PERIOD_TEXT_MAX] = "";
	econ_period_format(p, ind->per, pt, sizeof pt);
	if (has_prev)
		econ_period_format(prev, ind->per, pp, sizeof pp);
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:I,s:I,s:o}", "indicator", ind->code, "name",
			 ind->name, "name_en", ind->name_en ? ind->name_en : "", "unit", ind->unit,
			 "display_unit", ind->display_unit, "period", pt, "prev_period", pp,
			 "group_total", (json_int_t)gt, "all_total", (json_int_t)at, "rows",
			 sorted(rows));
}

static json_t *compare_body(struct api_req *rq, const struct econ_cube *c, const json_t *catalog,
			    const json_t *units, const json_t *group, const char *only,
			    struct econ_period p)
{
	json_t *inds = json_array(), *structure = json_array();
	size_t i;
	const json_t *row;
	json_array_foreach(catalog, i, row) {
		struct econ_ind ind;
		if (econ_ind_of(row, &ind) && (!only || !strcmp(only, ind.code)))
			json_array_append_new(inds, econ_compare_indicator(rq, c, units, group, &ind, p));
	}
	struct econ_period gp = econ_period_at_or_before(p, EPER_QUARTERLY, false);
	json_t *u_out = json_array();
	json_array_foreach(units, i, row) {
		const char *code = json_string_value(json_object_get(row, "code"));
		json_array_append_new(u_out, json_pack("{s:O,s:O,s:b}", "code",
						       json_object_get(row, "code"), "name",
						       json_object_get(row, "name"), "in_group",
						       econ_in_group(group, code)));
		json_t *s = region_covers(rq->who.region, code)
				    ? econ_structure_json(c, catalog, code, gp)
				    : NULL;
		if (s) {
			json_object_set_new(s, "region", json_string(code));
			json_object_set(s, "name", json_object_get(row, "name"));
			json_array_append_new(structure, s);
		}
	}
	return json_pack("{s:o,s:o,s:o}", "units", u_out, "indicators", inds, "structure",
			 structure);
}

gcode h_econ_compare(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	char parent[7], lo[7], hi[7];
	struct econ_period p;
	struct econ_cube c = { 0 };
	json_t *units = NULL, *group = NULL, *catalog = NULL, *ind_row = NULL;
	const char *only = api_query(rq, "indicator");
	struct econ_ind ind;
	gcode rc = api_check(rq, RES_ECON_VALUE, ACT_READ, NULL, e);
	if (rc == G_OK)
		rc = compare_parent(rq, parent, e);
	if (rc == G_OK && only && *only)
		rc = econ_indicator_load(rq->db, only, "indicator", &ind_row, &ind, e);
	region_range(parent, lo, hi);
	if (rc == G_OK)
		rc = econ_query_period(rq, lo, hi, &p, e);
	if (rc == G_OK)
		rc = econ_units(rq, parent, api_query(rq, "group"), &units, &group, e);
	if (rc == G_OK)
		rc = econ_cube_load(rq, lo, hi, p.year - 1, p.year, &c, e);
	if (rc == G_OK && !(catalog = store_indicator_list(rq->db)))
		rc = db_error(e);
	if (rc == G_OK) {
		json_t *out = compare_body(rq, &c, catalog, units, group, only && *only ? only : NULL,
					   p);
		json_t *head = period_head(p);
		json_object_update(out, head);
		json_decref(head);
		json_object_set_new(out, "parent", json_string(parent));
		json_object_set(out, "group", group);
		rc = api_ok(rs, 200, out);
	}
	econ_cube_free(&c);
	json_decref(units);
	json_decref(group);
	json_decref(catalog);
	json_decref(ind_row);
	return rc;
}
