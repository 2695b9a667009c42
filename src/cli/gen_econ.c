/* guatu gen: economic indicators of the generated units. Each unit gets a
 * size (GDP 80亿 to 1,000亿 a year) and an industry structure; each
 * indicator an annual value scaled from GDP (sub-indicators a share of
 * their parent's) that grows by a drawn rate a year, spread over the
 * months by a cumulative share that rises to the full year in December.
 * Growth is derived from the values themselves (this period against the
 * same period a year before), so the figures agree with each other; the
 * three industries are shares of GDP and sum to it exactly. The city's
 * figures are the sums of its units. Ten years through the month before
 * last, all published; periods follow the catalog (quarterly GDP, 1-2月
 * merged where jan_feb_merged). */
#include "cli/gen_econ.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/gen_names.h"
#include "domain/proj_date.h"
#include "domain/proj_ratio.h"

#define WAN 10000LL
#define YEARS 10
#define N_IND 17
#define MAX_DONE 4096

/* ratio_pm: per mille of GDP, or of the parent's value when parent >= 0;
 * per_yi: count indicators, units per 亿元 of GDP (fdi: 美元). Growth a
 * year drawn in g_lo..g_hi basis points (sub-indicators follow their
 * parent). */
static const struct ind {
	const char *code;
	int parent, ratio_pm, h1_pm, g_lo, g_hi, per_yi;
} inds[N_IND] = {
	{ "gdp", -1, 1000, 490, 300, 850, 0 },
	{ "gdp_primary", 0, 0, 0, 0, 0, 0 },
	{ "gdp_secondary", 0, 0, 0, 0, 0, 0 },
	{ "gdp_tertiary", 0, 0, 0, 0, 0, 0 },
	{ "industry_output", -1, 700, 470, -500, 1200, 0 },
	{ "industry_va", 4, 257, 470, 0, 0, 0 },
	{ "fai", -1, 160, 380, -1500, 2000, 0 },
	{ "retail", -1, 520, 480, 200, 900, 0 },
	{ "retail_above", 7, 365, 470, 0, 0, 0 },
	{ "online_retail", -1, 15, 470, 500, 2500, 0 },
	{ "fiscal_total", -1, 60, 520, -500, 1200, 0 },
	{ "fiscal_budget", 10, 500, 520, 0, 0, 0 },
	{ "fiscal_local", 11, 467, 490, 0, 0, 0 },
	{ "domestic_funds", -1, 230, 450, -500, 1800, 0 },
	{ "fdi", -1, 0, 450, -2000, 3000, 90000 },
	{ "new_entities", -1, 0, 500, -500, 1500, 25 },
	{ "new_jobs", -1, 0, 500, -300, 800, 11 },
};
enum { I_GDP, I_PRI, I_SEC, I_TER };

/* The catalog as stored: id, periodicity and 1-2月 merging by code. */
struct cat {
	int64_t id[N_IND];
	bool quarterly[N_IND], merged[N_IND];
};

/* Values of one region: [indicator][year 0 = the year before the first
 * written][month], in 万元 (counts as counts). */
typedef int64_t series[N_IND][YEARS + 1][13];

struct econ_ctx {
	struct db *c;
	const struct gen_plan *p;
	struct cat cat;
	int last_year, last_month; /* the latest period written */
	char done[MAX_DONE][8];    /* regions that had values before */
	int n_done;
	struct gen_rng rng;
	series unit, city;
	struct db_copy *b;
	char now[24];
	int64_t rows;
};

static int64_t muldiv(int64_t a, int64_t b, int64_t d)
{
	int64_t r = 0;
	proj_muldiv_round(a, b, d, &r);
	return r;
}

static int64_t draw(struct econ_ctx *x, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(gen_next(&x->rng) % (uint64_t)(hi - lo + 1));
}

static gcode load_catalog(struct econ_ctx *x, struct gerror *e)
{
	for (int i = 0; i < N_IND; i++) {
		struct db_stmt *s;
		gcode rc = db_prepare_bind(x->c, "SELECT id, periodicity, jan_feb_merged FROM"
					   " indicators WHERE code = $1", &s, e, "t", inds[i].code);
		if (rc != G_OK)
			return rc;
		if (db_step(s, e) == DB_ROW) {
			x->cat.id[i] = db_col_i64(s, 0);
			x->cat.quarterly[i] = !strcmp(db_col_text(s, 1), "quarterly");
			x->cat.merged[i] = db_col_i64(s, 2) != 0;
		}
		db_finish(s);
	}
	return G_OK;
}

static gcode load_done(struct econ_ctx *x, struct gerror *e)
{
	struct db_stmt *s;
	gcode rc = db_prepare_bind(x->c, "SELECT DISTINCT region FROM indicator_values", &s, e, "");
	if (rc != G_OK)
		return rc;
	while (db_step(s, e) == DB_ROW && x->n_done < MAX_DONE)
		snprintf(x->done[x->n_done++], sizeof x->done[0], "%s", db_col_text(s, 0));
	db_finish(s);
	return G_OK;
}

