/* Demo major projects of 朝阳区 (and a few of 二道区 for scope tests), in
 * the style of the seed reports. Dates are months relative to the current
 * month, so the demo always looks current; the status lights are computed
 * by the server on first read (light_date is left empty). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/projects.h"
#include "cli/demo_data.h"
#include "domain/proj_date.h"
#include "store/projects.h"
#include "store/store.h"

#define NO_DATE 99 /* a month offset meaning "no date" */

struct demo_project {
	const char *region, *name, *category, *kind;
	int64_t total_wan, annual_wan; /* 万元 */
	int builder;                   /* 1-based demo enterprise, 0 none */
	const char *leader, *dept;     /* username; department name in region */
	const char *stage;
	int plan_start, start, stats;  /* month offsets from this month, or NO_DATE */
	int done_pct;                  /* completed share of the annual plan, per cent */
	const char *tags;
	int bond;
};

static const struct demo_project projects[] = {
	{ "220104", "中凯消防车生产基地扩建项目", "industry", "new", 12000, 6000, 1, "cy_leader", "工业和信息化局", "building", -7, -6, -5, 55, ",省重点,", 0 },
	{ "220104", "中凯消防车研发中心项目", "industry", "new", 5000, 3000, 1, "cy_leader", "发展和改革局", "preparing", 1, NO_DATE, NO_DATE, 0, "", 0 },
	{ "220104", "旭阳中法智能产业园项目", "industry", "new", 350000, 80000, 2, "city_leader", "发展和改革局", "building", -8, -7, -6, 48, ",省重点,市重点,", 0 },
	{ "220104", "诺德电子智能传感器产线项目", "industry", "new", 18000, 9000, 3, "cy_leader", "工业和信息化局", "started", -2, -1, NO_DATE, 10, "", 0 },
	{ "220104", "北方电器产业园（一期）项目", "industry", "continuing", 60000, 20000, 4, "cy_leader", "发展和改革局", "building", -9, -30, -29, 70, ",市重点,", 0 },
	{ "220104", "朝阳数字经济产业园项目", "industry", "new", 25000, 10000, 5, "city_leader", "商务局", "signed", 3, NO_DATE, NO_DATE, 0, "", 0 },
	{ "220104", "红旗街商圈改造提升项目", "social", "continuing", 30000, 12000, 6, "cy_leader", "商务局", "building", -9, -20, -19, 62, "", 0 },
	{ "220104", "光机所科技成果转化基地项目", "industry", "new", 15000, 8000, 7, "cy_leader", "发展和改革局", "building", -5, -4, NO_DATE, 30, "", 0 },
	{ "220104", "桂林路街区美食街改造项目", "social", "new", 3000, 3000, 8, "cy_leader", "商务局", "completed", -10, -9, -8, 100, "", 0 },
	{ "220104", "永昌路老旧小区改造项目", "social", "new", 8600, 8600, 0, "cy_leader", "住房和城乡建设局", "building", -6, -5, -4, 65, ",专项债,", 1 },
	{ "220104", "朝阳区智慧城市运营中心项目", "infrastructure", "new", 22000, 15000, 0, "city_leader", "发展和改革局", "located", 2, NO_DATE, NO_DATE, 0, "", 1 },
	{ "220104", "西部污水处理厂提标改造项目", "infrastructure", "continuing", 45000, 15000, 0, "cy_leader", "住房和城乡建设局", "building", -8, -18, -17, 80, ",专项债,", 1 },
	{ "220104", "南湖片区雨污分流工程", "infrastructure", "new", 12000, 7000, 0, "cy_leader", "住房和城乡建设局", "started", -4, -3, NO_DATE, 12, "", 1 },
	{ "220104", "朝阳区第二实验学校新建项目", "social", "new", 16000, 9000, 0, "cy_leader", "财政局", "building", -7, -6, -5, 58, "", 1 },
	{ "220104", "区中心医院综合楼项目", "social", "continuing", 38000, 12000, 0, "city_leader", "发展和改革局", "building", -9, -14, -13, 75, "", 1 },
	{ "220104", "净水厂二期扩容项目", "infrastructure", "new", 9000, 6000, 0, "cy_leader", "住房和城乡建设局", "preparing", -3, NO_DATE, NO_DATE, 0, "", 0 },
	{ "220104", "朝阳新城商业综合体项目", "real_estate", "new", 120000, 30000, 0, "cy_leader", "商务局", "reserve", 6, NO_DATE, NO_DATE, 0, "", 0 },
	{ "220104", "长春新能源汽车零部件配套园项目", "industry", "new", 80000, 20000, 0, "cy_leader", "投资促进局", "planning", 9, NO_DATE, NO_DATE, 0, ",招商引资,", 0 },
	{ "220104", "东北亚数字贸易港项目", "industry", "new", 50000, 0, 0, "city_leader", "投资促进局", "planning", NO_DATE, NO_DATE, NO_DATE, 0, ",招商引资,", 0 },
	{ "220104", "湖西路人才公寓项目", "real_estate", "continuing", 26000, 8000, 0, "cy_leader", "住房和城乡建设局", "operating", -10, -24, -23, 100, "", 0 },
	{ "220104", "朝阳区冷链物流中心项目", "industry", "new", 7000, 7000, 0, "cy_leader", "工业和信息化局", "in_stats", -10, -9, -8, 100, "", 0 },
	{ "220104", "智能网联汽车测试场项目", "industry", "new", 20000, 12000, 0, "cy_leader", "工业和信息化局", "preparing", -5, NO_DATE, NO_DATE, 0, "", 0 },
	{ "220104", "全民健身中心改造项目", "social", "new", 4200, 4200, 0, "cy_leader", "财政局", "building", -6, -5, -5, 20, "", 0 },
	{ "220104", "桂林路历史文化街区保护项目", "social", "new", 6500, 3500, 0, "cy_leader", "发展和改革局", "started", -3, -2, NO_DATE, 25, "", 0 },
	{ "220105", "凯洛德交通科技产业园项目", "industry", "new", 40000, 15000, 9, "ed_leader", "发展和改革局", "building", -6, -5, -4, 50, "", 0 },
	{ "220105", "赛润装备制造基地项目", "industry", "continuing", 16000, 6000, 10, "ed_leader", "发展和改革局", "building", -9, -15, -14, 66, "", 0 },
	{ "220105", "鲁商产业园二期项目", "industry", "new", 30000, 10000, 12, "ed_leader", "投资促进局", "preparing", -1, NO_DATE, NO_DATE, 0, "", 0 },
};

