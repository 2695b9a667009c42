/* The year's projects in the caller's scope as facts, shared by the rates,
 * campaign, ledgers and battle map handlers: one query (store_project_facts)
 * after the stale lights are refreshed, then the domain structs. */
#ifndef GUATU_API_PROJECTS_FACTS_H
#define GUATU_API_PROJECTS_FACTS_H
#include <jansson.h>
#include <stddef.h>

#include "api/api.h"
#include "base/buf.h"
#include "domain/proj_rates.h"
#include "io/sheet.h"

struct facts_set {
	int year;
	int32_t asof, today;
	char lo[7], hi[7];
	json_t *rows;         /* store_project_facts rows (one per project) */
	struct proj_fact *f;  /* rows converted, same order */
	size_t n;
};

/* Reads year (default this year) and as_of (default today, at most the
 * year's last day) from the query, and loads the year's projects in scope
 * (staff: their department's; enterprise contacts: those they build),
 * narrowed by leader_id and department_id (0: any). */
gcode facts_load(struct api_req *rq, int64_t leader_id, int64_t department_id,
		 struct facts_set *s, struct gerror *e);
void facts_free(struct facts_set *s);
/* The row of the project with this id, or NULL. */
const json_t *facts_row(const struct facts_set *s, int64_t id);

/* A rate as JSON {done, target, bp, defined}. */
json_t *facts_rate_json(const struct proj_rate *r);
/* ?format=xlsx: true, with 400 for any other value; absent: false. */
gcode facts_want_xlsx(struct api_req *rq, bool *xlsx, struct gerror *e);
/* Sends b as an XLSX attachment; disposition is a static string. */
void facts_attach_xlsx(struct api_resp *rs, struct buf *b, const char *disposition);

#endif
