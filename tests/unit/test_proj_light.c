/* Tests for domain/proj_light. Oracles: the guide's default rules applied
 * by hand ("时间过半、任务过半": June's 序时进度 is 50%, so 31.5% done is 18.5
 * points behind), with boundary cases on each threshold. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/proj_date.h"
#include "domain/proj_light.h"

static int32_t ymd(int y, int m, int d)
{
	int32_t out = PROJ_DATE_NONE;
	assert_true(proj_date_from_ymd(y, m, d, &out));
	return out;
}

enum { WAN = 10000 };

/* Started 2024-03-01, 入库 2024-03-20, plan 1亿元, nothing done. */
static struct proj_light_facts started(void)
{
	struct proj_light_facts f = {
		.planned_start = ymd(2024, 3, 1),
		.actual_start = ymd(2024, 3, 1),
		.stats_date = ymd(2024, 3, 20),
		.annual_plan_yuan = 10000 * (int64_t)WAN,
		.ytd_done_yuan = 0,
		.ytd_month = 6,
	};
	return f;
}

static struct proj_light_facts not_started(int32_t planned)
{
	struct proj_light_facts f = { planned, PROJ_DATE_NONE, PROJ_DATE_NONE, 0, 0, 0 };
	return f;
}

static struct proj_light_result eval(const struct proj_light_rules *rules,
				     const struct proj_light_facts *f, int32_t today)
{
	struct proj_light_result r;
	assert_true(proj_light_eval(rules, f, today, &r));
	return r;
}

static void test_defaults(void **state)
{
	(void)state;
	struct proj_light_rules r;
	proj_light_default_rules(&r);
	assert_int_equal(r.start_red_months, 3);
	assert_int_equal(r.progress_yellow_bp, 1000);
	assert_int_equal(r.progress_red_bp, 3000);
	assert_int_equal(r.stats_yellow_months, 1);
	assert_int_equal(r.stats_red_months, 2);
	assert_true(proj_light_rules_check(&r));
	struct proj_light_rules bad = r;
	bad.progress_yellow_bp = 3500;
	assert_false(proj_light_rules_check(&bad));
	bad = r;
	bad.stats_red_months = 0;
	assert_false(proj_light_rules_check(&bad));
	bad = r;
	bad.start_red_months = 0;
	assert_false(proj_light_rules_check(&bad));
	bad = r;
	bad.progress_red_bp = 10001;
	assert_false(proj_light_rules_check(&bad));
	assert_false(proj_light_rules_check(NULL));
	struct proj_light_result out;
	struct proj_light_facts f = started();
	assert_false(proj_light_eval(&bad, &f, ymd(2024, 6, 20), &out));
	assert_int_equal(out.light, PLIGHT_GREEN);
	assert_int_equal(out.n, 0);
}

static void test_start_rule(void **state)
{
	(void)state;
	int32_t today = ymd(2024, 6, 20);
	struct proj_light_facts f = not_started(ymd(2024, 7, 1));
	struct proj_light_result r = eval(NULL, &f, today);
	assert_int_equal(r.light, PLIGHT_GREEN);
	assert_int_equal(r.n, 0);
	/* Due this month (even later in the month) and not started. */
	f = not_started(ymd(2024, 6, 28));
	r = eval(NULL, &f, today);
	assert_int_equal(r.light, PLIGHT_YELLOW);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.reasons[0].code, PLR_START_DUE);
	assert_string_equal(r.reasons[0].zh, "计划本月（2024年6月）开工，尚未开工");
	assert_string_equal(r.reasons[0].en, "Due to start this month (2024-06), not started");
	/* One and two months after: yellow; three: red. */
	f = not_started(ymd(2024, 5, 31));
	r = eval(NULL, &f, today);
	assert_int_equal(r.light, PLIGHT_YELLOW);
	assert_int_equal(r.reasons[0].code, PLR_START_OVERDUE);
	assert_int_equal(r.reasons[0].value, 1);
	assert_string_equal(r.reasons[0].zh, "计划2024年5月开工，逾期1个月未开工");
	f = not_started(ymd(2024, 4, 1));
	r = eval(NULL, &f, today);
	assert_int_equal(r.light, PLIGHT_YELLOW);
	assert_int_equal(r.reasons[0].value, 2);
	f = not_started(ymd(2024, 3, 15));
	r = eval(NULL, &f, today);
	assert_int_equal(r.light, PLIGHT_RED);
	assert_int_equal(r.reasons[0].code, PLR_START_LONG_OVERDUE);
	assert_string_equal(r.reasons[0].zh, "计划2024年3月开工，逾期3个月仍未开工");
	assert_string_equal(r.reasons[0].en,
			    "Planned to start in 2024-03, still not started 3 months later");
	/* A region that turns red after two months. */
	struct proj_light_rules rules;
	proj_light_default_rules(&rules);
	rules.start_red_months = 2;
	f = not_started(ymd(2024, 4, 1));
	r = eval(&rules, &f, today);
	assert_int_equal(r.light, PLIGHT_RED);
	/* Started: the rule is green, however late. */
	f.actual_start = ymd(2024, 6, 19);
	r = eval(NULL, &f, today); /* and a day is too soon for the 入库 rule */
	assert_int_equal(r.light, PLIGHT_GREEN);
	assert_int_equal(r.n, 0);
	/* A start recorded for a day after today does not count yet. */
	f.actual_start = ymd(2024, 6, 21);
	r = eval(&rules, &f, today);
	assert_int_equal(r.light, PLIGHT_RED);
	/* No planned start: nothing to say. */
	f = not_started(PROJ_DATE_NONE);
	r = eval(NULL, &f, today);
	assert_int_equal(r.light, PLIGHT_GREEN);
}

