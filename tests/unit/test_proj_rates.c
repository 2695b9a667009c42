/* Tests for domain/proj_rates. Oracles: a seven-project list whose rates
 * and campaign goals were worked out by hand (below, per project), the
 * seeds' figures (seed 003: "全区52个5000万元以上重点项目全部开复工" by mid
 * 2024; seed 000: the quarterly campaign), and the identity that every
 * grouping's rows add up to the overall row. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/proj_date.h"
#include "domain/proj_rates.h"

static int32_t ymd(int y, int m, int d)
{
	int32_t out = PROJ_DATE_NONE;
	assert_true(proj_date_from_ymd(y, m, d, &out));
	return out;
}

enum { WAN = 10000 };
#define N PROJ_DATE_NONE

static struct proj_fact fact(int64_t id, enum proj_kind k, enum proj_category c, int64_t region,
			     int64_t dept, int64_t leader, int32_t plan_start, int32_t started,
			     int32_t plan_done, int32_t done, int32_t stats, int64_t plan_wan,
			     int64_t ytd_wan)
{
	struct proj_fact f = { id,        k,     c,    region, dept,           leader,
			       plan_start, started, plan_done, done, stats,
			       plan_wan * WAN, ytd_wan * WAN };
	return f;
}

/* 2024, as of 2024-06-30:
 * 1 新建 planned 03-15, started 03-20, 入库 04-10; completes 12-31; 60%.
 * 2 新建 planned 05-01, not started.
 * 3 续建 复工 03-05, completed 06-28 as planned; 入库 2023; 75%.
 * 4 续建 planned to resume 04-01, has not.
 * 5 新建 planned for 2025: outside the year's start counts.
 * 6 新建 planned 02-10, started 02-20, not 入库; completes 10-01; 25%.
 * 7 续建 whose only start date is 2023: not resumed this year; 50%. */
static void sample(struct proj_fact f[7])
{
	f[0] = fact(1, PKIND_NEW, PCAT_INDUSTRY, 220104, 1, 10, ymd(2024, 3, 15), ymd(2024, 3, 20),
		    ymd(2024, 12, 31), N, ymd(2024, 4, 10), 10000, 6000);
	f[1] = fact(2, PKIND_NEW, PCAT_INFRASTRUCTURE, 220104, 2, 10, ymd(2024, 5, 1), N, N, N, N,
		    5000, 0);
	f[2] = fact(3, PKIND_CONTINUING, PCAT_INDUSTRY, 220105, 1, 11, ymd(2024, 3, 1),
		    ymd(2024, 3, 5), ymd(2024, 6, 30), ymd(2024, 6, 28), ymd(2023, 5, 1), 20000,
		    15000);
	f[3] = fact(4, PKIND_CONTINUING, PCAT_SOCIAL, 220105, 2, 11, ymd(2024, 4, 1), N,
		    ymd(2025, 6, 30), N, ymd(2023, 1, 1), 3000, 0);
	f[4] = fact(5, PKIND_NEW, PCAT_REAL_ESTATE, 220104, 1, 10, ymd(2025, 3, 1), N, N, N, N, 0,
		    0);
	f[5] = fact(6, PKIND_NEW, PCAT_INDUSTRY, 220106, 3, 12, ymd(2024, 2, 10), ymd(2024, 2, 20),
		    ymd(2024, 10, 1), N, N, 8000, 2000);
	f[6] = fact(7, PKIND_CONTINUING, PCAT_INFRASTRUCTURE, 220106, 3, 12, N, ymd(2023, 4, 1), N,
		    N, N, 1000, 500);
}

static void expect_rate(const struct proj_rate *r, int64_t done, int64_t target, int64_t bp)
{
	assert_int_equal(r->done, done);
	assert_int_equal(r->target, target);
	assert_int_equal(r->bp, bp);
	assert_int_equal(r->defined, target > 0);
}

