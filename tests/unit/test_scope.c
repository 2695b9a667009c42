/* Tests for domain/scope: the role x resource x action matrix and the
 * object-scope decisions (region, owner, enterprise, department). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/scope.h"

/* The matrix as the requirements state it: for each resource and action the
 * codes of the roles allowed, space-separated; everything else is denied. */
static const char *const matrix[RES_COUNT][3] = {
	[RES_REGION] = { "leader staff statistician invest_cadre service_cadre enterprise "
			 "auditor sysadmin secadmin auditadmin",
			 "sysadmin", "" },
	[RES_DEPARTMENT] = { "leader staff statistician invest_cadre service_cadre enterprise "
			     "auditor sysadmin secadmin auditadmin",
			     "sysadmin", "" },
	[RES_USER] = { "sysadmin secadmin auditadmin", "sysadmin", "secadmin" },
	[RES_ENTERPRISE] = { "leader staff statistician invest_cadre service_cadre enterprise "
			     "auditor",
			     "leader staff statistician invest_cadre service_cadre", "" },
	[RES_AUDIT] = { "auditadmin auditor", "", "" },
	[RES_TOKEN] = { "leader staff statistician invest_cadre service_cadre enterprise "
			"auditor sysadmin secadmin auditadmin",
			"leader staff statistician invest_cadre service_cadre enterprise "
			"auditor sysadmin secadmin auditadmin",
			"" },
	[RES_PROJECT] = { "leader staff statistician invest_cadre service_cadre enterprise "
			  "auditor",
			  "leader staff statistician", "" },
	[RES_INDICATOR] = { "leader staff statistician invest_cadre service_cadre enterprise "
			    "auditor sysadmin secadmin auditadmin",
			    "sysadmin", "" },
	[RES_ECON_VALUE] = { "leader staff statistician invest_cadre service_cadre auditor",
			     "statistician", "statistician leader" },
	[RES_ECON_TARGET] = { "leader staff statistician invest_cadre service_cadre auditor",
			      "leader staff statistician", "" },
};

/* True when code is one of the space-separated words of list. */
static bool listed(const char *list, const char *code)
{
	size_t n = strlen(code);
	for (const char *p = list; *p;) {
		size_t w = strcspn(p, " ");
		if (w == n && n > 0 && memcmp(p, code, n) == 0)
			return true;
		p += w;
		p += strspn(p, " ");
	}
	return false;
}

static void test_matrix(void **state)
{
	(void)state;
	int allowed = 0;
	for (int r = ROLE_NONE; r < ROLE_COUNT; r++)
		for (int res = 0; res < RES_COUNT; res++)
			for (int act = ACT_READ; act <= ACT_ADMIN; act++) {
				bool want = listed(matrix[res][act], role_code((enum role)r));
				enum decision d = scope_role_allows((enum role)r, (enum resource)res,
								    (enum action)act);
				if (d != (want ? DECIDE_ALLOW : DECIDE_DENY))
					fail_msg("role %s resource %d action %d: got %d",
						 role_code((enum role)r), res, act, (int)d);
				allowed += want;
			}
	/* 10+1+0, 10+1+0, 3+1+1, 7+5+0, 2+0+0, 10+10+0, 7+3+0, 10+1+0, 6+1+2, 6+3+0 */
	assert_int_equal(allowed, 11 + 11 + 5 + 12 + 2 + 20 + 10 + 11 + 9 + 9);
}

static void test_matrix_out_of_range(void **state)
{
	(void)state;
	assert_int_equal(scope_role_allows(ROLE_COUNT, RES_REGION, ACT_READ), DECIDE_DENY);
	assert_int_equal(scope_role_allows((enum role)-1, RES_REGION, ACT_READ), DECIDE_DENY);
	assert_int_equal(scope_role_allows(ROLE_LEADER, RES_COUNT, ACT_READ), DECIDE_DENY);
	assert_int_equal(scope_role_allows(ROLE_LEADER, (enum resource)-1, ACT_READ),
			 DECIDE_DENY);
	assert_int_equal(scope_role_allows(ROLE_SYSADMIN, RES_USER, (enum action)3), DECIDE_DENY);
	assert_int_equal(scope_role_allows(ROLE_SYSADMIN, RES_USER, (enum action)-1),
			 DECIDE_DENY);
}

