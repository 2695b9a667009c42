/* Tests for domain/credit_code: GB 32100-2015 check characters. Oracles are
 * real published codes and check characters computed by a separate script. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/credit_code.h"

static enum cc_result check(const char *s, size_t *pos)
{
	return credit_code_check(s, strlen(s), pos);
}

/* Real codes of registered companies, each verified independently. */
static const char *const real_codes[] = {
	"91110000100006485K", "914403001922038216", "91440300708461136T",
	"91330100799655058B", "91110108551385082Q", "91110000802100433B",
	"91110000710925462X", "912201011239989159",
};

static void test_real_codes_pass(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof real_codes / sizeof real_codes[0]; i++) {
		size_t pos = 99;
		assert_int_equal(check(real_codes[i], &pos), CC_OK);
		assert_int_equal(pos, 99); /* untouched on success */
		assert_int_equal(credit_code_check_char(real_codes[i]), real_codes[i][17]);
	}
}

/* Check characters computed by an independent implementation. */
static const struct {
	const char *first17;
	char check;
} computed[] = {
	{ "92220104MA0Y00000", 'M' },
	{ "12220104000000000", 'D' },
	{ "Y1220106ABCDEFGHJ", 'G' },
	{ "91220105MA17XXXX1", 'R' },
	{ "00000000000000000", '0' }, /* sum 0: 31 - 0 = 31 maps to 0 */
	{ "91220104000000027", '0' }, /* sum a multiple of 31 */
	{ "10000000000000000", 'Y' }, /* sum 1: 30, the last character */
	{ "91220104000000017", 'Y' },
	{ "YYYYYYYYYYYYYYYYY", 'T' },
};

static void test_check_char_oracle(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof computed / sizeof computed[0]; i++) {
		assert_int_equal(credit_code_check_char(computed[i].first17), computed[i].check);
		char full[19];
		memcpy(full, computed[i].first17, 17);
		full[17] = computed[i].check;
		full[18] = '\0';
		assert_int_equal(check(full, NULL), CC_OK);
	}
}

static void test_check_char_needs_no_terminator(void **state)
{
	(void)state;
	char buf[17];
	memcpy(buf, "91220105MA17XXXX1", 17);
	assert_int_equal(credit_code_check_char(buf), 'R');
}

static void test_check_char_bad(void **state)
{
	(void)state;
	assert_int_equal(credit_code_check_char("9122010512345678I"), 0);
	assert_int_equal(credit_code_check_char("O1220105123456789"), 0);
	assert_int_equal(credit_code_check_char("91220105a23456789"), 0);
	char with_nul[17];
	memcpy(with_nul, "91220105123456789", 17);
	with_nul[5] = '\0';
	assert_int_equal(credit_code_check_char(with_nul), 0);
}

static void test_wrong_check_char(void **state)
{
	(void)state;
	size_t pos = 0;
	assert_int_equal(check("91110000100006485J", &pos), CC_BAD_CHECK);
	assert_int_equal(pos, 17);
	/* A single changed body character breaks the check. */
	assert_int_equal(check("91110000100006486K", &pos), CC_BAD_CHECK);
	assert_int_equal(pos, 17);
	/* Swapping two adjacent characters is caught (weights differ). */
	assert_int_equal(check("19110000100006485K", &pos), CC_BAD_CHECK);
}

static void test_bad_length(void **state)
{
	(void)state;
	size_t pos = 99;
	assert_int_equal(check("", &pos), CC_BAD_LENGTH);
	assert_int_equal(pos, 0);
	assert_int_equal(check("91110000100006485", &pos), CC_BAD_LENGTH);
	assert_int_equal(pos, 17);
	assert_int_equal(check("91110000100006485KX", &pos), CC_BAD_LENGTH);
	assert_int_equal(pos, 18);
	assert_int_equal(credit_code_check(NULL, 0, &pos), CC_BAD_LENGTH);
	assert_int_equal(credit_code_check(NULL, 18, NULL), CC_BAD_LENGTH);
	/* Length is what the caller says, not strlen. */
	assert_int_equal(credit_code_check("91110000100006485K", 18, NULL), CC_OK);
	assert_int_equal(credit_code_check("91110000100006485K!!", 18, NULL), CC_OK);
	assert_int_equal(credit_code_check("91110000100006485K", 17, NULL), CC_BAD_LENGTH);
}