static void test_totals(void **state)
{
	(void)state;
	struct proj_fact f[7];
	sample(f);
	struct proj_rate_row row;
	size_t n = 99;
	assert_true(proj_rates_group(f, 7, 2024, ymd(2024, 6, 30), PGROUP_ALL, &row, 1, &n));
	assert_int_equal(n, 1);
	assert_int_equal(row.key, 0);
	assert_int_equal(row.n_projects, 7);
	expect_rate(&row.start, 2, 3, 6667);
	expect_rate(&row.start_resume, 3, 6, 5000);
	expect_rate(&row.completion, 1, 3, 3333);
	expect_rate(&row.investment, 23500 * (int64_t)WAN, 47000 * (int64_t)WAN, 5000);
	expect_rate(&row.stats, 2, 3, 6667);
	/* Earlier in the year fewer events have happened. */
	assert_true(proj_rates_group(f, 7, 2024, ymd(2024, 3, 10), PGROUP_ALL, &row, 1, &n));
	expect_rate(&row.start, 1, 3, 3333);
	expect_rate(&row.start_resume, 2, 6, 3333);
	expect_rate(&row.completion, 0, 3, 0);
	expect_rate(&row.stats, 1, 2, 5000); /* 3 was 入库 in 2023; 6 is not */
	/* An empty list still has its total row, with nothing defined. */
	assert_true(proj_rates_group(NULL, 0, 2024, ymd(2024, 6, 30), PGROUP_ALL, &row, 1, &n));
	assert_int_equal(n, 1);
	expect_rate(&row.start, 0, 0, 0);
	expect_rate(&row.investment, 0, 0, 0);
}

static void test_by_region(void **state)
{
	(void)state;
	struct proj_fact f[7];
	sample(f);
	struct proj_rate_row rows[4];
	size_t n = 0;
	assert_true(proj_rates_group(f, 7, 2024, ymd(2024, 6, 30), PGROUP_REGION, rows, 4, &n));
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].key, 220104);
	assert_int_equal(rows[1].key, 220105);
	assert_int_equal(rows[2].key, 220106);
	expect_rate(&rows[0].start, 1, 2, 5000);
	expect_rate(&rows[0].investment, 6000 * (int64_t)WAN, 15000 * (int64_t)WAN, 4000);
	expect_rate(&rows[0].stats, 1, 1, 10000);
	expect_rate(&rows[1].start, 0, 0, 0);
	expect_rate(&rows[1].completion, 1, 1, 10000);
	expect_rate(&rows[1].investment, 15000 * (int64_t)WAN, 23000 * (int64_t)WAN, 6522);
	expect_rate(&rows[2].investment, 2500 * (int64_t)WAN, 9000 * (int64_t)WAN, 2778);
	expect_rate(&rows[2].stats, 0, 1, 0);
	/* Too few rows: false, and how many are needed. */
	assert_false(proj_rates_group(f, 7, 2024, ymd(2024, 6, 30), PGROUP_REGION, rows, 2, &n));
	assert_int_equal(n, 3);
	assert_false(proj_rates_group(f, 7, 2024, ymd(2024, 6, 30), PGROUP_ALL, rows, 0, &n));
	assert_int_equal(n, 1);
}

static void test_by_quarter_and_category(void **state)
{
	(void)state;
	struct proj_fact f[7];
	sample(f);
	struct proj_rate_row rows[PCAT__COUNT];
	size_t n = 0;
	assert_true(proj_rates_group(f, 7, 2024, ymd(2024, 6, 30), PGROUP_QUARTER, rows, 5, &n));
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].key, 0); /* 5 (2025) and 7 (none) */
	assert_int_equal(rows[0].n_projects, 2);
	assert_int_equal(rows[1].key, 1); /* 1, 3, 6 */
	assert_int_equal(rows[1].n_projects, 3);
	expect_rate(&rows[1].start_resume, 3, 3, 10000);
	assert_int_equal(rows[2].key, 2); /* 2, 4 */
	expect_rate(&rows[2].start_resume, 0, 2, 0);
	assert_true(proj_rates_group(f, 7, 2024, ymd(2024, 6, 30), PGROUP_CATEGORY, rows,
				     PCAT__COUNT, &n));
	assert_int_equal(n, 4);
	assert_int_equal(rows[PCAT_INDUSTRY].key, PCAT_INDUSTRY);
	assert_int_equal(rows[PCAT_INDUSTRY].n_projects, 3);
	expect_rate(&rows[PCAT_INDUSTRY].start, 2, 2, 10000);
}

