/* What the briefing_*.c files share while gathering a draft. */
#ifndef GUATU_API_BRIEFING_INTERNAL_H
#define GUATU_API_BRIEFING_INTERNAL_H
#include <jansson.h>

#include "api/briefing_doc.h"

/* The projects paragraph's figures and the memory they point into. */
struct brief_proj_hold {
	struct brief_projects p;
	json_t *facts, *problems; /* own the names the lagging list borrows */
	int64_t *ids, *overdue;
	struct brief_lagging *lagging;
	bool present; /* the region has projects in the year's list */
};

/* Gathers the projects of region's plan year as of asof (rates by
 * domain/proj_rates.h), the red then yellow ones as lagging, and the open
 * problems of those projects past their deadline at today. */
gcode brief_gather_projects(struct db *c, const char *region, int year, int32_t asof,
			    int32_t today, struct brief_proj_hold *h, struct gerror *e);
void brief_proj_hold_free(struct brief_proj_hold *h);

#endif
