/* Demo economic figures (经济运行) of the 17 units of 长春市 and the city.
 * 朝阳区 carries the figures the seed reports publish for 2023 (full year
 * and first half: GDP 835.8亿 and 427.8亿 +8.4%, FAI 136.6亿 +13.2% and
 * 49.7亿 +23%, 规上工业总产值 730.7亿 and 338.1亿 −2.9%, 社零 549.2亿 +5% and
 * 271.1亿 +20.1%, 限上社零 194.2亿, 网络零售额 25.9亿, 本级财政收入 5.9亿 +32%,
 * 到位内资 224.6亿, 新增城镇就业 4628人, structure 0.2:26.7:73.1 with the
 * tertiary share up 2.8 points), and the other urban districts figures
 * that give the seeds' shares of the five (FAI 26.7%, 规上产值 52.1%, 限上
 * 社零 41%) and ranks (GDP 1st of five, 3rd of 17). Everything else is
 * plausible, generated deterministically: months between anchors by
 * straight lines, other years by their growth, up to the month before
 * last. All published; two drafts of 朝阳区 for last month wait for review. Exact integer arithmetic throughout. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "cli/demo_data.h"
#include "domain/proj_date.h"
#include "domain/proj_ratio.h"
#include "store/store.h"

#define WAN 10000LL
#define N_IND 17
#define FIRST_YEAR 2022

/* Generation parameters per indicator, in catalog order. Values of units
 * without explicit figures are ratio_pm per mille of their GDP (in 万元, or
 * for counts per 亿元 of GDP); h1_pm is the first half's share of the
 * year; growth_bp the usual growth. */
static const struct gen_ind {
	const char *code;
	int quarterly;
	int ratio_pm; /* of GDP; counts: units per 亿元 of GDP (fdi: 美元 per 亿元) */
	int h1_pm;
	int growth_bp;
	int count; /* not 元 */
} inds[N_IND] = {
	{ "gdp", 1, 1000, 490, 600, 0 },
	{ "gdp_primary", 1, 0, 0, 400, 0 },
	{ "gdp_secondary", 1, 0, 0, 550, 0 },
	{ "gdp_tertiary", 1, 0, 0, 650, 0 },
	{ "industry_output", 0, 700, 470, 400, 0 },
	{ "industry_va", 0, 180, 470, 450, 0 },
	{ "fai", 0, 160, 380, 700, 0 },
	{ "retail", 0, 520, 480, 600, 0 },
	{ "retail_above", 0, 190, 470, 650, 0 },
	{ "online_retail", 0, 15, 470, 1200, 0 },
	{ "fiscal_total", 0, 60, 520, 500, 0 },
	{ "fiscal_budget", 0, 30, 520, 500, 0 },
	{ "fiscal_local", 0, 14, 490, 600, 0 },
	{ "domestic_funds", 0, 230, 450, 900, 0 },
	{ "fdi", 0, 0, 450, 500, 1 },
	{ "new_entities", 0, 0, 500, 800, 1 },
	{ "new_jobs", 0, 0, 500, 300, 1 },
};
enum { I_GDP, I_PRI, I_SEC, I_TER, I_IND_OUT, I_IND_VA, I_FAI, I_RETAIL, I_RETAIL_ABOVE,
       I_ONLINE, I_FISCAL_TOTAL, I_FISCAL_BUDGET, I_FISCAL_LOCAL, I_DOMESTIC, I_FDI, I_ENTITIES,
       I_JOBS };
/* Counts per 亿元 of GDP for the count indicators. */
static const int count_per_yi[N_IND] = { [I_FDI] = 90000, [I_ENTITIES] = 25, [I_JOBS] = 11 };

/* A unit's 2023 anchors: full year and first half (0: generated), in 万元
 * (counts as counts), and growth (INT32_MIN: generated). */
struct anchor {
	int ind;
	int64_t fy, h1;
	int g_fy, g_h1;
};
#define G_NONE (-999999)

