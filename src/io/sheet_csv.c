/* CSV: the encoding (UTF-8 with or without BOM, UTF-16 with BOM, else
 * GB18030, a superset of GBK and GB2312) and the delimiter are found from
 * the bytes; libcsv splits records. The text is fed to libcsv a line at a
 * time so that each feed completes at most one record and blank lines can
 * be counted: row numbers are records, as Excel numbers a CSV's rows. */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "io/sheet_internal.h"

/* Longest piece of a line handed to libcsv at once, so that an overlong
 * field is caught before libcsv has buffered much more than the limit. */
#define FEED_CHUNK (64 * 1024)
/* Lines looked at to choose the delimiter. */
#define SNIFF_LINES 10
#define SNIFF_BYTES (64 * 1024)
/* libcsv's parser state "inside a field" (struct csv_parser.pstate): with
 * .quoted set at the end of the input, a quote was never closed. */
#define LIBCSV_FIELD_BEGUN 2

struct csv_state {
	struct sheet_reader *r;
	const char *p;
	size_t len, pos;
	char *conv; /* text converted to UTF-8, when it was not */
	struct csv_parser cp;
	bool cp_ready;
	size_t rec; /* records finished, blank lines included */
	size_t col; /* field index within the record */
	bool in_row, row_ready, mid, done;
	gcode rc; /* first error met in a callback */
	struct gerror *err;
};

static size_t line_of(const unsigned char *p, size_t at)
{
	size_t n = 1;
	for (size_t i = 0; i < at; i++)
		n += p[i] == '\n';
	return n;
}

/* Converts in[0..len) from `from` to UTF-8; *bad_at is where it failed. */
static bool convert(const char *from, const unsigned char *in, size_t len, char **out,
		    size_t *out_len, size_t *bad_at)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		*bad_at = 0;
		return false;
	}
	/* Every encoding here needs at most 3 UTF-8 bytes per 2 input bytes. */
	size_t cap = len / 2 * 3 + 16;
	char *buf = xmalloc(cap);
	char *ip = (char *)in, *op = buf;
	size_t ileft = len, oleft = cap - 1;
	size_t rc = iconv(cd, &ip, &ileft, &op, &oleft);
	if (rc != (size_t)-1)
		rc = iconv(cd, NULL, NULL, &op, &oleft);
	iconv_close(cd);
	if (rc == (size_t)-1) {
		*bad_at = len - ileft;
		free(buf);
		return false;
	}
	*op = '\0';
	*out_len = (size_t)(op - buf);
	*out = buf;
	return true;
}

static gcode decode(struct sheet_reader *r, struct csv_state *cs, const unsigned char *p,
		    size_t len, struct gerror *err)
{
	char zh[256], en[256];
	size_t bad = 0;
	const char *from = NULL;
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		r->encoding = "UTF-8 BOM";
		p += 3, len -= 3;
		if (!sheet_utf8_valid(p, len, &bad)) {
			snprintf(zh, sizeof zh,
				 "文件标明为 UTF-8 编码，但第%zu行含有不是 UTF-8 的字节",
				 line_of(p, bad));
			snprintf(en, sizeof en,
				 "the file is marked as UTF-8 but line %zu holds bytes that are "
				 "not UTF-8",
				 line_of(p, bad));
			return gerr_set(err, G_ERR_INVALID, "file", zh, en);
		}
	} else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		r->encoding = "UTF-16LE";
		from = "UTF-16LE";
		p += 2, len -= 2;
	} else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		r->encoding = "UTF-16BE";
		from = "UTF-16BE";
		p += 2, len -= 2;
	} else if (sheet_utf8_valid(p, len, &bad)) {
		r->encoding = "UTF-8";
	} else {
		r->encoding = "GB18030";
		from = "GB18030";
	}
	if (from) {
		size_t n = 0;
		if (!convert(from, p, len, &cs->conv, &n, &bad)) {
			if (!strcmp(from, "GB18030")) {
				snprintf(zh, sizeof zh,
					 "无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030（第%zu行"
					 "有无法识别的字节）。请另存为“CSV UTF-8”后再导入",
					 line_of(p, bad));
				snprintf(en, sizeof en,
					 "unknown text encoding: neither UTF-8 nor GBK/GB18030 (line "
					 "%zu holds bytes of neither); save the file as CSV UTF-8",
					 line_of(p, bad));
			} else {
				snprintf(zh, sizeof zh, "文件标明为 %s 编码，但第%zu个字节起无法解码",
					 from, bad + 1);
				snprintf(en, sizeof en,
					 "the file is marked as %s but cannot be decoded from byte "
					 "%zu",
					 from, bad + 1);
			}
			return gerr_set(err, G_ERR_INVALID, "file", zh, en);
		}
		cs->p = cs->conv;
		cs->len = n;
	} else {
		cs->p = (const char *)p;
		cs->len = len;
	}
	const char *nul = memchr(cs->p, '\0', cs->len);
	if (nul) {
		size_t line = line_of((const unsigned char *)cs->p, (size_t)(nul - cs->p));
		snprintf(zh, sizeof zh, "第%zu行含有空字符（NUL）：这不是文本文件", line);
		snprintf(en, sizeof en, "line %zu holds a NUL byte: this is not a text file", line);
		return gerr_set(err, G_ERR_INVALID, "file", zh, en);
	}
	return G_OK;
}

