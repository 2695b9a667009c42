/* Per-region thresholds of the project status light. */
#include "store/light_rules.h"

#include "store/org.h"
#include "store/projects.h"

json_t *store_light_rules_get(struct db *c, const char *region)
{
	static const char *const names[] = { "region", "start_red_months", "progress_yellow_bp",
		"progress_red_bp", "stats_yellow_months", "stats_red_months", "version",
		"updated_at", "updated_by", NULL };
	return store_row(c,
			 "SELECT region, start_red_months, progress_yellow_bp, progress_red_bp,"
			 " stats_yellow_months, stats_red_months, version, updated_at, updated_by"
			 " FROM project_light_rules WHERE region = $1",
			 names, "tiiiiiiin", "t", region);
}

gcode store_light_rules_put(struct db *c, const char *region, const struct light_rules_row *r,
			    int64_t version, int64_t user_id, int64_t now, struct gerror *e)
{
	int64_t n = 0;
	gcode rc;
	if (version == 0) /* ON CONFLICT: PostgreSQL must not see a failed insert */
		rc = db_run(c,
			    "INSERT INTO project_light_rules (region, start_red_months,"
			    " progress_yellow_bp, progress_red_bp, stats_yellow_months,"
			    " stats_red_months, version, updated_at, updated_by)"
			    " VALUES ($1,$2,$3,$4,$5,$6,1,$7,$8) ON CONFLICT (region) DO NOTHING",
			    &n, e, "tiiiiiiz", region, r->start_red_months, r->progress_yellow_bp,
			    r->progress_red_bp, r->stats_yellow_months, r->stats_red_months, now,
			    user_id);
	else
		rc = db_run(c,
			    "UPDATE project_light_rules SET start_red_months = $1,"
			    " progress_yellow_bp = $2, progress_red_bp = $3, stats_yellow_months = $4,"
			    " stats_red_months = $5, version = version + 1, updated_at = $6,"
			    " updated_by = $7 WHERE region = $8 AND version = $9",
			    &n, e, "iiiiiizti", r->start_red_months, r->progress_yellow_bp,
			    r->progress_red_bp, r->stats_yellow_months, r->stats_red_months, now,
			    user_id, region, version);
	return rc == G_OK && n == 0 ? store_stale(e) : rc;
}

gcode store_project_lights_expire(struct db *c, const char *lo, const char *hi,
				  struct gerror *e)
{
	return db_run(c, "UPDATE projects SET light_date = NULL WHERE region BETWEEN $1 AND $2",
		      NULL, e, "tt", lo, hi);
}
