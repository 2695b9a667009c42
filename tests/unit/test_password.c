/* Tests for domain/password: length in code points, classes, username,
 * UTF-8 well-formedness. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/password.h"

static enum pw_result pw(const char *s, const char *user)
{
	return password_check(s, strlen(s), user);
}

static void test_good(void **state)
{
	(void)state;
	assert_int_equal(pw("Abcdefg1", NULL), PW_OK);  /* upper, lower, digit */
	assert_int_equal(pw("abcdef1!", NULL), PW_OK);  /* lower, digit, symbol */
	assert_int_equal(pw("ABCDEF1!", NULL), PW_OK);  /* upper, digit, symbol */
	assert_int_equal(pw("Abcdefg!", NULL), PW_OK);  /* upper, lower, symbol */
	assert_int_equal(pw("Tr0ub4dor&3", "alice"), PW_OK);
	assert_int_equal(pw("abc def 12", NULL), PW_OK); /* space counts as other */
	assert_int_equal(pw("长春朝阳abc123", NULL), PW_OK); /* non-ASCII is other */
	assert_int_equal(pw("Aa1!Aa1!Aa1!", ""), PW_OK);
}

static void test_length_counts_code_points(void **state)
{
	(void)state;
	/* 7 code points, 13 bytes: too short although > 8 bytes. */
	assert_int_equal(pw("长春Ab12!", NULL), PW_TOO_SHORT);
	assert_int_equal(strlen("长春Ab12!"), 11);
	/* 8 code points. */
	assert_int_equal(pw("长春Ab12!x", NULL), PW_OK);
	assert_int_equal(pw("Abcde1!", NULL), PW_TOO_SHORT);
	assert_int_equal(pw("Abcde1!x", NULL), PW_OK);
	assert_int_equal(pw("", NULL), PW_TOO_SHORT);
	assert_int_equal(password_check(NULL, 0, NULL), PW_TOO_SHORT);
	assert_int_equal(password_check(NULL, 12, NULL), PW_TOO_SHORT);
	/* 4-byte characters: 7 emoji + 'a' = 8 code points, 29 bytes. */
	assert_int_equal(pw("😀😀😀😀😀😀😀a", NULL), PW_TOO_FEW_CLASSES);
	assert_int_equal(pw("😀😀😀😀😀😀a1", NULL), PW_OK);
	/* len is honoured, not strlen. */
	assert_int_equal(password_check("Abcdefg1", 7, NULL), PW_TOO_SHORT);
}

static void test_too_long(void **state)
{
	(void)state;
	char buf[200];
	memset(buf, 'a', sizeof buf);
	memcpy(buf, "A1", 2);
	assert_int_equal(password_check(buf, 128, NULL), PW_OK);
	assert_int_equal(password_check(buf, 129, NULL), PW_TOO_LONG);
	assert_int_equal(password_check(buf, sizeof buf, NULL), PW_TOO_LONG);
	/* 43 three-byte characters = 129 bytes but only 43 code points. */
	char zh[130];
	for (int i = 0; i < 43; i++)
		memcpy(zh + 3 * i, "中", 3);
	assert_int_equal(password_check(zh, 129, NULL), PW_TOO_LONG);
	assert_int_equal(password_check(zh, 126, NULL), PW_TOO_FEW_CLASSES);
}

static void test_classes(void **state)
{
	(void)state;
	assert_int_equal(pw("abcdefgh", NULL), PW_TOO_FEW_CLASSES);
	assert_int_equal(pw("ABCDEFGH", NULL), PW_TOO_FEW_CLASSES);
	assert_int_equal(pw("12345678", NULL), PW_TOO_FEW_CLASSES);
	assert_int_equal(pw("!@#$%^&*", NULL), PW_TOO_FEW_CLASSES);
	assert_int_equal(pw("abcdEFGH", NULL), PW_TOO_FEW_CLASSES);
	assert_int_equal(pw("abcd1234", NULL), PW_TOO_FEW_CLASSES);
	assert_int_equal(pw("长春朝阳二道绿园", NULL), PW_TOO_FEW_CLASSES);
	assert_int_equal(pw("长春朝阳二道绿园a", NULL), PW_TOO_FEW_CLASSES);
	assert_int_equal(pw("        ", NULL), PW_TOO_FEW_CLASSES);
	assert_int_equal(pw("aaaa    1", NULL), PW_OK);
	/* Full-width letters and digits are not ASCII: they count as other. */
	assert_int_equal(pw("ＡＢＣＤ１２３４", NULL), PW_TOO_FEW_CLASSES);
	assert_int_equal(pw("ＡＢＣＤ１２３４a1", NULL), PW_OK);
	/* Control characters other than NUL count as other. */
	assert_int_equal(pw("abcdefg1\t", NULL), PW_OK);
}

