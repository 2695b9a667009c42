/* GB/T 2260 administrative division codes as 6-digit strings PPCCDD:
 * validity, level, coverage of one scope over another, SQL ranges. */
#ifndef GUATU_DOMAIN_REGION_H
#define GUATU_DOMAIN_REGION_H
#include <stdbool.h>
#include <stddef.h>

#define REGION_CODE_LEN 6

enum region_level {
	REGION_INVALID = 0,
	REGION_PROVINCE = 1, /* PP0000 */
	REGION_CITY = 2,     /* PPCC00 */
	REGION_COUNTY = 3,   /* PPCCDD: district, county, county-level city */
};

/* True when s[0..len) is exactly 6 ASCII digits whose province part PP is
 * one of the GB/T 2260 provinces (11-15, 21-23, 31-37, 41-46, 50-54, 61-65,
 * 71, 81, 82) and which is not a county under no city (CC = 00, DD != 00).
 * No terminator needed; s may be NULL when len is 0. */
bool region_code_valid(const char *s, size_t len);
/* Level of the 6 characters at code (enum region_level); 0 when invalid. */
int region_level(const char code[6]);
/* True when scope and code are valid NUL-terminated codes and code lies in
 * scope: a province covers its PP****, a city its PPCC**, a county only
 * itself. Every valid scope covers itself; an invalid one covers nothing. */
bool region_covers(const char *scope, const char *code);
/* Writes NUL-terminated inclusive bounds for SQL "region BETWEEN lo AND hi"
 * over the codes scope covers: 220000 -> 220000..229999, 220100 ->
 * 220100..220199, 220104 -> 220104..220104. For an invalid scope the range
 * is empty (lo "999999" > hi "000000"), so the query matches nothing. */
void region_range(const char *scope, char lo[7], char hi[7]);
/* The enclosing division of a valid NUL-terminated code, NUL-terminated in
 * out: 220104 -> 220100 -> 220000. False for a province or an invalid code,
 * and out is then "". */
bool region_parent(const char *code, char out[7]);

#endif