static const struct anchor chaoyang[] = {
	{ I_GDP, 8358000, 4278000, 720, 840 },
	{ I_FAI, 1366000, 497000, 1320, 2300 },
	{ I_IND_OUT, 7307000, 3381000, 150, -290 },
	{ I_RETAIL, 5492000, 2711000, 500, 2010 },
	{ I_RETAIL_ABOVE, 1942000, 0, G_NONE, G_NONE },
	{ I_ONLINE, 548000, 259000, G_NONE, G_NONE },
	{ I_FISCAL_LOCAL, 121000, 59000, 2600, 3200 },
	{ I_DOMESTIC, 2246000, 0, G_NONE, G_NONE },
	{ I_JOBS, 9350, 4628, G_NONE, G_NONE },
};
/* The other urban districts: FAI totals 375亿 (朝阳 26.7% of 511.6亿),
 * 规上产值 671.8亿 (52.1% of 1402.5亿), 限上社零 279.5亿 (41% of 473.7亿). */
static const struct anchor nanguan[] = { { I_FAI, 950000, 0, 800, 1100 },
	{ I_IND_OUT, 953000, 0, G_NONE, G_NONE }, { I_RETAIL_ABOVE, 980000, 0, G_NONE, G_NONE } };
static const struct anchor kuancheng[] = { { I_FAI, 880000, 0, 600, 900 },
	{ I_IND_OUT, 1805000, 0, G_NONE, G_NONE }, { I_RETAIL_ABOVE, 525000, 0, G_NONE, G_NONE } };
static const struct anchor erdao[] = { { I_FAI, 1020000, 0, 1000, 1500 },
	{ I_IND_OUT, 1600000, 0, G_NONE, G_NONE }, { I_RETAIL_ABOVE, 710000, 0, G_NONE, G_NONE } };
static const struct anchor lvyuan[] = { { I_FAI, 900000, 0, 500, 700 },
	{ I_IND_OUT, 2360000, 0, G_NONE, G_NONE }, { I_RETAIL_ABOVE, 580000, 0, G_NONE, G_NONE } };

/* The units of 长春市 with their 2023 GDP (万元) and industry structure
 * (primary and secondary per mille of 2023 and 2022). */
static const struct unit {
	const char *code;
	int64_t gdp;
	int pri23, sec23, pri22, sec22;
	const struct anchor *anchors;
	size_t n_anchors;
} units[] = {
	{ "220102", 5200000, 1, 180, 1, 190, nanguan, 3 },
	{ "220103", 4700000, 3, 310, 3, 320, kuancheng, 3 },
	{ "220104", 8358000, 0, 0, 0, 0, chaoyang, sizeof chaoyang / sizeof chaoyang[0] },
	{ "220105", 6100000, 4, 290, 4, 300, erdao, 3 },
	{ "220106", 5600000, 5, 420, 5, 430, lvyuan, 3 },
	{ "220112", 2100000, 160, 330, 165, 335, NULL, 0 },
	{ "220113", 4000000, 150, 380, 155, 390, NULL, 0 },
	{ "220122", 3900000, 260, 300, 270, 300, NULL, 0 },
	{ "220171", 7600000, 2, 560, 2, 570, NULL, 0 },
	{ "220172", 4300000, 5, 250, 5, 260, NULL, 0 },
	{ "220173", 9800000, 1, 520, 1, 530, NULL, 0 },
	{ "220174", 16500000, 1, 780, 1, 790, NULL, 0 },
	{ "220182", 3800000, 240, 290, 250, 300, NULL, 0 },
	{ "220183", 4200000, 200, 380, 210, 390, NULL, 0 },
	{ "220184", 5200000, 210, 360, 220, 370, NULL, 0 },
};
#define N_UNITS (sizeof units / sizeof units[0])

