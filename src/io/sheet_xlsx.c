/* XLSX: libzip opens the package (from memory), expat streams its XML
 * parts. The worksheet is found through _rels/.rels -> the workbook ->
 * its rels; shared strings and the date formats of styles.xml are loaded
 * first; a first pass over the worksheet collects <mergeCells> (they come
 * after the data), then the second pass streams <sheetData> one row at a
 * time, suspending expat at each </row>. Every byte inflated counts
 * against max_unzipped, so a zip bomb stops at the limit. */
#include <expat.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base/mem.h"
#include "base/text.h"
#include "io/sheet_internal.h"

#define CHUNK (64 * 1024)
#define MAX_RELS 4096
#define MAX_SHEETS 4096
#define MAX_XFS 65536
#define MAX_NUMFMTS 4096
#define MAX_MERGES 100000
#define PATH_MAX_LEN 512

struct rel {
	char *id, *type, *target;
};

struct wb_sheet {
	char *name, *rid;
	bool hidden;
};

struct merge {
	size_t r1, r2, c1, c2;
	char *val;
	size_t len;
	enum sheet_type type;
	bool seen;
};

struct numfmt {
	long id;
	bool date;
};

struct xlsx {
	struct sheet_reader *r;
	zip_t *za;
	size_t unzipped;
	size_t held; /* shared strings and merged values kept */
	gcode rc;
	struct gerror *err;
	XML_Parser cur; /* the parser running, so handlers can stop it */
	const char *part; /* its part name, for messages */

	/* parts found through the relationships */
	struct rel *rels;
	size_t nrels;
	struct wb_sheet *sheets;
	size_t nsheets;
	bool is_workbook, date1904;
	char wb_path[PATH_MAX_LEN], ws_path[PATH_MAX_LEN];
	char sst_path[PATH_MAX_LEN], styles_path[PATH_MAX_LEN];

	/* shared strings: text[off[i]] NUL-terminated */
	struct buf sst;
	size_t *sst_off;
	size_t sst_n, sst_cap;
	bool in_si;
	int rph; /* depth inside <rPh> (phonetic runs, not text) */
	bool cap; /* capturing character data */
	size_t si_start;

	/* styles */
	struct numfmt *fmts;
	size_t nfmts;
	unsigned char *xf_date;
	size_t nxf;
	bool in_cellxfs;

	/* merges, sorted by first row; active ones for the current row */
	struct merge *m;
	size_t nm, mcap, next_m;
	size_t *active;
	size_t nactive;

	/* the worksheet stream */
	zip_file_t *zf;
	XML_Parser xp;
	char *chunk;
	zip_uint64_t ws_size, ws_read;
	bool suspended, final_fed, sheet_end, done, row_done;
	bool in_sd, in_row, in_c, in_is, has_v;
	size_t row_num, last_row, col, next_col;
	char ctype[16];
	size_t style;
	struct buf val;
};

/* ---- errors ------------------------------------------------------------ */

static gcode fail(struct xlsx *x, gcode code, const char *zh, const char *en)
{
	if (!x->rc)
		x->rc = gerr_set(x->err, code, "file", zh, en);
	if (x->cur)
		XML_StopParser(x->cur, XML_FALSE);
	return x->rc;
}

static gcode fail_at(struct xlsx *x, gcode code, size_t row, size_t col, const char *zh,
		     const char *en)
{
	if (!x->rc)
		x->rc = sheet_err_at(x->err, code, row, col, zh, en);
	if (x->cur)
		XML_StopParser(x->cur, XML_FALSE);
	return x->rc;
}

static gcode damaged(struct xlsx *x, const char *what_zh, const char *what_en)
{
	char zh[256], en[256];
	snprintf(zh, sizeof zh, "XLSX 文件已损坏或不完整：%s", what_zh);
	snprintf(en, sizeof en, "the XLSX file is damaged or incomplete: %s", what_en);
	return fail(x, G_ERR_INVALID, zh, en);
}

static gcode zip_failed(struct xlsx *x, int code, const char *part)
{
	char zh[256], en[256];
	if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
		return fail(x, G_ERR_UNSUPPORTED, "工作簿已加密，请取消密码后再导入",
			    "the workbook is encrypted: remove its password and import it again");
	zip_error_t ze;
	zip_error_init_with_code(&ze, code);
	snprintf(zh, sizeof zh, "读取 %s 失败（%s）", part, zip_error_strerror(&ze));
	snprintf(en, sizeof en, "reading %s failed (%s)", part, zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return damaged(x, zh, en);
}

static gcode over_budget(struct xlsx *x)
{
	char zh[256], en[256];
	size_t mib = x->r->lim.max_unzipped / (1024 * 1024);
	snprintf(zh, sizeof zh, "XLSX 解压后的内容超过 %zu MiB 上限（可能是压缩炸弹），请分批导入",
		 mib);
	snprintf(en, sizeof en,
		 "the XLSX file inflates to more than the limit of %zu MiB (a zip bomb?): "
		 "import it in parts",
		 mib);
	return fail(x, G_ERR_TOOLARGE, zh, en);
}

static gcode held_over(struct xlsx *x)
{
	char zh[256], en[256];
	size_t mib = x->r->lim.max_strings / (1024 * 1024);
	snprintf(zh, sizeof zh, "工作簿中的文本超过 %zu MiB 上限，请分批导入", mib);
	snprintf(en, sizeof en, "the workbook holds more than %zu MiB of text: import it in parts",
		 mib);
	return fail(x, G_ERR_TOOLARGE, zh, en);
}

/* ---- XML helpers ------------------------------------------------------- */

/* Element and attribute names without their namespace prefix ("x:row"). */
static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static const char *attr(const char **a, const char *name)
{
	for (; a && a[0]; a += 2)
		if (!strcmp(local(a[0]), name))
			return a[1];
	return NULL;
}

/* OOXML parts never have a DOCTYPE; refusing one rules out entity tricks. */
static void on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
		       const XML_Char *pubid, int has_internal)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal;
	damaged(ud, "XML 部件含有 DOCTYPE", "an XML part has a DOCTYPE");
}

