/* How the 经济运行 briefing writes numbers, in the register of the district
 * reports: amounts in 亿元 with one decimal ("427.8亿元"), growth rates with
 * one decimal and a bare ".0" dropped ("8.4%", "23%"), gaps in 个百分点.
 * Exact integer arithmetic, rounded half away from zero. Pure. */
#ifndef GUATU_DOMAIN_BRIEF_FORMAT_H
#define GUATU_DOMAIN_BRIEF_FORMAT_H
#include <stddef.h>
#include <stdint.h>

/* Room for any result of the functions below, NUL included. */
#define BRIEF_NUM_MAX 48

/* 元 as officials say it: from 1亿 up "427.8亿元" (one decimal, always),
 * below it whole 万元 ("4500万元"), below 1万 "3200元". A negative amount
 * keeps its sign. Returns the length written (truncated to cap). */
size_t brief_fmt_amount(int64_t yuan, char *out, size_t cap);
/* A percentage given in basis points, one decimal, ".0" dropped, with "%":
 * 840 -> "8.4%", 2300 -> "23%", -290 -> "-2.9%", 4 -> "0%". */
size_t brief_fmt_pct(int64_t bp, char *out, size_t cap);
/* The magnitude of a difference of percentages in points, one decimal,
 * ".0" dropped: 140 -> "1.4个百分点", -890 -> "8.9个百分点". */
size_t brief_fmt_points(int64_t bp, char *out, size_t cap);
/* A count with its unit: (5162, 1, "户") -> "5162户"; with a scale above 1
 * the quotient to one decimal: (12345678, 10000, "万美元") -> "1234.6万美元". */
size_t brief_fmt_count(int64_t n, int64_t scale, const char *unit, char *out, size_t cap);
/* The cumulative period as reports name it: month 2 "1-2月", 3 "一季度",
 * 6 "上半年", 9 "前三季度", 12 "全年", 1 "1月", other m "1-m月";
 * "" outside 1..12. Static text or out. */
const char *brief_period_zh(int month, char *out, size_t cap);

#endif
