/* Versioned schema migrations, one table for both engines. */
#ifndef GUATU_STORE_MIGRATIONS_H
#define GUATU_STORE_MIGRATIONS_H
#include "store/db.h"

/* Applies every migration newer than the database's version, each in its
 * own transaction. Returns the resulting version in *version. */
gcode migrations_apply(struct db *c, int *version, struct gerror *e);
/* Highest version this binary knows. */
int migrations_latest(void);

#endif