/* The first day of month offset m from this month, 'YYYY-MM-10'. */
static const char *month_date(int32_t today, int m, char out[PROJ_DATE_ISO_LEN + 1])
{
	int32_t first, d;
	if (m == NO_DATE || !proj_date_from_ymd(proj_date_year(today), proj_date_month(today), 10, &first) ||
	    !proj_date_add_months(first, m, &d) || !proj_date_format_iso(d, out))
		return NULL;
	return out;
}

static int64_t lookup(struct db *c, const char *sql, const char *a, const char *b)
{
	struct db_stmt *s;
	int64_t id = 0;
	if (db_prepare_bind(c, sql, &s, NULL, b ? "tt" : "t", a, b) != G_OK)
		return 0;
	if (db_step(s, NULL) == DB_ROW)
		id = db_col_i64(s, 0);
	db_finish(s);
	return id;
}

static gcode seed_procs(struct db *c, int64_t id, const struct demo_project *p,
			const char *start, int64_t now, struct gerror *e)
{
	static const char *const kinds[] = { "approval", "land", "planning", "eia", "energy", "permit" };
	bool started = start != NULL;
	bool preparing = !strcmp(p->stage, "preparing");
	gcode rc = G_OK;
	for (int k = 0; k < 6 && rc == G_OK && (started || preparing); k++) {
		bool done = started || k < 3;
		struct proc_fields f = { .kind = kinds[k], .status = done ? "obtained" : "in_progress",
					 .form = k == 0 ? (p->builder ? "filing" : "review") : NULL,
					 .actual_start = start, .actual_finish = done ? start : NULL,
					 .duration_days = -1 };
		if (!started) { /* under way: applied for last month */
			f.actual_start = NULL;
			f.actual_finish = NULL;
			f.status = done ? "in_progress" : "not_started";
		}
		rc = store_proc_put(c, id, p->region, &f, 0, now, e);
	}
	return rc;
}

/* Monthly reports of the last three months for a started project: the
 * year's completed share (done_pct) spread over the months up to last one. */
