#include "domain/proj_stage.h"

#include <string.h>

#include "domain/proj_date.h"

static const struct proj_stage_info stages[PSTAGE__COUNT] = {
	{ PSTAGE_PLANNING, "planning", "谋划", "planning", 1 },
	{ PSTAGE_RESERVE, "reserve", "储备", "reserve", 2 },
	{ PSTAGE_SIGNED, "signed", "签约", "signed", 3 },
	{ PSTAGE_LOCATED, "located", "落位", "located", 4 },
	{ PSTAGE_PREPARING, "preparing", "前期手续", "pre-construction procedures", 5 },
	{ PSTAGE_STARTED, "started", "开工", "construction started", 6 },
	{ PSTAGE_BUILDING, "building", "在建", "under construction", 7 },
	{ PSTAGE_COMPLETED, "completed", "竣工", "completed", 8 },
	{ PSTAGE_OPERATING, "operating", "投产", "in operation", 9 },
	{ PSTAGE_IN_STATS, "in_stats", "入库入统", "in the statistics", 10 },
};

/* Other names spreadsheets and people use. */
static const struct {
	const char *name;
	enum proj_stage stage;
} aliases[] = {
	{ "谋划项目", PSTAGE_PLANNING }, { "储备项目", PSTAGE_RESERVE },
	{ "已签约", PSTAGE_SIGNED },     { "已落位", PSTAGE_LOCATED },
	{ "前期", PSTAGE_PREPARING },    { "办理前期手续", PSTAGE_PREPARING },
	{ "已开工", PSTAGE_STARTED },    { "新开工", PSTAGE_STARTED },
	{ "建设中", PSTAGE_BUILDING },   { "施工", PSTAGE_BUILDING },
	{ "施工中", PSTAGE_BUILDING },   { "已竣工", PSTAGE_COMPLETED },
	{ "投产/达效", PSTAGE_OPERATING }, { "达效", PSTAGE_OPERATING },
	{ "已投产", PSTAGE_OPERATING },  { "入统", PSTAGE_IN_STATS },
	{ "入库", PSTAGE_IN_STATS },     { "已入统", PSTAGE_IN_STATS },
};

const struct proj_stage_info *proj_stage_info(enum proj_stage s)
{
	return (unsigned)s < PSTAGE__COUNT ? &stages[s] : NULL;
}

static bool same(const char *name, const char *s, size_t len)
{
	return strlen(name) == len && memcmp(name, s, len) == 0;
}

int proj_stage_find(const char *s, size_t len)
{
	if (!s || len == 0)
		return -1;
	for (size_t i = 0; i < PSTAGE__COUNT; i++)
		if (same(stages[i].code, s, len) || same(stages[i].zh, s, len))
			return (int)i;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (same(aliases[i].name, s, len))
			return (int)aliases[i].stage;
	return -1;
}

bool proj_stage_is_started(enum proj_stage s)
{
	return (unsigned)s < PSTAGE__COUNT && s >= PSTAGE_STARTED;
}

static bool has(int32_t d)
{
	return d != PROJ_DATE_NONE;
}

static bool approval_applied(const struct proj_state *p)
{
	return proj_proc_status_applied(p->procs[PROC_APPROVAL]);
}

static bool permit_ok(const struct proj_state *p)
{
	return proj_proc_status_satisfied(p->procs[PROC_PERMIT]);
}

static bool start_dated(const struct proj_state *p)
{
	return proj_date_valid(p->start_date);
}

static bool start_not_after_move(const struct proj_state *p)
{
	return !start_dated(p) || !has(p->move_date) || p->start_date <= p->move_date;
}

static bool started(const struct proj_state *p)
{
	return start_dated(p) || proj_stage_is_started(p->stage);
}

/* What a forward move must satisfy to pass or reach each stage. */
static const struct {
	enum proj_stage stage;
	enum proj_guard_code refusal;
	bool (*met)(const struct proj_state *p);
} preconditions[] = {
	{ PSTAGE_PREPARING, PGUARD_NEED_APPROVAL, approval_applied },
	{ PSTAGE_STARTED, PGUARD_NEED_PERMIT, permit_ok },
	{ PSTAGE_COMPLETED, PGUARD_NEED_START_DATE, start_dated },
	{ PSTAGE_COMPLETED, PGUARD_DATE_BEFORE_START, start_not_after_move },
	{ PSTAGE_IN_STATS, PGUARD_NEED_STARTED, started },
};

