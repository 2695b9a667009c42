/* Helpers shared by the economic-operation handlers (indicators.c,
 * econ_values.c, econ_targets.c, econ_pace.c, econ_compare.c, cockpit.c,
 * econ_import.c): the catalog as rules see it, value checks, the cube of
 * published values and pace items. */
#ifndef GUATU_API_ECON_H
#define GUATU_API_ECON_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "api/api.h"
#include "domain/econ_period.h"

/* An indicator row of the catalog as the rules need it. Strings are
 * borrowed from row. */
struct econ_ind {
	const json_t *row;
	int64_t id;
	const char *code, *name, *name_en, *unit, *display_unit;
	enum econ_periodicity per;
	bool merged, is_key;
};
/* False when the row is not a well-formed indicator. */
bool econ_ind_of(const json_t *row, struct econ_ind *out);
/* The indicator with this code from a catalog array, or NULL. */
const json_t *econ_catalog_find(const json_t *catalog, const char *code);
/* Loads the indicator named by code into *row (new reference) and *ind;
 * 400 naming field when unknown. */
gcode econ_indicator_load(struct db *db, const char *code, const char *field, json_t **row,
			  struct econ_ind *ind, struct gerror *e);

/* A new or revised value before it is written. */
struct econ_input {
	const char *region;
	const struct econ_ind *ind;
	struct econ_period period;
	int64_t value;
	int64_t growth_bp;
	bool has_growth;
	const char *note;     /* the revision note; NULL none */
	bool confirm_unit;    /* keep a value the unit check suspects */
	int64_t exclude_id;   /* the value being revised (0 for a new one) */
};
/* 400 naming "period" when p ends after the current month. */
gcode econ_not_future(const struct api_req *rq, struct econ_period p, struct gerror *e);

/* Who writes values and when: a request's user, or the CLI's operator
 * (user_id 0). */
struct econ_writer {
	struct db *db;
	struct actor actor;
	int64_t user_id;
	int64_t now;
};
/* The writer of a request. */
struct econ_writer econ_writer_of(const struct api_req *rq);

/* The rules of issue #4 for one value: non-negative, plausible growth,
 * cumulative not below the previous period of the year nor above the next
 * one without a note, and not ~10,000 times off last year's same period
 * unless confirmed. 400 naming the field (value, growth_bp) with zh/en
 * messages. */
gcode econ_value_check(struct db *db, const struct econ_input *in, struct gerror *e);
/* Writes a checked new value as a draft entered by the caller, with its
 * first revision (inside the caller's transaction). */
gcode econ_value_write_new(const struct econ_writer *w, const struct econ_input *in,
			   const char *source, int64_t *id, struct gerror *e);
/* Revises the stored value before (its version) to in, back to draft,
 * with the revision record (inside the caller's transaction). */
gcode econ_value_write_update(const struct econ_writer *w, const struct econ_input *in,
			      const json_t *before, int64_t version, const char *source,
			      struct gerror *e);
/* Adds period_label(_en) and nominal_change_bp to a value row; drops
 * nothing. Returns v. */
json_t *econ_value_decorate(json_t *v);

/* Published values of a region range and years, by (region, indicator,
 * year, month). */
struct econ_cube {
	json_t *map; /* "region|indicator_id|year|month" -> [value, growth_bp|null] */
};
gcode econ_cube_load(struct api_req *rq, const char *lo, const char *hi, int year_from,
		     int year_to, struct econ_cube *c, struct gerror *e);
void econ_cube_free(struct econ_cube *c);
/* True when published; *growth NULL-able via *has_growth. */
bool econ_cube_get(const struct econ_cube *c, const char *region, int64_t ind,
		   struct econ_period p, int64_t *value, int64_t *growth, bool *has_growth);

/* The latest month with a published value in lo..hi; false when none. */
bool econ_latest_period(struct api_req *rq, const char *lo, const char *hi,
			struct econ_period *out);
/* Parses the optional ?period=YYYY-MM (default: latest published, else
 * the current month) into *out. 400 naming "period". */
gcode econ_query_period(struct api_req *rq, const char *lo, const char *hi,
			struct econ_period *out, struct gerror *e);
/* The region of ?key= (default the caller's), checked readable for
 * RES_ECON_VALUE (404 outside scope); code into out. */
gcode econ_query_region(struct api_req *rq, const char *key, char out[7], struct gerror *e);

/* One pace item (docs/api.md, GET /api/v1/indicators/pace) of indicator
 * ind for region at month asof, against target (a Target row or NULL).
 * NULL when the region has neither a value nor a target for it. */
json_t *econ_pace_item(const struct econ_cube *c, const struct econ_ind *ind,
		       const char *region, struct econ_period asof, const json_t *target);
/* Pace items of every indicator (key_only: the cockpit's) of region at
 * month p, against the region's targets of p's year. */
json_t *econ_pace_items(struct api_req *rq, const struct econ_cube *c, const json_t *catalog,
			const char *region, struct econ_period p, bool key_only);
/* One indicator of GET /api/v1/indicators/compare at month asof. */
json_t *econ_compare_indicator(struct api_req *rq, const struct econ_cube *c,
			       const json_t *units, const json_t *group,
			       const struct econ_ind *ind, struct econ_period asof);
/* The target row of an indicator in a target array, or NULL. */
const json_t *econ_target_find(const json_t *targets, int64_t indicator_id);

/* Units and group of a comparison under parent: units = [{code, name}]
 * (the children of parent), group = codes. group_q: NULL/"" default (the
 * five urban districts of 长春市, else every child), "all", or a comma list. */
gcode econ_units(struct api_req *rq, const char *parent, const char *group_q, json_t **units,
		 json_t **group, struct gerror *e);
/* Ranks of indicator ind at period p across units: fills rank_all and
 * rank_group (0 unranked) for unit i; n = json_array_size(units). */
void econ_ranks(const struct econ_cube *c, const json_t *units, const json_t *group,
		int64_t ind, struct econ_period p, int *rank_all, int *rank_group);
/* True when code is in the array of codes. */
bool econ_in_group(const json_t *group, const char *code);
/* Industry structure of region at GDP's period p and its change since the
 * same period last year: {period, bp, text, prev_text?, change_bp?}; NULL
 * without the three value-added figures. */
json_t *econ_structure_json(const struct econ_cube *c, const json_t *catalog,
			    const char *region, struct econ_period p);

#endif
