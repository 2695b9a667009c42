#include "domain/proj_procedure.h"

#include <string.h>

#include "domain/proj_date.h"

#define BIT(p) (1u << (p))

/* A name row: stable code, Chinese, English, and up to four aliases. */
struct name_row {
	const char *code, *zh, *en;
	const char *alias[4];
};

/* Per procedure: names, default days, default predecessors, 免办 allowed. */
static const struct {
	struct name_row name;
	int32_t days;
	unsigned deps;
	bool exempt_allowed;
} procs[PROC__COUNT] = {
	[PROC_APPROVAL] = { { "approval", "立项", "project approval",
			      { "立项审批", "项目立项", "审批核准备案", "立项手续" } },
			    20, 0, false },
	[PROC_LAND] = { { "land", "用地", "land use",
			  { "土地", "用地手续", "用地审批", "土地手续" } },
			60, BIT(PROC_APPROVAL), true },
	[PROC_PLANNING] = { { "planning", "规划许可", "planning permit",
			      { "规划", "规划手续", "建设工程规划许可", "工程规划许可证" } },
			    20, BIT(PROC_LAND), true },
	[PROC_EIA] = { { "eia", "环评", "environmental impact assessment",
			 { "环境影响评价", "环评审批", "环评手续", NULL } },
		       30, BIT(PROC_APPROVAL), true },
	[PROC_ENERGY] = { { "energy", "能评", "energy-saving review",
			    { "节能审查", "节能评估", "能评手续", NULL } },
			  20, BIT(PROC_APPROVAL), true },
	[PROC_PERMIT] = { { "permit", "施工许可", "construction permit",
			    { "施工许可证", "施工手续", "施工许可手续", NULL } },
			  15, BIT(PROC_PLANNING), true },
};

static const struct name_row statuses[PSTATUS__COUNT] = {
	[PSTATUS_NOT_STARTED] = { "not_started", "未启动", "not started",
				  { "未办理", "未开始", "未申报", NULL } },
	[PSTATUS_IN_PROGRESS] = { "in_progress", "办理中", "in progress",
				  { "正在办理", "在办", "已申报", NULL } },
	[PSTATUS_OBTAINED] = { "obtained", "已取得", "obtained",
			       { "已办结", "已完成", "已办理", "已批复" } },
	[PSTATUS_EXEMPT] = { "exempt", "不涉及/免办", "not required",
			     { "不涉及", "免办", "无需办理", "豁免" } },
};

static const struct name_row kinds[PAPPROVAL__COUNT] = {
	[PAPPROVAL_NONE] = { "", "", "", { NULL } },
	[PAPPROVAL_REVIEW] = { "review", "审批", "review", { "审批制", "审批类" } },
	[PAPPROVAL_VERIFY] = { "verify", "核准", "verification", { "核准制", "核准类" } },
	[PAPPROVAL_FILING] = { "filing", "备案", "filing", { "备案制", "备案类" } },
};

static const struct name_row none = { "", "?", "?", { NULL } };

static bool same(const char *name, const char *s, size_t len)
{
	return name && *name && strlen(name) == len && memcmp(name, s, len) == 0;
}

static bool row_matches(const struct name_row *r, const char *s, size_t len)
{
	if (same(r->code, s, len) || same(r->zh, s, len))
		return true;
	for (size_t a = 0; a < 4; a++)
		if (same(r->alias[a], s, len))
			return true;
	return false;
}

static const struct name_row *proc_row(enum proj_proc p)
{
	return (unsigned)p < PROC__COUNT ? &procs[p].name : &none;
}

static const struct name_row *status_row(enum proj_proc_status s)
{
	return (unsigned)s < PSTATUS__COUNT ? &statuses[s] : &none;
}

static const struct name_row *kind_row(enum proj_approval_kind k)
{
	return (unsigned)k < PAPPROVAL__COUNT ? &kinds[k] : &none;
}

const char *proj_proc_code(enum proj_proc p)
{
	return proc_row(p)->code;
}

const char *proj_proc_zh(enum proj_proc p)
{
	return proc_row(p)->zh;
}

const char *proj_proc_en(enum proj_proc p)
{
	return proc_row(p)->en;
}

const char *proj_proc_status_code(enum proj_proc_status s)
{
	return status_row(s)->code;
}

const char *proj_proc_status_zh(enum proj_proc_status s)
{
	return status_row(s)->zh;
}

