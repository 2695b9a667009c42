#include "domain/proj_schedule.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "domain/proj_date.h"
#include "domain/proj_ratio.h"

/* Internally a milestone occupies [start, end) with end = start + duration,
 * so arithmetic needs no special case for events; finishes are converted
 * to inclusive days only at the edges (finish = end - 1 unless an event). */

/* The network resolved to indices. */
struct net {
	const struct proj_milestone *ms;
	size_t n;
	size_t pred[PROJ_SCHED_MAX][PROJ_SCHED_MAX_DEPS];
	size_t n_succ[PROJ_SCHED_MAX];
	size_t order[PROJ_SCHED_MAX];
	int64_t es[PROJ_SCHED_MAX], ls[PROJ_SCHED_MAX]; /* start days */
};

static enum proj_sched_code fail(struct proj_sched_error *err, enum proj_sched_code c, size_t i,
				 int64_t dep)
{
	if (err) {
		err->code = c;
		err->index = i;
		err->dep_id = dep;
	}
	return c;
}

/* Index of the milestone with this id, n when none. */
static size_t index_of(const struct net *g, int64_t id)
{
	for (size_t i = 0; i < g->n; i++)
		if (g->ms[i].id == id)
			return i;
	return g->n;
}

static bool date_ok_or_none(int32_t d)
{
	return d == PROJ_DATE_NONE || proj_date_valid(d);
}

static enum proj_sched_code check_one(const struct net *g, size_t i, struct proj_sched_error *err)
{
	const struct proj_milestone *m = &g->ms[i];
	if (m->duration < 0 || m->duration > PROJ_SCHED_MAX_DAYS)
		return fail(err, PSCHED_BAD_DURATION, i, 0);
	if (m->n_deps > PROJ_SCHED_MAX_DEPS)
		return fail(err, PSCHED_TOO_MANY_DEPS, i, 0);
	if (!date_ok_or_none(m->deadline))
		return fail(err, PSCHED_BAD_DATE, i, 0);
	if (index_of(g, m->id) != i)
		return fail(err, PSCHED_DUPLICATE_ID, i, 0);
	return PSCHED_OK;
}

/* Validates the milestones and resolves dependencies to indices. */
static enum proj_sched_code resolve(struct net *g, struct proj_sched_error *err)
{
	memset(g->n_succ, 0, sizeof g->n_succ);
	for (size_t i = 0; i < g->n; i++) {
		enum proj_sched_code c = check_one(g, i, err);
		if (c != PSCHED_OK)
			return c;
	}
	for (size_t i = 0; i < g->n; i++) {
		for (size_t k = 0; k < g->ms[i].n_deps; k++) {
			int64_t id = g->ms[i].deps[k];
			size_t p = index_of(g, id);
			if (p == g->n)
				return fail(err, PSCHED_UNKNOWN_DEP, i, id);
			if (p == i)
				return fail(err, PSCHED_SELF_DEP, i, id);
			g->pred[i][k] = p;
			g->n_succ[p]++;
		}
	}
	return PSCHED_OK;
}

/* A milestone on a cycle: from any unplaced one, predecessors that are
 * also unplaced exist; after n steps back the walk is inside a cycle. */
static size_t cycle_member(const struct net *g, const bool placed[])
{
	size_t at = 0;
	while (placed[at])
		at++;
	for (size_t step = 0; step < g->n; step++) {
		for (size_t k = 0; k < g->ms[at].n_deps; k++) {
			if (!placed[g->pred[at][k]]) {
				at = g->pred[at][k];
				break;
			}
		}
	}
	return at;
}

/* Kahn's algorithm, taking the lowest ready index first so the order is
 * the same on every run. */
