/* Tests for domain/econ_stats and econ_catalog. Oracles: the seeds'
 * published figures for 朝阳区 (seed 000: structure 0.2:26.7:73.1 with the
 * tertiary share up 2.8 points, FAI 136.6亿 = 26.7% of the five urban
 * districts; seeds 002/003: H1 2023 FAI 49.7亿, GDP 427.8亿) worked by hand,
 * and small lists whose ranks are obvious. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/econ_catalog.h"
#include "domain/econ_stats.h"

#define YI 100000000LL

static void test_nominal_and_growth(void **state)
{
	(void)state;
	int64_t bp = 0;
	assert_true(econ_nominal_change_bp(4278 * YI / 10, 400 * YI, &bp));
	assert_int_equal(bp, 695); /* 427.8 / 400 - 1 = 6.95% */
	assert_true(econ_nominal_change_bp(338 * YI, 348 * YI, &bp));
	assert_int_equal(bp, -287); /* -2.8736% rounds to -2.87% */
	assert_false(econ_nominal_change_bp(5, 0, &bp));
	assert_false(econ_nominal_change_bp(5, -3, &bp));
	assert_true(econ_growth_plausible(840));
	assert_true(econ_growth_plausible(-8000));
	assert_true(econ_growth_plausible(30000));
	assert_false(econ_growth_plausible(-8001));
	assert_false(econ_growth_plausible(30001));
}

static void test_unit_check(void **state)
{
	(void)state;
	/* 49.7亿 typed in a column headed （亿元） as 497000 (it was 万元). */
	assert_int_equal(econ_unit_check(497000 * YI, 404 * YI / 10), EUNITCHK_TOO_LARGE);
	/* 49.7亿 typed as 0.00497 (亿 in a 万元 column, read back as 元). */
	assert_int_equal(econ_unit_check(497 * YI / 100000, 404 * YI / 10), EUNITCHK_TOO_SMALL);
	assert_int_equal(econ_unit_check(497 * YI / 10, 404 * YI / 10), EUNITCHK_OK);
	/* Growth of 300%: still no suspicion. */
	assert_int_equal(econ_unit_check(400, 100), EUNITCHK_OK);
	assert_int_equal(econ_unit_check(400, 0), EUNITCHK_OK);
	assert_int_equal(econ_unit_check(0, 100), EUNITCHK_OK);
}

static void test_share_and_rank(void **state)
{
	(void)state;
	int64_t bp = 0;
	/* FAI 136.6亿 of five urban districts totalling 511.6亿: 26.7%. */
	assert_true(econ_share_bp(1366 * YI / 10, 5116 * YI / 10, &bp));
	assert_int_equal(bp, 2670);
	assert_false(econ_share_bp(1, 0, &bp));
	int64_t v[] = { 50, 80, 80, 10, 90 };
	bool present[] = { true, true, true, true, false };
	int rank[5];
	econ_rank_desc(v, present, 5, rank);
	assert_int_equal(rank[0], 3);
	assert_int_equal(rank[1], 1);
	assert_int_equal(rank[2], 1); /* a tie shares the rank */
	assert_int_equal(rank[3], 4);
	assert_int_equal(rank[4], 0); /* absent: unranked */
	econ_rank_desc(v, NULL, 5, rank);
	assert_int_equal(rank[4], 1);
	assert_int_equal(rank[1], 2);
	assert_int_equal(rank[0], 4);
	assert_int_equal(econ_rank_change(3, 1), 2);
	assert_int_equal(econ_rank_change(1, 3), -2);
	assert_int_equal(econ_rank_change(0, 3), 0);
}