static gcode seed_reports(struct db *c, int64_t id, const struct demo_project *p,
			  int32_t today, int64_t now, struct gerror *e)
{
	int month = proj_date_month(today), year = proj_date_year(today);
	int64_t ytd_total = p->annual_wan * 10000 / 100 * p->done_pct;
	gcode rc = G_OK;
	for (int back = 3; back >= 1 && rc == G_OK; back--) {
		int m = month - back;
		if (m < 1 || m < month + p->start)
			continue; /* last year's, or before the start */
		char ym[16];
		snprintf(ym, sizeof ym, "%04d-%02d", year, m);
		int64_t ytd = ytd_total * m / (month - 1 > 0 ? month - 1 : 1);
		struct report_fields f = { ym, "形象进度：主体施工按计划推进",
					   ytd_total / (month - 1 > 0 ? month - 1 : 1), ytd, NULL };
		int64_t rid;
		rc = store_report_insert(c, id, p->region, &f, now, &rid, e);
		if (rc == G_OK)
			rc = db_run(c, "UPDATE project_reports SET status = 'submitted', submitted_at = $1"
				       " WHERE id = $2", NULL, e, "ii", now, rid);
	}
	return rc;
}

/* Problems 问题清单 raised on demo projects; deadlines in days from today,
 * so some open ones are overdue (escalated to the 包保 leader on first read). */
struct demo_problem {
	const char *project, *title, *dept, *status, *feedback;
	int deadline_days;
};

static const struct demo_problem problems[] = {
	{ "中凯消防车生产基地扩建项目", "厂区外供电线路迁改滞后", "发展和改革局", "handling", NULL, -12 },
	{ "中凯消防车生产基地扩建项目", "新增用地规划条件待确认", "住房和城乡建设局", "assigned", NULL, 20 },
	{ "旭阳中法智能产业园项目", "二期用地征收补偿未完成", "财政局", "assigned", NULL, -5 },
	{ "旭阳中法智能产业园项目", "外籍技术人员工作许可办理", "商务局", "feedback",
	  "已协调市外专局开通绿色通道，材料已受理", 10 },
	{ "南湖片区雨污分流工程", "施工占道审批", "住房和城乡建设局", "closed", "已办结，占道许可已核发", -20 },
	{ "诺德电子智能传感器产线项目", "设备进口关税减免政策咨询", "商务局", "handling", NULL, -2 },
	{ "永昌路老旧小区改造项目", "专项债资金拨付进度慢", "财政局", "assigned", NULL, 15 },
	{ "凯洛德交通科技产业园项目", "园区道路接驳", "发展和改革局", "assigned", NULL, -8 },
};

static gcode seed_problems(struct db *c, int64_t id, const struct demo_project *p, int32_t today,
			   int64_t now, struct gerror *e)
{
	gcode rc = G_OK;
	for (size_t i = 0; i < sizeof problems / sizeof problems[0] && rc == G_OK; i++) {
		const struct demo_problem *x = &problems[i];
		char dl[PROJ_DATE_ISO_LEN + 1];
		if (strcmp(x->project, p->name) || !proj_date_format_iso(today + x->deadline_days, dl))
			continue;
		struct problem_fields f = {
			.title = x->title, .detail = "", .deadline = dl, .status = x->status,
			.feedback = x->feedback,
			.department_id = lookup(c, "SELECT id FROM departments WHERE region = $1 AND name = $2",
						p->region, x->dept),
		};
		int64_t pb;
		rc = store_problem_insert(c, id, p->region, &f, 0, now, &pb, e);
		if (rc == G_OK && strcmp(x->status, "assigned"))
			rc = store_problem_update(c, pb, 1, &f, 0, now, e);
	}
	return rc;
}

/* Marks a planned milestone done: actual dates are the plan's, shifted by
 * delay days (a project that started late finished its steps late). */
static gcode ms_done(struct db *c, const json_t *m, int32_t delay, int64_t now, struct gerror *e)
{
	int32_t s, f;
	char as[PROJ_DATE_ISO_LEN + 1], af[PROJ_DATE_ISO_LEN + 1];
	if (!projects_iso_parse(json_string_value(json_object_get(m, "planned_start")), &s) ||
	    !projects_iso_parse(json_string_value(json_object_get(m, "planned_finish")), &f))
		return G_OK;
	projects_iso_format(s + delay, as);
	projects_iso_format(f + delay, af);
	char *preds = json_dumps(json_object_get(m, "predecessors"), JSON_COMPACT);
	struct ms_fields x = {
		.name = json_string_value(json_object_get(m, "name")),
		.kind = json_string_value(json_object_get(m, "kind")), .predecessors = preds,
		.deadline = json_string_value(json_object_get(m, "deadline")),
		.actual_start = as, .actual_finish = af,
		.duration_days = json_integer_value(json_object_get(m, "duration_days")),
		.progress_bp = 10000,
	};
	gcode rc = store_ms_update(c, json_integer_value(json_object_get(m, "id")),
				   json_integer_value(json_object_get(m, "version")), &x, now, e);
	free(preds);
	return rc;
}

