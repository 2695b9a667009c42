/* Tests for domain/econ_period: the periods statistics bureaus publish
 * (1-2月 together, quarters 一季度 .. 全年), their text and labels, and the
 * cumulative-to-single arithmetic. Oracles: the calendar and the seeds'
 * wording ("上半年" for the first half, seed 002/003). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/econ_period.h"

static struct econ_period P(int y, int m)
{
	struct econ_period p = { y, m };
	return p;
}

static void test_parse(void **state)
{
	(void)state;
	struct econ_period p = { 0, 0 };
	bool q = true;
	assert_int_equal(econ_period_parse("2023-06", &p, &q), EPERIOD_OK);
	assert_int_equal(p.year, 2023);
	assert_int_equal(p.month, 6);
	assert_false(q);
	assert_int_equal(econ_period_parse("2023-Q3", &p, &q), EPERIOD_OK);
	assert_int_equal(p.month, 9);
	assert_true(q);
	assert_int_equal(econ_period_parse("2023-q1", &p, NULL), EPERIOD_OK);
	assert_int_equal(p.month, 3);
	assert_int_equal(econ_period_parse("2023-7", &p, NULL), EPERIOD_OK);
	assert_int_equal(p.month, 7);
	const char *bad[] = { "", "2023", "2023-13", "2023-00", "2023-Q5", "2023-Q0", "23-06",
			      "2023-06-01", "2023/06", "2023-006", "abcd-01", "2023-Q", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(econ_period_parse(bad[i], &p, NULL), EPERIOD_BAD_FORMAT);
	assert_int_equal(econ_period_parse(NULL, &p, NULL), EPERIOD_BAD_FORMAT);
	assert_int_equal(econ_period_parse("1900-01", &p, NULL), EPERIOD_BAD_YEAR);
}

static void test_parse_for_indicator(void **state)
{
	(void)state;
	struct econ_period p = { 0, 0 };
	/* 1-2月 together: no January. */
	assert_int_equal(econ_period_parse_for("2023-01", EPER_MONTHLY, true, &p),
			 EPERIOD_JANUARY_MERGED);
	assert_int_equal(p.year, 0);
	assert_int_equal(econ_period_parse_for("2023-02", EPER_MONTHLY, true, &p), EPERIOD_OK);
	assert_int_equal(econ_period_parse_for("2023-01", EPER_MONTHLY, false, &p), EPERIOD_OK);
	/* Quarterly: a quarter, or a quarter's last month; never another month. */
	assert_int_equal(econ_period_parse_for("2023-05", EPER_QUARTERLY, false, &p),
			 EPERIOD_NOT_QUARTER_END);
	assert_int_equal(econ_period_parse_for("2023-06", EPER_QUARTERLY, false, &p), EPERIOD_OK);
	assert_int_equal(p.month, 6);
	assert_int_equal(econ_period_parse_for("2023-Q4", EPER_QUARTERLY, false, &p), EPERIOD_OK);
	assert_int_equal(p.month, 12);
	assert_int_equal(econ_period_parse_for("2023-Q2", EPER_MONTHLY, true, &p),
			 EPERIOD_QUARTER_MONTHLY);
	for (int e = 0; e <= EPERIOD__COUNT; e++) {
		assert_true(strlen(econ_period_error_zh((enum econ_period_error)e)) > 0);
		assert_true(strlen(econ_period_error_en((enum econ_period_error)e)) > 0);
	}
}

