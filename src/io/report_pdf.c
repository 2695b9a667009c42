/* PDF: cairo's PDF surface written into a buf, text shaped by pango with
 * the CJK fonts fontconfig finds (REPORT_PDF_FONTS), flowed line by line
 * across A4 pages with the margins of GB/T 9704 and a "— n —" page number;
 * the table repeats its heading on each page it spans. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stdio.h>

#include "io/report.h"

#define MM (72.0 / 25.4)
#define PAGE_W (210 * MM)
#define PAGE_H (297 * MM)
#define TOP (37 * MM)
#define BOTTOM (PAGE_H - 35 * MM)
#define LEFT (28 * MM)
#define RIGHT (PAGE_W - 26 * MM)
#define BODY_PT 16
#define TABLE_PT 11
#define CELL_PAD 4.0

struct pdf {
	cairo_t *cr;
	double y; /* where the next line goes */
	int page;
	struct buf *out;
	bool overflow;
};

static cairo_status_t sink(void *closure, const unsigned char *data, unsigned int len)
{
	struct pdf *p = closure;
	if (!buf_append(p->out, data, len)) {
		p->overflow = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *layout(struct pdf *p, const char *text, int pt, bool bold, double width)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	/* Points, not pango's default of 96 dpi: one cairo unit is 1/72 inch. */
	pango_cairo_context_set_resolution(pango_layout_get_context(l), 72);
	pango_layout_context_changed(l);
	PangoFontDescription *f = pango_font_description_from_string(REPORT_PDF_FONTS);
	pango_font_description_set_size(f, pt * PANGO_SCALE);
	pango_font_description_set_weight(f, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, f);
	pango_font_description_free(f);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

static void footer(struct pdf *p)
{
	char num[32];
	snprintf(num, sizeof num, "— %d —", p->page);
	PangoLayout *l = layout(p, num, 12, false, RIGHT - LEFT);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	cairo_move_to(p->cr, LEFT, BOTTOM + 12 * MM);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

static void new_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = TOP;
}

/* Draws a layout's lines from p->y on, breaking pages between lines. */
static void flow(struct pdf *p, PangoLayout *l, double x, double gap_after)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double shift = p->y; /* the layout's top on the current page */
	do {
		PangoRectangle r;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		double top = shift + (double)r.y / PANGO_SCALE, h = (double)r.height / PANGO_SCALE;
		if (top + h > BOTTOM && top > TOP) {
			new_page(p);
			shift = TOP - (double)r.y / PANGO_SCALE;
			top = TOP;
		}
		double base = shift + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		cairo_move_to(p->cr, x + (double)r.x / PANGO_SCALE, base);
		pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
		p->y = top + h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	p->y += gap_after;
}

static void text_block(struct pdf *p, const char *text, int pt, bool bold, bool centre,
		       bool indent, double gap_after)
{
	PangoLayout *l = layout(p, text, pt, bold, RIGHT - LEFT);
	pango_layout_set_spacing(l, (int)(pt * 0.6 * PANGO_SCALE));
	if (centre)
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	else
		pango_layout_set_justify(l, TRUE);
	if (indent)
		pango_layout_set_indent(l, 2 * pt * PANGO_SCALE);
	flow(p, l, LEFT, gap_after);
	g_object_unref(l);
}

/* One row of cells; the row moves to the next page whole (and the heading
 * row is drawn again there) when it does not fit. */
static void row(struct pdf *p, const char *const *cells, size_t n, bool head,
		const struct report_doc *d)
{
	double w = (RIGHT - LEFT) / (double)n, h = 0;
	PangoLayout *ls[16];
	n = n > 16 ? 16 : n;
	for (size_t c = 0; c < n; c++) {
		ls[c] = layout(p, cells[c], TABLE_PT, head, w - 2 * CELL_PAD);
		pango_layout_set_alignment(ls[c], PANGO_ALIGN_CENTER);
		int lw, lh;
		pango_layout_get_size(ls[c], &lw, &lh);
		double ch = (double)lh / PANGO_SCALE + 2 * CELL_PAD;
		h = ch > h ? ch : h;
	}
	if (p->y + h > BOTTOM && !head) {
		new_page(p);
		row(p, d->head, d->n_cols, true, d);
	}
	for (size_t c = 0; c < n; c++) {
		double x = LEFT + w * (double)c;
		if (head) {
			cairo_set_source_rgb(p->cr, 0.9, 0.9, 0.9);
			cairo_rectangle(p->cr, x, p->y, w, h);
			cairo_fill(p->cr);
			cairo_set_source_rgb(p->cr, 0, 0, 0);
		}
		cairo_rectangle(p->cr, x, p->y, w, h);
		cairo_set_line_width(p->cr, 0.6);
		cairo_stroke(p->cr);
		cairo_move_to(p->cr, x + CELL_PAD, p->y + CELL_PAD);
		pango_cairo_show_layout(p->cr, ls[c]);
		g_object_unref(ls[c]);
	}
	p->y += h;
}

static void body(struct pdf *p, const struct report_doc *d)
{
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	text_block(p, d->title, 22, true, true, false, 10);
	if (d->subtitle)
		text_block(p, d->subtitle, BODY_PT, false, true, false, 12);
	for (size_t i = 0; i < d->n_paras; i++)
		text_block(p, d->paras[i], BODY_PT, false, false, true, 4);
	if (!d->head || d->n_cols == 0)
		return;
	if (d->table_title)
		text_block(p, d->table_title, BODY_PT, true, false, false, 6);
	if (p->y + 60 > BOTTOM)
		new_page(p);
	row(p, d->head, d->n_cols, true, d);
	for (size_t r = 0; r < d->n_rows; r++)
		row(p, d->cells + r * d->n_cols, d->n_cols, false, d);
}

gcode report_pdf(const struct report_doc *d, struct buf *out, struct gerror *e)
{
	struct pdf p = { .y = TOP, .page = 1, .out = out };
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(sink, &p, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title ? d->title : "");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "Guatu");
	p.cr = cairo_create(s);
	body(&p, d);
	footer(&p);
	cairo_show_page(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (p.overflow) {
		buf_reset(out);
		return gerr_set(e, G_ERR_TOOLARGE, NULL, "文档过大", "the document is too large");
	}
	if (st != CAIRO_STATUS_SUCCESS) {
		buf_reset(out);
		return gerr_set(e, G_ERR_IO, NULL, "无法生成PDF文件", "cannot write the PDF file");
	}
	return G_OK;
}
