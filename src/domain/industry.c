#include "domain/industry.h"

#include <string.h>

/* The divisions of each GB/T 4754-2017 section, in order A..T. */
static const struct {
	char section;
	int first, last;
} sections[] = {
	{ 'A', 1, 5 },   { 'B', 6, 12 },  { 'C', 13, 43 }, { 'D', 44, 46 },
	{ 'E', 47, 50 }, { 'F', 51, 52 }, { 'G', 53, 60 }, { 'H', 61, 62 },
	{ 'I', 63, 65 }, { 'J', 66, 69 }, { 'K', 70, 70 }, { 'L', 71, 72 },
	{ 'M', 73, 75 }, { 'N', 76, 79 }, { 'O', 80, 82 }, { 'P', 83, 83 },
	{ 'Q', 84, 85 }, { 'R', 86, 90 }, { 'S', 91, 96 }, { 'T', 97, 97 },
};

enum { N_SECTIONS = sizeof sections / sizeof sections[0] };

char industry_section_of_division(int division)
{
	for (size_t i = 0; i < N_SECTIONS; i++)
		if (division >= sections[i].first && division <= sections[i].last)
			return sections[i].section;
	return 0;
}

static bool is_section(char c)
{
	return c >= 'A' && c <= 'T';
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Section of the digit part d[0..n), 0 when it is not a valid code. */
static char section_of_digits(const char *d, size_t n)
{
	if (n < 2 || n > 4 || !all_digits(d, n))
		return 0;
	return industry_section_of_division((d[0] - '0') * 10 + (d[1] - '0'));
}

/* Section letter the code s[0..len) belongs to, 0 when it is invalid. */
static char section_of_code(const char *s, size_t len)
{
	if (!s || len == 0 || len > INDUSTRY_CODE_MAX)
		return 0;
	if (!is_section(s[0]))
		return section_of_digits(s, len);
	if (len == 1)
		return s[0];
	return section_of_digits(s + 1, len - 1) == s[0] ? s[0] : 0;
}

bool industry_code_valid(const char *s, size_t len)
{
	return section_of_code(s, len) != 0;
}

bool industry_normalize(const char *s, size_t len, char out[INDUSTRY_CODE_MAX + 1])
{
	char section = section_of_code(s, len);
	out[0] = '\0';
	if (!section)
		return false;
	size_t skip = is_section(s[0]) ? 1 : 0;
	out[0] = section;
	memcpy(out + 1, s + skip, len - skip);
	out[1 + len - skip] = '\0';
	return true;
}
