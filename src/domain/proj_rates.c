#include "domain/proj_rates.h"

#include <stddef.h>
#include <string.h>

#include "domain/proj_date.h"
#include "domain/proj_ratio.h"

/* The year and as-of day a computation runs over. */
struct period {
	int year;
	int32_t first, last, asof;
};

/* What one project counts toward. */
struct counts {
	bool plan_start;    /* 新建 planned to start in the year */
	bool started;       /* ... and started by as-of */
	bool resume_target; /* in the 开复工 denominator */
	bool resumed;       /* in its numerator */
	bool plan_complete; /* planned to complete in the year */
	bool completed;     /* ... and completed by as-of */
	bool in_stats;      /* resumed and 入库 by as-of */
	int quarter;        /* of planned_start in the year, 0 when none */
};

static bool has(int32_t d)
{
	return d != PROJ_DATE_NONE;
}

static bool within(int32_t d, int32_t first, int32_t last)
{
	return has(d) && d >= first && d <= last;
}

static bool by(int32_t d, const struct period *p)
{
	return has(d) && d <= p->asof;
}

static struct counts classify(const struct proj_fact *f, const struct period *p)
{
	struct counts c;
	bool fresh = f->kind == PKIND_NEW;
	bool planned_in_year = within(f->planned_start, p->first, p->last);
	c.plan_start = fresh && planned_in_year;
	c.started = c.plan_start && by(f->started, p);
	c.resume_target = c.plan_start || !fresh;
	c.resumed = fresh ? c.started : within(f->started, p->first, p->asof);
	c.plan_complete = within(f->planned_completion, p->first, p->last);
	c.completed = c.plan_complete && by(f->completed, p);
	c.in_stats = c.resumed && by(f->stats_date, p);
	c.quarter = planned_in_year ? proj_quarter_of_month(proj_date_month(f->planned_start)) : 0;
	return c;
}

static bool fact_ok(const struct proj_fact *f)
{
	const int32_t dates[] = { f->planned_start, f->started, f->planned_completion,
				  f->completed, f->stats_date };
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
		if (has(dates[i]) && !proj_date_valid(dates[i]))
			return false;
	return (unsigned)f->kind < PKIND__COUNT && (unsigned)f->category < PCAT__COUNT &&
	       f->annual_plan_yuan >= 0 && f->ytd_done_yuan >= 0;
}

/* Sets up the period and checks every fact. */
static bool prepare(const struct proj_fact *f, size_t n, int year, int32_t asof,
		    struct period *p)
{
	if (!proj_date_valid(asof) || !proj_date_from_ymd(year, 1, 1, &p->first) ||
	    !proj_date_from_ymd(year, 12, 31, &p->last) || (n > 0 && !f))
		return false;
	p->year = year;
	p->asof = asof;
	for (size_t i = 0; i < n; i++)
		if (!fact_ok(&f[i]))
			return false;
	return true;
}

static bool add_amount(int64_t *sum, int64_t v)
{
	if (v > INT64_MAX - *sum)
		return false;
	*sum += v;
	return true;
}

static void tally(struct proj_rate *r, bool in_target, bool in_done)
{
	r->target += in_target;
	r->done += in_target && in_done;
}

static bool accumulate(struct proj_rate_row *row, const struct proj_fact *f,
		       const struct counts *c)
{
	row->n_projects++;
	tally(&row->start, c->plan_start, c->started);
	tally(&row->start_resume, c->resume_target, c->resumed);
	tally(&row->completion, c->plan_complete, c->completed);
	tally(&row->stats, c->resumed, c->in_stats);
	return add_amount(&row->investment.done, f->ytd_done_yuan) &&
	       add_amount(&row->investment.target, f->annual_plan_yuan);
}

static void finish_rate(struct proj_rate *r)
{
	r->defined = r->target > 0;
	if (!r->defined || !proj_ratio_bp(r->done, r->target, &r->bp))
		r->bp = 0;
}

static void finish_row(struct proj_rate_row *row)
{
	struct proj_rate *all[] = { &row->start, &row->start_resume, &row->completion,
				    &row->investment, &row->stats };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		finish_rate(all[i]);
}

/* Where the id-like group keys live in a fact. */
static const size_t key_field[PGROUP__COUNT] = {
	[PGROUP_REGION] = offsetof(struct proj_fact, region),
	[PGROUP_DEPARTMENT] = offsetof(struct proj_fact, department_id),
	[PGROUP_LEADER] = offsetof(struct proj_fact, leader_id),
};

