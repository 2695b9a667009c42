#include "domain/password.h"

#include <stdbool.h>
#include <string.h>

enum { CLASS_UPPER = 1, CLASS_LOWER = 2, CLASS_DIGIT = 4, CLASS_OTHER = 8 };

/* Length of the well-formed UTF-8 sequence at p[0..n) (Unicode table 3-7:
 * no overlong forms, no surrogates, nothing above U+10FFFF, no NUL);
 * 0 when it is not one. */
static size_t utf8_seq_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	if (c == 0)
		return 0;
	if (c < 0x80)
		return 1;
	size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
		   : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
	if (len == 0 || len > n)
		return 0;
	/* The second byte's range depends on the first. */
	unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
	unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xBF)
			return 0;
	return len;
}

/* Code points in s[0..n), -1 when it is not well-formed UTF-8. */
static long utf8_count(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	long count = 0;
	size_t i = 0;
	while (i < n) {
		size_t k = utf8_seq_len(p + i, n - i);
		if (k == 0)
			return -1;
		i += k;
		count++;
	}
	return count;
}

static unsigned class_of(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return CLASS_UPPER;
	if (c >= 'a' && c <= 'z')
		return CLASS_LOWER;
	if (c >= '0' && c <= '9')
		return CLASS_DIGIT;
	return CLASS_OTHER;
}

/* Number of distinct classes present; every byte of a multi-byte sequence
 * is >= 0x80 and so counts as "other", as the character does. */
static int class_count(const char *s, size_t n)
{
	unsigned seen = 0;
	for (size_t i = 0; i < n; i++)
		seen |= class_of((unsigned char)s[i]);
	int count = 0;
	for (; seen; seen &= seen - 1)
		count++;
	return count;
}

static unsigned char ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* True when needle[0..m) occurs in hay[0..n), ASCII case-insensitively. */
static bool contains_nocase(const char *hay, size_t n, const char *needle, size_t m)
{
	for (size_t i = 0; m <= n && i <= n - m; i++) {
		size_t k = 0;
		while (k < m && ascii_lower((unsigned char)hay[i + k]) ==
					ascii_lower((unsigned char)needle[k]))
			k++;
		if (k == m)
			return true;
	}
	return false;
}

/* Length of username in characters (bytes when it is not UTF-8). */
static long username_chars(const char *u, size_t n)
{
	long chars = utf8_count(u, n);
	return chars < 0 ? (long)n : chars;
}

enum pw_result password_check(const char *pw, size_t len, const char *username)
{
	if (!pw)
		len = 0;
	if (len > PASSWORD_MAX_BYTES)
		return PW_TOO_LONG;
	long chars = utf8_count(pw, len);
	if (chars < 0)
		return PW_BAD_ENCODING;
	if (chars < PASSWORD_MIN_CHARS)
		return PW_TOO_SHORT;
	if (class_count(pw, len) < PASSWORD_MIN_CLASSES)
		return PW_TOO_FEW_CLASSES;
	size_t ulen = username ? strlen(username) : 0;
	if (username_chars(username, ulen) >= 3 && contains_nocase(pw, len, username, ulen))
		return PW_CONTAINS_USERNAME;
	return PW_OK;
}

struct pw_message {
	const char *zh, *en;
};

static const struct pw_message messages[] = {
	[PW_OK] = { "密码符合要求", "The password meets the policy" },
	[PW_TOO_SHORT] = { "密码至少8位", "The password needs at least 8 characters" },
	[PW_TOO_LONG] = { "密码不能超过128字节", "The password may not exceed 128 bytes" },
	[PW_TOO_FEW_CLASSES] = { "密码须包含大写字母、小写字母、数字、符号中的至少三类",
				 "The password needs 3 of: upper case, lower case, digits, "
				 "symbols" },
	[PW_CONTAINS_USERNAME] = { "密码不能包含用户名",
				   "The password may not contain the user name" },
	[PW_BAD_ENCODING] = { "密码含有无效字符（须为UTF-8编码）",
			      "The password contains invalid characters (it must be UTF-8)" },
};

static const struct pw_message unknown = { "密码不符合要求",
					   "The password does not meet the policy" };

static const struct pw_message *message_of(enum pw_result r)
{
	size_t i = (size_t)r;
	return i < sizeof messages / sizeof messages[0] ? &messages[i] : &unknown;
}

const char *password_result_zh(enum pw_result r)
{
	return message_of(r)->zh;
}

const char *password_result_en(enum pw_result r)
{
	return message_of(r)->en;
}

const char *password_policy_zh(void)
{
	return "密码至少8位，且包含大写字母、小写字母、数字、符号中的三类，不能包含用户名";
}

const char *password_policy_en(void)
{
	return "At least 8 characters and 3 of: upper case, lower case, digits, symbols; "
	       "not containing the user name";
}