static void refuse(struct proj_guard_result *out, enum proj_guard_code c, enum proj_stage s)
{
	for (size_t i = 0; i < out->n; i++)
		if (out->issues[i].code == c)
			return;
	if (out->n < PROJ_GUARD_MAX_ISSUES)
		out->issues[out->n++] = (struct proj_guard_issue){ c, s };
}

static void check_move_date(const struct proj_state *p, enum proj_stage to,
			    struct proj_guard_result *out)
{
	if (!proj_date_valid(p->move_date)) {
		refuse(out, PGUARD_NEED_DATE, to);
		return;
	}
	if (has(p->today) && p->move_date > p->today)
		refuse(out, PGUARD_DATE_IN_FUTURE, to);
	if (has(p->stage_date) && p->move_date < p->stage_date)
		refuse(out, PGUARD_DATE_BEFORE_STAGE, to);
}

static void check_forward(const struct proj_state *p, enum proj_stage to,
			  struct proj_guard_result *out)
{
	check_move_date(p, to, out);
	for (size_t i = 0; i < sizeof preconditions / sizeof preconditions[0]; i++) {
		enum proj_stage s = preconditions[i].stage;
		if (s > p->stage && s <= to && !preconditions[i].met(p))
			refuse(out, preconditions[i].refusal, s);
	}
}

/* True for NULL and for text of ASCII blanks and ideographic spaces. */
static bool blank(const char *s)
{
	while (s && *s) {
		if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		else
			return false;
	}
	return true;
}

bool proj_transition_check(const struct proj_state *p, enum proj_stage to,
			   struct proj_guard_result *out)
{
	memset(out, 0, sizeof *out);
	if (!p || !proj_stage_info(p->stage) || !proj_stage_info(to)) {
		refuse(out, PGUARD_BAD_STAGE, to);
		return false;
	}
	out->steps = (int)to - (int)p->stage;
	out->backward = out->steps < 0;
	if (out->steps == 0)
		refuse(out, PGUARD_SAME_STAGE, to);
	else if (out->backward && blank(p->reason))
		refuse(out, PGUARD_NEED_REASON, to);
	else if (!out->backward)
		check_forward(p, to, out);
	out->allowed = out->n == 0;
	return out->allowed;
}

struct guard_message {
	const char *zh, *en;
};

static const struct guard_message messages[PGUARD__COUNT] = {
	[PGUARD_OK] = { "可以变更阶段", "The move is allowed" },
	[PGUARD_BAD_STAGE] = { "项目阶段无效", "Unknown project stage" },
	[PGUARD_SAME_STAGE] = { "项目已处于该阶段", "The project is already at that stage" },
	[PGUARD_NEED_REASON] = { "退回之前阶段须填写更正原因",
				 "Moving back to an earlier stage needs a correction reason" },
	[PGUARD_NEED_DATE] = { "须填写阶段变更日期", "The date of the move is required" },
	[PGUARD_DATE_IN_FUTURE] = { "阶段变更日期不能晚于今天",
				    "The date of the move cannot be after today" },
	[PGUARD_DATE_BEFORE_STAGE] = { "阶段变更日期早于进入当前阶段的日期",
				       "The date of the move is before the current stage began" },
	[PGUARD_NEED_APPROVAL] = { "进入前期手续阶段须先申报立项（审批、核准或备案至少在办理中）",
				   "Pre-construction procedures need the project approval applied "
				   "for (review, verification or filing at least in progress)" },
	[PGUARD_NEED_PERMIT] = { "开工须先取得施工许可，或登记不涉及/免办的依据",
				 "Starting construction needs the construction permit obtained, or "
				 "a recorded exemption" },
	[PGUARD_NEED_START_DATE] = { "竣工须先有开工日期", "Completion needs the start date" },
	[PGUARD_NEED_STARTED] = { "入库入统须先开工",
				  "Entering the statistics needs the project started" },
	[PGUARD_DATE_BEFORE_START] = { "竣工日期早于开工日期",
				       "The completion date is before the start date" },
};

static const struct guard_message unknown = { "不能变更阶段", "The move is refused" };

static const struct guard_message *message_of(enum proj_guard_code c)
{
	return (unsigned)c < PGUARD__COUNT ? &messages[c] : &unknown;
}

const char *proj_guard_code_zh(enum proj_guard_code c)
{
	return message_of(c)->zh;
}

const char *proj_guard_code_en(enum proj_guard_code c)
{
	return message_of(c)->en;
}
