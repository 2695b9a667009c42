/* The rates of a year's project list, overall or grouped by region,
 * department, leader, category or quarter: 开工率, 开复工率, 竣工率, 投资完成率,
 * 入统率; and the quarterly campaign (Q1 开门红, Q2 全开工, Q3 冲锋号, Q4 收官)
 * with what each goal still misses. Pure aggregation over caller arrays
 * into caller arrays; nothing allocates. */
#ifndef GUATU_DOMAIN_PROJ_RATES_H
#define GUATU_DOMAIN_PROJ_RATES_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/proj_class.h"

/* One project of the year's list (年度重点项目计划). Dates are proj_date
 * days or PROJ_DATE_NONE; amounts are 元. */
struct proj_fact {
	int64_t id;
	enum proj_kind kind;
	enum proj_category category;
	int64_t region;             /* GB/T 2260 code as a number, 220104 */
	int64_t department_id;
	int64_t leader_id;          /* 包保 leader */
	int32_t planned_start;      /* 新建: 计划开工; 续建: 计划复工 */
	int32_t started;            /* 新建: 开工; 续建: this year's 复工 */
	int32_t planned_completion; /* 计划竣工 */
	int32_t completed;          /* 竣工 */
	int32_t stats_date;         /* 入库 */
	int64_t annual_plan_yuan;   /* 年度计划投资 */
	int64_t ytd_done_yuan;      /* 本年累计完成投资 */
};

/* done / target; bp rounded half away from zero, 0 when target is 0. */
struct proj_rate {
	int64_t done, target;
	int64_t bp;
	bool defined; /* target > 0 */
};

/* For a year and an as-of day (events after it do not count yet):
 * start        开工率   新建 planned to start in the year / those started
 *                      (开工 on or before as-of, any year)
 * start_resume 开复工率 those + 续建 复工 in the year by as-of / 新建 planned
 *                      in the year + every 续建
 * completion   竣工率   竣工 by as-of / planned to complete in the year
 * investment   投资完成率 sum of ytd_done / sum of annual_plan (元)
 * stats        入统率   入库 by as-of / the started and resumed above */
struct proj_rate_row {
	int64_t key; /* the group's value; 0 for PGROUP_ALL */
	size_t n_projects;
	struct proj_rate start, start_resume, completion, investment, stats;
};

enum proj_group {
	PGROUP_ALL,
	PGROUP_REGION,
	PGROUP_DEPARTMENT,
	PGROUP_LEADER,
	PGROUP_CATEGORY, /* key: enum proj_category */
	PGROUP_QUARTER,  /* key: quarter 1..4 of planned_start within the
			    year, 0 when it has none there */
	PGROUP__COUNT
};

/* Aggregates f[0..n) into rows[0..*n_rows), one per distinct key in
 * ascending order. False when year is outside 1..9999, asof is invalid,
 * a date is neither valid nor NONE, an amount is negative, the sums
 * overflow, or the rows do not fit in cap (then *n_rows is the number
 * needed; otherwise 0 on failure). f may be NULL when n is 0; PGROUP_ALL
 * always gives its one row, even for an empty list. */
bool proj_rates_group(const struct proj_fact *f, size_t n, int year, int32_t asof,
		      enum proj_group by, struct proj_rate_row *rows, size_t cap, size_t *n_rows);

enum proj_campaign {
	PCAMP_Q1_OPENING,     /* 开门红: 集中开工 */
	PCAMP_Q2_ALL_STARTED, /* 全开工: 开复工率 100% */
	PCAMP_Q3_CHARGE,      /* 冲锋号: investment at 序时进度 of September, 75% */
	PCAMP_Q4_FINISH,      /* 收官战: every started project 入库 */
	PCAMP__COUNT
};

/* A goal's standing. Counts are projects, except Q3 where done and target
 * are 元: the completed investment and 75% of the annual plan. */
struct proj_goal {
	enum proj_campaign goal;
	int64_t done, target;
	int64_t bp;       /* done / target, 0 when target is 0 (Q3: ytd / plan) */
	bool met;
	size_t n_missing; /* all the projects missing, even beyond cap */
};

/* Evaluates goal g over the year's list as of asof; the ids of the
 * projects still missing go to missing[0..min(n_missing, cap)) in input
 * order (missing may be NULL when cap is 0).
 * Q1: done = projects started (开工 or 复工) within Q1 by as-of, which may
 *     exceed the target; target = projects planned to start in Q1;
 *     missing = those planned in Q1 not yet started; met when none missing.
 * Q2: start_resume of proj_rates_group; missing = not started or resumed;
 *     met when none missing.
 * Q3: done = sum ytd_done, target = 75% of sum annual_plan rounded up;
 *     missing = projects with a plan whose own ytd is under 75% of it;
 *     met when done >= target.
 * Q4: done = started projects 入库, target = started; missing = started
 *     not 入库; met when none missing.
 * False on the argument faults of proj_rates_group or g out of range. */
bool proj_campaign_eval(enum proj_campaign g, const struct proj_fact *f, size_t n, int year,
			int32_t asof, struct proj_goal *out, int64_t *missing, size_t cap);
/* The campaign of a month 1..12 (its quarter); -1 otherwise. */
int proj_campaign_of_month(int month);
/* Static names, "" / "?" out of range: "q1_opening"..., "开门红", "全开工",
 * "冲锋号", "收官战"; and the goal in a sentence. */
const char *proj_campaign_code(enum proj_campaign g);
const char *proj_campaign_zh(enum proj_campaign g);
const char *proj_campaign_en(enum proj_campaign g);
const char *proj_campaign_goal_zh(enum proj_campaign g);
const char *proj_campaign_goal_en(enum proj_campaign g);

#endif
