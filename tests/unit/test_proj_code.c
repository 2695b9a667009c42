/* Tests for domain/proj_code (GB/T 40058-2021 shape) and domain/proj_text
 * (folding of full-width input). Oracles: the guide's example code
 * 2411-130202-89-01-637015 split by hand, and mutations of it whose fault
 * position is counted by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/proj_code.h"
#include "domain/proj_text.h"

static const char example[] = "2411-130202-89-01-637015";

static enum proj_code_result check(const char *s, size_t *pos)
{
	return proj_code_check(s, strlen(s), pos);
}

static void test_example_parses(void **state)
{
	(void)state;
	assert_int_equal(strlen(example), PROJ_CODE_LEN);
	size_t pos = 99;
	struct proj_code_parts p;
	assert_int_equal(proj_code_parse(example, strlen(example), &pos, &p), PCODE_OK);
	assert_int_equal(pos, 99);
	assert_int_equal(p.year, 2024);
	assert_int_equal(p.month, 11);
	assert_string_equal(p.division, "130202");
	assert_string_equal(p.dept, "89");
	assert_string_equal(p.type, "01");
	assert_string_equal(p.serial, "637015");
	/* Changchun's Chaoyang district, January 2017. */
	assert_int_equal(proj_code_parse("1701-220104-70-03-000001", 24, NULL, &p), PCODE_OK);
	assert_int_equal(p.year, 2017);
	assert_int_equal(p.month, 1);
	assert_string_equal(p.division, "220104");
	/* NULL parts are allowed. */
	assert_int_equal(proj_code_parse(example, 24, NULL, NULL), PCODE_OK);
}

static void test_length_is_callers(void **state)
{
	(void)state;
	assert_int_equal(proj_code_check("2411-130202-89-01-637015XYZ", 24, NULL), PCODE_OK);
	assert_int_equal(proj_code_check(example, 23, NULL), PCODE_BAD_SERIAL);
	char buf[24];
	memcpy(buf, example, 24); /* no terminator */
	assert_int_equal(proj_code_check(buf, 24, NULL), PCODE_OK);
}

