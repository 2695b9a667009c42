// A small own dictionary: Chinese first, English second. The choice is kept
// in localStorage; Element Plus gets the matching locale in App.vue.
import { ref } from 'vue'

const KEY = 'guatu.lang'

function initial() {
  try {
    const v = localStorage.getItem(KEY)
    if (v === 'zh' || v === 'en') return v
  } catch { /* private mode */ }
  return 'zh'
}

export const lang = ref(initial())

export function setLang(v) {
  lang.value = v === 'en' ? 'en' : 'zh'
  try { localStorage.setItem(KEY, lang.value) } catch { /* ignore */ }
  document.documentElement.lang = lang.value === 'en' ? 'en' : 'zh-CN'
  document.title = lang.value === 'en' ? 'Guatu 挂图' : '挂图 Guatu'
}

// key: [zh, en]
const dict = {
  'app.name': ['挂图', 'Guatu'],
  'app.subtitle': ['经济工作挂图作战平台', 'Economic work command board'],
  'common.search': ['查询', 'Search'],
  'common.reset': ['重置', 'Reset'],
  'common.create': ['新增', 'New'],
  'common.edit': ['编辑', 'Edit'],
  'common.save': ['保存', 'Save'],
  'common.cancel': ['取消', 'Cancel'],
  'common.close': ['关闭', 'Close'],
  'common.confirm': ['确定', 'OK'],
  'common.actions': ['操作', 'Actions'],
  'common.loading': ['加载中…', 'Loading…'],
  'common.noData': ['暂无数据', 'No data'],
  'common.all': ['全部', 'All'],
  'common.yes': ['是', 'Yes'],
  'common.no': ['否', 'No'],
  'common.saved': ['已保存', 'Saved'],
  'common.created': ['已创建', 'Created'],
  'common.refresh': ['刷新', 'Refresh'],
  'common.required': ['必填', 'Required'],
  'common.total': ['共 {n} 条', '{n} in total'],
  'common.conflict': ['该记录已被他人修改，已为您重新加载，请核对后再保存。',
    'Someone else changed this record. It has been reloaded; please check and save again.'],
  'common.network': ['无法连接服务器', 'Cannot reach the server'],
  'common.forbidden': ['当前角色无权访问此页面', 'Your role may not open this page'],
  'common.region': ['区划', 'Region'],
  'common.version': ['版本', 'Version'],
  'common.export': ['导出本页 CSV', 'Export page as CSV'],
  'common.copy': ['复制', 'Copy'],
  'common.copied': ['已复制', 'Copied'],
  'common.never': ['从未', 'Never'],
  'common.menu': ['菜单', 'Menu'],

  'login.title': ['登录', 'Sign in'],
  'login.username': ['用户名', 'Username'],
  'login.password': ['密码', 'Password'],
  'login.submit': ['登录', 'Sign in'],
  'login.locked': ['账号已锁定，请联系安全管理员解锁。', 'The account is locked. Ask the security administrator to unlock it.'],
  'login.intro': ['出题目、列清单、压担子、挖潜力、交卷子', 'Set the question, list it, load the shoulders, dig potential, hand in the paper'],
  'login.footer': ['开源软件 · 数据仅供本区政府内部使用', 'Open-source software · data for internal government use'],

  'pw.title': ['修改密码', 'Change password'],
  'pw.forced': ['首次登录或密码已被重置，请先设置新密码后再继续使用系统。',
    'This is your first sign-in or your password was reset. Set a new password to continue.'],
  'pw.old': ['原密码', 'Current password'],
  'pw.new': ['新密码', 'New password'],
  'pw.repeat': ['确认新密码', 'Repeat new password'],
  'pw.mismatch': ['两次输入的新密码不一致', 'The new passwords do not match'],
  'pw.policy': ['密码要求：至少 8 个字符，且包含大写字母、小写字母、数字、符号中的至少 3 类。',
    'Password policy: at least 8 characters, with at least 3 of: upper case, lower case, digit, symbol.'],
  'pw.rule.len': ['至少 8 个字符', 'At least 8 characters'],
  'pw.rule.classes': ['大写、小写、数字、符号中至少 3 类（当前 {n} 类）', 'At least 3 of upper, lower, digit, symbol (now {n})'],
  'pw.rule.same': ['与原密码不同', 'Differs from the current password'],
  'pw.submit': ['修改密码', 'Change password'],
  'pw.done': ['密码已修改', 'Password changed'],
  'pw.weak': ['新密码不符合密码策略', 'The new password does not meet the policy'],

  'top.logout': ['退出登录', 'Sign out'],
  'top.lang': ['English', '中文'],
  'top.tokens': ['API 令牌', 'API tokens'],
  'top.password': ['修改密码', 'Change password'],

  'nav.home': ['首页', 'Home'],
  'nav.modules': ['业务模块', 'Modules'],
  'nav.projects': ['项目建设', 'Major projects'],
  'nav.investment': ['招商引资', 'Investment promotion'],
  'nav.service': ['营商环境', 'Enterprise service'],
  'nav.policies': ['惠企政策', 'Policies & rewards'],
  'nav.economy': ['经济运行', 'Economic operation'],
  'nav.supervision': ['督查督办', 'Task supervision'],
  'nav.enterprises': ['企业库', 'Enterprise registry'],
  'nav.admin': ['系统管理', 'Administration'],
  'nav.regions': ['区划', 'Regions'],
  'nav.departments': ['部门', 'Departments'],
  'nav.users': ['用户', 'Users'],
  'nav.tokens': ['令牌', 'API tokens'],
  'nav.audit': ['审计日志', 'Audit log'],

  'home.welcome': ['{name}，您好', 'Welcome, {name}'],
  'home.role': ['角色', 'Role'],
  'home.region': ['所属区划', 'Region'],
  'home.department': ['所属部门', 'Department'],
  'home.lastLogin': ['上次登录', 'Last sign-in'],
  'home.loop': ['工作闭环', 'The closed loop'],
  'home.loop.1': ['出题目', 'Set the question'],
  'home.loop.1d': ['年度目标', 'Annual targets'],
  'home.loop.2': ['列清单', 'List it'],
  'home.loop.2d': ['项目、任务清单', 'Projects, task lists'],
  'home.loop.3': ['压担子', 'Load the shoulders'],
  'home.loop.3d': ['包保领导、责任部门', 'Owners, departments'],
  'home.loop.4': ['挖潜力', 'Dig potential'],
  'home.loop.4d': ['储备、线索、培育', 'Reserves, leads, candidates'],
  'home.loop.5': ['交卷子', 'Hand in the paper'],
  'home.loop.5d': ['调度、统计、考评', 'Reports, statistics, scores'],
  'home.modules': ['业务模块', 'Modules'],
  'home.chart': ['各区划企业数', 'Enterprises by region'],
  'home.chartEmpty': ['企业库暂无企业', 'The enterprise registry is empty'],
  'home.enterprisesTotal': ['企业库企业总数：', 'Enterprises registered: '],
  'home.adminHint': ['您是管理员角色（三权分立），业务数据不在您的职责范围内。请从左侧“系统管理”进入管理功能。',
    'You hold an administrator role (separation of duties); business data is outside it. Use “Administration” in the menu.'],
  'home.open': ['进入', 'Open'],

  'module.soon': ['建设中', 'Coming soon'],
  'module.what': ['此模块将提供：', 'This module will provide:'],

  'ent.q': ['名称或信用代码', 'Name or credit code'],
  'ent.creditCode': ['统一社会信用代码', 'Unified social credit code'],
  'ent.name': ['企业名称', 'Name'],
  'ent.region': ['所属区划', 'Region'],
  'ent.industry': ['行业 (GB/T 4754)', 'Industry (GB/T 4754)'],
  'ent.industryShort': ['行业', 'Industry'],
  'ent.invalid': ['校验码不符', 'Check char fails'],
  'ent.invalidHint': ['校验码不符合 GB 32100-2015，部分早期代码可能如此，请核实。',
    'The check character fails GB 32100-2015. Some older codes do; please verify.'],
  'ent.create': ['登记企业', 'Register enterprise'],
  'ent.edit': ['编辑企业', 'Edit enterprise'],
  'ent.codeShape': ['应为 18 位，由数字和大写字母（不含 I、O、S、V、Z）组成', '18 characters: digits and capitals except I, O, S, V, Z'],
  'ent.industryHint': ['如 C36 汽车制造业', 'e.g. C36 (motor vehicles)'],
  'ent.warning': ['提示', 'Warning'],

  'region.code': ['区划代码', 'Code'],
  'region.name': ['名称', 'Name'],
  'region.nameEn': ['英文名称', 'English name'],
  'region.parent': ['上级区划', 'Parent'],
  'region.level': ['级别', 'Level'],
  'region.level.1': ['省级', 'Province'],
  'region.level.2': ['市级', 'City'],
  'region.level.3': ['县区级', 'District'],
  'region.create': ['新增区划', 'New region'],
  'region.edit': ['修改区划名称', 'Rename region'],
  'region.expand': ['全部展开', 'Expand all'],

  'dept.name': ['部门名称', 'Department'],
  'dept.create': ['新增部门', 'New department'],
  'dept.edit': ['修改部门', 'Edit department'],

  'user.q': ['用户名或姓名', 'Username or name'],
  'user.username': ['用户名', 'Username'],
  'user.displayName': ['姓名', 'Name'],
  'user.role': ['角色', 'Role'],
  'user.department': ['部门', 'Department'],
  'user.status': ['状态', 'Status'],
  'user.lastLogin': ['上次登录', 'Last sign-in'],
  'user.locked': ['已锁定', 'Locked'],
  'user.disabled': ['已停用', 'Disabled'],
  'user.mustChange': ['待改密', 'Must change password'],
  'user.active': ['正常', 'Active'],
  'user.create': ['新增用户', 'New user'],
  'user.edit': ['编辑用户', 'Edit user'],
  'user.unlock': ['解锁', 'Unlock'],
  'user.unlocked': ['已解锁', 'Unlocked'],
  'user.resetPw': ['重置密码', 'Reset password'],
  'user.resetDone': ['密码已重置，用户下次登录须修改密码', 'Password reset; the user must change it at next sign-in'],
  'user.initialPw': ['初始密码', 'Initial password'],
  'user.initialHint': ['新用户首次登录时须修改密码。', 'New users must change the password at first sign-in.'],
  'user.disable': ['停用账号', 'Disable account'],
  'user.noDept': ['（无）', '(none)'],

  'token.name': ['名称', 'Name'],
  'token.created': ['创建时间', 'Created'],
  'token.lastUsed': ['最近使用', 'Last used'],
  'token.status': ['状态', 'Status'],
  'token.revoked': ['已吊销', 'Revoked'],
  'token.active': ['有效', 'Active'],
  'token.create': ['新建令牌', 'New token'],
  'token.revoke': ['吊销', 'Revoke'],
  'token.revokeConfirm': ['确定吊销令牌“{name}”？使用它的集成将立即失效。', 'Revoke token “{name}”? Integrations using it stop working at once.'],
  'token.secretTitle': ['令牌已创建', 'Token created'],
  'token.secretOnce': ['请立即复制并妥善保存，此令牌只显示这一次。', 'Copy it now and keep it safe: it is shown only once.'],
  'token.intro': ['API 令牌供外部系统以您的身份调用接口（请求头 Authorization: Bearer <令牌>）。',
    'API tokens let other systems call the API as you (header Authorization: Bearer <token>).'],

  'audit.actor': ['操作人', 'Actor'],
  'audit.action': ['操作', 'Action'],
  'audit.objectType': ['对象类型', 'Object type'],
  'audit.objectId': ['对象 ID', 'Object id'],
  'audit.ts': ['时间', 'Time'],
  'audit.ip': ['IP', 'IP'],
  'audit.dates': ['日期范围', 'Dates'],
  'audit.from': ['开始日期', 'From'],
  'audit.to': ['结束日期', 'To'],
  'audit.q': ['全文检索', 'Free text'],
  'audit.before': ['修改前', 'Before'],
  'audit.after': ['修改后', 'After'],
  'audit.hash': ['哈希', 'Hash'],
  'audit.null': ['（无）', '(none)'],
  'audit.intro': ['审计记录按哈希链串联，任何篡改都可被 guatu verify 发现。', 'Audit records are hash-chained; guatu verify detects any tampering.'],
}

export function t(key, params) {
  const e = dict[key]
  let s = e ? e[lang.value === 'en' ? 1 : 0] : key
  if (params) for (const k in params) s = s.replaceAll('{' + k + '}', String(params[k]))
  return s
}

// Pick zh or en from an object with name_zh / name_en (or message_zh / ...).
export function pick(obj, base = 'name') {
  if (!obj) return ''
  return (lang.value === 'en' ? obj[base + '_en'] : obj[base + '_zh']) || obj[base] || ''
}

export function fmtTime(sec) {
  if (!sec) return ''
  const d = new Date(sec * 1000)
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}
