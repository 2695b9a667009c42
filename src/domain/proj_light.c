#include "domain/proj_light.h"

#include <stdio.h>
#include <string.h>

#include "domain/proj_date.h"
#include "domain/proj_ratio.h"

enum { MAX_MONTHS = 24 };

static const struct proj_light_rules defaults = {
	.start_red_months = 3,
	.progress_yellow_bp = 1000,
	.progress_red_bp = 3000,
	.stats_yellow_months = 1,
	.stats_red_months = 2,
};

void proj_light_default_rules(struct proj_light_rules *out)
{
	*out = defaults;
}

bool proj_light_rules_check(const struct proj_light_rules *r)
{
	return r && r->start_red_months >= 1 && r->start_red_months <= MAX_MONTHS &&
	       r->progress_yellow_bp > 0 && r->progress_yellow_bp <= r->progress_red_bp &&
	       r->progress_red_bp <= PROJ_BP_FULL && r->stats_yellow_months >= 1 &&
	       r->stats_yellow_months <= r->stats_red_months && r->stats_red_months <= MAX_MONTHS;
}

/* What one rule sees. */
struct ctx {
	const struct proj_light_rules *rules;
	const struct proj_light_facts *f;
	int32_t today;
	struct proj_light_result *out;
};

static bool has(int32_t d)
{
	return d != PROJ_DATE_NONE;
}

static bool started_by(const struct proj_light_facts *f, int32_t today)
{
	return has(f->actual_start) && f->actual_start <= today;
}

static struct proj_light_reason *add(struct ctx *c, enum proj_light_code code,
				     enum proj_light light, int64_t value)
{
	struct proj_light_reason *r = &c->out->reasons[c->out->n++];
	memset(r, 0, sizeof *r);
	r->code = code;
	r->light = light;
	r->value = value;
	if (light > c->out->light)
		c->out->light = light;
	return r;
}

static void rule_start(struct ctx *c)
{
	const struct proj_light_facts *f = c->f;
	if (!has(f->planned_start) || started_by(f, c->today))
		return;
	int m = proj_months_between(f->planned_start, c->today);
	if (m < 0)
		return;
	struct proj_ymd p;
	proj_date_to_ymd(f->planned_start, &p);
	struct proj_light_reason *r;
	if (m == 0) {
		r = add(c, PLR_START_DUE, PLIGHT_YELLOW, 0);
		snprintf(r->zh, sizeof r->zh, "计划本月（%d年%d月）开工，尚未开工", p.year,
			 p.month);
		snprintf(r->en, sizeof r->en, "Due to start this month (%04d-%02d), not started",
			 p.year, p.month);
		return;
	}
	bool red = m >= c->rules->start_red_months;
	r = add(c, red ? PLR_START_LONG_OVERDUE : PLR_START_OVERDUE,
		red ? PLIGHT_RED : PLIGHT_YELLOW, m);
	snprintf(r->zh, sizeof r->zh, "计划%d年%d月开工，逾期%d个月%s未开工", p.year, p.month, m,
		 red ? "仍" : "");
	snprintf(r->en, sizeof r->en,
		 "Planned to start in %04d-%02d, still not started %d month%s later", p.year,
		 p.month, m, m == 1 ? "" : "s");
}

static void rule_progress(struct ctx *c)
{
	const struct proj_light_facts *f = c->f;
	if (f->annual_plan_yuan <= 0 || !started_by(f, c->today))
		return;
	int month = f->ytd_month ? f->ytd_month : proj_date_month(c->today);
	int64_t rate, pace = proj_pace_month_bp(month);
	if (!proj_ratio_bp(f->ytd_done_yuan, f->annual_plan_yuan, &rate))
		return;
	int64_t behind = pace - rate;
	if (behind < c->rules->progress_yellow_bp)
		return;
	bool red = behind > c->rules->progress_red_bp;
	struct proj_light_reason *r = add(c, red ? PLR_PROGRESS_FAR_BEHIND : PLR_PROGRESS_BEHIND,
					  red ? PLIGHT_RED : PLIGHT_YELLOW, behind);
	r->value2 = rate;
	r->value3 = pace;
	char b[PROJ_BP_TEXT_MAX], d[PROJ_BP_TEXT_MAX], s[PROJ_BP_TEXT_MAX];
	proj_bp_format_short(behind, b, sizeof b);
	proj_bp_format_short(rate, d, sizeof d);
	proj_bp_format_short(pace, s, sizeof s);
	snprintf(r->zh, sizeof r->zh,
		 "投资完成率落后序时进度%s个百分点（完成%s%%，序时进度%s%%）", b, d, s);
	snprintf(r->en, sizeof r->en,
		 "Investment completion %s%% is %s points behind the pro-rata schedule %s%%", d, b,
		 s);
}

