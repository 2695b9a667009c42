/* Indicator values from the spreadsheets statistics bureaus send, all rows
 * or none, with a dry run and row-by-row errors. Two layouts, told from the
 * header: A — one region, rows are indicators (指标 | 本月 | 累计 | 同比增长);
 * B — one indicator, rows are regions (地区 | 累计 | 同比增长). Units come
 * from the header ("累计（亿元）"), a 单位 column or a bracket after the
 * indicator's name. Shared by the API and the CLI. */
#ifndef GUATU_API_ECON_IO_H
#define GUATU_API_ECON_IO_H
#include <jansson.h>
#include <stdbool.h>

#include "api/econ.h"
#include "domain/scope.h"
#include "io/sheet.h"

/* Layout A (one region, rows = indicators), for the template. */
extern const struct sheet_schema econ_sheet;

/* What the sheet may not say itself; NULL members are read from its
 * title ("朝阳区2023年1-6月主要经济指标") when they can be. */
struct econ_import_ctx {
	const char *region;    /* layout A */
	const char *indicator; /* layout B: a code or a name */
	const char *period;    /* "2023-06" */
};

/* Imports every row or none, as drafts entered by w (inside a transaction
 * of its own). who limits the regions rows may name (NULL: the operator,
 * any region). *report (caller frees): {dry_run, committed, layout, region,
 * indicator, period, rows, created, updated, unchanged, skipped,
 * error_count, errors: [{row, column, field, message_zh, message_en}] (the
 * first 200), warnings}. G_ERR_INVALID when any row is wrong (nothing
 * written), or the file's own error when it cannot be read. */
gcode econ_import(const struct econ_writer *w, const struct principal *who, const void *data,
		  size_t len, const struct econ_import_ctx *ctx, bool dry_run, json_t **report,
		  struct gerror *e);

#endif
