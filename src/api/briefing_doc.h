/* The 经济运行 briefing of a region and period: its figures gathered from
 * the store (published indicator values of the region and its siblings,
 * targets, the projects of the year), composed by domain/briefing.c, and
 * written as JSON (every number with its sources), text, DOCX or PDF.
 * Shared by GET /api/v1/briefing and `guatu report briefing`. */
#ifndef GUATU_API_BRIEFING_DOC_H
#define GUATU_API_BRIEFING_DOC_H
#include <jansson.h>
#include <stdint.h>

#include "base/buf.h"
#include "domain/briefing.h"
#include "store/db.h"

enum brief_format { BFMT_JSON, BFMT_TEXT, BFMT_DOCX, BFMT_PDF, BFMT__COUNT };

struct brief_draft {
	struct briefing b;
	char region[7];
	char region_name[64];
	char period[8]; /* "2023-06" */
	int year, month;
	char date_zh[32]; /* the date line: "2023年7月" (the month after) */
};

/* "json", "text", "docx", "pdf" -> format; -1 when unknown. */
int brief_format_from_code(const char *s);
/* Strict "YYYY-MM" (digits only, year 1949..2199, month 1..12). */
bool brief_period_parse(const char *s, int *year, int *month);
/* The MIME type and file extension of a format. */
const char *brief_format_mime(enum brief_format f);
const char *brief_format_ext(enum brief_format f);

/* Drafts the briefing of region for the cumulative period year-month
 * (only published values count); today (proj_date days) dates the
 * overdue problems. 404 when the region does not exist, 400 naming
 * "period" for a bad one. brief_draft_free releases *out. */
gcode brief_draft_make(struct db *c, const char *region, int year, int month, int32_t today,
		       struct brief_draft *out, struct gerror *e);
void brief_draft_free(struct brief_draft *d);
/* {region, region_name, period, title, date, paragraphs: [{kind, text,
 * numbers: [{text, offset, kind, indicator, sources: [{type, id}]}]}],
 * table: {head, rows}, behind}. */
json_t *brief_draft_json(const struct brief_draft *d);
/* Writes the draft as text, DOCX or PDF into out (JSON: its dump). */
gcode brief_draft_render(const struct brief_draft *d, enum brief_format f, struct buf *out,
			 struct gerror *e);

#endif
