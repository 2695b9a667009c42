/* Tests for domain/role: the role table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/role.h"

static const struct {
	enum role role;
	const char *code, *zh, *en;
	bool admin;
} expected[] = {
	{ ROLE_LEADER, "leader", "区领导", "District leader", false },
	{ ROLE_STAFF, "staff", "部门人员", "Department staff", false },
	{ ROLE_STATISTICIAN, "statistician", "统计员", "Statistician", false },
	{ ROLE_INVEST_CADRE, "invest_cadre", "招商干部", "Investment cadre", false },
	{ ROLE_SERVICE_CADRE, "service_cadre", "包保干部", "Service cadre", false },
	{ ROLE_ENTERPRISE, "enterprise", "企业联系人", "Enterprise contact", false },
	{ ROLE_AUDITOR, "auditor", "审计员", "Auditor", false },
	{ ROLE_SYSADMIN, "sysadmin", "系统管理员", "System administrator", true },
	{ ROLE_SECADMIN, "secadmin", "安全管理员", "Security administrator", true },
	{ ROLE_AUDITADMIN, "auditadmin", "审计管理员", "Audit administrator", true },
};

enum { N_EXPECTED = sizeof expected / sizeof expected[0] };

static void test_table(void **state)
{
	(void)state;
	assert_int_equal(ROLE_NONE, 0);
	assert_int_equal(ROLE_COUNT, N_EXPECTED + 1);
	for (size_t i = 0; i < N_EXPECTED; i++) {
		enum role r = expected[i].role;
		assert_string_equal(role_code(r), expected[i].code);
		assert_string_equal(role_name_zh(r), expected[i].zh);
		assert_string_equal(role_name_en(r), expected[i].en);
		assert_int_equal(role_is_admin(r), expected[i].admin);
		assert_int_equal(role_from_code(expected[i].code), r);
	}
}

static void test_codes_unique(void **state)
{
	(void)state;
	for (int a = 1; a < ROLE_COUNT; a++)
		for (int b = 1; b < a; b++) {
			assert_string_not_equal(role_code((enum role)a), role_code((enum role)b));
			assert_string_not_equal(role_name_zh((enum role)a),
						role_name_zh((enum role)b));
		}
}

static void test_unknown(void **state)
{
	(void)state;
	static const char *const bad[] = { "", "Leader", "LEADER", "leader ", " leader",
					   "admin", "root", "none", "sys admin", "leaderx" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(role_from_code(bad[i]), ROLE_NONE);
	assert_int_equal(role_from_code(NULL), ROLE_NONE);
	assert_string_equal(role_code(ROLE_NONE), "");
	assert_string_equal(role_code(ROLE_COUNT), "");
	assert_string_equal(role_code((enum role)-1), "");
	assert_string_equal(role_name_zh((enum role)99), "无");
	assert_string_equal(role_name_en((enum role)99), "None");
	assert_false(role_is_admin(ROLE_NONE));
	assert_false(role_is_admin(ROLE_COUNT));
	assert_false(role_is_admin((enum role)-5));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_codes_unique),
		cmocka_unit_test(test_unknown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
