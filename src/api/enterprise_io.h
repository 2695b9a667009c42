/* Enterprise registry in and out of spreadsheets: the column table, the
 * all-or-nothing import (with a dry run and row-by-row errors) and the
 * export. Shared by the API and the CLI, so both validate alike. */
#ifndef GUATU_API_ENTERPRISE_IO_H
#define GUATU_API_ENTERPRISE_IO_H
#include <jansson.h>
#include <stdbool.h>

#include "base/buf.h"
#include "domain/scope.h"
#include "io/sheet.h"
#include "store/store.h"

extern const struct sheet_schema enterprise_sheet;

/* Imports every row or none. who limits the regions rows may name (NULL:
 * the operator, any region). *report (caller frees) has rows, created,
 * errors [{row, column, field, message_zh, message_en}] (first 200),
 * error_count and warnings. Returns G_ERR_INVALID when any row is wrong
 * (nothing written), or the file's own error when it cannot be read. */
gcode enterprise_import(struct db *c, const struct actor *a, const struct principal *who,
			const void *data, size_t len, bool dry_run, json_t **report,
			struct gerror *e);

/* Writes the enterprises in [lo,hi] (all of them, at most max_rows) as
 * XLSX or CSV into out. */
gcode enterprise_export(struct db *c, const char *lo, const char *hi, enum sheet_format fmt,
			int64_t max_rows, struct buf *out, struct gerror *e);

#endif
