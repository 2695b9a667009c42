/* The cockpit 驾驶舱 in one request: a region's key indicators against
 * target and pace with their ranks and 12-period trends, the industry
 * structure, the rates of the year's projects, the lagging projects and
 * the overdue problems. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/econ.h"
#include "api/handlers.h"
#include "api/projects.h"
#include "base/mem.h"
#include "domain/econ_stats.h"
#include "domain/proj_class.h"
#include "domain/proj_rates.h"
#include "domain/region.h"
#include "store/econ.h"
#include "store/org.h"
#include "store/projects.h"

#define TREND_N 12
#define LIST_MAX 10

static gcode db_error(struct gerror *e)
{
	return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
}

/* The last TREND_N periods of an indicator up to its period at asof. */
static json_t *trend(const struct econ_cube *c, const struct econ_ind *ind, const char *region,
		     struct econ_period asof)
{
	struct econ_period end = econ_period_at_or_before(asof, ind->per, ind->merged);
	struct econ_period ps[TREND_N];
	int64_t cum[TREND_N], single[TREND_N], growth[TREND_N];
	bool known[TREND_N], sk[TREND_N], hg[TREND_N];
	size_t n = econ_periods_back(end, ind->per, ind->merged, TREND_N, ps, TREND_N);
	for (size_t i = 0; i < n; i++)
		known[i] = econ_cube_get(c, region, ind->id, ps[i], &cum[i], &growth[i], &hg[i]);
	if (!econ_cum_to_single(ps, cum, known, n, ind->per, ind->merged, single, sk))
		memset(sk, 0, sizeof sk);
	json_t *out = json_array();
	for (size_t i = 0; i < n; i++) {
		char pt[ECON_PERIOD_TEXT_MAX], lz[ECON_PERIOD_TEXT_MAX];
		econ_period_format(ps[i], ind->per, pt, sizeof pt);
		econ_period_label_zh(ps[i], ind->per, lz, sizeof lz);
		json_array_append_new(out, json_pack("{s:s,s:s,s:o,s:o,s:o}", "period", pt, "label", lz,
						     "value", known[i] ? json_integer(cum[i]) : json_null(),
						     "growth_bp",
						     known[i] && hg[i] ? json_integer(growth[i]) : json_null(),
						     "single", sk[i] ? json_integer(single[i]) : json_null()));
	}
	return out;
}

/* Copies the region's ranks from a compare result into item. */
static void add_ranks(json_t *item, const json_t *cmp, const char *region, size_t group_size,
		      size_t all_size)
{
	static const char *const keys[] = { "rank_group", "rank_all", "rank_change_group",
					    "rank_change_all" };
	json_t *row = NULL, *r;
	size_t i;
	json_array_foreach(json_object_get(cmp, "rows"), i, r)
		if (!strcmp(json_string_value(json_object_get(r, "region")), region))
			row = r;
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		json_t *v = row ? json_object_get(row, keys[k]) : NULL;
		json_object_set(item, keys[k], v ? v : json_null());
	}
	json_object_set_new(item, "group_size", json_integer((json_int_t)group_size));
	json_object_set_new(item, "all_size", json_integer((json_int_t)all_size));
}

struct ctx {
	struct api_req *rq;
	const char *region;
	char parent[7];
	struct econ_period p;
	struct econ_cube cube;  /* the region's own figures, four years (trends) */
	struct econ_cube peers; /* the parent's units, two years (ranks) */
	json_t *catalog, *units, *group;
};

static json_t *indicators(struct ctx *x)
{
	json_t *items = econ_pace_items(x->rq, &x->cube, x->catalog, x->region, x->p, true);
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		struct econ_ind ind;
		const json_t *row = econ_catalog_find(x->catalog,
						      json_string_value(json_object_get(it, "indicator")));
		if (!row || !econ_ind_of(row, &ind))
			continue;
		if (x->units) {
			json_t *cmp = econ_compare_indicator(x->rq, &x->peers, x->units, x->group, &ind,
							     x->p);
			add_ranks(it, cmp, x->region, json_array_size(x->group),
				  json_array_size(x->units));
			json_decref(cmp);
		} else {
			add_ranks(it, NULL, x->region, 0, 0);
		}
		json_object_set_new(it, "trend", trend(&x->cube, &ind, x->region, x->p));
	}
	return items;
}

static json_t *rate_json(const struct proj_rate *r)
{
	return json_pack("{s:I,s:I,s:I,s:b}", "done", (json_int_t)r->done, "target",
			 (json_int_t)r->target, "bp", (json_int_t)r->bp, "defined", r->defined);
}

static json_t *rates(const struct proj_rate_item *items, size_t n, int year, int32_t today)
{
	struct proj_fact *f = xcalloc(n ? n : 1, sizeof *f);
	for (size_t i = 0; i < n; i++)
		f[i] = items[i].f;
	struct proj_rate_row row;
	size_t n_rows = 0;
	bool ok = proj_rates_group(f, n, year, today, PGROUP_ALL, &row, 1, &n_rows);
	free(f);
	if (!ok)
		return json_null();
	return json_pack("{s:o,s:o,s:o,s:o,s:o}", "start", rate_json(&row.start), "start_resume",
			 rate_json(&row.start_resume), "completion", rate_json(&row.completion),
			 "investment", rate_json(&row.investment), "stats", rate_json(&row.stats));
}

/* The year's projects are read as structs, not JSON: a city has 5,000 of
 * them and only the ten lagging ones are shown by name (issue 5). */
