/* Tests for domain/proj_date and domain/proj_ratio. Oracles: day numbers
 * from Python's datetime (date(y, m, d) - date(1970, 1, 1)), a naive
 * day-by-day counter written here independently of the library's
 * era arithmetic, and 序时进度 values worked by hand (June = 50%). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/proj_date.h"
#include "domain/proj_ratio.h"

static int32_t ymd(int y, int m, int d)
{
	int32_t out = PROJ_DATE_NONE;
	assert_true(proj_date_from_ymd(y, m, d, &out));
	return out;
}

/* From Python's datetime. */
static const struct {
	int y, m, d;
	int32_t days;
} known[] = {
	{ 1970, 1, 1, 0 },         { 1969, 12, 31, -1 },      { 2000, 1, 1, 10957 },
	{ 2024, 4, 15, 19828 },    { 2024, 2, 29, 19782 },    { 2023, 12, 22, 19713 },
	{ 1, 1, 1, -719162 },      { 9999, 12, 31, 2932896 }, { 1900, 3, 1, -25508 },
	{ 1600, 2, 29, -135081 }, { 2100, 2, 28, 47540 },    { 2024, 3, 1, 19783 },
};

static void test_known_days(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		assert_int_equal(ymd(known[i].y, known[i].m, known[i].d), known[i].days);
		struct proj_ymd t;
		assert_true(proj_date_to_ymd(known[i].days, &t));
		assert_int_equal(t.year, known[i].y);
		assert_int_equal(t.month, known[i].m);
		assert_int_equal(t.day, known[i].d);
	}
	assert_int_equal(PROJ_DATE_MIN, ymd(1, 1, 1));
	assert_int_equal(PROJ_DATE_MAX, ymd(9999, 12, 31));
}

/* The naive oracle: walk the calendar one day at a time from 1900-01-01,
 * whose number is fixed from Python (-25567), with its own leap rule. */
static int naive_dim(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dim[m - 1];
}

static void test_every_day_1900_2100(void **state)
{
	(void)state;
	int32_t n = -25567;
	for (int y = 1900; y <= 2100; y++) {
		for (int m = 1; m <= 12; m++) {
			assert_int_equal(proj_days_in_month(y, m), naive_dim(y, m));
			for (int d = 1; d <= naive_dim(y, m); d++, n++) {
				int32_t got;
				assert_true(proj_date_from_ymd(y, m, d, &got));
				assert_int_equal(got, n);
				struct proj_ymd t;
				assert_true(proj_date_to_ymd(n, &t));
				assert_true(t.year == y && t.month == m && t.day == d);
			}
		}
	}
}

static void test_invalid_dates(void **state)
{
	(void)state;
	int32_t out = 12345;
	assert_false(proj_date_from_ymd(2024, 2, 30, &out));
	assert_false(proj_date_from_ymd(2023, 2, 29, &out));
	assert_false(proj_date_from_ymd(1900, 2, 29, &out)); /* century, not leap */
	assert_true(proj_date_from_ymd(2000, 2, 29, &out));  /* 400-year leap */
	out = 12345;
	assert_false(proj_date_from_ymd(2024, 4, 31, &out));
	assert_false(proj_date_from_ymd(2024, 13, 1, &out));
	assert_false(proj_date_from_ymd(2024, 0, 1, &out));
	assert_false(proj_date_from_ymd(2024, 1, 0, &out));
	assert_false(proj_date_from_ymd(0, 1, 1, &out));
	assert_false(proj_date_from_ymd(10000, 1, 1, &out));
	assert_int_equal(out, 12345);
	struct proj_ymd t = { 7, 7, 7 };
	assert_false(proj_date_to_ymd(PROJ_DATE_NONE, &t));
	assert_false(proj_date_to_ymd(PROJ_DATE_MAX + 1, &t));
	assert_false(proj_date_to_ymd(PROJ_DATE_MIN - 1, &t));
	assert_int_equal(t.year, 7);
	assert_false(proj_date_valid(PROJ_DATE_NONE));
	assert_int_equal(proj_date_year(PROJ_DATE_NONE), 0);
	assert_int_equal(proj_date_month(PROJ_DATE_NONE), 0);
	assert_int_equal(proj_days_in_month(2024, 13), 0);
	assert_int_equal(proj_days_in_month(0, 1), 0);
}

