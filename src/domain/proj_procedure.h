/* Pre-construction procedures 手续: 立项 (审批/核准/备案), 用地, 规划许可, 环评,
 * 能评, 施工许可; their statuses, the checks on one procedure's record,
 * default durations a region or user can override, and the default 倒排工期
 * template from the procedures to 开工. Static tables; nothing allocates. */
#ifndef GUATU_DOMAIN_PROJ_PROCEDURE_H
#define GUATU_DOMAIN_PROJ_PROCEDURE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/proj_schedule.h"

enum proj_proc {
	PROC_APPROVAL, /* 立项: 审批, 核准 or 备案 */
	PROC_LAND,     /* 用地 */
	PROC_PLANNING, /* 规划许可 */
	PROC_EIA,      /* 环评 */
	PROC_ENERGY,   /* 能评 */
	PROC_PERMIT,   /* 施工许可 */
	PROC__COUNT
};

/* The form of 立项; only PROC_APPROVAL has one. */
enum proj_approval_kind {
	PAPPROVAL_NONE,   /* not yet known / not 立项 */
	PAPPROVAL_REVIEW, /* 审批: government-invested projects */
	PAPPROVAL_VERIFY, /* 核准: listed enterprise projects */
	PAPPROVAL_FILING, /* 备案: other enterprise projects */
	PAPPROVAL__COUNT
};

enum proj_proc_status {
	PSTATUS_NOT_STARTED, /* 未启动 */
	PSTATUS_IN_PROGRESS, /* 办理中 */
	PSTATUS_OBTAINED,    /* 已取得 */
	PSTATUS_EXEMPT,      /* 不涉及/免办: needs a recorded basis */
	PSTATUS__COUNT
};

/* Default durations in calendar days; a caller copies and overrides. */
struct proj_proc_durations {
	int32_t days[PROC__COUNT];
};

/* The days any duration may take: 0 .. PROJ_SCHED_MAX_DAYS. */
#define PROJ_PROC_MAX_DAYS PROJ_SCHED_MAX_DAYS

/* Static names, never NULL ("" / "?" when out of range). Codes are the
 * stable ASCII keys: "approval", "land", "planning", "eia", "energy",
 * "permit"; "not_started", "in_progress", "obtained", "exempt"; "",
 * "review", "verify", "filing". */
const char *proj_proc_code(enum proj_proc p);
const char *proj_proc_zh(enum proj_proc p);
const char *proj_proc_en(enum proj_proc p);
const char *proj_proc_status_code(enum proj_proc_status s);
const char *proj_proc_status_zh(enum proj_proc_status s);
const char *proj_proc_status_en(enum proj_proc_status s);
const char *proj_approval_kind_code(enum proj_approval_kind k);
const char *proj_approval_kind_zh(enum proj_approval_kind k);
const char *proj_approval_kind_en(enum proj_approval_kind k);
/* The value whose code, Chinese name or common alias (e.g. "立项审批",
 * "土地", "施工许可证", "环境影响评价", "节能审查"; "已办结", "已完成", "不涉及",
 * "免办", "正在办理"; "审批制", "备案制") is s[0..len); -1 when none. */
int proj_proc_find(const char *s, size_t len);
int proj_proc_status_find(const char *s, size_t len);
int proj_approval_kind_find(const char *s, size_t len);

/* 已取得 or 免办: nothing stands in the way. */
bool proj_proc_status_satisfied(enum proj_proc_status s);
/* 办理中 or 已取得: at least applied for (免办 is not an application). */
bool proj_proc_status_applied(enum proj_proc_status s);
/* False for 立项: every project is 审批, 核准 or 备案. */
bool proj_proc_exempt_allowed(enum proj_proc p);

/* The defaults: 立项 20, 用地 60, 规划许可 20, 环评 30, 能评 20, 施工许可 15. */
void proj_proc_default_durations(struct proj_proc_durations *out);
/* True when every duration lies in 0..PROJ_PROC_MAX_DAYS; otherwise false
 * with *bad (when non-NULL) the first procedure out of range. */
bool proj_proc_durations_check(const struct proj_proc_durations *d, enum proj_proc *bad);
/* Bit mask (1u << proc) of the procedures p waits for in the default
 * template: 用地 after 立项, 规划许可 after 用地, 环评 and 能评 after 立项,
 * 施工许可 after 规划许可. */
unsigned proj_proc_default_deps(enum proj_proc p);

/* Writes the 倒排工期 template: one milestone per procedure in enum order
 * with id first_id + proc, then 开工 (id first_id + PROC__COUNT, duration 0,
 * after 施工许可, 环评 and 能评). durations NULL means the defaults; status
 * NULL means all not started; a procedure already 已取得 or 免办 gets
 * duration 0. deadline is PROJ_DATE_NONE throughout; names are the static
 * Chinese names. Returns the number written, PROC__COUNT + 1. */
size_t proj_proc_template(const struct proj_proc_durations *durations,
			  const enum proj_proc_status status[PROC__COUNT], int64_t first_id,
			  struct proj_milestone out[PROC__COUNT + 1]);

/* One procedure as stored. Dates are proj_date days or PROJ_DATE_NONE. */
struct proj_proc_record {
	enum proj_proc proc;
	enum proj_proc_status status;
	enum proj_approval_kind approval_kind; /* PROC_APPROVAL only */
	int32_t planned_finish; /* 计划办结 */
	int32_t actual_start;   /* 申报/开始办理 */
	int32_t actual_finish;  /* 取得 (批复、发证) */
	bool has_basis;         /* a 免办 basis (document or note) is recorded */
};

enum proj_proc_error {
	PPROC_OK,
	PPROC_BAD_PROC,
	PPROC_BAD_STATUS,
	PPROC_NEED_APPROVAL_KIND, /* 立项 under way or obtained: which form */
	PPROC_KIND_NOT_APPROVAL,  /* an approval kind on another procedure */
	PPROC_EXEMPT_NOT_ALLOWED, /* 立项 cannot be exempt */
	PPROC_NEED_BASIS,         /* 免办 without a recorded basis */
	PPROC_NEED_OBTAINED_DATE, /* 已取得 without the date obtained */
	PPROC_DATES_NOT_STARTED,  /* 未启动 with an actual date */
	PPROC_FINISH_BEFORE_START,
	PPROC_BAD_DATE,           /* a date is neither valid nor NONE */
	PPROC_DATE_IN_FUTURE,     /* an actual date after today */
	PPROC__COUNT
};

/* Checks a record as of today (PROJ_DATE_NONE skips the future check).
 * Returns the first fault, PPROC_OK when none. */
enum proj_proc_error proj_proc_record_check(const struct proj_proc_record *r, int32_t today);
/* Static messages naming the fault, never NULL. */
const char *proj_proc_error_zh(enum proj_proc_error e);
const char *proj_proc_error_en(enum proj_proc_error e);

#endif
