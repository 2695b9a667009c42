/* 统一社会信用代码 (GB 32100-2015): shape, check character and region part.
 * Pure functions over caller-owned buffers; nothing allocates. */
#ifndef GUATU_DOMAIN_CREDIT_CODE_H
#define GUATU_DOMAIN_CREDIT_CODE_H
#include <stdbool.h>
#include <stddef.h>

#define CREDIT_CODE_LEN 18

enum cc_result { CC_OK, CC_BAD_LENGTH, CC_BAD_CHAR, CC_BAD_CHECK };

/* Checks len bytes of s (no terminator needed). Lower-case letters are bad
 * characters: call credit_code_normalize first to accept them. On failure
 * *bad_pos (when bad_pos is non-NULL) is the offending index: the first bad
 * character, 17 for a wrong check character, or min(len, 18) for a bad
 * length. s may be NULL only when len is 0. A CC_BAD_CHECK code is to be
 * warned about, not refused: some real older codes fail it. */
enum cc_result credit_code_check(const char *s, size_t len, size_t *bad_pos);
/* Upper-cases the ASCII letters of s[0..len) in place; other bytes untouched. */
void credit_code_normalize(char *s, size_t len);
/* The check character for the first 17 characters (no terminator needed);
 * 0 when any of them is outside the alphabet. */
char credit_code_check_char(const char first17[17]);
/* Copies characters 3-8 (the GB/T 2260 division of the registering
 * authority) into out, NUL-terminated. True when code18 is a NUL-terminated
 * string of 18 characters of the alphabet (the check character may fail)
 * whose division part is a valid region code; on false out is "". Central
 * registrations (division 100000) have no region. */
bool credit_code_region(const char *code18, char out[7]);
/* Static messages for r, never NULL. */
const char *credit_code_result_zh(enum cc_result r);
const char *credit_code_result_en(enum cc_result r);

#endif
