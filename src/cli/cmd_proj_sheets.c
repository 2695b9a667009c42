/* guatu import projects FILE, guatu import reports FILE, guatu export
 * projects: the same checks as the web UI's imports (api/projects_io.h),
 * run as the operator (every region, no role rule, audited as "cli"). */
#include <stdio.h>
#include <string.h>
#include <time.h>

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

/* The operator's import: any region, no role rule. */
static gcode with_operator(struct db *c, const void *data, size_t len, bool dry, json_t **rep,
			  struct gerror *e, bool reports)
{
	struct api_req rq;
	operator_req(&rq, c);
	struct pio_who w = { &rq, true };
	return (reports ? projects_reports_import : projects_import)(&w, data, len, dry, rep, e);
}

static gcode import_projects(struct db *c, const void *data, size_t len, bool dry, json_t **rep,
			     struct gerror *e)
{
	return with_operator(c, data, len, dry, rep, e, false);
}

static gcode import_reports(struct db *c, const void *data, size_t len, bool dry, json_t **rep,
			    struct gerror *e)
{
	return with_operator(c, data, len, dry, rep, e, true);
}

static int run_import_projects(struct cli_args *a)
{
	return cli_import_sheet(a, import_projects);
}

static int run_import_reports(struct cli_args *a)
{
	return cli_import_sheet(a, import_reports);
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

static gcode export_projects(struct db *c, void *arg, enum sheet_format fmt, struct buf *out,
			     struct gerror *e)
{
	struct api_req rq;
	operator_req(&rq, c);
	return projects_export(&rq, arg, fmt, out, e);
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
	return cli_export_sheet(a, fmt, export_projects, &q);
}

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
	cli_import_flags, cli_db_only, 1, 1, run_import_projects };
const struct cli_cmd cmd_import_reports = { "import reports",
	"import reports FILE|- [--dry-run] [--db PATH|URL]",
	"导入项目月报 import and submit monthly reports from XLSX or CSV, all rows or none",
	cli_import_flags, cli_db_only, 1, 1, run_import_reports };
const struct cli_cmd cmd_export_projects = { "export projects",
	"export projects [--format xlsx|csv] [--out FILE] [--region CODE] [--stage STAGE] [--year YYYY]",
	"导出重点项目 export the project registry", export_flags, cli_db_only, 0, 0,
	run_export_projects };
