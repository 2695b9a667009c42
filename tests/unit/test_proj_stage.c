/* Tests for domain/proj_stage (lifecycle table and transition guard) and
 * domain/proj_class (kinds, categories, size tags). Oracles: the guide's
 * lifecycle order and the brief's preconditions, stated case by case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/proj_class.h"
#include "domain/proj_date.h"
#include "domain/proj_stage.h"

static int32_t ymd(int y, int m, int d)
{
	int32_t out = PROJ_DATE_NONE;
	assert_true(proj_date_from_ymd(y, m, d, &out));
	return out;
}

static void test_stage_table(void **state)
{
	(void)state;
	static const char *const zh[PSTAGE__COUNT] = { "谋划", "储备", "签约", "落位", "前期手续",
						       "开工", "在建", "竣工", "投产", "入库入统" };
	for (int s = 0; s < PSTAGE__COUNT; s++) {
		const struct proj_stage_info *i = proj_stage_info((enum proj_stage)s);
		assert_non_null(i);
		assert_int_equal(i->stage, s);
		assert_int_equal(i->order, s + 1);
		assert_string_equal(i->zh, zh[s]);
		assert_int_equal(proj_stage_find(i->code, strlen(i->code)), s);
		assert_int_equal(proj_stage_find(i->zh, strlen(i->zh)), s);
		assert_true(strlen(i->en) > 0);
	}
	assert_null(proj_stage_info(PSTAGE__COUNT));
	assert_null(proj_stage_info((enum proj_stage)-1));
	assert_int_equal(proj_stage_find("投产/达效", strlen("投产/达效")), PSTAGE_OPERATING);
	assert_int_equal(proj_stage_find("入统", strlen("入统")), PSTAGE_IN_STATS);
	assert_int_equal(proj_stage_find("前期", strlen("前期")), PSTAGE_PREPARING);
	assert_int_equal(proj_stage_find("建设中", strlen("建设中")), PSTAGE_BUILDING);
	assert_int_equal(proj_stage_find("开工x", 6), PSTAGE_STARTED); /* length is the caller's */
	assert_int_equal(proj_stage_find("开", 3), -1);
	assert_int_equal(proj_stage_find("", 0), -1);
	assert_int_equal(proj_stage_find(NULL, 4), -1);
	assert_false(proj_stage_is_started(PSTAGE_PREPARING));
	assert_true(proj_stage_is_started(PSTAGE_STARTED));
	assert_true(proj_stage_is_started(PSTAGE_IN_STATS));
	assert_false(proj_stage_is_started(PSTAGE__COUNT));
}

/* A project at stage s with nothing done and a valid move date. */
static struct proj_state at(enum proj_stage s)
{
	struct proj_state p = {
		.stage = s,
		.stage_date = ymd(2024, 1, 10),
		.start_date = PROJ_DATE_NONE,
		.move_date = ymd(2024, 3, 1),
		.today = ymd(2024, 3, 15),
		.reason = NULL,
	};
	for (int i = 0; i < PROC__COUNT; i++)
		p.procs[i] = PSTATUS_NOT_STARTED;
	return p;
}

static bool refused_with(const struct proj_guard_result *r, enum proj_guard_code c,
			 enum proj_stage s)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->issues[i].code == c && r->issues[i].stage == s)
			return true;
	return false;
}

static void test_early_steps_free(void **state)
{
	(void)state;
	struct proj_guard_result r;
	struct proj_state p = at(PSTAGE_PLANNING);
	assert_true(proj_transition_check(&p, PSTAGE_RESERVE, &r));
	assert_true(r.allowed);
	assert_int_equal(r.steps, 1);
	assert_false(r.backward);
	assert_int_equal(r.n, 0);
	/* Several steps at once. */
	assert_true(proj_transition_check(&p, PSTAGE_LOCATED, &r));
	assert_int_equal(r.steps, 3);
}