static void test_progress_rule(void **state)
{
	(void)state;
	int32_t today = ymd(2024, 6, 20);
	struct proj_light_facts f = started();
	f.ytd_done_yuan = 3150 * (int64_t)WAN; /* 31.5% against 50% */
	struct proj_light_result r = eval(NULL, &f, today);
	assert_int_equal(r.light, PLIGHT_YELLOW);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.reasons[0].code, PLR_PROGRESS_BEHIND);
	assert_int_equal(r.reasons[0].value, 1850);
	assert_int_equal(r.reasons[0].value2, 3150);
	assert_int_equal(r.reasons[0].value3, 5000);
	assert_string_equal(r.reasons[0].zh,
			    "投资完成率落后序时进度18.5个百分点（完成31.5%，序时进度50%）");
	assert_string_equal(r.reasons[0].en, "Investment completion 31.5% is 18.5 points behind "
					     "the pro-rata schedule 50%");
	static const struct {
		int64_t done_wan;
		enum proj_light light;
	} edges[] = {
		{ 4001, PLIGHT_GREEN },  /* 9.99 behind */
		{ 4000, PLIGHT_YELLOW }, /* exactly 10 */
		{ 2000, PLIGHT_YELLOW }, /* exactly 30 */
		{ 1999, PLIGHT_RED },    /* 30.01 */
		{ 0, PLIGHT_RED },
		{ 12000, PLIGHT_GREEN }, /* ahead */
	};
	for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
		f.ytd_done_yuan = edges[i].done_wan * WAN;
		r = eval(NULL, &f, today);
		assert_int_equal(r.light, edges[i].light);
	}
	f.ytd_done_yuan = 0;
	r = eval(NULL, &f, today);
	assert_int_equal(r.reasons[0].code, PLR_PROGRESS_FAR_BEHIND);
	assert_string_equal(r.reasons[0].zh,
			    "投资完成率落后序时进度50个百分点（完成0%，序时进度50%）");
	/* ytd_month 0: today's month (March: 25%). */
	f.ytd_month = 0;
	f.ytd_done_yuan = 1000 * (int64_t)WAN;
	r = eval(NULL, &f, ymd(2024, 3, 31));
	assert_int_equal(r.light, PLIGHT_YELLOW);
	assert_int_equal(r.reasons[0].value, 1500);
	/* Not started, or no plan: no progress rule. */
	f = started();
	f.annual_plan_yuan = 0;
	r = eval(NULL, &f, today);
	assert_int_equal(r.light, PLIGHT_GREEN);
	f = not_started(ymd(2024, 9, 1));
	f.annual_plan_yuan = 100;
	r = eval(NULL, &f, today);
	assert_int_equal(r.light, PLIGHT_GREEN);
}

