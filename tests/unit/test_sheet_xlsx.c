/* Tests for io/sheet_xlsx.c: workbooks made here with libxlsxwriter
 * (shared strings, numbers, dates, merges, sparse cells) and packages
 * written by hand from XML (inline and rich strings, escapes, prefixes,
 * 1904 dates, sheet choice), then damaged ones, a zip bomb and limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <xlsxwriter.h>

#include <cmocka.h>

#include "test_sheet_util.h"

/* Runs build(ws, fmt) on a new workbook (default mode: shared strings)
 * and returns the file's bytes. */
typedef void (*build_fn)(lxw_workbook *wb, lxw_worksheet *ws);

static char *xlsxwriter_file(build_fn build, size_t *len)
{
	char path[512];
	tmp_path(path, sizeof path, ".xlsx");
	lxw_workbook *wb = workbook_new(path);
	assert_non_null(wb);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "数据");
	build(wb, ws);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	char *p = slurp(path, len);
	unlink(path);
	return p;
}

static void build_types(lxw_workbook *wb, lxw_worksheet *ws)
{
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "yyyy-mm-dd");
	lxw_format *cn_date = workbook_add_format(wb);
	format_set_num_format(cn_date, "yyyy\"年\"m\"月\"d\"日\"");
	lxw_format *money = workbook_add_format(wb);
	format_set_num_format(money, "#,##0.00\"万元\";[Red]-#,##0.00");
	lxw_datetime dt = {2024, 3, 1, 0, 0, 0};
	worksheet_write_string(ws, 0, 0, "名称", NULL);
	worksheet_write_number(ws, 0, 1, 1234.5, money);
	worksheet_write_datetime(ws, 0, 2, &dt, date);
	worksheet_write_boolean(ws, 0, 3, 1, NULL);
	worksheet_write_formula_num(ws, 0, 4, "=1+1", NULL, 2);
	worksheet_write_datetime(ws, 0, 5, &dt, cn_date);
	worksheet_write_number(ws, 0, 6, 45352, NULL); /* a plain number stays one */
	/* sparse: row 2 absent, row 3 with A and D only, row 5 with G */
	worksheet_write_string(ws, 2, 0, "x", NULL);
	worksheet_write_string(ws, 2, 3, "名称", NULL); /* a shared string used twice */
	worksheet_write_string(ws, 4, 6, "远", NULL);
	worksheet_write_blank(ws, 4, 9, date); /* styled but empty */
}

static void test_types_and_sparse(void **state)
{
	(void)state;
	size_t len;
	char *x = xlsxwriter_file(build_types, &len);
	struct sheet_reader *r = NULL;
	assert_int_equal(sheet_reader_new(&r, x, len, NULL, NULL), G_OK);
	assert_int_equal(sheet_reader_format(r), SHEET_XLSX);
	assert_string_equal(sheet_reader_sheet_name(r), "数据");
	assert_int_equal(sheet_reader_delimiter(r), 0);
	sheet_reader_free(r);

	struct sheet *s = load_ok(x, len, NULL);
	assert_int_equal(s->nrows, 3);
	assert_string_equal(cell(s, 0, 0), "名称");
	assert_int_equal(ctype(s, 0, 0), SHEET_STRING);
	assert_string_equal(cell(s, 0, 1), "1234.5");
	assert_int_equal(ctype(s, 0, 1), SHEET_NUMBER);
	assert_string_equal(cell(s, 0, 2), "45352");
	assert_int_equal(ctype(s, 0, 2), SHEET_DATE);
	assert_string_equal(cell(s, 0, 3), "TRUE");
	assert_int_equal(ctype(s, 0, 3), SHEET_BOOL);
	assert_string_equal(cell(s, 0, 4), "2");
	assert_int_equal(ctype(s, 0, 4), SHEET_NUMBER);
	assert_int_equal(ctype(s, 0, 5), SHEET_DATE);
	assert_int_equal(ctype(s, 0, 6), SHEET_NUMBER);
	int32_t d;
	assert_true(sheet_serial_to_days(cell(s, 0, 5), &d));
	assert_int_equal(d, 19783);

	assert_int_equal(s->rows[1].num, 3);
	assert_int_equal(s->rows[1].n, 4);
	assert_string_equal(cell(s, 1, 0), "x");
	assert_int_equal(ctype(s, 1, 1), SHEET_EMPTY);
	assert_int_equal(ctype(s, 1, 2), SHEET_EMPTY);
	assert_string_equal(cell(s, 1, 3), "名称");
	assert_int_equal(s->rows[2].num, 5);
	assert_string_equal(cell(s, 2, 6), "远");
	assert_int_equal(ctype(s, 2, 9), SHEET_EMPTY);
	sheet_free(s);
	free(x);
}