static XML_Parser parser_new(struct xlsx *x, XML_StartElementHandler start,
			     XML_EndElementHandler end, XML_CharacterDataHandler chars)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	if (!p)
		abort();
	XML_SetUserData(p, x);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, chars);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	return p;
}

static gcode xml_failed(struct xlsx *x, XML_Parser p)
{
	char zh[256], en[256];
	snprintf(zh, sizeof zh, "%s 第%lu行：%s", x->part, (unsigned long)XML_GetCurrentLineNumber(p),
		 XML_ErrorString(XML_GetErrorCode(p)));
	snprintf(en, sizeof en, "%s line %lu: %s", x->part,
		 (unsigned long)XML_GetCurrentLineNumber(p), XML_ErrorString(XML_GetErrorCode(p)));
	return damaged(x, zh, en);
}

/* "_x000D_" escapes of OOXML strings, decoded in place; returns the new
 * length. Escapes of NUL, surrogates and non-characters stay as written. */
static size_t decode_x(char *s, size_t len)
{
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		if (s[i] == '_' && i + 6 < len && s[i + 1] == 'x' && s[i + 6] == '_') {
			uint32_t cp = 0;
			bool hex = true;
			for (size_t k = 2; k < 6 && hex; k++) {
				char c = s[i + k];
				int v = c >= '0' && c <= '9'   ? c - '0'
					: c >= 'a' && c <= 'f' ? c - 'a' + 10
					: c >= 'A' && c <= 'F' ? c - 'A' + 10
							       : -1;
				hex = v >= 0;
				cp = cp * 16 + (uint32_t)(v < 0 ? 0 : v);
			}
			if (hex && cp && !(cp >= 0xD800 && cp <= 0xDFFF) && cp < 0xFFFE) {
				char u[4];
				size_t n = sheet_utf8_put(cp, u);
				memcpy(s + o, u, n);
				o += n;
				i += 7;
				continue;
			}
		}
		s[o++] = s[i++];
	}
	return o;
}

/* "AB12" -> column 27 (0-based), row 12; row 0 when absent. */
static bool parse_ref(const char *s, size_t *col, size_t *row)
{
	size_t c = 0, n = 0, r = 0;
	while (*s >= 'A' && *s <= 'Z' && n < 3)
		c = c * 26 + (size_t)(*s++ - 'A' + 1), n++;
	if (!n || c > SHEET_EXCEL_COLS)
		return false;
	while (*s == '$')
		s++;
	while (*s >= '0' && *s <= '9' && r <= SHEET_EXCEL_ROWS)
		r = r * 10 + (size_t)(*s++ - '0');
	if (*s || r > SHEET_EXCEL_ROWS)
		return false;
	*col = c - 1;
	*row = r;
	return true;
}

/* ---- reading parts ----------------------------------------------------- */

static gcode part_open(struct xlsx *x, const char *name, zip_file_t **zf, zip_uint64_t *size)
{
	*zf = NULL;
	zip_int64_t idx = zip_name_locate(x->za, name, ZIP_FL_NOCASE);
	if (idx < 0)
		return G_OK;
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(x->za, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
		if (st.size > x->r->lim.max_unzipped - x->unzipped)
			return over_budget(x);
		*size = st.size;
	}
	*zf = zip_fopen_index(x->za, (zip_uint64_t)idx, 0);
	if (!*zf)
		return zip_failed(x, zip_error_code_zip(zip_get_error(x->za)), name);
	return G_OK;
}

static gcode part_read(struct xlsx *x, zip_file_t *zf, const char *name, char *buf, size_t cap,
		       size_t *got)
{
	zip_int64_t n = zip_fread(zf, buf, cap);
	if (n < 0)
		return zip_failed(x, zip_error_code_zip(zip_file_get_error(zf)), name);
	if ((size_t)n > x->r->lim.max_unzipped - x->unzipped)
		return over_budget(x);
	x->unzipped += (size_t)n;
	*got = (size_t)n;
	return G_OK;
}

