/* Audit chain verification and search over the stored log. */
#ifndef GUATU_STORE_AUDIT_H
#define GUATU_STORE_AUDIT_H
#include <jansson.h>

#include "domain/audit_chain.h"
#include "store/db.h"

/* Walks the whole log. Returns G_OK when it could read it; whether the
 * chain is intact is in v (bad_id != 0 names the first broken record). */
gcode audit_verify_db(struct db *c, struct audit_verifier *v, struct gerror *e);

struct audit_query {
	const char *lo, *hi;        /* region range of the caller's scope */
	const char *actor, *action, *object_type, *q;
	int64_t from, to;           /* unix seconds, 0 = open */
	int64_t limit, offset;
};

/* {items:[...], total}; caller owns the result. */
gcode audit_search(struct db *c, const struct audit_query *q, json_t **out,
		   struct gerror *e);

#endif
