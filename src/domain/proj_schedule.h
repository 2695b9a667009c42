/* 倒排工期: milestones planned backwards from a target date, and forwards
 * from a start, over a DAG of finish-to-start dependencies (critical path
 * method in calendar days); baseline against current plan and actuals;
 * planned against actual progress. Caller-provided arrays, fixed maximum
 * sizes, nothing allocates.
 *
 * Every date here is a proj_date day and every finish is INCLUSIVE, the
 * way people write it: a 15-day milestone starting 2024-03-31 finishes
 * 2024-04-14, and its successor starts 2024-04-15. A milestone of duration
 * 0 is an event (开工, 签约) that happens on one day: it starts and
 * finishes that day and its successors may start the same day. */
#ifndef GUATU_DOMAIN_PROJ_SCHEDULE_H
#define GUATU_DOMAIN_PROJ_SCHEDULE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROJ_SCHED_MAX 64       /* milestones in one network */
#define PROJ_SCHED_MAX_DEPS 8   /* predecessors of one milestone */
#define PROJ_SCHED_MAX_DAYS 3660 /* the longest duration, ten years */

struct proj_milestone {
	int64_t id;       /* the caller's key (row id, template number), unique */
	const char *name; /* borrowed, only for messages; may be NULL */
	int32_t duration; /* calendar days 0..PROJ_SCHED_MAX_DAYS; 0 = event */
	int32_t deadline; /* finish no later than this, or PROJ_DATE_NONE */
	size_t n_deps;
	int64_t deps[PROJ_SCHED_MAX_DEPS]; /* ids that must finish first */
};

enum proj_sched_code {
	PSCHED_OK,
	PSCHED_EMPTY,         /* no milestones */
	PSCHED_TOO_MANY,      /* more than PROJ_SCHED_MAX */
	PSCHED_TOO_MANY_DEPS, /* n_deps above PROJ_SCHED_MAX_DEPS */
	PSCHED_BAD_DURATION,  /* outside 0..PROJ_SCHED_MAX_DAYS */
	PSCHED_DUPLICATE_ID,  /* index is the second milestone with the id */
	PSCHED_UNKNOWN_DEP,   /* dep_id names no milestone */
	PSCHED_SELF_DEP,      /* depends on itself */
	PSCHED_CYCLE,         /* index is a milestone on a dependency cycle */
	PSCHED_NO_ANCHOR,     /* neither a start nor a target date */
	PSCHED_BAD_DATE,      /* start, target or a deadline is not a valid date */
	PSCHED_OUT_OF_RANGE,  /* the plan runs outside the supported dates */
	PSCHED__COUNT
};

struct proj_sched_error {
	enum proj_sched_code code;
	size_t index;   /* the milestone at fault, when the code names one */
	int64_t dep_id; /* the unknown dependency, for PSCHED_UNKNOWN_DEP */
};

struct proj_sched_input {
	const struct proj_milestone *ms; /* borrowed, n entries */
	size_t n;
	int32_t start;  /* project start, or PROJ_DATE_NONE: start as late as
			   the target allows (the latest start) */
	int32_t target; /* finish of the last milestones (those nothing depends
			   on), or PROJ_DATE_NONE: as early as the start allows */
};

/* Per milestone: earliest and latest start and finish, total float in
 * days (negative when the target cannot be met from the start). */
struct proj_sched_times {
	int32_t es, ef, ls, lf;
	int32_t total_float;
	bool critical; /* float equal to the network's least float */
};

struct proj_sched_result {
	struct proj_sched_times t[PROJ_SCHED_MAX]; /* indexed like the input */
	size_t order[PROJ_SCHED_MAX];    /* a topological order of all n */
	size_t critical[PROJ_SCHED_MAX]; /* the critical milestones in start
					    order: the chain(s) of least float */
	size_t n_critical;
	int32_t start;         /* the start used (given or latest) */
	int32_t finish;        /* latest earliest finish: when the plan ends */
	int32_t latest_finish; /* latest late finish: target or finish */
	int32_t min_float;     /* least total float */
	bool feasible;         /* min_float >= 0: the target can be met */
};

/* Forward and backward passes over in. With only a target the start is the
 * latest start that meets it (float 0 on the critical chain); with only a
 * start the target is the earliest finish; with both the floats show the
 * room (or the shortfall). A deadline caps a milestone's late finish.
 * Returns PSCHED_OK and fills *out, or the first fault in *err (when
 * non-NULL) with *out unspecified. */
enum proj_sched_code proj_sched_plan(const struct proj_sched_input *in,
				     struct proj_sched_result *out, struct proj_sched_error *err);
/* Static message for a code, never NULL. */
const char *proj_sched_code_zh(enum proj_sched_code c);
const char *proj_sched_code_en(enum proj_sched_code c);
/* The error as a sentence naming the milestone by name (or id) and the
 * unknown dependency: "里程碑“用地”：依赖的里程碑不存在（编号 99）". ms is
 * the input that failed. NUL-terminated, truncated to cap; returns the
 * length needed (as snprintf). */
size_t proj_sched_error_format(const struct proj_sched_error *e, const struct proj_milestone *ms,
			       size_t n, bool zh, char *out, size_t cap);

/* One milestone's dates for tracking; PROJ_DATE_NONE where not known. */
struct proj_ms_track {
	int32_t base_start, base_finish;     /* the saved baseline */
	int32_t plan_start, plan_finish;     /* the current plan */
	int32_t actual_start, actual_finish; /* when it really happened */
	int64_t weight;      /* share in progress; 0: its planned days */
	int64_t reported_bp; /* progress reported for an unfinished milestone
				0..10000, or -1 for none */
};

struct proj_ms_slip {
	bool has_baseline;       /* compared to the baseline, else to the plan */
	bool done;               /* actual_finish is known */
	bool overdue;            /* not done and past its planned finish */
	bool late_start;         /* not started and past its planned start, or
				    started after the reference start */
	int32_t forecast_start;  /* actual, or planned, or today when late */
	int32_t forecast_finish; /* actual, or planned, or today when overdue */
	int32_t start_slip;      /* forecast - reference start, days (+ late) */
	int32_t finish_slip;     /* forecast - reference finish, days (+ late) */
};

struct proj_slip_summary {
	size_t n_late;          /* finish_slip > 0 */
	size_t n_overdue;
	size_t worst;           /* index of the largest finish_slip */
	int32_t max_slip;       /* that slip (0 when n is 0) */
	int32_t reference_end;  /* the latest reference finish */
	int32_t forecast_end;   /* the latest forecast finish */
	int32_t end_slip;       /* forecast_end - reference_end */
};

/* Compares each of ms[0..n) against its baseline (or its current plan when
 * it has no baseline) as of today, into out[0..n) and *sum (either may be
 * NULL). False when n is 0 or a milestone lacks plan dates or has a finish
 * before its start, or today is invalid; outputs are then unspecified. */
bool proj_sched_compare(const struct proj_ms_track *ms, size_t n, int32_t today,
			struct proj_ms_slip *out, struct proj_slip_summary *sum);
/* Planned and actual progress at the end of day at, in basis points,
 * weighted by weight (or planned days). Planned: each milestone's elapsed
 * share of its baseline (or plan) range. Actual: 100% for a milestone
 * finished by at, else its reported_bp if started by at, else 0. False on
 * the conditions of proj_sched_compare or a reported_bp outside 0..10000. */
bool proj_sched_progress(const struct proj_ms_track *ms, size_t n, int32_t at,
			 int64_t *planned_bp, int64_t *actual_bp);

#endif