/* Streams the part through parser p. *found says whether it exists. */
static gcode parse_part(struct xlsx *x, const char *name, XML_Parser p, bool *found)
{
	zip_file_t *zf = NULL;
	zip_uint64_t size = 0;
	char *buf = NULL;
	gcode rc = part_open(x, name, &zf, &size);
	*found = zf != NULL;
	if (rc || !zf)
		goto out;
	buf = xmalloc(CHUNK);
	x->cur = p;
	x->part = name;
	for (;;) {
		size_t n = 0;
		rc = part_read(x, zf, name, buf, CHUNK, &n);
		if (rc)
			break;
		enum XML_Status st = XML_Parse(p, buf, (int)n, n == 0);
		if (x->rc) {
			rc = x->rc;
			break;
		}
		if (st != XML_STATUS_OK) {
			rc = xml_failed(x, p);
			break;
		}
		if (n == 0)
			break;
	}
out:
	x->cur = NULL;
	if (zf)
		zip_fclose(zf);
	free(buf);
	return rc;
}

static gcode parse_with(struct xlsx *x, const char *name, XML_StartElementHandler start,
			XML_EndElementHandler end, XML_CharacterDataHandler chars, bool *found)
{
	XML_Parser p = parser_new(x, start, end, chars);
	gcode rc = parse_part(x, name, p, found);
	XML_ParserFree(p);
	return rc;
}

/* Part name of a relationship target, relative to the source part's
 * folder ("xl/") or absolute ("/xl/worksheets/sheet1.xml"). */
static bool resolve(const char *base_dir, const char *target, char *out, size_t cap)
{
	char tmp[PATH_MAX_LEN];
	int n = target[0] == '/' ? snprintf(tmp, sizeof tmp, "%s", target + 1)
				 : snprintf(tmp, sizeof tmp, "%s%s", base_dir, target);
	if (n < 0 || (size_t)n >= sizeof tmp)
		return false;
	/* Fold "./" and "dir/../" segments. */
	size_t o = 0;
	for (size_t i = 0; tmp[i];) {
		if (!strncmp(tmp + i, "./", 2)) {
			i += 2;
		} else if (!strncmp(tmp + i, "../", 3)) {
			i += 3;
			if (o > 0)
				o--;
			while (o > 0 && out[o - 1] != '/')
				o--;
		} else {
			while (tmp[i] && tmp[i] != '/' && o + 1 < cap)
				out[o++] = tmp[i++];
			if (tmp[i] == '/' && o + 1 < cap)
				out[o++] = tmp[i++];
			if (o + 1 >= cap)
				return false;
		}
	}
	out[o] = '\0';
	return o > 0;
}

/* ---- relationships and the workbook ------------------------------------ */

static void rels_clear(struct xlsx *x)
{
	for (size_t i = 0; i < x->nrels; i++) {
		free(x->rels[i].id);
		free(x->rels[i].type);
		free(x->rels[i].target);
	}
	free(x->rels);
	x->rels = NULL;
	x->nrels = 0;
}

static void on_rel(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xlsx *x = ud;
	if (strcmp(local(name), "Relationship"))
		return;
	const char *id = attr(a, "Id"), *type = attr(a, "Type"), *target = attr(a, "Target");
	const char *mode = attr(a, "TargetMode");
	if (!id || !type || !target || (mode && !strcmp(mode, "External")))
		return;
	if (x->nrels >= MAX_RELS) {
		damaged(x, "关系过多", "too many relationships");
		return;
	}
	x->rels = xrealloc(x->rels, (x->nrels + 1) * sizeof *x->rels);
	const char *slash = strrchr(type, '/');
	x->rels[x->nrels++] = (struct rel){xstrdup(id), xstrdup(slash ? slash + 1 : type),
					   xstrdup(target)};
}

static const struct rel *rel_by(const struct xlsx *x, const char *id, const char *type)
{
	for (size_t i = 0; i < x->nrels; i++)
		if ((!id || !strcmp(x->rels[i].id, id)) && (!type || !strcmp(x->rels[i].type, type)))
			return &x->rels[i];
	return NULL;
}

static void on_workbook(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xlsx *x = ud;
	const char *n = local(name);
	if (!strcmp(n, "workbook")) {
		x->is_workbook = true;
	} else if (!strcmp(n, "workbookPr")) {
		const char *v = attr(a, "date1904");
		x->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
	} else if (!strcmp(n, "sheet")) {
		const char *sn = attr(a, "name"), *rid = attr(a, "id"), *state = attr(a, "state");
		if (!sn || !rid)
			return;
		if (x->nsheets >= MAX_SHEETS) {
			damaged(x, "工作表过多", "too many sheets");
			return;
		}
		x->sheets = xrealloc(x->sheets, (x->nsheets + 1) * sizeof *x->sheets);
		x->sheets[x->nsheets++] = (struct wb_sheet){xstrdup(sn), xstrdup(rid),
							    state && strcmp(state, "visible")};
	}
}