/* A small deterministic spread in -span..span from the unit, indicator and salt. */
static int spread(const char *code, int ind, int salt, int span)
{
	uint32_t h = 2166136261u;
	for (const char *p = code; *p; p++)
		h = (h ^ (uint8_t)*p) * 16777619u;
	h = (h ^ (uint32_t)(ind * 131 + salt * 7919)) * 16777619u;
	h ^= h >> 13;
	return span ? (int)(h % (uint32_t)(2 * span + 1)) - span : 0;
}

static int64_t muldiv(int64_t a, int64_t b, int64_t d)
{
	int64_t r = 0;
	proj_muldiv_round(a, b, d, &r);
	return r;
}

static const struct anchor *find_anchor(const struct unit *u, int ind)
{
	for (size_t i = 0; i < u->n_anchors; i++)
		if (u->anchors[i].ind == ind)
			return &u->anchors[i];
	return NULL;
}

/* 2023 anchors of a unit and indicator, explicit or generated. */
static void anchors_of(const struct unit *u, int ind, struct anchor *out)
{
	const struct anchor *a = find_anchor(u, ind);
	const struct gen_ind *g = &inds[ind];
	int64_t fy = inds[ind].count
			     ? muldiv(u->gdp, count_per_yi[ind], WAN)
			     : muldiv(u->gdp, g->ratio_pm * (1000 + spread(u->code, ind, 1, 200)),
				      1000000);
	if (ind == I_GDP)
		fy = u->gdp;
	int g_fy = g->growth_bp + spread(u->code, ind, 2, 300);
	*out = (struct anchor){ ind, fy, 0, g_fy, g_fy + spread(u->code, ind, 3, 200) };
	if (a) {
		out->fy = a->fy;
		out->h1 = a->h1;
		if (a->g_fy != G_NONE) {
			out->g_fy = a->g_fy;
			out->g_h1 = a->g_h1;
		}
	}
	if (!out->h1)
		out->h1 = muldiv(out->fy, ind == I_GDP ? 490 : g->h1_pm, 1000);
}

/* Cumulative 2023 value at the end of month m: straight lines through the
 * first half and the full year. */
static int64_t cum2023(const struct anchor *a, int m)
{
	return m <= 6 ? muldiv(a->h1, m, 6) : a->h1 + muldiv(a->fy - a->h1, m - 6, 6);
}

/* The reported growth of month m of 2023 (first half held, then towards the
 * full year), and of other years. */
static int growth2023(const struct anchor *a, int m)
{
	return m <= 6 ? a->g_h1 + (6 - m) * 15 : a->g_h1 + (a->g_fy - a->g_h1) * (m - 6) / 6;
}

static int growth_other(const struct unit *u, int ind, int year, int m)
{
	return inds[ind].growth_bp + spread(u->code, ind, year, 250) + (12 - m) * 5;
}

struct emit {
	struct buf sql;
	int rows;
	int64_t now;
	gcode rc;
	struct db *c;
	struct gerror *e;
};

static void flush(struct emit *x)
{
	if (!x->rows || x->rc != G_OK)
		return;
	buf_puts(&x->sql, ";");
	x->rc = db_exec(x->c, x->sql.p, x->e);
	buf_reset(&x->sql);
	x->rows = 0;
}

static void emit_value(struct emit *x, const char *region, int ind, int year, int m,
		       int64_t value, int growth)
{
	if (x->rc != G_OK)
		return;
	if (!x->rows)
		buf_puts(&x->sql, "INSERT INTO indicator_values (region, indicator_id, period, year,"
				  " month, value, growth_bp, status, source, entered_at, published_at,"
				  " created_at, updated_at) VALUES ");
	else
		buf_puts(&x->sql, ",");
	char period[32];
	if (inds[ind].quarterly)
		snprintf(period, sizeof period, "%04d-Q%d", year, m / 3);
	else
		snprintf(period, sizeof period, "%04d-%02d", year, m);
	buf_printf(&x->sql,
		   "('%s',(SELECT id FROM indicators WHERE code='%s'),'%s',%d,%d,%lld,%d,"
		   "'published','demo',%lld,%lld,%lld,%lld)",
		   region, inds[ind].code, period, year, m, (long long)value, growth,
		   (long long)x->now, (long long)x->now, (long long)x->now, (long long)x->now);
	if (++x->rows >= 200)
		flush(x);
}