static enum proj_sched_code topo_sort(struct net *g, struct proj_sched_error *err)
{
	size_t waiting[PROJ_SCHED_MAX];
	bool placed[PROJ_SCHED_MAX] = { false };
	for (size_t i = 0; i < g->n; i++)
		waiting[i] = g->ms[i].n_deps;
	for (size_t done = 0; done < g->n; done++) {
		size_t next = 0;
		while (next < g->n && (placed[next] || waiting[next] > 0))
			next++;
		if (next == g->n)
			return fail(err, PSCHED_CYCLE, cycle_member(g, placed), 0);
		placed[next] = true;
		g->order[done] = next;
		for (size_t s = 0; s < g->n; s++)
			for (size_t k = 0; k < g->ms[s].n_deps; k++)
				if (g->pred[s][k] == next)
					waiting[s]--;
	}
	return PSCHED_OK;
}

static int64_t end_of(const struct net *g, size_t i, int64_t start)
{
	return start + g->ms[i].duration;
}

/* The exclusive end a milestone may reach when it must finish by day d. */
static int64_t end_limit(const struct net *g, size_t i, int64_t d)
{
	return d + (g->ms[i].duration > 0 ? 1 : 0);
}

static void forward(struct net *g, int64_t start)
{
	for (size_t o = 0; o < g->n; o++) {
		size_t i = g->order[o];
		int64_t es = start;
		for (size_t k = 0; k < g->ms[i].n_deps; k++) {
			size_t p = g->pred[i][k];
			int64_t e = end_of(g, p, g->es[p]);
			es = e > es ? e : es;
		}
		g->es[i] = es;
	}
}

/* Late starts from the back: a milestone nothing depends on must finish
 * by target (an inclusive day); deadlines cap any milestone. */
static void backward(struct net *g, int64_t target)
{
	for (size_t o = g->n; o-- > 0;) {
		size_t i = g->order[o];
		int64_t lend = end_limit(g, i, target);
		for (size_t s = 0; s < g->n; s++)
			for (size_t k = 0; k < g->ms[s].n_deps; k++)
				if (g->pred[s][k] == i && g->ls[s] < lend)
					lend = g->ls[s];
		int32_t deadline = g->ms[i].deadline;
		if (deadline != PROJ_DATE_NONE && end_limit(g, i, deadline) < lend)
			lend = end_limit(g, i, deadline);
		g->ls[i] = lend - g->ms[i].duration;
	}
}

static int64_t finish_of(const struct net *g, size_t i, int64_t start)
{
	int64_t end = end_of(g, i, start);
	return g->ms[i].duration > 0 ? end - 1 : end;
}

/* The latest inclusive finish of the forward pass. */
static int64_t max_finish(const struct net *g)
{
	int64_t m = INT64_MIN;
	for (size_t i = 0; i < g->n; i++)
		if (finish_of(g, i, g->es[i]) > m)
			m = finish_of(g, i, g->es[i]);
	return m;
}

static int64_t min_late_start(const struct net *g)
{
	int64_t m = INT64_MAX;
	for (size_t i = 0; i < g->n; i++)
		m = g->ls[i] < m ? g->ls[i] : m;
	return m;
}

/* Runs the passes in the order the anchors allow. */
static void passes(struct net *g, const struct proj_sched_input *in)
{
	if (in->start == PROJ_DATE_NONE) {
		backward(g, in->target);
		forward(g, min_late_start(g));
		return;
	}
	forward(g, in->start);
	backward(g, in->target == PROJ_DATE_NONE ? max_finish(g) : in->target);
}


static bool in_range(int64_t d)
{
	return d >= PROJ_DATE_MIN && d <= PROJ_DATE_MAX;
}

/* Copies the passes into out; false when a date left the supported range. */
static bool fill_times(const struct net *g, struct proj_sched_result *out)
{
	out->min_float = INT32_MAX;
	for (size_t i = 0; i < g->n; i++) {
		if (!in_range(g->es[i]) || !in_range(g->ls[i]) ||
		    !in_range(end_of(g, i, g->es[i])) || !in_range(end_of(g, i, g->ls[i])))
			return false;
		struct proj_sched_times *t = &out->t[i];
		t->es = (int32_t)g->es[i];
		t->ls = (int32_t)g->ls[i];
		t->ef = (int32_t)finish_of(g, i, g->es[i]);
		t->lf = (int32_t)finish_of(g, i, g->ls[i]);
		t->total_float = t->ls - t->es;
		out->min_float = t->total_float < out->min_float ? t->total_float : out->min_float;
	}
	return true;
}