static gcode find_parts(struct xlsx *x, const char *want)
{
	bool found = false;
	gcode rc = parse_with(x, "_rels/.rels", on_rel, NULL, NULL, &found);
	if (rc)
		return rc;
	const struct rel *doc = rel_by(x, NULL, "officeDocument");
	if (!doc || !resolve("", doc->target, x->wb_path, sizeof x->wb_path))
		text_copy(x->wb_path, sizeof x->wb_path, "xl/workbook.xml");
	rels_clear(x);

	rc = parse_with(x, x->wb_path, on_workbook, NULL, NULL, &found);
	if (rc)
		return rc;
	if (!found || !x->is_workbook)
		return fail(x, G_ERR_INVALID, "压缩包不是 Excel 工作簿（.xlsx）",
			    "the ZIP file is not an Excel workbook (.xlsx)");

	/* The workbook's own relationships: xl/_rels/workbook.xml.rels. */
	char dir[PATH_MAX_LEN], rels[PATH_MAX_LEN];
	const char *slash = strrchr(x->wb_path, '/');
	size_t dl = slash ? (size_t)(slash - x->wb_path) + 1 : 0;
	memcpy(dir, x->wb_path, dl);
	dir[dl] = '\0';
	char relname[PATH_MAX_LEN];
	if (snprintf(relname, sizeof relname, "_rels/%s.rels", x->wb_path + dl) >=
		    (int)sizeof relname ||
	    !resolve(dir, relname, rels, sizeof rels))
		return damaged(x, "部件名称过长", "a part name is too long");
	rc = parse_with(x, rels, on_rel, NULL, NULL, &found);
	if (rc)
		return rc;

	const struct rel *sst = rel_by(x, NULL, "sharedStrings");
	const struct rel *sty = rel_by(x, NULL, "styles");
	if (!sst || !resolve(dir, sst->target, x->sst_path, sizeof x->sst_path))
		resolve(dir, "sharedStrings.xml", x->sst_path, sizeof x->sst_path);
	if (!sty || !resolve(dir, sty->target, x->styles_path, sizeof x->styles_path))
		resolve(dir, "styles.xml", x->styles_path, sizeof x->styles_path);

	/* The named sheet, or the first visible worksheet (chart sheets have
	 * another relationship type). */
	const struct wb_sheet *pick = NULL;
	const struct rel *pick_rel = NULL;
	for (int pass = 0; pass < 2 && !pick; pass++) {
		for (size_t i = 0; i < x->nsheets && !pick; i++) {
			const struct wb_sheet *s = &x->sheets[i];
			const struct rel *rl = rel_by(x, s->rid, NULL);
			bool ws = rl && !strcmp(rl->type, "worksheet");
			if (want ? !strcmp(s->name, want) : ws && (pass == 1 || !s->hidden))
				pick = s, pick_rel = ws ? rl : NULL;
		}
		if (want)
			break;
	}
	char zh[256], en[256];
	if (want && !pick) {
		snprintf(zh, sizeof zh, "工作簿中没有名为“%s”的工作表", want);
		snprintf(en, sizeof en, "the workbook has no sheet named \"%s\"", want);
		return fail(x, G_ERR_INVALID, zh, en);
	}
	if (pick && !pick_rel) {
		snprintf(zh, sizeof zh, "“%s”不是数据工作表（可能是图表）", pick->name);
		snprintf(en, sizeof en, "\"%s\" is not a worksheet (a chart?)", pick->name);
		return fail(x, G_ERR_INVALID, zh, en);
	}
	if (!pick || !resolve(dir, pick_rel->target, x->ws_path, sizeof x->ws_path))
		return fail(x, G_ERR_INVALID, "工作簿中没有工作表", "the workbook has no worksheet");
	text_copy(x->r->sheet_name, sizeof x->r->sheet_name, pick->name);
	return G_OK;
}

/* ---- shared strings ---------------------------------------------------- */

static void sst_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xlsx *x = ud;
	const char *n = local(name);
	if (!strcmp(n, "si")) {
		x->in_si = true;
		x->rph = 0;
		x->si_start = x->sst.len;
	} else if (!strcmp(n, "rPh")) {
		x->rph++;
	} else if (!strcmp(n, "t") && x->in_si && !x->rph) {
		x->cap = true;
	} else if (!strcmp(n, "sst")) {
		const char *u = attr(a, "uniqueCount");
		int64_t cnt = 0;
		/* A hint only: reserve what the budget allows. */
		if (u && text_to_i64(u, 1, (int64_t)(x->r->lim.max_strings / 16), &cnt)) {
			x->sst_cap = (size_t)cnt;
			x->sst_off = xrealloc(x->sst_off, x->sst_cap * sizeof *x->sst_off);
		}
	}
}

static void sst_end(void *ud, const XML_Char *name)
{
	struct xlsx *x = ud;
	const char *n = local(name);
	if (!strcmp(n, "t")) {
		x->cap = false;
	} else if (!strcmp(n, "rPh")) {
		x->rph--;
	} else if (!strcmp(n, "si") && x->in_si) {
		x->in_si = false;
		size_t len = decode_x(x->sst.p ? x->sst.p + x->si_start : NULL,
				      x->sst.len - x->si_start);
		x->sst.len = x->si_start + len;
		if (len > x->r->lim.max_cell) {
			char zh[200], en[200];
			snprintf(zh, sizeof zh, "第%zu个共享字符串超过 %zu KiB", x->sst_n + 1,
				 x->r->lim.max_cell / 1024);
			snprintf(en, sizeof en, "shared string %zu is longer than %zu KiB",
				 x->sst_n + 1, x->r->lim.max_cell / 1024);
			fail(x, G_ERR_TOOLARGE, zh, en);
			return;
		}
		if (!buf_append(&x->sst, "", 1)) {
			held_over(x);
			return;
		}
		if (x->sst_n == x->sst_cap) {
			x->sst_cap = x->sst_cap ? x->sst_cap * 2 : 1024;
			x->sst_off = xrealloc(x->sst_off, x->sst_cap * sizeof *x->sst_off);
		}
		x->sst_off[x->sst_n++] = x->si_start;
		x->held = x->sst.len + x->sst_cap * sizeof *x->sst_off;
		if (x->held > x->r->lim.max_strings)
			held_over(x);
	}
}

