/* Online, consistent backup and restore of the whole database. */
#ifndef GUATU_STORE_BACKUP_H
#define GUATU_STORE_BACKUP_H
#include "base/err.h"

/* SQLite: VACUUM INTO a new file while the server runs. PostgreSQL:
 * pg_dump --format=custom (one snapshot). FILE must not exist. */
gcode store_backup(const char *url, const char *file, struct gerror *e);
/* SQLite: the backup API copies FILE over the live database in one step.
 * PostgreSQL: pg_restore --clean --single-transaction. */
gcode store_restore(const char *url, const char *file, struct gerror *e);
/* Engine-level consistency checks (SQLite integrity and foreign keys). */
gcode store_check_integrity(const char *url, struct gerror *e);

#endif
