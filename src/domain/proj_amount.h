/* Amounts and dates as officials write them, for import and display.
 * Amounts are exact int64 元 (never floating point): "1.2亿元", "5000万",
 * "3,500.5万元", "1亿2000万", "１２万", or a bare "12000" in the caller's
 * default unit; formatted back the way reports write them ("1.2亿元",
 * "5,000万元"). Dates: "2024年3月1日", "2024年3月", "2024/3/1", "2024-03-01",
 * "2024.3.1", "20240301", "202403", Excel serial numbers, into proj_date
 * days. Pure; parsing uses only a bounded stack buffer. */
#ifndef GUATU_DOMAIN_PROJ_AMOUNT_H
#define GUATU_DOMAIN_PROJ_AMOUNT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest input accepted, in bytes, before folding. */
#define PROJ_AMOUNT_INPUT_MAX 96
/* Room for any formatted amount or date and its NUL. */
#define PROJ_AMOUNT_TEXT_MAX 48

enum proj_unit {
	PUNIT_YUAN, /* 元 */
	PUNIT_WAN,  /* 万元 = 10^4 元 */
	PUNIT_YI,   /* 亿元 = 10^8 元 */
	PUNIT__COUNT
};

enum proj_amount_error {
	PAMT_OK,
	PAMT_EMPTY,       /* nothing, or a placeholder: "-", "—", "/", "无" */
	PAMT_TOO_LONG,    /* more than PROJ_AMOUNT_INPUT_MAX bytes */
	PAMT_NEGATIVE,
	PAMT_APPROXIMATE, /* 约, 近, 超, 逾, 多, 余, 左右, 以上: not an exact amount */
	PAMT_BAD_NUMBER,  /* not digits with an optional fraction */
	PAMT_BAD_GROUPING,/* thousands separators not every three digits */
	PAMT_BAD_UNIT,    /* an unknown unit, or units not from large to small */
	PAMT_TOO_PRECISE, /* finer than 1 元 */
	PAMT_OVERFLOW,    /* beyond int64 元 */
	PAMT__COUNT
};

/* Parses s[0..len) (folded first: full-width digits, "，", "．", blanks)
 * into *yuan. Units: 元, 万/万元, 百万/百万元, 千万/千万元, 亿/亿元; several
 * from large to small add up ("1亿2000万元", "2亿5千万"); a number without
 * a unit takes default_unit, also after others ("1亿2000" with 万元 is
 * 1.2亿元; with 亿元 it is refused). A leading ¥ or ￥ is allowed. *yuan is untouched on
 * failure. s may be NULL when len is 0. */
enum proj_amount_error proj_amount_parse(const char *s, size_t len, enum proj_unit default_unit,
					 int64_t *yuan);
/* Static messages naming the fault, never NULL. */
const char *proj_amount_error_zh(enum proj_amount_error e);
const char *proj_amount_error_en(enum proj_amount_error e);

/* Flags of proj_amount_format. */
enum {
	PAFMT_NO_GROUPING = 1u << 0, /* "5000万元", not "5,000万元" */
	PAFMT_TRIM = 1u << 1,        /* "6亿元", not "6.0亿元" */
};

/* Writes yuan as reports do: from 1亿元 (in magnitude) in 亿元 rounded half
 * away from zero to two decimals, one trailing zero dropped ("1.2亿元",
 * "1.25亿元", "6.0亿元"; with PAFMT_TRIM "6亿元"); from 1万元 exactly in
 * 万元 with up to four decimals ("5,000万元", "3,500.5万元"); below that in
 * 元 ("8,500元"). Integer parts are grouped by thousands unless
 * PAFMT_NO_GROUPING. NUL-terminated, truncated to cap; returns the length
 * needed (as snprintf). */
size_t proj_amount_format(int64_t yuan, unsigned flags, char *out, size_t cap);
/* Writes yuan exactly as a plain number in unit, no grouping or unit name,
 * trailing fraction zeros dropped: 35005000 in 万元 -> "3500.5", in 亿元 ->
 * "0.35005"; for spreadsheet columns headed "（万元）". As snprintf. */
size_t proj_amount_format_in(int64_t yuan, enum proj_unit unit, char *out, size_t cap);

/* Years a written date may have. */
#define PROJ_TEXT_YEAR_MIN 1900
#define PROJ_TEXT_YEAR_MAX 2199

enum proj_date_error {
	PDATE_OK,
	PDATE_EMPTY,
	PDATE_TOO_LONG,
	PDATE_BAD_FORMAT, /* none of the forms accepted */
	PDATE_BAD_YEAR,   /* outside PROJ_TEXT_YEAR_MIN..MAX */
	PDATE_BAD_MONTH,  /* outside 1..12 */
	PDATE_BAD_DAY,    /* not a day of that month: 2024-02-30, 2023-02-29 */
	PDATE_BAD_SERIAL, /* an Excel serial outside the years accepted */
	PDATE__COUNT
};

/* Parses s[0..len) (folded first) into *out: Y年M月D日 (or 号), Y年M月,
 * Y-M-D, Y/M/D, Y.M.D, Y-M, Y/M, Y.M, YYYYMMDD, YYYYMM, and a 5-digit Excel
 * serial with an optional fraction (45352 or 45352.5 -> 2024-03-01). A
 * trailing time ("2024/3/1 0:00", "2024-03-01T08:30:00") is ignored.
 * Years have four digits; a month-only date is its first day and sets
 * *month_only (when non-NULL). *out is untouched on failure. */
enum proj_date_error proj_date_parse_text(const char *s, size_t len, int32_t *out,
					  bool *month_only);
/* An Excel (1900 system) serial day: days since 1899-12-30, for 61
 * (1900-03-01, after Excel's phantom 1900-02-29) and later. False, *out
 * untouched, outside 61 .. the serial of PROJ_TEXT_YEAR_MAX-12-31. */
bool proj_date_from_excel_serial(int64_t serial, int32_t *out);
/* Writes "2024年3月1日"; "" and 0 for an invalid date. As snprintf. */
size_t proj_date_format_zh(int32_t d, char *out, size_t cap);
/* Static messages naming the fault, never NULL. */
const char *proj_date_error_zh(enum proj_date_error e);
const char *proj_date_error_en(enum proj_date_error e);

#endif
