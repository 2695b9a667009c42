/* Tests for domain/proj_procedure: tables, record checks, durations, and
 * the default 倒排工期 template planned back from 开工 on 2024-04-15. The
 * template's dates were worked by hand and checked with Python's datetime
 * (e.g. 用地 60 days ending 2024-03-10 starts 2024-01-11). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/proj_date.h"
#include "domain/proj_procedure.h"

static int32_t ymd(int y, int m, int d)
{
	int32_t out = PROJ_DATE_NONE;
	assert_true(proj_date_from_ymd(y, m, d, &out));
	return out;
}

static int find(int (*fn)(const char *, size_t), const char *s)
{
	return fn(s, strlen(s));
}

static void test_tables(void **state)
{
	(void)state;
	static const char *const zh[PROC__COUNT] = { "立项", "用地", "规划许可",
						     "环评", "能评", "施工许可" };
	for (int p = 0; p < PROC__COUNT; p++) {
		assert_string_equal(proj_proc_zh((enum proj_proc)p), zh[p]);
		assert_int_equal(find(proj_proc_find, zh[p]), p);
		assert_int_equal(find(proj_proc_find, proj_proc_code((enum proj_proc)p)), p);
		assert_true(strlen(proj_proc_en((enum proj_proc)p)) > 0);
	}
	static const char *const st[PSTATUS__COUNT] = { "未启动", "办理中", "已取得",
							"不涉及/免办" };
	for (int s = 0; s < PSTATUS__COUNT; s++) {
		assert_string_equal(proj_proc_status_zh((enum proj_proc_status)s), st[s]);
		assert_int_equal(find(proj_proc_status_find, st[s]), s);
		const char *code = proj_proc_status_code((enum proj_proc_status)s);
		assert_int_equal(find(proj_proc_status_find, code), s);
		assert_true(strlen(proj_proc_status_en((enum proj_proc_status)s)) > 0);
	}
	assert_int_equal(find(proj_proc_find, "施工许可证"), PROC_PERMIT);
	assert_int_equal(find(proj_proc_find, "环境影响评价"), PROC_EIA);
	assert_int_equal(find(proj_proc_find, "节能审查"), PROC_ENERGY);
	assert_int_equal(find(proj_proc_find, "土地"), PROC_LAND);
	assert_int_equal(find(proj_proc_find, "消防"), -1);
	assert_int_equal(find(proj_proc_find, ""), -1);
	assert_int_equal(proj_proc_find(NULL, 3), -1);
	assert_int_equal(find(proj_proc_status_find, "不涉及"), PSTATUS_EXEMPT);
	assert_int_equal(find(proj_proc_status_find, "免办"), PSTATUS_EXEMPT);
	assert_int_equal(find(proj_proc_status_find, "已办结"), PSTATUS_OBTAINED);
	assert_int_equal(find(proj_proc_status_find, "正在办理"), PSTATUS_IN_PROGRESS);
	assert_int_equal(find(proj_approval_kind_find, "审批"), PAPPROVAL_REVIEW);
	assert_int_equal(find(proj_approval_kind_find, "核准"), PAPPROVAL_VERIFY);
	assert_int_equal(find(proj_approval_kind_find, "备案制"), PAPPROVAL_FILING);
	assert_int_equal(find(proj_approval_kind_find, "filing"), PAPPROVAL_FILING);
	assert_int_equal(find(proj_approval_kind_find, ""), -1);
	assert_string_equal(proj_approval_kind_zh(PAPPROVAL_VERIFY), "核准");
	assert_string_equal(proj_approval_kind_en(PAPPROVAL_REVIEW), "review");
	assert_string_equal(proj_approval_kind_code(PAPPROVAL_NONE), "");
	assert_string_equal(proj_proc_zh(PROC__COUNT), "?");
	assert_string_equal(proj_proc_code((enum proj_proc)-1), "");
	assert_string_equal(proj_proc_status_zh(PSTATUS__COUNT), "?");
	assert_string_equal(proj_approval_kind_zh(PAPPROVAL__COUNT), "?");
}

static void test_status_predicates(void **state)
{
	(void)state;
	assert_false(proj_proc_status_satisfied(PSTATUS_NOT_STARTED));
	assert_false(proj_proc_status_satisfied(PSTATUS_IN_PROGRESS));
	assert_true(proj_proc_status_satisfied(PSTATUS_OBTAINED));
	assert_true(proj_proc_status_satisfied(PSTATUS_EXEMPT));
	assert_false(proj_proc_status_applied(PSTATUS_NOT_STARTED));
	assert_true(proj_proc_status_applied(PSTATUS_IN_PROGRESS));
	assert_true(proj_proc_status_applied(PSTATUS_OBTAINED));
	assert_false(proj_proc_status_applied(PSTATUS_EXEMPT));
	assert_false(proj_proc_exempt_allowed(PROC_APPROVAL));
	for (int p = PROC_LAND; p < PROC__COUNT; p++)
		assert_true(proj_proc_exempt_allowed((enum proj_proc)p));
	assert_false(proj_proc_exempt_allowed(PROC__COUNT));
}

static void test_durations(void **state)
{
	(void)state;
	struct proj_proc_durations d;
	proj_proc_default_durations(&d);
	static const int32_t expect[PROC__COUNT] = { 20, 60, 20, 30, 20, 15 };
	for (int p = 0; p < PROC__COUNT; p++)
		assert_int_equal(d.days[p], expect[p]);
	assert_true(proj_proc_durations_check(&d, NULL));
	enum proj_proc bad = PROC__COUNT;
	d.days[PROC_EIA] = -1;
	assert_false(proj_proc_durations_check(&d, &bad));
	assert_int_equal(bad, PROC_EIA);
	d.days[PROC_EIA] = PROJ_PROC_MAX_DAYS;
	assert_true(proj_proc_durations_check(&d, &bad));
	d.days[PROC_PERMIT] = PROJ_PROC_MAX_DAYS + 1;
	assert_false(proj_proc_durations_check(&d, &bad));
	assert_int_equal(bad, PROC_PERMIT);
	assert_int_equal(proj_proc_default_deps(PROC_APPROVAL), 0);
	assert_int_equal(proj_proc_default_deps(PROC_LAND), 1u << PROC_APPROVAL);
	assert_int_equal(proj_proc_default_deps(PROC_PERMIT), 1u << PROC_PLANNING);
	assert_int_equal(proj_proc_default_deps(PROC__COUNT), 0);
}

static struct proj_proc_record rec(enum proj_proc p, enum proj_proc_status s)
{
	struct proj_proc_record r = { p, s, PAPPROVAL_NONE, PROJ_DATE_NONE, PROJ_DATE_NONE,
				      PROJ_DATE_NONE, false };
	return r;
}

static void test_record_check(void **state)
{
	(void)state;
	int32_t today = ymd(2024, 3, 15);
	struct proj_proc_record r = rec(PROC_LAND, PSTATUS_NOT_STARTED);
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_OK);
	r.planned_finish = ymd(2024, 5, 1); /* plans are fine when not started */
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_OK);
	r.actual_start = ymd(2024, 3, 1);
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_DATES_NOT_STARTED);
	r.status = PSTATUS_IN_PROGRESS;
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_OK);
	r.status = PSTATUS_OBTAINED;
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_NEED_OBTAINED_DATE);
	r.actual_finish = ymd(2024, 2, 28);
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_FINISH_BEFORE_START);
	r.actual_finish = ymd(2024, 3, 16);
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_DATE_IN_FUTURE);
	assert_int_equal(proj_proc_record_check(&r, PROJ_DATE_NONE), PPROC_OK);
	r.actual_finish = ymd(2024, 3, 15);
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_OK);
	r.actual_finish = PROJ_DATE_MAX + 1;
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_BAD_DATE);
	/* 免办 needs its basis; 立项 cannot be waived. */
	r = rec(PROC_ENERGY, PSTATUS_EXEMPT);
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_NEED_BASIS);
	r.has_basis = true;
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_OK);
	r = rec(PROC_APPROVAL, PSTATUS_EXEMPT);
	r.has_basis = true;
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_EXEMPT_NOT_ALLOWED);
	/* 立项 says its form once applied for; others have none. */
	r = rec(PROC_APPROVAL, PSTATUS_IN_PROGRESS);
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_NEED_APPROVAL_KIND);
	r.approval_kind = PAPPROVAL_FILING;
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_OK);
	r.approval_kind = PAPPROVAL__COUNT;
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_NEED_APPROVAL_KIND);
	r = rec(PROC_APPROVAL, PSTATUS_NOT_STARTED);
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_OK);
	r = rec(PROC_PERMIT, PSTATUS_NOT_STARTED);
	r.approval_kind = PAPPROVAL_REVIEW;
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_KIND_NOT_APPROVAL);
	/* Out of range. */
	r = rec(PROC__COUNT, PSTATUS_NOT_STARTED);
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_BAD_PROC);
	r = rec(PROC_LAND, PSTATUS__COUNT);
	assert_int_equal(proj_proc_record_check(&r, today), PPROC_BAD_STATUS);
	assert_int_equal(proj_proc_record_check(NULL, today), PPROC_BAD_PROC);
	for (int e = 0; e <= PPROC__COUNT; e++) {
		assert_true(strlen(proj_proc_error_zh((enum proj_proc_error)e)) > 0);
		assert_true(strlen(proj_proc_error_en((enum proj_proc_error)e)) > 0);
	}
	assert_non_null(strstr(proj_proc_error_zh(PPROC_NEED_BASIS), "依据"));
}

