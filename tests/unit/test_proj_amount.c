/* Tests for domain/proj_amount: amounts and dates as officials write them.
 * Oracles: the seeds' own figures converted by hand to 元 (seed 000
 * "到位内资224.6亿元", "固定资产投资完成136.6亿元", "近3000万元"; seed 003
 * "1190万元", "1160亿元"), Excel serials from Python's datetime
 * (date(1899, 12, 30) + timedelta(45352) = 2024-03-01), and a round trip
 * of exact formatting through parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/proj_amount.h"
#include "domain/proj_date.h"

static enum proj_amount_error parse(const char *s, enum proj_unit unit, int64_t *yuan)
{
	return proj_amount_parse(s, strlen(s), unit, yuan);
}

static void test_amounts_accepted(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		enum proj_unit unit;
		int64_t yuan;
	} cases[] = {
		{ "1.2亿元", PUNIT_WAN, 120000000 },
		{ "1.2亿", PUNIT_YUAN, 120000000 },
		{ "5000万元", PUNIT_YUAN, 50000000 },
		{ "5000万", PUNIT_YI, 50000000 },
		{ "3,500.5万元", PUNIT_YUAN, 35005000 },
		{ "12000", PUNIT_WAN, 120000000 },
		{ "12000", PUNIT_YUAN, 12000 },
		{ "12000", PUNIT_YI, 1200000000000 },
		{ "１２万", PUNIT_YUAN, 120000 },
		{ "１２，０００．５万元", PUNIT_YUAN, 120005000 },
		{ "224.6亿元", PUNIT_WAN, 22460000000 }, /* seed 000 */
		{ "136.6亿元", PUNIT_WAN, 13660000000 }, /* seed 000 */
		{ "1160亿元", PUNIT_WAN, 116000000000 }, /* seed 003 */
		{ "1190万元", PUNIT_WAN, 11900000 },     /* seed 003 */
		{ "1亿2000万元", PUNIT_WAN, 120000000 },
		{ "1亿 2000万", PUNIT_WAN, 120000000 },
		{ "2亿5千万", PUNIT_WAN, 250000000 }, /* 5 千万 */
		{ "1亿2000", PUNIT_WAN, 120000000 }, /* the default unit comes last */
		{ "3千万元", PUNIT_WAN, 30000000 },
		{ "5百万", PUNIT_WAN, 5000000 },
		{ "1亿3百万元500元", PUNIT_WAN, 103000500 },
		{ "￥5,000元", PUNIT_WAN, 5000 },
		{ "¥ 12.00", PUNIT_YUAN, 12 },
		{ "5000 万元", PUNIT_YUAN, 50000000 },
		{ "  5000万元　", PUNIT_YUAN, 50000000 },
		{ "1.23456789亿", PUNIT_WAN, 123456789 },
		{ "1.2345678900亿", PUNIT_WAN, 123456789 },
		{ "0.0001万", PUNIT_WAN, 1 },
		{ "0", PUNIT_WAN, 0 },
		{ "0.00万元", PUNIT_WAN, 0 },
		{ "007万", PUNIT_WAN, 70000 },
		{ "1,234,567元", PUNIT_WAN, 1234567 },
		{ "92233720368.54775807亿", PUNIT_WAN, INT64_MAX },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = -1;
		assert_int_equal(parse(cases[i].text, cases[i].unit, &v), PAMT_OK);
		assert_int_equal(v, cases[i].yuan);
	}
}

