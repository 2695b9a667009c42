/* The access decision: may this principal do this to this object? Role
 * first (403), then the object's scope: region, owner, enterprise (404). */
#ifndef GUATU_DOMAIN_SCOPE_H
#define GUATU_DOMAIN_SCOPE_H
#include <stdbool.h>
#include <stdint.h>

#include "domain/role.h"

/* Who is asking. region is a NUL-terminated GB/T 2260 code; an invalid
 * region covers nothing. Ids are 0 when the user has none. */
struct principal {
	int64_t user_id;
	enum role role;
	char region[7];
	int64_t department_id;
	int64_t enterprise_id;
};

/* The object acted on. region NULL or "" means the object has none: that
 * hides objects of region-bound resources (region, department, user,
 * enterprise) and is no restriction on the others (audit, token). Ids are
 * 0 when not applicable. Strings are borrowed. */
struct obj_scope {
	const char *region;
	int64_t department_id;
	int64_t enterprise_id;
	int64_t owner_user_id;
};

/* RES_PROJECT: a major project and its sub-records (procedures, milestones,
 * reports, problems). Its obj_scope is the project's region, department_id
 * (责任单位), enterprise_id (builder) and owner_user_id (包保 leader). */
/* RES_INDICATOR: the indicator catalog (no region). RES_ECON_VALUE: values
 * of economic indicators of a region (ACT_ADMIN: publish after review);
 * pace, compare and the cockpit read them. RES_ECON_TARGET: annual targets
 * of a region. */
enum resource { RES_REGION, RES_DEPARTMENT, RES_USER, RES_ENTERPRISE, RES_AUDIT, RES_TOKEN,
		RES_PROJECT, RES_INDICATOR, RES_ECON_VALUE, RES_ECON_TARGET, RES_COUNT };

/* ACT_ADMIN: privileged operations (assign admin roles, unlock, reset). */
enum action { ACT_READ, ACT_WRITE, ACT_ADMIN };

enum decision {
	DECIDE_ALLOW,
	DECIDE_DENY,   /* 403: the role may never do this */
	DECIDE_HIDDEN, /* 404: the object is outside the caller's scope */
};

/* ALLOW or DENY from the role table alone. DENY for ROLE_NONE and for
 * out-of-range arguments. */
enum decision scope_role_allows(enum role r, enum resource res, enum action act);
/* The full decision. DENY when p is NULL or the role table says no.
 * o NULL asks about the collection (e.g. a list, or creating): only the role
 * is checked and the caller filters rows by region_range(p->region) itself.
 * Otherwise HIDDEN when: the object's region is not covered by p->region;
 * a token's owner is not p; an enterprise contact's enterprise is not
 * the object's; or, for a department-scoped resource, a department staff
 * member writes an object of another department (o->department_id != 0);
 * or, for a resource whose reads are department-scoped (RES_PROJECT), a
 * staff member reads or writes an object not of their own department; or,
 * for a resource leaders write only as owners (RES_PROJECT: the 包保
 * leader), a leader writes an object whose owner_user_id is not theirs. */
enum decision scope_decide(const struct principal *p, enum resource res, enum action act,
			   const struct obj_scope *o);
/* The department rule of department-scoped resources (marked in the
 * resource table; today RES_DEPARTMENT): department staff may read any
 * department's object but write only objects of their own department or of
 * none (obj_department_id 0). Other roles are not limited here. */
bool scope_department_allows(const struct principal *p, enum action act,
			     int64_t obj_department_id);
/* True when p may give a user the role target: the security administrator
 * any role, the system administrator only business (non-admin) roles,
 * nobody else; never ROLE_NONE or an out-of-range role. */
bool scope_may_assign_role(const struct principal *p, enum role target);

#endif