/* Value in base units from 万元 (or a count). */
static int64_t base_of(int ind, int64_t v)
{
	return inds[ind].count ? v : v * WAN;
}

/* The structure shares (per mille of GDP) of a unit in a year. */
static void shares(const struct unit *u, int year, int64_t gdp, int64_t part[3])
{
	bool cy = !strcmp(u->code, "220104");
	if (cy) { /* 2023: 1.7 + 223.2 + 610.9 = 835.8; 2022: 0.2:29.5:70.3 */
		int64_t pri = year >= 2023 ? 17 : 2, sec = year >= 2023 ? 2232 : 295;
		int64_t den = year >= 2023 ? 8358 : 1000;
		part[0] = muldiv(gdp, pri, den);
		part[1] = muldiv(gdp, sec, den);
	} else {
		part[0] = muldiv(gdp, year >= 2023 ? u->pri23 : u->pri22, 1000);
		part[1] = muldiv(gdp, year >= 2023 ? u->sec23 : u->sec22, 1000);
	}
	part[2] = gdp - part[0] - part[1];
}

/* Every period of one unit and indicator, 2022 to the latest month. */
static void emit_series(struct emit *x, const struct unit *u, int ind, int last_year,
			int last_month, int64_t out[][13], int growth[][13])
{
	struct anchor a;
	anchors_of(u, ind, &a);
	int step = inds[ind].quarterly ? 3 : 1, first = inds[ind].quarterly ? 3 : 2;
	for (int m = first; m <= 12; m += step) {
		int64_t v23 = cum2023(&a, m);
		int g23 = growth2023(&a, m);
		out[2023 - FIRST_YEAR][m] = v23;
		out[0][m] = muldiv(v23, 10000, 10000 + g23);
		for (int y = 2024; y <= last_year; y++)
			out[y - FIRST_YEAR][m] = muldiv(out[y - 1 - FIRST_YEAR][m],
							10000 + growth_other(u, ind, y, m), 10000);
		for (int y = FIRST_YEAR; y <= last_year; y++) {
			if (y == last_year && m > last_month)
				break;
			int g = y == 2023 ? g23 : growth_other(u, ind, y, m);
			growth[y - FIRST_YEAR][m] = g;
			emit_value(x, u->code, ind, y, m, base_of(ind, out[y - FIRST_YEAR][m]), g);
		}
	}
}

/* GDP's three industries from the unit's GDP series. */
static void emit_structure(struct emit *x, const struct unit *u, int last_year, int last_month,
			   int64_t gdp[][13])
{
	for (int y = FIRST_YEAR; y <= last_year; y++)
		for (int m = 3; m <= 12 && !(y == last_year && m > last_month); m += 3) {
			int64_t part[3];
			shares(u, y, gdp[y - FIRST_YEAR][m], part);
			for (int i = 0; i < 3; i++)
				emit_value(x, u->code, I_PRI + i, y, m, part[i] * WAN,
					   growth_other(u, I_PRI + i, y, m));
		}
}

enum { MAX_YEARS = 8 };

/* The city: the sum of its units, growth weighted by value. */
struct city_acc {
	int64_t sum[MAX_YEARS][13];
	int64_t wg[MAX_YEARS][13]; /* sum of value * growth */
};

