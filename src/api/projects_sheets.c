/* Workbooks of the rates, the campaign and the ledgers. Rates are written
 * as percentages with two decimals (basis points / 100). */
#include "api/projects_sheets.h"

#include <stdio.h>
#include <string.h>

#include "api/projects.h"
#include "io/sheet.h"

#define NCOLS(a) (sizeof a / sizeof a[0])

static const char *str(const json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static int64_t num(const json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
}

static void put_date(struct sheet_writer *w, const json_t *o, const char *k)
{
	int32_t d = projects_json_date(o, k);
	if (d == PROJ_DATE_NONE)
		sheet_put_empty(w);
	else
		sheet_put_date(w, d);
}

static void put_rate(struct sheet_writer *w, const json_t *rate)
{
	if (json_is_true(json_object_get(rate, "defined")))
		sheet_put_decimal(w, num(rate, "bp"), 2);
	else
		sheet_put_empty(w);
}

static gcode finish(struct sheet_writer *w, struct buf *out, struct gerror *e)
{
	gcode rc = sheet_writer_finish(w, out, e);
	sheet_writer_free(w);
	return rc;
}

#define COL(k, n, f) { .key = k, .names = { n }, .fmt = f, .scale = 2 }

static const struct sheet_col rate_cols[] = {
	COL("name", "分组", SHEET_FMT_TEXT),
	COL("n", "项目数", SHEET_FMT_INT),
	COL("start", "开工率（%）", SHEET_FMT_DECIMAL),
	COL("start_resume", "开复工率（%）", SHEET_FMT_DECIMAL),
	COL("completion", "竣工率（%）", SHEET_FMT_DECIMAL),
	COL("investment", "投资完成率（%）", SHEET_FMT_DECIMAL),
	COL("stats", "入统率（%）", SHEET_FMT_DECIMAL),
	COL("ytd", "本年累计完成投资（万元）", SHEET_FMT_WAN),
	COL("plan", "年度计划投资（万元）", SHEET_FMT_WAN),
};

static void rate_row(struct sheet_writer *w, const json_t *r)
{
	const json_t *inv = json_object_get(r, "investment");
	sheet_put_text(w, str(r, "name"));
	sheet_put_int(w, num(r, "n_projects"));
	put_rate(w, json_object_get(r, "start"));
	put_rate(w, json_object_get(r, "start_resume"));
	put_rate(w, json_object_get(r, "completion"));
	put_rate(w, inv);
	put_rate(w, json_object_get(r, "stats"));
	sheet_put_amount(w, num(inv, "done"));
	sheet_put_amount(w, num(inv, "target"));
	sheet_end_row(w);
}

gcode sheets_rates(const json_t *rates, struct buf *out, struct gerror *e)
{
	struct sheet_writer *w;
	gcode rc = sheet_writer_new(&w, SHEET_XLSX, NULL, e);
	if (rc != G_OK)
		return rc;
	char title[120];
	snprintf(title, sizeof title, "%lld年重点项目五率（截至%s）", (long long)num(rates, "year"),
		 str(rates, "as_of"));
	sheet_writer_begin(w, "五率", title, rate_cols, NCOLS(rate_cols));
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(rates, "rows"), i, r)
		rate_row(w, r);
	if (strcmp(str(rates, "group"), "all"))
		rate_row(w, json_object_get(rates, "total"));
	return finish(w, out, e);
}

static const struct sheet_col goal_cols[] = {
	COL("quarter", "季度", SHEET_FMT_TEXT),
	COL("goal", "目标", SHEET_FMT_TEXT),
	COL("done", "完成", SHEET_FMT_TEXT),
	COL("target", "目标值", SHEET_FMT_TEXT),
	COL("bp", "完成率（%）", SHEET_FMT_DECIMAL),
	COL("met", "是否达成", SHEET_FMT_BOOL),
	COL("missing", "尚缺项目数", SHEET_FMT_INT),
};