static void test_template_shape(void **state)
{
	(void)state;
	struct proj_milestone ms[PROC__COUNT + 1];
	assert_int_equal(proj_proc_template(NULL, NULL, 100, ms), PROC__COUNT + 1);
	assert_int_equal(ms[PROC_APPROVAL].id, 100);
	assert_int_equal(ms[PROC_APPROVAL].n_deps, 0);
	assert_string_equal(ms[PROC_LAND].name, "用地");
	assert_int_equal(ms[PROC_LAND].duration, 60);
	assert_int_equal(ms[PROC_LAND].n_deps, 1);
	assert_int_equal(ms[PROC_LAND].deps[0], 100);
	assert_int_equal(ms[PROC_PERMIT].deps[0], 100 + PROC_PLANNING);
	assert_int_equal(ms[PROC__COUNT].id, 106);
	assert_string_equal(ms[PROC__COUNT].name, "开工");
	assert_int_equal(ms[PROC__COUNT].duration, 0);
	assert_int_equal(ms[PROC__COUNT].n_deps, 3);
	assert_int_equal(ms[PROC__COUNT].deps[0], 100 + PROC_EIA);
	assert_int_equal(ms[PROC__COUNT].deps[1], 100 + PROC_ENERGY);
	assert_int_equal(ms[PROC__COUNT].deps[2], 100 + PROC_PERMIT);
	for (int i = 0; i <= PROC__COUNT; i++)
		assert_int_equal(ms[i].deadline, PROJ_DATE_NONE);
}