static bool had_values(const struct econ_ctx *x, const char *region)
{
	for (int i = 0; i < x->n_done; i++)
		if (!strcmp(x->done[i], region))
			return true;
	return false;
}

/* The cumulative share (per mille of the year) at the end of month m:
 * straight through the first half's share, then to the whole year. */
static int64_t share_pm(int h1, int m)
{
	return m <= 6 ? h1 * m / 6 : h1 + (1000 - h1) * (m - 6) / 6;
}

/* Annual values of a unit's indicator i from its first-year base, then the
 * months of each year by a share jittered by a few per mille (never so
 * much that the year to date falls). */
static void fill_series(struct econ_ctx *x, series v, int i, const int64_t annual[YEARS + 1])
{
	int h1 = inds[i].h1_pm;
	for (int y = 0; y <= YEARS; y++)
		for (int m = 1; m <= 12; m++) {
			int64_t pm = share_pm(h1, m) * 100 + (m < 12 ? draw(x, -800, 800) : 0);
			v[i][y][m] = muldiv(annual[y], pm, 100000);
		}
}

static void gen_unit(struct econ_ctx *x, series v)
{
	int64_t annual[N_IND][YEARS + 1];
	int64_t gdp0 = draw(x, 800000, 10000000); /* 万元: 80亿 to 1,000亿 */
	for (int i = 0; i < N_IND; i++) {
		if (i >= I_PRI && i <= I_TER)
			continue;
		const struct ind *d = &inds[i];
		for (int y = 0; y <= YEARS; y++) {
			if (d->parent >= 0) { /* a share of the parent drifting a little */
				annual[i][y] = muldiv(annual[d->parent][y],
						      d->ratio_pm * (1000 + draw(x, -30, 30)), 1000000);
				continue;
			}
			if (y > 0) {
				annual[i][y] = muldiv(annual[i][y - 1], 10000 + draw(x, d->g_lo, d->g_hi),
						      10000);
				continue;
			}
			int64_t spread = 1000 + draw(x, -200, 200);
			annual[i][0] = d->per_yi ? muldiv(gdp0 * d->per_yi, spread, WAN * 1000)
						 : muldiv(gdp0 * d->ratio_pm, spread, 1000000);
		}
		fill_series(x, v, i, annual[i]);
	}
	/* 三次产业: the primary share shrinks and the tertiary grows over the years. */
	int64_t pri0 = draw(x, 2, 200), sec0 = draw(x, 200, 600);
	for (int y = 0; y <= YEARS; y++)
		for (int m = 1; m <= 12; m++) {
			int64_t g = v[I_GDP][y][m];
			v[I_PRI][y][m] = muldiv(g, pri0 * (1000 - 15 * y), 1000000);
			v[I_SEC][y][m] = muldiv(g, sec0 - 3 * y, 1000);
			v[I_TER][y][m] = g - v[I_PRI][y][m] - v[I_SEC][y][m];
		}
}

static bool written(const struct econ_ctx *x, int i, int y, int m)
{
	int year = x->last_year - YEARS + y;
	if (year == x->last_year && m > x->last_month)
		return false;
	if (x->cat.quarterly[i])
		return m % 3 == 0;
	return m >= (x->cat.merged[i] ? 2 : 1);
}

static gcode emit_region(struct econ_ctx *x, const char *region, series v, struct gerror *e)
{
	gcode rc = G_OK;
	for (int i = 0; i < N_IND && rc == G_OK; i++) {
		if (!x->cat.id[i])
			continue; /* not in this database's catalog */
		for (int y = 1; y <= YEARS && rc == G_OK; y++)
			for (int m = 1; m <= 12 && rc == G_OK; m++) {
				if (!written(x, i, y, m))
					continue;
				int year = x->last_year - YEARS + y;
				int64_t cur = v[i][y][m], prev = v[i][y - 1][m];
				int64_t g = prev > 0 ? muldiv(cur - prev, 10000, prev) : 0;
				char id[24], period[24], ys[16], ms[16], val[32], gs[24];
				snprintf(id, sizeof id, "%lld", (long long)x->cat.id[i]);
				if (x->cat.quarterly[i])
					snprintf(period, sizeof period, "%04d-Q%d", year, m / 3);
				else
					snprintf(period, sizeof period, "%04d-%02d", year, m);
				snprintf(ys, sizeof ys, "%d", year);
				snprintf(ms, sizeof ms, "%d", m);
				snprintf(val, sizeof val, "%lld",
					 (long long)(inds[i].per_yi ? cur : cur * WAN));
				snprintf(gs, sizeof gs, "%lld", (long long)g);
				const char *row[] = { region, id, period, ys, ms, val, gs, "published",
						      "demo", x->now, x->now, x->now, x->now };
				rc = db_copy_row(x->b, row, e);
				x->rows++;
			}
	}
	return rc;
}