/* Marks the least-float milestones and lists them by start, then
 * topological position (insertion sort keeps chains in order). */
static void fill_critical(const struct net *g, struct proj_sched_result *out)
{
	out->n_critical = 0;
	for (size_t o = 0; o < g->n; o++) {
		size_t i = g->order[o];
		out->t[i].critical = out->t[i].total_float == out->min_float;
		if (!out->t[i].critical)
			continue;
		size_t k = out->n_critical++;
		while (k > 0 && out->t[out->critical[k - 1]].es > out->t[i].es) {
			out->critical[k] = out->critical[k - 1];
			k--;
		}
		out->critical[k] = i;
	}
}

static void fill_summary(const struct net *g, struct proj_sched_result *out)
{
	memcpy(out->order, g->order, g->n * sizeof g->order[0]);
	out->start = INT32_MAX;
	out->finish = out->latest_finish = INT32_MIN;
	for (size_t i = 0; i < g->n; i++) {
		out->start = out->t[i].es < out->start ? out->t[i].es : out->start;
		out->finish = out->t[i].ef > out->finish ? out->t[i].ef : out->finish;
		out->latest_finish = out->t[i].lf > out->latest_finish ? out->t[i].lf
								       : out->latest_finish;
	}
	out->feasible = out->min_float >= 0;
}

static enum proj_sched_code check_input(const struct proj_sched_input *in,
					struct proj_sched_error *err)
{
	if (!in || !in->ms || in->n == 0)
		return fail(err, PSCHED_EMPTY, 0, 0);
	if (in->n > PROJ_SCHED_MAX)
		return fail(err, PSCHED_TOO_MANY, PROJ_SCHED_MAX, 0);
	if (in->start == PROJ_DATE_NONE && in->target == PROJ_DATE_NONE)
		return fail(err, PSCHED_NO_ANCHOR, 0, 0);
	if (!date_ok_or_none(in->start) || !date_ok_or_none(in->target))
		return fail(err, PSCHED_BAD_DATE, 0, 0);
	return PSCHED_OK;
}

enum proj_sched_code proj_sched_plan(const struct proj_sched_input *in,
				     struct proj_sched_result *out, struct proj_sched_error *err)
{
	struct net g;
	enum proj_sched_code c = check_input(in, err);
	if (c != PSCHED_OK)
		return c;
	g.ms = in->ms;
	g.n = in->n;
	c = resolve(&g, err);
	if (c == PSCHED_OK)
		c = topo_sort(&g, err);
	if (c != PSCHED_OK)
		return c;
	passes(&g, in);
	if (!fill_times(&g, out))
		return fail(err, PSCHED_OUT_OF_RANGE, 0, 0);
	fill_critical(&g, out);
	fill_summary(&g, out);
	if (err)
		err->code = PSCHED_OK;
	return PSCHED_OK;
}

struct sched_message {
	const char *zh, *en;
};

