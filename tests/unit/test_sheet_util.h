/* Helpers shared by the test_sheet_*.c programs: building ZIP packages
 * from XML text (libzip, through a temp file), reading a part back, and
 * loading a sheet. Each test program includes this once. */
#ifndef GUATU_TEST_SHEET_UTIL_H
#define GUATU_TEST_SHEET_UTIL_H
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "io/sheet.h"

struct part {
	const char *name;
	const char *text; /* NUL-terminated, or data/len below */
	const void *data;
	size_t len;
};

static inline char *slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	struct stat st;
	assert_int_equal(fstat(fd, &st), 0);
	char *p = malloc((size_t)st.st_size + 1);
	assert_non_null(p);
	size_t got = 0;
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, p + got, (size_t)st.st_size - got);
		assert_true(n > 0);
		got += (size_t)n;
	}
	p[got] = '\0';
	close(fd);
	*len = got;
	return p;
}

static inline void tmp_path(char *out, size_t cap, const char *suffix)
{
	const char *dir = getenv("TMPDIR");
	snprintf(out, cap, "%s/guatu-test-XXXXXX%s", dir && dir[0] ? dir : "/tmp", suffix);
	int fd = mkstemps(out, (int)strlen(suffix));
	assert_true(fd >= 0);
	close(fd);
}

/* A ZIP of parts, in memory (caller frees). */
static inline char *make_zip(const struct part *parts, size_t n, size_t *len)
{
	char path[512];
	tmp_path(path, sizeof path, ".zip");
	int err = 0;
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(za);
	for (size_t i = 0; i < n; i++) {
		const void *d = parts[i].text ? (const void *)parts[i].text : parts[i].data;
		size_t l = parts[i].text ? strlen(parts[i].text) : parts[i].len;
		zip_source_t *s = zip_source_buffer(za, d, l, 0);
		assert_non_null(s);
		assert_true(zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(za), 0);
	char *p = slurp(path, len);
	unlink(path);
	return p;
}

/* The text of one part of a ZIP in memory (caller frees), or NULL. */
static inline char *zip_part(const void *zipdata, size_t len, const char *name)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(zipdata, len, 0, &ze);
	assert_non_null(src);
	zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	assert_non_null(za);
	zip_error_fini(&ze);
	zip_file_t *f = zip_fopen(za, name, 0);
	char *out = NULL;
	if (f) {
		size_t cap = 1 << 16, n = 0;
		out = malloc(cap);
		zip_int64_t got;
		while ((got = zip_fread(f, out + n, cap - n - 1)) > 0) {
			n += (size_t)got;
			if (cap - n < 1024)
				out = realloc(out, cap *= 2);
		}
		out[n] = '\0';
		zip_fclose(f);
	}
	zip_discard(za);
	return out;
}

/* The minimal package around one worksheet (and optional shared strings
 * and styles). */
#define CT_XML                                                                                 \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "                                    \
	"xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
#define ROOT_RELS                                                                              \
	"<?xml version=\"1.0\"?><Relationships "                                               \
	"xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship " \
	"Id=\"rId1\" "                                                                         \
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"           \
	"officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
#define WB_ONE                                                                                 \
	"<?xml version=\"1.0\"?><workbook "                                                    \
	"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "                 \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"     \
	"<sheets><sheet name=\"S1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define WB_RELS                                                                                \
	"<?xml version=\"1.0\"?><Relationships "                                               \
	"xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"              \
	"<Relationship Id=\"rId1\" "                                                           \
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"           \
	"worksheet\" Target=\"worksheets/sheet1.xml\"/>"                                        \
	"<Relationship Id=\"rId2\" "                                                           \
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"           \
	"sharedStrings\" Target=\"sharedStrings.xml\"/>"                                        \
	"<Relationship Id=\"rId3\" "                                                           \
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"           \
	"styles\" Target=\"styles.xml\"/></Relationships>"
#define WS_HEAD                                                                                \
	"<?xml version=\"1.0\"?><worksheet "                                                   \
	"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define WS_TAIL "</sheetData></worksheet>"

static inline char *one_sheet_xlsx(const char *sheet_xml, const char *sst, const char *styles,
			    size_t *len)
{
	struct part parts[7] = {
		{"[Content_Types].xml", CT_XML, NULL, 0},
		{"_rels/.rels", ROOT_RELS, NULL, 0},
		{"xl/workbook.xml", WB_ONE, NULL, 0},
		{"xl/_rels/workbook.xml.rels", WB_RELS, NULL, 0},
		{"xl/worksheets/sheet1.xml", sheet_xml, NULL, 0},
	};
	size_t n = 5;
	if (sst)
		parts[n++] = (struct part){"xl/sharedStrings.xml", sst, NULL, 0};
	if (styles)
		parts[n++] = (struct part){"xl/styles.xml", styles, NULL, 0};
	return make_zip(parts, n, len);
}

static inline struct sheet *load_ok(const void *data, size_t len, const struct sheet_read_opts *o)
{
	struct sheet *s = NULL;
	struct gerror e = {0};
	gcode rc = sheet_load(&s, data, len, o, &e);
	if (rc)
		fprintf(stderr, "sheet_load: %s / %s\n", e.zh, e.en);
	assert_int_equal(rc, G_OK);
	return s;
}

static inline gcode load_err(const void *data, size_t len, const struct sheet_read_opts *o,
		      struct gerror *e)
{
	struct sheet *s = NULL;
	gcode rc = sheet_load(&s, data, len, o, e);
	assert_null(s);
	return rc;
}

static inline const char *cell(const struct sheet *s, size_t r, size_t c)
{
	assert_true(r < s->nrows);
	return sheet_cell_at(&s->rows[r], c)->s;
}

static inline enum sheet_type ctype(const struct sheet *s, size_t r, size_t c)
{
	assert_true(r < s->nrows);
	return sheet_cell_at(&s->rows[r], c)->type;
}

#define assert_contains(hay, needle)                                                           \
	do {                                                                                   \
		if (!strstr((hay), (needle)))                                                  \
			fail_msg("\"%s\" does not contain \"%s\"", (hay), (needle));           \
	} while (0)

#endif
