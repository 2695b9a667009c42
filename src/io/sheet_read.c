/* The reader's core: format detection, limits, rows, whole-sheet loading. */
#include "io/sheet.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/mem.h"
#include "io/sheet_internal.h"

#define KiB ((size_t)1024)
#define MiB (KiB * 1024)

static const struct sheet_limits defaults = {
	.max_bytes = 256 * MiB,
	.max_unzipped = 1024 * MiB,
	.max_strings = 128 * MiB,
	.max_rows = SHEET_EXCEL_ROWS,
	.max_cols = 1024,
	.max_cell = 32 * KiB,
	.max_row = 1 * MiB,
};

static const struct sheet_cell empty_cell = {.s = "", .len = 0, .type = SHEET_EMPTY};

/* ---- small helpers ----------------------------------------------------- */

const struct sheet_cell *sheet_cell_at(const struct sheet_row *row, size_t col)
{
	return row && col < row->n ? &row->cells[col] : &empty_cell;
}

bool sheet_row_blank(const struct sheet_row *row)
{
	for (size_t i = 0; i < row->n; i++)
		if (!sheet_text_blank(row->cells[i].s, row->cells[i].len))
			return false;
	return true;
}

void sheet_col_name(size_t col, char out[static 4])
{
	if (col >= 26 + 26 * 26 + 26 * 26 * 26) {
		memcpy(out, "?", 2);
		return;
	}
	char tmp[4];
	size_t n = 0, c = col + 1;
	while (c > 0) {
		c--;
		tmp[n++] = (char)('A' + c % 26);
		c /= 26;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

void sheet_cell_ref(size_t row_num, size_t col, char out[static 16])
{
	char c[4];
	sheet_col_name(col, c);
	snprintf(out, 16, "%s%zu", c, row_num);
}

bool sheet_serial_to_days(const char *s, int32_t *days)
{
	char tmp[64];
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n >= sizeof tmp)
		return false;
	memcpy(tmp, s, n + 1);
	char *end = NULL;
	errno = 0;
	double v = strtod(tmp, &end);
	if (errno || end == tmp || *end || !isfinite(v))
		return false;
	double f = floor(v);
	/* 9999-12-31 is serial 2958465; 1900-03-01 is 61. */
	if (f < 1 || f == 60 || f > 2958465)
		return false;
	/* Excel counts a 1900-02-29 that never was: serials before it are one
	 * day later than the same count from 1899-12-30. */
	int64_t d = (int64_t)f - (f < 60 ? 25568 : 25569);
	*days = (int32_t)d;
	return true;
}

/* Days since 1970-01-01 to "YYYY-MM-DD" (proleptic Gregorian). */
void sheet_days_iso(int32_t days, char out[static 11])
{
	int64_t z = (int64_t)days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp < 10 ? mp + 3 : mp - 9;
	int64_t y = yoe + era * 400 + (m <= 2);
	unsigned v[3] = {(unsigned)(y < 0 ? 0 : y > 9999 ? 9999 : y), (unsigned)m, (unsigned)d};
	out[0] = (char)('0' + v[0] / 1000), out[1] = (char)('0' + v[0] / 100 % 10);
	out[2] = (char)('0' + v[0] / 10 % 10), out[3] = (char)('0' + v[0] % 10);
	out[4] = '-', out[5] = (char)('0' + v[1] / 10), out[6] = (char)('0' + v[1] % 10);
	out[7] = '-', out[8] = (char)('0' + v[2] / 10), out[9] = (char)('0' + v[2] % 10);
	out[10] = '\0';
}

static void size_text(size_t n, char *out, size_t cap)
{
	if (n >= MiB && n % MiB == 0)
		snprintf(out, cap, "%zu MiB", n / MiB);
	else if (n >= KiB && n % KiB == 0)
		snprintf(out, cap, "%zu KiB", n / KiB);
	else
		snprintf(out, cap, "%zu B", n);
}

gcode sheet_err_at(struct gerror *e, gcode code, size_t row, size_t col, const char *zh,
		   const char *en)
{
	char z[256], g[256], field[32], c[4];
	if (row == 0)
		return gerr_set(e, code, "file", zh, en);
	if (col == SIZE_MAX) {
		snprintf(z, sizeof z, "第%zu行：%s", row, zh);
		snprintf(g, sizeof g, "row %zu: %s", row, en);
		snprintf(field, sizeof field, "row %zu", row);
	} else {
		sheet_col_name(col, c);
		snprintf(z, sizeof z, "第%zu行%s列：%s", row, c, zh);
		snprintf(g, sizeof g, "row %zu, column %s: %s", row, c, en);
		snprintf(field, sizeof field, "%s%zu", c, row);
	}
	return gerr_set(e, code, field, z, g);
}

/* ---- UTF-8 ------------------------------------------------------------- */

size_t sheet_utf8_next(const unsigned char *p, size_t len, uint32_t *cp)
{
	unsigned char c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t n;
	uint32_t v, min;
	if ((c & 0xE0) == 0xC0) {
		n = 2, v = c & 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3, v = c & 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n > len)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

bool sheet_utf8_valid(const unsigned char *p, size_t len, size_t *bad_at)
{
	size_t i = 0;
	while (i < len) {
		/* Eight ASCII bytes at a time: most of a CSV file. */
		if (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			if (!(w & 0x8080808080808080ull)) {
				i += 8;
				continue;
			}
		}
		uint32_t cp;
		size_t n = sheet_utf8_next(p + i, len - i, &cp);
		if (!n) {
			if (bad_at)
				*bad_at = i;
			return false;
		}
		i += n;
	}
	return true;
}

size_t sheet_utf8_put(uint32_t cp, char out[static 4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool sheet_text_blank(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		unsigned char c = p[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			i++;
		} else if (c == 0xC2 && i + 1 < len && p[i + 1] == 0xA0) {
			i += 2;
		} else if (c == 0xE3 && i + 2 < len && p[i + 1] == 0x80 && p[i + 2] == 0x80) {
			i += 3;
		} else {
			return false;
		}
	}
	return true;
}

bool sheet_number_text(const char *s, size_t len, char *out, size_t cap, size_t *out_len)
{
	char tmp[64];
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0 || len >= sizeof tmp)
		return false;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	char *end = NULL;
	errno = 0;
	double v = strtod(tmp, &end);
	if (end == tmp || *end || !isfinite(v))
		return false;
	if (v == 0)
		v = 0; /* no "-0" */
	char num[40];
	int n = snprintf(num, sizeof num, "%.15G", v); /* "0.3", "1.5E+20" */
	if (n < 0 || (size_t)n >= sizeof num || (size_t)n >= cap)
		return false;
	memcpy(out, num, (size_t)n + 1);
	*out_len = (size_t)n;
	return true;
}

/* ---- rows being built -------------------------------------------------- */

void rowb_init(struct rowb *b, const struct sheet_limits *lim)
{
	memset(b, 0, sizeof *b);
	b->lim = lim;
	buf_init(&b->text, lim->max_row + lim->max_cols + 1);
}

void rowb_free(struct rowb *b)
{
	buf_free(&b->text);
	free(b->c);
	free(b->view);
	memset(b, 0, sizeof *b);
}

void rowb_reset(struct rowb *b, size_t num)
{
	buf_reset(&b->text);
	b->n = 0;
	b->num = num;
}

static void grow_cells(struct rowb *b, size_t n)
{
	if (n <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 16;
	while (cap < n)
		cap *= 2;
	b->c = xrealloc(b->c, cap * sizeof *b->c);
	b->cap = cap;
}

gcode rowb_set(struct rowb *b, size_t col, const char *s, size_t len, enum sheet_type type,
	       struct gerror *err)
{
	char lim[32], zh[160], en[160];
	if (type == SHEET_EMPTY || len == 0) {
		if (col >= b->n || col >= b->lim->max_cols)
			return G_OK; /* nothing to record */
		b->c[col] = (struct rowb_cell){0, 0, SHEET_EMPTY};
		return G_OK;
	}
	if (col >= b->lim->max_cols) {
		snprintf(zh, sizeof zh, "超出列数上限（%zu 列）", b->lim->max_cols);
		snprintf(en, sizeof en, "beyond the limit of %zu columns", b->lim->max_cols);
		return sheet_err_at(err, G_ERR_TOOLARGE, b->num, col, zh, en);
	}
	if (len > b->lim->max_cell) {
		size_text(b->lim->max_cell, lim, sizeof lim);
		snprintf(zh, sizeof zh, "单元格内容超过 %s", lim);
		snprintf(en, sizeof en, "cell longer than %s", lim);
		return sheet_err_at(err, G_ERR_TOOLARGE, b->num, col, zh, en);
	}
	size_t off = b->text.len;
	if (b->text.len + len > b->lim->max_row || !buf_append(&b->text, s, len) ||
	    !buf_append(&b->text, "", 1)) {
		size_text(b->lim->max_row, lim, sizeof lim);
		snprintf(zh, sizeof zh, "整行内容超过 %s", lim);
		snprintf(en, sizeof en, "row longer than %s", lim);
		return sheet_err_at(err, G_ERR_TOOLARGE, b->num, SIZE_MAX, zh, en);
	}
	if (col >= b->n) {
		grow_cells(b, col + 1);
		for (size_t i = b->n; i < col; i++)
			b->c[i] = (struct rowb_cell){0, 0, SHEET_EMPTY};
		b->n = col + 1;
	}
	b->c[col] = (struct rowb_cell){off, len, type};
	return G_OK;
}

const char *rowb_text(const struct rowb *b, size_t col, size_t *len, enum sheet_type *type)
{
	if (col >= b->n || b->c[col].type == SHEET_EMPTY) {
		*len = 0;
		*type = SHEET_EMPTY;
		return "";
	}
	*len = b->c[col].len;
	*type = b->c[col].type;
	return b->text.p + b->c[col].off;
}

const struct sheet_row *rowb_finish(struct rowb *b)
{
	if (b->n > b->view_cap) {
		b->view_cap = b->cap;
		b->view = xrealloc(b->view, b->view_cap * sizeof *b->view);
	}
	for (size_t i = 0; i < b->n; i++) {
		const struct rowb_cell *c = &b->c[i];
		b->view[i] = c->type == SHEET_EMPTY
				     ? empty_cell
				     : (struct sheet_cell){b->text.p + c->off, c->len, c->type};
	}
	b->row = (struct sheet_row){.num = b->num, .n = b->n, .cells = b->view};
	return &b->row;
}

/* ---- whole sheets ------------------------------------------------------ */

struct sheet_block {
	struct sheet_block *next;
	size_t used, cap;
	max_align_t data[];
};

struct sheet_store {
	struct sheet_block *blocks;
	size_t total, budget, rows_cap;
};

static void *store_alloc(struct sheet_store *st, size_t n)
{
	n = (n + 7) & ~(size_t)7;
	if (st->total + n > st->budget)
		return NULL;
	struct sheet_block *b = st->blocks;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 60 * KiB ? n : 60 * KiB;
		b = xmalloc(sizeof *b + cap);
		b->next = st->blocks;
		b->used = 0;
		b->cap = cap;
		st->blocks = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	st->total += n;
	return p;
}

struct sheet *sheet_new_empty(size_t budget)
{
	struct sheet *s = xcalloc(1, sizeof *s);
	s->store = xcalloc(1, sizeof *s->store);
	s->store->budget = budget;
	return s;
}

void sheet_free(struct sheet *s)
{
	if (!s)
		return;
	struct sheet_block *b = s->store->blocks;
	while (b) {
		struct sheet_block *next = b->next;
		free(b);
		b = next;
	}
	free(s->store);
	free(s->rows);
	free(s);
}

gcode sheet_append_row(struct sheet *s, const struct sheet_row *row, struct gerror *err)
{
	struct sheet_store *st = s->store;
	char lim[32], zh[160], en[160];
	struct sheet_cell *cells = row->n ? store_alloc(st, row->n * sizeof *cells) : NULL;
	if (row->n && !cells)
		goto full;
	for (size_t i = 0; i < row->n; i++) {
		const struct sheet_cell *c = &row->cells[i];
		if (c->type == SHEET_EMPTY) {
			cells[i] = empty_cell;
			continue;
		}
		char *t = store_alloc(st, c->len + 1);
		if (!t)
			goto full;
		memcpy(t, c->s, c->len);
		t[c->len] = '\0';
		cells[i] = (struct sheet_cell){t, c->len, c->type};
	}
	if (s->nrows == st->rows_cap) {
		st->rows_cap = st->rows_cap ? st->rows_cap * 2 : 64;
		s->rows = xrealloc(s->rows, st->rows_cap * sizeof *s->rows);
	}
	s->rows[s->nrows++] = (struct sheet_row){.num = row->num, .n = row->n, .cells = cells};
	return G_OK;
full:
	size_text(st->budget, lim, sizeof lim);
	snprintf(zh, sizeof zh, "表格内容超过 %s，请分批导入", lim);
	snprintf(en, sizeof en, "the sheet holds more than %s of text: import it in parts", lim);
	return sheet_err_at(err, G_ERR_TOOLARGE, row->num, SIZE_MAX, zh, en);
}

/* ---- readers ----------------------------------------------------------- */

static void limits_fill(struct sheet_limits *l, const struct sheet_limits *in)
{
	*l = in ? *in : defaults;
	if (!l->max_bytes)
		l->max_bytes = defaults.max_bytes;
	if (!l->max_unzipped)
		l->max_unzipped = defaults.max_unzipped;
	if (!l->max_strings)
		l->max_strings = defaults.max_strings;
	if (!l->max_rows || l->max_rows > SHEET_EXCEL_ROWS)
		l->max_rows = l->max_rows ? SHEET_EXCEL_ROWS : defaults.max_rows;
	if (!l->max_cols || l->max_cols > SHEET_EXCEL_COLS)
		l->max_cols = l->max_cols ? SHEET_EXCEL_COLS : defaults.max_cols;
	if (!l->max_cell)
		l->max_cell = defaults.max_cell;
	if (!l->max_row)
		l->max_row = defaults.max_row;
}

static bool starts_with_ci(const unsigned char *p, size_t len, const char *lit)
{
	size_t n = strlen(lit);
	if (len < n)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c != (unsigned char)lit[i])
			return false;
	}
	return true;
}

static bool contains_ci(const unsigned char *p, size_t len, const char *lit)
{
	for (size_t i = 0; i < len; i++)
		if (starts_with_ci(p + i, len - i, lit))
			return true;
	return false;
}

/* Files that look like spreadsheets but are not CSV or XLSX: say what they
 * are rather than reading them as garbled text. */
static gcode refuse_other_formats(const unsigned char *p, size_t len, struct gerror *err)
{
	static const unsigned char cfb[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	if (len >= 8 && !memcmp(p, cfb, 8))
		return gerr_set(err, G_ERR_UNSUPPORTED, "file",
				"不支持 .xls（Excel 97-2003）格式或加密的工作簿，请在 Excel 或 WPS "
				"中另存为 .xlsx 或 CSV 后再导入",
				"legacy .xls (Excel 97-2003) files and password-protected workbooks "
				"are not supported: save the file as .xlsx or CSV and import that");
	size_t i = 0;
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		i = 3;
	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	if (i >= len || p[i] != '<')
		return G_OK;
	size_t head = len - i < 4096 ? len - i : 4096;
	if (contains_ci(p + i, head, "urn:schemas-microsoft-com:office:spreadsheet"))
		return gerr_set(err, G_ERR_UNSUPPORTED, "file",
				"不支持 XML 电子表格 2003 格式，请另存为 .xlsx 或 CSV 后再导入",
				"XML Spreadsheet 2003 files are not supported: save the file as "
				".xlsx or CSV and import that");
	if (contains_ci(p + i, head, "<html") || contains_ci(p + i, head, "<table"))
		return gerr_set(err, G_ERR_UNSUPPORTED, "file",
				"文件是网页（HTML）格式，不是真正的 Excel 文件，请在 Excel 或 WPS "
				"中打开后另存为 .xlsx 再导入",
				"the file is a web page (HTML), not a real Excel file: open it in "
				"Excel or WPS, save it as .xlsx and import that");
	return G_OK;
}

gcode sheet_reader_new(struct sheet_reader **out, const void *data, size_t len,
		       const struct sheet_read_opts *opts, struct gerror *err)
{
	const unsigned char *p = data;
	char lim[32], zh[160], en[160];
	gcode rc;
	*out = NULL;
	struct sheet_reader *r = xcalloc(1, sizeof *r);
	limits_fill(&r->lim, opts ? &opts->limits : NULL);
	rowb_init(&r->rb, &r->lim);
	if (len > r->lim.max_bytes) {
		size_text(r->lim.max_bytes, lim, sizeof lim);
		snprintf(zh, sizeof zh, "文件超过 %s 上限", lim);
		snprintf(en, sizeof en, "the file is larger than the limit of %s", lim);
		rc = gerr_set(err, G_ERR_TOOLARGE, "file", zh, en);
		goto out;
	}
	if (len == 0) {
		rc = gerr_set(err, G_ERR_INVALID, "file", "文件为空", "the file is empty");
		goto out;
	}
	if (len >= 4 && p[0] == 'P' && p[1] == 'K' && (p[2] == 3 || p[2] == 5)) {
		r->fmt = SHEET_XLSX;
		r->encoding = "XLSX";
		rc = sheet_xlsx_open(r, p, len, opts ? opts->sheet_name : NULL, err);
		goto out;
	}
	rc = refuse_other_formats(p, len, err);
	if (rc)
		goto out;
	r->fmt = SHEET_CSV;
	rc = sheet_csv_open(r, p, len, opts ? opts->delimiter : 0, err);
out:
	if (rc) {
		sheet_reader_free(r);
		return rc;
	}
	*out = r;
	return G_OK;
}

gcode sheet_reader_new_file(struct sheet_reader **out, const char *path,
			    const struct sheet_read_opts *opts, struct gerror *err)
{
	struct sheet_limits l;
	char lim[32], zh[200], en[200];
	gcode rc = G_OK;
	char *data = NULL;
	*out = NULL;
	limits_fill(&l, opts ? &opts->limits : NULL);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(zh, sizeof zh, "无法读取文件：%s", path);
		snprintf(en, sizeof en, "cannot read the file %s", path);
		rc = gerr_set(err, G_ERR_IO, "file", zh, en);
		goto out;
	}
	if ((uint64_t)st.st_size > l.max_bytes) {
		size_text(l.max_bytes, lim, sizeof lim);
		snprintf(zh, sizeof zh, "文件超过 %s 上限", lim);
		snprintf(en, sizeof en, "the file is larger than the limit of %s", lim);
		rc = gerr_set(err, G_ERR_TOOLARGE, "file", zh, en);
		goto out;
	}
	size_t size = (size_t)st.st_size, got = 0;
	data = xmalloc(size + 1);
	while (got < size) {
		ssize_t n = read(fd, data + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			snprintf(zh, sizeof zh, "读取文件失败：%s", path);
			snprintf(en, sizeof en, "reading %s failed", path);
			rc = gerr_set(err, G_ERR_IO, "file", zh, en);
			goto out;
		}
		got += (size_t)n;
	}
	rc = sheet_reader_new(out, data, size, opts, err);
	if (!rc) {
		(*out)->owned = data;
		data = NULL;
	}
out:
	if (fd >= 0)
		close(fd);
	free(data);
	return rc;
}

gcode sheet_reader_next(struct sheet_reader *r, const struct sheet_row **row, struct gerror *err)
{
	*row = NULL;
	if (r->failed) {
		if (err)
			*err = r->ferr;
		return r->failed;
	}
	if (r->replay) {
		if (r->replay_pos < r->replay->nrows) {
			*row = &r->replay->rows[r->replay_pos++];
			return G_OK;
		}
		sheet_free(r->replay);
		r->replay = NULL;
	}
	while (!r->ended) {
		const struct sheet_row *x = NULL;
		gcode rc = r->be->next(r, &x, &r->ferr);
		if (!rc && x && !sheet_row_blank(x) && x->num > r->lim.max_rows) {
			char zh[160], en[160];
			snprintf(zh, sizeof zh, "超过行数上限（%zu 行）", r->lim.max_rows);
			snprintf(en, sizeof en, "beyond the limit of %zu rows", r->lim.max_rows);
			rc = sheet_err_at(&r->ferr, G_ERR_TOOLARGE, x->num, SIZE_MAX, zh, en);
		}
		if (rc) {
			r->failed = rc;
			if (err)
				*err = r->ferr;
			return rc;
		}
		if (!x) {
			r->ended = true;
			break;
		}
		if (!sheet_row_blank(x)) {
			*row = x;
			return G_OK;
		}
	}
	return G_OK;
}

void sheet_reader_free(struct sheet_reader *r)
{
	if (!r)
		return;
	if (r->be)
		r->be->free(r);
	rowb_free(&r->rb);
	sheet_free(r->replay);
	free(r->owned);
	free(r);
}

enum sheet_format sheet_reader_format(const struct sheet_reader *r)
{
	return r->fmt;
}

const char *sheet_reader_encoding(const struct sheet_reader *r)
{
	return r->encoding ? r->encoding : "";
}

char sheet_reader_delimiter(const struct sheet_reader *r)
{
	return r->delim;
}

const char *sheet_reader_sheet_name(const struct sheet_reader *r)
{
	return r->sheet_name;
}

unsigned sheet_reader_progress(const struct sheet_reader *r)
{
	if (r->ended)
		return 1000;
	return r->be && r->be->progress ? r->be->progress(r) : 0;
}

gcode sheet_load(struct sheet **out, const void *data, size_t len,
		 const struct sheet_read_opts *opts, struct gerror *err)
{
	struct sheet_reader *r = NULL;
	*out = NULL;
	gcode rc = sheet_reader_new(&r, data, len, opts, err);
	if (rc)
		return rc;
	struct sheet *s = sheet_new_empty(r->lim.max_strings);
	const struct sheet_row *row;
	while (!(rc = sheet_reader_next(r, &row, err)) && row) {
		rc = sheet_append_row(s, row, err);
		if (rc)
			break;
	}
	sheet_reader_free(r);
	if (rc) {
		sheet_free(s);
		return rc;
	}
	*out = s;
	return G_OK;
}