static void test_format_and_labels(void **state)
{
	(void)state;
	char b[ECON_PERIOD_TEXT_MAX];
	econ_period_format(P(2023, 6), EPER_QUARTERLY, b, sizeof b);
	assert_string_equal(b, "2023-Q2");
	econ_period_format(P(2023, 6), EPER_MONTHLY, b, sizeof b);
	assert_string_equal(b, "2023-06");
	const char *zhq[] = { "一季度", "上半年", "前三季度", "全年" };
	const char *enq[] = { "Q1", "H1", "Q1-Q3", "full year" };
	for (int q = 1; q <= 4; q++) {
		econ_period_label_zh(P(2023, q * 3), EPER_QUARTERLY, b, sizeof b);
		assert_string_equal(b, zhq[q - 1]);
		econ_period_label_en(P(2023, q * 3), EPER_QUARTERLY, b, sizeof b);
		assert_string_equal(b, enq[q - 1]);
	}
	econ_period_label_zh(P(2023, 2), EPER_MONTHLY, b, sizeof b);
	assert_string_equal(b, "1-2月");
	econ_period_label_zh(P(2023, 6), EPER_MONTHLY, b, sizeof b);
	assert_string_equal(b, "1-6月");
	econ_period_label_zh(P(2023, 1), EPER_MONTHLY, b, sizeof b);
	assert_string_equal(b, "1月");
	econ_period_label_en(P(2023, 12), EPER_MONTHLY, b, sizeof b);
	assert_string_equal(b, "Jan-Dec");
	assert_int_equal(econ_period_label_zh(P(2023, 5), EPER_QUARTERLY, b, sizeof b), 0);
	assert_string_equal(b, "");
	assert_int_equal(econ_period_label_zh(P(2023, 13), EPER_MONTHLY, b, sizeof b), 0);
	assert_string_equal(econ_periodicity_code(EPER_QUARTERLY), "quarterly");
	assert_int_equal(econ_periodicity_from_code("monthly"), EPER_MONTHLY);
	assert_int_equal(econ_periodicity_from_code("weekly"), -1);
	assert_int_equal(econ_periodicity_from_code(NULL), -1);
}

static void test_prev_and_asof(void **state)
{
	(void)state;
	struct econ_period o;
	assert_false(econ_period_prev_in_year(P(2023, 2), EPER_MONTHLY, true, &o));
	assert_true(econ_period_prev_in_year(P(2023, 3), EPER_MONTHLY, true, &o));
	assert_int_equal(o.month, 2);
	assert_true(econ_period_prev_in_year(P(2023, 2), EPER_MONTHLY, false, &o));
	assert_int_equal(o.month, 1);
	assert_false(econ_period_prev_in_year(P(2023, 3), EPER_QUARTERLY, false, &o));
	assert_true(econ_period_prev_in_year(P(2023, 9), EPER_QUARTERLY, false, &o));
	assert_int_equal(o.month, 6);
	assert_true(econ_period_prev(P(2023, 2), EPER_MONTHLY, true, &o));
	assert_int_equal(o.year, 2022);
	assert_int_equal(o.month, 12);
	assert_true(econ_period_prev(P(2023, 3), EPER_QUARTERLY, false, &o));
	assert_int_equal(o.year * 100 + o.month, 202212);
	o = econ_period_last_year(P(2023, 6));
	assert_int_equal(o.year * 100 + o.month, 202206);
	o = econ_period_at_or_before(P(2023, 7), EPER_QUARTERLY, false);
	assert_int_equal(o.year * 100 + o.month, 202306);
	o = econ_period_at_or_before(P(2023, 2), EPER_QUARTERLY, false);
	assert_int_equal(o.year * 100 + o.month, 202212);
	o = econ_period_at_or_before(P(2023, 1), EPER_MONTHLY, true);
	assert_int_equal(o.year * 100 + o.month, 202212);
	o = econ_period_at_or_before(P(2023, 1), EPER_MONTHLY, false);
	assert_int_equal(o.year * 100 + o.month, 202301);
	assert_int_equal(econ_period_first_month(EPER_QUARTERLY, false), 3);
	assert_int_equal(econ_period_index(P(2023, 1)) + 1, econ_period_index(P(2023, 2)));
	assert_int_equal(econ_period_index(P(2022, 12)) + 1, econ_period_index(P(2023, 1)));
}