static const struct sheet_col miss_cols[] = {
	COL("quarter", "季度", SHEET_FMT_TEXT),
	COL("name", "项目名称", SHEET_FMT_TEXT),
	COL("code", "项目代码", SHEET_FMT_TEXT),
	COL("leader", "包保领导", SHEET_FMT_TEXT),
	COL("dept", "责任单位", SHEET_FMT_TEXT),
	COL("planned_start", "计划开工", SHEET_FMT_DATE),
	COL("plan", "年度计划投资（万元）", SHEET_FMT_WAN),
	COL("ytd", "本年累计完成投资（万元）", SHEET_FMT_WAN),
};

static void amount_or_count(struct sheet_writer *w, const json_t *g, const char *k)
{
	char buf[48];
	if (!strcmp(str(g, "unit"), "yuan"))
		snprintf(buf, sizeof buf, "%.2f万元", (double)num(g, k) / 10000.0);
	else
		snprintf(buf, sizeof buf, "%lld个", (long long)num(g, k));
	sheet_put_text(w, buf);
}

gcode sheets_campaign(const json_t *c, struct buf *out, struct gerror *e)
{
	struct sheet_writer *w;
	gcode rc = sheet_writer_new(&w, SHEET_XLSX, NULL, e);
	if (rc != G_OK)
		return rc;
	char title[120];
	snprintf(title, sizeof title, "%lld年季度攻坚（截至%s）", (long long)num(c, "year"),
		 str(c, "as_of"));
	const json_t *goals = json_object_get(c, "goals");
	size_t i, j;
	json_t *g, *p;
	sheet_writer_begin(w, "季度目标", title, goal_cols, NCOLS(goal_cols));
	json_array_foreach(goals, i, g) {
		char q[64];
		snprintf(q, sizeof q, "Q%lld %s", (long long)num(g, "quarter"), str(g, "name_zh"));
		sheet_put_text(w, q);
		sheet_put_text(w, str(g, "goal_zh"));
		amount_or_count(w, g, "done");
		amount_or_count(w, g, "target");
		sheet_put_decimal(w, num(g, "bp"), 2);
		sheet_put_bool(w, json_is_true(json_object_get(g, "met")));
		sheet_put_int(w, num(g, "n_missing"));
		sheet_end_row(w);
	}
	sheet_writer_begin(w, "尚缺项目", "各季度目标尚缺的项目", miss_cols, NCOLS(miss_cols));
	json_array_foreach(goals, i, g) {
		json_array_foreach(json_object_get(g, "missing"), j, p) {
			char q[64];
			snprintf(q, sizeof q, "Q%lld %s", (long long)num(g, "quarter"), str(g, "name_zh"));
			sheet_put_text(w, q);
			sheet_put_text(w, str(p, "name"));
			sheet_put_text(w, str(p, "code"));
			sheet_put_text(w, str(p, "leader_name"));
			sheet_put_text(w, str(p, "department_name"));
			put_date(w, p, "planned_start");
			sheet_put_amount(w, num(p, "annual_plan"));
			sheet_put_amount(w, num(p, "invest_ytd"));
			sheet_end_row(w);
		}
	}
	return finish(w, out, e);
}

static const struct sheet_col time_cols[] = {
	COL("name", "项目名称", SHEET_FMT_TEXT),
	COL("planned_start", "计划开工", SHEET_FMT_DATE),
	COL("actual_start", "实际开工", SHEET_FMT_DATE),
	COL("start_late", "开工滞后（天）", SHEET_FMT_INT),
	COL("planned_finish", "计划竣工", SHEET_FMT_DATE),
	COL("actual_finish", "实际竣工", SHEET_FMT_DATE),
	COL("finish_late", "竣工滞后（天）", SHEET_FMT_INT),
};

static const struct sheet_col task_cols[] = {
	COL("name", "项目名称", SHEET_FMT_TEXT),
	COL("plan", "年度计划投资（万元）", SHEET_FMT_WAN),
	COL("ytd", "本年累计完成投资（万元）", SHEET_FMT_WAN),
	COL("bp", "投资完成率（%）", SHEET_FMT_DECIMAL),
};

