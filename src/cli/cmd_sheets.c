/* guatu import enterprises FILE, guatu export enterprises: the same
 * validation as the web UI's import (api/enterprise_io.c). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/enterprise_io.h"
#include "base/text.h"
#include "cli/commands.h"
#include "domain/region.h"

gcode cli_read_file(const char *path, struct buf *b, struct gerror *e)
{
	bool std = !strcmp(path, "-"); /* "-": standard input */
	FILE *f = std ? stdin : fopen(path, "rb");
	if (!f)
		return gerr_set(e, G_ERR_IO, "file", "无法打开文件", "cannot open the file");
	char chunk[1 << 16];
	size_t n;
	gcode rc = G_OK;
	while (rc == G_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (!buf_append(b, chunk, n))
			rc = gerr_set(e, G_ERR_TOOLARGE, "file", "文件过大", "the file is too large");
	if (!std)
		fclose(f);
	return rc;
}

void cli_print_import_report(const json_t *rep)
{
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(rep, "errors"), i, it)
		fprintf(stderr, "第%lld行 row %lld %s列 column %s: %s / %s\n",
			(long long)json_integer_value(json_object_get(it, "row")),
			(long long)json_integer_value(json_object_get(it, "row")),
			json_string_value(json_object_get(it, "column")),
			json_string_value(json_object_get(it, "column")),
			json_string_value(json_object_get(it, "message_zh")),
			json_string_value(json_object_get(it, "message_en")));
	json_array_foreach(json_object_get(rep, "warnings"), i, it)
		fprintf(stderr, "提示 warning, row %lld: %s / %s\n",
			(long long)json_integer_value(json_object_get(it, "row")),
			json_string_value(json_object_get(it, "message_zh")),
			json_string_value(json_object_get(it, "message_en")));
}

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
	struct actor actor = { 0, "cli", NULL };
	gcode rc = cli_read_file(a->pos[0], &b, &e);
	if (rc == G_OK)
		rc = cli_migrate_url(a->cfg.db, &version, &e);
	if (rc == G_OK)
		rc = db_open(a->cfg.db, &c, &e);
	if (rc == G_OK)
		rc = enterprise_import(c, &actor, NULL, b.p, b.len, dry, &rep, &e);
	if (rep)
		cli_print_import_report(rep);
	if (rc == G_OK)
		printf("%s %lld rows%s\n", dry ? "检查通过 checked, nothing written:" : "已导入 imported",
		       (long long)json_integer_value(json_object_get(rep, "rows")),
		       dry ? "" : " (one transaction, audited)");
	else
		cli_error(&e);
	json_decref(rep);
	db_close(c);
	buf_free(&b);
	return rc == G_OK ? 0 : 1;
}

int cli_write_out(const char *path, const struct buf *b)
{
	int fd = path ? open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644) : STDOUT_FILENO;
	if (fd < 0) {
		fprintf(stderr, "错误：无法写入 %s\nerror: cannot write %s\n", path, path);
		return 1;
	}
	size_t off = 0;
	while (off < b->len) {
		ssize_t n = write(fd, b->p + off, b->len - off);
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (path)
		close(fd);
	return off == b->len ? 0 : 1;
}

static int run_export(struct cli_args *a)
{
	struct gerror e;
	const char *f = cli_flag(a, "format"), *region = cli_flag(a, "region");
	enum sheet_format fmt = f && !strcmp(f, "csv") ? SHEET_CSV : SHEET_XLSX;
	char lo[7] = "000000", hi[7] = "999999";
	if ((f && strcmp(f, "csv") && strcmp(f, "xlsx")) ||
	    (region && !region_code_valid(region, strlen(region)))) {
		fprintf(stderr, "错误：--format 应为 xlsx|csv，--region 为6位区划代码\n"
				"error: --format must be xlsx or csv, --region a 6-digit code\n");
		return 2;
	}
	if (region)
		region_range(region, lo, hi);
	if (fmt == SHEET_XLSX && !cli_flag(a, "out") && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "错误：XLSX 须用 --out 写入文件\nerror: write XLSX to a file with --out\n");
		return 2;
	}
	struct db *c = NULL;
	struct buf b;
	buf_init(&b, 0);
	gcode rc = db_open(a->cfg.db, &c, &e);
	if (rc == G_OK)
		rc = enterprise_export(c, lo, hi, fmt, INT64_MAX, &b, &e);
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
	{ 0 },
};

const struct cli_cmd cmd_import_enterprises = { "import enterprises",
	"import enterprises FILE|- [--dry-run] [--db PATH|URL]",
	"导入企业名录 import enterprises from XLSX or CSV (UTF-8/GBK), all rows or none",
	import_flags, db_only, 1, 1, run_import };
const struct cli_cmd cmd_export_enterprises = { "export enterprises",
	"export enterprises [--format xlsx|csv] [--out FILE] [--region CODE]",
	"导出企业名录 export the enterprise registry", export_flags, db_only, 0, 0, run_export };