const char *proj_proc_status_en(enum proj_proc_status s)
{
	return status_row(s)->en;
}

const char *proj_approval_kind_code(enum proj_approval_kind k)
{
	return kind_row(k)->code;
}

const char *proj_approval_kind_zh(enum proj_approval_kind k)
{
	return kind_row(k)->zh;
}

const char *proj_approval_kind_en(enum proj_approval_kind k)
{
	return kind_row(k)->en;
}

int proj_proc_find(const char *s, size_t len)
{
	for (int i = 0; s && i < PROC__COUNT; i++)
		if (row_matches(&procs[i].name, s, len))
			return i;
	return -1;
}

int proj_proc_status_find(const char *s, size_t len)
{
	for (int i = 0; s && i < PSTATUS__COUNT; i++)
		if (row_matches(&statuses[i], s, len))
			return i;
	return -1;
}

int proj_approval_kind_find(const char *s, size_t len)
{
	for (int i = PAPPROVAL_REVIEW; s && i < PAPPROVAL__COUNT; i++)
		if (row_matches(&kinds[i], s, len))
			return i;
	return -1;
}

bool proj_proc_status_satisfied(enum proj_proc_status s)
{
	return s == PSTATUS_OBTAINED || s == PSTATUS_EXEMPT;
}

bool proj_proc_status_applied(enum proj_proc_status s)
{
	return s == PSTATUS_IN_PROGRESS || s == PSTATUS_OBTAINED;
}

bool proj_proc_exempt_allowed(enum proj_proc p)
{
	return (unsigned)p < PROC__COUNT && procs[p].exempt_allowed;
}

void proj_proc_default_durations(struct proj_proc_durations *out)
{
	for (size_t p = 0; p < PROC__COUNT; p++)
		out->days[p] = procs[p].days;
}

bool proj_proc_durations_check(const struct proj_proc_durations *d, enum proj_proc *bad)
{
	for (size_t p = 0; p < PROC__COUNT; p++) {
		if (d->days[p] < 0 || d->days[p] > PROJ_PROC_MAX_DAYS) {
			if (bad)
				*bad = (enum proj_proc)p;
			return false;
		}
	}
	return true;
}

unsigned proj_proc_default_deps(enum proj_proc p)
{
	return (unsigned)p < PROC__COUNT ? procs[p].deps : 0;
}

/* Fills m's dependencies from a mask of procedures. */
static void deps_from_mask(struct proj_milestone *m, unsigned mask, int64_t first_id)
{
	m->n_deps = 0;
	for (size_t p = 0; p < PROC__COUNT; p++)
		if (mask & BIT(p))
			m->deps[m->n_deps++] = first_id + (int64_t)p;
}

size_t proj_proc_template(const struct proj_proc_durations *durations,
			  const enum proj_proc_status status[PROC__COUNT], int64_t first_id,
			  struct proj_milestone out[PROC__COUNT + 1])
{
	struct proj_proc_durations d;
	if (durations)
		d = *durations;
	else
		proj_proc_default_durations(&d);
	for (size_t p = 0; p < PROC__COUNT; p++) {
		struct proj_milestone *m = &out[p];
		bool done = status && proj_proc_status_satisfied(status[p]);
		m->id = first_id + (int64_t)p;
		m->name = procs[p].name.zh;
		m->duration = done ? 0 : d.days[p];
		m->deadline = PROJ_DATE_NONE;
		deps_from_mask(m, procs[p].deps, first_id);
	}
	struct proj_milestone *start = &out[PROC__COUNT];
	start->id = first_id + PROC__COUNT;
	start->name = "开工";
	start->duration = 0;
	start->deadline = PROJ_DATE_NONE;
	deps_from_mask(start, BIT(PROC_PERMIT) | BIT(PROC_EIA) | BIT(PROC_ENERGY), first_id);
	return PROC__COUNT + 1;
}

static bool has(int32_t d)
{
	return d != PROJ_DATE_NONE;
}

static bool date_ok(int32_t d)
{
	return !has(d) || proj_date_valid(d);
}

static bool after(int32_t d, int32_t today)
{
	return has(d) && has(today) && d > today;
}

