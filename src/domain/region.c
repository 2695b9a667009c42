#include "domain/region.h"

#include <string.h>

/* The provinces of GB/T 2260, as ranges of the two-digit PP part. */
static const struct {
	int lo, hi;
} provinces[] = {
	{ 11, 15 }, { 21, 23 }, { 31, 37 }, { 41, 46 }, { 50, 54 },
	{ 61, 65 }, { 71, 71 }, { 81, 82 },
};

static bool province_known(int pp)
{
	for (size_t i = 0; i < sizeof provinces / sizeof provinces[0]; i++)
		if (pp >= provinces[i].lo && pp <= provinces[i].hi)
			return true;
	return false;
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static bool is_00(const char *two)
{
	return two[0] == '0' && two[1] == '0';
}

bool region_code_valid(const char *s, size_t len)
{
	if (!s || len != REGION_CODE_LEN || !all_digits(s, len))
		return false;
	if (!province_known((s[0] - '0') * 10 + (s[1] - '0')))
		return false;
	return !(is_00(s + 2) && !is_00(s + 4));
}

int region_level(const char code[6])
{
	if (!region_code_valid(code, REGION_CODE_LEN))
		return REGION_INVALID;
	if (is_00(code + 2))
		return REGION_PROVINCE;
	return is_00(code + 4) ? REGION_CITY : REGION_COUNTY;
}

/* Level of a NUL-terminated code, REGION_INVALID unless exactly 6 chars. */
static int level_of_str(const char *s)
{
	if (!s || strnlen(s, REGION_CODE_LEN + 1) != REGION_CODE_LEN)
		return REGION_INVALID;
	return region_level(s);
}

/* Number of leading digits that a scope of this level fixes. */
static size_t prefix_len(int level)
{
	return level == REGION_PROVINCE ? 2 : level == REGION_CITY ? 4 : 6;
}

bool region_covers(const char *scope, const char *code)
{
	int level = level_of_str(scope);
	if (level == REGION_INVALID || level_of_str(code) == REGION_INVALID)
		return false;
	return memcmp(scope, code, prefix_len(level)) == 0;
}

void region_range(const char *scope, char lo[7], char hi[7])
{
	int level = level_of_str(scope);
	if (level == REGION_INVALID) {
		memcpy(lo, "999999", 7);
		memcpy(hi, "000000", 7);
		return;
	}
	size_t n = prefix_len(level);
	memcpy(lo, scope, REGION_CODE_LEN);
	memcpy(hi, scope, n);
	memset(hi + n, '9', REGION_CODE_LEN - n);
	lo[REGION_CODE_LEN] = hi[REGION_CODE_LEN] = '\0';
}

bool region_parent(const char *code, char out[7])
{
	int level = level_of_str(code);
	out[0] = '\0';
	if (level != REGION_CITY && level != REGION_COUNTY)
		return false;
	size_t keep = prefix_len(level - 1);
	memcpy(out, code, keep);
	memset(out + keep, '0', REGION_CODE_LEN - keep);
	out[REGION_CODE_LEN] = '\0';
	return true;
}
