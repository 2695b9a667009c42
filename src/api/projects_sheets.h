/* The XLSX (导出Excel) of the rates, the campaign and the ledgers, written
 * from the same JSON the API answers, through the io sheet writer. */
#ifndef GUATU_API_PROJECTS_SHEETS_H
#define GUATU_API_PROJECTS_SHEETS_H
#include <jansson.h>

#include "base/buf.h"
#include "base/err.h"

gcode sheets_rates(const json_t *rates, struct buf *out, struct gerror *e);
gcode sheets_campaign(const json_t *campaign, struct buf *out, struct gerror *e);
gcode sheets_ledgers(const json_t *ledgers, struct buf *out, struct gerror *e);

#endif
