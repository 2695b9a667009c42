/* Reporting periods of economic statistics (经济运行). Chinese statistics
 * are cumulative year to date: a period is a year and the last month it
 * covers. Monthly indicators whose January is published with February
 * (1-2月 together) have no period ending in January; quarterly indicators
 * end in March, June, September, December (一季度, 上半年, 前三季度, 全年).
 * Canonical text: "2023-06" (monthly, January to June) and "2023-Q2"
 * (quarterly). Pure; nothing allocates. */
#ifndef GUATU_DOMAIN_ECON_PERIOD_H
#define GUATU_DOMAIN_ECON_PERIOD_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum econ_periodicity { EPER_MONTHLY, EPER_QUARTERLY, EPER__COUNT };

/* Room for any period text or label and its NUL. */
#define ECON_PERIOD_TEXT_MAX 32
#define ECON_YEAR_MIN 1949
#define ECON_YEAR_MAX 2199

struct econ_period {
	int year;  /* ECON_YEAR_MIN..ECON_YEAR_MAX */
	int month; /* the last month covered, 1..12 */
};

enum econ_period_error {
	EPERIOD_OK,
	EPERIOD_BAD_FORMAT,      /* not YYYY-MM or YYYY-Qn */
	EPERIOD_BAD_YEAR,        /* outside ECON_YEAR_MIN..MAX */
	EPERIOD_JANUARY_MERGED,  /* 1月 alone for an indicator reported as 1-2月 */
	EPERIOD_NOT_QUARTER_END, /* a month that ends no quarter, for a quarterly one */
	EPERIOD_QUARTER_MONTHLY, /* "YYYY-Qn" for a monthly indicator (say YYYY-MM) */
	EPERIOD__COUNT
};

/* "monthly" / "quarterly"; "" out of range. And back: -1 when unknown. */
const char *econ_periodicity_code(enum econ_periodicity p);
int econ_periodicity_from_code(const char *s);

/* Parses "YYYY-MM", "YYYY-M", "YYYY-Qn" (q or Q) into *out and sets
 * *quarter_form for the Q form (either may be NULL). No check against an
 * indicator: see econ_period_check. *out untouched on failure. */
enum econ_period_error econ_period_parse(const char *s, struct econ_period *out,
					 bool *quarter_form);
/* Parses and checks s for an indicator of periodicity per whose January is
 * reported with February when jan_feb_merged. Quarterly indicators take
 * "2023-Q2" or the quarter's last month "2023-06". */
enum econ_period_error econ_period_parse_for(const char *s, enum econ_periodicity per,
					     bool jan_feb_merged, struct econ_period *out);
/* EPERIOD_OK when p exists for that kind of indicator. */
enum econ_period_error econ_period_check(struct econ_period p, enum econ_periodicity per,
					 bool jan_feb_merged);
/* Canonical text ("2023-06", "2023-Q2"); as snprintf. */
size_t econ_period_format(struct econ_period p, enum econ_periodicity per, char *out, size_t cap);
/* How reports name the span: monthly "1-2月", "1-6月", "1-12月" ("1月" when
 * not merged); quarterly "一季度", "上半年", "前三季度", "全年". English: "Jan-Feb",
 * "Jan-Jun", "Q1", "H1", "Q1-Q3", "full year". As snprintf; "" when p is
 * invalid. */
size_t econ_period_label_zh(struct econ_period p, enum econ_periodicity per, char *out,
			    size_t cap);
size_t econ_period_label_en(struct econ_period p, enum econ_periodicity per, char *out,
			    size_t cap);
/* Static messages naming the fault, never NULL. */
const char *econ_period_error_zh(enum econ_period_error e);
const char *econ_period_error_en(enum econ_period_error e);

/* Finds the period a sheet title names: "2023年1-6月" (also 1—6月, 1～6月,
 * 1至6月), "2023年6月", "2023年上半年", "一季度", "前三季度", "全年". Sets
 * *quarter_form for the quarter words (may be NULL). False when s names
 * none. */
bool econ_period_from_title(const char *s, struct econ_period *out, bool *quarter_form);

/* year * 12 + month - 1: orders periods. */
int32_t econ_period_index(struct econ_period p);
/* The first period of a year: month 2 (merged), 1 (monthly) or 3. */
int econ_period_first_month(enum econ_periodicity per, bool jan_feb_merged);
/* The period before p in the same year; false at the year's first one. */
bool econ_period_prev_in_year(struct econ_period p, enum econ_periodicity per,
			      bool jan_feb_merged, struct econ_period *out);
/* The period before p, crossing into the previous year's last (12). */
bool econ_period_prev(struct econ_period p, enum econ_periodicity per, bool jan_feb_merged,
		      struct econ_period *out);
/* The same period a year earlier (同期). */
struct econ_period econ_period_last_year(struct econ_period p);
/* The latest period of that kind of indicator ending at or before month
 * asof (for a quarterly one at 2023-07: 2023-06; at 2023-02: 2022-12; for
 * a merged monthly one at 2023-01: 2022-12). */
struct econ_period econ_period_at_or_before(struct econ_period asof, enum econ_periodicity per,
					    bool jan_feb_merged);
/* Fills out[0..n) with the n periods ending at p, oldest first, crossing
 * years (the trend of a chart). Returns the count written (<= cap). */
size_t econ_periods_back(struct econ_period p, enum econ_periodicity per, bool jan_feb_merged,
			 size_t n, struct econ_period *out, size_t cap);

/* The amount of each period alone from cumulative values (当月 / 当季 from
 * 累计): for i with a known value (known[i]), the value minus the previous
 * period's of the same year when that is known at i-1 and in the same
 * year; the value itself at the year's first period. periods must be in
 * ascending order. single_known[i] is false when it cannot be derived.
 * False on overflow or unordered periods. */
bool econ_cum_to_single(const struct econ_period *periods, const int64_t *cum,
			const bool *known, size_t n, enum econ_periodicity per,
			bool jan_feb_merged, int64_t *single, bool *single_known);

#endif