static void test_preparing_needs_approval_applied(void **state)
{
	(void)state;
	struct proj_guard_result r;
	struct proj_state p = at(PSTAGE_LOCATED);
	assert_false(proj_transition_check(&p, PSTAGE_PREPARING, &r));
	assert_int_equal(r.n, 1);
	assert_true(refused_with(&r, PGUARD_NEED_APPROVAL, PSTAGE_PREPARING));
	p.procs[PROC_APPROVAL] = PSTATUS_EXEMPT; /* 立项 cannot be waived */
	assert_false(proj_transition_check(&p, PSTAGE_PREPARING, &r));
	p.procs[PROC_APPROVAL] = PSTATUS_IN_PROGRESS;
	assert_true(proj_transition_check(&p, PSTAGE_PREPARING, &r));
	p.procs[PROC_APPROVAL] = PSTATUS_OBTAINED;
	assert_true(proj_transition_check(&p, PSTAGE_PREPARING, &r));
	/* From 谋划 the jump passes 前期手续 and is held by it too. */
	p = at(PSTAGE_PLANNING);
	assert_false(proj_transition_check(&p, PSTAGE_PREPARING, &r));
	assert_true(refused_with(&r, PGUARD_NEED_APPROVAL, PSTAGE_PREPARING));
}

static void test_start_needs_permit_or_exemption(void **state)
{
	(void)state;
	struct proj_guard_result r;
	struct proj_state p = at(PSTAGE_PREPARING);
	p.procs[PROC_APPROVAL] = PSTATUS_OBTAINED;
	assert_false(proj_transition_check(&p, PSTAGE_STARTED, &r));
	assert_int_equal(r.n, 1);
	assert_true(refused_with(&r, PGUARD_NEED_PERMIT, PSTAGE_STARTED));
	p.procs[PROC_PERMIT] = PSTATUS_IN_PROGRESS;
	assert_false(proj_transition_check(&p, PSTAGE_STARTED, &r));
	p.procs[PROC_PERMIT] = PSTATUS_OBTAINED;
	assert_true(proj_transition_check(&p, PSTAGE_STARTED, &r));
	p.procs[PROC_PERMIT] = PSTATUS_EXEMPT;
	assert_true(proj_transition_check(&p, PSTAGE_STARTED, &r));
	/* Straight to 在建 passes 开工. */
	p.procs[PROC_PERMIT] = PSTATUS_NOT_STARTED;
	assert_false(proj_transition_check(&p, PSTAGE_BUILDING, &r));
	assert_true(refused_with(&r, PGUARD_NEED_PERMIT, PSTAGE_STARTED));
	/* Already started: moving on does not ask for the permit again. */
	p = at(PSTAGE_STARTED);
	p.start_date = ymd(2024, 1, 10);
	assert_true(proj_transition_check(&p, PSTAGE_BUILDING, &r));
}

static void test_completion_needs_start_date(void **state)
{
	(void)state;
	struct proj_guard_result r;
	struct proj_state p = at(PSTAGE_BUILDING);
	assert_false(proj_transition_check(&p, PSTAGE_COMPLETED, &r));
	assert_true(refused_with(&r, PGUARD_NEED_START_DATE, PSTAGE_COMPLETED));
	p.start_date = ymd(2023, 5, 1);
	assert_true(proj_transition_check(&p, PSTAGE_COMPLETED, &r));
	assert_true(proj_transition_check(&p, PSTAGE_OPERATING, &r));
	/* Completion dated before the start. */
	p.start_date = ymd(2024, 3, 5);
	p.move_date = ymd(2024, 3, 4);
	assert_false(proj_transition_check(&p, PSTAGE_COMPLETED, &r));
	assert_true(refused_with(&r, PGUARD_DATE_BEFORE_START, PSTAGE_COMPLETED));
}

