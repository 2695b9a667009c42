/* Tests for domain/proj_schedule. Oracles: small networks worked by hand;
 * for random DAGs an independent Bellman-Ford style relaxation (repeat
 * "start after every predecessor" until nothing changes, in whatever
 * order) in place of the library's topological passes; slips and progress
 * worked by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/proj_date.h"
#include "domain/proj_schedule.h"

static int32_t ymd(int y, int m, int d)
{
	int32_t out = PROJ_DATE_NONE;
	assert_true(proj_date_from_ymd(y, m, d, &out));
	return out;
}

static struct proj_milestone ms_make(int64_t id, const char *name, int32_t dur, size_t n_deps,
				     const int64_t *deps)
{
	struct proj_milestone m = { .id = id, .name = name, .duration = dur,
				    .deadline = PROJ_DATE_NONE, .n_deps = n_deps };
	for (size_t i = 0; i < n_deps; i++)
		m.deps[i] = deps[i];
	return m;
}

/* A(3) -> B(2) -> D(0); A -> C(5) -> D. From 2024-03-01. */
static void diamond(struct proj_milestone m[4])
{
	static const int64_t a[] = { 1 }, bc[] = { 2, 3 };
	m[0] = ms_make(1, "A", 3, 0, NULL);
	m[1] = ms_make(2, "B", 2, 1, a);
	m[2] = ms_make(3, "C", 5, 1, a);
	m[3] = ms_make(4, "D", 0, 2, bc);
}

static void test_forward_only(void **state)
{
	(void)state;
	struct proj_milestone m[4];
	diamond(m);
	struct proj_sched_input in = { m, 4, ymd(2024, 3, 1), PROJ_DATE_NONE };
	struct proj_sched_result r;
	struct proj_sched_error e = { .code = PSCHED_CYCLE };
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_OK);
	assert_int_equal(e.code, PSCHED_OK);
	/* A 03-01..03-03; B 03-04..03-05; C 03-04..03-08; D 03-09. */
	assert_int_equal(r.t[0].es, ymd(2024, 3, 1));
	assert_int_equal(r.t[0].ef, ymd(2024, 3, 3));
	assert_int_equal(r.t[1].es, ymd(2024, 3, 4));
	assert_int_equal(r.t[1].ef, ymd(2024, 3, 5));
	assert_int_equal(r.t[2].ef, ymd(2024, 3, 8));
	assert_int_equal(r.t[3].es, ymd(2024, 3, 9));
	assert_int_equal(r.t[3].ef, ymd(2024, 3, 9));
	/* B can slip 3 days: latest 03-07..03-08. */
	assert_int_equal(r.t[1].ls, ymd(2024, 3, 7));
	assert_int_equal(r.t[1].lf, ymd(2024, 3, 8));
	assert_int_equal(r.t[1].total_float, 3);
	assert_false(r.t[1].critical);
	assert_int_equal(r.n_critical, 3);
	assert_int_equal(r.critical[0], 0);
	assert_int_equal(r.critical[1], 2);
	assert_int_equal(r.critical[2], 3);
	assert_int_equal(r.start, ymd(2024, 3, 1));
	assert_int_equal(r.finish, ymd(2024, 3, 9));
	assert_int_equal(r.latest_finish, ymd(2024, 3, 9));
	assert_true(r.feasible);
	/* The topological order puts every milestone after its predecessors. */
	size_t pos[4];
	for (size_t i = 0; i < 4; i++)
		pos[r.order[i]] = i;
	assert_true(pos[0] < pos[1] && pos[0] < pos[2] && pos[1] < pos[3] && pos[2] < pos[3]);
}

static void test_target_with_room_and_shortfall(void **state)
{
	(void)state;
	struct proj_milestone m[4];
	diamond(m);
	struct proj_sched_input in = { m, 4, ymd(2024, 3, 1), ymd(2024, 3, 12) };
	struct proj_sched_result r;
	assert_int_equal(proj_sched_plan(&in, &r, NULL), PSCHED_OK);
	assert_int_equal(r.min_float, 3);
	assert_true(r.feasible);
	assert_int_equal(r.n_critical, 3); /* the longest chain, float 3 */
	assert_int_equal(r.t[3].lf, ymd(2024, 3, 12));
	assert_int_equal(r.t[2].lf, ymd(2024, 3, 11));
	/* Three days short. */
	in.target = ymd(2024, 3, 6);
	assert_int_equal(proj_sched_plan(&in, &r, NULL), PSCHED_OK);
	assert_int_equal(r.min_float, -3);
	assert_false(r.feasible);
	assert_int_equal(r.t[0].total_float, -3);
	assert_int_equal(r.t[1].total_float, 0);
	assert_int_equal(r.latest_finish, ymd(2024, 3, 6));
	/* Only a target: the latest start. */
	in.start = PROJ_DATE_NONE;
	in.target = ymd(2024, 3, 9);
	assert_int_equal(proj_sched_plan(&in, &r, NULL), PSCHED_OK);
	assert_int_equal(r.start, ymd(2024, 3, 1));
	assert_int_equal(r.min_float, 0);
}

