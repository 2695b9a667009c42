/* Per-region thresholds of the project status light (table
 * project_light_rules, one row per region that sets its own). */
#ifndef GUATU_STORE_LIGHT_RULES_H
#define GUATU_STORE_LIGHT_RULES_H
#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

struct light_rules_row {
	int64_t start_red_months, progress_yellow_bp, progress_red_bp;
	int64_t stats_yellow_months, stats_red_months;
};

/* The stored row of exactly this region: {region, start_red_months, ...,
 * version, updated_at, updated_by}; NULL when it has none. */
json_t *store_light_rules_get(struct db *c, const char *region);
/* Inserts when version is 0 (412 when a row appeared meanwhile), else
 * updates that version (412 when stale). */
gcode store_light_rules_put(struct db *c, const char *region, const struct light_rules_row *r,
			    int64_t version, int64_t user_id, int64_t now, struct gerror *e);
/* Forgets the lights computed today in lo..hi, so the next read recomputes
 * them under new rules. */
gcode store_project_lights_expire(struct db *c, const char *lo, const char *hi,
				  struct gerror *e);

#endif
