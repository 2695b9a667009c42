/* Tests for io/sheet_map.c: finding the header among the first rows,
 * titles above it, folded names and units, a two-row header under merged
 * parents (an XLSX made here with libxlsxwriter), the errors a user sees
 * (missing, duplicate, unknown columns) and reading on after the header. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <xlsxwriter.h>

#include <cmocka.h>

#include "test_sheet_util.h"

static const char *const categories[] = {"产业", "基础设施", "社会民生", "房地产", NULL};

static const struct sheet_col cols[] = {
	{.key = "name", .names = {"项目名称", "名称"}, .required = true, .example = "中凯消防车"},
	{.key = "code", .names = {"项目代码"}, .required = true},
	{.key = "total",
	 .names = {"计划投资/总投资", "总投资"},
	 .required = true,
	 .fmt = SHEET_FMT_WAN,
	 .example = "5000"},
	{.key = "annual", .names = {"计划投资/年度计划", "年度计划投资"}, .fmt = SHEET_FMT_WAN},
	{.key = "dept", .names = {"责任单位", "牵头单位"}},
	{.key = "start", .names = {"开工日期"}, .fmt = SHEET_FMT_DATE, .example = "2024-03-01"},
	{.key = "category", .names = {"项目类别", "类别"}, .choices = categories},
};
enum { C_NAME, C_CODE, C_TOTAL, C_ANNUAL, C_DEPT, C_START, C_CAT };

static const struct sheet_schema schema = {
	.title = "重点项目",
	.cols = cols,
	.ncols = sizeof cols / sizeof cols[0],
};

/* Maps the header of text; on success *r is left after the header. */
static gcode map_text(const char *text, const struct sheet_schema *sc, struct sheet_map *m,
		      struct sheet_reader **r, struct gerror *e)
{
	assert_int_equal(sheet_reader_new(r, text, strlen(text), NULL, e), G_OK);
	return sheet_map_header(*r, sc, m, e);
}

static void test_single_row(void **state)
{
	(void)state;
	struct sheet_map m;
	struct sheet_reader *r = NULL;
	struct gerror e = {0};
	assert_int_equal(map_text("项目名称,项目代码,总投资（万元）,备注,,开工日期\n"
				  "中凯消防车,2024-220104-35-01-000001,5000,急,,2024-03-01\n",
				  &schema, &m, &r, &e),
			 G_OK);
	assert_int_equal(m.header_row, 1);
	assert_int_equal(m.header_rows, 1);
	assert_int_equal(m.col[C_NAME], 0);
	assert_int_equal(m.col[C_CODE], 1);
	assert_int_equal(m.col[C_TOTAL], 2);
	assert_string_equal(m.unit[C_TOTAL], "万元");
	assert_string_equal(m.unit[C_NAME], "");
	assert_int_equal(m.col[C_ANNUAL], -1);
	assert_int_equal(m.col[C_START], 5);
	assert_int_equal(m.n_unknown, 1);
	assert_int_equal(m.unknown[0].col, 3);
	assert_string_equal(m.unknown[0].text, "备注");

	const struct sheet_row *row;
	assert_int_equal(sheet_reader_next(r, &row, &e), G_OK);
	assert_non_null(row);
	assert_int_equal(row->num, 2);
	assert_string_equal(sheet_map_cell(&m, row, C_NAME)->s, "中凯消防车");
	assert_string_equal(sheet_map_cell(&m, row, C_TOTAL)->s, "5000");
	assert_string_equal(sheet_map_cell(&m, row, C_ANNUAL)->s, ""); /* absent column */
	assert_int_equal(sheet_map_cell(&m, row, C_DEPT)->type, SHEET_EMPTY);
	assert_int_equal(sheet_reader_next(r, &row, &e), G_OK);
	assert_null(row);
	sheet_reader_free(r);

	struct gerror w;
	assert_int_equal(sheet_map_unknown_warning(&m, &w), G_ERR_INVALID);
	assert_string_equal(w.zh, "未识别的列（已忽略）：备注（D列）");
	assert_string_equal(w.en, "unknown columns (ignored): 备注 (D)");
}