static void sst_chars(void *ud, const XML_Char *s, int len)
{
	struct xlsx *x = ud;
	if (x->cap && !x->rc && !buf_append(&x->sst, s, (size_t)len))
		held_over(x);
}

static const char *sst_get(const struct xlsx *x, size_t i, size_t *len)
{
	size_t off = x->sst_off[i];
	size_t end = i + 1 < x->sst_n ? x->sst_off[i + 1] - 1 : x->sst.len - 1;
	*len = end - off;
	return x->sst.p + off;
}

/* ---- styles: which cell formats are dates ------------------------------- */

static bool builtin_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	       (id >= 50 && id <= 58);
}

/* A format code shows a date or time when, outside quoted text, escapes
 * and [colour]/[$-804] sections, it has d, m, y, h or s. */
static bool code_is_date(const char *f)
{
	for (const char *p = f; *p; p++) {
		char c = *p;
		if (c == '"') {
			p = strchr(p + 1, '"');
			if (!p)
				return false;
		} else if (c == '\\' || c == '_' || c == '*') {
			if (!p[1])
				return false;
			p++;
		} else if (c == '[') {
			const char *e = strchr(p, ']');
			if (!e)
				return false;
			/* [h], [mm], [ss]: elapsed time; [Red], [$-804]: not */
			bool elapsed = e > p + 1;
			for (const char *q = p + 1; q < e; q++)
				elapsed = elapsed && strchr("hHmMsS", *q);
			if (elapsed)
				return true;
			p = e;
		} else if (strchr("dDmMyYhHsS", c)) {
			return true;
		}
	}
	return false;
}

static void styles_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xlsx *x = ud;
	const char *n = local(name);
	int64_t id = 0;
	if (!strcmp(n, "numFmt")) {
		const char *ids = attr(a, "numFmtId"), *code = attr(a, "formatCode");
		if (!ids || !code || !text_to_i64(ids, 0, 100000, &id) || x->nfmts >= MAX_NUMFMTS)
			return;
		x->fmts = xrealloc(x->fmts, (x->nfmts + 1) * sizeof *x->fmts);
		x->fmts[x->nfmts++] = (struct numfmt){(long)id, code_is_date(code)};
	} else if (!strcmp(n, "cellXfs")) {
		x->in_cellxfs = true;
	} else if (!strcmp(n, "xf") && x->in_cellxfs) {
		if (x->nxf >= MAX_XFS)
			return;
		const char *ids = attr(a, "numFmtId");
		bool date = false;
		if (ids && text_to_i64(ids, 0, 100000, &id)) {
			date = builtin_date((long)id);
			for (size_t i = 0; i < x->nfmts; i++)
				if (x->fmts[i].id == id)
					date = x->fmts[i].date;
		}
		x->xf_date = xrealloc(x->xf_date, x->nxf + 1);
		x->xf_date[x->nxf++] = date;
	}
}

static void styles_end(void *ud, const XML_Char *name)
{
	struct xlsx *x = ud;
	if (!strcmp(local(name), "cellXfs"))
		x->in_cellxfs = false;
}

/* ---- merged cells (first pass over the worksheet) ----------------------- */

static void merge_add(struct xlsx *x, const char *ref, size_t len)
{
	char first[16], second[16];
	const char *colon = memchr(ref, ':', len);
	size_t c1, r1, c2, r2;
	if (!colon || (size_t)(colon - ref) >= sizeof first ||
	    len - (size_t)(colon - ref) - 1 >= sizeof second)
		return;
	memcpy(first, ref, (size_t)(colon - ref));
	first[colon - ref] = '\0';
	memcpy(second, colon + 1, len - (size_t)(colon - ref) - 1);
	second[len - (size_t)(colon - ref) - 1] = '\0';
	if (!parse_ref(first, &c1, &r1) || !parse_ref(second, &c2, &r2) || !r1 || !r2)
		return;
	if (x->nm >= MAX_MERGES) {
		damaged(x, "合并单元格过多", "too many merged cells");
		return;
	}
	if (x->nm == x->mcap) {
		x->mcap = x->mcap ? x->mcap * 2 : 64;
		x->m = xrealloc(x->m, x->mcap * sizeof *x->m);
	}
	x->m[x->nm++] = (struct merge){
		.r1 = r1 < r2 ? r1 : r2, .r2 = r1 < r2 ? r2 : r1,
		.c1 = c1 < c2 ? c1 : c2, .c2 = c1 < c2 ? c2 : c1,
	};
}