/* Whole months from a to b: the largest k with a + k months <= b. */
static int whole_months(int32_t a, int32_t b)
{
	int k = proj_months_between(a, b);
	int32_t d;
	while (k > 0 && (!proj_date_add_months(a, k, &d) || d > b))
		k--;
	return k < 0 ? 0 : k;
}

static void rule_stats(struct ctx *c)
{
	const struct proj_light_facts *f = c->f;
	if (!started_by(f, c->today) || (has(f->stats_date) && f->stats_date <= c->today))
		return;
	int k = whole_months(f->actual_start, c->today);
	if (k < c->rules->stats_yellow_months)
		return;
	bool red = k >= c->rules->stats_red_months;
	struct proj_light_reason *r = add(c, red ? PLR_STATS_VERY_LATE : PLR_STATS_LATE,
					  red ? PLIGHT_RED : PLIGHT_YELLOW, k);
	char iso[PROJ_DATE_ISO_LEN + 1];
	proj_date_format_iso(f->actual_start, iso);
	snprintf(r->zh, sizeof r->zh, "开工已满%d个月（%s开工）尚未入库入统", k, iso);
	snprintf(r->en, sizeof r->en,
		 "Not in the statistics %d full month%s after the start on %s", k,
		 k == 1 ? "" : "s", iso);
}

static void (*const rules_in_order[])(struct ctx *c) = { rule_start, rule_progress, rule_stats };

static bool facts_ok(const struct proj_light_facts *f)
{
	const int32_t dates[] = { f->planned_start, f->actual_start, f->stats_date };
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
		if (has(dates[i]) && !proj_date_valid(dates[i]))
			return false;
	return f->ytd_month >= 0 && f->ytd_month <= 12 && f->annual_plan_yuan >= 0 &&
	       f->ytd_done_yuan >= 0;
}

bool proj_light_eval(const struct proj_light_rules *rules, const struct proj_light_facts *f,
		     int32_t today, struct proj_light_result *out)
{
	memset(out, 0, sizeof *out);
	out->light = PLIGHT_GREEN;
	if (!rules)
		rules = &defaults;
	if (!f || !proj_light_rules_check(rules) || !proj_date_valid(today) || !facts_ok(f))
		return false;
	struct ctx c = { rules, f, today, out };
	for (size_t i = 0; i < sizeof rules_in_order / sizeof rules_in_order[0]; i++)
		rules_in_order[i](&c);
	return true;
}

static const struct {
	const char *name, *zh, *en;
} lights[PLIGHT__COUNT] = {
	[PLIGHT_GREEN] = { "green", "绿灯", "green" },
	[PLIGHT_YELLOW] = { "yellow", "黄灯", "yellow" },
	[PLIGHT_RED] = { "red", "红灯", "red" },
};

const char *proj_light_code_name(enum proj_light l)
{
	return (unsigned)l < PLIGHT__COUNT ? lights[l].name : "";
}

const char *proj_light_zh(enum proj_light l)
{
	return (unsigned)l < PLIGHT__COUNT ? lights[l].zh : "?";
}

const char *proj_light_en(enum proj_light l)
{
	return (unsigned)l < PLIGHT__COUNT ? lights[l].en : "?";
}

const char *proj_light_reason_key(enum proj_light_code c)
{
	static const char *const keys[PLR__COUNT] = {
		[PLR_START_DUE] = "start_due",
		[PLR_START_OVERDUE] = "start_overdue",
		[PLR_START_LONG_OVERDUE] = "start_long_overdue",
		[PLR_PROGRESS_BEHIND] = "progress_behind",
		[PLR_PROGRESS_FAR_BEHIND] = "progress_far_behind",
		[PLR_STATS_LATE] = "stats_late",
		[PLR_STATS_VERY_LATE] = "stats_very_late",
	};
	return (unsigned)c < PLR__COUNT ? keys[c] : "";
}
