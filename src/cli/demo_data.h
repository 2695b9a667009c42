/* The demo database: departments, one account per role and enterprises of
 * Changchun in the style of the seed reports. */
#ifndef GUATU_CLI_DEMO_DATA_H
#define GUATU_CLI_DEMO_DATA_H
#include <stdint.h>
#include <stdio.h>

#include "store/db.h"

#define DEMO_PASSWORD "Guatu@2026"

/* Fills a freshly migrated database in one audited transaction.
 * admin_pw (may be NULL: DEMO_PASSWORD) is the administrators' password. */
gcode demo_seed(struct db *c, const char *admin_pw, struct gerror *e);
/* The demo major projects (demo_projects.c), inside demo_seed's transaction;
 * ent_ids are the demo enterprises' ids in table order. */
struct actor;
gcode demo_seed_projects(struct db *c, const struct actor *a, const int64_t *ent_ids,
			 int64_t now, struct gerror *e);
/* The demo economic figures (demo_econ.c), inside demo_seed's transaction. */
gcode demo_seed_econ(struct db *c, const struct actor *a, int64_t now, struct gerror *e);
/* Prints the demo logins. */
void demo_print_logins(FILE *out, const char *admin_pw);

#endif
