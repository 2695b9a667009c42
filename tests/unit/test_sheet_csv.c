/* Tests for io/sheet_csv.c and the reader's core (io/sheet_read.c):
 * encodings (UTF-8 with and without BOM, GBK made here with iconv,
 * UTF-16), delimiters, quotes, blank lines and row numbers, ragged rows,
 * limits and refused formats. */
#include <iconv.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "test_sheet_util.h"

#define S(lit) (lit), (sizeof(lit) - 1)

/* text converted from UTF-8 into `to` with iconv (caller frees). */
static char *encode(const char *to, const char *text, size_t *len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	assert_true(cd != (iconv_t)-1);
	size_t cap = strlen(text) * 4 + 8, il = strlen(text), ol = cap;
	char *out = malloc(cap), *ip = (char *)text, *op = out;
	assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
	iconv_close(cd);
	*len = cap - ol;
	return out;
}

static const char projects[] = "项目名称,总投资（万元）,开工日期\n"
			       "中凯消防车,5000,2024年3月1日\n"
			       "旭阳中法智能产业园,120000.5,2024/3/1\n";

static void check_projects(const struct sheet *s)
{
	assert_int_equal(s->nrows, 3);
	assert_string_equal(cell(s, 0, 0), "项目名称");
	assert_string_equal(cell(s, 0, 1), "总投资（万元）");
	assert_string_equal(cell(s, 1, 0), "中凯消防车");
	assert_string_equal(cell(s, 2, 0), "旭阳中法智能产业园");
	assert_string_equal(cell(s, 2, 1), "120000.5");
	assert_string_equal(cell(s, 2, 2), "2024/3/1");
	assert_int_equal(ctype(s, 1, 0), SHEET_STRING);
	assert_int_equal(s->rows[2].num, 3);
}

static void test_utf8(void **state)
{
	(void)state;
	struct sheet_reader *r = NULL;
	struct gerror e = {0};
	assert_int_equal(sheet_reader_new(&r, projects, strlen(projects), NULL, &e), G_OK);
	assert_int_equal(sheet_reader_format(r), SHEET_CSV);
	assert_string_equal(sheet_reader_encoding(r), "UTF-8");
	assert_int_equal(sheet_reader_delimiter(r), ',');
	sheet_reader_free(r);
	struct sheet *s = load_ok(projects, strlen(projects), NULL);
	check_projects(s);
	sheet_free(s);
}

static void test_utf8_bom(void **state)
{
	(void)state;
	char buf[512] = "\xEF\xBB\xBF";
	strcat(buf, projects);
	struct sheet_reader *r = NULL;
	assert_int_equal(sheet_reader_new(&r, buf, strlen(buf), NULL, NULL), G_OK);
	assert_string_equal(sheet_reader_encoding(r), "UTF-8 BOM");
	sheet_reader_free(r);
	struct sheet *s = load_ok(buf, strlen(buf), NULL);
	check_projects(s); /* the first header has no BOM left */
	sheet_free(s);
}

static void test_gbk(void **state)
{
	(void)state;
	size_t len;
	char *gbk = encode("GBK", projects, &len);
	assert_true(len < strlen(projects)); /* two bytes a character, not three */
	struct sheet_reader *r = NULL;
	assert_int_equal(sheet_reader_new(&r, gbk, len, NULL, NULL), G_OK);
	assert_string_equal(sheet_reader_encoding(r), "GB18030");
	sheet_reader_free(r);
	struct sheet *s = load_ok(gbk, len, NULL);
	check_projects(s);
	sheet_free(s);
	free(gbk);

	/* GB18030 four-byte characters (here 𠀀, U+20000) come through too. */
	char *g4 = encode("GB18030", "名称\n\xF0\xA0\x80\x80公司\n", &len);
	s = load_ok(g4, len, NULL);
	assert_string_equal(cell(s, 1, 0), "\xF0\xA0\x80\x80公司");
	sheet_free(s);
	free(g4);
}

static void test_utf16(void **state)
{
	(void)state;
	/* Excel's "Unicode text": UTF-16LE with a BOM, tab-delimited. */
	size_t len;
	char *u = encode("UTF-16LE", "\xEF\xBB\xBF名称\t金额\r\n甲\t1\r\n", &len);
	struct sheet_reader *r = NULL;
	assert_int_equal(sheet_reader_new(&r, u, len, NULL, NULL), G_OK);
	assert_string_equal(sheet_reader_encoding(r), "UTF-16LE");
	assert_int_equal(sheet_reader_delimiter(r), '\t');
	sheet_reader_free(r);
	struct sheet *s = load_ok(u, len, NULL);
	assert_int_equal(s->nrows, 2);
	assert_string_equal(cell(s, 0, 1), "金额");
	assert_string_equal(cell(s, 1, 1), "1");
	sheet_free(s);
	free(u);
}

