/* The status light 绿/黄/红 of a project from three rules whose thresholds a
 * region configures (defaults: the published Yinchuan rule set in the
 * domain guide): 开工 against its planned month, investment completion
 * against 序时进度, and 入库 after 开工. The worst light wins; every rule
 * that is not green gives a reason with its numbers in both languages.
 * Pure; writes only to the caller's result. */
#ifndef GUATU_DOMAIN_PROJ_LIGHT_H
#define GUATU_DOMAIN_PROJ_LIGHT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum proj_light { PLIGHT_GREEN, PLIGHT_YELLOW, PLIGHT_RED, PLIGHT__COUNT };

/* Thresholds of one region. */
struct proj_light_rules {
	int start_red_months;       /* 3: red when still not started this many
				       calendar months after the planned month;
				       yellow from the planned month until then */
	int64_t progress_yellow_bp; /* 1000: yellow from 10 points behind */
	int64_t progress_red_bp;    /* 3000: red when MORE than 30 behind */
	int stats_yellow_months;    /* 1: yellow when not 入库 a full month after 开工 */
	int stats_red_months;       /* 2: red after two full months */
};

/* A project as the rules see it. Dates are proj_date days or
 * PROJ_DATE_NONE. Amounts are 元. */
struct proj_light_facts {
	int32_t planned_start;    /* 计划开工 */
	int32_t actual_start;     /* 开工 (续建: its original start) */
	int32_t stats_date;       /* 入库 */
	int64_t annual_plan_yuan; /* 年度计划投资; 0 or less: no progress rule */
	int64_t ytd_done_yuan;    /* 本年累计完成投资 */
	int ytd_month;            /* the month 1..12 ytd_done runs to; 0: today's */
};

enum proj_light_code {
	PLR_START_DUE,          /* yellow: due this month, not started */
	PLR_START_OVERDUE,      /* yellow: past the planned month, not started */
	PLR_START_LONG_OVERDUE, /* red: start_red_months after, not started */
	PLR_PROGRESS_BEHIND,    /* yellow: behind 序时进度 */
	PLR_PROGRESS_FAR_BEHIND,/* red */
	PLR_STATS_LATE,         /* yellow: started, not 入库 */
	PLR_STATS_VERY_LATE,    /* red */
	PLR__COUNT
};

#define PROJ_LIGHT_MAX_REASONS 3 /* at most one per rule */

struct proj_light_reason {
	enum proj_light_code code;
	enum proj_light light;
	int64_t value;  /* months (start, stats) or basis points behind */
	int64_t value2; /* completion rate in bp (progress), else 0 */
	int64_t value3; /* 序时进度 in bp (progress), else 0 */
	char zh[160];   /* e.g. "投资完成率落后序时进度18.5个百分点（完成31.5%，序时进度50%）" */
	char en[200];
};

struct proj_light_result {
	enum proj_light light; /* the worst of the reasons, green when none */
	size_t n;
	struct proj_light_reason reasons[PROJ_LIGHT_MAX_REASONS]; /* rule order */
};

/* The defaults above. */
void proj_light_default_rules(struct proj_light_rules *out);
/* True when 1 <= start_red_months <= 24, 0 < progress_yellow_bp <=
 * progress_red_bp <= 10000, and 1 <= stats_yellow_months <=
 * stats_red_months <= 24. */
bool proj_light_rules_check(const struct proj_light_rules *r);
/* Evaluates f as of today under rules (NULL: the defaults) into *out.
 * Start: only while not started by today, by calendar months from the
 * planned month. Progress: only once started, completion = ytd / plan
 * (bp, rounded) against proj_pace_month_bp(ytd_month). Stats: only once
 * started and not 入库 by today, by whole months since 开工 (day clamped as
 * proj_date_add_months). False, *out green and empty, when rules fail
 * proj_light_rules_check, today is invalid, a date is neither valid nor
 * NONE, ytd_month is outside 0..12 or an amount is negative. */
bool proj_light_eval(const struct proj_light_rules *rules, const struct proj_light_facts *f,
		     int32_t today, struct proj_light_result *out);
/* Static names: "green"/"yellow"/"red", "绿灯"/"黄灯"/"红灯", "green"...;
 * "" / "?" out of range. */
const char *proj_light_code_name(enum proj_light l);
const char *proj_light_zh(enum proj_light l);
const char *proj_light_en(enum proj_light l);
/* Static stable key of a reason ("start_due", ...), "" out of range. */
const char *proj_light_reason_key(enum proj_light_code c);

#endif
