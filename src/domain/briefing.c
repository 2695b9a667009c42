#include "domain/briefing.h"

#include <stdlib.h>

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"
#include "domain/briefing_internal.h"
#include "domain/econ_stats.h"
#include "domain/proj_date.h"
#include "domain/proj_ratio.h"

#define MAX_IND 64
#define MAX_NAMED_LAGGING 5
#define AMOUNT_LIMIT 9000000000000000000LL /* ±9e18: int64 with headroom */
#define PARA_LIMIT (64 * 1024)

const char *const brief_col_zh[BRIEF_COLS] = { "指标", "累计", "同比增长",
					       "排名",	"全年目标", "完成/序时进度" };


const char *brief_ref_kind_name(enum brief_ref_kind k)
{
	static const char *const names[BREF__COUNT] = { "indicator_value", "indicator_target",
							"project", "project_problem" };
	return (unsigned)k < BREF__COUNT ? names[k] : "";
}

void brief_say(struct brief_ctx *c, const char *s)
{
	buf_puts(&c->para, s); /* bounded by PARA_LIMIT; a briefing never nears it */
}

/* Writes a number and records it with its sources. */
void brief_num(struct brief_ctx *c, const char *kind, const char *text, const struct brief_ref *refs,
		size_t n_refs)
{
	struct briefing *b = c->b;
	b->nums = xrealloc(b->nums, (b->n_nums + 1) * sizeof *b->nums);
	struct brief_number *x = &b->nums[b->n_nums++];
	memset(x, 0, sizeof *x);
	x->para = b->n_paras;
	x->offset = c->para.len;
	snprintf(x->text, sizeof x->text, "%s", text);
	x->kind = kind;
	snprintf(x->indicator, sizeof x->indicator, "%s", c->ind ? c->ind : "");
	snprintf(x->indicator_zh, sizeof x->indicator_zh, "%s", c->ind_name ? c->ind_name : "");
	x->ref_first = b->n_refs;
	x->n_refs = n_refs;
	b->refs = xrealloc(b->refs, (b->n_refs + n_refs + 1) * sizeof *b->refs);
	memcpy(b->refs + b->n_refs, refs, n_refs * sizeof *refs);
	b->n_refs += n_refs;
	brief_say(c, text);
}

void brief_end_para(struct brief_ctx *c, const char *kind)
{
	struct briefing *b = c->b;
	b->paras = xrealloc(b->paras, (b->n_paras + 1) * sizeof *b->paras);
	b->paras[b->n_paras].text = xstrdup(c->para.len ? c->para.p : "");
	b->paras[b->n_paras].kind = kind;
	b->n_paras++;
	buf_reset(&c->para);
}

static struct brief_ref vref(const struct brief_indicator *x)
{
	return (struct brief_ref){ BREF_VALUE, x->value_id };
}

static struct brief_ref tref(const struct brief_indicator *x)
{
	return (struct brief_ref){ BREF_TARGET, x->target_id };
}

/* The last month the indicator's figure covers (a quarterly one's quarter). */
static int month_of(const struct brief_ctx *c, const struct brief_indicator *x)
{
	return x->month > 0 ? x->month : c->in->month;
}

static void value_text(const struct brief_indicator *x, char *out, size_t cap)
{
	if (x->amount)
		brief_fmt_amount(x->value, out, cap);
	else
		brief_fmt_count(x->value, x->scale, x->unit_zh, out, cap);
}

/* "同比增长8.4%" / "同比下降2.9%" / "与上年同期持平". */
static void say_growth(struct brief_ctx *c, const struct brief_indicator *x)
{
	char t[BRIEF_NUM_MAX];
	struct brief_ref r = vref(x);
	int64_t g = x->growth_bp;
	brief_fmt_pct(g < 0 ? -g : g, t, sizeof t);
	if (strcmp(t, "0%") == 0) {
		brief_say(c, "与上年同期持平");
		return;
	}
	brief_say(c, g < 0 ? "同比下降" : "同比增长");
	brief_num(c, "growth", t, &r, 1);
}

/* Ranks as the reports bracket them. Sources: the group's value records. */
static void say_rank(struct brief_ctx *c, const struct brief_indicator *x)
{
	const char *g = c->in->group_zh;
	int rv = x->rank_value, rg = x->has_growth ? x->rank_growth : 0;
	if (!g || (rv <= 0 && rg <= 0))
		return;
	size_t n = x->n_group_ids;
	struct brief_ref *refs = xcalloc(n + 1, sizeof *refs);
	for (size_t i = 0; i < n; i++)
		refs[i] = (struct brief_ref){ BREF_VALUE, x->group_ids[i] };
	char t[BRIEF_NUM_MAX];
	brief_say(c, "（");
	if (rv > 0 && rv == rg) {
		brief_say(c, "总量、增速均居");
		brief_say(c, g);
		snprintf(t, sizeof t, "第%d位", rv);
		brief_num(c, "rank", t, refs, n);
	} else {
		if (rv > 0) {
			brief_say(c, "总量居");
			brief_say(c, g);
			snprintf(t, sizeof t, "第%d位", rv);
			brief_num(c, "rank", t, refs, n);
		}
		if (rg > 0) {
			brief_say(c, rv > 0 ? "，增速居" : "增速居");
			if (rv <= 0)
				brief_say(c, g);
			snprintf(t, sizeof t, "第%d位", rg);
			brief_num(c, "rank", t, refs, n);
		}
	}
	brief_say(c, "）");
	free(refs);
}