static const struct sched_message messages[PSCHED__COUNT] = {
	[PSCHED_OK] = { "计划有效", "The plan is valid" },
	[PSCHED_EMPTY] = { "没有里程碑", "There are no milestones" },
	[PSCHED_TOO_MANY] = { "里程碑超过64个", "More than 64 milestones" },
	[PSCHED_TOO_MANY_DEPS] = { "前置里程碑超过8个", "More than 8 predecessors" },
	[PSCHED_BAD_DURATION] = { "工期应为0至3660天", "The duration must be 0 to 3660 days" },
	[PSCHED_DUPLICATE_ID] = { "里程碑编号重复", "The milestone id is used twice" },
	[PSCHED_UNKNOWN_DEP] = { "依赖的里程碑不存在",
				 "It depends on a milestone that does not exist" },
	[PSCHED_SELF_DEP] = { "不能依赖自身", "It depends on itself" },
	[PSCHED_CYCLE] = { "前后置关系成环，无法排期", "Its dependencies form a cycle" },
	[PSCHED_NO_ANCHOR] = { "须给出开始日期或目标日期", "A start or a target date is required" },
	[PSCHED_BAD_DATE] = { "日期无效", "A date is invalid" },
	[PSCHED_OUT_OF_RANGE] = { "排期超出日期范围", "The plan runs outside the supported dates" },
};

static const struct sched_message unknown = { "计划无效", "The plan is invalid" };

static const struct sched_message *message_of(enum proj_sched_code c)
{
	return (unsigned)c < PSCHED__COUNT ? &messages[c] : &unknown;
}

const char *proj_sched_code_zh(enum proj_sched_code c)
{
	return message_of(c)->zh;
}

const char *proj_sched_code_en(enum proj_sched_code c)
{
	return message_of(c)->en;
}

/* Codes that concern one milestone, named in the sentence. */
static bool names_milestone(enum proj_sched_code c)
{
	return c == PSCHED_TOO_MANY_DEPS || c == PSCHED_BAD_DURATION || c == PSCHED_DUPLICATE_ID ||
	       c == PSCHED_UNKNOWN_DEP || c == PSCHED_SELF_DEP || c == PSCHED_CYCLE;
}

static size_t clamp_len(int n)
{
	return n < 0 ? 0 : (size_t)n;
}

size_t proj_sched_error_format(const struct proj_sched_error *e, const struct proj_milestone *ms,
			       size_t n, bool zh, char *out, size_t cap)
{
	const char *msg = zh ? message_of(e->code)->zh : message_of(e->code)->en;
	if (!names_milestone(e->code) || !ms || e->index >= n)
		return clamp_len(snprintf(out, cap, "%s", msg));
	char name[48];
	const struct proj_milestone *m = &ms[e->index];
	if (m->name && *m->name)
		snprintf(name, sizeof name, "%s", m->name);
	else
		snprintf(name, sizeof name, "#%" PRId64, m->id);
	if (e->code == PSCHED_UNKNOWN_DEP)
		return clamp_len(zh ? snprintf(out, cap, "里程碑“%s”：%s（编号 %" PRId64 "）", name,
					       msg, e->dep_id)
				    : snprintf(out, cap, "Milestone \"%s\": %s (id %" PRId64 ")",
					       name, msg, e->dep_id));
	return clamp_len(zh ? snprintf(out, cap, "里程碑“%s”：%s", name, msg)
			    : snprintf(out, cap, "Milestone \"%s\": %s", name, msg));
}

/* Tracking: every date inclusive, as entered. */

static bool has(int32_t d)
{
	return d != PROJ_DATE_NONE;
}

static bool track_ok(const struct proj_ms_track *m)
{
	if (!proj_date_valid(m->plan_start) || !proj_date_valid(m->plan_finish) ||
	    m->plan_finish < m->plan_start)
		return false;
	if (has(m->base_start) != has(m->base_finish))
		return false;
	if (has(m->base_start) &&
	    (!proj_date_valid(m->base_start) || !proj_date_valid(m->base_finish) ||
	     m->base_finish < m->base_start))
		return false;
	if (has(m->actual_start) && !proj_date_valid(m->actual_start))
		return false;
	if (has(m->actual_finish) && !proj_date_valid(m->actual_finish))
		return false;
	return !(has(m->actual_start) && has(m->actual_finish) &&
		 m->actual_finish < m->actual_start);
}

static bool all_ok(const struct proj_ms_track *ms, size_t n, int32_t day)
{
	if (!ms || n == 0 || !proj_date_valid(day))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!track_ok(&ms[i]))
			return false;
	return true;
}