static void test_bad_encoding(void **state)
{
	(void)state;
	struct gerror e = {0};
	assert_int_equal(load_err(S("名称\n\xFF\xFF\xFF\n"), NULL, &e), G_ERR_INVALID);
	assert_contains(e.zh, "无法识别文件编码");
	assert_contains(e.zh, "第2行");
	assert_contains(e.en, "GBK");
	assert_int_equal(load_err(S("\xEF\xBB\xBFok\nbad \xC3\x28\n"), NULL, &e), G_ERR_INVALID);
	assert_contains(e.zh, "UTF-8");
	assert_contains(e.en, "line 2");
	assert_int_equal(load_err(S("a,b\nc\0d\n"), NULL, &e), G_ERR_INVALID);
	assert_contains(e.zh, "第2行含有空字符");
	assert_int_equal(load_err("", 0, NULL, &e), G_ERR_INVALID);
	assert_contains(e.zh, "文件为空");
}

static void test_delimiters(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		char delim;
		size_t cols;
	} cases[] = {
		{"a\tb\tc\n1\t2,5\t3\n4\t5\t6\n", '\t', 3},
		{"a;b;c\n1;2,5;3\n", ';', 3},
		{"a,b\n1,2\n", ',', 2},
		/* a title line without delimiters, then the table */
		{"2024年重点项目表\n名称,金额,单位\n甲,1,万元\n", ',', 3},
		/* commas inside quotes do not count */
		{"\"x,y,z\";b\n\"1,2,3\";2\n", ';', 2},
		{"onecolumn\nvalue\n", ',', 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct sheet_reader *r = NULL;
		const char *t = cases[i].text;
		assert_int_equal(sheet_reader_new(&r, t, strlen(t), NULL, NULL), G_OK);
		assert_int_equal(sheet_reader_delimiter(r), cases[i].delim);
		const struct sheet_row *row;
		size_t last = 0;
		while (sheet_reader_next(r, &row, NULL) == G_OK && row)
			last = row->n;
		assert_int_equal(last, cases[i].cols);
		sheet_reader_free(r);
	}
	/* A delimiter given wins over sniffing. */
	struct sheet_read_opts o = {.delimiter = ';'};
	struct sheet *s = load_ok(S("a,b;c\n"), &o);
	assert_string_equal(cell(s, 0, 0), "a,b");
	sheet_free(s);
}

static void test_quotes_newlines(void **state)
{
	(void)state;
	static const char t[] = "名称,说明,备注\r\n"
				"\"甲, 乙\",\"他说\"\"好\"\"\",\"第一行\r\n第二行\"\r\n"
				"  空格  ,,\"\"\r\n"
				"x,\"多\n\n行\",z";
	struct sheet *s = load_ok(S(t), NULL);
	assert_int_equal(s->nrows, 4);
	assert_string_equal(cell(s, 1, 0), "甲, 乙");
	assert_string_equal(cell(s, 1, 1), "他说\"好\"");
	assert_string_equal(cell(s, 1, 2), "第一行\r\n第二行");
	assert_string_equal(cell(s, 2, 0), "  空格  "); /* blanks are data */
	assert_int_equal(ctype(s, 2, 1), SHEET_EMPTY);
	assert_int_equal(ctype(s, 2, 2), SHEET_EMPTY);
	assert_string_equal(cell(s, 3, 1), "多\n\n行"); /* blank lines inside quotes */
	assert_string_equal(cell(s, 3, 2), "z");        /* no final line break */
	/* Row numbers are records, as Excel shows a CSV. */
	assert_int_equal(s->rows[1].num, 2);
	assert_int_equal(s->rows[2].num, 3);
	assert_int_equal(s->rows[3].num, 4);
	sheet_free(s);
}