/* "，低于全年目标（增长7%）1.2个百分点". True when behind; with
 * only_behind nothing is said unless it is. */
static bool say_growth_target(struct brief_ctx *c, const struct brief_indicator *x,
			      bool only_behind)
{
	char t[BRIEF_NUM_MAX];
	struct brief_ref both[2] = { vref(x), tref(x) }, tr = tref(x);
	int64_t tg = x->target_growth_bp, diff = x->growth_bp - tg;
	if (only_behind && diff >= 0)
		return false;
	brief_fmt_pct(tg < 0 ? -tg : tg, t, sizeof t);
	brief_say(c, diff > 0 ? "，高于全年目标（" : diff < 0 ? "，低于全年目标（" : "，与全年目标（");
	brief_say(c, tg < 0 ? "下降" : "增长");
	brief_num(c, "target", t, &tr, 1);
	brief_say(c, "）");
	if (diff == 0) {
		brief_say(c, "持平");
		return false;
	}
	brief_fmt_points(diff, t, sizeof t);
	brief_num(c, "gap", t, both, 2);
	return diff < 0;
}

/* The amount as the indicator writes it. */
static void amount_text(const struct brief_indicator *x, int64_t v, char *out, size_t cap)
{
	value_text(&(struct brief_indicator){ .amount = x->amount, .unit_zh = x->unit_zh,
					       .scale = x->scale, .value = v },
		   out, cap);
}

/* "（1000.0亿元）", or for a target implied by a growth rate
 * "（按增长7%测算为894.3亿元）", cited to the target and last year's value. */
static void say_target_amount(struct brief_ctx *c, const struct brief_indicator *x)
{
	char t[BRIEF_NUM_MAX];
	struct brief_ref refs[2] = { tref(x), { BREF_VALUE, x->implied_base_id } };
	brief_say(c, "（");
	if (x->target_amount_implied) {
		brief_say(c, "按增长");
		brief_fmt_pct(x->target_growth_bp, t, sizeof t);
		brief_say(c, t);
		brief_say(c, "测算为");
	}
	amount_text(x, x->target_amount, t, sizeof t);
	brief_num(c, "target", t, refs, x->target_amount_implied ? 2 : 1);
	brief_say(c, "）");
}

/* "，完成全年目标（1000.0亿元）的42.8%，慢于序时进度（50%）7.2个百分点，
 * 余下6个月月均需完成95.4亿元" — the pace of domain/econ_stats.h, as the
 * cockpit shows it (within half a point is on pace). True when behind;
 * with only_behind nothing is said unless it is. */
static bool say_amount_target(struct brief_ctx *c, const struct brief_indicator *x,
			      bool only_behind)
{
	char t[BRIEF_NUM_MAX];
	struct brief_ref both[2] = { vref(x), tref(x) };
	struct econ_pace pc;
	if (x->target_amount <= 0 || !econ_pace_of(x->value, x->target_amount, month_of(c, x), &pc) ||
	    (only_behind && pc.status != EPACE_BEHIND))
		return false;
	brief_say(c, "，完成全年目标");
	say_target_amount(c, x);
	brief_say(c, "的");
	brief_fmt_pct(pc.done_bp, t, sizeof t);
	brief_num(c, "pace", t, both, 2);
	if (pc.status == EPACE_DONE) {
		brief_say(c, "，已完成全年目标");
		return false;
	}
	if (pc.status == EPACE_ON_PACE) {
		brief_say(c, "，与序时进度基本持平");
		return false;
	}
	brief_say(c, pc.gap_bp > 0 ? "，快于序时进度（" : "，慢于序时进度（");
	brief_fmt_pct(pc.elapsed_bp, t, sizeof t);
	brief_say(c, t); /* elapsed months / 12: a fact of the calendar, no record */
	brief_say(c, "）");
	brief_fmt_points(pc.gap_bp, t, sizeof t);
	brief_num(c, "gap", t, both, 2);
	if (pc.status == EPACE_BEHIND && pc.remaining_months > 0) {
		char m[64];
		snprintf(m, sizeof m, "，余下%d个月月均需完成", pc.remaining_months);
		brief_say(c, m);
		amount_text(x, pc.per_month_needed, t, sizeof t);
		brief_num(c, "target", t, both, 2);
	}
	return pc.status == EPACE_BEHIND;
}