static gcode seed_values(struct emit *x, int last_year, int last_month)
{
	static struct city_acc city[N_IND];
	memset(city, 0, sizeof city);
	for (size_t k = 0; k < N_UNITS; k++) {
		int64_t gdp[MAX_YEARS][13] = { { 0 } };
		for (int ind = 0; ind < N_IND; ind++) {
			if (ind >= I_PRI && ind <= I_TER)
				continue;
			int64_t series[MAX_YEARS][13] = { { 0 } };
			int growth[MAX_YEARS][13] = { { 0 } };
			emit_series(x, &units[k], ind, last_year, last_month, series, growth);
			if (ind == I_GDP)
				memcpy(gdp, series, sizeof gdp);
			for (int y = 0; y <= last_year - FIRST_YEAR; y++)
				for (int m = 1; m <= 12; m++) {
					city[ind].sum[y][m] += series[y][m];
					city[ind].wg[y][m] += series[y][m] * growth[y][m];
				}
		}
		emit_structure(x, &units[k], last_year, last_month, gdp);
	}
	for (int ind = 0; ind < N_IND; ind++) {
		if (ind >= I_PRI && ind <= I_TER)
			continue;
		int step = inds[ind].quarterly ? 3 : 1, first = inds[ind].quarterly ? 3 : 2;
		for (int y = FIRST_YEAR; y <= last_year; y++)
			for (int m = first; m <= 12 && !(y == last_year && m > last_month); m += step) {
				int64_t s = city[ind].sum[y - FIRST_YEAR][m];
				int g = s ? (int)muldiv(city[ind].wg[y - FIRST_YEAR][m], 1, s) : 0;
				emit_value(x, "220100", ind, y, m, base_of(ind, s), g);
			}
	}
	flush(x);
	return x->rc;
}

/* Annual targets: GDP +7% everywhere (the seeds' 7%), and for 朝阳区 the
 * 百千 goals (GDP 1000亿 for 2023's 迈向千亿, 1160亿 and 全口径财政收入 100亿
 * later) and growth targets of its main indicators. */
static gcode seed_targets(struct db *c, int last_year, int64_t now, struct gerror *e)
{
	static const struct {
		const char *region, *code;
		int growth_bp;
		int64_t amount_yi; /* 0: none */
		int current;       /* 1: the current year, 0: 2023 */
	} t[] = {
		{ "220104", "gdp", 700, 0, 0 },        { "220104", "fai", 1000, 0, 0 },
		{ "220104", "retail", 600, 0, 0 },     { "220104", "industry_output", 500, 0, 0 },
		{ "220104", "fiscal_local", 800, 0, 0 },
		{ "220104", "gdp", 700, 1160, 1 },     { "220104", "fiscal_total", 800, 100, 1 },
		{ "220104", "fai", 1000, 0, 1 },       { "220104", "retail", 600, 0, 1 },
		{ "220104", "industry_output", 500, 0, 1 },
		{ "220100", "gdp", 650, 0, 0 },        { "220100", "gdp", 600, 0, 1 },
	};
	gcode rc = G_OK;
	for (size_t i = 0; i < sizeof t / sizeof t[0] && rc == G_OK; i++) {
		int year = t[i].current ? last_year : 2023;
		if (t[i].amount_yi)
			rc = db_run(c, "INSERT INTO indicator_targets (region, indicator_id, year,"
				       " growth_bp, amount, created_at, updated_at) VALUES ($1,"
				       " (SELECT id FROM indicators WHERE code = $2), $3, $4, $5, $6, $6)",
				    NULL, e, "ttiiii", t[i].region, t[i].code, (int64_t)year,
				    (int64_t)t[i].growth_bp, t[i].amount_yi * WAN * WAN, now);
		else
			rc = db_run(c, "INSERT INTO indicator_targets (region, indicator_id, year,"
				       " growth_bp, created_at, updated_at) VALUES ($1,"
				       " (SELECT id FROM indicators WHERE code = $2), $3, $4, $5, $5)",
				    NULL, e, "ttiii", t[i].region, t[i].code, (int64_t)year,
				    (int64_t)t[i].growth_bp, now);
	}
	for (size_t k = 0; k < N_UNITS && rc == G_OK; k++) {
		if (!strcmp(units[k].code, "220104"))
			continue;
		int years[2] = { 2023, last_year };
		for (int j = 0; j < (last_year > 2023 ? 2 : 1) && rc == G_OK; j++)
			rc = db_run(c, "INSERT INTO indicator_targets (region, indicator_id, year,"
				       " growth_bp, created_at, updated_at) VALUES ($1,"
				       " (SELECT id FROM indicators WHERE code = 'gdp'), $2, $3, $4, $4)",
				    NULL, e, "tiii", units[k].code, (int64_t)years[j],
				    (int64_t)(650 + spread(units[k].code, 0, 9, 2) * 50), now);
	}
	return rc;
}