static void test_deadline_caps(void **state)
{
	(void)state;
	struct proj_milestone m[4];
	diamond(m);
	m[1].deadline = ymd(2024, 3, 6); /* B must be done by 03-06 */
	struct proj_sched_input in = { m, 4, ymd(2024, 3, 1), PROJ_DATE_NONE };
	struct proj_sched_result r;
	assert_int_equal(proj_sched_plan(&in, &r, NULL), PSCHED_OK);
	assert_int_equal(r.t[1].lf, ymd(2024, 3, 6));
	assert_int_equal(r.t[1].total_float, 1);
	assert_int_equal(r.t[0].lf, ymd(2024, 3, 3)); /* C still governs A */
	m[1].deadline = ymd(2024, 3, 4);              /* a day too early */
	assert_int_equal(proj_sched_plan(&in, &r, NULL), PSCHED_OK);
	assert_int_equal(r.t[1].total_float, -1);
	assert_int_equal(r.t[0].total_float, -1);
	assert_false(r.feasible);
	assert_int_equal(r.n_critical, 2); /* A and B */
	assert_int_equal(r.critical[0], 0);
	assert_int_equal(r.critical[1], 1);
}

static void test_errors(void **state)
{
	(void)state;
	struct proj_milestone m[4];
	struct proj_sched_result r;
	struct proj_sched_error e;
	struct proj_sched_input in = { m, 4, ymd(2024, 3, 1), PROJ_DATE_NONE };
	diamond(m);
	static const int64_t ghost[] = { 99 }, self[] = { 3 };
	m[2] = ms_make(3, "C", 5, 1, ghost);
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_UNKNOWN_DEP);
	assert_int_equal(e.index, 2);
	assert_int_equal(e.dep_id, 99);
	m[2] = ms_make(3, "C", 5, 1, self);
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_SELF_DEP);
	assert_int_equal(e.index, 2);
	diamond(m);
	m[3].id = 2;
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_DUPLICATE_ID);
	assert_int_equal(e.index, 3);
	diamond(m);
	m[1].duration = -1;
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_BAD_DURATION);
	assert_int_equal(e.index, 1);
	m[1].duration = PROJ_SCHED_MAX_DAYS + 1;
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_BAD_DURATION);
	diamond(m);
	m[1].n_deps = PROJ_SCHED_MAX_DEPS + 1;
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_TOO_MANY_DEPS);
	diamond(m);
	m[0].deadline = PROJ_DATE_MAX + 5;
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_BAD_DATE);
	diamond(m);
	in.start = PROJ_DATE_NONE;
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_NO_ANCHOR);
	in.start = PROJ_DATE_MIN - 1;
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_BAD_DATE);
	in.start = PROJ_DATE_MAX; /* D would land after 9999-12-31 */
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_OUT_OF_RANGE);
	in.start = ymd(2024, 3, 1);
	in.n = 0;
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_EMPTY);
	in.n = PROJ_SCHED_MAX + 1;
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_TOO_MANY);
	assert_int_equal(proj_sched_plan(NULL, &r, &e), PSCHED_EMPTY);
}

/* A -> B -> C -> A is a cycle; D hangs below it and E is free. */
static void test_cycle_named(void **state)
{
	(void)state;
	static const int64_t a[] = { 1 }, b[] = { 2 }, c[] = { 3 };
	struct proj_milestone m[5] = {
		ms_make(5, "E", 1, 0, NULL), ms_make(4, "D", 1, 1, c), ms_make(1, "A", 1, 1, c),
		ms_make(2, "B", 1, 1, a),    ms_make(3, "C", 1, 1, b),
	};
	struct proj_sched_input in = { m, 5, ymd(2024, 3, 1), PROJ_DATE_NONE };
	struct proj_sched_result r;
	struct proj_sched_error e;
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_CYCLE);
	assert_true(e.index >= 2 && e.index <= 4); /* A, B or C, never D */
	char msg[160];
	proj_sched_error_format(&e, m, 5, true, msg, sizeof msg);
	assert_non_null(strstr(msg, "里程碑“"));
	assert_non_null(strstr(msg, "成环"));
	proj_sched_error_format(&e, m, 5, false, msg, sizeof msg);
	assert_non_null(strstr(msg, "cycle"));
	/* A two-milestone cycle. */
	static const int64_t x[] = { 10 }, y[] = { 11 };
	struct proj_milestone two[2] = { ms_make(10, "X", 0, 1, y), ms_make(11, "Y", 0, 1, x) };
	in.ms = two;
	in.n = 2;
	assert_int_equal(proj_sched_plan(&in, &r, &e), PSCHED_CYCLE);
	assert_true(e.index <= 1);
}

