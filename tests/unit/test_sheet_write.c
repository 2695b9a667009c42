/* Tests for io/sheet_write.c: an XLSX export read back by our own reader
 * (values, types, dates, the title merged over the columns) and checked in
 * its XML (bold frozen header, widths, number formats); CSV with BOM,
 * quoting and the formula guard; the template and its 说明 sheet; errors;
 * and that no temp file is left behind. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "test_sheet_util.h"

static const struct sheet_col export_cols[] = {
	{.key = "name", .names = {"项目名称"}},
	{.key = "count", .names = {"个数"}, .fmt = SHEET_FMT_INT},
	{.key = "total", .names = {"总投资（万元）"}, .fmt = SHEET_FMT_WAN},
	{.key = "yi", .names = {"总投资（亿元）"}, .fmt = SHEET_FMT_YI},
	{.key = "rate", .names = {"完成率（%）"}, .fmt = SHEET_FMT_DECIMAL, .scale = 2},
	{.key = "start", .names = {"开工日期"}, .fmt = SHEET_FMT_DATE},
	{.key = "new", .names = {"是否新建"}, .fmt = SHEET_FMT_BOOL},
	{.key = "note", .names = {"备注"}},
};
#define NCOLS (sizeof export_cols / sizeof export_cols[0])

static char tmpdir[256];

static int setup(void **state)
{
	(void)state;
	const char *t = getenv("TMPDIR");
	snprintf(tmpdir, sizeof tmpdir, "%s/guatu-sheet-test-XXXXXX", t && t[0] ? t : "/tmp");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(tmpdir); /* fails, and so the group, if a file was left */
}

