/* Regions (GB/T 2260 tree) and departments. */
#ifndef GUATU_STORE_ORG_H
#define GUATU_STORE_ORG_H
#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

/* {items,total} of every region, ordered by code. */
gcode store_region_list(struct db *c, json_t **out, struct gerror *e);
/* NULL when absent. */
json_t *store_region_get(struct db *c, const char *code);
gcode store_region_insert(struct db *c, const char *code, const char *name,
			  const char *name_en, const char *parent, int level, int64_t now,
			  struct gerror *e);
gcode store_region_rename(struct db *c, const char *code, int64_t version,
			  const char *name, const char *name_en, int64_t now, struct gerror *e);

gcode store_department_list(struct db *c, const char *lo, const char *hi,
			    json_t **out, struct gerror *e);
json_t *store_department_get(struct db *c, int64_t id);
gcode store_department_insert(struct db *c, const char *region, const char *name,
			      int64_t now, int64_t *id, struct gerror *e);
gcode store_department_rename(struct db *c, int64_t id, int64_t version,
			      const char *name, int64_t now, struct gerror *e);

/* The common refusal of a stale version. */
gcode store_stale(struct gerror *e);

#endif