static void test_structure(void **state)
{
	(void)state;
	/* 2023: 1.7 + 223.2 + 610.9 = 835.8亿 -> 0.2:26.7:73.1 (73.09 rounds up
	 * by largest remainder so the three make 100.0). */
	int64_t now[3] = { 17 * YI / 10, 2232 * YI / 10, 6109 * YI / 10 };
	struct econ_structure s, before;
	assert_true(econ_structure_of(now, &s));
	char b[64];
	econ_structure_format(&s, b, sizeof b);
	assert_string_equal(b, "0.2:26.7:73.1");
	assert_int_equal(s.pm[0] + s.pm[1] + s.pm[2], 1000);
	assert_int_equal(s.bp[2], 7309);
	/* 2022 at 0.2:29.5:70.3: the tertiary share rose 2.8 points. */
	int64_t old[3] = { 2, 295, 703 };
	assert_true(econ_structure_of(old, &before));
	int64_t ch[3];
	econ_structure_change(&before, &s, ch);
	assert_int_equal(ch[2], 7309 - 7030);
	assert_int_equal((ch[2] + 5) / 10, 28); /* 2.8 points */
	/* Thirds: largest remainder gives the extra unit to the first. */
	int64_t thirds[3] = { 1, 1, 1 };
	assert_true(econ_structure_of(thirds, &s));
	econ_structure_format(&s, b, sizeof b);
	assert_string_equal(b, "33.4:33.3:33.3");
	int64_t zero[3] = { 0, 0, 0 }, neg[3] = { 1, -1, 5 };
	assert_false(econ_structure_of(zero, &s));
	assert_false(econ_structure_of(neg, &s));
	int64_t huge[3] = { INT64_MAX / 2, INT64_MAX / 4, INT64_MAX / 4 };
	assert_true(econ_structure_of(huge, &s));
	econ_structure_format(&s, b, sizeof b);
	assert_string_equal(b, "50.0:25.0:25.0");
}

static void test_pace(void **state)
{
	(void)state;
	struct econ_pace p;
	/* FAI H1 2023: 49.7亿 of a 136.6亿 year is 36.38%, half the year gone:
	 * 13.62 points behind; 86.9亿 over six months is 14.4833…亿 a month. */
	assert_true(econ_pace_of(497 * YI / 10, 1366 * YI / 10, 6, &p));
	assert_int_equal(p.elapsed_bp, 5000);
	assert_int_equal(p.done_bp, 3638);
	assert_int_equal(p.gap_bp, -1362);
	assert_int_equal(p.status, EPACE_BEHIND);
	assert_int_equal(p.remaining, 869 * YI / 10);
	assert_int_equal(p.remaining_months, 6);
	assert_int_equal(p.per_month_needed, 1448333334); /* rounded up */
	assert_int_equal(p.per_month_so_far, 828333333);
	/* Ahead, on pace, done. */
	assert_true(econ_pace_of(60, 100, 6, &p));
	assert_int_equal(p.status, EPACE_AHEAD);
	assert_true(econ_pace_of(5040, 10000, 6, &p));
	assert_int_equal(p.status, EPACE_ON_PACE);
	assert_true(econ_pace_of(101, 100, 9, &p));
	assert_int_equal(p.status, EPACE_DONE);
	assert_int_equal(p.remaining, 0);
	assert_int_equal(p.per_month_needed, 0);
	/* No target: elapsed only. */
	assert_true(econ_pace_of(100, 0, 3, &p));
	assert_int_equal(p.status, EPACE_NO_TARGET);
	assert_int_equal(p.elapsed_bp, 2500);
	/* December with the target missed: nothing left to spread over. */
	assert_true(econ_pace_of(90, 100, 12, &p));
	assert_int_equal(p.status, EPACE_BEHIND);
	assert_int_equal(p.per_month_needed, 0);
	assert_false(econ_pace_of(1, 1, 0, &p));
	assert_false(econ_pace_of(1, 1, 13, &p));
	assert_string_equal(econ_pace_status_code(EPACE_BEHIND), "behind");
	assert_string_equal(econ_pace_status_code(EPACE__COUNT), "");
	/* GDP +7% on 835.8亿: 894.306亿. */
	int64_t t = 0;
	assert_true(econ_target_from_growth(8358 * YI / 10, 700, &t));
	assert_int_equal(t, 89430600000LL);
	assert_false(econ_target_from_growth(0, 700, &t));
}