/* Every grouping's rows add up to the total row. */
static void test_groups_add_up(void **state)
{
	(void)state;
	struct proj_fact f[7];
	sample(f);
	struct proj_rate_row total, rows[8];
	size_t n;
	int32_t asof = ymd(2024, 6, 30);
	assert_true(proj_rates_group(f, 7, 2024, asof, PGROUP_ALL, &total, 1, &n));
	for (int g = PGROUP_REGION; g < PGROUP__COUNT; g++) {
		assert_true(proj_rates_group(f, 7, 2024, asof, (enum proj_group)g, rows, 8, &n));
		struct proj_rate_row sum;
		memset(&sum, 0, sizeof sum);
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				assert_true(rows[i - 1].key < rows[i].key);
			sum.n_projects += rows[i].n_projects;
			sum.start.done += rows[i].start.done;
			sum.start.target += rows[i].start.target;
			sum.start_resume.done += rows[i].start_resume.done;
			sum.start_resume.target += rows[i].start_resume.target;
			sum.completion.done += rows[i].completion.done;
			sum.investment.done += rows[i].investment.done;
			sum.investment.target += rows[i].investment.target;
			sum.stats.done += rows[i].stats.done;
			sum.stats.target += rows[i].stats.target;
		}
		assert_int_equal(sum.n_projects, total.n_projects);
		assert_int_equal(sum.start.done, total.start.done);
		assert_int_equal(sum.start.target, total.start.target);
		assert_int_equal(sum.start_resume.done, total.start_resume.done);
		assert_int_equal(sum.start_resume.target, total.start_resume.target);
		assert_int_equal(sum.completion.done, total.completion.done);
		assert_int_equal(sum.investment.done, total.investment.done);
		assert_int_equal(sum.investment.target, total.investment.target);
		assert_int_equal(sum.stats.done, total.stats.done);
		assert_int_equal(sum.stats.target, total.stats.target);
	}
}

static void test_bad_input(void **state)
{
	(void)state;
	struct proj_fact f[7];
	sample(f);
	struct proj_rate_row rows[4];
	size_t n = 99;
	int32_t asof = ymd(2024, 6, 30);
	assert_false(proj_rates_group(f, 7, 0, asof, PGROUP_ALL, rows, 4, &n));
	assert_int_equal(n, 0);
	assert_false(proj_rates_group(f, 7, 2024, N, PGROUP_ALL, rows, 4, &n));
	assert_false(proj_rates_group(f, 7, 2024, asof, PGROUP__COUNT, rows, 4, &n));
	assert_false(proj_rates_group(NULL, 7, 2024, asof, PGROUP_ALL, rows, 4, &n));
	f[2].ytd_done_yuan = -1;
	assert_false(proj_rates_group(f, 7, 2024, asof, PGROUP_ALL, rows, 4, &n));
	sample(f);
	f[3].completed = PROJ_DATE_MAX + 1;
	assert_false(proj_rates_group(f, 7, 2024, asof, PGROUP_ALL, rows, 4, &n));
	sample(f);
	f[0].kind = PKIND__COUNT;
	assert_false(proj_rates_group(f, 7, 2024, asof, PGROUP_ALL, rows, 4, &n));
	sample(f);
	f[0].annual_plan_yuan = INT64_MAX;
	assert_false(proj_rates_group(f, 7, 2024, asof, PGROUP_ALL, rows, 4, &n));
	struct proj_goal g;
	assert_false(proj_campaign_eval(PCAMP_Q3_CHARGE, f, 7, 2024, asof, &g, NULL, 0));
	sample(f);
	assert_false(proj_campaign_eval(PCAMP__COUNT, f, 7, 2024, asof, &g, NULL, 0));
	assert_false(proj_campaign_eval(PCAMP_Q2_ALL_STARTED, f, 7, 2024, asof, &g, NULL, 3));
}