static bool blank_char(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Whether "mergeCell" at p[at] starts an element: "<mergeCell" or
 * "<x:mergeCell", followed by a blank, '/' or '>' (not "mergeCells"). */
static bool merge_tag_at(const char *p, size_t at, size_t len)
{
	size_t end = at + 9;
	if (at == 0 || end >= len || !(blank_char(p[end]) || p[end] == '/' || p[end] == '>'))
		return false;
	if (p[at - 1] == '<')
		return true;
	if (p[at - 1] != ':')
		return false;
	for (size_t i = at - 1, k = 0; i > 0 && k < 32; i--, k++) {
		char c = p[i - 1];
		if (c == '<')
			return true;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-' || c == '.'))
			return false;
	}
	return false;
}

/* The value of the ref attribute within a tag's text t[0..n). */
static void merge_ref(struct xlsx *x, const char *t, size_t n)
{
	for (size_t i = 1; i + 3 < n; i++) {
		if (!blank_char(t[i - 1]) || memcmp(t + i, "ref", 3))
			continue;
		size_t k = i + 3;
		while (k < n && blank_char(t[k]))
			k++;
		if (k >= n || t[k] != '=')
			continue;
		k++;
		while (k < n && blank_char(t[k]))
			k++;
		if (k >= n || (t[k] != '"' && t[k] != '\''))
			continue;
		const char *v = t + k + 1, *q = memchr(v, t[k], n - k - 1);
		if (q)
			merge_add(x, v, (size_t)(q - v));
		return;
	}
}

/* The first pass: <mergeCell ref="A1:C2"/> elements come after all the
 * rows, and a full XML parse just to find them would double the work, so
 * the inflated bytes are scanned for them. In well-formed XML a '<' cannot
 * occur in text, so "<mergeCell" is always the element. Bytes near the end
 * of a chunk are carried over in case a tag is cut. */
#define CARRY 256
static gcode scan_merges(struct xlsx *x, bool *found)
{
	zip_file_t *zf = NULL;
	zip_uint64_t size = 0;
	gcode rc = part_open(x, x->ws_path, &zf, &size);
	*found = zf != NULL;
	if (rc || !zf)
		return rc;
	char *buf = xmalloc(CHUNK + CARRY);
	size_t have = 0;
	for (;;) {
		size_t n = 0;
		rc = part_read(x, zf, x->ws_path, buf + have, CHUNK, &n);
		if (rc)
			break;
		have += n;
		bool end = n == 0;
		size_t keep = end ? have : have > CARRY ? have - CARRY : 0, i = 0;
		const char *m;
		while (!x->rc && (m = memmem(buf + i, have - i, "mergeCell", 9))) {
			size_t at = (size_t)(m - buf);
			if (!end && at >= keep)
				break;
			i = at + 9;
			if (!merge_tag_at(buf, at, have))
				continue;
			const char *gt = memchr(buf + i, '>', have - i);
			if (!gt)
				break;
			merge_ref(x, buf + i, (size_t)(gt - (buf + i)));
			i = (size_t)(gt - buf) + 1;
		}
		if (x->rc) {
			rc = x->rc;
			break;
		}
		if (end)
			break;
		size_t from = i > keep ? i : keep;
		memmove(buf, buf + from, have - from);
		have -= from;
	}
	zip_fclose(zf);
	free(buf);
	return rc;
}

static int merge_cmp(const void *a, const void *b)
{
	const struct merge *p = a, *q = b;
	return p->r1 < q->r1 ? -1 : p->r1 > q->r1;
}

/* The value of each merged range, taken from its top-left cell when its
 * row is read, is copied to every cell of the range: multi-row headers and
 * merged category columns read as Excel shows them. */
static gcode apply_merges(struct xlsx *x, struct rowb *rb, size_t num)
{
	while (x->next_m < x->nm && x->m[x->next_m].r1 <= num)
		x->active[x->nactive++] = x->next_m++;
	for (size_t i = 0; i < x->nactive;) {
		struct merge *m = &x->m[x->active[i]];
		if (m->r2 < num) {
			x->active[i] = x->active[--x->nactive];
			continue;
		}
		i++;
		if (m->r1 == num && !m->seen) {
			size_t len;
			enum sheet_type type;
			const char *s = rowb_text(rb, m->c1, &len, &type);
			m->seen = true;
			if (!len)
				continue;
			x->held += len + 1;
			if (x->held > x->r->lim.max_strings)
				return held_over(x);
			m->val = xstrndup(s, len);
			m->len = len;
			m->type = type;
		}
		if (!m->len)
			continue;
		size_t last = m->c2 < x->r->lim.max_cols ? m->c2 : x->r->lim.max_cols - 1;
		for (size_t c = m->c1; c <= last; c++) {
			if (num == m->r1 && c == m->c1)
				continue;
			gcode rc = rowb_set(rb, c, m->val, m->len, m->type, x->err);
			if (rc) {
				x->rc = rc;
				return rc;
			}
		}
	}
	return G_OK;
}

/* ---- the worksheet, streamed ------------------------------------------- */

static void ws_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xlsx *x = ud;
	const char *n = local(name);
	if (x->rc)
		return;
	if (!x->in_sd) {
		if (!strcmp(n, "sheetData"))
			x->in_sd = true;
		return;
	}
	if (!strcmp(n, "row")) {
		const char *rs = attr(a, "r");
		int64_t num = 0;
		if (rs && !text_to_i64(rs, 1, SHEET_EXCEL_ROWS, &num)) {
			damaged(x, "行号无效", "a row number is invalid");
			return;
		}
		x->row_num = rs ? (size_t)num : x->last_row + 1;
		if (x->row_num > SHEET_EXCEL_ROWS) {
			damaged(x, "行号超出范围", "a row number is out of range");
			return;
		}
		x->in_row = true;
		x->next_col = 0;
		rowb_reset(&x->r->rb, x->row_num);
	} else if (!strcmp(n, "c") && x->in_row) {
		const char *ref = attr(a, "r"), *t = attr(a, "t"), *s = attr(a, "s");
		size_t col = x->next_col, rr;
		int64_t style = 0;
		if (ref && !parse_ref(ref, &col, &rr)) {
			damaged(x, "单元格引用无效", "a cell reference is invalid");
			return;
		}
		x->col = col;
		text_copy(x->ctype, sizeof x->ctype, t ? t : "n");
		x->style = s && text_to_i64(s, 0, MAX_XFS, &style) ? (size_t)style : 0;
		x->in_c = true;
		x->has_v = false;
		buf_reset(&x->val);
	} else if (x->in_c && !strcmp(n, "v")) {
		x->cap = true;
		buf_reset(&x->val);
	} else if (x->in_c && !strcmp(n, "is")) {
		x->in_is = true;
		x->rph = 0;
		buf_reset(&x->val);
	} else if (x->in_is && !strcmp(n, "rPh")) {
		x->rph++;
	} else if (x->in_is && !x->rph && !strcmp(n, "t")) {
		x->cap = true;
	}
}