static void slip_one(const struct proj_ms_track *m, int32_t today, struct proj_ms_slip *s)
{
	s->has_baseline = has(m->base_start);
	int32_t ref_start = s->has_baseline ? m->base_start : m->plan_start;
	int32_t ref_finish = s->has_baseline ? m->base_finish : m->plan_finish;
	bool started = has(m->actual_start) || has(m->actual_finish);
	s->done = has(m->actual_finish);
	s->overdue = !s->done && today > m->plan_finish;
	if (has(m->actual_start))
		s->forecast_start = m->actual_start;
	else if (s->done)
		s->forecast_start =
			m->actual_finish < m->plan_start ? m->actual_finish : m->plan_start;
	else
		s->forecast_start = today > m->plan_start ? today : m->plan_start;
	s->forecast_finish = s->done ? m->actual_finish : s->overdue ? today : m->plan_finish;
	s->late_start = started ? s->forecast_start > ref_start : today > m->plan_start;
	s->start_slip = s->forecast_start - ref_start;
	s->finish_slip = s->forecast_finish - ref_finish;
}

bool proj_sched_compare(const struct proj_ms_track *ms, size_t n, int32_t today,
			struct proj_ms_slip *out, struct proj_slip_summary *sum)
{
	if (!all_ok(ms, n, today))
		return false;
	struct proj_slip_summary s = { .worst = 0, .max_slip = INT32_MIN,
				       .reference_end = INT32_MIN, .forecast_end = INT32_MIN };
	for (size_t i = 0; i < n; i++) {
		struct proj_ms_slip one;
		slip_one(&ms[i], today, &one);
		if (out)
			out[i] = one;
		int32_t ref = one.has_baseline ? ms[i].base_finish : ms[i].plan_finish;
		s.n_late += one.finish_slip > 0;
		s.n_overdue += one.overdue;
		if (one.finish_slip > s.max_slip) {
			s.max_slip = one.finish_slip;
			s.worst = i;
		}
		s.reference_end = ref > s.reference_end ? ref : s.reference_end;
		s.forecast_end = one.forecast_finish > s.forecast_end ? one.forecast_finish
								      : s.forecast_end;
	}
	s.end_slip = s.forecast_end - s.reference_end;
	if (sum)
		*sum = s;
	return true;
}

static int64_t weight_of(const struct proj_ms_track *m)
{
	return m->weight > 0 ? m->weight : (int64_t)m->plan_finish - m->plan_start + 1;
}

/* Actual share of one milestone at the end of day at, in basis points. */
static int64_t actual_share(const struct proj_ms_track *m, int32_t at)
{
	if (has(m->actual_finish) && m->actual_finish <= at)
		return PROJ_BP_FULL;
	if (has(m->actual_start) && m->actual_start <= at && m->reported_bp > 0)
		return m->reported_bp;
	return 0;
}

bool proj_sched_progress(const struct proj_ms_track *ms, size_t n, int32_t at,
			 int64_t *planned_bp, int64_t *actual_bp)
{
	if (!all_ok(ms, n, at))
		return false;
	int64_t total = 0, planned = 0, actual = 0;
	for (size_t i = 0; i < n; i++) {
		const struct proj_ms_track *m = &ms[i];
		if (m->reported_bp < -1 || m->reported_bp > PROJ_BP_FULL || m->weight < 0)
			return false;
		bool base = has(m->base_start);
		int64_t share, w = weight_of(m);
		if (!proj_pace_range_bp(base ? m->base_start : m->plan_start,
					base ? m->base_finish : m->plan_finish, at, &share))
			return false;
		if (total > INT64_MAX / PROJ_BP_FULL - w)
			return false;
		total += w;
		planned += w * share;
		actual += w * actual_share(m, at);
	}
	return proj_muldiv_round(planned, 1, total, planned_bp) &&
	       proj_muldiv_round(actual, 1, total, actual_bp);
}