static void test_bad_chars(void **state)
{
	(void)state;
	static const char *const bad = "IOSVZ";
	for (const char *c = bad; *c; c++) {
		char s[19] = "91110000100006485K";
		s[9] = *c;
		size_t pos = 0;
		assert_int_equal(check(s, &pos), CC_BAD_CHAR);
		assert_int_equal(pos, 9);
	}
	size_t pos = 0;
	assert_int_equal(check("91110000100006485k", &pos), CC_BAD_CHAR);
	assert_int_equal(pos, 17);
	assert_int_equal(check("9111000010000648 K", &pos), CC_BAD_CHAR);
	assert_int_equal(pos, 16);
	assert_int_equal(check("-1110000100006485K", &pos), CC_BAD_CHAR);
	assert_int_equal(pos, 0);
	/* The first bad character is reported. */
	assert_int_equal(check("91I1000010000648OK", &pos), CC_BAD_CHAR);
	assert_int_equal(pos, 2);
	/* Non-ASCII: full-width digit (3 bytes) makes length 20. */
	assert_int_equal(check("９1110000100006485K", &pos), CC_BAD_LENGTH);
	char nul[18];
	memcpy(nul, "91110000100006485K", 18);
	nul[4] = '\0';
	assert_int_equal(credit_code_check(nul, 18, &pos), CC_BAD_CHAR);
	assert_int_equal(pos, 4);
	char high[18];
	memcpy(high, "91110000100006485K", 18);
	high[6] = (char)0xC0;
	assert_int_equal(credit_code_check(high, 18, &pos), CC_BAD_CHAR);
	assert_int_equal(pos, 6);
}

static void test_normalize(void **state)
{
	(void)state;
	char s[] = "91110108551385082q";
	assert_int_equal(check(s, NULL), CC_BAD_CHAR);
	credit_code_normalize(s, strlen(s));
	assert_string_equal(s, "91110108551385082Q");
	assert_int_equal(check(s, NULL), CC_OK);
	char mixed[] = "abz-09XyZ";
	credit_code_normalize(mixed, 4); /* only the first 4 bytes */
	assert_string_equal(mixed, "ABZ-09XyZ");
	char utf8[] = "ａb";
	credit_code_normalize(utf8, strlen(utf8));
	assert_string_equal(utf8, "ａB"); /* non-ASCII bytes untouched */
	credit_code_normalize(NULL, 0);
}

static void test_region(void **state)
{
	(void)state;
	char out[7] = "xxxxxx";
	assert_true(credit_code_region("912201011239989159", out));
	assert_string_equal(out, "220101");
	assert_true(credit_code_region("914403001922038216", out));
	assert_string_equal(out, "440300");
	/* A failing check character still has a region (warned, not refused). */
	assert_true(credit_code_region("91220104MA0Y000001", out));
	assert_string_equal(out, "220104");
	/* Central registrations: 100000 is no GB/T 2260 region. */
	assert_false(credit_code_region("911000001000000000", out));
	assert_string_equal(out, "");
	assert_false(credit_code_region("9122A104MA0Y000001", out));
	assert_false(credit_code_region("91220004MA0Y000001", out)); /* county without city */
	assert_false(credit_code_region("91220104MA0Y00000", out));   /* 17 */
	assert_false(credit_code_region("91220104MA0Y0000011", out)); /* 19 */
	assert_false(credit_code_region("91220104MA0Y00000I", out));  /* bad char */
	assert_false(credit_code_region(NULL, out));
	assert_string_equal(out, "");
}

static void test_messages(void **state)
{
	(void)state;
	const enum cc_result all[] = { CC_OK, CC_BAD_LENGTH, CC_BAD_CHAR, CC_BAD_CHECK };
	for (size_t i = 0; i < 4; i++) {
		assert_non_null(credit_code_result_zh(all[i]));
		assert_non_null(credit_code_result_en(all[i]));
		for (size_t j = 0; j < i; j++) {
			assert_string_not_equal(credit_code_result_zh(all[i]),
						credit_code_result_zh(all[j]));
			assert_string_not_equal(credit_code_result_en(all[i]),
						credit_code_result_en(all[j]));
		}
	}
	assert_non_null(strstr(credit_code_result_zh(CC_BAD_LENGTH), "18"));
	assert_non_null(strstr(credit_code_result_zh(CC_BAD_CHECK), "校验位"));
	assert_non_null(credit_code_result_en((enum cc_result)42));
	assert_non_null(credit_code_result_zh((enum cc_result)-1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_codes_pass),
		cmocka_unit_test(test_check_char_oracle),
		cmocka_unit_test(test_check_char_needs_no_terminator),
		cmocka_unit_test(test_check_char_bad),
		cmocka_unit_test(test_wrong_check_char),
		cmocka_unit_test(test_bad_length),
		cmocka_unit_test(test_bad_chars),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_region),
		cmocka_unit_test(test_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
