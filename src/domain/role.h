/* The roles of Guatu: business roles and the three separated administrators
 * (三权分立) of a 等保三级 system. One table gives codes and names. */
#ifndef GUATU_DOMAIN_ROLE_H
#define GUATU_DOMAIN_ROLE_H
#include <stdbool.h>

enum role {
	ROLE_NONE = 0,
	ROLE_LEADER,        /* leader 区领导 */
	ROLE_STAFF,         /* staff 部门人员 */
	ROLE_STATISTICIAN,  /* statistician 统计员 */
	ROLE_INVEST_CADRE,  /* invest_cadre 招商干部 */
	ROLE_SERVICE_CADRE, /* service_cadre 包保干部 */
	ROLE_ENTERPRISE,    /* enterprise 企业联系人 */
	ROLE_AUDITOR,       /* auditor 审计员 */
	ROLE_SYSADMIN,      /* sysadmin 系统管理员 */
	ROLE_SECADMIN,      /* secadmin 安全管理员 */
	ROLE_AUDITADMIN,    /* auditadmin 审计管理员 */
	ROLE_COUNT
};

/* The role with this exact (case-sensitive) code; ROLE_NONE for NULL or
 * an unknown code. */
enum role role_from_code(const char *s);
/* Static strings, never NULL: "" code and "无" / "None" for ROLE_NONE or an
 * out-of-range value. */
const char *role_code(enum role r);
const char *role_name_zh(enum role r);
const char *role_name_en(enum role r);
/* True for sysadmin, secadmin and auditadmin only. */
bool role_is_admin(enum role r);

#endif
