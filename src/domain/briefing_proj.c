/* The projects paragraph of the briefing: the year's rates from
 * proj_rates, the lagging projects by name, the overdue problems. */
#include <stdio.h>
#include <stdlib.h>

#include "base/mem.h"
#include "domain/briefing_internal.h"

#define MAX_NAMED 5

/* Every project of the list as sources. */
static struct brief_ref *project_refs(const struct brief_projects *p)
{
	struct brief_ref *r = xcalloc(p->n_project_ids + 1, sizeof *r);
	for (size_t i = 0; i < p->n_project_ids; i++)
		r[i] = (struct brief_ref){ BREF_PROJECT, p->project_ids[i] };
	return r;
}

/* "，开工率80%（4/5）"; nothing when the rate has no denominator. */
static void rate(struct brief_ctx *c, const char *name, const struct proj_rate *x,
		 const struct brief_ref *refs, size_t n)
{
	if (!x->defined)
		return;
	char t[BRIEF_NUM_MAX];
	brief_say(c, "，");
	brief_say(c, name);
	brief_fmt_pct(x->bp, t, sizeof t);
	brief_num(c, "rate", t, refs, n);
	snprintf(t, sizeof t, "（%lld/%lld）", (long long)x->done, (long long)x->target);
	brief_say(c, t);
}

static void investment(struct brief_ctx *c, const struct proj_rate *x,
		       const struct brief_ref *refs, size_t n)
{
	if (!x->defined)
		return;
	char t[BRIEF_NUM_MAX];
	brief_say(c, "，投资完成率");
	brief_fmt_pct(x->bp, t, sizeof t);
	brief_num(c, "rate", t, refs, n);
	brief_say(c, "（累计完成投资");
	brief_fmt_amount(x->done, t, sizeof t);
	brief_num(c, "value", t, refs, n);
	brief_say(c, "，年度计划投资");
	brief_fmt_amount(x->target, t, sizeof t);
	brief_num(c, "target", t, refs, n);
	brief_say(c, "）");
}

static void lagging(struct brief_ctx *c, const struct brief_projects *p)
{
	char t[BRIEF_NUM_MAX];
	if (p->n_lagging == 0) {
		brief_say(c, "。暂无进度滞后项目");
		return;
	}
	struct brief_ref *r = xcalloc(p->n_lagging, sizeof *r);
	for (size_t i = 0; i < p->n_lagging; i++)
		r[i] = (struct brief_ref){ BREF_PROJECT, p->lagging[i].id };
	brief_say(c, "。进度滞后项目");
	snprintf(t, sizeof t, "%zu个", p->n_lagging);
	brief_num(c, "count", t, r, p->n_lagging);
	brief_say(c, "：");
	size_t shown = p->n_lagging < MAX_NAMED ? p->n_lagging : MAX_NAMED;
	for (size_t i = 0; i < shown; i++) {
		brief_say(c, i ? "、" : "");
		brief_say(c, p->lagging[i].name ? p->lagging[i].name : "");
	}
	if (shown < p->n_lagging)
		brief_say(c, "等");
	free(r);
}

static void overdue(struct brief_ctx *c, const struct brief_projects *p)
{
	char t[BRIEF_NUM_MAX];
	if (p->n_overdue == 0) {
		brief_say(c, "；无逾期未销号问题");
		return;
	}
	struct brief_ref *r = xcalloc(p->n_overdue, sizeof *r);
	for (size_t i = 0; i < p->n_overdue; i++)
		r[i] = (struct brief_ref){ BREF_PROBLEM, p->overdue_problem_ids[i] };
	brief_say(c, "；逾期未销号问题");
	snprintf(t, sizeof t, "%zu个", p->n_overdue);
	brief_num(c, "count", t, r, p->n_overdue);
	brief_say(c, "，已提级至包保领导督办");
	free(r);
}

void brief_projects_para(struct brief_ctx *c)
{
	const struct brief_projects *p = c->in->proj;
	const struct proj_rate_row *x = &p->rates;
	struct brief_ref *refs = project_refs(p);
	size_t n = p->n_project_ids;
	char t[BRIEF_NUM_MAX];
	c->ind = "projects";
	c->ind_name = "重点项目";
	brief_say(c, "项目建设方面，纳入年度计划的重点项目");
	snprintf(t, sizeof t, "%zu个", x->n_projects);
	brief_num(c, "count", t, refs, n);
	rate(c, "开复工率", &x->start_resume, refs, n);
	rate(c, "开工率", &x->start, refs, n);
	rate(c, "竣工率", &x->completion, refs, n);
	investment(c, &x->investment, refs, n);
	rate(c, "入统率", &x->stats, refs, n);
	lagging(c, p);
	overdue(c, p);
	brief_say(c, "。");
	c->ind = NULL;
	brief_end_para(c, "projects");
	free(refs);
}