static void test_blank_rows_and_numbers(void **state)
{
	(void)state;
	/* Blank lines, lines of only delimiters and of only blanks are skipped
	 * but counted; a lone CR ends a line too. */
	static const char t[] = "a,b\n\n,,\n \t\xE3\x80\x80\nc,d\re,f\r\n\r\ng,h";
	struct sheet *s = load_ok(S(t), NULL);
	assert_int_equal(s->nrows, 4);
	assert_int_equal(s->rows[0].num, 1);
	assert_string_equal(cell(s, 1, 0), "c");
	assert_int_equal(s->rows[1].num, 5);
	assert_string_equal(cell(s, 2, 0), "e");
	assert_int_equal(s->rows[2].num, 6);
	assert_string_equal(cell(s, 3, 1), "h");
	assert_int_equal(s->rows[3].num, 8);
	sheet_free(s);
}

static void test_ragged(void **state)
{
	(void)state;
	struct sheet *s = load_ok(S("a,b,c\nd\ne,f\n,,,,x\n"), NULL);
	assert_int_equal(s->nrows, 4);
	assert_int_equal(s->rows[0].n, 3);
	assert_int_equal(s->rows[1].n, 1);
	assert_int_equal(s->rows[2].n, 2);
	assert_int_equal(s->rows[3].n, 5);
	assert_string_equal(cell(s, 1, 2), ""); /* beyond the row: empty */
	assert_int_equal(ctype(s, 1, 7), SHEET_EMPTY);
	assert_string_equal(cell(s, 3, 4), "x");
	sheet_free(s);
}