/* Target 开工 2024-04-15, default durations, start as late as possible. */
static void test_template_backwards_from_start(void **state)
{
	(void)state;
	struct proj_milestone ms[PROC__COUNT + 1];
	size_t n = proj_proc_template(NULL, NULL, 1, ms);
	struct proj_sched_input in = { ms, n, PROJ_DATE_NONE, ymd(2024, 4, 15) };
	struct proj_sched_result r;
	struct proj_sched_error e;
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_OK);
	static const struct {
		int proc;
		int ls[3], lf[3];
	} expect[] = {
		{ PROC_APPROVAL, { 2023, 12, 22 }, { 2024, 1, 10 } },
		{ PROC_LAND, { 2024, 1, 11 }, { 2024, 3, 10 } },
		{ PROC_PLANNING, { 2024, 3, 11 }, { 2024, 3, 30 } },
		{ PROC_EIA, { 2024, 3, 16 }, { 2024, 4, 14 } },
		{ PROC_ENERGY, { 2024, 3, 26 }, { 2024, 4, 14 } },
		{ PROC_PERMIT, { 2024, 3, 31 }, { 2024, 4, 14 } },
		{ PROC__COUNT, { 2024, 4, 15 }, { 2024, 4, 15 } },
	};
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
		const struct proj_sched_times *t = &r.t[expect[i].proc];
		assert_int_equal(t->ls, ymd(expect[i].ls[0], expect[i].ls[1], expect[i].ls[2]));
		assert_int_equal(t->lf, ymd(expect[i].lf[0], expect[i].lf[1], expect[i].lf[2]));
	}
	assert_int_equal(r.start, ymd(2023, 12, 22));
	assert_int_equal(r.finish, ymd(2024, 4, 15));
	assert_int_equal(r.min_float, 0);
	assert_true(r.feasible);
	/* 环评 may start right after 立项 (2024-01-11): 65 days of float. */
	assert_int_equal(r.t[PROC_EIA].es, ymd(2024, 1, 11));
	assert_int_equal(r.t[PROC_EIA].total_float, 65);
	assert_int_equal(r.t[PROC_ENERGY].total_float, 75);
	static const size_t chain[] = { PROC_APPROVAL, PROC_LAND, PROC_PLANNING, PROC_PERMIT,
					PROC__COUNT };
	assert_int_equal(r.n_critical, 5);
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(r.critical[i], chain[i]);
	assert_false(r.t[PROC_EIA].critical);
}