static void test_campaign(void **state)
{
	(void)state;
	struct proj_fact f[7];
	sample(f);
	struct proj_goal g;
	int64_t miss[8];
	int32_t asof = ymd(2024, 6, 30);
	/* Q1: 1, 3, 6 planned and all started (3 by 复工). */
	assert_true(proj_campaign_eval(PCAMP_Q1_OPENING, f, 7, 2024, asof, &g, miss, 8));
	assert_int_equal(g.goal, PCAMP_Q1_OPENING);
	assert_int_equal(g.done, 3);
	assert_int_equal(g.target, 3);
	assert_true(g.met);
	assert_int_equal(g.n_missing, 0);
	assert_true(
		proj_campaign_eval(PCAMP_Q1_OPENING, f, 7, 2024, ymd(2024, 3, 10), &g, miss, 8));
	assert_int_equal(g.done, 2);
	assert_false(g.met);
	assert_int_equal(g.n_missing, 1);
	assert_int_equal(miss[0], 1);
	/* Q2: 开复工率 3/6, missing 2, 4, 7. */
	assert_true(proj_campaign_eval(PCAMP_Q2_ALL_STARTED, f, 7, 2024, asof, &g, miss, 8));
	assert_int_equal(g.done, 3);
	assert_int_equal(g.target, 6);
	assert_int_equal(g.bp, 5000);
	assert_false(g.met);
	assert_int_equal(g.n_missing, 3);
	assert_int_equal(miss[0], 2);
	assert_int_equal(miss[1], 4);
	assert_int_equal(miss[2], 7);
	/* The list is cut at cap, the count is not. */
	int64_t one[1] = { 0 };
	assert_true(proj_campaign_eval(PCAMP_Q2_ALL_STARTED, f, 7, 2024, asof, &g, one, 1));
	assert_int_equal(g.n_missing, 3);
	assert_int_equal(one[0], 2);
	assert_true(proj_campaign_eval(PCAMP_Q2_ALL_STARTED, f, 7, 2024, asof, &g, NULL, 0));
	assert_int_equal(g.n_missing, 3);
	/* Q3: 2.35亿 of 4.7亿; 75% is 3.525亿; 3 is exactly at 75%. */
	assert_true(proj_campaign_eval(PCAMP_Q3_CHARGE, f, 7, 2024, asof, &g, miss, 8));
	assert_int_equal(g.done, 23500 * (int64_t)WAN);
	assert_int_equal(g.target, 35250 * (int64_t)WAN);
	assert_int_equal(g.bp, 5000);
	assert_false(g.met);
	assert_int_equal(g.n_missing, 5);
	static const int64_t q3_missing[] = { 1, 2, 4, 6, 7 };
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(miss[i], q3_missing[i]);
	/* Q4: started 1, 3, 6; 6 is not 入库. */
	assert_true(proj_campaign_eval(PCAMP_Q4_FINISH, f, 7, 2024, asof, &g, miss, 8));
	assert_int_equal(g.done, 2);
	assert_int_equal(g.target, 3);
	assert_int_equal(g.bp, 6667);
	assert_false(g.met);
	assert_int_equal(g.n_missing, 1);
	assert_int_equal(miss[0], 6);
}

static void test_q3_rounding(void **state)
{
	(void)state;
	/* 75% of 3元 is 2.25元: the target rounds up to 3元 so that meeting it
	 * really is 75%. */
	struct proj_fact f[1];
	f[0] = fact(1, PKIND_NEW, PCAT_INDUSTRY, 220104, 1, 1, N, N, N, N, N, 0, 0);
	f[0].annual_plan_yuan = 3;
	f[0].ytd_done_yuan = 2;
	struct proj_goal g;
	int64_t miss[1];
	assert_true(proj_campaign_eval(PCAMP_Q3_CHARGE, f, 1, 2024, ymd(2024, 9, 30), &g, miss, 1));
	assert_int_equal(g.target, 3);
	assert_false(g.met);
	assert_int_equal(g.n_missing, 1);
	f[0].ytd_done_yuan = 3;
	assert_true(proj_campaign_eval(PCAMP_Q3_CHARGE, f, 1, 2024, ymd(2024, 9, 30), &g, miss, 1));
	assert_true(g.met);
	assert_int_equal(g.n_missing, 0);
	/* No plan at all: nothing to reach. */
	f[0].annual_plan_yuan = 0;
	assert_true(proj_campaign_eval(PCAMP_Q3_CHARGE, f, 1, 2024, ymd(2024, 9, 30), &g, miss, 1));
	assert_int_equal(g.target, 0);
	assert_true(g.met);
	assert_int_equal(g.bp, 0);
}