static void test_error_format(void **state)
{
	(void)state;
	struct proj_milestone m[1] = { ms_make(7, "用地", 60, 0, NULL) };
	struct proj_sched_error e = { PSCHED_UNKNOWN_DEP, 0, 99 };
	char out[160];
	size_t n = proj_sched_error_format(&e, m, 1, true, out, sizeof out);
	assert_string_equal(out, "里程碑“用地”：依赖的里程碑不存在（编号 99）");
	assert_int_equal(n, strlen(out));
	proj_sched_error_format(&e, m, 1, false, out, sizeof out);
	assert_string_equal(out, "Milestone \"用地\": It depends on a milestone that does "
				 "not exist (id 99)");
	m[0].name = NULL;
	e.code = PSCHED_SELF_DEP;
	proj_sched_error_format(&e, m, 1, true, out, sizeof out);
	assert_string_equal(out, "里程碑“#7”：不能依赖自身");
	e.code = PSCHED_NO_ANCHOR;
	proj_sched_error_format(&e, m, 1, true, out, sizeof out);
	assert_string_equal(out, "须给出开始日期或目标日期");
	e.code = PSCHED_CYCLE;
	e.index = 5; /* out of range: no name */
	proj_sched_error_format(&e, m, 1, true, out, sizeof out);
	assert_string_equal(out, "前后置关系成环，无法排期");
	char tiny[8];
	assert_true(proj_sched_error_format(&e, m, 1, false, tiny, sizeof tiny) > 7);
	assert_int_equal(strlen(tiny), 7);
	for (int c = 0; c <= PSCHED__COUNT; c++) {
		assert_true(strlen(proj_sched_code_zh((enum proj_sched_code)c)) > 0);
		assert_true(strlen(proj_sched_code_en((enum proj_sched_code)c)) > 0);
	}
}

/* Random DAGs against the relaxation oracle. Exclusive ends internally:
 * end = start + duration; a successor starts at the predecessor's end.
 * *target_day receives the inclusive target day. */
static uint32_t rng = 12345;

static uint32_t next_rand(void)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 16) & 0x7FFF;
}

static void oracle(const struct proj_milestone *m, size_t n, int64_t start, int64_t *es,
		   int64_t *ls, int64_t *target_day)
{
	for (size_t i = 0; i < n; i++)
		es[i] = start;
	for (bool changed = true; changed;) {
		changed = false;
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < m[i].n_deps; k++)
				for (size_t p = 0; p < n; p++)
					if (m[p].id == m[i].deps[k] &&
					    es[p] + m[p].duration > es[i]) {
						es[i] = es[p] + m[p].duration;
						changed = true;
					}
	}
	/* The target is the last inclusive finish; each milestone may end
	 * (exclusively) a day after it unless it is an event. */
	int64_t target = INT64_MIN;
	for (size_t i = 0; i < n; i++) {
		int64_t last = es[i] + m[i].duration - (m[i].duration > 0);
		target = last > target ? last : target;
	}
	*target_day = target;
	for (size_t i = 0; i < n; i++)
		ls[i] = target + (m[i].duration > 0) - m[i].duration;
	for (bool changed = true; changed;) {
		changed = false;
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < m[i].n_deps; k++)
				for (size_t p = 0; p < n; p++)
					if (m[p].id == m[i].deps[k] &&
					    ls[i] - m[p].duration < ls[p]) {
						ls[p] = ls[i] - m[p].duration;
						changed = true;
					}
	}
}

static void random_dag(struct proj_milestone *m, size_t n)
{
	size_t perm[PROJ_SCHED_MAX];
	for (size_t i = 0; i < n; i++)
		perm[i] = i;
	for (size_t i = n; i-- > 1;) {
		size_t j = next_rand() % (i + 1), t = perm[i];
		perm[i] = perm[j];
		perm[j] = t;
	}
	/* Milestone perm[k] may depend only on perm[j] with j < k. */
	for (size_t k = 0; k < n; k++) {
		struct proj_milestone *x = &m[perm[k]];
		int64_t id = 1000 + (int64_t)perm[k] * 7;
		*x = ms_make(id, NULL, (int32_t)(next_rand() % 40), 0, NULL);
		if (next_rand() % 5 == 0)
			x->duration = 0;
		size_t want = k == 0 ? 0 : next_rand() % (k < 4 ? k + 1 : 4);
		for (size_t d = 0; d < want; d++)
			x->deps[x->n_deps++] = 1000 + (int64_t)perm[next_rand() % k] * 7;
	}
}