static const struct sheet_col duty_cols[] = {
	COL("name", "项目名称", SHEET_FMT_TEXT),
	COL("leader", "包保领导", SHEET_FMT_TEXT),
	COL("dept", "责任单位", SHEET_FMT_TEXT),
	COL("light", "亮灯", SHEET_FMT_TEXT),
	COL("reasons", "亮灯原因", SHEET_FMT_TEXT),
	COL("open", "未销号问题", SHEET_FMT_INT),
	COL("overdue", "超期问题", SHEET_FMT_INT),
};

static const char *light_zh(const char *l)
{
	return !strcmp(l, "red") ? "红灯" : !strcmp(l, "yellow") ? "黄灯" : "绿灯";
}

static void duty_sheet_row(struct sheet_writer *w, const json_t *p)
{
	char reasons[600] = "";
	size_t k;
	json_t *r;
	json_array_foreach(json_object_get(p, "light_reasons"), k, r) {
		size_t n = strlen(reasons);
		snprintf(reasons + n, sizeof reasons - n, "%s%s", n ? "；" : "", str(r, "zh"));
	}
	sheet_put_text(w, str(p, "name"));
	sheet_put_text(w, str(p, "leader_name"));
	sheet_put_text(w, str(p, "department_name"));
	sheet_put_text(w, light_zh(str(p, "light")));
	sheet_put_text(w, reasons);
	sheet_put_int(w, num(p, "open_problems"));
	sheet_put_int(w, num(p, "overdue_problems"));
	sheet_end_row(w);
}

gcode sheets_ledgers(const json_t *l, struct buf *out, struct gerror *e)
{
	struct sheet_writer *w;
	gcode rc = sheet_writer_new(&w, SHEET_XLSX, NULL, e);
	if (rc != G_OK)
		return rc;
	const json_t *who = json_object_get(l, "for");
	char title[200];
	size_t i;
	json_t *p;
	snprintf(title, sizeof title, "%s 时间账（%lld年，截至%s）", str(who, "name"),
		 (long long)num(l, "year"), str(l, "as_of"));
	sheet_writer_begin(w, "时间账", title, time_cols, NCOLS(time_cols));
	json_array_foreach(json_object_get(l, "time"), i, p) {
		sheet_put_text(w, str(p, "name"));
		put_date(w, p, "planned_start");
		put_date(w, p, "actual_start");
		sheet_put_int(w, num(p, "start_late_days"));
		put_date(w, p, "planned_finish");
		put_date(w, p, "actual_finish");
		sheet_put_int(w, num(p, "finish_late_days"));
		sheet_end_row(w);
	}
	snprintf(title, sizeof title, "%s 任务账", str(who, "name"));
	sheet_writer_begin(w, "任务账", title, task_cols, NCOLS(task_cols));
	const json_t *task = json_object_get(l, "task");
	json_array_foreach(json_object_get(task, "items"), i, p) {
		sheet_put_text(w, str(p, "name"));
		sheet_put_amount(w, num(p, "annual_plan"));
		sheet_put_amount(w, num(p, "invest_ytd"));
		sheet_put_decimal(w, num(p, "bp"), 2);
		sheet_end_row(w);
	}
	sheet_put_text(w, "合计");
	sheet_put_amount(w, num(task, "annual_plan"));
	sheet_put_amount(w, num(task, "invest_ytd"));
	sheet_put_decimal(w, num(task, "bp"), 2);
	sheet_end_row(w);
	snprintf(title, sizeof title, "%s 责任账", str(who, "name"));
	sheet_writer_begin(w, "责任账", title, duty_cols, NCOLS(duty_cols));
	json_array_foreach(json_object_get(l, "duty"), i, p)
		duty_sheet_row(w, p);
	return finish(w, out, e);
}
