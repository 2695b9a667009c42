/* Tests for domain/proj_cells: yes/no answers, tag lists and report months
 * as they come from district spreadsheets. Oracles are written by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/proj_cells.h"

static int yn(const char *s)
{
	return proj_cell_yes_no(s, strlen(s));
}

static void test_yes_no(void **state)
{
	(void)state;
	assert_int_equal(yn("是"), 1);
	assert_int_equal(yn(" 是 "), 1);
	assert_int_equal(yn("Y"), 1);
	assert_int_equal(yn("ｙｅｓ"), 1); /* full-width, folded */
	assert_int_equal(yn("√"), 1);
	assert_int_equal(yn("否"), 0);
	assert_int_equal(yn(""), 0);
	assert_int_equal(yn("FALSE"), 0);
	assert_int_equal(yn("也许"), -1);
	assert_int_equal(yn("2"), -1);
}

static enum proj_tags_error tags(const char *s, char *out, size_t cap)
{
	return proj_tags_parse(s, strlen(s), out, cap);
}

static void test_tags(void **state)
{
	(void)state;
	char out[800];
	assert_int_equal(tags("重点、省级；续建", out, sizeof out), PTAGS_OK);
	assert_string_equal(out, ",重点,省级,续建,");
	assert_int_equal(tags("重点，重点, 省级 ", out, sizeof out), PTAGS_OK);
	assert_string_equal(out, ",重点,省级,"); /* repeats and blanks dropped */
	assert_int_equal(tags("  ", out, sizeof out), PTAGS_OK);
	assert_string_equal(out, "");
	assert_int_equal(tags("a,b,c,d,e,f,g,h,i,j", out, sizeof out), PTAGS_OK);
	assert_int_equal(tags("a,b,c,d,e,f,g,h,i,j,k", out, sizeof out), PTAGS_TOO_MANY);
	assert_string_equal(out, "");
	assert_int_equal(tags("100%", out, sizeof out), PTAGS_BAD_CHAR);
	assert_int_equal(tags("a_b", out, sizeof out), PTAGS_BAD_CHAR);
	char longtag[80];
	memset(longtag, 'x', 61);
	longtag[61] = '\0';
	assert_int_equal(tags(longtag, out, sizeof out), PTAGS_TOO_LONG);
	assert_int_equal(tags("abc,def", out, 8), PTAGS_TOO_LONG); /* out too small */
	assert_string_equal(out, "");
	assert_true(*proj_tags_error_zh(PTAGS_TOO_MANY));
	assert_true(*proj_tags_error_en(PTAGS_BAD_CHAR));
}

static void test_month(void **state)
{
	(void)state;
	char m[8];
	static const char *const march[] = { "2024年3月", "2024-03", "2024/3", "202403",
					      "2024年3月15日", "2024-03-31", "45352", "2024.3" };
	for (size_t i = 0; i < sizeof march / sizeof march[0]; i++) {
		assert_true(proj_cell_month(march[i], strlen(march[i]), m));
		assert_string_equal(m, "2024-03");
	}
	assert_false(proj_cell_month("2024年13月", strlen("2024年13月"), m));
	assert_string_equal(m, "");
	assert_false(proj_cell_month("三月", strlen("三月"), m));
	assert_false(proj_cell_month("", 0, m));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yes_no),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_month),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
