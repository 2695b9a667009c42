/* Tests for domain/briefing and domain/brief_format. Oracles: the seeds'
 * published sentences for 朝阳区, first half of 2023 (seed 002, 003:
 * "上半年，地区生产总值实现427.8亿元，同比增长8.4%", "固定资产投资实现49.7
 * 亿元，同比增长23%，总量、增速均居城区首位", "规上工业总产值实现338.1亿元
 * …同比下降2.9%"), and targets worked out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "domain/brief_format.h"
#include "domain/briefing.h"

#define YI 100000000LL

static void test_format(void **state)
{
	(void)state;
	char t[BRIEF_NUM_MAX];
	brief_fmt_amount(42780000000LL, t, sizeof t);
	assert_string_equal(t, "427.8亿元");
	brief_fmt_amount(590000000LL, t, sizeof t);
	assert_string_equal(t, "5.9亿元");
	brief_fmt_amount(100000000000LL, t, sizeof t);
	assert_string_equal(t, "1000.0亿元");
	brief_fmt_amount(42749999999LL, t, sizeof t); /* rounds half away */
	assert_string_equal(t, "427.5亿元");
	brief_fmt_amount(45000000LL, t, sizeof t);
	assert_string_equal(t, "4500万元");
	brief_fmt_amount(96000000LL, t, sizeof t); /* 0.96亿 is written 1.0亿元 */
	assert_string_equal(t, "1.0亿元");
	brief_fmt_amount(3200, t, sizeof t);
	assert_string_equal(t, "3200元");
	brief_fmt_pct(840, t, sizeof t);
	assert_string_equal(t, "8.4%");
	brief_fmt_pct(2300, t, sizeof t);
	assert_string_equal(t, "23%");
	brief_fmt_pct(-290, t, sizeof t);
	assert_string_equal(t, "-2.9%");
	brief_fmt_pct(2015, t, sizeof t);
	assert_string_equal(t, "20.2%");
	brief_fmt_points(-890, t, sizeof t);
	assert_string_equal(t, "8.9个百分点");
	brief_fmt_count(5162, 1, "户", t, sizeof t);
	assert_string_equal(t, "5162户");
	brief_fmt_count(12345678, 10000, "万美元", t, sizeof t);
	assert_string_equal(t, "1234.6万美元");
	assert_string_equal(brief_period_zh(6, t, sizeof t), "上半年");
	assert_string_equal(brief_period_zh(2, t, sizeof t), "1-2月");
	assert_string_equal(brief_period_zh(3, t, sizeof t), "一季度");
	assert_string_equal(brief_period_zh(9, t, sizeof t), "前三季度");
	assert_string_equal(brief_period_zh(12, t, sizeof t), "全年");
	assert_string_equal(brief_period_zh(7, t, sizeof t), "1-7月");
	assert_string_equal(brief_period_zh(13, t, sizeof t), "");
}

static const int64_t group[5] = { 11, 21, 31, 41, 51 };

/* 朝阳区, 2023 H1: GDP first by total, second by growth; target +7% and
 * 1000亿; FAI first by both; industry falling against a 6% target. */
static void chaoyang(struct brief_indicator ind[4])
{
	memset(ind, 0, 4 * sizeof *ind);
	ind[0] = (struct brief_indicator){ .code = "gdp", .name_zh = "地区生产总值",
					   .amount = true, .value = 42780000000LL,
					   .value_id = 11, .has_growth = true, .growth_bp = 840,
					   .headline = true, .rank_value = 1, .rank_growth = 2,
					   .group_n = 5, .group_ids = group, .n_group_ids = 5,
					   .has_target_growth = true, .target_growth_bp = 700,
					   .has_target_amount = true,
					   .target_amount = 1000 * YI, .target_id = 901 };
	ind[1] = (struct brief_indicator){ .code = "fai", .name_zh = "固定资产投资",
					   .amount = true, .value = 4970000000LL,
					   .value_id = 12, .has_growth = true, .growth_bp = 2300,
					   .rank_value = 1, .rank_growth = 1, .group_n = 5,
					   .group_ids = group, .n_group_ids = 5 };
	ind[2] = (struct brief_indicator){ .code = "industry_output",
					   .name_zh = "规上工业总产值", .amount = true,
					   .value = 33810000000LL, .value_id = 13,
					   .has_growth = true, .growth_bp = -290,
					   .has_target_growth = true, .target_growth_bp = 600,
					   .target_id = 903 };
	ind[3] = (struct brief_indicator){ .code = "new_entities", .name_zh = "新增贸易业经营主体",
					   .unit_zh = "户", .value = 5162, .value_id = 14 };
}

