/* Writing: XLSX through libxlsxwriter (constant-memory mode: rows go to a
 * temp file as they are written, so a large export stays small in
 * memory), or CSV in UTF-8 with a BOM and CRLF line ends, as Excel in
 * China opens it. libxlsxwriter writes to a file: a temp file in $TMPDIR,
 * read back into the caller's buffer and removed. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "base/mem.h"
#include "base/text.h"
#include "io/sheet_internal.h"

#define WIDTH_MIN 6
#define WIDTH_MAX 60
#define XLSX_STR_MAX 32767
#define EXCEL_DATE_OFFSET 25569 /* serial of 1970-01-01 */
#define DAYS_MIN (-25508)       /* 1900-03-01, the first day with a true serial */
#define DAYS_MAX 2932896        /* 9999-12-31 */
#define CSV_MAX ((size_t)512 * 1024 * 1024)

struct wcol {
	enum sheet_fmt fmt;
	unsigned scale;
	size_t width; /* display width, CJK counted double */
	lxw_format *colfmt; /* the whole column's format (templates) */
};

struct sheet_writer {
	enum sheet_format fmt;
	gcode rc;
	struct gerror err;
	struct wcol *cols;
	size_t ncols;
	size_t row, col; /* next cell, 0-based */
	size_t sheets;

	/* XLSX */
	lxw_workbook *wb;
	lxw_worksheet *ws;
	char path[512], tmpdir[512];
	bool have_path;
	lxw_format *f_title, *f_head, *f_head_req, *f_text, *f_int, *f_date, *f_bold;
	lxw_format *f_dec[9];

	/* CSV */
	struct buf csv;
};