/* Seed 003: by mid 2024 all 52 key projects of 5000万元 and more had started
 * or resumed. The split into 新建 and 续建 (20 and 32) is ours. */
static void test_seed_52_all_started(void **state)
{
	(void)state;
	struct proj_fact f[52];
	for (int i = 0; i < 52; i++) {
		bool fresh = i < 20;
		f[i] = fact(i + 1, fresh ? PKIND_NEW : PKIND_CONTINUING, PCAT_INDUSTRY, 220104, 1,
			    1, ymd(2024, 3 + i % 4, 1), ymd(2024, 3 + i % 4, 10), N, N,
			    ymd(2024, 3 + i % 4, 25), 5000 + i * 100, 2500 + i * 50);
	}
	struct proj_goal g;
	int64_t miss[52];
	assert_true(proj_campaign_eval(PCAMP_Q2_ALL_STARTED, f, 52, 2024, ymd(2024, 6, 30), &g,
				       miss, 52));
	assert_int_equal(g.done, 52);
	assert_int_equal(g.target, 52);
	assert_int_equal(g.bp, 10000);
	assert_true(g.met);
	assert_int_equal(g.n_missing, 0);
	struct proj_rate_row row;
	size_t n;
	assert_true(proj_rates_group(f, 52, 2024, ymd(2024, 6, 30), PGROUP_ALL, &row, 1, &n));
	expect_rate(&row.start, 20, 20, 10000);
	expect_rate(&row.start_resume, 52, 52, 10000);
	expect_rate(&row.stats, 52, 52, 10000);
	expect_rate(&row.investment, row.investment.target / 2, row.investment.target, 5000);
	/* At the end of May the June starts are missing. */
	assert_true(proj_campaign_eval(PCAMP_Q2_ALL_STARTED, f, 52, 2024, ymd(2024, 5, 31), &g,
				       miss, 52));
	assert_int_equal(g.n_missing, 13); /* i % 4 == 3: 13 of 52 */
	assert_int_equal(miss[0], 4);
}

static void test_campaign_names(void **state)
{
	(void)state;
	static const int expect[13] = { -1, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3 };
	for (int m = 0; m <= 12; m++)
		assert_int_equal(proj_campaign_of_month(m), expect[m]);
	assert_int_equal(proj_campaign_of_month(13), -1);
	assert_string_equal(proj_campaign_zh(PCAMP_Q1_OPENING), "开门红");
	assert_string_equal(proj_campaign_zh(PCAMP_Q2_ALL_STARTED), "全开工");
	assert_string_equal(proj_campaign_zh(PCAMP_Q3_CHARGE), "冲锋号");
	assert_string_equal(proj_campaign_zh(PCAMP_Q4_FINISH), "收官战");
	assert_string_equal(proj_campaign_code(PCAMP_Q4_FINISH), "q4_finish");
	assert_non_null(strstr(proj_campaign_goal_zh(PCAMP_Q4_FINISH), "不漏登一家企业"));
	assert_non_null(strstr(proj_campaign_goal_zh(PCAMP_Q2_ALL_STARTED), "100%"));
	assert_true(strlen(proj_campaign_goal_en(PCAMP_Q3_CHARGE)) > 0);
	assert_true(strlen(proj_campaign_en(PCAMP_Q3_CHARGE)) > 0);
	assert_string_equal(proj_campaign_code(PCAMP__COUNT), "");
	assert_string_equal(proj_campaign_zh(PCAMP__COUNT), "?");
	assert_string_equal(proj_campaign_goal_zh(PCAMP__COUNT), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_totals),
		cmocka_unit_test(test_by_region),
		cmocka_unit_test(test_by_quarter_and_category),
		cmocka_unit_test(test_groups_add_up),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_campaign),
		cmocka_unit_test(test_q3_rounding),
		cmocka_unit_test(test_seed_52_all_started),
		cmocka_unit_test(test_campaign_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