/* 倒排工期 from the planned 开工 with the route's own planner, saved as the
 * baseline; a started project's steps get their actual dates. */
static gcode seed_schedule(struct db *c, int64_t id, const struct demo_project *p, int32_t today,
			   int64_t now, struct gerror *e)
{
	char ps[PROJ_DATE_ISO_LEN + 1], as[PROJ_DATE_ISO_LEN + 1];
	struct proj_sched_input in = { .start = PROJ_DATE_NONE, .target = PROJ_DATE_NONE };
	static struct proj_milestone net[PROJ_SCHED_MAX];
	static struct proj_sched_result r;
	int32_t started = PROJ_DATE_NONE;
	if (!month_date(today, p->plan_start, ps) || !projects_iso_parse(ps, &in.target))
		return G_OK;
	if (month_date(today, p->start, as))
		projects_iso_parse(as, &started);
	gcode rc = projects_schedule_run(c, now, id, p->region, &in, net, &r, NULL, e);
	if (rc == G_OK)
		rc = store_ms_save_baseline(c, id, now, e);
	json_t *ms = rc == G_OK ? store_ms_list(c, id) : NULL;
	int32_t delay = started != PROJ_DATE_NONE && started > in.target ? started - in.target : 0;
	size_t i;
	json_t *m;
	json_array_foreach(ms, i, m) /* a started project has taken every step */
		if (rc == G_OK && started != PROJ_DATE_NONE)
			rc = ms_done(c, m, delay, now, e);
	json_decref(ms);
	return rc;
}

static gcode seed_one(struct db *c, const struct actor *a, const struct demo_project *p,
		      const int64_t *ent_ids, int32_t today, int64_t now, struct gerror *e)
{
	char ps[11], as[11], st[11];
	const char *start = month_date(today, p->start, as);
	struct project_fields f = {
		.region = p->region, .name = p->name, .category = p->category, .kind = p->kind,
		.planned_start = month_date(today, p->plan_start, ps),
		.stats_date = month_date(today, p->stats, st), .tags = p->tags,
		.total_investment = p->total_wan * 10000, .annual_plan = p->annual_wan * 10000,
		.plan_year = proj_date_year(today), .special_bond = p->bond,
		.builder_id = p->builder ? ent_ids[p->builder - 1] : 0,
		.leader_id = lookup(c, "SELECT id FROM users WHERE username = $1", p->leader, NULL),
		.department_id = lookup(c, "SELECT id FROM departments WHERE region = $1 AND name = $2",
					p->region, p->dept),
		.stage = p->stage, .stage_date = start, .actual_start = start,
	};
	if (!strcmp(p->stage, "completed") || !strcmp(p->stage, "operating") ||
	    !strcmp(p->stage, "in_stats"))
		f.actual_finish = month_date(today, -1, (char[11]){ 0 });
	int64_t id;
	gcode rc = store_project_insert(c, &f, now, &id, e);
	if (rc == G_OK)
		rc = store_project_history_add(c, id, p->region, NULL, p->stage, start, "演示数据 demo",
					       0, a->name, now, e);
	if (rc == G_OK && start && !strcmp(p->kind, "continuing")) /* this year's 复工 */
		rc = store_project_history_add(c, id, p->region, "started", "building",
					       month_date(today, p->plan_start, ps), "复工 resumed", 0,
					       a->name, now, e);
	if (rc == G_OK) /* planned before any procedure was obtained */
		rc = seed_schedule(c, id, p, today, now, e);
	if (rc == G_OK)
		rc = seed_procs(c, id, p, start, now, e);
	if (rc == G_OK && start)
		rc = seed_reports(c, id, p, today, now, e);
	if (rc == G_OK)
		rc = seed_problems(c, id, p, today, now, e);
	json_t *after = rc == G_OK ? store_project_get(c, id) : NULL;
	char oid[24];
	snprintf(oid, sizeof oid, "%lld", (long long)id);
	if (rc == G_OK)
		rc = audit_append(c, a, "create", "project", oid, p->region, NULL, after, e);
	json_decref(after);
	return rc;
}

gcode demo_seed_projects(struct db *c, const struct actor *a, const int64_t *ent_ids,
			 int64_t now, struct gerror *e)
{
	int32_t today = (int32_t)((now + 8 * 3600) / 86400);
	gcode rc = G_OK;
	for (size_t i = 0; i < sizeof projects / sizeof projects[0] && rc == G_OK; i++)
		rc = seed_one(c, a, &projects[i], ent_ids, today, now, e);
	return rc;
}