static int64_t key_of(const struct proj_fact *f, const struct period *p, enum proj_group g)
{
	if (g == PGROUP_ALL)
		return 0;
	if (g == PGROUP_CATEGORY)
		return (int64_t)f->category;
	if (g == PGROUP_QUARTER)
		return classify(f, p).quarter;
	int64_t v;
	memcpy(&v, (const char *)f + key_field[g], sizeof v);
	return v;
}

/* Index of key in the sorted rows[0..n), or where it would be inserted. */
static size_t find_row(const struct proj_rate_row *rows, size_t n, int64_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rows[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Distinct keys among f[0..n), counted without storage. */
static size_t distinct_keys(const struct proj_fact *f, size_t n, const struct period *p,
			    enum proj_group g)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t k = key_of(&f[i], p, g);
		size_t j = 0;
		while (j < i && key_of(&f[j], p, g) != k)
			j++;
		count += j == i;
	}
	return count;
}

/* The row for key, inserted in order when new; NULL when rows are full. */
static struct proj_rate_row *row_for(struct proj_rate_row *rows, size_t cap, size_t *n,
				     int64_t key)
{
	size_t at = find_row(rows, *n, key);
	if (at < *n && rows[at].key == key)
		return &rows[at];
	if (*n == cap)
		return NULL;
	memmove(&rows[at + 1], &rows[at], (*n - at) * sizeof rows[0]);
	memset(&rows[at], 0, sizeof rows[0]);
	rows[at].key = key;
	(*n)++;
	return &rows[at];
}

bool proj_rates_group(const struct proj_fact *f, size_t n, int year, int32_t asof,
		      enum proj_group by, struct proj_rate_row *rows, size_t cap, size_t *n_rows)
{
	struct period p;
	*n_rows = 0;
	if ((unsigned)by >= PGROUP__COUNT || (cap > 0 && !rows) || !prepare(f, n, year, asof, &p))
		return false;
	size_t used = 0;
	if (by == PGROUP_ALL && !row_for(rows, cap, &used, 0)) { /* a total even when empty */
		*n_rows = 1;
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		struct proj_rate_row *row = row_for(rows, cap, &used, key_of(&f[i], &p, by));
		if (!row) {
			*n_rows = distinct_keys(f, n, &p, by);
			return false;
		}
		struct counts c = classify(&f[i], &p);
		if (!accumulate(row, &f[i], &c))
			return false;
	}
	for (size_t r = 0; r < used; r++)
		finish_row(&rows[r]);
	*n_rows = used;
	return true;
}

/* Started (开工 or 复工) within Q1 of the year, by as-of. */
static bool started_in_q1(const struct proj_fact *f, const struct counts *c,
			  const struct period *p)
{
	int32_t q1_first, q1_last;
	(void)c;
	proj_quarter_range(p->year, 1, &q1_first, &q1_last);
	return within(f->started, q1_first, q1_last) && by(f->started, p);
}

static bool q1_planned(const struct proj_fact *f, const struct counts *c, const struct period *p)
{
	(void)f, (void)p;
	return c->quarter == 1 && c->resume_target;
}

static bool resumed(const struct proj_fact *f, const struct counts *c, const struct period *p)
{
	(void)f, (void)p;
	return c->resumed;
}

static bool resume_target(const struct proj_fact *f, const struct counts *c,
			  const struct period *p)
{
	(void)f, (void)p;
	return c->resume_target;
}

static bool in_stats(const struct proj_fact *f, const struct counts *c, const struct period *p)
{
	(void)f, (void)p;
	return c->in_stats;
}

typedef bool (*fact_test)(const struct proj_fact *f, const struct counts *c,
			  const struct period *p);

/* Goals counting projects: the target, what takes a project off the
 * missing list, and (Q1 only) a done count of its own. */
static const struct {
	fact_test in_target, is_done, counts_done;
} goal_tests[PCAMP__COUNT] = {
	[PCAMP_Q1_OPENING] = { q1_planned, resumed, started_in_q1 },
	[PCAMP_Q2_ALL_STARTED] = { resume_target, resumed, NULL },
	[PCAMP_Q4_FINISH] = { resumed, in_stats, NULL },
};

static void note_missing(struct proj_goal *out, int64_t id, int64_t *missing, size_t cap)
{
	if (out->n_missing < cap)
		missing[out->n_missing] = id;
	out->n_missing++;
}

