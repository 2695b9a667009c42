/* Look-ups the projects imports resolve spreadsheet cells with: a project
 * by 项目代码 or name, an enterprise, a 包保 leader or a department by the
 * name (or code) a clerk types. Every function returns a new reference, an
 * empty array when nothing matches, NULL on a database error. */
#ifndef GUATU_STORE_PROJECTS_LOOKUP_H
#define GUATU_STORE_PROJECTS_LOOKUP_H
#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/* [{id, region}] of the project with this code (at most one). */
json_t *store_project_ids_by_code(struct db *c, const char *code);
/* [{id, region}] of projects in lo..hi named exactly name (at most 3). */
json_t *store_project_ids_by_name(struct db *c, const char *lo, const char *hi,
				  const char *name);
/* [{id, name, region}] of enterprises in lo..hi whose name or credit code
 * is key (at most 3). */
json_t *store_enterprise_find(struct db *c, const char *lo, const char *hi, const char *key);
/* [{id, region}] of enabled leaders whose display name or username is key
 * (at most 3). */
json_t *store_leader_find(struct db *c, const char *key);
/* [{id}] of the department of region named name. */
json_t *store_department_find(struct db *c, const char *region, const char *name);

#endif