static void test_title_and_folding(void **state)
{
	(void)state;
	struct sheet_map m;
	struct sheet_reader *r = NULL;
	struct gerror e = {0};
	/* A title, a blank line, a note; then headers written loosely: marks,
	 * blanks, a line break, full-width letters and brackets, aliases. */
	assert_int_equal(map_text("2024年长春市朝阳区重点项目表,,,\n"
				  "\n"
				  "填报单位：发改局,,,\n"
				  "\" *项目　名称 \",\"项目\n代码\",总投资(万元),牵头单位,类别,ＩＤ\n"
				  "甲,X1,1,发改局,产业,7\n",
				  &schema, &m, &r, &e),
			 G_OK);
	assert_int_equal(m.header_row, 4);
	assert_int_equal(m.col[C_NAME], 0);
	assert_int_equal(m.col[C_CODE], 1);
	assert_int_equal(m.col[C_TOTAL], 2);
	assert_string_equal(m.unit[C_TOTAL], "万元");
	assert_int_equal(m.col[C_DEPT], 3);
	assert_int_equal(m.col[C_CAT], 4);
	assert_int_equal(m.n_unknown, 1);
	assert_string_equal(m.unknown[0].text, "ＩＤ");
	const struct sheet_row *row;
	assert_int_equal(sheet_reader_next(r, &row, &e), G_OK);
	assert_int_equal(row->num, 5);
	assert_string_equal(sheet_map_cell(&m, row, C_DEPT)->s, "发改局");
	sheet_reader_free(r);

	/* min_match: a schema may ask for every required header. */
	struct sheet_schema all = schema;
	all.min_match = 3;
	assert_int_equal(map_text("项目名称,总投资\n项目名称,项目代码,总投资\n", &all, &m, &r, &e),
			 G_OK);
	assert_int_equal(m.header_row, 2);
	sheet_reader_free(r);
}

static void build_two_row(lxw_workbook *wb, lxw_worksheet *ws)
{
	(void)wb;
	worksheet_merge_range(ws, 0, 0, 0, 5, "2024年重点项目推进表", NULL);
	worksheet_merge_range(ws, 1, 0, 2, 0, "项目名称", NULL);
	worksheet_merge_range(ws, 1, 1, 2, 1, "项目代码", NULL);
	worksheet_merge_range(ws, 1, 2, 1, 3, "计划投资（万元）", NULL);
	worksheet_write_string(ws, 2, 2, "总投资", NULL);
	worksheet_write_string(ws, 2, 3, "年度计划", NULL);
	worksheet_merge_range(ws, 1, 4, 2, 4, "责任单位", NULL);
	worksheet_merge_range(ws, 1, 5, 2, 5, "备注", NULL);
	for (int i = 0; i < 3; i++) {
		char name[32];
		snprintf(name, sizeof name, "项目%d", i + 1);
		worksheet_write_string(ws, (lxw_row_t)(3 + i), 0, name, NULL);
		worksheet_write_string(ws, (lxw_row_t)(3 + i), 1, "X", NULL);
		worksheet_write_number(ws, (lxw_row_t)(3 + i), 2, 1000 * (i + 1), NULL);
		worksheet_write_number(ws, (lxw_row_t)(3 + i), 3, 500 * (i + 1), NULL);
	}
}

