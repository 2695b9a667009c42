/* The project lifecycle 谋划 → 储备 → 签约 → 落位 → 前期手续 → 开工 → 在建 → 竣工
 * → 投产 → 入库入统 as a table, and the guard on a move between stages:
 * forward one or more steps when every stage passed or reached has its
 * preconditions, backward only as a correction with a reason, never to the
 * same stage. Pure; nothing allocates. */
#ifndef GUATU_DOMAIN_PROJ_STAGE_H
#define GUATU_DOMAIN_PROJ_STAGE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/proj_procedure.h"

enum proj_stage {
	PSTAGE_PLANNING,  /* 谋划 */
	PSTAGE_RESERVE,   /* 储备 */
	PSTAGE_SIGNED,    /* 签约 */
	PSTAGE_LOCATED,   /* 落位 */
	PSTAGE_PREPARING, /* 前期手续 */
	PSTAGE_STARTED,   /* 开工 */
	PSTAGE_BUILDING,  /* 在建 */
	PSTAGE_COMPLETED, /* 竣工 */
	PSTAGE_OPERATING, /* 投产 (达效) */
	PSTAGE_IN_STATS,  /* 入库入统 */
	PSTAGE__COUNT
};

struct proj_stage_info {
	enum proj_stage stage;
	const char *code; /* stable ASCII key: "planning" ... "in_stats" */
	const char *zh, *en;
	int order;        /* 1..10 along the lifecycle */
};

/* The static row of s; NULL when s is out of range. */
const struct proj_stage_info *proj_stage_info(enum proj_stage s);
/* The stage whose code, Chinese name or alias ("投产/达效", "达效", "入统",
 * "入库", "前期", "建设中", "施工") is s[0..len); -1 when none. */
int proj_stage_find(const char *s, size_t len);
/* True from 开工 on: the project has started (or, 续建, resumed). */
bool proj_stage_is_started(enum proj_stage s);

/* The facts the guard needs, and the move asked for. Dates are proj_date
 * days or PROJ_DATE_NONE. Nothing is owned. */
struct proj_state {
	enum proj_stage stage;   /* the current stage */
	enum proj_proc_status procs[PROC__COUNT];
	int32_t stage_date;      /* when the current stage was entered */
	int32_t start_date;      /* 开工 date, once known */
	int32_t move_date;       /* the date of the requested move */
	int32_t today;           /* NONE skips the not-in-the-future check */
	const char *reason;      /* borrowed, NUL-terminated: why; required
				    for a backward move */
};

enum proj_guard_code {
	PGUARD_OK,
	PGUARD_BAD_STAGE,         /* a stage out of range */
	PGUARD_SAME_STAGE,
	PGUARD_NEED_REASON,       /* backward without a correction reason */
	PGUARD_NEED_DATE,         /* forward without the date of the move */
	PGUARD_DATE_IN_FUTURE,
	PGUARD_DATE_BEFORE_STAGE, /* earlier than entering the current stage */
	PGUARD_NEED_APPROVAL,     /* 前期手续: 立项 not yet applied for */
	PGUARD_NEED_PERMIT,       /* 开工: 施工许可 neither obtained nor waived */
	PGUARD_NEED_START_DATE,   /* 竣工: no 开工 date */
	PGUARD_NEED_STARTED,      /* 入库入统: the project has not started */
	PGUARD_DATE_BEFORE_START, /* 竣工 (or later) dated before 开工 */
	PGUARD__COUNT
};

#define PROJ_GUARD_MAX_ISSUES 8

struct proj_guard_issue {
	enum proj_guard_code code;
	enum proj_stage stage; /* the stage whose condition failed */
};

struct proj_guard_result {
	bool allowed;
	bool backward;
	int steps; /* to - from: positive forward, negative backward */
	size_t n;  /* refusals, each code once, in checking order */
	struct proj_guard_issue issues[PROJ_GUARD_MAX_ISSUES];
};

/* May p move to stage to? Fills *out with every refusal (not only the
 * first) and returns out->allowed. Forward: a date is needed, not before
 * the current stage's date nor after today, and each stage from the next
 * one up to to must have its preconditions: 前期手续 needs 立项 applied
 * for (办理中 or 已取得); 开工 needs 施工许可 已取得 or 不涉及/免办 (whose
 * basis proj_proc_record_check demands); 竣工 needs a 开工 date not after
 * the move; 入库入统 needs the project started. Backward: a non-blank
 * reason; the caller clears dates of stages undone. */
bool proj_transition_check(const struct proj_state *p, enum proj_stage to,
			   struct proj_guard_result *out);
/* Static messages naming what is missing, never NULL. */
const char *proj_guard_code_zh(enum proj_guard_code c);
const char *proj_guard_code_en(enum proj_guard_code c);

#endif
