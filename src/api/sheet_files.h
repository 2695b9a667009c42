/* What every spreadsheet route shares (enterprises_files.c,
 * projects_files.c): the format parameter, the file answer, and the answer
 * of an import with its row-by-row report. */
#ifndef GUATU_API_SHEET_FILES_H
#define GUATU_API_SHEET_FILES_H
#include <jansson.h>
#include <stdbool.h>

#include "api/api.h"
#include "base/buf.h"
#include "io/sheet.h"

/* format=xlsx (default) or csv; 400 naming "format" otherwise. */
gcode api_sheet_format(struct api_req *rq, enum sheet_format *fmt, struct gerror *e);
/* dry_run=1 (anything but absent, 0 or false). */
bool api_dry_run(struct api_req *rq);
/* 400 naming "file" for an empty upload. */
gcode api_upload_present(struct api_req *rq, struct gerror *e);
/* Answers b (taken) as an attachment (disposition is static text), or
 * frees it and returns rc when rc failed. */
gcode api_send_sheet(struct api_resp *rs, gcode rc, struct buf *b, enum sheet_format fmt,
		     const char *disposition);
/* api_import_reply (api.h) answers an import. */

#endif