static void test_catalog_codes(void **state)
{
	(void)state;
	assert_int_equal(econ_unit_from_code("yuan"), EUNIT_YUAN);
	assert_int_equal(econ_unit_from_code("yen"), -1);
	assert_int_equal(econ_display_from_code("yi"), EDISP_YI);
	assert_string_equal(econ_display_zh(EDISP_WAN), "万元");
	enum econ_unit u;
	int64_t f;
	assert_true(econ_display_scale(EDISP_YI, &u, &f));
	assert_int_equal(u, EUNIT_YUAN);
	assert_int_equal(f, YI);
	assert_true(econ_display_fits(EDISP_WAN_USD, EUNIT_USD));
	assert_false(econ_display_fits(EDISP_YI, EUNIT_PERSON));
	assert_false(econ_display_scale(EDISP__COUNT, &u, &f));
	assert_int_equal(econ_price_basis_from_code("comparable"), EPRICE_COMPARABLE);
	assert_int_equal(econ_aggregation_from_code("ytd"), EAGG_YTD);
	assert_string_equal(econ_price_basis_code(EPRICE__COUNT), "");
	assert_true(econ_code_valid("gdp_primary"));
	assert_true(econ_code_valid("x9"));
	assert_false(econ_code_valid("9x"));
	assert_false(econ_code_valid("GDP"));
	assert_false(econ_code_valid(""));
	assert_false(econ_code_valid(NULL));
	assert_false(econ_code_valid("a-b"));
}

static void test_sheet_text(void **state)
{
	(void)state;
	int64_t v = 0;
	assert_true(econ_parse_scaled("427.8", 5, YI, &v));
	assert_int_equal(v, 42780000000LL);
	assert_true(econ_parse_scaled(" 1,366 ", 7, 10000, &v));
	assert_int_equal(v, 13660000);
	assert_true(econ_parse_scaled("4628", 4, 1, &v));
	assert_int_equal(v, 4628);
	assert_false(econ_parse_scaled("0.5", 3, 1, &v)); /* half a person */
	assert_false(econ_parse_scaled("-3", 2, 1, &v));
	assert_false(econ_parse_scaled("12a", 3, 1, &v));
	assert_false(econ_parse_scaled("", 0, 1, &v));
	assert_false(econ_parse_scaled("99999999999999", 14, YI, &v));
	assert_true(econ_parse_percent_bp("8.4", 3, &v));
	assert_int_equal(v, 840);
	assert_true(econ_parse_percent_bp("-2.9", 4, &v));
	assert_int_equal(v, -290);
	assert_true(econ_parse_percent_bp("23%", 3, &v));
	assert_int_equal(v, 2300);
	assert_true(econ_parse_percent_bp("\xEF\xBC\x8D" "2.9\xEF\xBC\x85", 9, &v)); /* －2.9％ */
	assert_int_equal(v, -290);
	assert_true(econ_parse_percent_bp("8.45", 4, &v));
	assert_int_equal(v, 845);
	assert_false(econ_parse_percent_bp("8.456", 5, &v));
	assert_false(econ_parse_percent_bp("增长", 6, &v));
	assert_true(econ_cell_blank("—", strlen("—")));
	assert_true(econ_cell_blank("  ", 2));
	assert_false(econ_cell_blank("0", 1));
	assert_int_equal(econ_display_from_zh("亿元", strlen("亿元")), EDISP_YI);
	assert_int_equal(econ_display_from_zh(" 万元 ", strlen(" 万元 ")), EDISP_WAN);
	assert_int_equal(econ_display_from_zh("%", 1), -1);
	assert_string_equal(econ_alias_code("规上工业总产值"), "industry_output");
	assert_string_equal(econ_alias_code("全口径社零额"), "retail");
	assert_null(econ_alias_code("地区生产总值"));
	char name[64], unit[16];
	snprintf(name, sizeof name, "%s", "　　其中：限上社零额（亿元）");
	assert_string_equal(econ_label_clean(name, unit, sizeof unit), "限上社零额");
	assert_string_equal(unit, "亿元");
	snprintf(name, sizeof name, "%s", "地区生产总值（GDP）");
	assert_string_equal(econ_label_clean(name, unit, sizeof unit), "地区生产总值（GDP）");
	assert_string_equal(unit, "");
	snprintf(name, sizeof name, "%s", "#网络零售额(万元)");
	assert_string_equal(econ_label_clean(name, unit, sizeof unit), "网络零售额");
	assert_string_equal(unit, "万元");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nominal_and_growth),
		cmocka_unit_test(test_unit_check),
		cmocka_unit_test(test_share_and_rank),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_pace),
		cmocka_unit_test(test_catalog_codes),
		cmocka_unit_test(test_sheet_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
