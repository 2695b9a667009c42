#include "domain/proj_code.h"

#include <string.h>

#include "domain/proj_text.h"

enum { N_PARTS = 5 };

/* The five parts in order: their length and the refusal naming them. */
static const struct {
	size_t len;
	enum proj_code_result fault;
} parts[N_PARTS] = {
	{ 4, PCODE_BAD_TIME }, { 6, PCODE_BAD_DIVISION }, { 2, PCODE_BAD_DEPT },
	{ 2, PCODE_BAD_TYPE }, { 6, PCODE_BAD_SERIAL },
};

static enum proj_code_result fail(enum proj_code_result r, size_t pos, size_t *bad_pos)
{
	if (bad_pos)
		*bad_pos = pos;
	return r;
}

/* Index of the first non-digit of s[0..n), n when all are digits. */
static size_t first_non_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return i;
	return n;
}

/* Start offsets of the five '-'-separated parts; false unless there are
 * exactly four separators. */
static bool split(const char *s, size_t len, size_t start[N_PARTS + 1])
{
	size_t k = 0;
	start[0] = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '-')
			continue;
		if (++k >= N_PARTS)
			return false;
		start[k] = i + 1;
	}
	start[N_PARTS] = len + 1; /* as if a separator followed the end */
	return k == N_PARTS - 1;
}

enum proj_code_result proj_code_check(const char *s, size_t len, size_t *bad_pos)
{
	size_t start[N_PARTS + 1];
	if (!s || len == 0)
		return fail(PCODE_EMPTY, 0, bad_pos);
	if (!split(s, len, start))
		return fail(PCODE_BAD_FORMAT, 0, bad_pos);
	for (size_t p = 0; p < N_PARTS; p++) {
		size_t n = start[p + 1] - 1 - start[p];
		size_t bad = first_non_digit(s + start[p], n);
		if (bad < n)
			return fail(parts[p].fault, start[p] + bad, bad_pos);
		if (n != parts[p].len)
			return fail(parts[p].fault, start[p], bad_pos);
	}
	int month = (s[2] - '0') * 10 + (s[3] - '0');
	if (month < 1 || month > 12)
		return fail(PCODE_BAD_TIME, 2, bad_pos);
	return PCODE_OK;
}

enum proj_code_result proj_code_parse(const char *s, size_t len, size_t *bad_pos,
				      struct proj_code_parts *out)
{
	enum proj_code_result r = proj_code_check(s, len, bad_pos);
	if (!out)
		return r;
	memset(out, 0, sizeof *out);
	if (r != PCODE_OK)
		return r;
	out->year = 2000 + (s[0] - '0') * 10 + (s[1] - '0');
	out->month = (s[2] - '0') * 10 + (s[3] - '0');
	memcpy(out->division, s + 5, 6);
	memcpy(out->dept, s + 12, 2);
	memcpy(out->type, s + 15, 2);
	memcpy(out->serial, s + 18, 6);
	return r;
}

bool proj_code_normalize(const char *s, size_t len, char *out, size_t cap)
{
	return proj_text_fold(s, len, out, cap, NULL);
}

struct pcode_message {
	const char *zh, *en;
};

static const struct pcode_message messages[PCODE__COUNT] = {
	[PCODE_OK] = { "项目代码有效", "The project code is valid" },
	[PCODE_EMPTY] = { "项目代码为空", "The project code is empty" },
	[PCODE_BAD_FORMAT] = { "项目代码应为24位，由“-”连接的5段组成，如2411-130202-89-01-637015",
			       "A project code has 24 characters in five parts joined by '-', "
			       "e.g. 2411-130202-89-01-637015" },
	[PCODE_BAD_TIME] = { "项目代码第1段（时间代码）应为4位数字“年年月月”，月份01至12",
			     "Part 1 of the project code (time code) must be 4 digits YYMM "
			     "with a month 01-12" },
	[PCODE_BAD_DIVISION] = { "项目代码第2段（行政区划代码）应为6位数字",
				 "Part 2 of the project code (division code) must be 6 digits" },
	[PCODE_BAD_DEPT] = { "项目代码第3段（中央业务指导部门代码）应为2位数字",
			     "Part 3 of the project code (supervising department code) must "
			     "be 2 digits" },
	[PCODE_BAD_TYPE] = { "项目代码第4段（项目类型代码）应为2位数字",
			     "Part 4 of the project code (project type code) must be 2 digits" },
	[PCODE_BAD_SERIAL] = { "项目代码第5段（随机码和校验码）应为6位数字",
			       "Part 5 of the project code (random code and check) must be 6 "
			       "digits" },
};

static const struct pcode_message unknown = { "项目代码无效", "The project code is invalid" };

static const struct pcode_message *message_of(enum proj_code_result r)
{
	return (unsigned)r < PCODE__COUNT ? &messages[r] : &unknown;
}

const char *proj_code_result_zh(enum proj_code_result r)
{
	return message_of(r)->zh;
}

const char *proj_code_result_en(enum proj_code_result r)
{
	return message_of(r)->en;
}
