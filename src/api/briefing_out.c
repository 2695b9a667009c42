/* A drafted briefing out: JSON with every number's sources, plain text,
 * DOCX and PDF (io/report.h). */
#include <stdlib.h>
#include <string.h>

#include "api/briefing_doc.h"
#include "base/mem.h"
#include "base/text.h"
#include "io/report.h"

static const char *const codes[BFMT__COUNT] = { "json", "text", "docx", "pdf" };
static const char *const mimes[BFMT__COUNT] = {
	"application/json", "text/plain; charset=utf-8",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/pdf"
};
static const char *const exts[BFMT__COUNT] = { "json", "txt", "docx", "pdf" };

int brief_format_from_code(const char *s)
{
	for (int i = 0; s && i < BFMT__COUNT; i++)
		if (!strcmp(s, codes[i]))
			return i;
	return -1;
}

bool brief_period_parse(const char *s, int *year, int *month)
{
	char ys[5] = { 0 }, ms[3] = { 0 };
	int64_t y, m;
	if (!s || strlen(s) != 7 || s[4] != '-')
		return false;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return false;
	memcpy(ys, s, 4);
	memcpy(ms, s + 5, 2);
	if (!text_to_i64(ys, 1949, 2199, &y) || !text_to_i64(ms, 1, 12, &m))
		return false;
	*year = (int)y;
	*month = (int)m;
	return true;
}

const char *brief_format_mime(enum brief_format f)
{
	return (unsigned)f < BFMT__COUNT ? mimes[f] : "application/octet-stream";
}

const char *brief_format_ext(enum brief_format f)
{
	return (unsigned)f < BFMT__COUNT ? exts[f] : "bin";
}

static json_t *number_json(const struct briefing *b, const struct brief_number *x)
{
	json_t *src = json_array();
	for (size_t i = 0; i < x->n_refs; i++) {
		const struct brief_ref *r = &b->refs[x->ref_first + i];
		json_array_append_new(src, json_pack("{s:s,s:I}", "type",
						     brief_ref_kind_name(r->kind), "id",
						     (json_int_t)r->id));
	}
	return json_pack("{s:s,s:I,s:s,s:s,s:s,s:o}", "text", x->text, "offset",
			 (json_int_t)x->offset, "kind", x->kind, "indicator", x->indicator,
			 "indicator_name", x->indicator_zh, "sources", src);
}

static json_t *table_json(const struct briefing *b)
{
	json_t *head = json_array(), *rows = json_array();
	for (size_t c = 0; c < BRIEF_COLS; c++)
		json_array_append_new(head, json_string(brief_col_zh[c]));
	for (size_t r = 0; r < b->n_rows; r++) {
		json_t *row = json_array();
		for (size_t c = 0; c < BRIEF_COLS; c++)
			json_array_append_new(row, json_string(b->rows[r].cell[c]));
		json_array_append_new(rows, row);
	}
	return json_pack("{s:o,s:o}", "head", head, "rows", rows);
}

json_t *brief_draft_json(const struct brief_draft *d)
{
	const struct briefing *b = &d->b;
	json_t *paras = json_array();
	for (size_t p = 0; p < b->n_paras; p++) {
		json_t *nums = json_array();
		for (size_t i = 0; i < b->n_nums; i++)
			if (b->nums[i].para == p)
				json_array_append_new(nums, number_json(b, &b->nums[i]));
		json_array_append_new(paras, json_pack("{s:s,s:s,s:o}", "kind", b->paras[p].kind,
						       "text", b->paras[p].text, "numbers",
						       nums));
	}
	return json_pack("{s:s,s:s,s:s,s:i,s:i,s:s,s:s,s:o,s:o,s:I}", "region", d->region,
			 "region_name", d->region_name, "period", d->period, "year", d->year,
			 "month", d->month, "title", b->title, "date", d->date_zh,
			 "paragraphs", paras, "table", table_json(b), "behind",
			 (json_int_t)b->n_behind);
}

/* The document model over the draft; cells and paras point into it. */
static gcode document(const struct brief_draft *d, enum brief_format f, struct buf *out,
		      struct gerror *e)
{
	const struct briefing *b = &d->b;
	const char **paras = xcalloc(b->n_paras + 1, sizeof *paras);
	const char **cells = xcalloc(b->n_rows * BRIEF_COLS + 1, sizeof *cells);
	for (size_t i = 0; i < b->n_paras; i++)
		paras[i] = b->paras[i].text;
	for (size_t r = 0; r < b->n_rows; r++)
		for (size_t c = 0; c < BRIEF_COLS; c++)
			cells[r * BRIEF_COLS + c] = b->rows[r].cell[c];
	struct report_doc doc = { b->title, d->date_zh, paras, b->n_paras,
				  b->n_rows ? "附：主要经济指标" : NULL,
				  b->n_rows ? (const char *const *)brief_col_zh : NULL,
				  BRIEF_COLS, cells, b->n_rows };
	gcode rc = f == BFMT_DOCX ? report_docx(&doc, out, e) : report_pdf(&doc, out, e);
	free(paras);
	free(cells);
	return rc;
}

gcode brief_draft_render(const struct brief_draft *d, enum brief_format f, struct buf *out,
			 struct gerror *e)
{
	if (f == BFMT_DOCX || f == BFMT_PDF)
		return document(d, f, out, e);
	char *s = NULL;
	if (f == BFMT_JSON) {
		json_t *j = brief_draft_json(d);
		s = json_dumps(j, JSON_INDENT(2));
		json_decref(j);
	} else {
		s = brief_text(&d->b);
	}
	bool ok = s && buf_puts(out, s);
	free(s);
	return ok ? G_OK : gerr_set(e, G_ERR_TOOLARGE, NULL, "文档过大", "the document is too large");
}
