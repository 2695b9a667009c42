#include "domain/credit_code.h"

#include <string.h>

#include "domain/region.h"

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
enum { RADIX = 31 };
static const unsigned char weights[17] = { 1,  3,  9,  27, 19, 26, 16, 17, 20,
					   29, 25, 13, 8,  24, 10, 30, 28 };

/* Value of c in the alphabet, -1 when it is not part of it. */
static int char_value(char c)
{
	if (c == '\0')
		return -1;
	const char *p = memchr(alphabet, c, RADIX);
	return p ? (int)(p - alphabet) : -1;
}

/* Index of the first character of s[0..n) outside the alphabet, n if none. */
static size_t first_bad_char(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (char_value(s[i]) < 0)
			return i;
	return n;
}

char credit_code_check_char(const char first17[17])
{
	unsigned sum = 0;
	for (size_t i = 0; i < 17; i++) {
		int v = char_value(first17[i]);
		if (v < 0)
			return 0;
		sum += (unsigned)v * weights[i];
	}
	unsigned check = RADIX - sum % RADIX;
	return alphabet[check == RADIX ? 0 : check];
}

static enum cc_result fail(enum cc_result r, size_t pos, size_t *bad_pos)
{
	if (bad_pos)
		*bad_pos = pos;
	return r;
}

enum cc_result credit_code_check(const char *s, size_t len, size_t *bad_pos)
{
	if (len != CREDIT_CODE_LEN || !s)
		return fail(CC_BAD_LENGTH, len < CREDIT_CODE_LEN ? len : CREDIT_CODE_LEN,
			    bad_pos);
	size_t bad = first_bad_char(s, CREDIT_CODE_LEN);
	if (bad < CREDIT_CODE_LEN)
		return fail(CC_BAD_CHAR, bad, bad_pos);
	if (credit_code_check_char(s) != s[17])
		return fail(CC_BAD_CHECK, 17, bad_pos);
	return CC_OK;
}

void credit_code_normalize(char *s, size_t len)
{
	for (size_t i = 0; s && i < len; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			s[i] = (char)(s[i] - 'a' + 'A');
}

bool credit_code_region(const char *code18, char out[7])
{
	out[0] = '\0';
	if (!code18 || strnlen(code18, CREDIT_CODE_LEN + 1) != CREDIT_CODE_LEN)
		return false;
	if (first_bad_char(code18, CREDIT_CODE_LEN) < CREDIT_CODE_LEN)
		return false;
	if (!region_code_valid(code18 + 2, 6))
		return false;
	memcpy(out, code18 + 2, 6);
	out[6] = '\0';
	return true;
}

struct cc_message {
	const char *zh, *en;
};

static const struct cc_message messages[] = {
	[CC_OK] = { "统一社会信用代码有效", "The unified social credit code is valid" },
	[CC_BAD_LENGTH] = { "统一社会信用代码应为18位",
			    "A unified social credit code has 18 characters" },
	[CC_BAD_CHAR] = { "统一社会信用代码含非法字符（只用数字和除I、O、S、V、Z外的大写字母）",
			  "The unified social credit code has an invalid character (digits "
			  "and upper-case letters except I, O, S, V, Z)" },
	[CC_BAD_CHECK] = { "统一社会信用代码校验位不正确，请核对",
			   "The check character of the unified social credit code is wrong; "
			   "please verify the code" },
};

static const struct cc_message unknown = { "统一社会信用代码无效",
					   "The unified social credit code is invalid" };

static const struct cc_message *message_of(enum cc_result r)
{
	size_t i = (size_t)r;
	return i < sizeof messages / sizeof messages[0] ? &messages[i] : &unknown;
}

const char *credit_code_result_zh(enum cc_result r)
{
	return message_of(r)->zh;
}

const char *credit_code_result_en(enum cc_result r)
{
	return message_of(r)->en;
}
