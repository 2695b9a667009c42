// Roles and what each may see. The server decides every request; this only
// hides what a role could never use (mirrors src/domain/scope.c).
import { lang } from './i18n.js'

export const ROLES = [
  { code: 'leader', zh: '区领导', en: 'District leader' },
  { code: 'staff', zh: '部门人员', en: 'Department staff' },
  { code: 'statistician', zh: '统计员', en: 'Statistician' },
  { code: 'invest_cadre', zh: '招商干部', en: 'Investment cadre' },
  { code: 'service_cadre', zh: '包保干部', en: 'Service cadre' },
  { code: 'enterprise', zh: '企业联系人', en: 'Enterprise contact' },
  { code: 'auditor', zh: '审计员', en: 'Auditor' },
  { code: 'sysadmin', zh: '系统管理员', en: 'System administrator' },
  { code: 'secadmin', zh: '安全管理员', en: 'Security administrator' },
  { code: 'auditadmin', zh: '审计管理员', en: 'Audit administrator' },
]

export function roleName(code) {
  const r = ROLES.find((x) => x.code === code)
  if (!r) return code || ''
  return lang.value === 'en' ? r.en : r.zh
}

const BUSINESS = ['leader', 'staff', 'statistician', 'invest_cadre', 'service_cadre']
const ADMINS = ['sysadmin', 'secadmin', 'auditadmin']

export const isAdminRole = (r) => ADMINS.includes(r)

// Capabilities by role.
export const can = {
  // Major projects (RES_PROJECT): administrators get 403.
  readProjects: (r) => [...BUSINESS, 'enterprise', 'auditor'].includes(r),
  writeProjects: (r) => ['leader', 'staff', 'statistician'].includes(r),
  readEnterprises: (r) => [...BUSINESS, 'enterprise', 'auditor'].includes(r),
  writeEnterprises: (r) => BUSINESS.includes(r),
  readOrg: (r) => !!r, // regions and departments: everyone reads
  writeOrg: (r) => r === 'sysadmin',
  readUsers: (r) => ADMINS.includes(r),
  writeUsers: (r) => r === 'sysadmin',
  adminUsers: (r) => r === 'secadmin', // unlock, reset password, admin roles
  editUsers: (r) => r === 'sysadmin',
  readAudit: (r) => r === 'auditadmin' || r === 'auditor',
  // Economic indicators (RES_ECON_VALUE, RES_ECON_TARGET): values entered by
  // statisticians, published by statisticians or leaders; targets by leaders,
  // staff and statisticians.
  readIndicators: (r) => [...BUSINESS, 'auditor'].includes(r),
  enterIndicators: (r) => r === 'statistician',
  publishIndicators: (r) => r === 'statistician' || r === 'leader',
  writeTargets: (r) => ['leader', 'staff', 'statistician'].includes(r),
  // sysadmin may give business roles only, secadmin any role.
  assignableRoles: (r) =>
    r === 'secadmin' ? ROLES.map((x) => x.code) : r === 'sysadmin' ? ROLES.map((x) => x.code).filter((c) => !ADMINS.includes(c)) : [],
}