static void test_random_against_oracle(void **state)
{
	(void)state;
	struct proj_milestone m[PROJ_SCHED_MAX];
	for (int round = 0; round < 300; round++) {
		size_t n = 1 + next_rand() % PROJ_SCHED_MAX;
		random_dag(m, n);
		int32_t start = ymd(2024, 1, 1);
		struct proj_sched_input in = { m, n, start, PROJ_DATE_NONE };
		struct proj_sched_result r;
		assert_int_equal(proj_sched_plan(&in, &r, NULL), PSCHED_OK);
		int64_t es[PROJ_SCHED_MAX], ls[PROJ_SCHED_MAX], end;
		oracle(m, n, start, es, ls, &end);
		size_t n_crit = 0;
		for (size_t i = 0; i < n; i++) {
			int32_t last = m[i].duration > 0 ? -1 : 0;
			assert_int_equal(r.t[i].es, es[i]);
			assert_int_equal(r.t[i].ls, ls[i]);
			assert_int_equal(r.t[i].ef, es[i] + m[i].duration + last);
			assert_int_equal(r.t[i].lf, ls[i] + m[i].duration + last);
			assert_true(r.t[i].total_float >= 0);
			assert_int_equal(r.t[i].critical, ls[i] == es[i]);
			n_crit += ls[i] == es[i];
		}
		assert_int_equal(r.min_float, 0);
		assert_int_equal(r.finish, end);
		assert_int_equal(r.n_critical, n_crit);
		for (size_t k = 1; k < r.n_critical; k++)
			assert_true(r.t[r.critical[k - 1]].es <= r.t[r.critical[k]].es);
		/* Planned backwards from the earliest finish gives the same plan. */
		in.start = PROJ_DATE_NONE;
		in.target = r.finish;
		struct proj_sched_result back;
		assert_int_equal(proj_sched_plan(&in, &back, NULL), PSCHED_OK);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(back.t[i].ls, r.t[i].ls);
		assert_int_equal(back.start, start);
	}
}

static struct proj_ms_track track(int32_t bs, int32_t bf, int32_t ps, int32_t pf, int32_t as,
				  int32_t af)
{
	struct proj_ms_track t = { bs, bf, ps, pf, as, af, 0, -1 };
	return t;
}

static void test_compare(void **state)
{
	(void)state;
	int32_t N = PROJ_DATE_NONE, today = ymd(2024, 4, 10);
	struct proj_ms_track ms[4] = {
		/* Done 2 days after its baseline finish. */
		track(ymd(2024, 1, 1), ymd(2024, 1, 20), ymd(2024, 1, 1), ymd(2024, 1, 20),
		      ymd(2024, 1, 2), ymd(2024, 1, 22)),
		/* Replanned 5 days later, still in time against the new plan. */
		track(ymd(2024, 3, 1), ymd(2024, 4, 30), ymd(2024, 3, 6), ymd(2024, 5, 5),
		      ymd(2024, 3, 6), N),
		/* Not started, due to finish 04-05: overdue, forecast today. */
		track(ymd(2024, 3, 20), ymd(2024, 4, 5), ymd(2024, 3, 20), ymd(2024, 4, 5), N, N),
		/* No baseline: compared to its plan; an event due later. */
		track(N, N, ymd(2024, 5, 6), ymd(2024, 5, 6), N, N),
	};
	struct proj_ms_slip s[4];
	struct proj_slip_summary sum;
	assert_true(proj_sched_compare(ms, 4, today, s, &sum));
	assert_true(s[0].done && s[0].has_baseline && !s[0].overdue);
	assert_int_equal(s[0].finish_slip, 2);
	assert_int_equal(s[0].start_slip, 1);
	assert_true(s[0].late_start);
	assert_int_equal(s[1].finish_slip, 5);
	assert_int_equal(s[1].start_slip, 5);
	assert_false(s[1].overdue);
	assert_true(s[2].overdue && s[2].late_start && !s[2].done);
	assert_int_equal(s[2].forecast_start, today);
	assert_int_equal(s[2].forecast_finish, today);
	assert_int_equal(s[2].finish_slip, 5);
	assert_false(s[3].has_baseline);
	assert_int_equal(s[3].finish_slip, 0);
	assert_false(s[3].late_start);
	assert_int_equal(sum.n_late, 3);
	assert_int_equal(sum.n_overdue, 1);
	assert_int_equal(sum.max_slip, 5);
	assert_int_equal(sum.worst, 1); /* the first of the largest */
	assert_int_equal(sum.reference_end, ymd(2024, 5, 6));
	assert_int_equal(sum.forecast_end, ymd(2024, 5, 6));
	assert_int_equal(sum.end_slip, 0);
	/* A month later the last one is overdue too and the end slips. */
	assert_true(proj_sched_compare(ms, 4, ymd(2024, 6, 5), NULL, &sum));
	assert_int_equal(sum.n_overdue, 3);
	assert_int_equal(sum.forecast_end, ymd(2024, 6, 5));
	assert_int_equal(sum.end_slip, 30);
	/* Finishing early is a negative slip. */
	ms[0].actual_finish = ymd(2024, 1, 15);
	assert_true(proj_sched_compare(ms, 1, today, s, NULL));
	assert_int_equal(s[0].finish_slip, -5);
	/* Bad input. */
	assert_false(proj_sched_compare(ms, 0, today, s, &sum));
	assert_false(proj_sched_compare(ms, 4, N, s, &sum));
	ms[3].plan_finish = ymd(2024, 5, 5);
	assert_false(proj_sched_compare(ms, 4, today, s, &sum));
	ms[3] = track(ymd(2024, 1, 1), N, ymd(2024, 5, 6), ymd(2024, 5, 6), N, N);
	assert_false(proj_sched_compare(ms, 4, today, s, &sum));
	ms[3] = track(N, N, ymd(2024, 5, 6), ymd(2024, 5, 6), ymd(2024, 5, 6), ymd(2024, 5, 5));
	assert_false(proj_sched_compare(ms, 4, today, s, &sum));
}

