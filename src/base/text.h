/* Strict parsing of numbers and small text helpers (no atoi). */
#ifndef GUATU_BASE_TEXT_H
#define GUATU_BASE_TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whole string must be a decimal integer in [min,max]. */
bool text_to_i64(const char *s, int64_t min, int64_t max, int64_t *out);
/* Copies at most cap-1 bytes and terminates; returns false if truncated. */
bool text_copy(char *dst, size_t cap, const char *src);
/* Number of UTF-8 code points; -1 if s is not valid UTF-8. */
long text_utf8_len(const char *s, size_t len);
/* Constant-time comparison of two NUL-terminated strings. */
bool text_equal_ct(const char *a, const char *b);

#endif