static struct principal who(enum role r, const char *region)
{
	struct principal p = { .user_id = 7, .role = r, .department_id = 3,
			       .enterprise_id = 0 };
	snprintf(p.region, sizeof p.region, "%s", region);
	return p;
}

static enum decision decide_region(const struct principal *p, enum resource res,
				   enum action act, const char *region)
{
	struct obj_scope o = { .region = region, .owner_user_id = p->user_id };
	return scope_decide(p, res, act, &o);
}

static void test_region_scope(void **state)
{
	(void)state;
	struct principal city = who(ROLE_LEADER, "220100");
	struct principal chaoyang = who(ROLE_LEADER, "220104");
	struct principal province = who(ROLE_LEADER, "220000");
	/* City user sees a district object. */
	assert_int_equal(decide_region(&city, RES_ENTERPRISE, ACT_READ, "220104"), DECIDE_ALLOW);
	assert_int_equal(decide_region(&city, RES_ENTERPRISE, ACT_WRITE, "220106"), DECIDE_ALLOW);
	assert_int_equal(decide_region(&city, RES_ENTERPRISE, ACT_READ, "220100"), DECIDE_ALLOW);
	/* District user does not see another district's object. */
	assert_int_equal(decide_region(&chaoyang, RES_ENTERPRISE, ACT_READ, "220105"),
			 DECIDE_HIDDEN);
	assert_int_equal(decide_region(&chaoyang, RES_ENTERPRISE, ACT_WRITE, "220105"),
			 DECIDE_HIDDEN);
	assert_int_equal(decide_region(&chaoyang, RES_ENTERPRISE, ACT_READ, "220104"),
			 DECIDE_ALLOW);
	/* ... nor the city's own objects. */
	assert_int_equal(decide_region(&chaoyang, RES_ENTERPRISE, ACT_READ, "220100"),
			 DECIDE_HIDDEN);
	/* Province covers city and districts, not other provinces. */
	assert_int_equal(decide_region(&province, RES_ENTERPRISE, ACT_READ, "220100"),
			 DECIDE_ALLOW);
	assert_int_equal(decide_region(&province, RES_ENTERPRISE, ACT_READ, "220104"),
			 DECIDE_ALLOW);
	assert_int_equal(decide_region(&province, RES_ENTERPRISE, ACT_READ, "210102"),
			 DECIDE_HIDDEN);
	/* The role check comes first: deny beats hidden. */
	assert_int_equal(decide_region(&chaoyang, RES_AUDIT, ACT_READ, "220105"), DECIDE_DENY);
	assert_int_equal(decide_region(&chaoyang, RES_USER, ACT_READ, "220104"), DECIDE_DENY);
	/* Administrators are scoped by region too. */
	struct principal admin = who(ROLE_SYSADMIN, "220104");
	assert_int_equal(decide_region(&admin, RES_USER, ACT_WRITE, "220104"), DECIDE_ALLOW);
	assert_int_equal(decide_region(&admin, RES_USER, ACT_WRITE, "220105"), DECIDE_HIDDEN);
	struct principal sec = who(ROLE_SECADMIN, "220100");
	assert_int_equal(decide_region(&sec, RES_USER, ACT_ADMIN, "220105"), DECIDE_ALLOW);
	assert_int_equal(decide_region(&sec, RES_USER, ACT_ADMIN, "220201"), DECIDE_HIDDEN);
	assert_int_equal(decide_region(&sec, RES_USER, ACT_WRITE, "220105"), DECIDE_DENY);
}