static const struct brief_number *find_num(const struct briefing *b, const char *text,
					   const char *kind)
{
	for (size_t i = 0; i < b->n_nums; i++)
		if (strcmp(b->nums[i].text, text) == 0 && strcmp(b->nums[i].kind, kind) == 0)
			return &b->nums[i];
	return NULL;
}

static void test_seed_sentences(void **state)
{
	(void)state;
	struct brief_indicator ind[4];
	chaoyang(ind);
	struct brief_input in = { .region_zh = "朝阳区", .group_zh = "五城区", .year = 2023,
				  .month = 6, .ind = ind, .n_ind = 4 };
	struct briefing b;
	struct gerror e;
	assert_int_equal(brief_compose(&in, &b, &e), G_OK);
	assert_string_equal(b.title, "朝阳区2023年上半年经济运行情况");
	assert_int_equal(b.n_paras, 5); /* headline, 3 indicators, behind */
	assert_string_equal(b.paras[0].kind, "headline");
	assert_string_equal(
		b.paras[0].text,
		"上半年，朝阳区地区生产总值实现427.8亿元，同比增长8.4%（总量居五城区第1位，"
		"增速居第2位），高于全年目标（增长7%）1.4个百分点，完成全年目标（1000.0亿元）"
		"的42.8%，慢于序时进度（50%）7.2个百分点，余下6个月月均需完成95.4亿元。");
	assert_string_equal(b.paras[1].text,
			    "固定资产投资实现49.7亿元，同比增长23%（总量、增速均居五城区第1位）。");
	assert_string_equal(b.paras[2].text,
			    "规上工业总产值实现338.1亿元，同比下降2.9%，低于全年目标（增长6%）"
			    "8.9个百分点。");
	assert_string_equal(b.paras[3].text, "新增贸易业经营主体实现5162户。");
	assert_string_equal(b.paras[4].kind, "behind");
	/* Only what is behind: GDP's growth beats its target, so only its pace. */
	assert_string_equal(b.paras[4].text,
			    "需要关注的是：地区生产总值同比增长8.4%，完成全年目标（1000.0亿元）的42.8%，"
			    "慢于序时进度（50%）7.2个百分点，余下6个月月均需完成95.4亿元；规上工业总产值"
			    "同比下降2.9%，低于全年目标（增长6%）8.9个百分点。");
	assert_int_equal(b.n_behind, 2);

	/* Every number is traceable: the value to its record, the gap to the
	 * value and the target, the rank to the whole group. */
	const struct brief_number *v = find_num(&b, "427.8亿元", "value");
	assert_non_null(v);
	assert_int_equal(v->para, 0);
	assert_memory_equal(b.paras[0].text + v->offset, "427.8亿元", strlen("427.8亿元"));
	assert_int_equal(v->n_refs, 1);
	assert_int_equal(b.refs[v->ref_first].kind, BREF_VALUE);
	assert_int_equal(b.refs[v->ref_first].id, 11);
	const struct brief_number *g = find_num(&b, "1.4个百分点", "gap");
	assert_non_null(g);
	assert_int_equal(g->n_refs, 2);
	assert_int_equal(b.refs[g->ref_first + 1].kind, BREF_TARGET);
	assert_int_equal(b.refs[g->ref_first + 1].id, 901);
	const struct brief_number *r = find_num(&b, "第2位", "rank");
	assert_non_null(r);
	assert_int_equal(r->n_refs, 5);
	assert_int_equal(b.refs[r->ref_first + 4].id, 51);
	assert_string_equal(r->indicator, "gdp");
	assert_string_equal(r->indicator_zh, "地区生产总值");
	for (size_t i = 0; i < b.n_nums; i++) {
		const struct brief_number *x = &b.nums[i];
		assert_true(x->n_refs > 0);
		assert_memory_equal(b.paras[x->para].text + x->offset, x->text, strlen(x->text));
	}
	assert_int_equal(b.n_rows, 4);
	assert_string_equal(b.rows[0].cell[1], "427.8亿元");
	assert_string_equal(b.rows[0].cell[5], "42.8% / 50%");
	assert_string_equal(b.rows[2].cell[2], "-2.9%");
	assert_string_equal(b.rows[3].cell[2], "—");

	char *text = brief_text(&b);
	assert_non_null(strstr(text, "朝阳区2023年上半年经济运行情况\n\n\u3000\u3000上半年，"));
	free(text);
	brief_free(&b);
	brief_free(&b); /* a second free is harmless */
}

