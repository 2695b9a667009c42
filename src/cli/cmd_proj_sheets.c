/* guatu import projects FILE, guatu import reports FILE, guatu export
 * projects: the same checks as the web UI's imports (api/projects_io.h),
 * run as the operator (every region, no role rule, audited as "cli"). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/projects_io.h"
#include "cli/commands.h"
#include "domain/proj_stage.h"
#include "base/text.h"
#include "domain/region.h"

/* The request the API functions take, for the operator. */
static void operator_req(struct api_req *rq, struct db *c)
{
	memset(rq, 0, sizeof *rq);
	rq->db = c;
	rq->now = (int64_t)time(NULL);
	snprintf(rq->username, sizeof rq->username, "cli");
	rq->ip = "cli";
}

static int run_import_with(struct cli_args *a, gcode (*fn)(const struct pio_who *,
							   const void *, size_t, bool,
							   json_t **, struct gerror *))
{
	struct gerror e;
	gerr_clear(&e);
	struct buf b;
	buf_init(&b, 0);
	struct db *c = NULL;
	json_t *rep = NULL;
	int version;
	bool dry = cli_flag(a, "dry-run") != NULL;
	struct api_req rq;
	gcode rc = cli_read_file(a->pos[0], &b, &e);
	if (rc == G_OK)
		rc = cli_migrate_url(a->cfg.db, &version, &e);
	if (rc == G_OK)
		rc = db_open(a->cfg.db, &c, &e);
	operator_req(&rq, c);
	struct pio_who w = { &rq, true };
	if (rc == G_OK)
		rc = fn(&w, b.p, b.len, dry, &rep, &e);
	if (rep)
		cli_print_report(rep);
	if (rc == G_OK)
		printf("%s %lld rows: %lld created, %lld updated%s\n",
		       dry ? "检查通过 checked, nothing written:" : "已导入 imported",
		       (long long)json_integer_value(json_object_get(rep, "rows")),
		       (long long)json_integer_value(json_object_get(rep, "created")),
		       (long long)json_integer_value(json_object_get(rep, "updated")),
		       dry ? "" : " (one transaction, audited)");
	else
		cli_error(&e);
	json_decref(rep);
	db_close(c);
	buf_free(&b);
	return rc == G_OK ? 0 : 1;
}

static int run_import_projects(struct cli_args *a)
{
	return run_import_with(a, projects_import);
}

static int run_import_reports(struct cli_args *a)
{
	return run_import_with(a, projects_reports_import);
}

/* --format, --region, --stage and --year into fmt and q; false when one is wrong. */
static bool export_args(struct cli_args *a, enum sheet_format *fmt, struct project_query *q,
			char lo[7], char hi[7])
{
	const char *f = cli_flag(a, "format"), *region = cli_flag(a, "region");
	const char *stage = cli_flag(a, "stage"), *year = cli_flag(a, "year");
	int s = stage ? proj_stage_find(stage, strlen(stage)) : 0;
	*fmt = f && !strcmp(f, "csv") ? SHEET_CSV : SHEET_XLSX;
	memcpy(lo, "000000", 7);
	memcpy(hi, "999999", 7);
	if ((f && strcmp(f, "csv") && strcmp(f, "xlsx")) || s < 0 ||
	    (region && !region_code_valid(region, strlen(region))) ||
	    (year && !text_to_i64(year, 2000, 2100, &q->plan_year)))
		return false;
	if (region)
		region_range(region, lo, hi);
	q->lo = lo;
	q->hi = hi;
	q->stage = stage ? proj_stage_info((enum proj_stage)s)->code : NULL;
	q->limit = INT64_MAX;
	return true;
}

static int run_export_projects(struct cli_args *a)
{
	struct project_query q = { 0 };
	enum sheet_format fmt;
	char lo[7], hi[7];
	if (!export_args(a, &fmt, &q, lo, hi)) {
		fprintf(stderr, "错误：--format 应为 xlsx|csv，--region 为6位区划代码，--stage 为项目阶段，--year 为年份\n"
				"error: --format must be xlsx or csv, --region a 6-digit code, --stage a stage, --year a year\n");
		return 2;
	}
	if (fmt == SHEET_XLSX && !cli_flag(a, "out") && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "错误：XLSX 须用 --out 写入文件\nerror: write XLSX to a file with --out\n");
		return 2;
	}
	struct gerror e;
	struct db *c = NULL;
	struct buf b;
	struct api_req rq;
	buf_init(&b, 0);
	gcode rc = db_open(a->cfg.db, &c, &e);
	operator_req(&rq, c);
	if (rc == G_OK)
		rc = projects_export(&rq, &q, fmt, &b, &e);
	db_close(c);
	int r = rc == G_OK ? cli_write_out(cli_flag(a, "out"), &b) : 1;
	if (rc != G_OK)
		cli_error(&e);
	buf_free(&b);
	return r;
}

static const char *const db_only[] = { "db", NULL };
static const struct cli_flag import_flags[] = {
	{ "dry-run", false, "check every row and report, write nothing" },
	{ 0 },
};
static const struct cli_flag export_flags[] = {
	{ "format", true, "xlsx (default) or csv (UTF-8 with BOM)" },
	{ "out", true, "file to write (CSV may go to standard output)" },
	{ "region", true, "only this region (6-digit code) and below" },
	{ "stage", true, "only this stage (谋划 … 入库入统, or its code)" },
	{ "year", true, "only this plan year" },
	{ 0 },
};

const struct cli_cmd cmd_import_projects = { "import projects",
	"import projects FILE|- [--dry-run] [--db PATH|URL]",
	"导入重点项目 import projects from XLSX or CSV (UTF-8/GBK), all rows or none; a registered 项目代码 updates",
	import_flags, db_only, 1, 1, run_import_projects };
const struct cli_cmd cmd_import_reports = { "import reports",
	"import reports FILE|- [--dry-run] [--db PATH|URL]",
	"导入项目月报 import and submit monthly reports from XLSX or CSV, all rows or none",
	import_flags, db_only, 1, 1, run_import_reports };
const struct cli_cmd cmd_export_projects = { "export projects",
	"export projects [--format xlsx|csv] [--out FILE] [--region CODE] [--stage STAGE] [--year YYYY]",
	"导出重点项目 export the project registry", export_flags, db_only, 0, 0,
	run_export_projects };