static void build_merged(lxw_workbook *wb, lxw_worksheet *ws)
{
	(void)wb;
	worksheet_merge_range(ws, 0, 0, 0, 4, "2024年重点项目表", NULL);
	worksheet_merge_range(ws, 1, 0, 2, 0, "项目名称", NULL);
	worksheet_merge_range(ws, 1, 1, 1, 2, "计划投资", NULL);
	worksheet_write_string(ws, 2, 1, "总投资", NULL);
	worksheet_write_string(ws, 2, 2, "年度计划", NULL);
	worksheet_merge_range(ws, 1, 3, 2, 3, "责任单位", NULL);
	worksheet_write_string(ws, 3, 0, "中凯消防车", NULL);
	worksheet_write_number(ws, 3, 1, 5000, NULL);
	worksheet_write_number(ws, 3, 2, 3000, NULL);
	worksheet_merge_range(ws, 3, 3, 4, 3, "发改局", NULL); /* one unit, two projects */
	worksheet_write_string(ws, 4, 0, "旭阳中法智能产业园", NULL);
	worksheet_write_number(ws, 4, 1, 120000, NULL);
}

static void test_merged_cells(void **state)
{
	(void)state;
	size_t len;
	char *x = xlsxwriter_file(build_merged, &len);
	struct sheet *s = load_ok(x, len, NULL);
	assert_int_equal(s->nrows, 5);
	for (size_t c = 0; c < 5; c++)
		assert_string_equal(cell(s, 0, c), "2024年重点项目表");
	assert_string_equal(cell(s, 1, 0), "项目名称");
	assert_string_equal(cell(s, 1, 1), "计划投资");
	assert_string_equal(cell(s, 1, 2), "计划投资");
	assert_string_equal(cell(s, 2, 0), "项目名称"); /* vertical merge */
	assert_string_equal(cell(s, 2, 1), "总投资");
	assert_string_equal(cell(s, 2, 2), "年度计划");
	assert_string_equal(cell(s, 2, 3), "责任单位");
	assert_string_equal(cell(s, 3, 3), "发改局");
	assert_string_equal(cell(s, 4, 3), "发改局");
	assert_int_equal(ctype(s, 4, 2), SHEET_EMPTY);
	sheet_free(s);
	free(x);
}