/* Two drafts of 朝阳区 for the period after the latest published one
 * (1-2月 when that opens a year), entered by the district's statistician
 * and waiting for review. */
static gcode seed_drafts(struct db *c, int64_t now, struct gerror *e)
{
	static const char *const codes[] = { "fai", "retail" };
	gcode rc = G_OK;
	for (size_t i = 0; i < 2 && rc == G_OK; i++) {
		struct db_stmt *s;
		rc = db_prepare_bind(c,
				     "SELECT v.year, v.month, v.value, v.growth_bp FROM indicator_values v"
				     " JOIN indicators i ON i.id = v.indicator_id WHERE v.region = '220104'"
				     " AND i.code = $1 AND v.status = 'published'"
				     " ORDER BY v.year DESC, v.month DESC LIMIT 1",
				     &s, e, "t", codes[i]);
		if (rc != G_OK)
			break;
		int64_t y = 0, m = 0, v = 0, g = 0;
		bool found = db_step(s, e) == DB_ROW;
		if (found) {
			y = db_col_i64(s, 0);
			m = db_col_i64(s, 1);
			v = db_col_i64(s, 2);
			g = db_col_i64(s, 3);
		}
		db_finish(s);
		if (!found)
			continue;
		/* The next period: the same year's next month, or a new year's 1-2月. */
		int64_t ny = m < 12 ? y : y + 1, nm = m < 12 ? m + 1 : 2;
		int64_t nv = m < 12 ? v + v / m : v / 6;
		char period[32];
		snprintf(period, sizeof period, "%04lld-%02lld", (long long)ny, (long long)nm);
		rc = db_run(c,
			    "INSERT INTO indicator_values (region, indicator_id, period, year, month,"
			    " value, growth_bp, status, source, entered_by, entered_at, created_at,"
			    " updated_at) VALUES ('220104', (SELECT id FROM indicators WHERE code = $1),"
			    " $2, $3, $4, $5, $6, 'draft', 'entry',"
			    " (SELECT id FROM users WHERE username = 'cy_stat'), $7, $7, $7)",
			    NULL, e, "ttiiiii", codes[i], period, ny, nm, nv, g - 20, now);
	}
	return rc;
}

gcode demo_seed_econ(struct db *c, const struct actor *a, int64_t now, struct gerror *e)
{
	int32_t today = (int32_t)((now + 8 * 3600) / 86400);
	/* Published through the month before last (a month's figures come out
	 * in the middle of the next); the drafts are last month's. */
	int year = proj_date_year(today), month = proj_date_month(today) - 2;
	if (month < 1) {
		year--;
		month += 12;
	}
	if (year - FIRST_YEAR >= MAX_YEARS)
		year = FIRST_YEAR + MAX_YEARS - 1;
	struct emit x = { .now = now, .c = c, .e = e, .rc = G_OK };
	buf_init(&x.sql, 0);
	gcode rc = seed_values(&x, year, month);
	buf_free(&x.sql);
	if (rc == G_OK)
		rc = seed_targets(c, year, now, e);
	if (rc == G_OK)
		rc = seed_drafts(c, now, e);
	json_t *what = json_pack("{s:i,s:i}", "through_year", year, "through_month", month);
	if (rc == G_OK)
		rc = audit_append(c, a, "demo", "indicator_value", NULL, "220100", NULL, what, e);
	json_decref(what);
	return rc;
}
