/* The shared enterprise registry every module reuses. */
#ifndef GUATU_STORE_ENTERPRISES_H
#define GUATU_STORE_ENTERPRISES_H
#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

struct enterprise_fields {
	const char *region, *credit_code, *name, *industry; /* credit_code, industry may be NULL */
	int credit_code_valid;
};

struct enterprise_query {
	const char *lo, *hi;    /* caller's region range */
	const char *q;          /* Chinese substring of the name, or a credit code prefix */
	const char *industry;   /* prefix, e.g. "C36" */
	int64_t only_id;        /* enterprise contacts see one enterprise; 0 = all */
	int64_t limit, offset;
};

gcode store_enterprise_search(struct db *c, const struct enterprise_query *q,
			      json_t **out, struct gerror *e);
/* NULL when absent. */
json_t *store_enterprise_get(struct db *c, int64_t id);
gcode store_enterprise_insert(struct db *c, const struct enterprise_fields *f,
			      int64_t now, int64_t *id, struct gerror *e);
/* Like store_enterprise_insert, but a taken credit code leaves *id 0
 * instead of failing (an imported file's duplicates are row errors, and a
 * failed statement would end a PostgreSQL transaction). */
gcode store_enterprise_insert_new(struct db *c, const struct enterprise_fields *f,
				  int64_t now, int64_t *id, struct gerror *e);
/* Bulk loads: inserts f[0..n) like store_enterprise_insert_new, setting
 * dup[i] for a row whose credit code is taken (in the registry or earlier
 * in the batch); those rows are not written. Fastest with n == ENT_BATCH. */
enum { ENT_BATCH = 64 };
/* The largest id, 0 when there is none. */
gcode store_enterprise_max_id(struct db *c, int64_t *id, struct gerror *e);
/* The smallest and largest id above `above` (0 when none); first may be NULL. */
gcode store_enterprise_ids_above(struct db *c, int64_t above, int64_t *first, int64_t *last,
				 struct gerror *e);
gcode store_enterprise_insert_batch(struct db *c, const struct enterprise_fields *f, int n,
				    int64_t now, bool *dup, struct gerror *e);
gcode store_enterprise_update(struct db *c, int64_t id, int64_t version,
			      const struct enterprise_fields *f, int64_t now, struct gerror *e);

/* Calls fn for every enterprise in [lo,hi] in (region, id) order, reading
 * pages by key (not OFFSET), so exporting a million rows stays linear.
 * fn returns false to stop. */
gcode store_enterprise_scan(struct db *c, const char *lo, const char *hi,
			    bool (*fn)(void *arg, const json_t *row), void *arg,
			    struct gerror *e);

/* Bulk loading (imports, generator), inside the caller's transaction:
 * with rows (expected) large enough, secondary indexes and SQLite's
 * full-text trigger are suspended and rebuilt once at the end, several
 * times faster than row by row. Pass the same rows to both. */
gcode store_enterprise_bulk_begin(struct db *c, int64_t rows, struct gerror *e);
gcode store_enterprise_bulk_end(struct db *c, int64_t rows, struct gerror *e);
/* After a rollback instead of bulk_end: gives back the bulk page cache. */
void store_enterprise_bulk_cancel(struct db *c);

#endif