static void test_handmade_strings(void **state)
{
	(void)state;
	static const char sst[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
		"count=\"4\" uniqueCount=\"4\">"
		"<si><t>项目名称</t></si>"
		"<si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space=\"preserve\"> 文本</t></r>"
		"<rPh sb=\"0\" eb=\"1\"><t>ふ</t></rPh></si>"
		"<si><t>第一行_x000D__x000A_第二行 _x005F_x0041_ _x0000_</t></si>"
		"<si><t/></si></sst>";
	static const char styles[] =
		"<?xml version=\"1.0\"?><styleSheet "
		"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
		"<numFmts count=\"2\"><numFmt numFmtId=\"164\" "
		"formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/>"
		"<numFmt numFmtId=\"165\" formatCode=\"[Magenta]0.00&quot;d&quot;\"/></numFmts>"
		"<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
		"<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
		"<xf numFmtId=\"165\"/><xf numFmtId=\"31\"/></cellXfs></styleSheet>";
	static const char ws[] =
		WS_HEAD "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
			"<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
			"<row r=\"2\"><c t=\"inlineStr\"><is><t>内联</t></is></c>"
			"<c t=\"inlineStr\"><is><r><t>分</t></r><r><t>段</t></r></is></c>"
			"<c t=\"str\"><f>A1&amp;\"x\"</f><v>公式结果</v></c>"
			"<c t=\"e\"><v>#N/A</v></c><c t=\"b\"><v>0</v></c>"
			"<c><v>0.30000000000000004</v></c><c><v>1.5E+20</v></c><c><v>-0</v></c>"
			"<c><f>SUM(A1:A2)</f></c></row>"
			"<row r=\"4\"><c r=\"A4\" s=\"1\"><v>45352</v></c><c r=\"B4\" s=\"2\"><v>45352</v>"
			"</c><c r=\"C4\" s=\"3\"><v>12.5</v></c><c r=\"D4\" s=\"4\"><v>45352.5</v></c>"
			"<c r=\"E4\" s=\"99\"><v>7</v></c><c r=\"F4\" t=\"d\"><v>2024-03-01</v></c></row>"
		WS_TAIL;
	size_t len;
	char *x = one_sheet_xlsx(ws, sst, styles, &len);
	struct sheet *s = load_ok(x, len, NULL);
	assert_int_equal(s->nrows, 3);
	assert_string_equal(cell(s, 0, 0), "项目名称");
	assert_string_equal(cell(s, 0, 1), "富 文本"); /* runs joined, phonetics left out */
	assert_string_equal(cell(s, 0, 2), "第一行\r\n第二行 _x0041_ _x0000_");
	assert_int_equal(ctype(s, 0, 3), SHEET_EMPTY);

	assert_int_equal(s->rows[1].num, 2);
	assert_string_equal(cell(s, 1, 0), "内联");
	assert_string_equal(cell(s, 1, 1), "分段");
	assert_string_equal(cell(s, 1, 2), "公式结果");
	assert_int_equal(ctype(s, 1, 2), SHEET_STRING);
	assert_string_equal(cell(s, 1, 3), "#N/A");
	assert_int_equal(ctype(s, 1, 3), SHEET_ERROR);
	assert_string_equal(cell(s, 1, 4), "FALSE");
	assert_string_equal(cell(s, 1, 5), "0.3");
	assert_string_equal(cell(s, 1, 6), "1.5E+20");
	assert_string_equal(cell(s, 1, 7), "0");
	assert_int_equal(ctype(s, 1, 8), SHEET_EMPTY); /* a formula never calculated */

	assert_int_equal(s->rows[2].num, 4);
	assert_int_equal(ctype(s, 2, 0), SHEET_DATE);
	assert_int_equal(ctype(s, 2, 1), SHEET_DATE);  /* custom yyyy"年"m"月" */
	assert_int_equal(ctype(s, 2, 2), SHEET_NUMBER); /* [Magenta] and "d" are not dates */
	assert_int_equal(ctype(s, 2, 3), SHEET_DATE);   /* built-in 31: yyyy"年"m"月"d"日" */
	assert_string_equal(cell(s, 2, 3), "45352.5");
	assert_int_equal(ctype(s, 2, 4), SHEET_NUMBER); /* unknown style: a number */
	assert_string_equal(cell(s, 2, 5), "2024-03-01");
	assert_int_equal(ctype(s, 2, 5), SHEET_DATE);
	sheet_free(s);
	free(x);
}

static void test_prefixes_1904_and_sheets(void **state)
{
	(void)state;
	/* Namespace prefixes (x:), absolute targets, a chart sheet and a hidden
	 * sheet before the first visible worksheet, the 1904 date system. */
	static const char wb[] =
		"<?xml version=\"1.0\"?><x:workbook "
		"xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
		"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
		"<x:workbookPr date1904=\"1\"/><x:sheets>"
		"<x:sheet name=\"图表\" sheetId=\"1\" r:id=\"rId1\"/>"
		"<x:sheet name=\"隐藏\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
		"<x:sheet name=\"项目\" sheetId=\"3\" r:id=\"rId3\"/>"
		"</x:sheets></x:workbook>";
	static const char rels[] =
		"<?xml version=\"1.0\"?><Relationships "
		"xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
		"2006/relationships/chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
		"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
		"2006/relationships/worksheet\" Target=\"/xl/worksheets/hidden.xml\"/>"
		"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
		"2006/relationships/worksheet\" Target=\"./worksheets/../worksheets/data.xml\"/>"
		"<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
		"2006/relationships/styles\" Target=\"/xl/styles.xml\"/>"
		"<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
		"2006/relationships/hyperlink\" Target=\"http://example.invalid/\" "
		"TargetMode=\"External\"/></Relationships>";
	static const char styles[] =
		"<?xml version=\"1.0\"?><x:styleSheet "
		"xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
		"<x:cellXfs><x:xf numFmtId=\"0\"/><x:xf numFmtId=\"14\"/></x:cellXfs></x:styleSheet>";
	static const char data[] =
		"<?xml version=\"1.0\"?><x:worksheet "
		"xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
		"<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>开工日期</x:t></x:is></x:c>"
		"<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>合并</x:t></x:is></x:c>"
		"</x:row><x:row r=\"2\"><x:c r=\"A2\" s=\"1\"><x:v>43890</x:v></x:c></x:row>"
		"</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell\n ref = 'B1:C1' />"
		"</x:mergeCells></x:worksheet>";
	static const char hidden[] = WS_HEAD "<row r=\"1\"><c t=\"inlineStr\"><is><t>隐藏表</t></is>"
					     "</c></row>" WS_TAIL;
	static const char chart[] = "<?xml version=\"1.0\"?><chartsheet/>";
	const struct part parts[] = {
		{"[Content_Types].xml", CT_XML, NULL, 0},
		{"_rels/.rels", ROOT_RELS, NULL, 0},
		{"xl/workbook.xml", wb, NULL, 0},
		{"xl/_rels/workbook.xml.rels", rels, NULL, 0},
		{"xl/worksheets/data.xml", data, NULL, 0},
		{"xl/worksheets/hidden.xml", hidden, NULL, 0},
		{"xl/chartsheets/sheet1.xml", chart, NULL, 0},
		{"xl/styles.xml", styles, NULL, 0},
	};
	size_t len;
	char *x = make_zip(parts, sizeof parts / sizeof parts[0], &len);
	struct sheet_reader *r = NULL;
	assert_int_equal(sheet_reader_new(&r, x, len, NULL, NULL), G_OK);
	assert_string_equal(sheet_reader_sheet_name(r), "项目");
	sheet_reader_free(r);
	struct sheet *s = load_ok(x, len, NULL);
	assert_string_equal(cell(s, 0, 0), "开工日期");
	assert_string_equal(cell(s, 0, 2), "合并");
	/* 43890 in the 1904 system is 2024-03-01: 45352 in the 1900 system. */
	assert_string_equal(cell(s, 1, 0), "45352");
	assert_int_equal(ctype(s, 1, 0), SHEET_DATE);
	sheet_free(s);

	struct sheet_read_opts o = {.sheet_name = "隐藏"};
	s = load_ok(x, len, &o);
	assert_string_equal(cell(s, 0, 0), "隐藏表");
	sheet_free(s);

	struct gerror e = {0};
	o.sheet_name = "没有";
	assert_int_equal(load_err(x, len, &o, &e), G_ERR_INVALID);
	assert_contains(e.zh, "没有名为“没有”的工作表");
	o.sheet_name = "图表";
	assert_int_equal(load_err(x, len, &o, &e), G_ERR_INVALID);
	assert_contains(e.en, "not a worksheet");
	free(x);
}

static void test_damaged(void **state)
{
	(void)state;
	struct gerror e = {0};
	size_t len;
	char *x = xlsxwriter_file(build_merged, &len);

	/* truncated: the central directory is gone */
	assert_int_equal(load_err(x, len / 2, NULL, &e), G_ERR_INVALID);
	assert_contains(e.zh, "XLSX 文件已损坏或不完整");
	assert_contains(e.en, "damaged");
	/* a body overwritten: data fails to inflate or its CRC */
	char *bad = malloc(len);
	memcpy(bad, x, len);
	for (size_t i = 200; i < len / 2; i += 7)
		bad[i] ^= 0x55;
	assert_int_equal(load_err(bad, len, NULL, &e), G_ERR_INVALID);
	assert_contains(e.zh, "损坏");
	free(bad);
	/* just the magic */
	assert_int_equal(load_err("PK\3\4garbage", 11, NULL, &e), G_ERR_INVALID);
	assert_contains(e.zh, "无法打开压缩包");
	free(x);

	/* a ZIP that is not a workbook */
	const struct part docx[] = {{"word/document.xml", "<document/>", NULL, 0}};
	x = make_zip(docx, 1, &len);
	assert_int_equal(load_err(x, len, NULL, &e), G_ERR_INVALID);
	assert_contains(e.zh, "不是 Excel 工作簿");
	free(x);

	/* malformed XML in the worksheet, reported with its part and line */
	x = one_sheet_xlsx(WS_HEAD "<row r=\"1\"><c><v>1</v></row>" WS_TAIL, NULL, NULL, &len);
	assert_int_equal(load_err(x, len, NULL, &e), G_ERR_INVALID);
	assert_contains(e.zh, "xl/worksheets/sheet1.xml");
	free(x);

	/* a DOCTYPE (entity expansion and the like) is refused */
	x = one_sheet_xlsx("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaa\">]>"
			   "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&a;</t></is>"
			   "</c></row></sheetData></worksheet>",
			   NULL, NULL, &len);
	assert_int_equal(load_err(x, len, NULL, &e), G_ERR_INVALID);
	assert_contains(e.en, "DOCTYPE");
	free(x);

	/* a shared string index beyond the table */
	x = one_sheet_xlsx(WS_HEAD "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>5</v></c></row>" WS_TAIL,
			   "<sst><si><t>a</t></si></sst>", NULL, &len);
	assert_int_equal(load_err(x, len, NULL, &e), G_ERR_INVALID);
	assert_contains(e.zh, "第3行B列");
	assert_string_equal(e.field, "B3");
	free(x);

	/* the worksheet part named by the relationships is missing */
	const struct part nows[] = {
		{"_rels/.rels", ROOT_RELS, NULL, 0},
		{"xl/workbook.xml", WB_ONE, NULL, 0},
		{"xl/_rels/workbook.xml.rels", WB_RELS, NULL, 0},
	};
	x = make_zip(nows, 3, &len);
	assert_int_equal(load_err(x, len, NULL, &e), G_ERR_INVALID);
	assert_contains(e.zh, "缺少工作表");
	free(x);
}

/* A worksheet of n rows of inline strings (caller frees). */
static char *big_sheet(size_t n)
{
	size_t cap = n * 160 + 512, len = 0;
	char *p = malloc(cap);
	len += (size_t)snprintf(p, cap, "%s", WS_HEAD);
	for (size_t i = 1; i <= n; i++)
		len += (size_t)snprintf(p + len, cap - len,
					"<row r=\"%zu\"><c r=\"A%zu\" t=\"inlineStr\"><is><t>第%zu行"
					"</t></is></c><c r=\"B%zu\"><v>%zu</v></c></row>",
					i, i, i, i, i);
	snprintf(p + len, cap - len, "%s", WS_TAIL);
	return p;
}

/* Rewrites the uncompressed size of entry name in its local and central
 * headers, as a zip bomb would. */
static void forge_size(unsigned char *z, size_t len, const char *name, uint32_t size)
{
	size_t nl = strlen(name);
	for (size_t i = 0; i + 46 + nl <= len; i++) {
		size_t at = 0;
		if (!memcmp(z + i, "PK\3\4", 4) && z[i + 26] == nl && !memcmp(z + i + 30, name, nl))
			at = i + 22;
		if (!memcmp(z + i, "PK\1\2", 4) && z[i + 28] == nl && !memcmp(z + i + 46, name, nl))
			at = i + 24;
		for (int k = 0; at && k < 4; k++)
			z[at + k] = (unsigned char)(size >> (8 * k)); /* little-endian */
	}
}

static void test_zip_bomb_and_limits(void **state)
{
	(void)state;
	struct gerror e = {0};
	char *ws = big_sheet(50000); /* about 4 MB of XML */
	size_t len;
	char *x = one_sheet_xlsx(ws, NULL, NULL, &len);

	/* Within the limits it reads, row by row. */
	struct sheet_reader *r = NULL;
	assert_int_equal(sheet_reader_new(&r, x, len, NULL, &e), G_OK);
	const struct sheet_row *row;
	size_t n = 0;
	while (sheet_reader_next(r, &row, &e) == G_OK && row) {
		n++;
		assert_int_equal(row->num, n);
	}
	assert_int_equal(n, 50000);
	assert_int_equal(sheet_reader_progress(r), 1000);
	sheet_reader_free(r);

	struct sheet_read_opts o = {.limits = {.max_rows = 1000}};
	assert_int_equal(load_err(x, len, &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "第1001行");
	free(x);
	free(ws);

	/* A bomb: 16 MB of the same row deflates to a few KB. Past
	 * max_unzipped reading stops, whatever sizes the ZIP declares. */
	static const char same[] = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>";
	size_t n_same = 16 * 1024 * 1024 / (sizeof same - 1), wl = 0;
	ws = malloc(n_same * (sizeof same - 1) + 256);
	wl += (size_t)snprintf(ws, 256, "%s", WS_HEAD);
	for (size_t i = 0; i < n_same; i++, wl += sizeof same - 1)
		memcpy(ws + wl, same, sizeof same - 1);
	snprintf(ws + wl, 64, "%s", WS_TAIL);
	x = one_sheet_xlsx(ws, NULL, NULL, &len);
	assert_true(len < 200 * 1024);
	o = (struct sheet_read_opts){.limits = {.max_unzipped = 1024 * 1024}};
	assert_int_equal(load_err(x, len, &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "压缩炸弹");
	assert_contains(e.en, "1 MiB");
	/* The same with the sizes in the ZIP headers forged to 100 bytes:
	 * what is inflated is counted, not what is declared. */
	forge_size((unsigned char *)x, len, "xl/worksheets/sheet1.xml", 100);
	memset(&e, 0, sizeof e);
	assert_int_equal(load_err(x, len, &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "压缩炸弹");
	free(x);
	free(ws);

	/* columns and cell sizes */
	x = one_sheet_xlsx(WS_HEAD "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c>"
				   "<c r=\"XFD1\" s=\"1\"/></row><row r=\"2\"><c r=\"Z2\" "
				   "t=\"inlineStr\"><is><t>far</t></is></c></row>" WS_TAIL,
			   NULL, NULL, &len);
	o = (struct sheet_read_opts){.limits = {.max_cols = 10}};
	assert_int_equal(load_err(x, len, &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "第2行Z列");
	free(x);
	x = one_sheet_xlsx(WS_HEAD "<row r=\"7\"><c r=\"C7\" t=\"inlineStr\"><is><t>0123456789</t>"
				   "</is></c></row>" WS_TAIL,
			   NULL, NULL, &len);
	o = (struct sheet_read_opts){.limits = {.max_cell = 5}};
	assert_int_equal(load_err(x, len, &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.zh, "第7行C列");
	free(x);
	/* a merged range wider than the row limit allows */
	x = one_sheet_xlsx(WS_HEAD "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>0123456789</t>"
				   "</is></c></row></sheetData><mergeCells count=\"1\"><mergeCell "
				   "ref=\"A1:Z1\"/></mergeCells></worksheet>",
			   NULL, NULL, &len);
	o = (struct sheet_read_opts){.limits = {.max_row = 100}};
	assert_int_equal(load_err(x, len, &o, &e), G_ERR_TOOLARGE);
	assert_contains(e.en, "row longer than");
	free(x);
}

static void test_many_merges(void **state)
{
	(void)state;
	/* 5000 merges: their list spans several 64 KiB chunks of the first
	 * pass, so some tags are cut between chunks. */
	enum { N = 5000 };
	size_t cap = (size_t)N * 160 + 512, len = 0;
	char *ws = malloc(cap);
	len += (size_t)snprintf(ws, cap, "%s", WS_HEAD);
	for (int i = 1; i <= N; i++)
		len += (size_t)snprintf(ws + len, cap - len,
					"<row r=\"%d\"><c r=\"A%d\"><v>%d</v></c></row>", i, i, i);
	len += (size_t)snprintf(ws + len, cap - len, "</sheetData><mergeCells count=\"%d\">", N);
	for (int i = 1; i <= N; i++)
		len += (size_t)snprintf(ws + len, cap - len, "<mergeCell ref=\"A%d:C%d\"/>", i, i);
	snprintf(ws + len, cap - len, "</mergeCells></worksheet>");
	size_t zl;
	char *x = one_sheet_xlsx(ws, NULL, NULL, &zl);
	struct sheet *s = load_ok(x, zl, NULL);
	assert_int_equal(s->nrows, N);
	for (size_t r = 0; r < N; r++) {
		char want[16];
		snprintf(want, sizeof want, "%zu", r + 1);
		assert_string_equal(cell(s, r, 2), want);
		assert_int_equal(ctype(s, r, 1), SHEET_NUMBER);
	}
	sheet_free(s);
	free(x);
	free(ws);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types_and_sparse),
		cmocka_unit_test(test_merged_cells),
		cmocka_unit_test(test_handmade_strings),
		cmocka_unit_test(test_prefixes_1904_and_sheets),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_zip_bomb_and_limits),
		cmocka_unit_test(test_many_merges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