static void test_stats_rule(void **state)
{
	(void)state;
	struct proj_light_facts f = started();
	f.annual_plan_yuan = 0;
	f.stats_date = PROJ_DATE_NONE;
	f.actual_start = ymd(2024, 5, 20);
	struct proj_light_result r = eval(NULL, &f, ymd(2024, 6, 19));
	assert_int_equal(r.light, PLIGHT_GREEN);
	r = eval(NULL, &f, ymd(2024, 6, 20));
	assert_int_equal(r.light, PLIGHT_YELLOW);
	assert_int_equal(r.reasons[0].code, PLR_STATS_LATE);
	assert_string_equal(r.reasons[0].zh, "开工已满1个月（2024-05-20开工）尚未入库入统");
	assert_string_equal(r.reasons[0].en,
			    "Not in the statistics 1 full month after the start on 2024-05-20");
	r = eval(NULL, &f, ymd(2024, 7, 19));
	assert_int_equal(r.light, PLIGHT_YELLOW);
	r = eval(NULL, &f, ymd(2024, 7, 20));
	assert_int_equal(r.light, PLIGHT_RED);
	assert_int_equal(r.reasons[0].code, PLR_STATS_VERY_LATE);
	assert_int_equal(r.reasons[0].value, 2);
	/* Month ends clamp: 01-31 plus a month is 02-29. */
	f.actual_start = ymd(2024, 1, 31);
	r = eval(NULL, &f, ymd(2024, 2, 28));
	assert_int_equal(r.light, PLIGHT_GREEN);
	r = eval(NULL, &f, ymd(2024, 2, 29));
	assert_int_equal(r.light, PLIGHT_YELLOW);
	/* 入库 by today clears it; a future 入库 date does not. */
	f.stats_date = ymd(2024, 2, 29);
	r = eval(NULL, &f, ymd(2024, 6, 1));
	assert_int_equal(r.light, PLIGHT_GREEN);
	r = eval(NULL, &f, ymd(2024, 2, 28));
	assert_int_equal(r.light, PLIGHT_GREEN);
	f.stats_date = ymd(2024, 9, 1);
	r = eval(NULL, &f, ymd(2024, 6, 1));
	assert_int_equal(r.light, PLIGHT_RED);
}

static void test_worst_wins(void **state)
{
	(void)state;
	struct proj_light_facts f = started();
	f.stats_date = PROJ_DATE_NONE;
	f.actual_start = ymd(2024, 5, 10);
	f.ytd_done_yuan = 1000 * (int64_t)WAN; /* 10% against 50%: red */
	struct proj_light_result r = eval(NULL, &f, ymd(2024, 6, 20));
	assert_int_equal(r.light, PLIGHT_RED);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.reasons[0].code, PLR_PROGRESS_FAR_BEHIND);
	assert_int_equal(r.reasons[0].light, PLIGHT_RED);
	assert_int_equal(r.reasons[1].code, PLR_STATS_LATE);
	assert_int_equal(r.reasons[1].light, PLIGHT_YELLOW);
}

static void test_bad_facts(void **state)
{
	(void)state;
	struct proj_light_result r;
	struct proj_light_facts f = started();
	assert_false(proj_light_eval(NULL, &f, PROJ_DATE_NONE, &r));
	assert_false(proj_light_eval(NULL, NULL, ymd(2024, 6, 1), &r));
	f.ytd_month = 13;
	assert_false(proj_light_eval(NULL, &f, ymd(2024, 6, 1), &r));
	f = started();
	f.ytd_done_yuan = -1;
	assert_false(proj_light_eval(NULL, &f, ymd(2024, 6, 1), &r));
	f = started();
	f.stats_date = PROJ_DATE_MAX + 1;
	assert_false(proj_light_eval(NULL, &f, ymd(2024, 6, 1), &r));
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(proj_light_code_name(PLIGHT_RED), "red");
	assert_string_equal(proj_light_zh(PLIGHT_YELLOW), "黄灯");
	assert_string_equal(proj_light_en(PLIGHT_GREEN), "green");
	assert_string_equal(proj_light_code_name(PLIGHT__COUNT), "");
	assert_string_equal(proj_light_zh(PLIGHT__COUNT), "?");
	for (int c = 0; c < PLR__COUNT; c++)
		assert_true(strlen(proj_light_reason_key((enum proj_light_code)c)) > 0);
	assert_string_equal(proj_light_reason_key(PLR__COUNT), "");
	assert_string_equal(proj_light_reason_key(PLR_PROGRESS_BEHIND), "progress_behind");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),   cmocka_unit_test(test_start_rule),
		cmocka_unit_test(test_progress_rule), cmocka_unit_test(test_stats_rule),
		cmocka_unit_test(test_worst_wins), cmocka_unit_test(test_bad_facts),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
