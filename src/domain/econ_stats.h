/* The arithmetic of economic operation (经济运行): nominal change, plausible
 * growth, unit mix-ups, shares of a group, ranks with ties, industry
 * structure (三次产业结构 0.2:26.7:73.1) and its change in points, and the
 * pace against an annual target (时间过半、任务过半). Values are exact int64
 * in an indicator's base unit; percentages are basis points (10000 = 100%).
 * Pure over caller arrays; nothing allocates. */
#ifndef GUATU_DOMAIN_ECON_STATS_H
#define GUATU_DOMAIN_ECON_STATS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The plausible range of a reported growth rate: -80% .. +300%. */
#define ECON_GROWTH_MIN_BP (-8000)
#define ECON_GROWTH_MAX_BP 30000
/* A value this many times larger or smaller than the same period last
 * year is taken for a unit mix-up (万元 for 亿元 is 10,000 times). */
#define ECON_UNIT_SUSPECT_FACTOR 500

/* Nominal change against the same period last year, (value - last) / last
 * in bp, rounded half away from zero; false when last <= 0 or on overflow.
 * Kept apart from the reported (comparable-price) growth. */
bool econ_nominal_change_bp(int64_t value, int64_t last_year, int64_t *bp);
/* True when bp lies in ECON_GROWTH_MIN_BP..ECON_GROWTH_MAX_BP. */
bool econ_growth_plausible(int64_t bp);

enum econ_unit_check {
	EUNITCHK_OK,
	EUNITCHK_TOO_LARGE, /* >= FACTOR times last year's: 万元 read as 亿元? */
	EUNITCHK_TOO_SMALL, /* <= 1/FACTOR of last year's: 亿元 read as 万元? */
};
/* Compares a value with a reference of the same indicator and span (same
 * period last year). OK when either is <= 0 (nothing to compare). */
enum econ_unit_check econ_unit_check(int64_t value, int64_t reference);

/* part / total in bp; false when total <= 0 or on overflow. */
bool econ_share_bp(int64_t part, int64_t total, int64_t *bp);

/* Standard competition ranks, largest first (1, 2, 2, 4): rank[i] for each
 * present[i], 0 for the absent. present may be NULL (all present). */
void econ_rank_desc(const int64_t *v, const bool *present, size_t n, int *rank);
/* Rank change from before to now: positive when it rose (3rd -> 1st is
 * +2); 0 when either is 0 (unranked). */
int econ_rank_change(int before, int now);

/* 三次产业结构: each industry's share of their sum. bp are rounded; pm are
 * per mille (one decimal of a percent) by largest remainder so they sum to
 * exactly 1000, as reports print "0.2:26.7:73.1". */
struct econ_structure {
	int64_t bp[3];
	int pm[3];
};
/* False when a part is negative or the sum is 0 or overflows. */
bool econ_structure_of(const int64_t part[3], struct econ_structure *out);
/* Writes "0.2:26.7:73.1"; as snprintf. */
size_t econ_structure_format(const struct econ_structure *s, char *out, size_t cap);
/* Change of each share from before to now in bp (2.8 points = 280). */
void econ_structure_change(const struct econ_structure *before, const struct econ_structure *now,
			   int64_t change_bp[3]);

enum econ_pace_status {
	EPACE_NO_TARGET, /* no amount to measure against */
	EPACE_AHEAD,     /* done share above the elapsed share */
	EPACE_ON_PACE,   /* within half a point */
	EPACE_BEHIND,
	EPACE_DONE,      /* the annual target is reached */
	EPACE__COUNT
};

struct econ_pace {
	int64_t done_bp;          /* value / target amount */
	int64_t elapsed_bp;       /* months elapsed / 12 (序时进度) */
	int64_t gap_bp;           /* done_bp - elapsed_bp: ahead (+) or behind (-) */
	int64_t remaining;        /* target - value, 0 when reached */
	int remaining_months;     /* 12 - month */
	int64_t per_month_needed; /* remaining / remaining months, rounded up */
	int64_t per_month_so_far; /* value / months elapsed, rounded */
	enum econ_pace_status status;
};
/* Pace of a cumulative value at the end of month 1..12 against an annual
 * target amount (> 0). False on a bad month or overflow; with target <= 0
 * only elapsed_bp and per_month_so_far are set and status is NO_TARGET. */
bool econ_pace_of(int64_t value, int64_t target, int month, struct econ_pace *out);
/* The annual amount a growth target implies: last year's full-year value
 * times (1 + growth), rounded; false when last_year <= 0 or on overflow. */
bool econ_target_from_growth(int64_t last_year_total, int64_t growth_bp, int64_t *amount);
/* "no_target", "ahead", "on_pace", "behind", "done"; "" out of range. */
const char *econ_pace_status_code(enum econ_pace_status s);

#endif