static void eval_counted(enum proj_campaign g, const struct proj_fact *f, size_t n,
			 const struct period *p, struct proj_goal *out, int64_t *missing,
			 size_t cap)
{
	fact_test in_target = goal_tests[g].in_target, is_done = goal_tests[g].is_done;
	fact_test counts_done = goal_tests[g].counts_done;
	for (size_t i = 0; i < n; i++) {
		struct counts c = classify(&f[i], p);
		bool target = in_target(&f[i], &c, p), done = is_done(&f[i], &c, p);
		out->target += target;
		out->done += counts_done ? counts_done(&f[i], &c, p) : target && done;
		if (target && !done)
			note_missing(out, f[i].id, missing, cap);
	}
	out->met = out->n_missing == 0;
}

/* The least amount that is at least pace_bp of plan: ceil(plan * bp / 10000). */
static int64_t share_up(int64_t plan, int64_t pace_bp)
{
	int64_t q = plan / PROJ_BP_FULL, r = plan % PROJ_BP_FULL;
	return q * pace_bp + (r * pace_bp + PROJ_BP_FULL - 1) / PROJ_BP_FULL;
}

static bool eval_investment(const struct proj_fact *f, size_t n, struct proj_goal *out,
			    int64_t *missing, size_t cap)
{
	int64_t pace = proj_pace_month_bp(9), plan = 0;
	for (size_t i = 0; i < n; i++) {
		if (!add_amount(&out->done, f[i].ytd_done_yuan) ||
		    !add_amount(&plan, f[i].annual_plan_yuan))
			return false;
		if (f[i].annual_plan_yuan > 0 &&
		    f[i].ytd_done_yuan < share_up(f[i].annual_plan_yuan, pace))
			note_missing(out, f[i].id, missing, cap);
	}
	out->target = share_up(plan, pace);
	out->met = out->done >= out->target;
	if (plan > 0 && !proj_ratio_bp(out->done, plan, &out->bp))
		return false;
	return true;
}

bool proj_campaign_eval(enum proj_campaign g, const struct proj_fact *f, size_t n, int year,
			int32_t asof, struct proj_goal *out, int64_t *missing, size_t cap)
{
	struct period p;
	memset(out, 0, sizeof *out);
	out->goal = g;
	if ((unsigned)g >= PCAMP__COUNT || (cap > 0 && !missing) || !prepare(f, n, year, asof, &p))
		return false;
	if (g == PCAMP_Q3_CHARGE)
		return eval_investment(f, n, out, missing, cap);
	eval_counted(g, f, n, &p, out, missing, cap);
	if (out->target > 0 && !proj_ratio_bp(out->done, out->target, &out->bp))
		return false;
	return true;
}

int proj_campaign_of_month(int month)
{
	int q = proj_quarter_of_month(month);
	return q ? q - 1 : -1;
}

static const struct {
	const char *code, *zh, *en, *goal_zh, *goal_en;
} campaigns[PCAMP__COUNT] = {
	[PCAMP_Q1_OPENING] = { "q1_opening", "开门红", "strong opening",
			       "一季度集中开工：计划一季度开工（复工）的项目全部开工",
			       "Q1 concentrated start: every project planned to start (or "
			       "resume) in Q1 has started" },
	[PCAMP_Q2_ALL_STARTED] = { "q2_all_started", "全开工", "all started",
				   "二季度全开工：项目开复工率100%",
				   "Q2 all started: every project started or resumed (100%)" },
	[PCAMP_Q3_CHARGE] = { "q3_charge", "冲锋号", "charge",
			      "三季度冲锋号：投资完成率达到序时进度75%",
			      "Q3 charge: investment completion reaches the 75% pro-rata "
			      "schedule" },
	[PCAMP_Q4_FINISH] = { "q4_finish", "收官战", "final push",
			      "四季度收官：开工项目全部入库入统，不漏登一家企业、不流失一个项目",
			      "Q4 final push: every started project is in the statistics" },
};

const char *proj_campaign_code(enum proj_campaign g)
{
	return (unsigned)g < PCAMP__COUNT ? campaigns[g].code : "";
}

const char *proj_campaign_zh(enum proj_campaign g)
{
	return (unsigned)g < PCAMP__COUNT ? campaigns[g].zh : "?";
}

const char *proj_campaign_en(enum proj_campaign g)
{
	return (unsigned)g < PCAMP__COUNT ? campaigns[g].en : "?";
}

const char *proj_campaign_goal_zh(enum proj_campaign g)
{
	return (unsigned)g < PCAMP__COUNT ? campaigns[g].goal_zh : "?";
}

const char *proj_campaign_goal_en(enum proj_campaign g)
{
	return (unsigned)g < PCAMP__COUNT ? campaigns[g].goal_en : "?";
}
