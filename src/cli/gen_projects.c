#include "cli/gen_projects.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/gen_names.h"
#include "domain/proj_date.h"
#include "domain/proj_procedure.h"
#include "domain/proj_stage.h"

#define DEPTS 8
#define LEADERS 4
#define MAX_UNITS 32

static const char *const dept_names[DEPTS] = { "发展和改革局", "工业和信息化局", "商务局",
	"住房和城乡建设局", "财政局", "投资促进局", "自然资源局", "生态环境局" };
static const char *const industries[] = { "C3670", "C3663", "C3982", "C2720", "C3976", "C3714",
	"C3021", "I6513", "G5990", "C1439" };
static const char *const categories[] = { "industry", "infrastructure", "social", "real_estate" };

/* Stages by share of projects in a city, in per cent (sums to 100). */
static const int stage_share[PSTAGE__COUNT] = { 8, 8, 7, 7, 12, 10, 30, 8, 5, 5 };

/* One city's lookups: departments and leaders of each unit. */
struct city_ctx {
	const struct gen_plan *p;
	int city;
	char unit[MAX_UNITS][8];
	int64_t dept[MAX_UNITS][DEPTS], leader[MAX_UNITS][LEADERS];
	int64_t next_project, next_ms;
	struct gen_rng rng;
	struct gen_counts *n;
	struct db_copy *projects, *history, *procs, *ms, *reports, *problems;
};

