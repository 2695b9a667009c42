/* Tests for domain/industry: GB/T 4754-2017 codes and section ranges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/industry.h"

static bool valid(const char *s)
{
	return industry_code_valid(s, strlen(s));
}

/* The section of every division, written out from the standard's table of
 * contents rather than from ranges: index = division number. */
static const char section_by_division[] = " AAAAA" "BBBBBBB" /* 01-05, 06-12 */
	"CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC"                        /* 13-43 */
	"DDD" "EEEE" "FF" "GGGGGGGG" "HH" "III" "JJJJ" "K"        /* 44-70 */
	"LL" "MMM" "NNNN" "OOO" "P" "QQ" "RRRRR" "SSSSSS" "T";    /* 71-97 */

static void test_section_of_division(void **state)
{
	(void)state;
	assert_int_equal(sizeof section_by_division, 99);
	for (int d = 1; d <= 97; d++)
		assert_int_equal(industry_section_of_division(d), section_by_division[d]);
	assert_int_equal(industry_section_of_division(0), 0);
	assert_int_equal(industry_section_of_division(98), 0);
	assert_int_equal(industry_section_of_division(99), 0);
	assert_int_equal(industry_section_of_division(-1), 0);
	assert_int_equal(industry_section_of_division(136), 0);
	/* Known anchors. */
	assert_int_equal(industry_section_of_division(36), 'C'); /* 汽车制造业 */
	assert_int_equal(industry_section_of_division(47), 'E'); /* 房屋建筑业 */
	assert_int_equal(industry_section_of_division(70), 'K'); /* 房地产业 */
	assert_int_equal(industry_section_of_division(65), 'I'); /* 软件和信息技术服务业 */
}

static void test_valid(void **state)
{
	(void)state;
	static const char *const good[] = {
		"A",    "C",    "T",     "C36",  "C361", "C3612", "36",  "361", "3612",
		"A01",  "A0111", "0111", "B06",  "E47",  "E4710", "K70", "K7010", "T97",
		"T9700", "S96", "G60",  "M7320", "I6510", "01", "I", "I65",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_true(valid(good[i]));
}

static void test_invalid(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"",      "U",      "Z",      "c",      "c36",    "C3",     "C36123",
		"36123", "3",      "00",     "0011",   "98",     "99",     "9900",
		"A36",   "B36",    "D3612",  "C01",    "T96",    "S97",    "K71",
		"CC36",  "C 36",   "C36 ",   " C36",   "C-36",   "C3a",    "36C",
		"C36.1", "Ｃ36",    "C361X",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(valid(bad[i]));
	assert_false(industry_code_valid(NULL, 0));
	assert_false(industry_code_valid(NULL, 3));
	/* Only len bytes are read. */
	assert_true(industry_code_valid("C36XYZ", 3));
	assert_false(industry_code_valid("C36", 2));
	char nul[3] = { 'C', '\0', '6' };
	assert_false(industry_code_valid(nul, 3));
}

static void test_section_boundaries(void **state)
{
	(void)state;
	/* Each section's first and last division with the right letter only. */
	static const struct {
		char section;
		const char *first, *last;
	} b[] = {
		{ 'A', "01", "05" }, { 'B', "06", "12" }, { 'C', "13", "43" },
		{ 'D', "44", "46" }, { 'E', "47", "50" }, { 'F', "51", "52" },
		{ 'G', "53", "60" }, { 'H', "61", "62" }, { 'I', "63", "65" },
		{ 'J', "66", "69" }, { 'K', "70", "70" }, { 'L', "71", "72" },
		{ 'M', "73", "75" }, { 'N', "76", "79" }, { 'O', "80", "82" },
		{ 'P', "83", "83" }, { 'Q', "84", "85" }, { 'R', "86", "90" },
		{ 'S', "91", "96" }, { 'T', "97", "97" },
	};
	for (size_t i = 0; i < sizeof b / sizeof b[0]; i++) {
		for (char letter = 'A'; letter <= 'T'; letter++) {
			char code[4] = { letter, b[i].first[0], b[i].first[1], '\0' };
			assert_int_equal(valid(code), letter == b[i].section);
			code[1] = b[i].last[0];
			code[2] = b[i].last[1];
			assert_int_equal(valid(code), letter == b[i].section);
		}
	}
}

static void test_normalize(void **state)
{
	(void)state;
	char out[INDUSTRY_CODE_MAX + 1];
	assert_true(industry_normalize("3612", 4, out));
	assert_string_equal(out, "C3612");
	assert_true(industry_normalize("C36", 3, out));
	assert_string_equal(out, "C36");
	assert_true(industry_normalize("01", 2, out));
	assert_string_equal(out, "A01");
	assert_true(industry_normalize("9700", 4, out));
	assert_string_equal(out, "T9700");
	assert_true(industry_normalize("F", 1, out));
	assert_string_equal(out, "F");
	assert_false(industry_normalize("A36", 3, out));
	assert_string_equal(out, "");
	assert_false(industry_normalize("98", 2, out));
	assert_false(industry_normalize(NULL, 0, out));
	assert_false(industry_normalize("C36123", 6, out));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_section_of_division),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_section_boundaries),
		cmocka_unit_test(test_normalize),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