static void test_add_months_clamps(void **state)
{
	(void)state;
	int32_t out;
	assert_true(proj_date_add_months(ymd(2024, 1, 31), 1, &out));
	assert_int_equal(out, ymd(2024, 2, 29));
	assert_true(proj_date_add_months(ymd(2023, 1, 31), 1, &out));
	assert_int_equal(out, ymd(2023, 2, 28));
	assert_true(proj_date_add_months(ymd(2023, 3, 31), -1, &out));
	assert_int_equal(out, ymd(2023, 2, 28));
	assert_true(proj_date_add_months(ymd(2024, 3, 15), 0, &out));
	assert_int_equal(out, ymd(2024, 3, 15));
	assert_true(proj_date_add_months(ymd(2024, 11, 30), 3, &out));
	assert_int_equal(out, ymd(2025, 2, 28));
	assert_true(proj_date_add_months(ymd(2024, 1, 15), -13, &out));
	assert_int_equal(out, ymd(2022, 12, 15));
	assert_true(proj_date_add_months(ymd(2024, 8, 31), 1, &out));
	assert_int_equal(out, ymd(2024, 9, 30));
	assert_true(proj_date_add_months(ymd(2024, 5, 31), 120, &out));
	assert_int_equal(out, ymd(2034, 5, 31));
	/* Out of range or invalid. */
	out = 42;
	assert_false(proj_date_add_months(ymd(9999, 12, 1), 1, &out));
	assert_false(proj_date_add_months(ymd(1, 1, 1), -1, &out));
	assert_false(proj_date_add_months(PROJ_DATE_NONE, 1, &out));
	assert_false(proj_date_add_months(ymd(2024, 1, 1), INT32_MAX, &out));
	assert_false(proj_date_add_months(ymd(2024, 1, 1), INT32_MIN, &out));
	assert_int_equal(out, 42);
}

static void test_months_and_quarters(void **state)
{
	(void)state;
	assert_int_equal(proj_month_index(ymd(2024, 1, 1)), 2024 * 12);
	assert_int_equal(proj_month_index(ymd(2024, 12, 31)), 2024 * 12 + 11);
	assert_int_equal(proj_month_index(PROJ_DATE_NONE), -1);
	assert_int_equal(proj_months_between(ymd(2024, 3, 31), ymd(2024, 4, 1)), 1);
	assert_int_equal(proj_months_between(ymd(2024, 3, 1), ymd(2024, 3, 31)), 0);
	assert_int_equal(proj_months_between(ymd(2023, 11, 5), ymd(2024, 2, 5)), 3);
	assert_int_equal(proj_months_between(ymd(2024, 6, 1), ymd(2024, 3, 1)), -3);
	assert_int_equal(proj_months_between(PROJ_DATE_NONE, ymd(2024, 3, 1)), 0);
	static const int quarter[13] = { 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4 };
	for (int m = 1; m <= 12; m++)
		assert_int_equal(proj_quarter_of_month(m), quarter[m]);
	assert_int_equal(proj_quarter_of_month(0), 0);
	assert_int_equal(proj_quarter_of_month(13), 0);
	int32_t f, l;
	assert_true(proj_quarter_range(2024, 1, &f, &l));
	assert_int_equal(f, ymd(2024, 1, 1));
	assert_int_equal(l, ymd(2024, 3, 31));
	assert_true(proj_quarter_range(2024, 4, &f, &l));
	assert_int_equal(f, ymd(2024, 10, 1));
	assert_int_equal(l, ymd(2024, 12, 31));
	assert_true(proj_month_range(2024, 2, &f, &l));
	assert_int_equal(l - f + 1, 29);
	f = l = 7;
	assert_false(proj_quarter_range(2024, 5, &f, &l));
	assert_false(proj_quarter_range(2024, 0, &f, &l));
	assert_false(proj_month_range(2024, 13, &f, &l));
	assert_int_equal(f, 7);
	assert_int_equal(l, 7);
}