static void test_two_row_header(void **state)
{
	(void)state;
	char path[512];
	tmp_path(path, sizeof path, ".xlsx");
	lxw_workbook *wb = workbook_new(path);
	build_two_row(wb, workbook_add_worksheet(wb, NULL));
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	size_t len;
	char *x = slurp(path, &len);
	unlink(path);

	struct sheet_reader *r = NULL;
	struct sheet_map m;
	struct gerror e = {0};
	assert_int_equal(sheet_reader_new(&r, x, len, NULL, &e), G_OK);
	assert_int_equal(sheet_map_header(r, &schema, &m, &e), G_OK);
	assert_int_equal(m.header_row, 2);
	assert_int_equal(m.header_rows, 2);
	assert_int_equal(m.col[C_NAME], 0);
	assert_int_equal(m.col[C_CODE], 1);
	assert_int_equal(m.col[C_TOTAL], 2);
	assert_int_equal(m.col[C_ANNUAL], 3);
	assert_string_equal(m.unit[C_TOTAL], "万元"); /* from the parent */
	assert_string_equal(m.unit[C_ANNUAL], "万元");
	assert_int_equal(m.col[C_DEPT], 4);
	assert_int_equal(m.n_unknown, 1);
	assert_string_equal(m.unknown[0].text, "备注");
	const struct sheet_row *row;
	size_t n = 0;
	while (sheet_reader_next(r, &row, &e) == G_OK && row) {
		n++;
		assert_int_equal(row->num, 3 + n);
		assert_int_equal(sheet_map_cell(&m, row, C_ANNUAL)->type, SHEET_NUMBER);
	}
	assert_int_equal(n, 3);
	sheet_reader_free(r);
	free(x);

	/* Neither row alone is enough; together they are. */
	static const struct sheet_col strict_cols[] = {
		{.key = "name", .names = {"名称"}, .required = true},
		{.key = "total", .names = {"计划投资/总投资"}, .required = true},
		{.key = "annual", .names = {"计划投资/年度计划"}, .required = true},
	};
	const struct sheet_schema pair_only = {.cols = strict_cols, .ncols = 3};
	assert_int_equal(map_text("说明\n名称,计划投资,计划投资\n名称,总投资,年度计划\n甲,1,2\n",
				  &pair_only, &m, &r, &e),
			 G_OK);
	assert_int_equal(m.header_row, 2);
	assert_int_equal(m.header_rows, 2);
	assert_int_equal(m.col[1], 1);
	assert_int_equal(m.col[2], 2);
	assert_int_equal(sheet_reader_next(r, &row, &e), G_OK);
	assert_int_equal(row->num, 4);
	sheet_reader_free(r);

	/* The same layout flattened by hand into "parent/child" headers. */
	assert_int_equal(map_text("项目名称,项目代码,计划投资/总投资,计划投资 / 年度计划\n", &schema,
				  &m, &r, &e),
			 G_OK);
	assert_int_equal(m.col[C_TOTAL], 2);
	assert_int_equal(m.col[C_ANNUAL], 3);
	sheet_reader_free(r);
}

