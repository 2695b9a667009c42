/* guatu gen: ten years of monthly economic indicators (经济运行) of every
 * generated unit and city, published, with annual targets, by db_copy. */
#ifndef GUATU_CLI_GEN_ECON_H
#define GUATU_CLI_GEN_ECON_H
#include <stdint.h>

#include "cli/gen_projects.h"

/* Regions that already hold indicator values (a demo database) are left
 * alone. *values and *targets: rows written. */
gcode gen_econ(struct db *c, const struct gen_plan *p, int64_t *values, int64_t *targets,
	       struct gerror *e);

#endif
