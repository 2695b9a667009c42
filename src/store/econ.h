/* The economic-operation repository (经济运行): the indicator catalog,
 * values per region and period (cumulative year to date) with their
 * revisions, and annual targets. No business rule lives here: handlers
 * check periods, growth and units with domain/econ_*.h first. Every
 * function that returns json_t gives the caller a new reference (NULL when
 * absent or on a database error). */
#ifndef GUATU_STORE_ECON_H
#define GUATU_STORE_ECON_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/db.h"

/* Catalog. */
struct indicator_fields {
	const char *code, *name, *name_en, *unit, *display_unit, *periodicity;
	const char *aggregation, *price_basis, *parent; /* parent: a code or NULL */
	int64_t jan_feb_merged, is_key, sort;
};
/* Every indicator ordered by sort, id: [Indicator]. */
json_t *store_indicator_list(struct db *c);
json_t *store_indicator_get(struct db *c, int64_t id);
json_t *store_indicator_by_code(struct db *c, const char *code);
/* 409 (G_ERR_CONFLICT) for a taken code. */
gcode store_indicator_insert(struct db *c, const struct indicator_fields *f, int64_t now,
			     int64_t *id, struct gerror *e);
/* The code and unit never change (values depend on them). 412 when stale. */
gcode store_indicator_update(struct db *c, int64_t id, int64_t version,
			     const struct indicator_fields *f, int64_t now, struct gerror *e);

/* Values. */
struct econ_value_fields {
	const char *region;
	int64_t indicator_id;
	const char *period; /* canonical text */
	int64_t year, month;
	int64_t value;
	int64_t growth_bp;
	bool has_growth;
	const char *note;   /* NULL none */
	const char *source; /* "entry", "import", "demo" */
};
struct econ_value_query {
	const char *lo, *hi;    /* caller's region range */
	const char *region;     /* exact, or NULL */
	int64_t indicator_id;   /* 0 any */
	int64_t year, month;    /* 0 any */
	const char *status;     /* "draft", "published" or NULL */
	int64_t limit, offset;
};
/* {items: [Value], total}; items ordered by region, indicator sort, year, month. */
gcode store_econ_value_list(struct db *c, const struct econ_value_query *q, json_t **out,
			    struct gerror *e);
json_t *store_econ_value_get(struct db *c, int64_t id);
json_t *store_econ_value_find(struct db *c, const char *region, int64_t indicator_id,
			      int64_t year, int64_t month);
/* The nearest stored value of the same region, indicator and year before
 * (or after) month, any status. */
json_t *store_econ_value_before(struct db *c, const char *region, int64_t indicator_id,
				int64_t year, int64_t month);
json_t *store_econ_value_after(struct db *c, const char *region, int64_t indicator_id,
			       int64_t year, int64_t month);
/* Inserts a draft entered by user_id. 409 when the period exists. */
gcode store_econ_value_insert(struct db *c, const struct econ_value_fields *f, int64_t user_id,
			      int64_t now, int64_t *id, struct gerror *e);
/* New value/growth/note; back to draft, entered_by = user_id. 412 stale. */
gcode store_econ_value_update(struct db *c, int64_t id, int64_t version,
			      const struct econ_value_fields *f, int64_t user_id, int64_t now,
			      struct gerror *e);
gcode store_econ_value_publish(struct db *c, int64_t id, int64_t version, int64_t user_id,
			       int64_t now, struct gerror *e);
gcode store_econ_revision_add(struct db *c, int64_t value_id, const char *region,
			      const json_t *before, const struct econ_value_fields *after,
			      const char *note, int64_t actor_id, const char *actor, int64_t now,
			      struct gerror *e);
/* Oldest first: [{id, old_value, new_value, old_growth_bp, new_growth_bp,
 * old_status, note, actor_id, actor, at}]. */
json_t *store_econ_revisions(struct db *c, int64_t value_id);

/* Published values of regions in lo..hi for years from..to, as compact
 * rows [{region, indicator_id, year, month, value, growth_bp}], for the
 * computations of pace, compare and the cockpit. */
gcode store_econ_published(struct db *c, const char *lo, const char *hi, int64_t year_from,
			   int64_t year_to, json_t **out, struct gerror *e);

/* The same rows streamed to fn (no JSON built): for the cube of the
 * computations, which may read thousands of rows per request. */
struct econ_point {
	const char *region; /* valid during the call */
	int64_t indicator_id, year, month, value, growth_bp;
	bool has_growth;
};
gcode store_econ_published_scan(struct db *c, const char *lo, const char *hi, int64_t year_from,
				int64_t year_to, void (*fn)(void *arg, const struct econ_point *p),
				void *arg, struct gerror *e);

/* The latest (year, month) with a published value in lo..hi; *found false
 * when there is none. */
gcode store_econ_latest(struct db *c, const char *lo, const char *hi, int64_t *year,
			int64_t *month, bool *found, struct gerror *e);

/* Targets. */
struct econ_target_fields {
	const char *region;
	int64_t indicator_id, year;
	int64_t growth_bp, amount;
	bool has_growth, has_amount;
	const char *note;
};
/* [Target] of regions in lo..hi (region exact when non-NULL), year 0 any. */
json_t *store_econ_target_list(struct db *c, const char *lo, const char *hi,
			       const char *region, int64_t year);
json_t *store_econ_target_get(struct db *c, int64_t id);
/* 409 when the region already has a target for that indicator and year. */
gcode store_econ_target_insert(struct db *c, const struct econ_target_fields *f, int64_t now,
			       int64_t *id, struct gerror *e);
gcode store_econ_target_update(struct db *c, int64_t id, int64_t version,
			       const struct econ_target_fields *f, int64_t now, struct gerror *e);

#endif