static void test_missing_or_bad_region(void **state)
{
	(void)state;
	struct principal city = who(ROLE_LEADER, "220100");
	/* Region-bound resources hide an object without a region. */
	assert_int_equal(decide_region(&city, RES_ENTERPRISE, ACT_READ, NULL), DECIDE_HIDDEN);
	assert_int_equal(decide_region(&city, RES_ENTERPRISE, ACT_READ, ""), DECIDE_HIDDEN);
	assert_int_equal(decide_region(&city, RES_REGION, ACT_READ, NULL), DECIDE_HIDDEN);
	assert_int_equal(decide_region(&city, RES_DEPARTMENT, ACT_READ, ""), DECIDE_HIDDEN);
	struct principal sys = who(ROLE_SYSADMIN, "220100");
	assert_int_equal(decide_region(&sys, RES_USER, ACT_READ, NULL), DECIDE_HIDDEN);
	/* A malformed object region is outside every scope. */
	assert_int_equal(decide_region(&city, RES_ENTERPRISE, ACT_READ, "22010"), DECIDE_HIDDEN);
	assert_int_equal(decide_region(&city, RES_ENTERPRISE, ACT_READ, "2201041"),
			 DECIDE_HIDDEN);
	/* Audit records and tokens may lack a region. */
	struct principal auditor = who(ROLE_AUDITOR, "220104");
	assert_int_equal(decide_region(&auditor, RES_AUDIT, ACT_READ, NULL), DECIDE_ALLOW);
	assert_int_equal(decide_region(&auditor, RES_AUDIT, ACT_READ, "220104"), DECIDE_ALLOW);
	assert_int_equal(decide_region(&auditor, RES_AUDIT, ACT_READ, "220105"), DECIDE_HIDDEN);
	assert_int_equal(decide_region(&auditor, RES_TOKEN, ACT_WRITE, NULL), DECIDE_ALLOW);
	/* A principal with a broken region sees no regioned object. */
	struct principal broken = who(ROLE_LEADER, "");
	assert_int_equal(decide_region(&broken, RES_ENTERPRISE, ACT_READ, "220104"),
			 DECIDE_HIDDEN);
	struct principal full = who(ROLE_LEADER, "220104");
	memcpy(full.region, "2201049", 7); /* unterminated */
	assert_int_equal(decide_region(&full, RES_ENTERPRISE, ACT_READ, "220104"), DECIDE_HIDDEN);
}

static void test_collection_and_null(void **state)
{
	(void)state;
	struct principal p = who(ROLE_STAFF, "220104");
	assert_int_equal(scope_decide(&p, RES_ENTERPRISE, ACT_READ, NULL), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&p, RES_AUDIT, ACT_READ, NULL), DECIDE_DENY);
	struct obj_scope o = { .region = "220104" };
	assert_int_equal(scope_decide(NULL, RES_ENTERPRISE, ACT_READ, &o), DECIDE_DENY);
	struct principal none = who(ROLE_NONE, "220104");
	assert_int_equal(scope_decide(&none, RES_REGION, ACT_READ, &o), DECIDE_DENY);
	assert_int_equal(scope_decide(&none, RES_TOKEN, ACT_READ, NULL), DECIDE_DENY);
}

static void test_token_owner(void **state)
{
	(void)state;
	struct principal p = who(ROLE_STAFF, "220104");
	struct obj_scope mine = { .owner_user_id = 7 };
	struct obj_scope other = { .owner_user_id = 8 };
	struct obj_scope nobody = { .owner_user_id = 0 };
	assert_int_equal(scope_decide(&p, RES_TOKEN, ACT_READ, &mine), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&p, RES_TOKEN, ACT_WRITE, &mine), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&p, RES_TOKEN, ACT_READ, &other), DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&p, RES_TOKEN, ACT_WRITE, &other), DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&p, RES_TOKEN, ACT_READ, &nobody), DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&p, RES_TOKEN, ACT_ADMIN, &mine), DECIDE_DENY);
	/* Even the security administrator sees only its own tokens. */
	struct principal sec = who(ROLE_SECADMIN, "220000");
	assert_int_equal(scope_decide(&sec, RES_TOKEN, ACT_READ, &other), DECIDE_HIDDEN);
	/* A principal without a user id owns nothing. */
	struct principal anon = who(ROLE_STAFF, "220104");
	anon.user_id = 0;
	assert_int_equal(scope_decide(&anon, RES_TOKEN, ACT_READ, &nobody), DECIDE_HIDDEN);
	/* Owner does not matter for other resources. */
	struct obj_scope ent = { .region = "220104", .owner_user_id = 99 };
	assert_int_equal(scope_decide(&p, RES_ENTERPRISE, ACT_READ, &ent), DECIDE_ALLOW);
}

