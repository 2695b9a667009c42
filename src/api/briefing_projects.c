/* The projects paragraph's figures: the year's list from the registry's
 * facts, rates by domain/proj_rates.h, lagging projects by their light,
 * overdue problems of those projects. */
#include <stdlib.h>
#include <string.h>

#include "api/briefing_internal.h"
#include "api/projects.h"
#include "base/mem.h"
#include "domain/proj_class.h"
#include "domain/region.h"
#include "store/projects.h"

static int64_t num(const json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
}

static const char *str(const json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

/* One registry row as proj_rates sees it; false for an unknown kind. */
static bool fact_of(const json_t *row, struct proj_fact *f)
{
	const char *kind = str(row, "kind"), *cat = str(row, "category");
	int k = proj_kind_find(kind, strlen(kind)), g = proj_category_find(cat, strlen(cat));
	if (k < 0)
		return false;
	memset(f, 0, sizeof *f);
	f->id = num(row, "id");
	f->kind = (enum proj_kind)k;
	f->category = g < 0 ? PCAT_INDUSTRY : (enum proj_category)g;
	f->department_id = num(row, "department_id");
	f->leader_id = num(row, "leader_id");
	f->planned_start = projects_json_date(row, "planned_start");
	/* 续建: this year's 复工 is the move back to 在建. */
	f->started = projects_json_date(row, k == PKIND_NEW ? "actual_start" : "resumed");
	f->planned_completion = projects_json_date(row, "planned_finish");
	f->completed = projects_json_date(row, "actual_finish");
	f->stats_date = projects_json_date(row, "stats_date");
	f->annual_plan_yuan = num(row, "annual_plan");
	f->ytd_done_yuan = num(row, "invest_ytd");
	return true;
}

static gcode rates(struct brief_proj_hold *h, int year, int32_t asof, struct gerror *e)
{
	size_t n = json_array_size(h->facts), k = 0, n_rows = 0;
	struct proj_fact *f = xcalloc(n + 1, sizeof *f);
	h->ids = xcalloc(n + 1, sizeof *h->ids);
	for (size_t i = 0; i < n; i++)
		if (fact_of(json_array_get(h->facts, i), &f[k])) {
			h->ids[k] = f[k].id;
			k++;
		}
	bool ok = proj_rates_group(f, k, year, asof, PGROUP_ALL, &h->p.rates, 1, &n_rows);
	free(f);
	h->p.project_ids = h->ids;
	h->p.n_project_ids = k;
	h->present = k > 0;
	return ok ? G_OK : gerr_set(e, G_ERR_INVALID, "period", "项目数据无法计算",
				    "the projects' rates cannot be computed");
}

/* Red first, then yellow, each in registry order. */
static void lagging(struct brief_proj_hold *h)
{
	size_t n = json_array_size(h->facts);
	h->lagging = xcalloc(n + 1, sizeof *h->lagging);
	const char *order[] = { "red", "yellow" };
	for (size_t o = 0; o < 2; o++)
		for (size_t i = 0; i < n; i++) {
			const json_t *row = json_array_get(h->facts, i);
			if (strcmp(str(row, "light"), order[o]) == 0)
				h->lagging[h->p.n_lagging++] =
					(struct brief_lagging){ num(row, "id"), str(row, "name") };
		}
	h->p.lagging = h->lagging;
}

static bool in_list(const struct brief_proj_hold *h, int64_t id)
{
	for (size_t i = 0; i < h->p.n_project_ids; i++)
		if (h->ids[i] == id)
			return true;
	return false;
}

static gcode overdue(struct db *c, const char *lo, const char *hi, int32_t today,
		     struct brief_proj_hold *h, struct gerror *e)
{
	char day[PROJ_DATE_ISO_LEN + 1];
	projects_iso_format(today, day);
	struct problem_query q = { .lo = lo, .hi = hi, .overdue_today = day, .limit = 10000 };
	gcode rc = store_problem_list(c, &q, &h->problems, e);
	if (rc != G_OK)
		return rc;
	const json_t *items = json_is_array(h->problems) ? h->problems
							  : json_object_get(h->problems, "items");
	size_t n = json_array_size(items);
	h->overdue = xcalloc(n + 1, sizeof *h->overdue);
	for (size_t i = 0; i < n; i++) {
		const json_t *p = json_array_get(items, i);
		if (in_list(h, num(p, "project_id")))
			h->overdue[h->p.n_overdue++] = num(p, "id");
	}
	h->p.overdue_problem_ids = h->overdue;
	return G_OK;
}

gcode brief_gather_projects(struct db *c, const char *region, int year, int32_t asof,
			    int32_t today, struct brief_proj_hold *h, struct gerror *e)
{
	memset(h, 0, sizeof *h);
	char lo[7], hi[7];
	region_range(region, lo, hi);
	struct facts_query q = { .lo = lo, .hi = hi, .plan_year = year };
	gcode rc = store_project_facts(c, &q, &h->facts, e);
	if (rc == G_OK)
		rc = rates(h, year, asof, e);
	if (rc == G_OK && h->present) {
		lagging(h);
		rc = overdue(c, lo, hi, today, h, e);
	}
	return rc;
}

void brief_proj_hold_free(struct brief_proj_hold *h)
{
	json_decref(h->facts);
	json_decref(h->problems);
	free(h->ids);
	free(h->overdue);
	free(h->lagging);
	memset(h, 0, sizeof *h);
}