static void test_projects(void **state)
{
	(void)state;
	int64_t ids[3] = { 7, 8, 9 }, problems[1] = { 70 };
	struct brief_lagging lag[1] = { { 9, "诺德电子项目" } };
	struct brief_projects p = { .project_ids = ids, .n_project_ids = 3, .lagging = lag,
				    .n_lagging = 1, .overdue_problem_ids = problems,
				    .n_overdue = 1 };
	p.rates.n_projects = 3;
	p.rates.start_resume = (struct proj_rate){ 3, 3, 10000, true };
	p.rates.start = (struct proj_rate){ 1, 2, 5000, true };
	p.rates.investment = (struct proj_rate){ 6 * YI, 12 * YI, 5000, true };
	int64_t parts[3] = { 61, 62, 63 };
	struct brief_input in = { .region_zh = "朝阳区", .year = 2023, .month = 6, .proj = &p,
				  .structure_text = "0.2:26.7:73.1", .structure_ids = parts,
				  .n_structure_ids = 3 };
	struct briefing b;
	assert_int_equal(brief_compose(&in, &b, NULL), G_OK);
	assert_int_equal(b.n_paras, 2); /* headline, projects; no indicators, no behind */
	assert_string_equal(b.paras[0].text, "上半年，朝阳区三次产业结构为0.2:26.7:73.1。");
	in.ind = NULL; /* nothing published: said plainly */
	in.structure_text = NULL;
	brief_free(&b);
	assert_int_equal(brief_compose(&in, &b, NULL), G_OK);
	assert_string_equal(b.paras[0].text, "上半年，朝阳区暂无已发布的主要经济指标数据。");
	in.structure_text = "0.2:26.7:73.1";
	brief_free(&b);
	assert_int_equal(brief_compose(&in, &b, NULL), G_OK);
	const struct brief_number *st = find_num(&b, "0.2:26.7:73.1", "structure");
	assert_non_null(st);
	assert_int_equal(st->n_refs, 3);
	assert_int_equal(b.refs[st->ref_first + 2].id, 63);
	assert_string_equal(b.paras[1].text,
			    "项目建设方面，纳入年度计划的重点项目3个，开复工率100%（3/3），"
			    "开工率50%（1/2），投资完成率50%（累计完成投资6.0亿元，年度计划投资"
			    "12.0亿元）。进度滞后项目1个：诺德电子项目；逾期未销号问题1个，"
			    "已提级至包保领导督办。");
	const struct brief_number *o = find_num(&b, "1个", "count");
	assert_non_null(o);
	assert_int_equal(b.refs[o->ref_first].kind, BREF_PROJECT);
	assert_int_equal(b.refs[o->ref_first].id, 9);
	assert_string_equal(brief_ref_kind_name(BREF_PROBLEM), "project_problem");
	brief_free(&b);
}

/* A target amount implied by the growth target (136.6亿 last year, +10%:
 * 150.26亿) is measured against 序时进度 and cites last year's value; a
 * value within half a point of the pace is on pace. */