static void serial_1904(struct xlsx *x)
{
	char tmp[64];
	if (x->val.len >= sizeof tmp)
		return;
	memcpy(tmp, x->val.p, x->val.len + 1);
	char *end;
	double v = strtod(tmp, &end);
	if (*end || !isfinite(v))
		return;
	buf_reset(&x->val);
	buf_printf(&x->val, "%.15g", v + 1462); /* 1904-01-01 is 1462 days on */
}

static void cell_end(struct xlsx *x)
{
	const char *t = x->ctype;
	const char *s = x->val.p ? x->val.p : "";
	size_t len = x->val.len;
	enum sheet_type type = SHEET_STRING;
	char num[64];
	x->in_c = false;
	x->next_col = x->col + 1;
	if (!x->has_v) {
		type = SHEET_EMPTY;
	} else if (!strcmp(t, "s")) {
		int64_t i = -1;
		if (!text_to_i64(s, 0, INT64_MAX, &i) || (size_t)i >= x->sst_n) {
			fail_at(x, G_ERR_INVALID, x->row_num, x->col,
				"共享字符串编号无效（文件已损坏）",
				"invalid shared string index (the file is damaged)");
			return;
		}
		s = sst_get(x, (size_t)i, &len);
	} else if (!strcmp(t, "inlineStr") || !strcmp(t, "str")) {
		len = decode_x(x->val.p, len);
		x->val.len = len;
	} else if (!strcmp(t, "b")) {
		type = SHEET_BOOL;
		s = len == 1 && s[0] == '1' ? "TRUE" : "FALSE";
		len = strlen(s);
	} else if (!strcmp(t, "e")) {
		type = SHEET_ERROR;
	} else if (!strcmp(t, "d")) {
		type = SHEET_DATE;
	} else if (len) {
		bool date = x->style < x->nxf && x->xf_date[x->style];
		if (date && x->date1904) {
			serial_1904(x);
			s = x->val.p;
			len = x->val.len;
		}
		size_t nl;
		if (sheet_number_text(s, len, num, sizeof num, &nl)) {
			s = num;
			len = nl;
			type = date ? SHEET_DATE : SHEET_NUMBER;
		}
	}
	if (len == 0)
		type = SHEET_EMPTY;
	gcode rc = rowb_set(&x->r->rb, x->col, s, len, type, x->err);
	if (rc) {
		x->rc = rc;
		XML_StopParser(x->cur, XML_FALSE);
	}
}

static void ws_end(void *ud, const XML_Char *name)
{
	struct xlsx *x = ud;
	const char *n = local(name);
	if (x->rc || !x->in_sd)
		return;
	if (!strcmp(n, "v")) {
		x->cap = false;
		x->has_v = true;
	} else if (!strcmp(n, "t")) {
		x->cap = false;
	} else if (!strcmp(n, "rPh")) {
		x->rph--;
	} else if (!strcmp(n, "is")) {
		x->in_is = false;
		x->has_v = true;
	} else if (!strcmp(n, "c") && x->in_c) {
		cell_end(x);
	} else if (!strcmp(n, "row") && x->in_row) {
		x->in_row = false;
		x->last_row = x->row_num;
		if (apply_merges(x, &x->r->rb, x->row_num)) {
			XML_StopParser(x->cur, XML_FALSE);
			return;
		}
		x->row_done = true;
		XML_StopParser(x->cur, XML_TRUE); /* suspend: one row per call */
	} else if (!strcmp(n, "sheetData")) {
		x->in_sd = false;
		x->sheet_end = true;
		XML_StopParser(x->cur, XML_FALSE);
	}
}