static void test_errors(void **state)
{
	(void)state;
	struct sheet_map m;
	struct sheet_reader *r = NULL;
	struct gerror e = {0};

	/* Found (two of three required), one missing. */
	assert_int_equal(map_text("项目名称,总投资\n甲,1\n", &schema, &m, &r, &e), G_ERR_INVALID);
	assert_string_equal(e.zh, "缺少必填列：项目代码（表头在第1行）");
	assert_string_equal(e.en, "missing required column: 项目代码 (header in row 1)");
	assert_string_equal(e.field, "code");
	sheet_reader_free(r);

	/* Too few to be sure of the header: the closest row is named. */
	assert_int_equal(map_text("标题\n项目名称,金额\n甲,1\n", &schema, &m, &r, &e),
			 G_ERR_INVALID);
	assert_string_equal(e.zh, "缺少必填列：项目代码、计划投资/总投资（最像表头的是第2行）");
	assert_contains(e.en, "missing required column: 项目代码, 计划投资/总投资");
	sheet_reader_free(r);

	/* Nothing like a header. */
	assert_int_equal(map_text("a,b\n1,2\n", &schema, &m, &r, &e), G_ERR_INVALID);
	assert_contains(e.zh, "未找到表头：前10行中没有一行含有这些列名：项目名称、项目代码");
	assert_contains(e.en, "header row not found");
	sheet_reader_free(r);

	/* A header below the first ten rows is not looked for. */
	char late[512] = "";
	for (int i = 0; i < 10; i++)
		strcat(late, "说明文字\n");
	strcat(late, "项目名称,项目代码,总投资\n");
	assert_int_equal(map_text(late, &schema, &m, &r, &e), G_ERR_INVALID);
	assert_contains(e.zh, "未找到表头");
	sheet_reader_free(r);

	/* The same column twice, under two of its names. */
	assert_int_equal(map_text("项目名称,项目代码,总投资,名称\n", &schema, &m, &r, &e),
			 G_ERR_INVALID);
	assert_string_equal(e.zh, "列重复：“项目名称”同时出现在 A 列和 D 列");
	assert_string_equal(e.field, "name");
	sheet_reader_free(r);

	/* Strict schemas refuse unknown columns. */
	struct sheet_schema strict = schema;
	strict.strict = true;
	assert_int_equal(map_text("项目名称,项目代码,总投资,备注,附件\n", &strict, &m, &r, &e),
			 G_ERR_INVALID);
	assert_string_equal(e.zh, "未识别的列：备注（D列）、附件（E列）");
	sheet_reader_free(r);

	/* A broken table is the programmer's error. */
	struct sheet_schema none = {.cols = cols, .ncols = 0};
	assert_int_equal(map_text("a\n", &none, &m, &r, &e), G_ERR_INTERNAL);
	sheet_reader_free(r);
}

static void test_unknown_list_bounded(void **state)
{
	(void)state;
	char text[4096] = "项目名称,项目代码,总投资";
	for (int i = 0; i < 40; i++) {
		char h[96];
		snprintf(h, sizeof h, ",很长很长的未知列名称第%d列", i);
		strcat(text, h);
	}
	strcat(text, "\n");
	struct sheet_map m;
	struct sheet_reader *r = NULL;
	struct gerror e = {0}, w;
	assert_int_equal(map_text(text, &schema, &m, &r, &e), G_OK);
	assert_int_equal(m.n_unknown, 40);
	assert_int_equal(sheet_map_unknown_warning(&m, &w), G_ERR_INVALID);
	assert_contains(w.zh, "等40列");
	assert_contains(w.en, "more");
	assert_true(strlen(w.zh) < sizeof w.zh);
	sheet_reader_free(r);
}

static void test_rows_after_header(void **state)
{
	(void)state;
	/* The rows read to find the header come back first, then the rest. */
	char text[4096] = "标题\n项目名称,项目代码,总投资\n";
	for (int i = 1; i <= 30; i++) {
		char line[64];
		snprintf(line, sizeof line, "项目%d,C%d,%d\n", i, i, i * 10);
		strcat(text, line);
	}
	struct sheet_map m;
	struct sheet_reader *r = NULL;
	struct gerror e = {0};
	assert_int_equal(map_text(text, &schema, &m, &r, &e), G_OK);
	const struct sheet_row *row;
	int n = 0;
	while (sheet_reader_next(r, &row, &e) == G_OK && row) {
		n++;
		char want[32];
		snprintf(want, sizeof want, "项目%d", n);
		assert_string_equal(sheet_map_cell(&m, row, C_NAME)->s, want);
		assert_int_equal(row->num, (size_t)n + 2);
	}
	assert_int_equal(n, 30);
	sheet_reader_free(r);

	/* sheet_map_rows on rows already in memory gives the data index. */
	struct sheet *s = load_ok(text, strlen(text), NULL);
	size_t data = 0;
	assert_int_equal(sheet_map_rows(s->rows, s->nrows, &schema, &m, &data, &e), G_OK);
	assert_int_equal(data, 2);
	sheet_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single_row),
		cmocka_unit_test(test_title_and_folding),
		cmocka_unit_test(test_two_row_header),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_unknown_list_bounded),
		cmocka_unit_test(test_rows_after_header),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