/* name实现V，同比增长G%（ranks），targets. True when behind. */
static bool say_indicator(struct brief_ctx *c, const struct brief_indicator *x)
{
	char t[BRIEF_NUM_MAX];
	struct brief_ref r = vref(x);
	bool behind = false;
	c->ind = x->code;
	c->ind_name = x->name_zh;
	brief_say(c, x->name_zh);
	if (month_of(c, x) != c->in->month) { /* "（前三季度）" in a 1-11月 briefing */
		char pb[16];
		brief_say(c, "（");
		brief_say(c, brief_period_zh(month_of(c, x), pb, sizeof pb));
		brief_say(c, "）");
	}
	brief_say(c, "实现");
	value_text(x, t, sizeof t);
	brief_num(c, x->amount ? "value" : "count", t, &r, 1);
	if (x->has_growth) {
		brief_say(c, "，");
		say_growth(c, x);
	}
	say_rank(c, x);
	if (x->has_growth && x->has_target_growth)
		behind |= say_growth_target(c, x, false);
	if (x->has_target_amount)
		behind |= say_amount_target(c, x, false);
	c->ind = NULL;
	return behind;
}

static bool in_headline(const struct brief_indicator *x)
{
	return x->headline;
}

/* The indicator's figures-table row. */
static void table_row(struct brief_ctx *c, const struct brief_indicator *x)
{
	struct briefing *b = c->b;
	b->rows = xrealloc(b->rows, (b->n_rows + 1) * sizeof *b->rows);
	struct brief_row *row = &b->rows[b->n_rows++];
	memset(row, 0, sizeof *row);
	snprintf(row->cell[0], sizeof row->cell[0], "%s", x->name_zh);
	value_text(x, row->cell[1], sizeof row->cell[1]);
	if (x->has_growth)
		brief_fmt_pct(x->growth_bp, row->cell[2], sizeof row->cell[2]);
	if (c->in->group_zh && (x->rank_value > 0 || x->rank_growth > 0))
		snprintf(row->cell[3], sizeof row->cell[3], "总量%d/增速%d", x->rank_value,
			 x->rank_growth);
	char t[BRIEF_NUM_MAX], u[BRIEF_NUM_MAX];
	if (x->has_target_growth) {
		brief_fmt_pct(x->target_growth_bp, t, sizeof t);
		snprintf(row->cell[4], sizeof row->cell[4], "增长%s", t);
	} else if (x->has_target_amount) {
		amount_text(x, x->target_amount, row->cell[4], sizeof row->cell[4]);
	}
	int64_t bp = 0;
	if (x->has_target_amount && x->target_amount > 0 &&
	    proj_ratio_bp(x->value, x->target_amount, &bp)) {
		brief_fmt_pct(proj_pace_month_bp(month_of(c, x)), u, sizeof u);
		size_t k = brief_fmt_pct(bp, row->cell[5], sizeof row->cell[5]);
		snprintf(row->cell[5] + k, sizeof row->cell[5] - k, " / %s", u);
	}
	for (size_t i = 0; i < BRIEF_COLS; i++)
		if (!row->cell[i][0])
			snprintf(row->cell[i], sizeof row->cell[i], "—");
}

/* "需要关注的是：" each indicator behind its target or pace, or falling,
 * with the same clauses as its sentence; or that none is. */
static void behind_para(struct brief_ctx *c, const bool *behind)
{
	const struct brief_input *in = c->in;
	size_t n = 0;
	char t[BRIEF_NUM_MAX];
	for (size_t i = 0; i < in->n_ind; i++) {
		const struct brief_indicator *x = &in->ind[i];
		bool falling = x->has_growth && x->growth_bp < 0;
		if (!behind[i] && !falling)
			continue;
		struct brief_ref r = vref(x);
		brief_say(c, n++ ? "；" : "需要关注的是：");
		c->ind = x->code;
		c->ind_name = x->name_zh;
	c->ind_name = x->name_zh;
		brief_say(c, x->name_zh);
		if (x->has_growth) {
			say_growth(c, x);
		} else {
			brief_say(c, "累计实现");
			value_text(x, t, sizeof t);
			brief_num(c, x->amount ? "value" : "count", t, &r, 1);
		}
		if (x->has_growth && x->has_target_growth)
			say_growth_target(c, x, true);
		if (x->has_target_amount)
			say_amount_target(c, x, true);
		c->ind = NULL;
	}
	if (n == 0 && in->n_ind > 0)
		brief_say(c, "各项主要指标均达到全年目标和序时进度要求");
	if (n > 0 || in->n_ind > 0) {
		brief_say(c, "。");
		c->b->n_behind = n;
		brief_end_para(c, "behind");
	}
}