static void test_enterprise_contact(void **state)
{
	(void)state;
	struct principal p = who(ROLE_ENTERPRISE, "220104");
	p.enterprise_id = 55;
	struct obj_scope own = { .region = "220104", .enterprise_id = 55 };
	struct obj_scope other = { .region = "220104", .enterprise_id = 56 };
	struct obj_scope own_elsewhere = { .region = "220105", .enterprise_id = 55 };
	assert_int_equal(scope_decide(&p, RES_ENTERPRISE, ACT_READ, &own), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&p, RES_ENTERPRISE, ACT_READ, &other), DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&p, RES_ENTERPRISE, ACT_READ, &own_elsewhere),
			 DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&p, RES_ENTERPRISE, ACT_WRITE, &own), DECIDE_DENY);
	/* A contact account not linked to an enterprise sees none. */
	p.enterprise_id = 0;
	struct obj_scope zero = { .region = "220104", .enterprise_id = 0 };
	assert_int_equal(scope_decide(&p, RES_ENTERPRISE, ACT_READ, &zero), DECIDE_HIDDEN);
	/* Other roles are not bound to one enterprise. */
	struct principal cadre = who(ROLE_SERVICE_CADRE, "220104");
	cadre.enterprise_id = 55;
	assert_int_equal(scope_decide(&cadre, RES_ENTERPRISE, ACT_WRITE, &other), DECIDE_ALLOW);
	/* The contact still reads regions and departments of its scope. */
	p.enterprise_id = 55;
	struct obj_scope region = { .region = "220104" };
	assert_int_equal(scope_decide(&p, RES_REGION, ACT_READ, &region), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&p, RES_DEPARTMENT, ACT_READ, &region), DECIDE_ALLOW);
}

static void test_department(void **state)
{
	(void)state;
	struct principal staff = who(ROLE_STAFF, "220104"); /* department 3 */
	struct obj_scope own = { .region = "220104", .department_id = 3 };
	struct obj_scope other = { .region = "220104", .department_id = 4 };
	struct obj_scope none = { .region = "220104", .department_id = 0 };
	/* Staff read every department of their region. */
	assert_int_equal(scope_decide(&staff, RES_DEPARTMENT, ACT_READ, &other), DECIDE_ALLOW);
	/* Department writes are the system administrator's. */
	assert_int_equal(scope_decide(&staff, RES_DEPARTMENT, ACT_WRITE, &own), DECIDE_DENY);
	struct principal sys = who(ROLE_SYSADMIN, "220104");
	assert_int_equal(scope_decide(&sys, RES_DEPARTMENT, ACT_WRITE, &other), DECIDE_ALLOW);
	/* Enterprises are not department-scoped: staff write any in region. */
	assert_int_equal(scope_decide(&staff, RES_ENTERPRISE, ACT_WRITE, &other), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&staff, RES_ENTERPRISE, ACT_WRITE, &none), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&staff, RES_ENTERPRISE, ACT_WRITE, &own), DECIDE_ALLOW);
	/* The rule department-scoped resources apply. */
	assert_true(scope_department_allows(&staff, ACT_READ, 4));
	assert_true(scope_department_allows(&staff, ACT_WRITE, 3));
	assert_true(scope_department_allows(&staff, ACT_WRITE, 0));
	assert_false(scope_department_allows(&staff, ACT_WRITE, 4));
	assert_false(scope_department_allows(&staff, ACT_ADMIN, 4));
	struct principal lost = staff;
	lost.department_id = 0; /* staff without a department write nothing owned */
	assert_false(scope_department_allows(&lost, ACT_WRITE, 4));
	assert_true(scope_department_allows(&lost, ACT_WRITE, 0));
	struct principal leader = who(ROLE_LEADER, "220104");
	assert_true(scope_department_allows(&leader, ACT_WRITE, 4));
	assert_false(scope_department_allows(NULL, ACT_READ, 0));
}

