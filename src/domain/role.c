#include "domain/role.h"

#include <string.h>

struct role_info {
	const char *code, *zh, *en;
	bool is_admin;
};

static const struct role_info roles[ROLE_COUNT] = {
	[ROLE_NONE] = { "", "无", "None", false },
	[ROLE_LEADER] = { "leader", "区领导", "District leader", false },
	[ROLE_STAFF] = { "staff", "部门人员", "Department staff", false },
	[ROLE_STATISTICIAN] = { "statistician", "统计员", "Statistician", false },
	[ROLE_INVEST_CADRE] = { "invest_cadre", "招商干部", "Investment cadre", false },
	[ROLE_SERVICE_CADRE] = { "service_cadre", "包保干部", "Service cadre", false },
	[ROLE_ENTERPRISE] = { "enterprise", "企业联系人", "Enterprise contact", false },
	[ROLE_AUDITOR] = { "auditor", "审计员", "Auditor", false },
	[ROLE_SYSADMIN] = { "sysadmin", "系统管理员", "System administrator", true },
	[ROLE_SECADMIN] = { "secadmin", "安全管理员", "Security administrator", true },
	[ROLE_AUDITADMIN] = { "auditadmin", "审计管理员", "Audit administrator", true },
};

static const struct role_info *info(enum role r)
{
	return (unsigned)r < ROLE_COUNT ? &roles[r] : &roles[ROLE_NONE];
}

enum role role_from_code(const char *s)
{
	if (!s || !*s)
		return ROLE_NONE;
	for (int r = ROLE_NONE + 1; r < ROLE_COUNT; r++)
		if (strcmp(s, roles[r].code) == 0)
			return (enum role)r;
	return ROLE_NONE;
}

const char *role_code(enum role r)
{
	return info(r)->code;
}

const char *role_name_zh(enum role r)
{
	return info(r)->zh;
}

const char *role_name_en(enum role r)
{
	return info(r)->en;
}

bool role_is_admin(enum role r)
{
	return info(r)->is_admin;
}