static void test_amounts_refused(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		enum proj_amount_error e;
	} cases[] = {
		{ "", PAMT_EMPTY },
		{ "   ", PAMT_EMPTY },
		{ "-", PAMT_EMPTY },
		{ "—", PAMT_EMPTY },
		{ "/", PAMT_EMPTY },
		{ "无", PAMT_EMPTY },
		{ "-5万", PAMT_NEGATIVE },
		{ "－5万", PAMT_NEGATIVE },
		{ "−5", PAMT_NEGATIVE },
		{ "￥-5", PAMT_NEGATIVE },
		{ "近3000万元", PAMT_APPROXIMATE }, /* seed 000 */
		{ "约5000万", PAMT_APPROXIMATE },
		{ "5000万元左右", PAMT_APPROXIMATE },
		{ "1亿元以上", PAMT_APPROXIMATE },
		{ "超100亿元", PAMT_APPROXIMATE },
		{ "3000余万元", PAMT_APPROXIMATE },
		{ "abc", PAMT_BAD_NUMBER },
		{ "万元", PAMT_BAD_NUMBER },
		{ ".5万", PAMT_BAD_NUMBER },
		{ "5.万", PAMT_BAD_NUMBER },
		{ "+5万", PAMT_BAD_NUMBER },
		{ "35,00万", PAMT_BAD_GROUPING },
		{ "1,2345", PAMT_BAD_GROUPING },
		{ "1234,567", PAMT_BAD_GROUPING },
		{ ",123", PAMT_BAD_GROUPING },
		{ "1,,234", PAMT_BAD_GROUPING },
		{ "1.2.3万", PAMT_BAD_UNIT },
		{ "1.2E8", PAMT_BAD_UNIT },
		{ "5000万元整", PAMT_BAD_UNIT },
		{ "5000美元", PAMT_BAD_UNIT },
		{ "1.72万户", PAMT_BAD_UNIT },
		{ "2000万1亿", PAMT_BAD_UNIT },
		{ "1万2万", PAMT_BAD_UNIT },
		{ "5千", PAMT_BAD_UNIT },
		{ "12.5", PAMT_TOO_PRECISE }, /* in 元 */
		{ "1.234567891亿", PAMT_TOO_PRECISE },
		{ "0.00005万", PAMT_TOO_PRECISE },
		{ "92233720368.54775808亿", PAMT_OVERFLOW },
		{ "99999999999亿", PAMT_OVERFLOW },
		{ "92233720368亿9999万", PAMT_OVERFLOW },
		{ "99999999999999999999", PAMT_OVERFLOW },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = 77;
		enum proj_unit unit = strcmp(cases[i].text, "12.5") == 0 ? PUNIT_YUAN : PUNIT_WAN;
		assert_int_equal(parse(cases[i].text, unit, &v), cases[i].e);
		assert_int_equal(v, 77);
	}
	/* The default unit must be below the last one given. */
	int64_t v = 0;
	assert_int_equal(parse("1亿2000", PUNIT_YI, &v), PAMT_BAD_UNIT);
	assert_int_equal(parse("1亿2000", PUNIT_YUAN, &v), PAMT_OK);
	assert_int_equal(v, 100002000);
	char longer[PROJ_AMOUNT_INPUT_MAX + 2];
	memset(longer, '1', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	assert_int_equal(parse(longer, PUNIT_YUAN, &v), PAMT_TOO_LONG);
	assert_int_equal(parse("5", PUNIT__COUNT, &v), PAMT_BAD_UNIT);
	assert_int_equal(proj_amount_parse("5\0万", 5, PUNIT_YUAN, &v), PAMT_BAD_NUMBER);
	assert_int_equal(proj_amount_parse(NULL, 0, PUNIT_YUAN, &v), PAMT_EMPTY);
	/* The length is the caller's. */
	assert_int_equal(proj_amount_parse("5000万元XYZ", 10, PUNIT_YUAN, &v), PAMT_OK);
	assert_int_equal(v, 50000000);
}

static void test_amount_messages(void **state)
{
	(void)state;
	for (int e = 0; e <= PAMT__COUNT; e++) {
		assert_true(strlen(proj_amount_error_zh((enum proj_amount_error)e)) > 0);
		assert_true(strlen(proj_amount_error_en((enum proj_amount_error)e)) > 0);
	}
	assert_non_null(strstr(proj_amount_error_zh(PAMT_APPROXIMATE), "约数"));
	assert_non_null(strstr(proj_amount_error_zh(PAMT_NEGATIVE), "负数"));
}

