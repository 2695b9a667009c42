/* guatu report briefing: the drafted 经济运行 briefing of a region and
 * period as text (standard output by default), DOCX or PDF — the same
 * draft as GET /api/v1/briefing (api/briefing_doc.c). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/briefing_doc.h"
#include "cli/commands.h"
#include "domain/region.h"

/* Today in China (UTC+8) as days since 1970-01-01. */
static int32_t today_cn(void)
{
	return (int32_t)(((int64_t)time(NULL) + 8 * 3600) / 86400);
}

static int usage_error(void)
{
	fprintf(stderr, "错误：--region 为6位区划代码，--period 为YYYY-MM，--format 为 text|docx|pdf|json\n"
			"error: --region is a 6-digit code, --period YYYY-MM, --format text|docx|pdf|json\n");
	return 2;
}

static int run_briefing(struct cli_args *a)
{
	const char *region = cli_flag(a, "region"), *fq = cli_flag(a, "format");
	const char *out = cli_flag(a, "out");
	int year = 0, month = 0, f = fq ? brief_format_from_code(fq) : BFMT_TEXT;
	if (!region || !region_code_valid(region, strlen(region)) ||
	    !brief_period_parse(cli_flag(a, "period"), &year, &month) || f < 0)
		return usage_error();
	if ((f == BFMT_DOCX || f == BFMT_PDF) && !out && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "错误：DOCX/PDF 须用 --out 写入文件\nerror: write DOCX or PDF to a file with --out\n");
		return 2;
	}
	struct gerror e;
	gerr_clear(&e);
	struct db *c = NULL;
	struct brief_draft d;
	memset(&d, 0, sizeof d);
	struct buf b;
	buf_init(&b, 0);
	gcode rc = db_open(a->cfg.db, &c, &e);
	if (rc == G_OK)
		rc = brief_draft_make(c, region, year, month, today_cn(), &d, &e);
	if (rc == G_OK)
		rc = brief_draft_render(&d, (enum brief_format)f, &b, &e);
	db_close(c);
	int r = rc == G_OK ? cli_write_out(out, &b) : 1;
	if (rc != G_OK)
		cli_error(&e);
	brief_draft_free(&d);
	buf_free(&b);
	return r;
}

static const char *const db_only[] = { "db", NULL };
static const struct cli_flag briefing_flags[] = {
	{ "region", true, "the region, a 6-digit code (220104)" },
	{ "period", true, "the cumulative period YYYY-MM (2023-06: 1-6月)" },
	{ "format", true, "text (default), docx, pdf or json (numbers with their sources)" },
	{ "out", true, "file to write (text and json may go to standard output)" },
	{ 0 },
};

const struct cli_cmd cmd_report_briefing = { "report briefing",
	"report briefing --region CODE --period YYYY-MM [--format text|docx|pdf|json] [--out FILE]",
	"起草经济运行简报 draft the monthly economic briefing", briefing_flags, db_only, 0, 0,
	run_briefing };