/* Faults of the 立项 form and of 免办. */
static enum proj_proc_error check_kind(const struct proj_proc_record *r)
{
	bool approval = r->proc == PROC_APPROVAL;
	if ((unsigned)r->approval_kind >= PAPPROVAL__COUNT)
		return PPROC_NEED_APPROVAL_KIND;
	if (!approval && r->approval_kind != PAPPROVAL_NONE)
		return PPROC_KIND_NOT_APPROVAL;
	if (approval && proj_proc_status_applied(r->status) && r->approval_kind == PAPPROVAL_NONE)
		return PPROC_NEED_APPROVAL_KIND;
	if (r->status == PSTATUS_EXEMPT && !proj_proc_exempt_allowed(r->proc))
		return PPROC_EXEMPT_NOT_ALLOWED;
	if (r->status == PSTATUS_EXEMPT && !r->has_basis)
		return PPROC_NEED_BASIS;
	return PPROC_OK;
}

static enum proj_proc_error check_dates(const struct proj_proc_record *r, int32_t today)
{
	if (!date_ok(r->planned_finish) || !date_ok(r->actual_start) ||
	    !date_ok(r->actual_finish) || !date_ok(today))
		return PPROC_BAD_DATE;
	if (r->status == PSTATUS_OBTAINED && !has(r->actual_finish))
		return PPROC_NEED_OBTAINED_DATE;
	if (r->status == PSTATUS_NOT_STARTED && (has(r->actual_start) || has(r->actual_finish)))
		return PPROC_DATES_NOT_STARTED;
	if (has(r->actual_start) && has(r->actual_finish) && r->actual_finish < r->actual_start)
		return PPROC_FINISH_BEFORE_START;
	if (after(r->actual_start, today) || after(r->actual_finish, today))
		return PPROC_DATE_IN_FUTURE;
	return PPROC_OK;
}

enum proj_proc_error proj_proc_record_check(const struct proj_proc_record *r, int32_t today)
{
	if (!r || (unsigned)r->proc >= PROC__COUNT)
		return PPROC_BAD_PROC;
	if ((unsigned)r->status >= PSTATUS__COUNT)
		return PPROC_BAD_STATUS;
	enum proj_proc_error e = check_kind(r);
	return e != PPROC_OK ? e : check_dates(r, today);
}

struct proc_message {
	const char *zh, *en;
};

static const struct proc_message messages[PPROC__COUNT] = {
	[PPROC_OK] = { "手续信息有效", "The procedure record is valid" },
	[PPROC_BAD_PROC] = { "手续类型无效", "Unknown procedure" },
	[PPROC_BAD_STATUS] = { "手续状态无效（未启动、办理中、已取得、不涉及/免办）",
			       "Unknown procedure status (not started, in progress, obtained, "
			       "not required)" },
	[PPROC_NEED_APPROVAL_KIND] = { "立项须注明审批、核准或备案",
				       "Project approval must say review, verification or filing" },
	[PPROC_KIND_NOT_APPROVAL] = { "只有立项手续区分审批、核准、备案",
				      "Only project approval is reviewed, verified or filed" },
	[PPROC_EXEMPT_NOT_ALLOWED] = { "立项不能免办：项目须经审批、核准或备案",
				       "Project approval cannot be waived: every project is "
				       "reviewed, verified or filed" },
	[PPROC_NEED_BASIS] = { "不涉及/免办须登记依据",
			       "A waived procedure needs its basis recorded" },
	[PPROC_NEED_OBTAINED_DATE] = { "已取得的手续须填写取得日期",
				       "An obtained procedure needs the date it was obtained" },
	[PPROC_DATES_NOT_STARTED] = { "未启动的手续不应有办理日期",
				      "A procedure not started cannot have actual dates" },
	[PPROC_FINISH_BEFORE_START] = { "取得日期早于开始办理日期",
					"The date obtained is before the date applied" },
	[PPROC_BAD_DATE] = { "手续日期无效", "A procedure date is invalid" },
	[PPROC_DATE_IN_FUTURE] = { "实际办理日期不能晚于今天", "An actual date is after today" },
};

static const struct proc_message unknown = { "手续信息无效", "The procedure record is invalid" };

static const struct proc_message *message_of(enum proj_proc_error e)
{
	return (unsigned)e < PPROC__COUNT ? &messages[e] : &unknown;
}

const char *proj_proc_error_zh(enum proj_proc_error e)
{
	return message_of(e)->zh;
}

const char *proj_proc_error_en(enum proj_proc_error e)
{
	return message_of(e)->en;
}