/* The delimiter that splits the first lines most consistently: for each
 * candidate, the most common non-zero count per line and how many lines
 * have it. Quoted text is skipped. */
static char sniff(const char *p, size_t len)
{
	static const char cand[] = {',', '\t', ';'};
	enum { NC = sizeof cand };
	size_t counts[NC][SNIFF_LINES] = {{0}}, cur[NC] = {0}, lines = 0;
	size_t lim = len < SNIFF_BYTES ? len : SNIFF_BYTES;
	bool quoted = false, any = false;
	for (size_t i = 0; i < lim && lines < SNIFF_LINES; i++) {
		char c = p[i];
		if (c == '"') {
			quoted = !quoted;
		} else if (quoted) {
			continue;
		} else if (c == '\n' || (c == '\r' && (i + 1 >= len || p[i + 1] != '\n'))) {
			for (size_t k = 0; k < NC; k++)
				counts[k][lines] = cur[k], cur[k] = 0;
			lines++;
			any = false;
		} else {
			any = true;
			for (size_t k = 0; k < NC; k++)
				cur[k] += c == cand[k];
		}
	}
	if (lines < SNIFF_LINES && lim == len && any) {
		for (size_t k = 0; k < NC; k++)
			counts[k][lines] = cur[k];
		lines++;
	}
	char best = ',';
	size_t best_lines = 0, best_count = 0;
	for (size_t k = 0; k < NC; k++) {
		size_t mode = 0, mode_lines = 0;
		for (size_t i = 0; i < lines; i++) {
			size_t v = counts[k][i], same = 0;
			if (!v)
				continue;
			for (size_t j = 0; j < lines; j++)
				same += counts[k][j] == v;
			if (same > mode_lines || (same == mode_lines && v > mode))
				mode = v, mode_lines = same;
		}
		if (mode_lines > best_lines || (mode_lines == best_lines && mode > best_count)) {
			best = cand[k];
			best_lines = mode_lines;
			best_count = mode;
		}
	}
	return best;
}

static void on_field(void *s, size_t len, void *data)
{
	struct csv_state *cs = data;
	if (cs->rc)
		return;
	if (!cs->in_row) {
		rowb_reset(&cs->r->rb, cs->rec + 1);
		cs->in_row = true;
		cs->col = 0;
	}
	cs->rc = rowb_set(&cs->r->rb, cs->col, s ? s : "", len, len ? SHEET_STRING : SHEET_EMPTY,
			  cs->err);
	cs->col++;
}

static void on_row(int term, void *data)
{
	struct csv_state *cs = data;
	(void)term;
	if (cs->rc)
		return;
	if (!cs->in_row)
		rowb_reset(&cs->r->rb, cs->rec + 1);
	cs->rec++;
	cs->in_row = false;
	cs->col = 0;
	cs->row_ready = true;
}

static int never_space(unsigned char c)
{
	(void)c;
	return 0; /* keep blanks around fields: they are data */
}

/* End of the next piece to feed: after a line break (CRLF, LF or a lone
 * CR), or FEED_CHUNK bytes on. */
static size_t piece_end(const char *p, size_t len, size_t pos)
{
	size_t lim = len - pos < FEED_CHUNK ? len : pos + FEED_CHUNK;
	const char *nl = memchr(p + pos, '\n', lim - pos);
	size_t stop = nl ? (size_t)(nl - p) : lim;
	const char *cr = memchr(p + pos, '\r', stop - pos);
	if (cr) {
		size_t i = (size_t)(cr - p);
		return i + 1 < len && p[i + 1] == '\n' ? i + 2 : i + 1;
	}
	return nl ? stop + 1 : lim;
}