/* 序时进度 = elapsed months / 12, in basis points, half away from zero. */
static void test_pace_by_month(void **state)
{
	(void)state;
	static const int64_t expect[13] = { 0,    833,  1667, 2500, 3333, 4167, 5000,
					    5833, 6667, 7500, 8333, 9167, 10000 };
	for (int m = 0; m <= 12; m++)
		assert_int_equal(proj_pace_month_bp(m), expect[m]);
	assert_int_equal(proj_pace_month_bp(6), 5000); /* 时间过半 */
	assert_int_equal(proj_pace_month_bp(-1), -1);
	assert_int_equal(proj_pace_month_bp(13), -1);
	char buf[PROJ_BP_TEXT_MAX];
	proj_bp_format(proj_pace_month_bp(6), buf, sizeof buf);
	assert_string_equal(buf, "50.00");
}

static void test_pace_of_range(void **state)
{
	(void)state;
	int64_t bp = -7;
	int32_t first = ymd(2024, 1, 1), last = ymd(2024, 12, 31);
	assert_true(proj_pace_range_bp(first, last, ymd(2024, 6, 30), &bp));
	assert_int_equal(bp, 4973); /* 182 / 366 = 0.49727 */
	assert_true(proj_pace_range_bp(first, last, ymd(2023, 12, 31), &bp));
	assert_int_equal(bp, 0);
	assert_true(proj_pace_range_bp(first, last, first, &bp));
	assert_int_equal(bp, 27); /* 1 / 366 = 0.00273 */
	assert_true(proj_pace_range_bp(first, last, last, &bp));
	assert_int_equal(bp, 10000);
	assert_true(proj_pace_range_bp(first, last, ymd(2030, 1, 1), &bp));
	assert_int_equal(bp, 10000);
	/* A one-day range: done from that day on. */
	assert_true(proj_pace_range_bp(first, first, first - 1, &bp));
	assert_int_equal(bp, 0);
	assert_true(proj_pace_range_bp(first, first, first, &bp));
	assert_int_equal(bp, 10000);
	/* Four days, the second: exactly a half. */
	assert_true(proj_pace_range_bp(ymd(2024, 3, 1), ymd(2024, 3, 4), ymd(2024, 3, 2), &bp));
	assert_int_equal(bp, 5000);
	bp = -7;
	assert_false(proj_pace_range_bp(last, first, first, &bp));
	assert_false(proj_pace_range_bp(PROJ_DATE_NONE, last, first, &bp));
	assert_false(proj_pace_range_bp(first, last, PROJ_DATE_NONE, &bp));
	assert_int_equal(bp, -7);
}

static void test_format_iso(void **state)
{
	(void)state;
	char out[PROJ_DATE_ISO_LEN + 1];
	assert_true(proj_date_format_iso(ymd(2024, 4, 15), out));
	assert_string_equal(out, "2024-04-15");
	assert_true(proj_date_format_iso(ymd(1, 1, 1), out));
	assert_string_equal(out, "0001-01-01");
	assert_false(proj_date_format_iso(PROJ_DATE_NONE, out));
	assert_string_equal(out, "");
}

static void test_parse_iso(void **state)
{
	(void)state;
	int32_t d = 7;
	assert_true(proj_date_parse_iso("2024-02-29", 10, &d));
	assert_int_equal(d, ymd(2024, 2, 29));
	assert_true(proj_date_parse_iso("2024-02-29T08:00", 10, &d)); /* only len bytes are read */
	d = 7;
	assert_false(proj_date_parse_iso("2023-02-29", 10, &d));
	assert_false(proj_date_parse_iso("2024-2-29", 9, &d));
	assert_false(proj_date_parse_iso("2024/02/29", 10, &d));
	assert_false(proj_date_parse_iso("2024-02-2x", 10, &d));
	assert_false(proj_date_parse_iso("1899-12-31", 10, &d));
	assert_false(proj_date_parse_iso("2024-00-10", 10, &d));
	assert_false(proj_date_parse_iso(NULL, 10, &d));
	assert_false(proj_date_parse_iso("2024-02-29", 11, &d));
	assert_int_equal(d, 7);
}