/* Projects: a department sees its projects, a leader writes the projects
 * he is 包保 leader of, an enterprise contact sees those it builds, another
 * district sees nothing. */
static void test_project(void **state)
{
	(void)state;
	struct obj_scope mine = { .region = "220104", .department_id = 3, .enterprise_id = 55,
				  .owner_user_id = 7 };
	struct obj_scope other = { .region = "220104", .department_id = 4, .enterprise_id = 56,
				   .owner_user_id = 8 };
	struct obj_scope nodept = { .region = "220104", .owner_user_id = 8 };
	struct obj_scope away = { .region = "220105", .department_id = 3, .owner_user_id = 7 };
	struct principal staff = who(ROLE_STAFF, "220104"); /* user 7, department 3 */
	assert_int_equal(scope_decide(&staff, RES_PROJECT, ACT_READ, &mine), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&staff, RES_PROJECT, ACT_WRITE, &mine), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&staff, RES_PROJECT, ACT_READ, &other), DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&staff, RES_PROJECT, ACT_WRITE, &other), DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&staff, RES_PROJECT, ACT_READ, &nodept), DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&staff, RES_PROJECT, ACT_READ, &away), DECIDE_HIDDEN);
	struct principal lost = staff;
	lost.department_id = 0; /* staff without a department see no project */
	assert_int_equal(scope_decide(&lost, RES_PROJECT, ACT_READ, &nodept), DECIDE_HIDDEN);
	struct principal leader = who(ROLE_LEADER, "220104"); /* user 7 */
	assert_int_equal(scope_decide(&leader, RES_PROJECT, ACT_READ, &other), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&leader, RES_PROJECT, ACT_WRITE, &mine), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&leader, RES_PROJECT, ACT_WRITE, &other), DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&leader, RES_PROJECT, ACT_READ, &away), DECIDE_HIDDEN);
	struct principal city = who(ROLE_LEADER, "220100");
	assert_int_equal(scope_decide(&city, RES_PROJECT, ACT_READ, &away), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&city, RES_PROJECT, ACT_WRITE, &away), DECIDE_ALLOW);
	struct principal stat = who(ROLE_STATISTICIAN, "220104");
	assert_int_equal(scope_decide(&stat, RES_PROJECT, ACT_WRITE, &other), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&stat, RES_PROJECT, ACT_READ, &away), DECIDE_HIDDEN);
	struct principal cadre = who(ROLE_INVEST_CADRE, "220104");
	assert_int_equal(scope_decide(&cadre, RES_PROJECT, ACT_READ, &other), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&cadre, RES_PROJECT, ACT_WRITE, &mine), DECIDE_DENY);
	struct principal ent = who(ROLE_ENTERPRISE, "220104");
	ent.enterprise_id = 55;
	assert_int_equal(scope_decide(&ent, RES_PROJECT, ACT_READ, &mine), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&ent, RES_PROJECT, ACT_READ, &other), DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&ent, RES_PROJECT, ACT_WRITE, &mine), DECIDE_DENY);
	struct principal sys = who(ROLE_SYSADMIN, "220104");
	assert_int_equal(scope_decide(&sys, RES_PROJECT, ACT_READ, &mine), DECIDE_DENY);
	struct principal auditor = who(ROLE_AUDITOR, "220104");
	assert_int_equal(scope_decide(&auditor, RES_PROJECT, ACT_READ, &other), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&auditor, RES_PROJECT, ACT_WRITE, &other), DECIDE_DENY);
}

/* Economic values: a district statistician edits only their district, a
 * city user reads every district of the city, another city sees nothing;
 * leaders publish but do not enter; the catalog has no region. */