static size_t files_in(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void write_rows(struct sheet_writer *w)
{
	sheet_put_text(w, "中凯消防车");
	sheet_put_int(w, 12);
	sheet_put_amount(w, 50000000);    /* 5000万元 */
	sheet_put_amount(w, 1234567800);  /* 12.345678亿元 */
	sheet_put_decimal(w, 8512, 2);    /* 85.12 */
	sheet_put_date(w, 19783);         /* 2024-03-01 */
	sheet_put_bool(w, true);
	sheet_put_text(w, "=HYPERLINK(\"x\")");
	sheet_end_row(w);
	sheet_put_text(w, "旭阳中法智能产业园, \"二期\"");
	sheet_put_int(w, -3);
	sheet_put_amount(w, 12345678); /* 1234.5678万元 */
	sheet_put_amount(w, -5);
	sheet_put_decimal(w, -5, 2);
	sheet_put_empty(w);
	sheet_put_bool(w, false);
	sheet_put_text(w, "第一行\n第二行");
	sheet_end_row(w);
}

static void test_xlsx_round_trip(void **state)
{
	(void)state;
	struct sheet_write_opts o = {.tmpdir = tmpdir};
	struct sheet_writer *w = NULL;
	struct gerror e = {0};
	assert_int_equal(sheet_writer_new(&w, SHEET_XLSX, &o, &e), G_OK);
	assert_int_equal(sheet_writer_begin(w, "项目", "2024年重点项目", export_cols, NCOLS), G_OK);
	write_rows(w);
	struct buf out;
	buf_init(&out, 16 * 1024 * 1024);
	assert_int_equal(sheet_writer_finish(w, &out, &e), G_OK);
	sheet_writer_free(w);
	assert_int_equal(files_in(tmpdir), 0);
	assert_memory_equal(out.p, "PK\3\4", 4);

	struct sheet_reader *r = NULL;
	assert_int_equal(sheet_reader_new(&r, out.p, out.len, NULL, &e), G_OK);
	assert_string_equal(sheet_reader_sheet_name(r), "项目");
	sheet_reader_free(r);
	struct sheet *s = load_ok(out.p, out.len, NULL);
	assert_int_equal(s->nrows, 4);
	assert_string_equal(cell(s, 0, 0), "2024年重点项目");
	assert_string_equal(cell(s, 0, NCOLS - 1), "2024年重点项目"); /* merged title */
	assert_string_equal(cell(s, 1, 0), "项目名称");
	assert_string_equal(cell(s, 1, 2), "总投资（万元）");
	assert_string_equal(cell(s, 2, 0), "中凯消防车");
	assert_string_equal(cell(s, 2, 1), "12");
	assert_int_equal(ctype(s, 2, 1), SHEET_NUMBER);
	assert_string_equal(cell(s, 2, 2), "5000");
	assert_int_equal(ctype(s, 2, 2), SHEET_NUMBER);
	assert_string_equal(cell(s, 2, 3), "12.345678");
	assert_string_equal(cell(s, 2, 4), "85.12");
	assert_string_equal(cell(s, 2, 5), "45352");
	assert_int_equal(ctype(s, 2, 5), SHEET_DATE);
	assert_string_equal(cell(s, 2, 6), "是");
	assert_string_equal(cell(s, 2, 7), "=HYPERLINK(\"x\")"); /* text, never a formula */
	assert_int_equal(ctype(s, 2, 7), SHEET_STRING);
	assert_string_equal(cell(s, 3, 0), "旭阳中法智能产业园, \"二期\"");
	assert_string_equal(cell(s, 3, 1), "-3");
	assert_string_equal(cell(s, 3, 2), "1234.5678");
	assert_string_equal(cell(s, 3, 3), "-5E-08");
	assert_string_equal(cell(s, 3, 4), "-0.05");
	assert_int_equal(ctype(s, 3, 5), SHEET_EMPTY);
	assert_string_equal(cell(s, 3, 7), "第一行\n第二行");
	sheet_free(s);

	/* The XML: a frozen pane under the header, a bold font, the formats,
	 * and widths fitted with CJK counted double. */
	char *ws = zip_part(out.p, out.len, "xl/worksheets/sheet1.xml");
	char *st = zip_part(out.p, out.len, "xl/styles.xml");
	assert_non_null(ws);
	assert_non_null(st);
	assert_contains(ws, "<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" "
			    "state=\"frozen\"/>");
	assert_contains(ws, "<mergeCell ref=\"A1:H1\"/>");
	assert_contains(st, "<b/>");
	assert_contains(st, "formatCode=\"#,##0.00\"");
	assert_contains(st, "formatCode=\"yyyy-mm-dd\"");
	/* 旭阳中法智能产业园, "二期" is 9 CJK + 4 ASCII + 2 CJK: 26 wide, +2 */
	assert_contains(ws, "<col min=\"1\" max=\"1\" width=\"28.7109375\" customWidth=\"1\"/>");
	free(ws);
	free(st);
	buf_free(&out);
}

static void test_csv(void **state)
{
	(void)state;
	struct sheet_writer *w = NULL;
	struct gerror e = {0};
	assert_int_equal(sheet_writer_new(&w, SHEET_CSV, NULL, &e), G_OK);
	assert_int_equal(sheet_writer_begin(w, "ignored", "ignored too", export_cols, NCOLS), G_OK);
	write_rows(w);
	sheet_put_text(w, "-");
	sheet_put_text(w, "+86 431 8888");
	sheet_put_text(w, "@SUM(A1)");
	sheet_put_text(w, "-12.5");
	sheet_put_text(w, " 前后空格 ");
	sheet_end_row(w);
	struct buf out;
	buf_init(&out, 1024 * 1024);
	assert_int_equal(sheet_writer_finish(w, &out, &e), G_OK);
	sheet_writer_free(w);
	static const char want[] =
		"\xEF\xBB\xBF"
		"项目名称,个数,总投资（万元）,总投资（亿元）,完成率（%）,开工日期,是否新建,备注\r\n"
		"中凯消防车,12,5000.00,12.345678,85.12,2024-03-01,是,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
		"\"旭阳中法智能产业园, \"\"二期\"\"\",-3,1234.5678,-0.00000005,-0.05,,否,"
		"\"第一行\n第二行\"\r\n"
		"-,\"'+86 431 8888\",\"'@SUM(A1)\",-12.5,\" 前后空格 \"\r\n";
	assert_int_equal(out.len, sizeof want - 1);
	assert_memory_equal(out.p, want, sizeof want - 1);

	/* the same written to a file descriptor */
	char path[512];
	tmp_path(path, sizeof path, ".csv");
	int fd = open(path, O_WRONLY | O_TRUNC);
	assert_true(fd >= 0);
	assert_int_equal(sheet_writer_new(&w, SHEET_CSV, NULL, &e), G_OK);
	sheet_writer_begin(w, NULL, NULL, export_cols, NCOLS);
	write_rows(w);
	sheet_put_text(w, "-");
	sheet_put_text(w, "+86 431 8888");
	sheet_put_text(w, "@SUM(A1)");
	sheet_put_text(w, "-12.5");
	sheet_put_text(w, " 前后空格 ");
	sheet_end_row(w);
	assert_int_equal(sheet_writer_finish_fd(w, fd, &e), G_OK);
	sheet_writer_free(w);
	close(fd);
	size_t flen;
	char *fdata = slurp(path, &flen);
	unlink(path);
	assert_int_equal(flen, sizeof want - 1);
	assert_memory_equal(fdata, want, flen);
	free(fdata);

	/* and our reader takes it back */
	struct sheet *s = load_ok(out.p, out.len, NULL);
	assert_int_equal(s->nrows, 4);
	assert_string_equal(cell(s, 2, 0), "旭阳中法智能产业园, \"二期\"");
	assert_string_equal(cell(s, 2, 7), "第一行\n第二行");
	sheet_free(s);
	buf_free(&out);
}

static const char *const categories[] = {"产业", "基础设施", "社会民生", "房地产", NULL};
static const struct sheet_col import_cols[] = {
	{.key = "name",
	 .names = {"项目名称", "名称"},
	 .required = true,
	 .example = "中凯消防车",
	 .note = "项目全称，与立项文件一致"},
	{.key = "code",
	 .names = {"项目代码"},
	 .required = true,
	 .example = "2401-220104-04-01-123456",
	 .note = "投资项目在线审批监管平台赋予的代码"},
	{.key = "total",
	 .names = {"总投资（万元）", "总投资"},
	 .required = true,
	 .fmt = SHEET_FMT_WAN,
	 .example = "5000.5"},
	{.key = "start", .names = {"开工日期"}, .fmt = SHEET_FMT_DATE, .example = "2024-03-01"},
	{.key = "category", .names = {"项目类别"}, .example = "产业", .choices = categories},
	{.key = "count", .names = {"个数"}, .fmt = SHEET_FMT_INT, .example = "3"},
};
static const struct sheet_schema import_schema = {
	.title = "重点项目",
	.cols = import_cols,
	.ncols = sizeof import_cols / sizeof import_cols[0],
};

static void test_template(void **state)
{
	(void)state;
	struct sheet_write_opts o = {.tmpdir = tmpdir};
	struct gerror e = {0};
	struct buf out;
	buf_init(&out, 16 * 1024 * 1024);
	assert_int_equal(sheet_template(&import_schema, &o, &out, &e), G_OK);
	assert_int_equal(files_in(tmpdir), 0);

	/* The template maps with its own schema, and its example row is
	 * recognised as such. */
	struct sheet_reader *r = NULL;
	struct sheet_map m;
	assert_int_equal(sheet_reader_new(&r, out.p, out.len, NULL, &e), G_OK);
	assert_string_equal(sheet_reader_sheet_name(r), "重点项目");
	assert_int_equal(sheet_map_header(r, &import_schema, &m, &e), G_OK);
	assert_int_equal(m.header_row, 2);
	assert_int_equal(m.n_unknown, 0);
	assert_string_equal(m.unit[2], "万元");
	const struct sheet_row *row;
	assert_int_equal(sheet_reader_next(r, &row, &e), G_OK);
	assert_non_null(row);
	assert_int_equal(row->num, 3);
	assert_int_equal(sheet_map_cell(&m, row, 2)->type, SHEET_NUMBER);
	assert_int_equal(sheet_map_cell(&m, row, 3)->type, SHEET_DATE);
	assert_true(sheet_map_is_example(&import_schema, &m, row));
	struct sheet_row changed = *row;
	struct sheet_cell cells[8];
	memcpy(cells, row->cells, row->n * sizeof cells[0]);
	cells[0] = (struct sheet_cell){"旭阳中法智能产业园", strlen("旭阳中法智能产业园"),
				       SHEET_STRING};
	changed.cells = cells;
	assert_false(sheet_map_is_example(&import_schema, &m, &changed));
	assert_int_equal(sheet_reader_next(r, &row, &e), G_OK);
	assert_null(row);
	sheet_reader_free(r);

	/* The 说明 sheet lists every column. */
	struct sheet_read_opts ro = {.sheet_name = "说明"};
	struct sheet *s = load_ok(out.p, out.len, &ro);
	assert_string_equal(cell(s, 0, 0), "填写说明");
	assert_string_equal(cell(s, 1, 0), "列名");
	assert_string_equal(cell(s, 2, 0), "项目名称");
	assert_string_equal(cell(s, 2, 1), "必填");
	assert_string_equal(cell(s, 2, 5), "项目全称，与立项文件一致");
	assert_string_equal(cell(s, 4, 2), "金额（万元）");
	assert_string_equal(cell(s, 5, 2), "日期，如 2024-03-01");
	assert_string_equal(cell(s, 6, 1), "选填");
	assert_string_equal(cell(s, 6, 4), "产业、基础设施、社会民生、房地产");
	assert_contains(cell(s, 8, 0), "带 * 的为必填列");
	assert_contains(cell(s, 9, 0), "第3行是示例");
	sheet_free(s);

	char *ws = zip_part(out.p, out.len, "xl/worksheets/sheet1.xml");
	assert_non_null(ws);
	assert_contains(ws, "<dataValidation type=\"list\"");
	assert_contains(ws, "sqref=\"E3:E1048576\"");
	assert_contains(ws, "产业,基础设施,社会民生,房地产");
	assert_contains(ws, "state=\"frozen\"");
	free(ws);
	char *ss = zip_part(out.p, out.len, "xl/sharedStrings.xml");
	free(ss); /* constant-memory mode: inline strings, read above */
	buf_free(&out);
}

static void test_errors_and_cleanup(void **state)
{
	(void)state;
	struct sheet_write_opts o = {.tmpdir = tmpdir};
	struct sheet_writer *w = NULL;
	struct gerror e = {0};
	struct buf out;
	buf_init(&out, 1024 * 1024);

	/* Errors stick: later calls do nothing, finish reports the first. */
	assert_int_equal(sheet_writer_new(&w, SHEET_XLSX, &o, &e), G_OK);
	assert_int_equal(files_in(tmpdir), 1); /* the file libxlsxwriter will write */
	sheet_writer_begin(w, "表", NULL, export_cols, 2);
	sheet_put_text(w, "ok");
	assert_int_equal(sheet_put_text(w, "bad \xC3\x28"), G_ERR_INVALID);
	assert_int_equal(sheet_put_int(w, 1), G_ERR_INVALID);
	assert_int_equal(sheet_writer_finish(w, &out, &e), G_ERR_INVALID);
	assert_string_equal(e.zh, "写入 B2 时出错：文本不是有效的 UTF-8");
	assert_string_equal(e.field, "B2");
	sheet_writer_free(w);
	assert_int_equal(files_in(tmpdir), 0);
	assert_int_equal(out.len, 0);

	/* more cells than columns; a third sheet name used twice */
	assert_int_equal(sheet_writer_new(&w, SHEET_XLSX, &o, &e), G_OK);
	sheet_writer_begin(w, "表", NULL, export_cols, 1);
	sheet_put_text(w, "a");
	assert_int_equal(sheet_put_text(w, "b"), G_ERR_INTERNAL);
	sheet_writer_free(w); /* never finished: the temp file goes too */
	assert_int_equal(files_in(tmpdir), 0);

	assert_int_equal(sheet_writer_new(&w, SHEET_XLSX, &o, &e), G_OK);
	assert_int_equal(sheet_writer_begin(w, "表", NULL, export_cols, 1), G_OK);
	assert_int_equal(sheet_writer_begin(w, "表", NULL, export_cols, 1), G_ERR_INVALID);
	assert_int_equal(sheet_writer_finish(w, &out, &e), G_ERR_INVALID);
	assert_contains(e.zh, "工作表名称无效");
	sheet_writer_free(w);

	assert_int_equal(sheet_writer_new(&w, SHEET_XLSX, &o, &e), G_OK);
	assert_int_equal(sheet_writer_begin(w, "a[b]", NULL, export_cols, 1), G_ERR_INVALID);
	sheet_writer_free(w);

	/* dates out of range, too many decimals, a put before any sheet */
	assert_int_equal(sheet_writer_new(&w, SHEET_CSV, NULL, &e), G_OK);
	assert_int_equal(sheet_put_text(w, "x"), G_ERR_INTERNAL);
	sheet_writer_free(w);
	assert_int_equal(sheet_writer_new(&w, SHEET_CSV, NULL, &e), G_OK);
	sheet_writer_begin(w, NULL, NULL, export_cols, NCOLS);
	assert_int_equal(sheet_put_date(w, -25509), G_ERR_INVALID);
	sheet_writer_free(w);
	assert_int_equal(sheet_writer_new(&w, SHEET_CSV, NULL, &e), G_OK);
	sheet_writer_begin(w, NULL, NULL, export_cols, NCOLS);
	assert_int_equal(sheet_put_decimal(w, 1, 9), G_ERR_INTERNAL);
	sheet_writer_free(w);
	/* a CSV holds one sheet */
	assert_int_equal(sheet_writer_new(&w, SHEET_CSV, NULL, &e), G_OK);
	sheet_writer_begin(w, NULL, NULL, export_cols, NCOLS);
	assert_int_equal(sheet_writer_begin(w, NULL, NULL, export_cols, NCOLS), G_ERR_INTERNAL);
	sheet_writer_free(w);

	/* an XLSX to a file descriptor; a descriptor that cannot be written */
	char path[512];
	tmp_path(path, sizeof path, ".xlsx");
	int fd = open(path, O_WRONLY | O_TRUNC);
	assert_int_equal(sheet_writer_new(&w, SHEET_XLSX, &o, &e), G_OK);
	sheet_writer_begin(w, "表", NULL, export_cols, 1);
	sheet_put_text(w, "内容");
	sheet_end_row(w);
	assert_int_equal(sheet_writer_finish_fd(w, fd, &e), G_OK);
	sheet_writer_free(w);
	close(fd);
	size_t xl;
	char *xd = slurp(path, &xl);
	struct sheet *s = load_ok(xd, xl, NULL);
	assert_string_equal(cell(s, 1, 0), "内容");
	sheet_free(s);
	free(xd);
	fd = open(path, O_RDONLY);
	assert_int_equal(sheet_writer_new(&w, SHEET_XLSX, &o, &e), G_OK);
	sheet_writer_begin(w, "表", NULL, export_cols, 1);
	assert_int_equal(sheet_writer_finish_fd(w, fd, &e), G_ERR_IO);
	sheet_writer_free(w);
	close(fd);
	unlink(path);

	/* the caller's buffer bounds the result */
	struct buf small;
	buf_init(&small, 100);
	assert_int_equal(sheet_writer_new(&w, SHEET_XLSX, &o, &e), G_OK);
	sheet_writer_begin(w, "表", NULL, export_cols, 1);
	assert_int_equal(sheet_writer_finish(w, &small, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "导出文件过大");
	sheet_writer_free(w);
	assert_int_equal(files_in(tmpdir), 0);
	buf_free(&small);

	/* no temp directory */
	struct sheet_write_opts bad = {.tmpdir = "/nonexistent-guatu-dir"};
	assert_int_equal(sheet_writer_new(&w, SHEET_XLSX, &bad, &e), G_ERR_IO);
	assert_null(w);

	assert_string_equal(sheet_format_ext(SHEET_XLSX), "xlsx");
	assert_string_equal(sheet_format_mime(SHEET_CSV), "text/csv; charset=utf-8");
	buf_free(&out);
}

static void test_large_export(void **state)
{
	(void)state;
	/* Constant-memory mode: rows stream to the temp file. */
	struct sheet_write_opts o = {.tmpdir = tmpdir};
	struct sheet_writer *w = NULL;
	struct gerror e = {0};
	assert_int_equal(sheet_writer_new(&w, SHEET_XLSX, &o, &e), G_OK);
	sheet_writer_begin(w, "数据", NULL, export_cols, 3);
	char name[32];
	for (int i = 0; i < 20000; i++) {
		snprintf(name, sizeof name, "项目%d", i);
		sheet_put_text(w, name);
		sheet_put_int(w, i);
		sheet_put_amount(w, (int64_t)i * 10000);
		sheet_end_row(w);
	}
	struct buf out;
	buf_init(&out, 64 * 1024 * 1024);
	assert_int_equal(sheet_writer_finish(w, &out, &e), G_OK);
	sheet_writer_free(w);
	struct sheet_reader *r = NULL;
	assert_int_equal(sheet_reader_new(&r, out.p, out.len, NULL, &e), G_OK);
	const struct sheet_row *row;
	size_t n = 0;
	while (sheet_reader_next(r, &row, &e) == G_OK && row)
		if (++n == 20001) {
			assert_string_equal(sheet_cell_at(row, 0)->s, "项目19999");
			assert_string_equal(sheet_cell_at(row, 2)->s, "19999");
		}
	assert_int_equal(n, 20001);
	sheet_reader_free(r);
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx_round_trip),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_template),
		cmocka_unit_test(test_errors_and_cleanup),
		cmocka_unit_test(test_large_export),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