static const char *num(char buf[24], int64_t v)
{
	snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

static const char *iso(char buf[16], int32_t d)
{
	return proj_date_format_iso(d, buf) ? buf : NULL;
}

static int32_t months_from(int32_t d, int m)
{
	int32_t out;
	return proj_date_add_months(d, m, &out) ? out : d;
}

static int pick_stage(struct gen_rng *r)
{
	int x = (int)(gen_next(r) % 100), s = 0;
	while (s < PSTAGE__COUNT - 1 && x >= stage_share[s])
		x -= stage_share[s++];
	return s;
}

/* The id of the first row of sql with $1 = a (and $2 = b unless NULL). */
static int64_t id_of(struct db *c, const char *sql, const char *a, const char *b)
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

/* Departments and 包保 leaders of every unit (kept when already there). */
static gcode org_for_city(struct db *c, struct city_ctx *x, struct gerror *e)
{
	gcode rc = G_OK;
	for (int u = 0; u < x->p->units && rc == G_OK; u++) {
		snprintf(x->unit[u], sizeof x->unit[u], "22%02d%s", (x->city + 1) % 100,
			 x->p->unit_suffixes[u]);
		for (int d = 0; d < DEPTS && rc == G_OK; d++) {
			rc = db_run(c, "INSERT INTO departments (region, name, created_at, updated_at)"
				       " VALUES ($1,$2,$3,$3) ON CONFLICT DO NOTHING", NULL, e, "tti",
				    x->unit[u], dept_names[d], x->p->now);
			x->dept[u][d] = id_of(c, "SELECT id FROM departments WHERE region = $1 AND name = $2",
					      x->unit[u], dept_names[d]);
		}
		for (int k = 0; k < LEADERS && rc == G_OK; k++) {
			char user[32], name[32];
			snprintf(user, sizeof user, "gen_%s_%d", x->unit[u], k + 1);
			gen_person_name(&x->rng, name, sizeof name);
			int64_t ch = 0; /* '!' is no password hash: these accounts cannot log in */
			rc = db_run(c, "INSERT INTO users (username, display_name, role, region,"
				       " password_hash, created_at, updated_at) VALUES ($1,$2,'leader',$3,"
				       "'!',$4,$4) ON CONFLICT DO NOTHING", &ch, e, "ttti", user, name,
				    x->unit[u], x->p->now);
			x->n->users += ch;
			x->leader[u][k] = id_of(c, "SELECT id FROM users WHERE username = $1", user, NULL);
		}
	}
	return rc;
}

/* 手续: all obtained once started; the first three under way or done
 * while preparing. */
static gcode gen_procs(struct city_ctx *x, int64_t pid, int u, int stage, int32_t start,
		       bool builder, struct gerror *e)
{
	char ids[24], idp[24], d1[16], d2[16], pf[16], dur[24], now[24];
	gcode rc = G_OK;
	for (int k = 0; k < PROC__COUNT && rc == G_OK; k++) {
		uint64_t r = gen_next(&x->rng);
		bool done = stage >= PSTAGE_STARTED || (k < 3 && r % 3);
		bool going = !done && (k < 3 || (r >> 4) % 2);
		int32_t fin = months_from(start, -(int)(PROC__COUNT - k));
		bool exempt = done && k == PROC_ENERGY && (r >> 8) % 4 == 0;
		const char *status = exempt ? "exempt" : done ? "obtained" : going ? "in_progress"
										  : "not_started";
		const char *form = k == PROC_APPROVAL ? (builder ? "filing" : "review") : NULL;
		num(ids, x->dept[u][(r >> 16) % DEPTS]);
		num(dur, 15 + (int64_t)((r >> 24) % 46));
		num(now, x->p->now);
		const char *v[] = { x->unit[u], num(idp, pid), proj_proc_code((enum proj_proc)k), form,
				    status, done ? NULL : iso(pf, months_from(x->p->today, 1 + k % 3)),
				    done || going ? iso(d1, months_from(fin, -1)) : NULL,
				    done && !exempt ? iso(d2, fin) : NULL, ids,
				    exempt ? "《固定资产投资项目节能审查办法》规定不单独进行节能审查" : NULL,
				    dur, now, now };
		rc = db_copy_row(x->procs, v, e);
		x->n->procedures++;
	}
	return rc;
}

/* The 倒排工期 template from the procedures to 开工, ids assigned here. */
static gcode gen_milestones(struct city_ctx *x, int64_t pid, int u, int stage, struct gerror *e)
{
	enum proj_proc_status st[PROC__COUNT];
	for (int k = 0; k < PROC__COUNT; k++)
		st[k] = stage >= PSTAGE_STARTED ? PSTATUS_OBTAINED : PSTATUS_NOT_STARTED;
	struct proj_milestone t[PROC__COUNT + 1];
	int64_t first = x->next_ms;
	size_t n = proj_proc_template(NULL, st, 0, t); /* deps are template indexes */
	x->next_ms += (int64_t)n;
	gcode rc = G_OK;
	for (size_t i = 0; i < n && rc == G_OK; i++) {
		char preds[128] = "[", id[24], idp[24], dur[24], now[24];
		size_t len = 1;
		for (size_t j = 0; j < t[i].n_deps; j++)
			len += (size_t)snprintf(preds + len, sizeof preds - len, "%s%lld", j ? "," : "",
						(long long)(first + (int64_t)t[i].deps[j]));
		snprintf(preds + len, sizeof preds - len, "]");
		const char *v[] = { num(id, first + (int64_t)i), x->unit[u], num(idp, pid), t[i].name,
				    i < PROC__COUNT ? proj_proc_code((enum proj_proc)i) : "start",
				    num(dur, t[i].duration), preds, num(now, x->p->now), now };
		rc = db_copy_row(x->ms, v, e);
		x->n->milestones++;
	}
	return rc;
}

/* Monthly reports of the last twelve months between start and completion; year-to-date
 * restarts in January; the last month is sometimes still a draft. */
static gcode gen_reports(struct city_ctx *x, int64_t pid, int u, int32_t start, int32_t finish,
			 int64_t annual, struct gerror *e)
{
	int64_t ytd = 0;
	gcode rc = G_OK;
	for (int back = 12; back >= 1 && rc == G_OK; back--) {
		int32_t m = months_from(x->p->today, -back);
		if (proj_month_index(m) < proj_month_index(start) ||
		    (finish != PROJ_DATE_NONE && proj_month_index(m) > proj_month_index(finish)))
			continue; /* before the start or after completion */
		if (proj_date_month(m) == 1)
			ytd = 0;
		int64_t month = annual / 12 / 100 * (int64_t)(50 + gen_next(&x->rng) % 100);
		ytd += month;
		bool draft = back == 1 && gen_next(&x->rng) % 6 == 0;
		bool late = !draft && gen_next(&x->rng) % 10 == 0;
		char ym[16], idp[24], im[24], iy[24], at[24], now[24];
		const char *text = gen_progress_text(&x->rng);
		snprintf(ym, sizeof ym, "%04d-%02d", proj_date_year(m), proj_date_month(m));
		int64_t sub = (int64_t)(m + 35 + (late ? 6 : 0)) * 86400 - 8 * 3600;
		const char *v[] = { x->unit[u], num(idp, pid), ym, num(im, month), num(iy, ytd), text,
				    draft ? "draft" : back > 2 ? "reviewed" : "submitted",
				    draft ? NULL : num(at, sub), late ? "1" : "0", num(now, x->p->now), now };
		rc = db_copy_row(x->reports, v, e);
		x->n->reports++;
	}
	return rc;
}

static gcode gen_problems(struct city_ctx *x, int64_t pid, int u, struct gerror *e)
{
	static const char *const st[] = { "assigned", "handling", "feedback", "closed" };
	int count = (int)(gen_next(&x->rng) % 6); /* 0-5, most projects none */
	gcode rc = G_OK;
	for (int k = 0; k < count - 3 && rc == G_OK; k++) {
		uint64_t r = gen_next(&x->rng);
		const char *status = st[r % 4];
		bool answered = !strcmp(status, "feedback") || !strcmp(status, "closed");
		char idp[24], dept[24], dl[16], now[24];
		const char *title = gen_problem_title(&x->rng);
		const char *v[] = { x->unit[u], num(idp, pid), title, "",
				    num(dept, x->dept[u][(r >> 8) % DEPTS]),
				    iso(dl, x->p->today + (int32_t)((r >> 16) % 61) - 30), status,
				    answered ? "已协调相关部门，按计划推进" : NULL,
				    !strcmp(status, "closed") ? now : NULL, num(now, x->p->now), now };
		rc = db_copy_row(x->problems, v, e);
		x->n->problems++;
	}
	return rc;
}

/* Amounts in 元: most projects 0.1–5 亿, a few large ones up to 50 亿. */
static int64_t total_yuan(struct gen_rng *r)
{
	uint64_t x = gen_next(r);
	int64_t wan = 1000 * (int64_t)(1 + x % 50);
	if ((x >> 8) % 10 == 0)
		wan *= 10;
	return wan * 10000;
}

static const char *tags_for(uint64_t x, int cat, int stage, bool bond)
{
	if (bond)
		return ",专项债,";
	if (x % 10 == 0)
		return ",省重点,市重点,";
	if (x % 5 == 0)
		return ",市重点,";
	if (cat == 0 && stage <= PSTAGE_LOCATED && x % 3 == 0)
		return ",招商引资,";
	return "";
}

struct proj_dates {
	int32_t planned_start, start, finish, stage_date;
};

/* Dates that fit the stage, relative to today. */
static struct proj_dates dates_for(struct city_ctx *x, int stage)
{
	uint64_t r = gen_next(&x->rng);
	struct proj_dates d = { PROJ_DATE_NONE, PROJ_DATE_NONE, PROJ_DATE_NONE, PROJ_DATE_NONE };
	int32_t today = x->p->today;
	if (stage < PSTAGE_STARTED) {
		d.planned_start = months_from(today, (int)(r % 12) - 2);
		d.stage_date = months_from(today, -(int)((r >> 8) % 6) - 1);
		return d;
	}
	int back = 1 + (int)((r >> 16) % 30); /* started this many months ago */
	d.start = months_from(today, -back);
	d.planned_start = months_from(d.start, -(int)((r >> 24) % 3));
	d.stage_date = d.start;
	if (stage >= PSTAGE_COMPLETED) {
		int left = back > 1 ? 1 + (int)((r >> 32) % (uint64_t)(back - 1 > 6 ? 6 : back - 1)) : 0;
		d.finish = months_from(today, -left);
		d.stage_date = d.finish;
	}
	return d;
}

static gcode gen_one(struct city_ctx *x, struct gerror *e)
{
	struct gen_rng *r = &x->rng;
	uint64_t a = gen_next(r), b = gen_next(r);
	int u = (int)(a % (uint64_t)x->p->units), stage = pick_stage(r);
	int cat = (a >> 8) % 100 < 50 ? 0 : (a >> 8) % 100 < 75 ? 1 : (a >> 8) % 100 < 93 ? 2 : 3;
	bool builder = (cat == 0 || cat == 3) && x->p->enterprises > 0;
	bool bond = cat != 0 && cat != 3 && (a >> 16) % 4 == 0;
	int64_t pid = x->next_project++, total = total_yuan(r);
	int64_t annual = stage >= PSTAGE_PREPARING ? total / 100 * (int64_t)(20 + (b % 41)) : 0;
	struct proj_dates d = dates_for(x, stage);
	char name[160], code[32], loc[64], sd[16], ps[16], as[16], af[16];
	gen_project_name(r, cat, u, name, sizeof name);
	int32_t pm = d.start != PROJ_DATE_NONE ? d.start : d.stage_date;
	snprintf(code, sizeof code, "%02d%02d-%s-%s-%02d-%06lld", proj_date_year(pm) % 100,
		 proj_date_month(pm), x->unit[u], (b >> 8) % 3 ? "89" : "04", 1 + (int)((b >> 12) % 3),
		 (long long)(pid % 1000000));
	snprintf(loc, sizeof loc, "%s%s", gen_city_name(x->city), gen_unit_name(u));
	char ids[24], tot[24], ann[24], yr[24], bid[24], lid[24], did[24], now[24];
	const char *industry = cat == 0 ? industries[(b >> 52) % (sizeof industries / sizeof *industries)]
					: NULL;
	const char *kind = (b >> 20) % 10 < 3 && stage >= PSTAGE_STARTED ? "continuing" : "new";
	const char *finished = iso(af, d.finish); /* NULL when not finished */
	const char *v[] = { num(ids, pid), x->unit[u], code, name, categories[cat], industry, kind,
		num(tot, total), num(ann, annual), num(yr, proj_date_year(x->p->today)),
		builder ? num(bid, x->p->first_enterprise + x->city * x->p->enterprises +
				       (int64_t)((b >> 24) % (uint64_t)x->p->enterprises)) : NULL,
		loc, num(lid, x->leader[u][(b >> 40) % LEADERS]), num(did, x->dept[u][(b >> 44) % DEPTS]),
		proj_stage_info((enum proj_stage)stage)->code, iso(sd, d.stage_date),
		iso(ps, d.planned_start), iso(as, d.start), finished,
		stage == PSTAGE_IN_STATS ? finished : NULL, tags_for(b >> 48, cat, stage, bond),
		bond ? "1" : "0", num(now, x->p->now), now };
	gcode rc = db_copy_row(x->projects, v, e);
	x->n->projects++;
	if (rc == G_OK) {
		char idp[24];
		const char *h[] = { x->unit[u], num(idp, pid), v[14], v[15], "生成数据 generated", "gen", now };
		rc = db_copy_row(x->history, h, e);
	}
	if (rc == G_OK && stage >= PSTAGE_PREPARING)
		rc = gen_procs(x, pid, u, stage, d.start != PROJ_DATE_NONE ? d.start : x->p->today,
			       builder, e); /* dates obtained lie before the start, or before today */
	if (rc == G_OK && stage >= PSTAGE_LOCATED && stage <= PSTAGE_BUILDING)
		rc = gen_milestones(x, pid, u, stage, e);
	if (rc == G_OK && stage >= PSTAGE_STARTED)
		rc = gen_reports(x, pid, u, d.start, d.finish, annual, e);
	if (rc == G_OK && stage >= PSTAGE_SIGNED)
		rc = gen_problems(x, pid, u, e);
	return rc;
}

/* Column lists of the loads; ids of projects and milestones come from here. */
static const struct {
	const char *table, *cols;
	int n;
} loads[] = {
	{ "projects", "id, region, code, name, category, industry, kind, total_investment,"
		      " annual_plan, plan_year, builder_id, location, leader_id, department_id,"
		      " stage, stage_date, planned_start, actual_start, actual_finish, stats_date,"
		      " tags, special_bond, created_at, updated_at", 24 },
	{ "project_stage_history", "region, project_id, to_stage, date, reason, actor, at", 7 },
	{ "project_procedures", "region, project_id, kind, form, status, planned_finish,"
				" actual_start, actual_finish, department_id, basis, duration_days,"
				" created_at, updated_at", 13 },
	{ "project_milestones", "id, region, project_id, name, kind, duration_days, predecessors,"
				" created_at, updated_at", 9 },
	{ "project_reports", "region, project_id, month, invest_month, invest_ytd, progress_text,"
			     " status, submitted_at, late, created_at, updated_at", 11 },
	{ "project_problems", "region, project_id, title, detail, department_id, deadline, status,"
			      " feedback, closed_at, created_at, updated_at", 11 },
};
#define LOADS (sizeof loads / sizeof loads[0])
#define CHUNK 1000 /* projects per round of loads: ~1 MiB of reports */

static gcode open_loads(struct db *c, struct db_copy **b, struct gerror *e)
{
	gcode rc = G_OK;
	for (size_t i = 0; i < LOADS && rc == G_OK; i++)
		rc = db_copy_begin(c, loads[i].table, loads[i].cols, loads[i].n, &b[i], e);
	return rc;
}

static gcode close_loads(struct db_copy **b, gcode rc, struct gerror *e)
{
	for (size_t i = 0; i < LOADS; i++) {
		gcode r = db_copy_end(b[i], rc == G_OK ? e : NULL);
		if (rc == G_OK)
			rc = r;
	}
	return rc;
}

static gcode next_id(struct db *c, const char *sql, int64_t *out, struct gerror *e)
{
	int64_t max;
	gcode rc = db_scalar_i64(c, sql, 0, &max, e);
	*out = max + 1;
	return rc;
}

gcode gen_projects(struct db *c, const struct gen_plan *p, struct gen_counts *n,
		   struct gerror *e)
{
	static struct city_ctx x; /* large; gen runs once per process */
	memset(&x, 0, sizeof x);
	memset(n, 0, sizeof *n);
	x.p = p;
	x.n = n;
	x.rng.state = p->seed ^ 0x50524F4A45435453ull; /* its own stream: enterprises stay as they were */
	if (p->units > MAX_UNITS)
		return gerr_set(e, G_ERR_INVALID, NULL, "区县过多", "too many units");
	gcode rc = next_id(c, "SELECT MAX(id) FROM projects", &x.next_project, e);
	if (rc == G_OK)
		rc = next_id(c, "SELECT MAX(id) FROM project_milestones", &x.next_ms, e);
	int64_t total = p->projects * p->cities, done = 0;
	time_t t0 = time(NULL);
	for (int city = 0; city < p->cities && rc == G_OK; city++) {
		x.city = city;
		rc = org_for_city(c, &x, e);
		/* Loads end projects first (their rows are referenced), every
		 * CHUNK projects, well before a PostgreSQL chunk fills. */
		for (int64_t k = 0; k < p->projects && rc == G_OK;) {
			struct db_copy *b[LOADS] = { 0 };
			rc = open_loads(c, b, e);
			x.projects = b[0], x.history = b[1], x.procs = b[2], x.ms = b[3],
			x.reports = b[4], x.problems = b[5];
			for (int64_t m = 0; m < CHUNK && k < p->projects && rc == G_OK; m++, k++) {
				rc = gen_one(&x, e);
				gen_progress("projects", ++done, total, t0);
			}
			rc = close_loads(b, rc, e);
		}
	}
	return rc;
}
