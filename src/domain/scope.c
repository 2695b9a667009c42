#include "domain/scope.h"

#include "domain/region.h"

#define BIT(r) (1u << (r))
#define ALL_ROLES (BIT(ROLE_COUNT) - 1u - BIT(ROLE_NONE))
#define BUSINESS_ROLES                                                                     \
	(BIT(ROLE_LEADER) | BIT(ROLE_STAFF) | BIT(ROLE_STATISTICIAN) |                     \
	 BIT(ROLE_INVEST_CADRE) | BIT(ROLE_SERVICE_CADRE))

enum { N_ACTIONS = ACT_ADMIN + 1 };

/* Per resource: the roles allowed each action, and how objects are scoped. */
struct resource_rule {
	unsigned allow[N_ACTIONS]; /* role bit masks, indexed by enum action */
	bool region_required;      /* an object without a region is hidden */
	bool owner_only;           /* only the owner_user_id may touch it */
	bool enterprise_bound;     /* an enterprise contact sees only its own */
	bool department_writes;    /* staff write only their department's */
	bool department_reads;     /* staff see only their department's, none of no department */
	bool leader_owner_writes;  /* leaders write only what they own (包保) */
};

static const struct resource_rule rules[RES_COUNT] = {
	[RES_REGION] = { .allow = { ALL_ROLES, BIT(ROLE_SYSADMIN), 0 },
			 .region_required = true },
	[RES_DEPARTMENT] = { .allow = { ALL_ROLES, BIT(ROLE_SYSADMIN), 0 },
			     .region_required = true, .department_writes = true },
	[RES_USER] = { .allow = { BIT(ROLE_SYSADMIN) | BIT(ROLE_SECADMIN) | BIT(ROLE_AUDITADMIN),
				  BIT(ROLE_SYSADMIN), BIT(ROLE_SECADMIN) },
		       .region_required = true },
	[RES_ENTERPRISE] = { .allow = { BUSINESS_ROLES | BIT(ROLE_ENTERPRISE) | BIT(ROLE_AUDITOR),
					BUSINESS_ROLES, 0 },
			     .region_required = true, .enterprise_bound = true },
	[RES_AUDIT] = { .allow = { BIT(ROLE_AUDITADMIN) | BIT(ROLE_AUDITOR), 0, 0 } },
	[RES_TOKEN] = { .allow = { ALL_ROLES, ALL_ROLES, 0 }, .owner_only = true },
	[RES_PROJECT] = { .allow = { BUSINESS_ROLES | BIT(ROLE_ENTERPRISE) | BIT(ROLE_AUDITOR),
				     BIT(ROLE_LEADER) | BIT(ROLE_STAFF) | BIT(ROLE_STATISTICIAN), 0 },
			  .region_required = true, .enterprise_bound = true,
			  .department_writes = true, .department_reads = true,
			  .leader_owner_writes = true },
	[RES_INDICATOR] = { .allow = { ALL_ROLES, BIT(ROLE_SYSADMIN), 0 } },
	[RES_ECON_VALUE] = { .allow = { BUSINESS_ROLES | BIT(ROLE_AUDITOR), BIT(ROLE_STATISTICIAN),
					BIT(ROLE_STATISTICIAN) | BIT(ROLE_LEADER) },
			     .region_required = true },
	[RES_ECON_TARGET] = { .allow = { BUSINESS_ROLES | BIT(ROLE_AUDITOR),
					 BIT(ROLE_LEADER) | BIT(ROLE_STAFF) | BIT(ROLE_STATISTICIAN),
					 0 },
			      .region_required = true },
};

static bool in_range(enum role r, enum resource res, enum action act)
{
	return (unsigned)r < ROLE_COUNT && (unsigned)res < RES_COUNT &&
	       (unsigned)act < N_ACTIONS;
}

enum decision scope_role_allows(enum role r, enum resource res, enum action act)
{
	if (!in_range(r, res, act) || r == ROLE_NONE)
		return DECIDE_DENY;
	return rules[res].allow[act] & BIT(r) ? DECIDE_ALLOW : DECIDE_DENY;
}

static bool region_visible(const struct principal *p, const struct resource_rule *rule,
			   const char *region)
{
	if (!region || !*region)
		return !rule->region_required;
	return region_covers(p->region, region);
}

static bool object_visible(const struct principal *p, const struct resource_rule *rule,
			   enum action act, const struct obj_scope *o)
{
	if (!region_visible(p, rule, o->region))
		return false;
	if (rule->owner_only && (p->user_id == 0 || o->owner_user_id != p->user_id))
		return false;
	if (rule->enterprise_bound && p->role == ROLE_ENTERPRISE &&
	    (p->enterprise_id == 0 || o->enterprise_id != p->enterprise_id))
		return false;
	if (rule->department_reads && p->role == ROLE_STAFF &&
	    (p->department_id == 0 || o->department_id != p->department_id))
		return false;
	if (rule->leader_owner_writes && p->role == ROLE_LEADER && act != ACT_READ &&
	    (p->user_id == 0 || o->owner_user_id != p->user_id))
		return false;
	return !rule->department_writes || scope_department_allows(p, act, o->department_id);
}

bool scope_department_allows(const struct principal *p, enum action act,
			     int64_t obj_department_id)
{
	if (!p)
		return false;
	if (p->role != ROLE_STAFF || act == ACT_READ || obj_department_id == 0)
		return true;
	return obj_department_id == p->department_id;
}

enum decision scope_decide(const struct principal *p, enum resource res, enum action act,
			   const struct obj_scope *o)
{
	if (!p)
		return DECIDE_DENY;
	enum decision d = scope_role_allows(p->role, res, act);
	if (d != DECIDE_ALLOW || !o)
		return d;
	return object_visible(p, &rules[res], act, o) ? DECIDE_ALLOW : DECIDE_HIDDEN;
}

bool scope_may_assign_role(const struct principal *p, enum role target)
{
	if (!p || target <= ROLE_NONE || target >= ROLE_COUNT)
		return false;
	if (p->role == ROLE_SECADMIN)
		return true;
	return p->role == ROLE_SYSADMIN && !role_is_admin(target);
}
