/* The schema. Each migration has SQL common to both engines, in which
 * {{ID}} stands for a 64-bit auto-increment primary key, plus optional
 * engine-specific SQL (FTS5 on SQLite, pg_trgm on PostgreSQL). Never edit
 * a released migration: add a new one. */
#include "store/migrations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "store/fts_sql.h"

struct migration {
	int version;
	const char *name;
	const char *common;
	const char *sqlite;
	const char *postgres;
};

static const struct migration migrations[] = {
{ 1, "organisation, accounts, audit, enterprises",
"CREATE TABLE regions ("
"  code TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '',"
"  parent TEXT REFERENCES regions(code), level INTEGER NOT NULL,"
"  version BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
"CREATE TABLE departments ("
"  id {{ID}}, region TEXT NOT NULL REFERENCES regions(code), name TEXT NOT NULL,"
"  version BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
"  UNIQUE (region, name));"
"CREATE TABLE enterprises ("
"  id {{ID}}, region TEXT NOT NULL REFERENCES regions(code), credit_code TEXT,"
"  credit_code_valid INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL, industry TEXT,"
"  version BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
"CREATE UNIQUE INDEX enterprises_credit_code ON enterprises (credit_code);"
"CREATE INDEX enterprises_region ON enterprises (region, id);"
"CREATE TABLE users ("
"  id {{ID}}, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL,"
"  region TEXT NOT NULL REFERENCES regions(code),"
"  department_id BIGINT REFERENCES departments(id), enterprise_id BIGINT REFERENCES enterprises(id),"
"  password_hash TEXT NOT NULL, must_change_password INTEGER NOT NULL DEFAULT 1,"
"  failed_logins INTEGER NOT NULL DEFAULT 0, locked_until BIGINT NOT NULL DEFAULT 0,"
"  disabled INTEGER NOT NULL DEFAULT 0, last_login_at BIGINT, password_changed_at BIGINT,"
"  version BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
"CREATE INDEX users_region ON users (region);"
"CREATE TABLE sessions ("
"  id_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id), csrf TEXT NOT NULL,"
"  ip TEXT, created_at BIGINT NOT NULL, last_seen BIGINT NOT NULL);"
"CREATE INDEX sessions_user ON sessions (user_id);"
"CREATE TABLE api_tokens ("
"  id {{ID}}, user_id BIGINT NOT NULL REFERENCES users(id), name TEXT NOT NULL,"
"  token_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL, last_used_at BIGINT,"
"  revoked INTEGER NOT NULL DEFAULT 0);"
"CREATE INDEX api_tokens_user ON api_tokens (user_id);"
"CREATE TABLE audit_log ("
"  id BIGINT PRIMARY KEY, ts BIGINT NOT NULL, actor_id BIGINT, actor TEXT, ip TEXT,"
"  action TEXT NOT NULL, object_type TEXT, object_id TEXT, region TEXT,"
"  before_json TEXT, after_json TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);"
"CREATE INDEX audit_log_ts ON audit_log (ts);"
"CREATE INDEX audit_log_object ON audit_log (object_type, object_id);"
"CREATE TABLE audit_head ("
"  one INTEGER PRIMARY KEY CHECK (one = 1), last_id BIGINT NOT NULL, last_hash TEXT NOT NULL);",
/* SQLite: trigram full-text index kept in step by triggers (SQLite only;
 * PostgreSQL needs none). */
"CREATE VIRTUAL TABLE enterprises_fts USING fts5(name, content='enterprises',"
"  content_rowid='id', tokenize='trigram');"
ENTERPRISES_AI_TRIGGER
"CREATE TRIGGER enterprises_ad AFTER DELETE ON enterprises BEGIN"
"  INSERT INTO enterprises_fts(enterprises_fts, rowid, name) VALUES ('delete', old.id, old.name); END;"
"CREATE TRIGGER enterprises_au AFTER UPDATE OF name ON enterprises BEGIN"
"  INSERT INTO enterprises_fts(enterprises_fts, rowid, name) VALUES ('delete', old.id, old.name);"
"  INSERT INTO enterprises_fts(rowid, name) VALUES (new.id, new.name); END;",
"CREATE EXTENSION IF NOT EXISTS pg_trgm;"
"CREATE INDEX enterprises_name_trgm ON enterprises USING gin (name gin_trgm_ops);" },
{ 2, "GB/T 2260 regions of Changchun (长春市)",
"INSERT INTO regions (code, name, name_en, parent, level, created_at, updated_at) VALUES "
"('220000','吉林省','Jilin',NULL,1,1700000000,1700000000),"
"('220100','长春市','Changchun','220000',2,1700000000,1700000000),"
"('220102','南关区','Nanguan','220100',3,1700000000,1700000000),"
"('220103','宽城区','Kuancheng','220100',3,1700000000,1700000000),"
"('220104','朝阳区','Chaoyang','220100',3,1700000000,1700000000),"
"('220105','二道区','Erdao','220100',3,1700000000,1700000000),"
"('220106','绿园区','Lüyuan','220100',3,1700000000,1700000000),"
"('220112','双阳区','Shuangyang','220100',3,1700000000,1700000000),"
"('220113','九台区','Jiutai','220100',3,1700000000,1700000000),"
"('220122','农安县','Nong''an','220100',3,1700000000,1700000000),"
"('220171','长春经济技术开发区','Changchun Economic and Technological Development Zone','220100',3,1700000000,1700000000),"
"('220172','长春净月高新技术产业开发区','Changchun Jingyue High-tech Zone','220100',3,1700000000,1700000000),"
"('220173','长春高新技术产业开发区','Changchun High-tech Zone','220100',3,1700000000,1700000000),"
"('220174','长春汽车经济技术开发区','Changchun Automotive Economic and Technological Development Zone','220100',3,1700000000,1700000000),"
"('220182','榆树市','Yushu','220100',3,1700000000,1700000000),"
"('220183','德惠市','Dehui','220100',3,1700000000,1700000000),"
"('220184','公主岭市','Gongzhuling','220100',3,1700000000,1700000000);",
NULL, NULL },
{ 3, "major projects: registry, lifecycle, procedures, schedule, reports, problems",
/* Dates are ISO 'YYYY-MM-DD' text (NULL when absent), money is BIGINT 元.
 * light and light_reasons are derived from the stored facts (recomputed on
 * every write and when light_date is not today). Photos are base64 text:
 * the driver interface binds text, and one TEXT column is the same on both
 * engines (a photo is at most 1 MiB, so the third more is acceptable). */
"CREATE TABLE projects ("
"  id {{ID}}, region TEXT NOT NULL REFERENCES regions(code), code TEXT, name TEXT NOT NULL,"
"  category TEXT NOT NULL, industry TEXT, kind TEXT NOT NULL DEFAULT 'new',"
"  total_investment BIGINT NOT NULL DEFAULT 0, annual_plan BIGINT NOT NULL DEFAULT 0,"
"  plan_year INTEGER NOT NULL, builder_id BIGINT REFERENCES enterprises(id), location TEXT,"
"  leader_id BIGINT REFERENCES users(id), department_id BIGINT REFERENCES departments(id),"
"  stage TEXT NOT NULL DEFAULT 'planning', stage_date TEXT,"
"  planned_start TEXT, actual_start TEXT, planned_finish TEXT, actual_finish TEXT,"
"  stats_date TEXT, tags TEXT NOT NULL DEFAULT '', special_bond INTEGER NOT NULL DEFAULT 0,"
"  light TEXT NOT NULL DEFAULT 'green', light_reasons TEXT NOT NULL DEFAULT '[]', light_date TEXT,"
"  version BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
"CREATE UNIQUE INDEX projects_code ON projects (code);"
"CREATE INDEX projects_region ON projects (region, id);"
"CREATE INDEX projects_region_stage ON projects (region, stage);"
"CREATE INDEX projects_region_light ON projects (region, light);"
"CREATE INDEX projects_region_year ON projects (region, plan_year);"
"CREATE INDEX projects_leader ON projects (leader_id);"
"CREATE INDEX projects_department ON projects (department_id);"
"CREATE INDEX projects_builder ON projects (builder_id);"
"CREATE TABLE project_members ("
"  id {{ID}}, region TEXT NOT NULL, project_id BIGINT NOT NULL REFERENCES projects(id),"
"  user_id BIGINT REFERENCES users(id), name TEXT NOT NULL, duty TEXT NOT NULL DEFAULT '',"
"  created_at BIGINT NOT NULL);"
"CREATE INDEX project_members_project ON project_members (project_id);"
"CREATE TABLE project_stage_history ("
"  id {{ID}}, region TEXT NOT NULL, project_id BIGINT NOT NULL REFERENCES projects(id),"
"  from_stage TEXT, to_stage TEXT NOT NULL, date TEXT, reason TEXT,"
"  actor_id BIGINT, actor TEXT, at BIGINT NOT NULL);"
"CREATE INDEX project_stage_history_project ON project_stage_history (project_id, id);"
"CREATE TABLE project_procedures ("
"  id {{ID}}, region TEXT NOT NULL, project_id BIGINT NOT NULL REFERENCES projects(id),"
"  kind TEXT NOT NULL, form TEXT, status TEXT NOT NULL DEFAULT 'not_started',"
"  planned_finish TEXT, actual_start TEXT, actual_finish TEXT,"
"  department_id BIGINT REFERENCES departments(id), basis TEXT, note TEXT, duration_days INTEGER,"
"  version BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
"  UNIQUE (project_id, kind));"
"CREATE TABLE project_milestones ("
"  id {{ID}}, region TEXT NOT NULL, project_id BIGINT NOT NULL REFERENCES projects(id),"
"  name TEXT NOT NULL, kind TEXT, duration_days INTEGER NOT NULL DEFAULT 0,"
"  predecessors TEXT NOT NULL DEFAULT '[]', deadline TEXT,"
"  planned_start TEXT, planned_finish TEXT, baseline_start TEXT, baseline_finish TEXT,"
"  actual_start TEXT, actual_finish TEXT, progress_bp INTEGER NOT NULL DEFAULT 0,"
"  critical INTEGER NOT NULL DEFAULT 0, total_float INTEGER,"
"  version BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
"CREATE INDEX project_milestones_project ON project_milestones (project_id, id);"
"CREATE TABLE project_reports ("
"  id {{ID}}, region TEXT NOT NULL, project_id BIGINT NOT NULL REFERENCES projects(id),"
"  month TEXT NOT NULL, invest_month BIGINT NOT NULL DEFAULT 0, invest_ytd BIGINT NOT NULL DEFAULT 0,"
"  progress_text TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'draft',"
"  submitted_by BIGINT REFERENCES users(id), submitted_at BIGINT,"
"  reviewed_by BIGINT REFERENCES users(id), reviewed_at BIGINT, review_comment TEXT,"
"  late INTEGER NOT NULL DEFAULT 0,"
"  version BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
"  UNIQUE (project_id, month));"
"CREATE INDEX project_reports_region ON project_reports (region, month);"
"CREATE TABLE project_photos ("
"  id {{ID}}, region TEXT NOT NULL, project_id BIGINT NOT NULL REFERENCES projects(id),"
"  report_id BIGINT NOT NULL REFERENCES project_reports(id), sha256 TEXT NOT NULL,"
"  mime TEXT NOT NULL, size BIGINT NOT NULL, data TEXT NOT NULL,"
"  created_by BIGINT REFERENCES users(id), created_at BIGINT NOT NULL);"
"CREATE INDEX project_photos_report ON project_photos (report_id);"
"CREATE TABLE project_problems ("
"  id {{ID}}, region TEXT NOT NULL, project_id BIGINT NOT NULL REFERENCES projects(id),"
"  title TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '',"
"  department_id BIGINT REFERENCES departments(id), deadline TEXT,"
"  status TEXT NOT NULL DEFAULT 'assigned', feedback TEXT, escalated INTEGER NOT NULL DEFAULT 0,"
"  raised_by BIGINT REFERENCES users(id), closed_by BIGINT REFERENCES users(id), closed_at BIGINT,"
"  version BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
"CREATE INDEX project_problems_region ON project_problems (region, status);"
"CREATE INDEX project_problems_project ON project_problems (project_id);"
"CREATE INDEX project_problems_department ON project_problems (department_id);",
NULL, NULL },
{ 4, "project reports: the note explaining a year-to-date figure below last month's",
"ALTER TABLE project_reports ADD COLUMN ytd_note TEXT;",
NULL, NULL },
{ 5, "project light thresholds per region; one copy of a photo per report",
/* A region without a row uses its parent's, else the domain defaults
 * (proj_light_default_rules). */
"CREATE TABLE project_light_rules ("
"  region TEXT PRIMARY KEY REFERENCES regions(code),"
"  start_red_months INTEGER NOT NULL, progress_yellow_bp INTEGER NOT NULL,"
"  progress_red_bp INTEGER NOT NULL, stats_yellow_months INTEGER NOT NULL,"
"  stats_red_months INTEGER NOT NULL,"
"  version BIGINT NOT NULL DEFAULT 1, updated_at BIGINT NOT NULL,"
"  updated_by BIGINT REFERENCES users(id));"
"CREATE UNIQUE INDEX project_photos_report_hash ON project_photos (report_id, sha256);",
NULL, NULL },
{ 6, "economic operation: indicator catalog, values, revisions, targets",
/* Values are cumulative year to date in the indicator's base unit (元,
 * US dollars, persons, households), exact int64. A period is the year and
 * the last month it covers (quarterly: 3, 6, 9, 12) and its canonical text
 * ('2023-06', '2023-Q2'). growth_bp is the officially reported growth (basis
 * points), kept as reported and never recomputed; NULL when not reported. */
"CREATE TABLE indicators ("
"  id {{ID}}, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '',"
"  unit TEXT NOT NULL, display_unit TEXT NOT NULL, periodicity TEXT NOT NULL,"
"  aggregation TEXT NOT NULL DEFAULT 'ytd', price_basis TEXT NOT NULL DEFAULT 'current',"
"  parent TEXT, jan_feb_merged INTEGER NOT NULL DEFAULT 1, is_key INTEGER NOT NULL DEFAULT 0,"
"  builtin INTEGER NOT NULL DEFAULT 0, sort INTEGER NOT NULL DEFAULT 0,"
"  version BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
"CREATE TABLE indicator_values ("
"  id {{ID}}, region TEXT NOT NULL REFERENCES regions(code),"
"  indicator_id BIGINT NOT NULL REFERENCES indicators(id),"
"  period TEXT NOT NULL, year INTEGER NOT NULL, month INTEGER NOT NULL,"
"  value BIGINT NOT NULL, growth_bp BIGINT, note TEXT,"
"  status TEXT NOT NULL DEFAULT 'draft', source TEXT NOT NULL DEFAULT 'entry',"
"  entered_by BIGINT REFERENCES users(id), entered_at BIGINT NOT NULL,"
"  published_by BIGINT REFERENCES users(id), published_at BIGINT,"
"  version BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
"  UNIQUE (region, indicator_id, year, month));"
"CREATE INDEX indicator_values_period ON indicator_values (region, year, month);"
"CREATE INDEX indicator_values_indicator ON indicator_values (indicator_id, year, month);"
"CREATE TABLE indicator_revisions ("
"  id {{ID}}, region TEXT NOT NULL, value_id BIGINT NOT NULL REFERENCES indicator_values(id),"
"  old_value BIGINT, new_value BIGINT NOT NULL, old_growth_bp BIGINT, new_growth_bp BIGINT,"
"  old_status TEXT, note TEXT, actor_id BIGINT, actor TEXT, at BIGINT NOT NULL);"
"CREATE INDEX indicator_revisions_value ON indicator_revisions (value_id, id);"
"CREATE TABLE indicator_targets ("
"  id {{ID}}, region TEXT NOT NULL REFERENCES regions(code),"
"  indicator_id BIGINT NOT NULL REFERENCES indicators(id), year INTEGER NOT NULL,"
"  growth_bp BIGINT, amount BIGINT, note TEXT,"
"  version BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
"  UNIQUE (region, indicator_id, year));"
"CREATE INDEX indicator_targets_year ON indicator_targets (region, year);"
/* The built-in catalog (统计口径 of a district statistics bureau). */
"INSERT INTO indicators (code, name, name_en, unit, display_unit, periodicity, price_basis,"
"  parent, jan_feb_merged, is_key, builtin, sort, created_at, updated_at) VALUES "
"('gdp','地区生产总值','Gross regional product','yuan','yi','quarterly','comparable',NULL,0,1,1,10,1700000000,1700000000),"
"('gdp_primary','第一产业增加值','Primary industry value added','yuan','yi','quarterly','comparable','gdp',0,0,1,11,1700000000,1700000000),"
"('gdp_secondary','第二产业增加值','Secondary industry value added','yuan','yi','quarterly','comparable','gdp',0,0,1,12,1700000000,1700000000),"
"('gdp_tertiary','第三产业增加值','Tertiary industry value added','yuan','yi','quarterly','comparable','gdp',0,0,1,13,1700000000,1700000000),"
"('industry_output','规模以上工业总产值','Gross output of industry above designated size','yuan','yi','monthly','current',NULL,1,1,1,20,1700000000,1700000000),"
"('industry_va','规模以上工业增加值','Value added of industry above designated size','yuan','yi','monthly','comparable','industry_output',1,0,1,21,1700000000,1700000000),"
"('fai','固定资产投资','Fixed-asset investment','yuan','yi','monthly','current',NULL,1,1,1,30,1700000000,1700000000),"
"('retail','社会消费品零售总额（全口径）','Retail sales of consumer goods (all)','yuan','yi','monthly','current',NULL,1,1,1,40,1700000000,1700000000),"
"('retail_above','限额以上社会消费品零售额','Retail sales above designated size','yuan','yi','monthly','current','retail',1,0,1,41,1700000000,1700000000),"
"('online_retail','网络零售额','Online retail sales','yuan','yi','monthly','current',NULL,1,0,1,42,1700000000,1700000000),"
"('fiscal_total','全口径财政收入','Total fiscal revenue','yuan','yi','monthly','current',NULL,1,0,1,50,1700000000,1700000000),"
"('fiscal_budget','一般公共预算收入','General public budget revenue','yuan','yi','monthly','current','fiscal_total',1,0,1,51,1700000000,1700000000),"
"('fiscal_local','本级财政收入','Own-level fiscal revenue','yuan','yi','monthly','current','fiscal_budget',1,1,1,52,1700000000,1700000000),"
"('domestic_funds','到位内资','Domestic capital received','yuan','yi','monthly','current',NULL,1,0,1,60,1700000000,1700000000),"
"('fdi','实际利用外资','Foreign capital actually used','usd','wan_usd','monthly','current',NULL,1,0,1,61,1700000000,1700000000),"
"('new_entities','新增市场主体','New market entities','household','household','monthly','current',NULL,1,0,1,70,1700000000,1700000000),"
"('new_jobs','城镇新增就业','New urban jobs','person','person','monthly','current',NULL,1,0,1,71,1700000000,1700000000);",
NULL, NULL },
/* Every project read looks for lights not computed today in the caller's
 * region range: this covering index answers that without reading each
 * project row (5,000 rows of a city: 2.5 ms -> 0.5 ms a query). */
{ 7, "projects: covering index for finding status lights not computed today",
"CREATE INDEX projects_light_date ON projects (region, light_date);",
NULL, NULL },
/* The project list picks its page from every project of the caller's range
 * (5,000 in a city) before reading the page's rows: this index holds every
 * column its filters and sorts read, so SQLite need not read the wide rows
 * (inner query of a city's 在建 list by investment 5 ms -> 1.5 ms). */
{ 8, "projects: covering index for the filtered, sorted project list",
"CREATE INDEX projects_list_cover ON projects (region, stage, total_investment, id, name,"
" code, light, leader_id, department_id, category, kind, plan_year, builder_id, tags,"
" special_bond, updated_at);",
NULL, NULL },
};