static void test_implied_and_on_pace(void **state)
{
	(void)state;
	struct brief_indicator ind[2] = {
		{ .code = "fai", .name_zh = "固定资产投资", .amount = true, .value = 4970000000LL,
		  .value_id = 12, .has_growth = true, .growth_bp = 2300, .has_target_growth = true,
		  .target_growth_bp = 1000, .has_target_amount = true, .target_amount = 15026000000LL,
		  .target_id = 902, .target_amount_implied = true, .implied_base_id = 77 },
		{ .code = "retail", .name_zh = "社会消费品零售总额", .amount = true,
		  .value = 5010000000LL, .value_id = 15, .has_target_amount = true,
		  .target_amount = 10000000000LL, .target_id = 905 },
	};
	struct brief_input in = { .region_zh = "朝阳区", .year = 2023, .month = 6, .ind = ind,
				  .n_ind = 2 };
	struct briefing b;
	assert_int_equal(brief_compose(&in, &b, NULL), G_OK);
	assert_string_equal(b.paras[1].text,
			    "固定资产投资实现49.7亿元，同比增长23%，高于全年目标（增长10%）13个百分点，"
			    "完成全年目标（按增长10%测算为150.3亿元）的33.1%，慢于序时进度（50%）"
			    "16.9个百分点，余下6个月月均需完成16.8亿元。");
	assert_string_equal(b.paras[2].text,
			    "社会消费品零售总额实现50.1亿元，完成全年目标（100.0亿元）的50.1%，"
			    "与序时进度基本持平。");
	const struct brief_number *t = find_num(&b, "150.3亿元", "target");
	assert_non_null(t);
	assert_int_equal(t->n_refs, 2);
	assert_int_equal(b.refs[t->ref_first].id, 902);
	assert_int_equal(b.refs[t->ref_first + 1].kind, BREF_VALUE);
	assert_int_equal(b.refs[t->ref_first + 1].id, 77);
	assert_string_equal(b.paras[3].text,
			    "需要关注的是：固定资产投资同比增长23%，完成全年目标（按增长10%测算为150.3亿元）"
			    "的33.1%，慢于序时进度（50%）16.9个百分点，余下6个月月均需完成16.8亿元。");
	brief_free(&b);
}

/* A quarterly figure in a 1-11月 briefing says its own period and is paced
 * at its own month (9: 75%). */
static void test_quarterly_in_a_month(void **state)
{
	(void)state;
	struct brief_indicator gdp = { .code = "gdp", .name_zh = "地区生产总值", .amount = true,
				       .value = 73290000000LL, .value_id = 5, .has_growth = true,
				       .growth_bp = 390, .headline = true, .month = 9,
				       .has_target_amount = true, .target_amount = 116000000000LL,
				       .target_id = 6 };
	struct brief_input in = { .region_zh = "朝阳区", .year = 2026, .month = 11, .ind = &gdp,
				  .n_ind = 1 };
	struct briefing b;
	assert_int_equal(brief_compose(&in, &b, NULL), G_OK);
	assert_string_equal(b.paras[0].text,
			    "1-11月，朝阳区地区生产总值（前三季度）实现732.9亿元，同比增长3.9%，"
			    "完成全年目标（1160.0亿元）的63.2%，慢于序时进度（75%）11.8个百分点，"
			    "余下3个月月均需完成142.4亿元。");
	assert_string_equal(b.rows[0].cell[5], "63.2% / 75%");
	brief_free(&b);
}

static void test_bad_input(void **state)
{
	(void)state;
	struct brief_indicator ind[4];
	chaoyang(ind);
	struct brief_input in = { .region_zh = "朝阳区", .year = 2023, .month = 13, .ind = ind,
				  .n_ind = 4 };
	struct briefing b;
	struct gerror e;
	assert_int_equal(brief_compose(&in, &b, &e), G_ERR_INVALID);
	assert_string_equal(e.field, "period");
	assert_int_equal(b.n_paras, 0);
	in.month = 6;
	in.region_zh = "";
	assert_int_equal(brief_compose(&in, &b, &e), G_ERR_INVALID);
	assert_string_equal(e.field, "region");
	in.region_zh = "朝阳区";
	ind[1].value = INT64_MAX;
	assert_int_equal(brief_compose(&in, &b, &e), G_ERR_INVALID);
	assert_string_equal(e.field, "fai");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_seed_sentences),
		cmocka_unit_test(test_projects),
		cmocka_unit_test(test_implied_and_on_pace),
		cmocka_unit_test(test_quarterly_in_a_month),
		cmocka_unit_test(test_bad_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