static void test_progress(void **state)
{
	(void)state;
	int32_t N = PROJ_DATE_NONE;
	/* Two 10-day milestones back to back in March, by planned days. */
	struct proj_ms_track ms[2] = {
		track(N, N, ymd(2024, 3, 1), ymd(2024, 3, 10), ymd(2024, 3, 1), ymd(2024, 3, 12)),
		track(N, N, ymd(2024, 3, 11), ymd(2024, 3, 20), ymd(2024, 3, 13), N),
	};
	ms[1].reported_bp = 3000;
	int64_t plan = -1, act = -1;
	/* End of 03-15: plan 10 + 5 of 20 days = 75%; actual 10 + 30% of 10. */
	assert_true(proj_sched_progress(ms, 2, ymd(2024, 3, 15), &plan, &act));
	assert_int_equal(plan, 7500);
	assert_int_equal(act, 6500);
	/* End of 03-11: the first is not done yet in fact. */
	assert_true(proj_sched_progress(ms, 2, ymd(2024, 3, 11), &plan, &act));
	assert_int_equal(plan, 5500);
	assert_int_equal(act, 0);
	assert_true(proj_sched_progress(ms, 2, ymd(2024, 2, 1), &plan, &act));
	assert_int_equal(plan, 0);
	assert_true(proj_sched_progress(ms, 2, ymd(2024, 12, 31), &plan, &act));
	assert_int_equal(plan, 10000);
	assert_int_equal(act, 6500);
	/* Weights override days; a baseline is preferred to the plan. */
	ms[0].weight = 1;
	ms[1].weight = 3;
	assert_true(proj_sched_progress(ms, 2, ymd(2024, 3, 15), &plan, &act));
	assert_int_equal(plan, 6250); /* (1 * 100% + 3 * 50%) / 4 */
	assert_int_equal(act, 4750);  /* (1 * 100% + 3 * 30%) / 4 */
	ms[1].base_start = ymd(2024, 3, 21);
	ms[1].base_finish = ymd(2024, 3, 30);
	assert_true(proj_sched_progress(ms, 2, ymd(2024, 3, 15), &plan, &act));
	assert_int_equal(plan, 2500);
	/* A bad report is refused. */
	ms[1].reported_bp = 10001;
	assert_false(proj_sched_progress(ms, 2, ymd(2024, 3, 15), &plan, &act));
	ms[1].reported_bp = -1;
	ms[1].weight = -2;
	assert_false(proj_sched_progress(ms, 2, ymd(2024, 3, 15), &plan, &act));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forward_only),
		cmocka_unit_test(test_target_with_room_and_shortfall),
		cmocka_unit_test(test_deadline_caps),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_cycle_named),
		cmocka_unit_test(test_error_format),
		cmocka_unit_test(test_random_against_oracle),
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_progress),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