/* Procedures already done take no time; user durations override. */
static void test_template_with_progress(void **state)
{
	(void)state;
	enum proj_proc_status st[PROC__COUNT] = { PSTATUS_OBTAINED,    PSTATUS_OBTAINED,
						  PSTATUS_IN_PROGRESS, PSTATUS_EXEMPT,
						  PSTATUS_NOT_STARTED, PSTATUS_NOT_STARTED };
	struct proj_proc_durations d;
	proj_proc_default_durations(&d);
	d.days[PROC_PERMIT] = 10;
	struct proj_milestone ms[PROC__COUNT + 1];
	size_t n = proj_proc_template(&d, st, 1, ms);
	assert_int_equal(ms[PROC_APPROVAL].duration, 0);
	assert_int_equal(ms[PROC_LAND].duration, 0);
	assert_int_equal(ms[PROC_PLANNING].duration, 20);
	assert_int_equal(ms[PROC_EIA].duration, 0);
	assert_int_equal(ms[PROC_PERMIT].duration, 10);
	/* From today 2024-03-01: 规划许可 03-01..03-20, 施工许可 03-21..03-30,
	 * so 开工 is possible on 2024-03-31. */
	struct proj_sched_input in = { ms, n, ymd(2024, 3, 1), PROJ_DATE_NONE };
	struct proj_sched_result r;
	assert_int_equal(proj_sched_plan(&in, &r, NULL), PSCHED_OK);
	assert_int_equal(r.t[PROC_PLANNING].ef, ymd(2024, 3, 20));
	assert_int_equal(r.t[PROC_PERMIT].es, ymd(2024, 3, 21));
	assert_int_equal(r.t[PROC__COUNT].es, ymd(2024, 3, 31));
	assert_int_equal(r.finish, ymd(2024, 3, 31));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_status_predicates),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_record_check),
		cmocka_unit_test(test_template_shape),
		cmocka_unit_test(test_template_backwards_from_start),
		cmocka_unit_test(test_template_with_progress),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
