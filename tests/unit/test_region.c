/* Tests for domain/region: GB/T 2260 codes, levels, coverage, SQL ranges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/region.h"

static bool valid(const char *s)
{
	return region_code_valid(s, strlen(s));
}

static void test_valid_codes(void **state)
{
	(void)state;
	static const char *const good[] = {
		"220000", "220100", "220102", "220103", "220104", "220105", "220106",
		"110000", "110101", "650000", "820000", "710000", "419001", "429004",
		"500000", "500101", "150000",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_true(valid(good[i]));
}

static void test_invalid_codes(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"",        "22010",   "2201040", "22010a",  " 22010", "220104 ",
		"000000",  "100000",  "160000",  "200000",  "240000", "380000",
		"470000",  "550000",  "660000",  "700000",  "720000", "830000",
		"990000",  "220004",  "220099",  "-22010",  "+22010", "２２０１０４",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(valid(bad[i]));
	assert_false(region_code_valid(NULL, 0));
	assert_false(region_code_valid(NULL, 6));
	/* Only len bytes are read. */
	assert_true(region_code_valid("2201049", 6));
	assert_false(region_code_valid("220104", 5));
}

static void test_level(void **state)
{
	(void)state;
	assert_int_equal(region_level("220000"), REGION_PROVINCE);
	assert_int_equal(region_level("220100"), REGION_CITY);
	assert_int_equal(region_level("220104"), REGION_COUNTY);
	assert_int_equal(region_level("419001"), REGION_COUNTY);
	assert_int_equal(region_level("110101"), REGION_COUNTY);
	assert_int_equal(region_level("220004"), REGION_INVALID);
	assert_int_equal(region_level("990000"), REGION_INVALID);
	const char short_code[6] = "22"; /* zero-padded */
	assert_int_equal(region_level(short_code), REGION_INVALID);
	const char unterminated[6] = { '2', '2', '0', '1', '0', '4' };
	assert_int_equal(region_level(unterminated), REGION_COUNTY);
	assert_int_equal(REGION_PROVINCE, 1);
	assert_int_equal(REGION_CITY, 2);
	assert_int_equal(REGION_COUNTY, 3);
}

static void test_covers(void **state)
{
	(void)state;
	/* Province covers itself, its cities and counties. */
	assert_true(region_covers("220000", "220000"));
	assert_true(region_covers("220000", "220100"));
	assert_true(region_covers("220000", "220104"));
	assert_true(region_covers("220000", "229004"));
	assert_false(region_covers("220000", "210104"));
	assert_false(region_covers("220000", "230000"));
	/* City covers itself and its counties, not its province or siblings. */
	assert_true(region_covers("220100", "220100"));
	assert_true(region_covers("220100", "220104"));
	assert_true(region_covers("220100", "220106"));
	assert_false(region_covers("220100", "220000"));
	assert_false(region_covers("220100", "220201"));
	assert_false(region_covers("220100", "220200"));
	/* County covers only itself. */
	assert_true(region_covers("220104", "220104"));
	assert_false(region_covers("220104", "220105"));
	assert_false(region_covers("220104", "220100"));
	assert_false(region_covers("220104", "220000"));
	/* Invalid on either side covers nothing. */
	assert_false(region_covers("", "220104"));
	assert_false(region_covers(NULL, "220104"));
	assert_false(region_covers("220100", NULL));
	assert_false(region_covers("220100", ""));
	assert_false(region_covers("2201", "220104"));
	assert_false(region_covers("22", "220104"));
	assert_false(region_covers("220100", "2201041"));
	assert_false(region_covers("2201000", "220104"));
	assert_false(region_covers("220100", "220004"));
	assert_false(region_covers("000000", "000000"));
}

/* The SQL range and region_covers agree on every valid code of a sample. */
static void check_range_matches_covers(const char *scope)
{
	char lo[7], hi[7];
	region_range(scope, lo, hi);
	static const char *const sample[] = {
		"110000", "110101", "210000", "219999", "220000", "220100", "220101",
		"220104", "220105", "220106", "220199", "220200", "220201", "229004",
		"229900", "230000", "230100", "820000",
	};
	for (size_t i = 0; i < sizeof sample / sizeof sample[0]; i++) {
		const char *c = sample[i];
		bool in = strcmp(c, lo) >= 0 && strcmp(c, hi) <= 0;
		if (valid(c))
			assert_int_equal(in, region_covers(scope, c));
	}
}

static void test_range(void **state)
{
	(void)state;
	char lo[7], hi[7];
	region_range("220100", lo, hi);
	assert_string_equal(lo, "220100");
	assert_string_equal(hi, "220199");
	region_range("220000", lo, hi);
	assert_string_equal(lo, "220000");
	assert_string_equal(hi, "229999");
	region_range("220104", lo, hi);
	assert_string_equal(lo, "220104");
	assert_string_equal(hi, "220104");
	region_range("bogus", lo, hi);
	assert_true(strcmp(lo, hi) > 0); /* empty */
	assert_true(strcmp("220104", lo) < 0 || strcmp("220104", hi) > 0);
	region_range(NULL, lo, hi);
	assert_true(strcmp(lo, hi) > 0);
	region_range("220004", lo, hi);
	assert_true(strcmp(lo, hi) > 0);
	check_range_matches_covers("220000");
	check_range_matches_covers("220100");
	check_range_matches_covers("220104");
	check_range_matches_covers("110000");
}

static void test_parent(void **state)
{
	(void)state;
	char out[7] = "xxxxxx";
	assert_true(region_parent("220104", out));
	assert_string_equal(out, "220100");
	assert_true(region_parent("220100", out));
	assert_string_equal(out, "220000");
	assert_false(region_parent("220000", out));
	assert_string_equal(out, "");
	assert_true(region_parent("110101", out));
	assert_string_equal(out, "110100");
	assert_true(region_parent("419001", out));
	assert_string_equal(out, "419000");
	assert_false(region_parent("220004", out));
	assert_false(region_parent("", out));
	assert_false(region_parent(NULL, out));
	assert_false(region_parent("2201041", out));
	/* The parent chain ends at the province in two steps. */
	char a[7], b[7], c[7];
	assert_true(region_parent("650102", a));
	assert_true(region_parent(a, b));
	assert_false(region_parent(b, c));
	assert_string_equal(b, "650000");
	assert_true(region_covers(b, "650102") && region_covers(a, "650102"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_codes),
		cmocka_unit_test(test_invalid_codes),
		cmocka_unit_test(test_level),
		cmocka_unit_test(test_covers),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_parent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