static void test_econ(void **state)
{
	(void)state;
	struct obj_scope cy = { .region = "220104" }, ed = { .region = "220105" },
			 jl = { .region = "220201" }, none = { 0 };
	struct principal stat = who(ROLE_STATISTICIAN, "220104");
	assert_int_equal(scope_decide(&stat, RES_ECON_VALUE, ACT_WRITE, &cy), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&stat, RES_ECON_VALUE, ACT_WRITE, &ed), DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&stat, RES_ECON_VALUE, ACT_READ, &ed), DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&stat, RES_ECON_VALUE, ACT_ADMIN, &cy), DECIDE_ALLOW);
	struct principal city = who(ROLE_LEADER, "220100");
	assert_int_equal(scope_decide(&city, RES_ECON_VALUE, ACT_READ, &ed), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&city, RES_ECON_VALUE, ACT_ADMIN, &ed), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&city, RES_ECON_VALUE, ACT_WRITE, &ed), DECIDE_DENY);
	assert_int_equal(scope_decide(&city, RES_ECON_VALUE, ACT_READ, &jl), DECIDE_HIDDEN);
	assert_int_equal(scope_decide(&city, RES_ECON_VALUE, ACT_READ, &none), DECIDE_HIDDEN);
	struct principal staff = who(ROLE_STAFF, "220104");
	assert_int_equal(scope_decide(&staff, RES_ECON_TARGET, ACT_WRITE, &cy), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&staff, RES_ECON_VALUE, ACT_WRITE, &cy), DECIDE_DENY);
	struct principal ent = who(ROLE_ENTERPRISE, "220104");
	assert_int_equal(scope_decide(&ent, RES_ECON_VALUE, ACT_READ, &cy), DECIDE_DENY);
	assert_int_equal(scope_decide(&ent, RES_INDICATOR, ACT_READ, &none), DECIDE_ALLOW);
	struct principal sys = who(ROLE_SYSADMIN, "220104");
	assert_int_equal(scope_decide(&sys, RES_INDICATOR, ACT_WRITE, &none), DECIDE_ALLOW);
	assert_int_equal(scope_decide(&stat, RES_INDICATOR, ACT_WRITE, &none), DECIDE_DENY);
}

static void test_assign_role(void **state)
{
	(void)state;
	struct principal sys = who(ROLE_SYSADMIN, "220104");
	struct principal sec = who(ROLE_SECADMIN, "220104");
	for (int t = ROLE_NONE; t <= ROLE_COUNT; t++) {
		enum role target = (enum role)t;
		bool real = t > ROLE_NONE && t < ROLE_COUNT;
		assert_int_equal(scope_may_assign_role(&sec, target), real);
		assert_int_equal(scope_may_assign_role(&sys, target), real && !role_is_admin(target));
		for (int r = ROLE_NONE; r < ROLE_COUNT; r++) {
			if (r == ROLE_SYSADMIN || r == ROLE_SECADMIN)
				continue;
			struct principal other = who((enum role)r, "220104");
			assert_false(scope_may_assign_role(&other, target));
		}
	}
	assert_false(scope_may_assign_role(&sys, ROLE_SYSADMIN));
	assert_false(scope_may_assign_role(&sys, ROLE_SECADMIN));
	assert_false(scope_may_assign_role(&sys, ROLE_AUDITADMIN));
	assert_true(scope_may_assign_role(&sys, ROLE_AUDITOR));
	assert_true(scope_may_assign_role(&sys, ROLE_ENTERPRISE));
	assert_true(scope_may_assign_role(&sec, ROLE_AUDITADMIN));
	assert_false(scope_may_assign_role(NULL, ROLE_STAFF));
	assert_false(scope_may_assign_role(&sec, (enum role)-1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matrix),
		cmocka_unit_test(test_matrix_out_of_range),
		cmocka_unit_test(test_region_scope),
		cmocka_unit_test(test_missing_or_bad_region),
		cmocka_unit_test(test_collection_and_null),
		cmocka_unit_test(test_token_owner),
		cmocka_unit_test(test_enterprise_contact),
		cmocka_unit_test(test_department),
		cmocka_unit_test(test_project),
		cmocka_unit_test(test_econ),
		cmocka_unit_test(test_assign_role),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