static gcode projects_part(struct ctx *x, json_t *out, struct gerror *e)
{
	struct api_req *rq = x->rq;
	char lo[7], hi[7], today_s[PROJ_DATE_ISO_LEN + 1];
	region_range(x->region, lo, hi);
	int32_t today = projects_today(rq);
	projects_iso_format(today, today_s);
	int year = proj_date_year(today);
	bool staff = rq->who.role == ROLE_STAFF; /* staff see their department's projects */
	int64_t own = rq->who.department_id ? rq->who.department_id : -1;
	struct facts_query fq = { .lo = lo, .hi = hi, .plan_year = year,
				  .department_id = staff ? own : 0 };
	struct proj_rate_item *items = NULL;
	size_t n = 0;
	json_t *lag = NULL, *problems = NULL;
	/* the lights shown are today's, as on the project pages */
	gcode rc = projects_refresh_stale(rq, lo, hi, e);
	if (rc == G_OK)
		rc = store_project_rate_facts(rq->db, &fq, &items, &n, e);
	if (rc == G_OK && !(lag = store_project_lagging(rq->db, &fq, LIST_MAX)))
		rc = db_error(e);
	struct problem_query pq = { .lo = lo, .hi = hi, .overdue_today = today_s,
				    .staff_department = staff ? own : 0,
				    .limit = LIST_MAX };
	if (rc == G_OK)
		rc = store_problem_list(rq->db, &pq, &problems, e);
	if (rc != G_OK) {
		free(items);
		json_decref(lag);
		return rc;
	}
	int64_t by_light[PLIGHT__COUNT] = { 0 };
	for (size_t i = 0; i < n; i++)
		by_light[items[i].light]++;
	json_object_set_new(out, "projects",
			    json_pack("{s:i,s:s,s:I,s:o}", "year", year, "asof", today_s, "n_projects",
				      (json_int_t)n, "rates", rates(items, n, year, today)));
	json_object_set_new(out, "lagging", lag);
	json_t *counts = json_pack("{s:I,s:I}", "red", (json_int_t)by_light[PLIGHT_RED], "yellow",
				   (json_int_t)by_light[PLIGHT_YELLOW]);
	json_object_set(out, "overdue_problems", json_object_get(problems, "items"));
	json_object_set(counts, "overdue_problems", json_object_get(problems, "total"));
	json_object_set_new(out, "counts", counts);
	free(items);
	json_decref(problems);
	return G_OK;
}

/* The regions the caller may switch to: their city and its districts, or
 * only their own region. */
static json_t *switch_list(struct ctx *x, const json_t *all)
{
	json_t *out = json_array();
	size_t i;
	const json_t *r;
	json_array_foreach(json_object_get(all, "items"), i, r) {
		const char *code = json_string_value(json_object_get(r, "code"));
		if (region_covers(x->rq->who.region, code) && region_level(code) >= REGION_CITY)
			json_array_append_new(out, json_pack("{s:O,s:O}", "code", json_object_get(r, "code"),
							     "name", json_object_get(r, "name")));
	}
	return out;
}

static gcode build(struct ctx *x, const json_t *reg, json_t *out, struct gerror *e)
{
	struct api_req *rq = x->rq;
	char lo[7], hi[7];
	bool district = region_level(x->region) == REGION_COUNTY;
	gcode rc = G_OK;
	if (district && region_parent(x->region, x->parent)) {
		rc = econ_units(rq, x->parent, NULL, &x->units, &x->group, e);
		region_range(x->parent, lo, hi);
		if (rc == G_OK)
			rc = econ_cube_load(rq, lo, hi, x->p.year - 1, x->p.year, &x->peers, e);
	}
	if (rc == G_OK)
		rc = econ_cube_load(rq, x->region, x->region, x->p.year - 3, x->p.year, &x->cube, e);
	if (rc == G_OK && !(x->catalog = store_indicator_list(rq->db)))
		rc = db_error(e);
	if (rc != G_OK)
		return rc;
	json_object_set_new(out, "region", json_pack("{s:O,s:O,s:O}", "code",
						     json_object_get(reg, "code"), "name",
						     json_object_get(reg, "name"), "level",
						     json_object_get(reg, "level")));
	json_object_set_new(out, "indicators", indicators(x));
	struct econ_period gp = econ_period_at_or_before(x->p, EPER_QUARTERLY, false);
	json_t *s = econ_structure_json(&x->cube, x->catalog, x->region, gp);
	json_object_set_new(out, "structure", s ? s : json_null());
	return projects_part(x, out, e);
}

gcode h_cockpit(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	char region[7];
	struct ctx x = { .rq = rq, .region = region };
	json_t *reg = NULL, *all = NULL;
	gcode rc = api_check(rq, RES_ECON_VALUE, ACT_READ, NULL, e);
	if (rc == G_OK)
		rc = econ_query_region(rq, "region", region, e);
	if (rc == G_OK && !(reg = store_region_get(rq->db, region)))
		rc = api_not_found(e);
	if (rc == G_OK)
		rc = econ_query_period(rq, region, region, &x.p, e);
	if (rc == G_OK)
		rc = store_region_list(rq->db, &all, e);
	json_t *out = NULL;
	if (rc == G_OK) {
		char t[16];
		snprintf(t, sizeof t, "%04d-%02d", x.p.year, x.p.month);
		out = json_pack("{s:s,s:i,s:i,s:I,s:o}", "period", t, "year", x.p.year, "month",
				x.p.month, "elapsed_bp", (json_int_t)proj_pace_month_bp(x.p.month),
				"switch", switch_list(&x, all));
		rc = build(&x, reg, out, e);
	}
	econ_cube_free(&x.cube);
	econ_cube_free(&x.peers);
	json_decref(x.catalog);
	json_decref(x.units);
	json_decref(x.group);
	json_decref(reg);
	json_decref(all);
	if (rc != G_OK) {
		json_decref(out);
		return rc;
	}
	return api_ok(rs, 200, out);
}