static const char *const fmt_mime[] = {
	[SHEET_CSV] = "text/csv; charset=utf-8",
	[SHEET_XLSX] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const char *sheet_format_mime(enum sheet_format fmt)
{
	return fmt == SHEET_CSV ? fmt_mime[SHEET_CSV] : fmt_mime[SHEET_XLSX];
}

const char *sheet_format_ext(enum sheet_format fmt)
{
	return fmt == SHEET_CSV ? "csv" : "xlsx";
}

/* ---- errors ------------------------------------------------------------ */

static gcode wfail(struct sheet_writer *w, gcode code, const char *zh, const char *en)
{
	if (!w->rc) {
		char z[256], e[256];
		if (w->sheets && w->col != SIZE_MAX) {
			char ref[16];
			sheet_cell_ref(w->row + 1, w->col, ref);
			snprintf(z, sizeof z, "写入 %s 时出错：%s", ref, zh);
			snprintf(e, sizeof e, "writing %s: %s", ref, en);
			w->rc = gerr_set(&w->err, code, ref, z, e);
		} else {
			w->rc = gerr_set(&w->err, code, NULL, zh, en);
		}
	}
	return w->rc;
}

static gcode lxw_failed(struct sheet_writer *w, lxw_error e)
{
	char zh[200], en[200];
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		return wfail(w, G_ERR_TOOLARGE, "文本超过 Excel 单元格 32767 个字符的上限",
			     "text longer than Excel's 32767 characters per cell");
	snprintf(zh, sizeof zh, "生成 XLSX 失败（%s）", lxw_strerror(e));
	snprintf(en, sizeof en, "making the XLSX file failed (%s)", lxw_strerror(e));
	return wfail(w, G_ERR_IO, zh, en);
}

/* ---- widths ------------------------------------------------------------ */

/* Display width of s: CJK and full-width characters count two; the widest
 * line of a multi-line text. */
static size_t text_width(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0, best = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = sheet_utf8_next(p + i, len - i, &cp);
		if (!n)
			n = 1, cp = '?';
		i += n;
		if (cp == '\n') {
			best = w > best ? w : best;
			w = 0;
			continue;
		}
		w += (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
				     (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
				     (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
				     (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000
			     ? 2
			     : 1;
	}
	return w > best ? w : best;
}

static void widen(struct sheet_writer *w, size_t width)
{
	if (w->col < w->ncols && width > w->cols[w->col].width)
		w->cols[w->col].width = width;
}

static void apply_widths(struct sheet_writer *w)
{
	if (w->fmt != SHEET_XLSX || !w->ws)
		return;
	for (size_t c = 0; c < w->ncols; c++) {
		double width = (double)w->cols[c].width + 2;
		width = width < WIDTH_MIN ? WIDTH_MIN : width > WIDTH_MAX ? WIDTH_MAX : width;
		worksheet_set_column(w->ws, (lxw_col_t)c, (lxw_col_t)c, width, w->cols[c].colfmt);
	}
}

/* ---- numbers as text (CSV, and widths) ---------------------------------- */

/* v / 10^scale exactly, with at least min_dec and at most scale decimals
 * (trailing zeros beyond min_dec dropped). */
static size_t scaled_text(int64_t v, unsigned scale, unsigned min_dec, char *out, size_t cap)
{
	uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t pow = 1;
	for (unsigned i = 0; i < scale; i++)
		pow *= 10;
	uint64_t ip = mag / pow, fp = mag % pow;
	char frac[24] = "";
	if (scale) {
		snprintf(frac, sizeof frac, "%0*llu", (int)scale, (unsigned long long)fp);
		size_t n = scale;
		while (n > min_dec && frac[n - 1] == '0')
			n--;
		frac[n] = '\0';
	}
	int n = snprintf(out, cap, "%s%llu%s%s", v < 0 ? "-" : "", (unsigned long long)ip,
			 frac[0] ? "." : "", frac);
	return n < 0 ? 0 : (size_t)n;
}

static unsigned amount_scale(enum sheet_fmt f)
{
	return f == SHEET_FMT_YI ? 8 : f == SHEET_FMT_YUAN ? 0 : 4;
}

/* ---- CSV --------------------------------------------------------------- */

/* A text Excel would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe, unless it is a plain number such as "-5" or just "-". */
static bool formula_like(const char *s)
{
	if (s[0] == '=' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
		return true;
	if (s[0] != '+' && s[0] != '-')
		return false;
	if (!s[1])
		return false;
	const char *p = s + 1;
	bool digits = false;
	while ((*p >= '0' && *p <= '9') || *p == '.')
		digits = digits || *p != '.', p++;
	return !(digits && !*p);
}

static void csv_field(struct sheet_writer *w, const char *s, size_t len, bool text)
{
	bool ok = true;
	if (w->col > 0)
		ok = buf_append(&w->csv, ",", 1);
	bool guard = text && len && formula_like(s);
	bool quote = guard || memchr(s, ',', len) || memchr(s, '"', len) || memchr(s, '\n', len) ||
		     memchr(s, '\r', len) || (len && (s[0] == ' ' || s[len - 1] == ' '));
	if (quote)
		ok = ok && buf_append(&w->csv, "\"", 1);
	if (guard)
		ok = ok && buf_append(&w->csv, "'", 1);
	for (size_t i = 0; i < len && ok; i++) {
		const char *q = memchr(s + i, '"', len - i);
		size_t n = q ? (size_t)(q - (s + i)) + 1 : len - i;
		ok = buf_append(&w->csv, s + i, n) && (!q || buf_append(&w->csv, "\"", 1));
		i += n - 1;
	}
	if (quote)
		ok = ok && buf_append(&w->csv, "\"", 1);
	if (!ok)
		wfail(w, G_ERR_TOOLARGE, "导出内容过大", "the export is too large");
}

/* ---- XLSX formats ------------------------------------------------------ */

static lxw_format *num_format(struct sheet_writer *w, const char *code)
{
	lxw_format *f = workbook_add_format(w->wb);
	format_set_num_format(f, code);
	return f;
}

static lxw_format *decimal_format(struct sheet_writer *w, unsigned scale)
{
	if (scale > 8)
		scale = 8;
	if (!w->f_dec[scale]) {
		char code[32] = "#,##0";
		if (scale) {
			size_t n = strlen(code);
			code[n++] = '.';
			for (unsigned i = 0; i < scale; i++)
				code[n++] = '0';
			code[n] = '\0';
		}
		w->f_dec[scale] = num_format(w, code);
	}
	return w->f_dec[scale];
}

static void make_formats(struct sheet_writer *w)
{
	w->f_title = workbook_add_format(w->wb);
	format_set_bold(w->f_title);
	format_set_font_size(w->f_title, 14);
	format_set_align(w->f_title, LXW_ALIGN_CENTER);
	format_set_align(w->f_title, LXW_ALIGN_VERTICAL_CENTER);

	w->f_head = workbook_add_format(w->wb);
	format_set_bold(w->f_head);
	format_set_bg_color(w->f_head, 0xD9E1F2);
	format_set_border(w->f_head, LXW_BORDER_THIN);
	format_set_align(w->f_head, LXW_ALIGN_CENTER);
	format_set_align(w->f_head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(w->f_head);

	w->f_head_req = workbook_add_format(w->wb);
	format_set_bold(w->f_head_req);
	format_set_font_color(w->f_head_req, 0xC00000);
	format_set_bg_color(w->f_head_req, 0xD9E1F2);
	format_set_border(w->f_head_req, LXW_BORDER_THIN);
	format_set_align(w->f_head_req, LXW_ALIGN_CENTER);
	format_set_align(w->f_head_req, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(w->f_head_req);

	w->f_bold = workbook_add_format(w->wb);
	format_set_bold(w->f_bold);
	w->f_text = num_format(w, "@");
	w->f_int = num_format(w, "0");
	w->f_date = num_format(w, "yyyy-mm-dd");
}

/* ---- the writer -------------------------------------------------------- */

gcode sheet_writer_new(struct sheet_writer **out, enum sheet_format fmt,
		       const struct sheet_write_opts *opts, struct gerror *err)
{
	*out = NULL;
	struct sheet_writer *w = xcalloc(1, sizeof *w);
	w->fmt = fmt == SHEET_CSV ? SHEET_CSV : SHEET_XLSX;
	if (w->fmt == SHEET_CSV) {
		buf_init(&w->csv, CSV_MAX);
		buf_append(&w->csv, "\xEF\xBB\xBF", 3);
		*out = w;
		return G_OK;
	}
	const char *dir = opts && opts->tmpdir ? opts->tmpdir : getenv("TMPDIR");
	if (!dir || !dir[0])
		dir = "/tmp";
	int n = snprintf(w->path, sizeof w->path, "%s/guatu-sheet-XXXXXX.xlsx", dir);
	text_copy(w->tmpdir, sizeof w->tmpdir, dir);
	int fd = n > 0 && (size_t)n < sizeof w->path ? mkstemps(w->path, 5) : -1;
	if (fd < 0) {
		free(w);
		return gerr_set(err, G_ERR_IO, NULL, "无法创建临时文件",
				"cannot create a temporary file");
	}
	close(fd);
	w->have_path = true;
	lxw_workbook_options o = {.constant_memory = LXW_TRUE, .tmpdir = w->tmpdir};
	w->wb = workbook_new_opt(w->path, &o);
	if (!w->wb) {
		unlink(w->path);
		free(w);
		return gerr_set(err, G_ERR_IO, NULL, "无法创建 XLSX 工作簿",
				"cannot create the XLSX workbook");
	}
	make_formats(w);
	*out = w;
	return G_OK;
}

/* Starts a sheet; with mark_required the header of a required column is
 * "*name" in red (templates). */
static gcode begin_sheet(struct sheet_writer *w, const char *name, const char *title,
			 const struct sheet_col *cols, size_t ncols, bool mark_required)
{
	if (w->rc)
		return w->rc;
	w->col = SIZE_MAX; /* no cell position in messages yet */
	if (ncols == 0 || ncols > SHEET_EXCEL_COLS)
		return wfail(w, G_ERR_INTERNAL, "导出列定义无效", "invalid export column table");
	if (w->fmt == SHEET_CSV && w->sheets)
		return wfail(w, G_ERR_INTERNAL, "CSV 只能有一个工作表", "a CSV holds one sheet only");
	apply_widths(w);
	free(w->cols);
	w->cols = xcalloc(ncols, sizeof *w->cols);
	w->ncols = ncols;
	for (size_t i = 0; i < ncols; i++)
		w->cols[i] = (struct wcol){cols[i].fmt, cols[i].scale, 0, NULL};
	w->row = 0;
	w->sheets++;
	if (w->fmt == SHEET_XLSX) {
		w->ws = workbook_add_worksheet(w->wb, name);
		if (!w->ws)
			return wfail(w, G_ERR_INVALID,
				     "工作表名称无效（最多 31 个字符，不能含 []:*?/\\，不能重名）",
				     "invalid sheet name (at most 31 characters, none of []:*?/\\, "
				     "not used twice)");
		if (title && title[0]) {
			lxw_error e = ncols > 1 ? worksheet_merge_range(w->ws, 0, 0, 0,
									(lxw_col_t)(ncols - 1),
									title, w->f_title)
						: worksheet_write_string(w->ws, 0, 0, title,
									 w->f_title);
			if (e)
				return lxw_failed(w, e);
			worksheet_set_row(w->ws, 0, 28, NULL);
			w->row = 1;
		}
	}
	char star[256];
	for (size_t i = 0; i < ncols; i++) {
		const char *h = cols[i].names[0] ? cols[i].names[0] : cols[i].key;
		bool req = mark_required && cols[i].required;
		if (req) {
			snprintf(star, sizeof star, "*%s", h);
			h = star;
		}
		w->col = i;
		widen(w, text_width(h, strlen(h)) + 1);
		if (w->fmt == SHEET_CSV) {
			csv_field(w, h, strlen(h), true);
			continue;
		}
		lxw_error e = worksheet_write_string(w->ws, (lxw_row_t)w->row, (lxw_col_t)i, h,
						     req ? w->f_head_req : w->f_head);
		if (e)
			return lxw_failed(w, e);
	}
	if (w->fmt == SHEET_XLSX)
		worksheet_freeze_panes(w->ws, (lxw_row_t)(w->row + 1), 0);
	w->col = 0;
	return sheet_end_row(w);
}

gcode sheet_writer_begin(struct sheet_writer *w, const char *name, const char *title,
			 const struct sheet_col *cols, size_t ncols)
{
	return begin_sheet(w, name, title, cols, ncols, false);
}

/* Checks the position before a cell is written. */
static bool cell_ok(struct sheet_writer *w)
{
	if (w->rc)
		return false;
	if (!w->sheets) {
		wfail(w, G_ERR_INTERNAL, "尚未开始工作表", "no sheet begun");
		return false;
	}
	if (w->col >= w->ncols) {
		wfail(w, G_ERR_INTERNAL, "单元格多于列数", "more cells than columns");
		return false;
	}
	return true;
}

static gcode next_cell(struct sheet_writer *w, lxw_error e)
{
	if (e)
		return lxw_failed(w, e);
	w->col++;
	return G_OK;
}

gcode sheet_put_empty(struct sheet_writer *w)
{
	if (!cell_ok(w))
		return w->rc;
	if (w->fmt == SHEET_CSV)
		csv_field(w, "", 0, false);
	return next_cell(w, LXW_NO_ERROR);
}

gcode sheet_put_text(struct sheet_writer *w, const char *s)
{
	if (!s || !s[0])
		return sheet_put_empty(w);
	if (!cell_ok(w))
		return w->rc;
	size_t len = strlen(s);
	if (!sheet_utf8_valid((const unsigned char *)s, len, NULL))
		return wfail(w, G_ERR_INVALID, "文本不是有效的 UTF-8", "text is not valid UTF-8");
	widen(w, text_width(s, len));
	if (w->fmt == SHEET_CSV) {
		csv_field(w, s, len, true);
		return next_cell(w, LXW_NO_ERROR);
	}
	return next_cell(w, worksheet_write_string(w->ws, (lxw_row_t)w->row, (lxw_col_t)w->col, s,
						   NULL));
}

/* A number shown as v / 10^scale: exact text for CSV, a double for XLSX. */
static gcode put_scaled(struct sheet_writer *w, int64_t v, unsigned scale, unsigned min_dec,
			lxw_format *f)
{
	char text[48];
	size_t n = scaled_text(v, scale, min_dec, text, sizeof text);
	widen(w, n + n / 3);
	if (w->fmt == SHEET_CSV) {
		csv_field(w, text, n, false);
		return next_cell(w, LXW_NO_ERROR);
	}
	double div = 1;
	for (unsigned i = 0; i < scale; i++)
		div *= 10; /* exact up to 10^22 */
	double d = (double)v / div;
	return next_cell(w, worksheet_write_number(w->ws, (lxw_row_t)w->row, (lxw_col_t)w->col, d,
						   f));
}

gcode sheet_put_int(struct sheet_writer *w, int64_t v)
{
	if (!cell_ok(w))
		return w->rc;
	return put_scaled(w, v, 0, 0, w->f_int);
}

gcode sheet_put_decimal(struct sheet_writer *w, int64_t v, unsigned scale)
{
	if (!cell_ok(w))
		return w->rc;
	if (scale > 8)
		return wfail(w, G_ERR_INTERNAL, "小数位数过多", "too many decimals");
	return put_scaled(w, v, scale, scale, w->fmt == SHEET_XLSX ? decimal_format(w, scale) : NULL);
}

gcode sheet_put_amount(struct sheet_writer *w, int64_t yuan)
{
	if (!cell_ok(w))
		return w->rc;
	enum sheet_fmt f = w->cols[w->col].fmt;
	if (f != SHEET_FMT_YI && f != SHEET_FMT_YUAN)
		f = SHEET_FMT_WAN;
	unsigned scale = amount_scale(f), shown = f == SHEET_FMT_YUAN ? 0 : 2;
	return put_scaled(w, yuan, scale, shown,
			  w->fmt == SHEET_XLSX ? decimal_format(w, shown) : NULL);
}

gcode sheet_put_date(struct sheet_writer *w, int32_t days)
{
	if (!cell_ok(w))
		return w->rc;
	if (days < DAYS_MIN || days > DAYS_MAX)
		return wfail(w, G_ERR_INVALID, "日期超出范围（1900-03-01 至 9999-12-31）",
			     "date out of range (1900-03-01 to 9999-12-31)");
	widen(w, 10);
	if (w->fmt == SHEET_CSV) {
		char iso[11];
		sheet_days_iso(days, iso);
		csv_field(w, iso, 10, false);
		return next_cell(w, LXW_NO_ERROR);
	}
	return next_cell(w, worksheet_write_number(w->ws, (lxw_row_t)w->row, (lxw_col_t)w->col,
						   (double)days + EXCEL_DATE_OFFSET, w->f_date));
}

gcode sheet_put_bool(struct sheet_writer *w, bool v)
{
	return sheet_put_text(w, v ? "是" : "否");
}

gcode sheet_end_row(struct sheet_writer *w)
{
	if (w->rc)
		return w->rc;
	if (w->fmt == SHEET_CSV) {
		if (!buf_append(&w->csv, "\r\n", 2))
			return wfail(w, G_ERR_TOOLARGE, "导出内容过大", "the export is too large");
	} else if (w->row + 1 >= SHEET_EXCEL_ROWS) {
		return wfail(w, G_ERR_TOOLARGE, "超过 Excel 的 1048576 行上限，请分批导出",
			     "more than Excel's 1048576 rows: export in parts");
	}
	w->row++;
	w->col = 0;
	return G_OK;
}

/* Where finished bytes go: a buffer or a file descriptor. */
struct sink {
	struct buf *out;
	int fd;
};

static gcode sink_put(struct sheet_writer *w, const struct sink *k, const char *p, size_t n)
{
	if (k->out) {
		if (!buf_append(k->out, p, n))
			return wfail(w, G_ERR_TOOLARGE, "导出文件过大", "the export file is too large");
		return G_OK;
	}
	while (n) {
		ssize_t m = write(k->fd, p, n);
		if (m < 0 && errno == EINTR)
			continue;
		if (m <= 0)
			return wfail(w, G_ERR_IO, "写出导出文件失败", "writing the export file failed");
		p += m;
		n -= (size_t)m;
	}
	return G_OK;
}

static gcode copy_back(struct sheet_writer *w, const struct sink *k)
{
	int fd = open(w->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return wfail(w, G_ERR_IO, "无法读取生成的 XLSX", "cannot read the XLSX made");
	char chunk[64 * 1024];
	gcode rc = G_OK;
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = wfail(w, G_ERR_IO, "无法读取生成的 XLSX", "cannot read the XLSX made");
			break;
		}
		if (n == 0 || (rc = sink_put(w, k, chunk, (size_t)n)))
			break;
	}
	close(fd);
	return rc;
}

static gcode finish(struct sheet_writer *w, const struct sink *k, struct gerror *err)
{
	gcode rc = w->rc;
	if (!rc && !w->sheets)
		rc = wfail(w, G_ERR_INTERNAL, "没有写入任何工作表", "no sheet was written");
	if (!rc && w->fmt == SHEET_CSV) {
		rc = sink_put(w, k, w->csv.p, w->csv.len);
	} else if (!rc) {
		apply_widths(w);
		lxw_error e = workbook_close(w->wb);
		w->wb = NULL;
		rc = e ? lxw_failed(w, e) : copy_back(w, k);
	}
	if (rc && err)
		*err = w->err;
	return rc;
}

gcode sheet_writer_finish(struct sheet_writer *w, struct buf *out, struct gerror *err)
{
	const struct sink k = {.out = out, .fd = -1};
	return finish(w, &k, err);
}

gcode sheet_writer_finish_fd(struct sheet_writer *w, int fd, struct gerror *err)
{
	const struct sink k = {.out = NULL, .fd = fd};
	return finish(w, &k, err);
}

void sheet_writer_free(struct sheet_writer *w)
{
	if (!w)
		return;
	if (w->wb)
		lxw_workbook_free(w->wb);
	if (w->have_path)
		unlink(w->path);
	buf_free(&w->csv);
	free(w->cols);
	free(w);
}

/* ---- templates --------------------------------------------------------- */

static const char *fmt_text(const struct sheet_col *c, char *tmp, size_t cap)
{
	switch (c->fmt) {
	case SHEET_FMT_INT:
		return "整数";
	case SHEET_FMT_DECIMAL:
		snprintf(tmp, cap, "数字，最多 %u 位小数", c->scale);
		return tmp;
	case SHEET_FMT_WAN:
		return "金额（万元）";
	case SHEET_FMT_YI:
		return "金额（亿元）";
	case SHEET_FMT_YUAN:
		return "金额（元）";
	case SHEET_FMT_DATE:
		return "日期，如 2024-03-01";
	case SHEET_FMT_BOOL:
		return "是 / 否";
	case SHEET_FMT_TEXT:
		break;
	}
	return "文本";
}

/* "YYYY-MM-DD" exactly, to days since 1970-01-01. */
static bool iso_days(const char *s, int32_t *days)
{
	static const char shape[] = "dddd-dd-dd";
	for (size_t i = 0; i < sizeof shape; i++) {
		bool ok = shape[i] == 'd' ? s[i] >= '0' && s[i] <= '9' : s[i] == shape[i];
		if (!ok)
			return false;
	}
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	/* days from civil (proleptic Gregorian) */
	int64_t yy = y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*days = (int32_t)(era * 146097 + doe - 719468);
	return true;
}

static gcode put_example(struct sheet_writer *w, const struct sheet_col *c)
{
	const char *ex = c->example;
	if (!ex || !ex[0])
		return sheet_put_empty(w);
	int32_t days;
	if (c->fmt == SHEET_FMT_DATE && iso_days(ex, &days))
		return sheet_put_date(w, days);
	if (c->fmt != SHEET_FMT_TEXT && c->fmt != SHEET_FMT_DATE && c->fmt != SHEET_FMT_BOOL) {
		char *end;
		errno = 0;
		double v = strtod(ex, &end);
		if (!errno && !*end && end != ex && isfinite(v) && cell_ok(w)) {
			widen(w, strlen(ex));
			lxw_format *f = c->fmt == SHEET_FMT_INT ? w->f_int
					: c->fmt == SHEET_FMT_DECIMAL ? decimal_format(w, c->scale)
					: c->fmt == SHEET_FMT_YUAN   ? decimal_format(w, 0)
								     : decimal_format(w, 2);
			return next_cell(w, worksheet_write_number(w->ws, (lxw_row_t)w->row,
								   (lxw_col_t)w->col, v, f));
		}
	}
	return sheet_put_text(w, ex);
}

/* Text columns typed as text, so 0012 keeps its zeros; dates as dates. */
static void column_formats(struct sheet_writer *w, const struct sheet_schema *sc, size_t data_row)
{
	for (size_t i = 0; i < sc->ncols; i++) {
		const struct sheet_col *c = &sc->cols[i];
		w->cols[i].colfmt = c->fmt == SHEET_FMT_TEXT ? w->f_text
				    : c->fmt == SHEET_FMT_DATE ? w->f_date
							       : NULL;
		if (!c->choices || !c->choices[0])
			continue;
		lxw_data_validation dv = {
			.validate = LXW_VALIDATION_TYPE_LIST,
			.value_list = (char **)c->choices,
			.show_error = LXW_VALIDATION_ON,
			.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING,
		};
		/* A list over Excel's 255 characters is left without a drop-down. */
		worksheet_data_validation_range(w->ws, (lxw_row_t)data_row, (lxw_col_t)i,
						SHEET_EXCEL_ROWS - 1, (lxw_col_t)i, &dv);
	}
}

static const struct sheet_col help_cols[] = {
	{.key = "column", .names = {"列名"}},
	{.key = "required", .names = {"是否必填"}},
	{.key = "format", .names = {"格式"}},
	{.key = "example", .names = {"示例"}},
	{.key = "choices", .names = {"可选值"}},
	{.key = "note", .names = {"说明"}},
};

static void write_help(struct sheet_writer *w, const struct sheet_schema *sc, size_t data_row)
{
	char tmp[64], choices[512], line[256];
	begin_sheet(w, "说明", "填写说明", help_cols, sizeof help_cols / sizeof help_cols[0],
		    false);
	for (size_t i = 0; i < sc->ncols; i++) {
		const struct sheet_col *c = &sc->cols[i];
		size_t n = 0;
		choices[0] = '\0';
		for (size_t k = 0; c->choices && c->choices[k]; k++) {
			int a = snprintf(choices + n, sizeof choices - n, "%s%s", k ? "、" : "",
					 c->choices[k]);
			if (a < 0 || (size_t)a >= sizeof choices - n)
				break;
			n += (size_t)a;
		}
		sheet_put_text(w, c->names[0] ? c->names[0] : c->key);
		sheet_put_text(w, c->required ? "必填" : "选填");
		sheet_put_text(w, fmt_text(c, tmp, sizeof tmp));
		sheet_put_text(w, c->example);
		sheet_put_text(w, choices);
		sheet_put_text(w, c->note);
		sheet_end_row(w);
	}
	sheet_end_row(w);
	snprintf(line, sizeof line,
		 "1. 列名前带 * 的为必填列；列的顺序可以调整，列名请勿修改。");
	sheet_put_text(w, line);
	sheet_end_row(w);
	snprintf(line, sizeof line,
		 "2. 请从第%zu行起每行填写一条记录；第%zu行是示例，导入时自动跳过，也可删除。",
		 data_row + 1, data_row + 1);
	sheet_put_text(w, line);
	sheet_end_row(w);
	sheet_put_text(w, "3. 可以保存为 .xlsx，或保存为 CSV（UTF-8 或 GBK 编码均可）后导入。");
	sheet_end_row(w);
}

gcode sheet_template(const struct sheet_schema *sc, const struct sheet_write_opts *opts,
		     struct buf *out, struct gerror *err)
{
	struct sheet_writer *w = NULL;
	gcode rc = sheet_writer_new(&w, SHEET_XLSX, opts, err);
	if (rc)
		return rc;
	const char *title = sc->title && sc->title[0] ? sc->title : "导入模板";
	char head[128];
	snprintf(head, sizeof head, "%s导入模板", title);
	begin_sheet(w, title, head, sc->cols, sc->ncols, true);
	size_t data_row = w->row;
	for (size_t i = 0; i < sc->ncols; i++)
		put_example(w, &sc->cols[i]);
	sheet_end_row(w);
	if (!w->rc)
		column_formats(w, sc, data_row);
	write_help(w, sc, data_row);
	rc = sheet_writer_finish(w, out, err);
	sheet_writer_free(w);
	return rc;
}
