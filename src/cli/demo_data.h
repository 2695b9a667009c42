/* The demo database: departments, one account per role and enterprises of
 * Changchun in the style of the seed reports. */
#ifndef GUATU_CLI_DEMO_DATA_H
#define GUATU_CLI_DEMO_DATA_H
#include <stdio.h>

#include "store/db.h"

#define DEMO_PASSWORD "Guatu@2026"

/* Fills a freshly migrated database in one audited transaction.
 * admin_pw (may be NULL: DEMO_PASSWORD) is the administrators' password. */
gcode demo_seed(struct db *c, const char *admin_pw, struct gerror *e);
/* Prints the demo logins. */
void demo_print_logins(FILE *out, const char *admin_pw);

#endif
