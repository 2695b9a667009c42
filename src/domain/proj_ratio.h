/* Exact ratios for the projects module: percentages are int64 basis points
 * (万分之一, 10000 = 100%), computed from int64 counts or 元 amounts without
 * floating point, rounded half away from zero. Pure; nothing allocates. */
#ifndef GUATU_DOMAIN_PROJ_RATIO_H
#define GUATU_DOMAIN_PROJ_RATIO_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 100% in basis points. */
#define PROJ_BP_FULL 10000
/* Room for any proj_bp_format result ("-92233720368547758.08" and NUL). */
#define PROJ_BP_TEXT_MAX 24

/* *out = a * b / d rounded half away from zero, computed exactly (the
 * product may exceed int64). False, *out untouched, when d is 0 or the
 * result does not fit in int64. Any signs. */
bool proj_muldiv_round(int64_t a, int64_t b, int64_t d, int64_t *out);
/* *bp = num / den in basis points, rounded half away from zero (1/3 ->
 * 3333, 2/3 -> 6667, 1/8 -> 1250). False when den is 0 or on overflow. */
bool proj_ratio_bp(int64_t num, int64_t den, int64_t *bp);
/* Writes bp as a percentage number with exactly two decimals, no "%":
 * 5000 -> "50.00", 1850 -> "18.50", -5 -> "-0.05". NUL-terminated and
 * truncated to cap; returns the length it needed (as snprintf). */
size_t proj_bp_format(int64_t bp, char *out, size_t cap);
/* Like proj_bp_format with trailing zeros and a bare point dropped, as
 * reports write numbers in sentences: 1850 -> "18.5", 5000 -> "50",
 * 5 -> "0.05". */
size_t proj_bp_format_short(int64_t bp, char *out, size_t cap);

#endif