#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

int migrations_latest(void)
{
	return migrations[N_MIGRATIONS - 1].version;
}

static char *expand(const char *sql, enum db_dialect d)
{
	const char *id = d == DB_SQLITE ? "INTEGER PRIMARY KEY AUTOINCREMENT"
					: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
	struct buf b;
	buf_init(&b, 0);
	const char *p = sql, *m;
	while ((m = strstr(p, "{{ID}}"))) {
		buf_append(&b, p, (size_t)(m - p));
		buf_puts(&b, id);
		p = m + 6;
	}
	buf_puts(&b, p);
	return buf_take(&b);
}

static gcode current_version(struct db *c, int *version, struct gerror *e)
{
	gcode rc = db_exec(c, "CREATE TABLE IF NOT EXISTS schema_migrations ("
			      " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
			      " applied_at BIGINT NOT NULL)", e);
	if (rc != G_OK)
		return rc;
	int64_t v = 0;
	rc = db_scalar_i64(c, "SELECT MAX(version) FROM schema_migrations", 0, &v, e);
	*version = (int)v;
	return rc;
}

static gcode apply_one(struct db *c, const struct migration *m, struct gerror *e)
{
	enum db_dialect d = db_dialect_of(c);
	const char *extra = d == DB_SQLITE ? m->sqlite : m->postgres;
	gcode rc = db_begin(c, e);
	if (rc != G_OK)
		return rc;
	char *sql = expand(m->common, d);
	rc = db_exec(c, sql, e);
	free(sql);
	if (rc == G_OK && extra)
		rc = db_exec(c, extra, e);
	if (rc == G_OK) {
		struct db_stmt *s;
		rc = db_prepare(c, "INSERT INTO schema_migrations (version, name, applied_at)"
				   " VALUES ($1, $2, $3)", &s, e);
		if (rc == G_OK) {
			db_bind_i64(s, 1, m->version);
			db_bind_text(s, 2, m->name);
			db_bind_i64(s, 3, (int64_t)time(NULL));
			if (db_step(s, e) < 0)
				rc = e ? e->code : G_ERR_DB;
			db_finish(s);
		}
	}
	if (rc != G_OK) {
		db_rollback(c);
		return rc;
	}
	return db_commit(c, e);
}

gcode migrations_apply(struct db *c, int *version, struct gerror *e)
{
	gcode rc = current_version(c, version, e);
	if (rc != G_OK)
		return rc;
	if (*version > migrations_latest())
		return gerr_set(e, G_ERR_INVALID, "db", "数据库版本高于本程序，请升级程序",
				"the database is newer than this program: upgrade guatu");
	for (size_t i = 0; i < N_MIGRATIONS; i++) {
		if (migrations[i].version <= *version)
			continue;
		rc = apply_one(c, &migrations[i], e);
		if (rc != G_OK)
			return rc;
		*version = migrations[i].version;
	}
	return G_OK;
}