static void test_stats_needs_started(void **state)
{
	(void)state;
	struct proj_guard_result r;
	/* From 在建 (so started) without a recorded date: 入库 would be fine,
	 * but the jump passes 竣工, which wants the start date. */
	struct proj_state p = at(PSTAGE_BUILDING);
	assert_false(proj_transition_check(&p, PSTAGE_IN_STATS, &r));
	assert_int_equal(r.n, 1);
	assert_true(refused_with(&r, PGUARD_NEED_START_DATE, PSTAGE_COMPLETED));
	p = at(PSTAGE_OPERATING);
	assert_true(proj_transition_check(&p, PSTAGE_IN_STATS, &r)); /* stage says started */
	/* From 前期手续 everything on the way is missing, each once. */
	p = at(PSTAGE_PREPARING);
	p.procs[PROC_APPROVAL] = PSTATUS_OBTAINED;
	assert_false(proj_transition_check(&p, PSTAGE_IN_STATS, &r));
	assert_int_equal(r.n, 3);
	assert_int_equal(r.issues[0].code, PGUARD_NEED_PERMIT);
	assert_int_equal(r.issues[1].code, PGUARD_NEED_START_DATE);
	assert_int_equal(r.issues[2].code, PGUARD_NEED_STARTED);
	assert_int_equal(r.issues[2].stage, PSTAGE_IN_STATS);
	p.procs[PROC_PERMIT] = PSTATUS_OBTAINED;
	p.start_date = ymd(2024, 2, 1);
	assert_true(proj_transition_check(&p, PSTAGE_IN_STATS, &r));
}

static void test_dates_of_a_move(void **state)
{
	(void)state;
	struct proj_guard_result r;
	struct proj_state p = at(PSTAGE_PLANNING);
	p.move_date = PROJ_DATE_NONE;
	assert_false(proj_transition_check(&p, PSTAGE_RESERVE, &r));
	assert_true(refused_with(&r, PGUARD_NEED_DATE, PSTAGE_RESERVE));
	p.move_date = ymd(2024, 3, 16); /* after today */
	assert_false(proj_transition_check(&p, PSTAGE_RESERVE, &r));
	assert_true(refused_with(&r, PGUARD_DATE_IN_FUTURE, PSTAGE_RESERVE));
	p.today = PROJ_DATE_NONE; /* the check is skipped */
	assert_true(proj_transition_check(&p, PSTAGE_RESERVE, &r));
	p.move_date = ymd(2024, 1, 9); /* before entering the stage */
	assert_false(proj_transition_check(&p, PSTAGE_RESERVE, &r));
	assert_true(refused_with(&r, PGUARD_DATE_BEFORE_STAGE, PSTAGE_RESERVE));
	p.move_date = ymd(2024, 1, 10); /* the same day is fine */
	assert_true(proj_transition_check(&p, PSTAGE_RESERVE, &r));
	p.stage_date = PROJ_DATE_NONE;
	p.move_date = ymd(1990, 1, 1);
	assert_true(proj_transition_check(&p, PSTAGE_RESERVE, &r));
}

static void test_backward_needs_reason(void **state)
{
	(void)state;
	struct proj_guard_result r;
	struct proj_state p = at(PSTAGE_BUILDING);
	p.move_date = PROJ_DATE_NONE; /* a correction needs no date */
	assert_false(proj_transition_check(&p, PSTAGE_PREPARING, &r));
	assert_true(r.backward);
	assert_int_equal(r.steps, -2);
	assert_true(refused_with(&r, PGUARD_NEED_REASON, PSTAGE_PREPARING));
	p.reason = " \t　\n";
	assert_false(proj_transition_check(&p, PSTAGE_PREPARING, &r));
	p.reason = "施工许可证被撤销，退回前期手续";
	assert_true(proj_transition_check(&p, PSTAGE_PREPARING, &r));
	assert_true(r.backward);
	/* Backward moves do not check forward preconditions. */
	assert_true(proj_transition_check(&p, PSTAGE_PLANNING, &r));
}

static void test_same_and_bad(void **state)
{
	(void)state;
	struct proj_guard_result r;
	struct proj_state p = at(PSTAGE_SIGNED);
	assert_false(proj_transition_check(&p, PSTAGE_SIGNED, &r));
	assert_int_equal(r.n, 1);
	assert_int_equal(r.issues[0].code, PGUARD_SAME_STAGE);
	assert_int_equal(r.steps, 0);
	assert_false(proj_transition_check(&p, PSTAGE__COUNT, &r));
	assert_int_equal(r.issues[0].code, PGUARD_BAD_STAGE);
	p.stage = (enum proj_stage)42;
	assert_false(proj_transition_check(&p, PSTAGE_SIGNED, &r));
	assert_int_equal(r.issues[0].code, PGUARD_BAD_STAGE);
	assert_false(proj_transition_check(NULL, PSTAGE_SIGNED, &r));
	assert_int_equal(r.issues[0].code, PGUARD_BAD_STAGE);
}

