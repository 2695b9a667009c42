/* Documents out: a short report (title, a date or period line, paragraphs,
 * one table of figures) written as DOCX — an Office Open XML package built
 * with libzip, in the layout of a government document (GB/T 9704: 仿宋_GB2312
 * body in 三号, 宋体 title, first lines indented two characters) — or as PDF
 * through cairo and pango with CJK fonts (Noto CJK from Debian). Used by the
 * 经济运行 briefing; any module with text to hand over can use it. */
#ifndef GUATU_IO_REPORT_H
#define GUATU_IO_REPORT_H
#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"

struct report_doc {
	const char *title;    /* "朝阳区2023年上半年经济运行情况" */
	const char *subtitle; /* the date or period line, may be NULL */
	const char *const *paras;
	size_t n_paras;
	const char *table_title; /* a caption above the table, may be NULL */
	const char *const *head; /* n_cols headings; NULL: no table */
	size_t n_cols;
	const char *const *cells; /* n_rows * n_cols, row by row */
	size_t n_rows;
};

/* Appends the document to out as a DOCX package. G_ERR_TOOLARGE when out's
 * limit is reached, G_ERR_IO when libzip fails; out is then reset. */
gcode report_docx(const struct report_doc *d, struct buf *out, struct gerror *e);
/* Appends the document to out as an A4 PDF, paginated, with CJK fonts
 * embedded by cairo. Errors as report_docx. */
gcode report_pdf(const struct report_doc *d, struct buf *out, struct gerror *e);

/* The fonts the PDF asks fontconfig for, first found wins. */
#define REPORT_PDF_FONTS "Noto Serif CJK SC, Noto Sans CJK SC, Source Han Serif SC, serif"

#endif
