/* GB/T 4754-2017 industry codes: section letter A-T (门类), division 2
 * digits (大类), group 3 (中类), class 4 (小类), e.g. "C", "C36", "C3612". */
#ifndef GUATU_DOMAIN_INDUSTRY_H
#define GUATU_DOMAIN_INDUSTRY_H
#include <stdbool.h>
#include <stddef.h>

/* Longest code: letter and 4 digits. */
#define INDUSTRY_CODE_MAX 5

/* True when s[0..len) is a section letter A-T alone, a section letter
 * followed by 2, 3 or 4 digits, or 2, 3 or 4 digits alone, where the first
 * two digits are a division 01-97 and a letter, if given, is the section
 * of that division ("A36" is refused). Upper case only. No terminator
 * needed; s may be NULL when len is 0. */
bool industry_code_valid(const char *s, size_t len);
/* The section letter ('A'-'T') of a division number 1-97; 0 otherwise. */
char industry_section_of_division(int division);
/* Writes the code with its section letter, NUL-terminated ("3612" ->
 * "C3612", "C36" -> "C36"). False, with out "", when s[0..len) is not
 * valid by industry_code_valid. */
bool industry_normalize(const char *s, size_t len, char out[INDUSTRY_CODE_MAX + 1]);

#endif
