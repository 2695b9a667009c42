/* Exports of the project list (the import's columns first, so an export
 * reads back as an import that updates, then the light and the year's
 * completed investment) and of the problems list. */
#include <string.h>

#include "api/projects.h"
#include "api/projects_import_cols.h"
#include "api/projects_io.h"
#include "api/projects_lists.h"

enum { XC_LIGHT = PC__COUNT, XC_YTD, XC_YTD_MONTH, XC__COUNT };

static const struct sheet_col extra_cols[XC__COUNT - PC__COUNT] = {
	{ "light", { "状态灯" }, false, SHEET_FMT_TEXT, 0, NULL, NULL, NULL },
	{ "invest_ytd", { "本年累计完成投资（万元）" }, false, SHEET_FMT_WAN, 0, NULL, NULL, NULL },
	{ "ytd_month", { "截至月份" }, false, SHEET_FMT_TEXT, 0, NULL, NULL, NULL },
};

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
	int32_t d;
	if (projects_iso_parse(json_string_value(json_object_get(o, k)), &d))
		sheet_put_date(w, d);
	else
		sheet_put_empty(w);
}

/* Tags as a clerk types them: "省重点、招商引资". */
static void put_tags(struct sheet_writer *w, const json_t *tags)
{
	char out[800] = "";
	size_t n = 0, i;
	const json_t *t;
	json_array_foreach(tags, i, t) {
		const char *s = json_string_value(t);
		size_t k = strlen(s);
		if (n + k + 4 >= sizeof out)
			break;
		if (n) {
			memcpy(out + n, "、", 3);
			n += 3;
		}
		memcpy(out + n, s, k + 1);
		n += k;
	}
	sheet_put_text(w, out);
}

static void put_project(struct sheet_writer *w, json_t *p)
{
	projects_decorate(p);
	sheet_put_text(w, str(p, "code"));
	sheet_put_text(w, str(p, "name"));
	sheet_put_text(w, str(p, "region"));
	sheet_put_text(w, str(p, "category_zh"));
	sheet_put_text(w, str(p, "industry"));
	sheet_put_text(w, str(p, "kind_zh"));
	sheet_put_amount(w, num(p, "total_investment"));
	sheet_put_amount(w, num(p, "annual_plan"));
	sheet_put_int(w, num(p, "plan_year"));
	sheet_put_text(w, str(p, "builder_name"));
	sheet_put_text(w, str(p, "location"));
	sheet_put_text(w, str(p, "leader_name"));
	sheet_put_text(w, str(p, "department_name"));
	sheet_put_text(w, str(p, "stage_zh"));
	static const char *const dates[PC_DATES] = { "stage_date", "planned_start", "actual_start",
						     "planned_finish", "actual_finish", "stats_date" };
	for (int i = 0; i < PC_DATES; i++)
		put_date(w, p, dates[i]);
	put_tags(w, json_object_get(p, "tags"));
	sheet_put_bool(w, json_is_true(json_object_get(p, "special_bond")));
	sheet_put_text(w, str(p, "light_zh"));
	if (json_is_integer(json_object_get(p, "invest_ytd")))
		sheet_put_amount(w, num(p, "invest_ytd"));
	else
		sheet_put_empty(w);
	sheet_put_text(w, str(p, "ytd_month"));
	sheet_end_row(w);
}

/* A sheet of one row per item of list (taken) into out; rc is the
 * caller's result so far (the list failed: nothing is written). */
struct sheet_def {
	const char *name, *title;
	const struct sheet_col *cols;
	size_t ncols;
	void (*put)(struct sheet_writer *w, json_t *item);
};

static gcode write_items(gcode rc, json_t *list, const struct sheet_def *d,
			 enum sheet_format fmt, struct buf *out, struct gerror *e)
{
	struct sheet_writer *w = NULL;
	if (rc == G_OK)
		rc = sheet_writer_new(&w, fmt, NULL, e);
	if (rc == G_OK) {
		sheet_writer_begin(w, d->name, d->title, d->cols, d->ncols);
		size_t i;
		json_t *it;
		json_array_foreach(json_object_get(list, "items"), i, it)
			d->put(w, it);
		rc = sheet_writer_finish(w, out, e);
	}
	sheet_writer_free(w);
	json_decref(list);
	return rc;
}

gcode projects_export(struct api_req *rq, struct project_query *q, enum sheet_format fmt,
		      struct buf *out, struct gerror *e)
{
	struct sheet_col cols[XC__COUNT];
	memcpy(cols, project_import_cols, sizeof project_import_cols);
	memcpy(cols + PC__COUNT, extra_cols, sizeof extra_cols);
	const struct sheet_def d = { "重点项目", "重点项目清单 Major projects", cols, XC__COUNT,
				     put_project };
	json_t *list = NULL;
	gcode rc = store_project_list(rq->db, q, &list, e);
	return write_items(rc, list, &d, fmt, out, e);
}

static const struct sheet_col problem_cols[] = {
	{ "project_name", { "项目名称" }, false, SHEET_FMT_TEXT, 0, NULL, NULL, NULL },
	{ "title", { "问题" }, false, SHEET_FMT_TEXT, 0, NULL, NULL, NULL },
	{ "detail", { "具体情况" }, false, SHEET_FMT_TEXT, 0, NULL, NULL, NULL },
	{ "department_name", { "责任单位" }, false, SHEET_FMT_TEXT, 0, NULL, NULL, NULL },
	{ "deadline", { "办结时限" }, false, SHEET_FMT_DATE, 0, NULL, NULL, NULL },
	{ "status", { "状态" }, false, SHEET_FMT_TEXT, 0, NULL, NULL, NULL },
	{ "overdue", { "超期" }, false, SHEET_FMT_BOOL, 0, NULL, NULL, NULL },
	{ "escalated", { "已提级至包保领导" }, false, SHEET_FMT_BOOL, 0, NULL, NULL, NULL },
	{ "leader_name", { "包保领导" }, false, SHEET_FMT_TEXT, 0, NULL, NULL, NULL },
	{ "feedback", { "办理反馈" }, false, SHEET_FMT_TEXT, 0, NULL, NULL, NULL },
};
#define N_PROBLEM_COLS (sizeof problem_cols / sizeof problem_cols[0])

static void put_problem(struct sheet_writer *w, json_t *x)
{
	sheet_put_text(w, str(x, "project_name"));
	sheet_put_text(w, str(x, "title"));
	sheet_put_text(w, str(x, "detail"));
	sheet_put_text(w, str(x, "department_name"));
	put_date(w, x, "deadline");
	sheet_put_text(w, str(x, "status_zh"));
	sheet_put_bool(w, json_is_true(json_object_get(x, "overdue")));
	sheet_put_bool(w, json_is_true(json_object_get(x, "escalated")));
	sheet_put_text(w, str(x, "leader_name"));
	sheet_put_text(w, str(x, "feedback"));
	sheet_end_row(w);
}

gcode problems_export(struct api_req *rq, struct problem_query *q, enum sheet_format fmt,
		      struct buf *out, struct gerror *e)
{
	static const struct sheet_def d = { "问题清单", "项目问题清单 Problems", problem_cols,
					    N_PROBLEM_COLS, put_problem };
	json_t *list = NULL;
	gcode rc = problems_list_decorated(rq, q, &list, e);
	return write_items(rc, list, &d, fmt, out, e);
}