static bool newline_only(const char *s, size_t n)
{
	return (n == 1 && (s[0] == '\n' || s[0] == '\r')) ||
	       (n == 2 && s[0] == '\r' && s[1] == '\n');
}

static gcode too_long(struct csv_state *cs, struct gerror *err)
{
	char zh[200], en[200];
	size_t kib = cs->r->lim.max_cell / 1024;
	bool q = cs->cp.quoted;
	snprintf(zh, sizeof zh, "单元格内容超过 %zu KiB%s", kib, q ? "（可能是引号未闭合）" : "");
	snprintf(en, sizeof en, "cell longer than %zu KiB%s", kib,
		 q ? " (perhaps a quote is not closed)" : "");
	return sheet_err_at(err, G_ERR_TOOLARGE, cs->rec + 1, cs->col, zh, en);
}

static gcode csv_next(struct sheet_reader *r, const struct sheet_row **row, struct gerror *err)
{
	struct csv_state *cs = r->state;
	cs->err = err;
	while (!cs->row_ready) {
		if (cs->done)
			return G_OK;
		if (cs->pos >= cs->len) {
			if (cs->cp.pstate == LIBCSV_FIELD_BEGUN && cs->cp.quoted)
				return sheet_err_at(err, G_ERR_INVALID, cs->rec + 1, cs->col,
						    "引号未闭合：以引号开头的单元格直到文件末尾都没有结束引号",
						    "a quoted cell is not closed before the end of the "
						    "file");
			csv_fini(&cs->cp, on_field, on_row, cs);
			cs->done = true;
			if (cs->rc)
				return cs->rc;
			continue;
		}
		size_t end = piece_end(cs->p, cs->len, cs->pos);
		const char *s = cs->p + cs->pos;
		size_t n = end - cs->pos;
		cs->pos = end;
		if (!cs->mid && newline_only(s, n)) {
			cs->rec++; /* a blank line is an empty row in Excel */
			continue;
		}
		size_t used = csv_parse(&cs->cp, s, n, on_field, on_row, cs);
		if (cs->rc)
			return cs->rc;
		if (used != n) {
			char zh[200], en[200];
			const char *why = csv_strerror(csv_error(&cs->cp));
			snprintf(zh, sizeof zh, "无法解析 CSV（%s）", why);
			snprintf(en, sizeof en, "cannot parse the CSV (%s)", why);
			return sheet_err_at(err, G_ERR_INVALID, cs->rec + 1, SIZE_MAX, zh, en);
		}
		cs->mid = !cs->row_ready;
		if (cs->cp.entry_pos > r->lim.max_cell)
			return too_long(cs, err);
	}
	cs->row_ready = false;
	*row = rowb_finish(&r->rb);
	return G_OK;
}

static unsigned csv_progress(const struct sheet_reader *r)
{
	const struct csv_state *cs = r->state;
	return cs->len ? (unsigned)((double)cs->pos * 1000.0 / (double)cs->len) : 1000;
}

static void csv_close(struct sheet_reader *r)
{
	struct csv_state *cs = r->state;
	if (!cs)
		return;
	if (cs->cp_ready)
		csv_free(&cs->cp);
	free(cs->conv);
	free(cs);
	r->state = NULL;
}

static const struct sheet_backend csv_backend = {
	.next = csv_next,
	.progress = csv_progress,
	.free = csv_close,
};

gcode sheet_csv_open(struct sheet_reader *r, const unsigned char *p, size_t len, char delim,
		     struct gerror *err)
{
	struct csv_state *cs = xcalloc(1, sizeof *cs);
	cs->r = r;
	r->state = cs;
	r->be = &csv_backend;
	gcode rc = decode(r, cs, p, len, err);
	if (rc)
		return rc;
	if (delim != ',' && delim != '\t' && delim != ';')
		delim = sniff(cs->p, cs->len);
	r->delim = delim;
	if (csv_init(&cs->cp, CSV_APPEND_NULL) != 0)
		return gerr_set(err, G_ERR_INTERNAL, NULL, "CSV 解析器初始化失败",
				"the CSV parser failed to start");
	cs->cp_ready = true;
	csv_set_delim(&cs->cp, (unsigned char)delim);
	csv_set_space_func(&cs->cp, never_space);
	return G_OK;
}