static void ws_chars(void *ud, const XML_Char *s, int len)
{
	struct xlsx *x = ud;
	if (!x->cap || x->rc)
		return;
	if (x->val.len + (size_t)len > x->r->lim.max_cell || !buf_append(&x->val, s, (size_t)len)) {
		char zh[160], en[160];
		snprintf(zh, sizeof zh, "单元格内容超过 %zu KiB", x->r->lim.max_cell / 1024);
		snprintf(en, sizeof en, "cell longer than %zu KiB", x->r->lim.max_cell / 1024);
		fail_at(x, G_ERR_TOOLARGE, x->row_num, x->col, zh, en);
	}
}

static gcode xlsx_next(struct sheet_reader *r, const struct sheet_row **row, struct gerror *err)
{
	struct xlsx *x = r->state;
	x->err = err;
	x->cur = x->xp;
	x->part = x->ws_path;
	x->row_done = false;
	while (!x->row_done) {
		if (x->done)
			return G_OK;
		enum XML_Status st;
		if (x->suspended) {
			st = XML_ResumeParser(x->xp);
		} else {
			size_t n = 0;
			gcode rc = part_read(x, x->zf, x->ws_path, x->chunk, CHUNK, &n);
			if (rc)
				return rc;
			x->ws_read += n;
			x->final_fed = n == 0;
			st = XML_Parse(x->xp, x->chunk, (int)n, n == 0);
		}
		if (x->rc)
			return x->rc;
		if (st == XML_STATUS_ERROR) {
			if (x->sheet_end && XML_GetErrorCode(x->xp) == XML_ERROR_ABORTED) {
				x->done = true;
				break;
			}
			return xml_failed(x, x->xp);
		}
		x->suspended = st == XML_STATUS_SUSPENDED;
		if (!x->suspended && x->final_fed)
			x->done = true;
	}
	if (x->row_done)
		*row = rowb_finish(&r->rb);
	return G_OK;
}

static unsigned xlsx_progress(const struct sheet_reader *r)
{
	const struct xlsx *x = r->state;
	if (!x->ws_size)
		return 0;
	double p = (double)x->ws_read * 1000.0 / (double)x->ws_size;
	return p > 1000 ? 1000 : (unsigned)p;
}

static void xlsx_close(struct sheet_reader *r)
{
	struct xlsx *x = r->state;
	if (!x)
		return;
	if (x->zf)
		zip_fclose(x->zf);
	if (x->za)
		zip_discard(x->za);
	if (x->xp)
		XML_ParserFree(x->xp);
	rels_clear(x);
	for (size_t i = 0; i < x->nsheets; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].rid);
	}
	free(x->sheets);
	for (size_t i = 0; i < x->nm; i++)
		free(x->m[i].val);
	free(x->m);
	free(x->active);
	buf_free(&x->sst);
	free(x->sst_off);
	free(x->fmts);
	free(x->xf_date);
	buf_free(&x->val);
	free(x->chunk);
	free(x);
	r->state = NULL;
}

static const struct sheet_backend xlsx_backend = {
	.next = xlsx_next,
	.progress = xlsx_progress,
	.free = xlsx_close,
};

static gcode open_zip(struct xlsx *x, const void *p, size_t len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(p, len, 0, &ze);
	if (src)
		x->za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!x->za) {
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		return damaged(x, "无法打开压缩包（文件可能被截断或不是 .xlsx）",
			       "the ZIP package cannot be opened (truncated, or not an .xlsx)");
	}
	zip_error_fini(&ze);
	return G_OK;
}

gcode sheet_xlsx_open(struct sheet_reader *r, const void *p, size_t len, const char *sheet_name,
		      struct gerror *err)
{
	struct xlsx *x = xcalloc(1, sizeof *x);
	x->r = r;
	x->err = err;
	r->state = x;
	r->be = &xlsx_backend;
	buf_init(&x->sst, r->lim.max_strings);
	buf_init(&x->val, r->lim.max_cell + 64);
	bool found = false;
	gcode rc = open_zip(x, p, len);
	if (!rc)
		rc = find_parts(x, sheet_name);
	if (!rc)
		rc = parse_with(x, x->sst_path, sst_start, sst_end, sst_chars, &found);
	if (!rc)
		rc = parse_with(x, x->styles_path, styles_start, styles_end, NULL, &found);
	if (!rc)
		rc = scan_merges(x, &found);
	if (!rc && !found) {
		char zh[256], en[256];
		snprintf(zh, sizeof zh, "缺少工作表 %.200s", x->ws_path);
		snprintf(en, sizeof en, "the worksheet %.200s is missing", x->ws_path);
		rc = damaged(x, zh, en);
	}
	if (rc)
		return rc;
	if (x->nm)
		qsort(x->m, x->nm, sizeof *x->m, merge_cmp);
	x->active = xmalloc((x->nm ? x->nm : 1) * sizeof *x->active);
	rc = part_open(x, x->ws_path, &x->zf, &x->ws_size);
	if (rc)
		return rc;
	x->chunk = xmalloc(CHUNK);
	x->xp = parser_new(x, ws_start, ws_end, ws_chars);
	return G_OK;
}