static void test_guard_messages(void **state)
{
	(void)state;
	for (int c = 0; c <= PGUARD__COUNT; c++) {
		assert_true(strlen(proj_guard_code_zh((enum proj_guard_code)c)) > 0);
		assert_true(strlen(proj_guard_code_en((enum proj_guard_code)c)) > 0);
	}
	assert_non_null(strstr(proj_guard_code_zh(PGUARD_NEED_PERMIT), "施工许可"));
	assert_non_null(strstr(proj_guard_code_zh(PGUARD_NEED_APPROVAL), "立项"));
	assert_non_null(strstr(proj_guard_code_zh(PGUARD_NEED_START_DATE), "开工日期"));
	assert_non_null(strstr(proj_guard_code_zh(PGUARD_NEED_REASON), "原因"));
	assert_non_null(strstr(proj_guard_code_en(PGUARD_NEED_PERMIT), "permit"));
}

static void test_class_tables(void **state)
{
	(void)state;
	assert_string_equal(proj_kind_zh(PKIND_NEW), "新建");
	assert_string_equal(proj_kind_zh(PKIND_CONTINUING), "续建");
	assert_string_equal(proj_kind_code(PKIND_CONTINUING), "continuing");
	assert_string_equal(proj_kind_code(PKIND__COUNT), "");
	assert_string_equal(proj_kind_en((enum proj_kind)-1), "?");
	assert_int_equal(proj_kind_find("续建", strlen("续建")), PKIND_CONTINUING);
	assert_int_equal(proj_kind_find("new", 3), PKIND_NEW);
	assert_int_equal(proj_kind_find("旧建", strlen("旧建")), -1);
	static const char *const cats[PCAT__COUNT] = { "产业项目", "基础设施", "社会民生",
						       "房地产" };
	for (int c = 0; c < PCAT__COUNT; c++) {
		assert_string_equal(proj_category_zh((enum proj_category)c), cats[c]);
		const char *code = proj_category_code((enum proj_category)c);
		assert_int_equal(proj_category_find(code, strlen(code)), c);
		assert_int_equal(proj_category_find(cats[c], strlen(cats[c])), c);
		assert_true(strlen(proj_category_en((enum proj_category)c)) > 0);
	}
	assert_int_equal(proj_category_find("产业", strlen("产业")), PCAT_INDUSTRY);
	assert_int_equal(proj_category_find("民生", strlen("民生")), PCAT_SOCIAL);
	assert_int_equal(proj_category_find("", 0), -1);
	assert_int_equal(proj_category_find(NULL, 3), -1);
	assert_string_equal(proj_category_zh(PCAT__COUNT), "?");
}

/* Seed 000: "5000万元以上项目"; seed 003: "31个亿元以上项目". */
static void test_size_tags(void **state)
{
	(void)state;
	assert_int_equal(proj_size_tags(0), 0);
	assert_int_equal(proj_size_tags(49999999), 0);
	assert_int_equal(proj_size_tags(50000000), PTAG_OVER_50M);
	assert_int_equal(proj_size_tags(99999999), PTAG_OVER_50M);
	assert_int_equal(proj_size_tags(100000000), PTAG_OVER_50M | PTAG_OVER_100M);
	assert_int_equal(proj_size_tags(-100000000), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stage_table),
		cmocka_unit_test(test_early_steps_free),
		cmocka_unit_test(test_preparing_needs_approval_applied),
		cmocka_unit_test(test_start_needs_permit_or_exemption),
		cmocka_unit_test(test_completion_needs_start_date),
		cmocka_unit_test(test_stats_needs_started),
		cmocka_unit_test(test_dates_of_a_move),
		cmocka_unit_test(test_backward_needs_reason),
		cmocka_unit_test(test_same_and_bad),
		cmocka_unit_test(test_guard_messages),
		cmocka_unit_test(test_class_tables),
		cmocka_unit_test(test_size_tags),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