static void test_format(void **state)
{
	(void)state;
	static const struct {
		int64_t yuan;
		unsigned flags;
		const char *text;
	} cases[] = {
		{ 120000000, 0, "1.2亿元" },
		{ 125000000, 0, "1.25亿元" },
		{ 600000000, 0, "6.0亿元" },
		{ 600000000, PAFMT_TRIM, "6亿元" },
		{ 22460000000, 0, "224.6亿元" },
		{ 116000000000, 0, "1,160.0亿元" },
		{ 116000000000, PAFMT_NO_GROUPING | PAFMT_TRIM, "1160亿元" },
		{ 100000000, 0, "1.0亿元" },
		{ 199500000, 0, "2.0亿元" },  /* 1.995 rounds away from zero */
		{ 199499999, 0, "1.99亿元" },
		{ -199500000, 0, "-2.0亿元" },
		{ 50000000, 0, "5,000万元" },
		{ 35005000, 0, "3,500.5万元" },
		{ 35005000, PAFMT_NO_GROUPING, "3500.5万元" },
		{ 11900000, PAFMT_NO_GROUPING, "1190万元" },
		{ 99999999, 0, "9,999.9999万元" },
		{ 12345, 0, "1.2345万元" },
		{ 10000, 0, "1万元" },
		{ 8500, 0, "8,500元" },
		{ 9999, PAFMT_NO_GROUPING, "9999元" },
		{ 0, 0, "0元" },
		{ -50000000, 0, "-5,000万元" },
		{ INT64_MAX, PAFMT_NO_GROUPING, "92233720368.55亿元" },
		{ INT64_MIN, 0, "-92,233,720,368.55亿元" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[PROJ_AMOUNT_TEXT_MAX];
		size_t n = proj_amount_format(cases[i].yuan, cases[i].flags, out, sizeof out);
		assert_string_equal(out, cases[i].text);
		assert_int_equal(n, strlen(cases[i].text));
	}
	char tiny[5];
	assert_int_equal(proj_amount_format(50000000, 0, tiny, sizeof tiny), strlen("5,000万元"));
	assert_string_equal(tiny, "5,00");
}

static void test_format_in_round_trip(void **state)
{
	(void)state;
	char out[PROJ_AMOUNT_TEXT_MAX];
	proj_amount_format_in(35005000, PUNIT_WAN, out, sizeof out);
	assert_string_equal(out, "3500.5");
	proj_amount_format_in(35005000, PUNIT_YI, out, sizeof out);
	assert_string_equal(out, "0.35005");
	proj_amount_format_in(35005000, PUNIT_YUAN, out, sizeof out);
	assert_string_equal(out, "35005000");
	proj_amount_format_in(-1, PUNIT_WAN, out, sizeof out);
	assert_string_equal(out, "-0.0001");
	proj_amount_format_in(120000000, PUNIT_YI, out, sizeof out);
	assert_string_equal(out, "1.2");
	/* Exact text in any unit parses back to the same 元. */
	uint64_t x = 88172645463325252u;
	for (int i = 0; i < 2000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		int64_t yuan = (int64_t)(x >> (1 + i % 40));
		for (int u = 0; u < PUNIT__COUNT; u++) {
			proj_amount_format_in(yuan, (enum proj_unit)u, out, sizeof out);
			int64_t back = -1;
			assert_int_equal(parse(out, (enum proj_unit)u, &back), PAMT_OK);
			assert_int_equal(back, yuan);
		}
		/* The report style below 1亿 is exact too. */
		if (yuan < 100000000) {
			proj_amount_format(yuan, 0, out, sizeof out);
			int64_t back = -1;
			assert_int_equal(parse(out, PUNIT_YUAN, &back), PAMT_OK);
			assert_int_equal(back, yuan);
		}
	}
}

static int32_t ymd(int y, int m, int d)
{
	int32_t out = PROJ_DATE_NONE;
	assert_true(proj_date_from_ymd(y, m, d, &out));
	return out;
}

static void test_dates_accepted(void **state)
{
	(void)state;
	int32_t mar1 = ymd(2024, 3, 1);
	assert_int_equal(mar1, 19783); /* Python: date(2024, 3, 1) - date(1970, 1, 1) */
	static const struct {
		const char *text;
		bool month_only;
	} same_day[] = {
		{ "2024年3月1日", false },       { "2024年03月01日", false },
		{ "2024年3月1号", false },       { "２０２４年３月１日", false },
		{ "2024年3月", true },           { "2024/3/1", false },
		{ "2024-03-01", false },         { "2024-3-1", false },
		{ "2024.3.1", false },           { "20240301", false },
		{ "202403", true },              { "2024-03", true },
		{ "2024/3", true },              { "2024.3", true },
		{ "45352", false },              { "45352.5", false },
		{ "2024/3/1 0:00", false },      { "2024-03-01T08:30:00", false },
		{ "2024-03-01 08:30:00.000", false }, { " 2024-3-1 ", false },
		{ "２０２４／３／１", false },
	};
	for (size_t i = 0; i < sizeof same_day / sizeof same_day[0]; i++) {
		int32_t d = 0;
		bool month_only = !same_day[i].month_only;
		const char *t = same_day[i].text;
		assert_int_equal(proj_date_parse_text(t, strlen(t), &d, &month_only), PDATE_OK);
		assert_int_equal(d, mar1);
		assert_int_equal(month_only, same_day[i].month_only);
	}
	int32_t d;
	assert_int_equal(proj_date_parse_text("2024-02-29", 10, &d, NULL), PDATE_OK);
	assert_int_equal(d, ymd(2024, 2, 29));
	assert_int_equal(proj_date_parse_text("2025年2月13日", strlen("2025年2月13日"), &d, NULL),
			 PDATE_OK); /* seed 001's dateline */
	assert_int_equal(d, ymd(2025, 2, 13));
	assert_int_equal(proj_date_parse_text("10000", 5, &d, NULL), PDATE_OK);
	assert_int_equal(d, ymd(1927, 5, 18));
}

static void test_dates_refused(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		enum proj_date_error e;
	} cases[] = {
		{ "", PDATE_EMPTY },
		{ "  ", PDATE_EMPTY },
		{ "2024-02-30", PDATE_BAD_DAY },
		{ "2023-02-29", PDATE_BAD_DAY },
		{ "2024年2月30日", PDATE_BAD_DAY },
		{ "2024-3-32", PDATE_BAD_DAY },
		{ "2024-04-31", PDATE_BAD_DAY },
		{ "2024-3-0", PDATE_BAD_DAY },
		{ "2024-13-01", PDATE_BAD_MONTH },
		{ "2024-00-10", PDATE_BAD_MONTH },
		{ "20241301", PDATE_BAD_MONTH },
		{ "2024年13月", PDATE_BAD_MONTH },
		{ "1899-12-31", PDATE_BAD_YEAR },
		{ "2200-01-01", PDATE_BAD_YEAR },
		{ "00060", PDATE_BAD_SERIAL },
		{ "24年3月1日", PDATE_BAD_FORMAT },
		{ "2024年3月1", PDATE_BAD_FORMAT },
		{ "2024年3月1日整", PDATE_BAD_FORMAT },
		{ "2024/03-01", PDATE_BAD_FORMAT },
		{ "2024-3-1x", PDATE_BAD_FORMAT },
		{ "2024-123-1", PDATE_BAD_FORMAT },
		{ "2024", PDATE_BAD_FORMAT },
		{ "2024030", PDATE_BAD_FORMAT },
		{ "45352.", PDATE_BAD_FORMAT },
		{ "45352.x", PDATE_BAD_FORMAT },
		{ "March 1, 2024", PDATE_BAD_FORMAT },
		{ "2024-03-01 noon", PDATE_BAD_FORMAT },
		{ "2024 3 1", PDATE_BAD_FORMAT },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int32_t d = 77;
		const char *t = cases[i].text;
		assert_int_equal(proj_date_parse_text(t, strlen(t), &d, NULL), cases[i].e);
		assert_int_equal(d, 77);
	}
	char longer[PROJ_AMOUNT_INPUT_MAX + 2];
	memset(longer, '1', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	int32_t d = 77;
	assert_int_equal(proj_date_parse_text(longer, strlen(longer), &d, NULL), PDATE_TOO_LONG);
	assert_int_equal(proj_date_parse_text("2024\0-03-01", 11, &d, NULL), PDATE_BAD_FORMAT);
	assert_int_equal(proj_date_parse_text(NULL, 0, &d, NULL), PDATE_EMPTY);
	for (int e = 0; e <= PDATE__COUNT; e++) {
		assert_true(strlen(proj_date_error_zh((enum proj_date_error)e)) > 0);
		assert_true(strlen(proj_date_error_en((enum proj_date_error)e)) > 0);
	}
	assert_non_null(strstr(proj_date_error_zh(PDATE_BAD_DAY), "没有这一天"));
}

static void test_excel_serial(void **state)
{
	(void)state;
	int32_t d = 77;
	assert_true(proj_date_from_excel_serial(45352, &d));
	assert_int_equal(d, ymd(2024, 3, 1));
	assert_true(proj_date_from_excel_serial(61, &d));
	assert_int_equal(d, ymd(1900, 3, 1));
	assert_true(proj_date_from_excel_serial(109574, &d));
	assert_int_equal(d, ymd(2199, 12, 31));
	d = 77;
	assert_false(proj_date_from_excel_serial(60, &d)); /* Excel's 1900-02-29 */
	assert_false(proj_date_from_excel_serial(0, &d));
	assert_false(proj_date_from_excel_serial(-1, &d));
	assert_false(proj_date_from_excel_serial(109575, &d));
	assert_false(proj_date_from_excel_serial(INT64_MAX, &d));
	assert_int_equal(d, 77);
}

static void test_format_zh(void **state)
{
	(void)state;
	char out[PROJ_AMOUNT_TEXT_MAX];
	assert_int_equal(proj_date_format_zh(ymd(2024, 3, 1), out, sizeof out),
			 strlen("2024年3月1日"));
	assert_string_equal(out, "2024年3月1日");
	proj_date_format_zh(ymd(2024, 12, 31), out, sizeof out);
	assert_string_equal(out, "2024年12月31日");
	assert_int_equal(proj_date_format_zh(PROJ_DATE_NONE, out, sizeof out), 0);
	assert_string_equal(out, "");
	/* What is written parses back. */
	for (int32_t day = ymd(1990, 1, 1); day < ymd(2040, 1, 1); day += 17) {
		int32_t back = 0;
		size_t n = proj_date_format_zh(day, out, sizeof out);
		assert_int_equal(proj_date_parse_text(out, n, &back, NULL), PDATE_OK);
		assert_int_equal(back, day);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_amounts_accepted),
		cmocka_unit_test(test_amounts_refused),
		cmocka_unit_test(test_amount_messages),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_in_round_trip),
		cmocka_unit_test(test_dates_accepted),
		cmocka_unit_test(test_dates_refused),
		cmocka_unit_test(test_excel_serial),
		cmocka_unit_test(test_format_zh),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