static void add_to_city(series city, series unit)
{
	for (int i = 0; i < N_IND; i++)
		for (int y = 0; y <= YEARS; y++)
			for (int m = 1; m <= 12; m++)
				city[i][y][m] += unit[i][y][m];
}

static gcode gen_values(struct econ_ctx *x, struct gerror *e)
{
	const struct gen_plan *p = x->p;
	int64_t total = (int64_t)p->cities * (p->units + 1), done = 0;
	time_t t0 = time(NULL);
	gcode rc = db_copy_begin(x->c, "indicator_values", "region, indicator_id, period, year,"
				 " month, value, growth_bp, status, source, entered_at, published_at,"
				 " created_at, updated_at", 13, &x->b, e);
	for (int k = 0; k < p->cities && rc == G_OK; k++) {
		char region[16];
		memset(x->city, 0, sizeof x->city);
		for (int u = 0; u < p->units && rc == G_OK; u++) {
			snprintf(region, sizeof region, "22%02d%s", (k + 1) % 100, p->unit_suffixes[u]);
			gen_unit(x, x->unit); /* drawn even when skipped: same data for a seed */
			add_to_city(x->city, x->unit);
			if (!had_values(x, region))
				rc = emit_region(x, region, x->unit, e);
			gen_progress("indicators", ++done, total, t0);
		}
		snprintf(region, sizeof region, "22%02d00", (k + 1) % 100);
		if (rc == G_OK && !had_values(x, region))
			rc = emit_region(x, region, x->city, e);
		gen_progress("indicators", ++done, total, t0);
	}
	gcode end = db_copy_end(x->b, rc == G_OK ? e : NULL);
	return rc == G_OK ? end : rc;
}

/* Annual growth targets of GDP, investment and retail for every year. */
static gcode gen_targets(struct econ_ctx *x, int64_t *n, struct gerror *e)
{
	static const struct { int ind, lo, hi; } t[] = { { I_GDP, 10, 16 }, { 6, 16, 30 },
							   { 7, 10, 18 } };
	struct db_copy *b;
	gcode rc = db_copy_begin(x->c, "indicator_targets", "region, indicator_id, year, growth_bp,"
				 " created_at, updated_at", 6, &b, e);
	for (int k = 0; k < x->p->cities && rc == G_OK; k++)
		for (int u = 0; u <= x->p->units && rc == G_OK; u++) {
			char region[16];
			snprintf(region, sizeof region, "22%02d%s", (k + 1) % 100,
				 u < x->p->units ? x->p->unit_suffixes[u] : "00");
			for (size_t j = 0; j < 3 && rc == G_OK; j++)
				for (int y = 1; y <= YEARS && rc == G_OK; y++) {
					char id[24], ys[16], gs[24];
					snprintf(id, sizeof id, "%lld", (long long)x->cat.id[t[j].ind]);
					snprintf(ys, sizeof ys, "%d", x->last_year - YEARS + y);
					snprintf(gs, sizeof gs, "%lld",
						 (long long)draw(x, t[j].lo, t[j].hi) * 50);
					if (had_values(x, region) || !x->cat.id[t[j].ind])
						continue;
					const char *row[] = { region, id, ys, gs, x->now, x->now };
					rc = db_copy_row(b, row, e);
					++*n;
				}
		}
	gcode end = db_copy_end(b, rc == G_OK ? e : NULL);
	return rc == G_OK ? end : rc;
}

gcode gen_econ(struct db *c, const struct gen_plan *p, int64_t *values, int64_t *targets,
	       struct gerror *e)
{
	static struct econ_ctx x; /* 40 KB of series: not on the stack */
	memset(&x, 0, sizeof x);
	x.c = c;
	x.p = p;
	x.rng.state = p->seed ^ 0x6563306e5f67656eULL; /* its own stream: "ec0n_gen" */
	snprintf(x.now, sizeof x.now, "%lld", (long long)p->now);
	/* Published through the month before last, as figures come out in the
	 * middle of the next month. */
	x.last_year = proj_date_year(p->today);
	x.last_month = proj_date_month(p->today) - 2;
	if (x.last_month < 1) {
		x.last_year--;
		x.last_month += 12;
	}
	*targets = 0;
	gcode rc = load_catalog(&x, e);
	if (rc == G_OK)
		rc = load_done(&x, e);
	if (rc == G_OK)
		rc = gen_values(&x, e);
	if (rc == G_OK)
		rc = gen_targets(&x, targets, e);
	*values = x.rows;
	return rc;
}
