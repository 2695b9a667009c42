/* guatu gen: major projects at city scale — departments and 包保 leaders
 * of each unit, projects in every stage with procedures, the 倒排工期
 * milestones, twelve months of monthly reports and problems. Rows go in by
 * db_copy (COPY on PostgreSQL) with ids assigned here, so milestones can
 * name their predecessors without reading ids back. */
#ifndef GUATU_CLI_GEN_PROJECTS_H
#define GUATU_CLI_GEN_PROJECTS_H
#include <stdint.h>

#include "base/err.h"
#include "store/db.h"

struct gen_plan {
	int cities, units;
	const char *const *unit_suffixes; /* "02", "03", … of each unit code 22CCxx */
	int64_t projects;                 /* per city */
	int64_t enterprises;              /* per city, ids first_enterprise … in city order */
	int64_t first_enterprise;
	uint64_t seed;
	int32_t today;                    /* proj_date days (China time) */
	int64_t now;                      /* unix seconds for created_at */
};

/* What was written, for the progress lines and the audit record. */
struct gen_counts {
	int64_t projects, procedures, milestones, reports, problems, users;
	int64_t indicator_values, indicator_targets; /* gen_econ.c */
};

gcode gen_projects(struct db *c, const struct gen_plan *p, struct gen_counts *n,
		   struct gerror *e);

#endif