static void test_unterminated_quote(void **state)
{
	(void)state;
	struct gerror e = {0};
	assert_int_equal(load_err(S("a,b\n1,\"open\n2,3\n"), NULL, &e), G_ERR_INVALID);
	assert_contains(e.zh, "第2行B列");
	assert_contains(e.zh, "引号未闭合");
	assert_string_equal(e.field, "B2");
	/* Long before the end, the cell limit speaks, with the likely cause. */
	struct sheet_read_opts o = {.limits = {.max_cell = 1024}};
	char big[4096] = "a\n\"";
	for (size_t i = strlen(big); i < sizeof big - 1; i++)
		big[i] = i % 50 ? 'x' : '\n';
	assert_int_equal(load_err(big, strlen(big), &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "第2行A列");
	assert_contains(e.zh, "可能是引号未闭合");
}

static void test_limits(void **state)
{
	(void)state;
	struct gerror e = {0};
	struct sheet_read_opts o = {.limits = {.max_cols = 3}};
	struct sheet *s = load_ok(S("a,b,c,,,\n"), &o); /* empty beyond: fine */
	sheet_free(s);
	assert_int_equal(load_err(S("a,b,c\n1,2,3,4\n"), &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "第2行D列");
	assert_contains(e.zh, "列数上限");
	assert_contains(e.en, "row 2, column D");
	assert_string_equal(e.field, "D2");

	o = (struct sheet_read_opts){.limits = {.max_cell = 8}};
	assert_int_equal(load_err(S("a,b\nx,123456789\n"), &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "第2行B列：单元格内容超过");

	o = (struct sheet_read_opts){.limits = {.max_rows = 3}};
	assert_int_equal(load_err(S("a\nb\nc\nd\n"), &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "第4行");
	assert_contains(e.zh, "行数上限");

	o = (struct sheet_read_opts){.limits = {.max_row = 10}};
	assert_int_equal(load_err(S("abcdef,ghijkl\n"), &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.en, "row 1: row longer than");

	o = (struct sheet_read_opts){.limits = {.max_bytes = 10}};
	assert_int_equal(load_err(S("0123456789A"), &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "文件超过 10 B 上限");

	/* sheet_load's own bound on what it keeps */
	o = (struct sheet_read_opts){.limits = {.max_strings = 256}};
	char many[2048] = "";
	for (int i = 0; i < 100; i++)
		strcat(many, "abcdefghij\n");
	assert_int_equal(load_err(many, strlen(many), &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "请分批导入");

	/* After an error the reader keeps returning it. */
	struct sheet_reader *r = NULL;
	o = (struct sheet_read_opts){.limits = {.max_cols = 1}};
	assert_int_equal(sheet_reader_new(&r, S("a\nb,c\nd\n"), &o, NULL), G_OK);
	const struct sheet_row *row;
	assert_int_equal(sheet_reader_next(r, &row, NULL), G_OK);
	assert_int_equal(sheet_reader_next(r, &row, &e), G_ERR_TOOLARGE);
	assert_null(row);
	memset(&e, 0, sizeof e);
	assert_int_equal(sheet_reader_next(r, &row, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "第2行B列");
	sheet_reader_free(r);
}

static void test_refused_formats(void **state)
{
	(void)state;
	struct gerror e = {0};
	static const unsigned char xls[16] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	assert_int_equal(load_err(xls, sizeof xls, NULL, &e), G_ERR_UNSUPPORTED);
	assert_contains(e.zh, ".xls");
	assert_int_equal(load_err(S("\xEF\xBB\xBF\r\n<HTML><body><table><tr><td>1</td></tr>"), NULL,
				  &e),
			 G_ERR_UNSUPPORTED);
	assert_contains(e.zh, "网页");
	assert_int_equal(
		load_err(S("<?xml version=\"1.0\"?><Workbook "
			   "xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"),
			 NULL, &e),
		G_ERR_UNSUPPORTED);
	assert_contains(e.en, "XML Spreadsheet 2003");
}

static void test_file_and_progress(void **state)
{
	(void)state;
	char path[512];
	tmp_path(path, sizeof path, ".csv");
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("名称,金额\n", f);
	for (int i = 0; i < 20000; i++)
		fprintf(f, "项目%d,%d\n", i, i * 3);
	fclose(f);
	struct sheet_reader *r = NULL;
	struct gerror e = {0};
	assert_int_equal(sheet_reader_new_file(&r, path, NULL, &e), G_OK);
	assert_int_equal(sheet_reader_progress(r), 0);
	const struct sheet_row *row;
	size_t n = 0;
	unsigned mid = 0;
	while (sheet_reader_next(r, &row, &e) == G_OK && row) {
		if (++n == 10001)
			mid = sheet_reader_progress(r);
		if (n == 20001) {
			assert_string_equal(sheet_cell_at(row, 0)->s, "项目19999");
			assert_string_equal(sheet_cell_at(row, 1)->s, "59997");
			assert_int_equal(row->num, 20001);
		}
	}
	assert_int_equal(n, 20001);
	assert_true(mid > 400 && mid < 600);
	assert_int_equal(sheet_reader_progress(r), 1000);
	sheet_reader_free(r);

	struct sheet_read_opts o = {.limits = {.max_bytes = 1000}};
	assert_int_equal(sheet_reader_new_file(&r, path, &o, &e), G_ERR_TOOLARGE);
	assert_null(r);
	unlink(path);
	assert_int_equal(sheet_reader_new_file(&r, path, NULL, &e), G_ERR_IO);
	assert_contains(e.zh, "无法读取文件");
}

static void test_helpers(void **state)
{
	(void)state;
	char c[4], ref[16];
	static const struct {
		size_t col;
		const char *name;
	} cols[] = {{0, "A"}, {25, "Z"}, {26, "AA"}, {27, "AB"}, {701, "ZZ"}, {702, "AAA"},
		    {16383, "XFD"}};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		sheet_col_name(cols[i].col, c);
		assert_string_equal(c, cols[i].name);
	}
	sheet_cell_ref(12, 2, ref);
	assert_string_equal(ref, "C12");

	int32_t d = 0;
	assert_true(sheet_serial_to_days("45352", &d));
	assert_int_equal(d, 19783); /* 2024-03-01 */
	assert_true(sheet_serial_to_days("45352.75", &d));
	assert_int_equal(d, 19783);
	assert_true(sheet_serial_to_days("61", &d));
	assert_int_equal(d, -25508); /* 1900-03-01 */
	assert_true(sheet_serial_to_days("59", &d));
	assert_int_equal(d, -25509); /* 1900-02-28 */
	assert_true(sheet_serial_to_days("1", &d));
	assert_int_equal(d, -25567); /* 1900-01-01 */
	assert_false(sheet_serial_to_days("60", &d)); /* Excel's 1900-02-29 */
	assert_false(sheet_serial_to_days("0", &d));
	assert_false(sheet_serial_to_days("2958466", &d));
	assert_false(sheet_serial_to_days("abc", &d));
	assert_false(sheet_serial_to_days("", &d));

	struct sheet_cell cells[2] = {{" \xE3\x80\x80", 4, SHEET_STRING}, {"\t", 1, SHEET_STRING}};
	struct sheet_row row = {1, 2, cells};
	assert_true(sheet_row_blank(&row));
	cells[1] = (struct sheet_cell){"0", 1, SHEET_NUMBER};
	assert_false(sheet_row_blank(&row));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_gbk),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_bad_encoding),
		cmocka_unit_test(test_delimiters),
		cmocka_unit_test(test_quotes_newlines),
		cmocka_unit_test(test_blank_rows_and_numbers),
		cmocka_unit_test(test_ragged),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_refused_formats),
		cmocka_unit_test(test_file_and_progress),
		cmocka_unit_test(test_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
