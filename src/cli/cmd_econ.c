/* guatu import indicators FILE: a statistics bureau's sheet of indicator
 * values, with the same checks as the web UI's import (api/econ_io.c). */
#include <stdio.h>
#include <time.h>

#include "api/econ_io.h"
#include "base/buf.h"
#include "cli/commands.h"

static int run_import(struct cli_args *a)
{
	struct gerror e;
	gerr_clear(&e);
	struct buf b;
	buf_init(&b, 0);
	struct db *c = NULL;
	json_t *rep = NULL;
	int version;
	bool dry = cli_flag(a, "dry-run") != NULL;
	struct econ_import_ctx ctx = { cli_flag(a, "region"), cli_flag(a, "indicator"),
				       cli_flag(a, "period") };
	gcode rc = cli_read_file(a->pos[0], &b, &e);
	if (rc == G_OK)
		rc = cli_migrate_url(a->cfg.db, &version, &e);
	if (rc == G_OK)
		rc = db_open(a->cfg.db, &c, &e);
	struct econ_writer w = { c, { 0, "cli", NULL }, 0, (int64_t)time(NULL) };
	if (rc == G_OK)
		rc = econ_import(&w, NULL, b.p, b.len, &ctx, dry, &rep, &e);
	if (rep)
		cli_print_report(rep);
	if (rc == G_OK)
		printf("%s %lld rows: %lld new, %lld revised, %lld unchanged, %lld skipped%s\n",
		       dry ? "检查通过 checked, nothing written:" : "已导入（草稿，待审核）imported as drafts:",
		       (long long)json_integer_value(json_object_get(rep, "rows")),
		       (long long)json_integer_value(json_object_get(rep, "created")),
		       (long long)json_integer_value(json_object_get(rep, "updated")),
		       (long long)json_integer_value(json_object_get(rep, "unchanged")),
		       (long long)json_integer_value(json_object_get(rep, "skipped")),
		       dry ? "" : " (one transaction, audited)");
	else
		cli_error(&e);
	json_decref(rep);
	db_close(c);
	buf_free(&b);
	return rc == G_OK ? 0 : 1;
}

static const char *const db_only[] = { "db", NULL };
static const struct cli_flag import_flags[] = {
	{ "dry-run", false, "check every row and report, write nothing" },
	{ "region", true, "the region of a one-region sheet (else read from its title)" },
	{ "indicator", true, "the indicator of a by-region sheet, code or name (else from the title)" },
	{ "period", true, "YYYY-MM, the last month covered (else from the title, 2023年1-6月)" },
	{ 0 },
};

const struct cli_cmd cmd_import_indicators = { "import indicators",
	"import indicators FILE|- [--dry-run] [--region CODE] [--indicator CODE] [--period YYYY-MM]",
	"导入经济指标 import indicator values from XLSX or CSV, all rows or none (drafts)",
	import_flags, db_only, 1, 1, run_import };