static void test_username(void **state)
{
	(void)state;
	assert_int_equal(pw("zhangsan#2024", "zhangsan"), PW_CONTAINS_USERNAME);
	assert_int_equal(pw("2024#ZhangSan!", "zhangsan"), PW_CONTAINS_USERNAME);
	assert_int_equal(pw("Xx1!ZHANGSAN", "ZhangSan"), PW_CONTAINS_USERNAME);
	assert_int_equal(pw("Zhang$an2024", "zhangsan"), PW_OK);
	/* Usernames under 3 characters are not checked. */
	assert_int_equal(pw("Abcdefg1", "ab"), PW_OK);
	assert_int_equal(pw("Abcdefg1", "abc"), PW_CONTAINS_USERNAME);
	assert_int_equal(pw("Abcdefg1", "g1"), PW_OK);
	assert_int_equal(pw("Abcdefg1", ""), PW_OK);
	/* The username at the very end. */
	assert_int_equal(pw("Xy1!xyzbob", "BOB"), PW_CONTAINS_USERNAME);
	/* Chinese usernames: counted in characters, matched bytewise. */
	assert_int_equal(pw("张三丰Abc123", "张三丰"), PW_CONTAINS_USERNAME);
	assert_int_equal(pw("张三Abc123!", "张三"), PW_OK); /* 2 characters */
	/* A username longer than the password cannot be in it. */
	assert_int_equal(pw("Abcdefg1", "Abcdefg1x"), PW_OK);
	/* Username check comes after the other rules. */
	assert_int_equal(pw("alice", "alice"), PW_TOO_SHORT);
	assert_int_equal(pw("alicealice", "alice"), PW_TOO_FEW_CLASSES);
}

static void test_bad_encoding(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"Abcdefg1\x80",            /* lone continuation byte */
		"Abcdefg1\xC3",            /* truncated 2-byte */
		"Abcdefg1\xE4\xB8",        /* truncated 3-byte */
		"Abcdefg1\xC0\xAF",        /* overlong '/' */
		"Abcdefg1\xC1\xBF",        /* overlong */
		"Abcdefg1\xE0\x80\xAF",    /* overlong 3-byte */
		"Abcdefg1\xF0\x80\x80\xAF", /* overlong 4-byte */
		"Abcdefg1\xED\xA0\x80",    /* surrogate U+D800 */
		"Abcdefg1\xF4\x90\x80\x80", /* above U+10FFFF */
		"Abcdefg1\xF5\x80\x80\x80",
		"Abcdefg1\xFF",
		"Abcdefg1\xE4\x41\xAD",    /* bad second byte */
		"Abcdefg1\xE4\xB8\x41",    /* bad third byte */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(pw(bad[i], NULL), PW_BAD_ENCODING);
	/* Boundaries that are valid. */
	assert_int_equal(pw("Abcdefg1\xC2\x80", NULL), PW_OK);         /* U+0080 */
	assert_int_equal(pw("Abcdefg1\xED\x9F\xBF", NULL), PW_OK);     /* U+D7FF */
	assert_int_equal(pw("Abcdefg1\xEE\x80\x80", NULL), PW_OK);     /* U+E000 */
	assert_int_equal(pw("Abcdefg1\xF4\x8F\xBF\xBF", NULL), PW_OK); /* U+10FFFF */
	assert_int_equal(pw("Abcdefg1\xF0\x90\x80\x80", NULL), PW_OK); /* U+10000 */
	/* An embedded NUL is refused. */
	assert_int_equal(password_check("Abcd\0efg1", 9, NULL), PW_BAD_ENCODING);
	/* Short and badly encoded: the encoding is reported. */
	assert_int_equal(pw("\xFF", NULL), PW_BAD_ENCODING);
	/* A truncated sequence cut by len. */
	assert_int_equal(password_check("Abcdefg1中", 10, NULL), PW_BAD_ENCODING);
	assert_int_equal(password_check("Abcdefg1中", 11, NULL), PW_OK);
}

static void test_messages(void **state)
{
	(void)state;
	for (int r = PW_OK; r <= PW_BAD_ENCODING; r++) {
		assert_non_null(password_result_zh((enum pw_result)r));
		assert_non_null(password_result_en((enum pw_result)r));
		for (int k = PW_OK; k < r; k++)
			assert_string_not_equal(password_result_en((enum pw_result)r),
						password_result_en((enum pw_result)k));
	}
	assert_non_null(strstr(password_result_zh(PW_TOO_SHORT), "8"));
	assert_non_null(strstr(password_result_zh(PW_TOO_FEW_CLASSES), "三类"));
	assert_non_null(strstr(password_policy_zh(), "密码至少8位"));
	assert_non_null(strstr(password_policy_en(), "3 of: upper case, lower case, digits"));
	assert_non_null(password_result_en((enum pw_result)99));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_length_counts_code_points),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_username),
		cmocka_unit_test(test_bad_encoding),
		cmocka_unit_test(test_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
