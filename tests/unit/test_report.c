/* Tests for io/report: the DOCX is a zip whose parts are all there and
 * parse as XML (expat), with the paragraphs' text in word/document.xml;
 * the PDF is a complete PDF file that embeds a CJK font and flows a long
 * document over several pages. (Text extraction from the PDF is checked
 * with pdftotext in tests/api/briefing.test.mjs.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cairo.h>
#include <expat.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <zip.h>

#include "io/report.h"

static const char *const paras[] = {
	"上半年，朝阳区地区生产总值实现427.8亿元，同比增长8.4%。",
	"固定资产投资实现49.7亿元，同比增长23%（总量、增速均居五城区第1位）。",
	"R&D <投入> \"quoted\" 'single'",
};
static const char *const head[] = { "指标", "累计", "同比增长" };
static const char *const cells[] = { "地区生产总值", "427.8亿元", "8.4%",
				     "固定资产投资", "49.7亿元", "23%" };

static const struct report_doc doc = { "朝阳区2023年上半年经济运行情况", "2023年7月",
				       paras, 3, "主要指标", head, 3, cells, 2 };

/* The whole of one zip entry, NUL-terminated; NULL when absent. */
static char *entry(zip_t *z, const char *name, size_t *len)
{
	zip_stat_t st;
	if (zip_stat(z, name, 0, &st) < 0)
		return NULL;
	zip_file_t *f = zip_fopen(z, name, 0);
	assert_non_null(f);
	char *p = calloc(1, st.size + 1);
	assert_int_equal(zip_fread(f, p, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	*len = st.size;
	return p;
}

static void test_docx(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	struct gerror e;
	assert_int_equal(report_docx(&doc, &b, &e), G_OK);
	assert_memory_equal(b.p, "PK\3\4", 4);
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(b.p, b.len, 0, &ze);
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(z);
	const char *parts[] = { "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
				"word/document.xml", "word/styles.xml", "word/fontTable.xml",
				"docProps/core.xml" };
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		size_t len = 0;
		char *x = entry(z, parts[i], &len);
		assert_non_null(x);
		XML_Parser xp = XML_ParserCreate(NULL);
		if (XML_Parse(xp, x, (int)len, 1) != XML_STATUS_OK)
			fail_msg("%s: %s", parts[i], XML_ErrorString(XML_GetErrorCode(xp)));
		XML_ParserFree(xp);
		if (!strcmp(parts[i], "word/document.xml")) {
			assert_non_null(strstr(x, paras[0]));
			assert_non_null(strstr(x, "R&amp;D &lt;投入&gt; &quot;quoted&quot;"));
			assert_non_null(strstr(x, "<w:tbl>"));
			assert_non_null(strstr(x, "427.8亿元"));
		}
		if (!strcmp(parts[i], "word/styles.xml"))
			assert_non_null(strstr(x, "w:eastAsia=\"仿宋_GB2312\""));
		if (!strcmp(parts[i], "word/fontTable.xml"))
			assert_non_null(strstr(x, "<w:altName w:val=\"仿宋\"/>"));
		free(x);
	}
	zip_close(z);
	buf_free(&b);
}

static void test_docx_limit(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 100); /* far too small for the package */
	struct gerror e;
	assert_int_equal(report_docx(&doc, &b, &e), G_ERR_TOOLARGE);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void test_pdf(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	struct gerror e;
	/* 60 paragraphs do not fit on one page. */
	const char *many[60];
	for (size_t i = 0; i < 60; i++)
		many[i] = paras[i % 2];
	struct report_doc d = doc;
	d.paras = many;
	d.n_paras = 60;
	assert_int_equal(report_pdf(&d, &b, &e), G_OK);
	assert_memory_equal(b.p, "%PDF-", 5);
	assert_non_null(memmem(b.p, b.len, "%%EOF", 5));
	assert_non_null(memmem(b.p, b.len, "CJK", 3)); /* the embedded font's name */
	size_t pages = 0;
	for (const char *s = b.p; (s = memmem(s, b.len - (size_t)(s - b.p), "/Type /Page ", 12));
	     s++)
		pages++;
	assert_true(pages >= 3);
	buf_free(&b);
}

/* cairo keeps two small arrays of its own after cairo_debug_reset_static_data;
 * everything else report_pdf allocates must be released. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libcairo.so\n";
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docx),
		cmocka_unit_test(test_docx_limit),
		cmocka_unit_test(test_pdf),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	/* Release the process-wide font caches so LeakSanitizer sees only
	 * what report_pdf itself might leak. */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
	return rc;
}