static void test_each_part_named(void **state)
{
	(void)state;
	static const struct {
		const char *code;
		enum proj_code_result r;
		size_t pos;
	} cases[] = {
		{ "24A1-130202-89-01-637015", PCODE_BAD_TIME, 2 },
		{ "2413-130202-89-01-637015", PCODE_BAD_TIME, 2 },  /* month 13 */
		{ "2400-130202-89-01-637015", PCODE_BAD_TIME, 2 },  /* month 00 */
		{ "241-1130202-89-01-637015", PCODE_BAD_TIME, 0 },  /* 3 digits */
		{ "2411-13020-289-01-637015", PCODE_BAD_DIVISION, 5 },
		{ "2411-1302O2-89-01-637015", PCODE_BAD_DIVISION, 9 }, /* letter O */
		{ "2411-130202-8X-01-637015", PCODE_BAD_DEPT, 13 },
		{ "2411-130202-890-1-637015", PCODE_BAD_DEPT, 12 },
		{ "2411-130202-89-0a-637015", PCODE_BAD_TYPE, 16 },
		{ "2411-130202-89--01637015", PCODE_BAD_TYPE, 15 },   /* empty part */
		{ "2411-130202-89-01-63701", PCODE_BAD_SERIAL, 18 },
		{ "2411-130202-89-01-6370155", PCODE_BAD_SERIAL, 18 },
		{ "2411-130202-89-01-63701 ", PCODE_BAD_SERIAL, 23 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t pos = 99;
		assert_int_equal(check(cases[i].code, &pos), cases[i].r);
		assert_int_equal(pos, cases[i].pos);
	}
}

static void test_format_and_empty(void **state)
{
	(void)state;
	size_t pos = 99;
	assert_int_equal(check("", &pos), PCODE_EMPTY);
	assert_int_equal(pos, 0);
	assert_int_equal(proj_code_check(NULL, 0, &pos), PCODE_EMPTY);
	assert_int_equal(proj_code_check(NULL, 24, &pos), PCODE_EMPTY);
	static const char *const bad[] = {
		"241113020289016370150000", /* no separators */
		"2411-130202-89-01",        /* four parts */
		"2411-130202-89-01-637015-1", "2411_130202_89_01_637015",
		"2411－130202－89－01－637015", /* full-width dashes, not normalized */
		"-",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		pos = 99;
		assert_int_equal(check(bad[i], &pos), PCODE_BAD_FORMAT);
		assert_int_equal(pos, 0);
	}
	struct proj_code_parts p;
	memset(&p, 0x5A, sizeof p);
	assert_int_equal(proj_code_parse("x", 1, NULL, &p), PCODE_BAD_FORMAT);
	assert_int_equal(p.year, 0);
	assert_string_equal(p.division, "");
}

static void test_normalize(void **state)
{
	(void)state;
	char out[64];
	/* Full-width digits and dash, an em dash, an en dash, blanks and BOM. */
	const char *typed = "\xEF\xBB\xBF　２４１１－130202—89–01−637015 \t";
	assert_true(proj_code_normalize(typed, strlen(typed), out, sizeof out));
	assert_string_equal(out, example);
	assert_int_equal(check(out, NULL), PCODE_OK);
	char tiny[10];
	assert_false(proj_code_normalize(example, strlen(example), tiny, sizeof tiny));
	assert_string_equal(tiny, "");
}

static void test_messages(void **state)
{
	(void)state;
	for (int r = 0; r <= PCODE__COUNT; r++) {
		assert_non_null(proj_code_result_zh((enum proj_code_result)r));
		assert_true(strlen(proj_code_result_en((enum proj_code_result)r)) > 0);
	}
	assert_non_null(strstr(proj_code_result_zh(PCODE_BAD_TIME), "时间代码"));
	assert_non_null(strstr(proj_code_result_zh(PCODE_BAD_DIVISION), "行政区划"));
	assert_non_null(strstr(proj_code_result_zh(PCODE_BAD_DEPT), "部门"));
	assert_non_null(strstr(proj_code_result_zh(PCODE_BAD_TYPE), "项目类型"));
	assert_non_null(strstr(proj_code_result_zh(PCODE_BAD_SERIAL), "第5段"));
	assert_non_null(strstr(proj_code_result_en(PCODE_BAD_TIME), "Part 1"));
	assert_string_equal(proj_code_result_zh((enum proj_code_result)99), "项目代码无效");
}

/* proj_text_fold, which every projects parser reads through. */
static void test_fold(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "１２，３４５．６７万元", "12,345.67万元" },
		{ "　 ５０００万　", "5000万" },
		{ "ＡＢＣ－ｘｙｚ", "ABC-xyz" },
		{ "\xC2\xA0" "1\xC2\xA0" "2", "1 2" },
		{ "2024年3月1日", "2024年3月1日" },
		{ "\xEF\xBB\xBF" "x", "x" },
		{ "", "" },
		{ "   ", "" },
		{ "\xE2\x80\x94", "-" },
		{ "\xE2\x88\x92" "5", "-5" },
		{ "\xFF\xFE" "a", "\xFF\xFE" "a" }, /* invalid UTF-8 is copied */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[64];
		size_t n = 99;
		assert_true(proj_text_fold(cases[i].in, strlen(cases[i].in), out, sizeof out, &n));
		assert_string_equal(out, cases[i].out);
		assert_int_equal(n, strlen(cases[i].out));
	}
	char out[4];
	assert_true(proj_text_fold("１２３", 9, out, sizeof out, NULL));
	assert_string_equal(out, "123");
	assert_false(proj_text_fold("1234", 4, out, sizeof out, NULL));
	assert_string_equal(out, "");
	assert_true(proj_text_fold(NULL, 0, out, sizeof out, NULL));
	assert_false(proj_text_fold("1", 1, out, 0, NULL));
	/* A truncated multi-byte sequence is copied as it is. */
	char tail[8];
	assert_true(proj_text_fold("a\xEF\xBC", 3, tail, sizeof tail, NULL));
	assert_memory_equal(tail, "a\xEF\xBC", 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example_parses), cmocka_unit_test(test_length_is_callers),
		cmocka_unit_test(test_each_part_named), cmocka_unit_test(test_format_and_empty),
		cmocka_unit_test(test_normalize),       cmocka_unit_test(test_messages),
		cmocka_unit_test(test_fold),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