/* "，三次产业结构为0.2:26.7:73.1", traced to the three value-added records. */
static void structure(struct brief_ctx *c, bool after_sentence)
{
	const struct brief_input *in = c->in;
	struct brief_ref *r = xcalloc(in->n_structure_ids + 1, sizeof *r);
	for (size_t i = 0; i < in->n_structure_ids; i++)
		r[i] = (struct brief_ref){ BREF_VALUE, in->structure_ids[i] };
	c->ind = "structure";
	c->ind_name = "三次产业结构";
	brief_say(c, after_sentence ? "。三次产业结构为" : "三次产业结构为");
	brief_num(c, "structure", in->structure_text, r, in->n_structure_ids);
	c->ind = NULL;
	free(r);
}

static gcode check_input(const struct brief_input *in, struct gerror *e)
{
	if (!in || in->year < 1 || in->year > 9999)
		return gerr_set(e, G_ERR_INVALID, "period", "统计期无效", "invalid period");
	if (in->month < 1 || in->month > 12)
		return gerr_set(e, G_ERR_INVALID, "period", "统计月份应为1至12",
				"the period's month must be 1 to 12");
	if (!in->region_zh || !in->region_zh[0])
		return gerr_set(e, G_ERR_INVALID, "region", "缺少地区名称", "region name missing");
	if (in->n_ind > MAX_IND || (in->n_ind > 0 && !in->ind))
		return gerr_set(e, G_ERR_INVALID, "indicators", "指标过多",
				"too many indicators");
	for (size_t i = 0; i < in->n_ind; i++) {
		const struct brief_indicator *x = &in->ind[i];
		if (!x->code || !x->name_zh || !x->name_zh[0])
			return gerr_set(e, G_ERR_INVALID, "indicators", "指标缺少名称",
					"an indicator has no name");
		if (x->value > AMOUNT_LIMIT || x->value < -AMOUNT_LIMIT ||
		    x->target_amount > AMOUNT_LIMIT || x->target_amount < -AMOUNT_LIMIT)
			return gerr_set(e, G_ERR_INVALID, x->code, "数值超出合理范围",
					"a value is out of any plausible range");
	}
	return G_OK;
}


gcode brief_compose(const struct brief_input *in, struct briefing *out, struct gerror *e)
{
	memset(out, 0, sizeof *out);
	gcode rc = check_input(in, e);
	if (rc != G_OK)
		return rc;
	char pbuf[16];
	const char *period = brief_period_zh(in->month, pbuf, sizeof pbuf);
	snprintf(out->period, sizeof out->period, "%d年%s", in->year, period);
	snprintf(out->title, sizeof out->title, "%s%s经济运行情况", in->region_zh,
		 out->period);
	struct brief_ctx c = { .in = in, .b = out };
	buf_init(&c.para, PARA_LIMIT);
	bool behind[MAX_IND] = { false };

	brief_say(&c, period);
	brief_say(&c, "，");
	brief_say(&c, in->region_zh);
	size_t n_head = 0;
	for (size_t i = 0; i < in->n_ind; i++) {
		if (!in_headline(&in->ind[i]))
			continue;
		if (n_head++)
			brief_say(&c, "；");
		behind[i] = say_indicator(&c, &in->ind[i]);
	}
	if (in->structure_text)
		structure(&c, n_head > 0);
	brief_say(&c, n_head || in->structure_text ? "。"
		  : in->n_ind   ? "主要经济指标运行情况如下。"
				: "暂无已发布的主要经济指标数据。");
	brief_end_para(&c, "headline");
	for (size_t i = 0; i < in->n_ind; i++) {
		if (in_headline(&in->ind[i]))
			continue;
		behind[i] = say_indicator(&c, &in->ind[i]);
		brief_say(&c, "。");
		brief_end_para(&c, "indicator");
	}
	for (size_t i = 0; i < in->n_ind; i++)
		table_row(&c, &in->ind[i]);
	if (in->proj)
		brief_projects_para(&c);
	behind_para(&c, behind);
	buf_free(&c.para);
	return G_OK;
}

void brief_free(struct briefing *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n_paras; i++)
		free(b->paras[i].text);
	free(b->paras);
	free(b->nums);
	free(b->refs);
	free(b->rows);
	memset(b, 0, sizeof *b);
}

char *brief_text(const struct briefing *b)
{
	struct buf out;
	buf_init(&out, 0);
	buf_printf(&out, "%s\n\n", b->title);
	for (size_t i = 0; i < b->n_paras; i++)
		buf_printf(&out, "\u3000\u3000%s\n", b->paras[i].text);
	char *s = buf_take(&out);
	return s ? s : xstrdup("");
}