/* proj_ratio: exact multiply-divide, rounding half away from zero. */
static void test_muldiv(void **state)
{
	(void)state;
	int64_t r = 0;
	assert_true(proj_ratio_bp(1, 3, &r));
	assert_int_equal(r, 3333);
	assert_true(proj_ratio_bp(2, 3, &r));
	assert_int_equal(r, 6667);
	assert_true(proj_ratio_bp(1, 8, &r));
	assert_int_equal(r, 1250);
	assert_true(proj_ratio_bp(-1, 8, &r));
	assert_int_equal(r, -1250);
	assert_true(proj_muldiv_round(-5, 1, 10, &r)); /* -0.5 -> -1 */
	assert_int_equal(r, -1);
	assert_true(proj_muldiv_round(5, 1, 10, &r));
	assert_int_equal(r, 1);
	assert_true(proj_muldiv_round(4, 1, 10, &r));
	assert_int_equal(r, 0);
	assert_true(proj_muldiv_round(-4, 1, 10, &r));
	assert_int_equal(r, 0);
	assert_true(proj_muldiv_round(7, -3, 2, &r)); /* -10.5 -> -11 */
	assert_int_equal(r, -11);
	assert_true(proj_muldiv_round(7, 3, -2, &r));
	assert_int_equal(r, -11);
	assert_true(proj_muldiv_round(-7, -3, -2, &r));
	assert_int_equal(r, -11);
	/* The product exceeds int64 but the result does not. */
	assert_true(proj_muldiv_round(INT64_MAX, 10000, 20000, &r));
	assert_int_equal(r, INT64_MAX / 2 + 1); /* (2^63-1)/2 = ...5 rounds up */
	assert_true(proj_muldiv_round(INT64_MAX, INT64_MAX, INT64_MAX, &r));
	assert_int_equal(r, INT64_MAX);
	assert_true(proj_muldiv_round(INT64_MIN, 1, 1, &r));
	assert_int_equal(r, INT64_MIN);
	assert_true(proj_muldiv_round(INT64_MIN, -1, -1, &r));
	assert_int_equal(r, INT64_MIN);
	/* 224.6亿元 of 136.6亿元 in basis points (seed 000 figures, as 元). */
	assert_true(proj_ratio_bp(22460000000, 13660000000, &r));
	assert_int_equal(r, 16442); /* 1.644216... */
	r = 99;
	assert_false(proj_ratio_bp(1, 0, &r));
	assert_false(proj_muldiv_round(INT64_MAX, 2, 1, &r));
	assert_false(proj_muldiv_round(INT64_MIN, -1, 1, &r));
	assert_false(proj_muldiv_round(INT64_MAX, INT64_MAX, 1, &r));
	assert_int_equal(r, 99);
}

static void test_bp_format(void **state)
{
	(void)state;
	char b[PROJ_BP_TEXT_MAX];
	static const struct {
		int64_t bp;
		const char *fixed, *brief;
	} cases[] = {
		{ 5000, "50.00", "50" },   { 1850, "18.50", "18.5" }, { 5, "0.05", "0.05" },
		{ -5, "-0.05", "-0.05" }, { 0, "0.00", "0" },        { 10000, "100.00", "100" },
		{ 833, "8.33", "8.33" },   { -1850, "-18.50", "-18.5" },
		{ 16442, "164.42", "164.42" },
		{ 1000, "10.00", "10" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(proj_bp_format(cases[i].bp, b, sizeof b), strlen(cases[i].fixed));
		assert_string_equal(b, cases[i].fixed);
		assert_int_equal(proj_bp_format_short(cases[i].bp, b, sizeof b),
				 strlen(cases[i].brief));
		assert_string_equal(b, cases[i].brief);
	}
	assert_int_equal(proj_bp_format(INT64_MIN, b, sizeof b), strlen("-92233720368547758.08"));
	assert_string_equal(b, "-92233720368547758.08");
	char small[4];
	assert_int_equal(proj_bp_format_short(1850, small, sizeof small), 4);
	assert_string_equal(small, "18.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_every_day_1900_2100),
		cmocka_unit_test(test_invalid_dates),
		cmocka_unit_test(test_add_months_clamps),
		cmocka_unit_test(test_months_and_quarters),
		cmocka_unit_test(test_pace_by_month),
		cmocka_unit_test(test_pace_of_range),
		cmocka_unit_test(test_format_iso),
		cmocka_unit_test(test_parse_iso),
		cmocka_unit_test(test_muldiv),
		cmocka_unit_test(test_bp_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
