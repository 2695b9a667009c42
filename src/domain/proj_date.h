/* Civil dates for the projects module: an int32 count of days since
 * 1970-01-01 in the proleptic Gregorian calendar, no time of day, no time
 * zone. Months, quarters, and 序时进度 (the pro-rata schedule, elapsed
 * months / 12: "时间过半、任务过半"). Pure; nothing allocates. */
#ifndef GUATU_DOMAIN_PROJ_DATE_H
#define GUATU_DOMAIN_PROJ_DATE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* "No date" (not started, not yet obtained): never a valid date. */
#define PROJ_DATE_NONE INT32_MIN
/* The supported range: 0001-01-01 .. 9999-12-31. */
#define PROJ_DATE_MIN (-719162)
#define PROJ_DATE_MAX 2932896
/* "YYYY-MM-DD" without its NUL. */
#define PROJ_DATE_ISO_LEN 10

struct proj_ymd {
	int year;  /* 1..9999 */
	int month; /* 1..12 */
	int day;   /* 1..31 */
};

/* True when d lies in PROJ_DATE_MIN..PROJ_DATE_MAX (so not NONE). */
bool proj_date_valid(int32_t d);
/* Gregorian leap year: divisible by 4, except centuries not by 400. */
bool proj_is_leap_year(int year);
/* 28..31; 0 when year is outside 1..9999 or month outside 1..12. */
int proj_days_in_month(int year, int month);
/* The date of year-month-day. False, *out untouched, when it does not
 * exist (2024-02-30, 2023-02-29, month 13) or is out of range. */
bool proj_date_from_ymd(int year, int month, int day, int32_t *out);
/* Strict "YYYY-MM-DD" (len bytes of s, exactly PROJ_DATE_ISO_LEN, years
 * 1900..2199 as stored); false, *out untouched, for anything else. */
bool proj_date_parse_iso(const char *s, size_t len, int32_t *out);
/* Splits a valid date; false, *out untouched, for an invalid one. */
bool proj_date_to_ymd(int32_t d, struct proj_ymd *out);
/* Year 1..9999, month 1..12 of d; 0 for an invalid date. */
int proj_date_year(int32_t d);
int proj_date_month(int32_t d);
/* d plus months (may be negative), the day clamped to the target month:
 * 2024-01-31 + 1 -> 2024-02-29, 2023-03-31 - 1 -> 2023-02-28. False, *out
 * untouched, when d is invalid or the result is out of range. */
bool proj_date_add_months(int32_t d, int months, int32_t *out);
/* Months since year 0: year * 12 + month - 1, for comparing and counting
 * calendar months; -1 for an invalid date. */
int32_t proj_month_index(int32_t d);
/* Calendar months from the month of a to the month of b, days ignored
 * (2024-03-31 -> 2024-04-01 is 1). 0 when either date is invalid. */
int proj_months_between(int32_t a, int32_t b);
/* Quarter 1..4 of month 1..12; 0 otherwise. */
int proj_quarter_of_month(int month);
/* First and last day of a month or quarter of a year; false, outputs
 * untouched, when the arguments are out of range. */
bool proj_month_range(int year, int month, int32_t *first, int32_t *last);
bool proj_quarter_range(int year, int quarter, int32_t *first, int32_t *last);
/* 序时进度 at the end of month 0..12 in basis points, round(month * 10000
 * / 12): 3 -> 2500, 6 -> 5000, 9 -> 7500, 1 -> 833, 2 -> 1667; -1 for a
 * month outside 0..12. */
int64_t proj_pace_month_bp(int month);
/* Elapsed share of the inclusive day range first..last at the end of day
 * at, in basis points rounded half away from zero: 0 before first, 10000
 * from last on (at 2024-06-30 the range 2024-01-01..2024-12-31 is 182/366
 * = 4973). False when a date is invalid or last < first. */
bool proj_pace_range_bp(int32_t first, int32_t last, int32_t at, int64_t *bp);
/* Writes "YYYY-MM-DD" and a NUL into out; false with out "" when d is
 * invalid. */
bool proj_date_format_iso(int32_t d, char out[PROJ_DATE_ISO_LEN + 1]);

#endif