static void test_periods_back(void **state)
{
	(void)state;
	struct econ_period out[12];
	/* Twelve monthly periods back from 2023-06 skip January: 2022-06 .. 2023-06
	 * without 2023-01 is 12 periods starting 2022-06. */
	size_t n = econ_periods_back(P(2023, 6), EPER_MONTHLY, true, 12, out, 12);
	assert_int_equal(n, 12);
	assert_int_equal(out[0].year * 100 + out[0].month, 202206);
	assert_int_equal(out[6].year * 100 + out[6].month, 202212);
	assert_int_equal(out[7].year * 100 + out[7].month, 202302);
	assert_int_equal(out[11].year * 100 + out[11].month, 202306);
	n = econ_periods_back(P(2023, 6), EPER_QUARTERLY, false, 5, out, 12);
	assert_int_equal(n, 5);
	assert_int_equal(out[0].year * 100 + out[0].month, 202206);
	assert_int_equal(out[4].year * 100 + out[4].month, 202306);
	/* Capped, and nothing for a period the indicator does not have. */
	assert_int_equal(econ_periods_back(P(2023, 6), EPER_MONTHLY, true, 20, out, 12), 12);
	assert_int_equal(econ_periods_back(P(2023, 5), EPER_QUARTERLY, false, 4, out, 12), 0);
}

static void test_cum_to_single(void **state)
{
	(void)state;
	/* Year-to-date 2022-11, 2022-12, 2023-02 (1-2月), 2023-03, 2023-05 (April
	 * missing), 2023-06. */
	struct econ_period ps[] = { P(2022, 11), P(2022, 12), P(2023, 2), P(2023, 3), P(2023, 5),
				    P(2023, 6) };
	int64_t cum[] = { 900, 1000, 150, 230, 400, 497 };
	bool known[] = { true, true, true, true, true, true };
	int64_t single[6];
	bool sk[6];
	assert_true(econ_cum_to_single(ps, cum, known, 6, EPER_MONTHLY, true, single, sk));
	assert_false(sk[0]); /* its previous period is not in the list */
	assert_true(sk[1]);
	assert_int_equal(single[1], 100);
	assert_true(sk[2]); /* 1-2月: the cumulative value itself */
	assert_int_equal(single[2], 150);
	assert_true(sk[3]);
	assert_int_equal(single[3], 80);
	assert_false(sk[4]); /* April missing: May alone cannot be derived */
	assert_true(sk[5]);
	assert_int_equal(single[5], 97);
	/* Quarterly: Q2 alone = H1 - Q1. */
	struct econ_period qs[] = { P(2023, 3), P(2023, 6) };
	int64_t qc[] = { 2000, 4278 };
	bool qk[] = { true, true };
	assert_true(econ_cum_to_single(qs, qc, qk, 2, EPER_QUARTERLY, false, single, sk));
	assert_int_equal(single[1], 2278);
	/* Unordered periods are refused. */
	struct econ_period un[] = { P(2023, 6), P(2023, 3) };
	assert_false(econ_cum_to_single(un, qc, qk, 2, EPER_QUARTERLY, false, single, sk));
}

static void test_title(void **state)
{
	(void)state;
	struct econ_period p = { 0, 0 };
	bool q = true;
	assert_true(econ_period_from_title("朝阳区2023年1-6月主要经济指标", &p, &q));
	assert_int_equal(p.year * 100 + p.month, 202306);
	assert_false(q);
	assert_true(econ_period_from_title("2023年1～12月各县（市）区固定资产投资", &p, NULL));
	assert_int_equal(p.month, 12);
	assert_true(econ_period_from_title("长春市2023年上半年经济运行情况", &p, &q));
	assert_int_equal(p.month, 6);
	assert_true(q);
	assert_true(econ_period_from_title("2022年前三季度", &p, &q));
	assert_int_equal(p.year * 100 + p.month, 202209);
	assert_true(econ_period_from_title("2024年1—2月", &p, NULL));
	assert_int_equal(p.month, 2);
	assert_true(econ_period_from_title("（2024年5月）", &p, NULL));
	assert_int_equal(p.month, 5);
	assert_false(econ_period_from_title("主要经济指标", &p, NULL));
	assert_false(econ_period_from_title("2023年13月", &p, NULL));
	assert_false(econ_period_from_title("23年6月", &p, NULL));
	assert_false(econ_period_from_title(NULL, &p, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_for_indicator),
		cmocka_unit_test(test_format_and_labels),
		cmocka_unit_test(test_prev_and_asof),
		cmocka_unit_test(test_periods_back),
		cmocka_unit_test(test_cum_to_single),
		cmocka_unit_test(test_title),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
