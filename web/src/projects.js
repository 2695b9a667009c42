// Major projects 项目建设: codes, formatting and what the pages compute
// from the registry (see docs/api.md, "Routes: major projects").
import { lang } from './i18n.js'
import { fetchAll } from './api.js'

const L = (zh, en) => ({ zh, en })
const pickL = (x) => (x ? (lang.value === 'en' ? x.en : x.zh) : '')

export const STAGES = [
  ['planning', L('谋划', 'Planning')],
  ['reserve', L('储备', 'Reserve')],
  ['signed', L('签约', 'Signed')],
  ['located', L('落位', 'Sited')],
  ['preparing', L('前期手续', 'Procedures')],
  ['started', L('开工', 'Started')],
  ['building', L('在建', 'Building')],
  ['completed', L('竣工', 'Completed')],
  ['operating', L('投产', 'Operating')],
  ['in_stats', L('入库入统', 'In statistics')],
].map(([code, l], i) => ({ code, i, ...l }))
export const stageIndex = (c) => { const s = STAGES.find((x) => x.code === c); return s ? s.i : -1 }
export const stageName = (c) => pickL(STAGES.find((x) => x.code === c)) || c || ''
export const isStarted = (c) => stageIndex(c) >= stageIndex('started')

export const LIGHTS = [
  { code: 'green', color: '#2e9d5b', ...L('绿灯', 'Green') },
  { code: 'yellow', color: '#e0a100', ...L('黄灯', 'Yellow') },
  { code: 'red', color: '#d9363e', ...L('红灯', 'Red') },
]
export const lightColor = (c) => (LIGHTS.find((x) => x.code === c) || { color: '#a0a8b5' }).color
export const lightName = (c) => pickL(LIGHTS.find((x) => x.code === c)) || c || ''

export const CATEGORIES = [
  { code: 'industry', ...L('产业项目', 'Industry') },
  { code: 'infrastructure', ...L('基础设施', 'Infrastructure') },
  { code: 'social', ...L('社会民生', 'Social') },
  { code: 'real_estate', ...L('房地产', 'Real estate') },
]
export const categoryName = (c) => pickL(CATEGORIES.find((x) => x.code === c)) || c || ''

export const KINDS = [
  { code: 'new', ...L('新建', 'New') },
  { code: 'continuing', ...L('续建', 'Continuing') },
]
export const kindName = (c) => pickL(KINDS.find((x) => x.code === c)) || c || ''

export const TAGS = [
  { code: '5000万以上', ...L('5000万以上', 'Over ¥50 m') },
  { code: '亿元以上', ...L('亿元以上', 'Over ¥100 m') },
  { code: '专项债', ...L('专项债', 'Special bond') },
  { code: '新建', ...L('新建', 'New') },
  { code: '续建', ...L('续建', 'Continuing') },
  { code: '省重点', ...L('省重点', 'Provincial key') },
  { code: '市重点', ...L('市重点', 'City key') },
]
export const tagName = (c) => pickL(TAGS.find((x) => x.code === c)) || c

export const PROC_STATUS = [
  { code: 'not_started', type: 'info', ...L('未启动', 'Not started') },
  { code: 'in_progress', type: 'warning', ...L('办理中', 'In progress') },
  { code: 'obtained', type: 'success', ...L('已取得', 'Obtained') },
  { code: 'exempt', type: 'primary', ...L('免办', 'Exempt') },
]
export const procStatus = (c) => PROC_STATUS.find((x) => x.code === c) || { code: c, type: 'info', zh: c, en: c }
export const PROC_FORMS = [
  { code: 'review', ...L('审批', 'Review') },
  { code: 'verify', ...L('核准', 'Verification') },
  { code: 'filing', ...L('备案', 'Filing') },
]
export const PROC_KINDS = [
  { code: 'approval', ...L('立项', 'Project approval') },
  { code: 'land', ...L('用地', 'Land use') },
  { code: 'planning', ...L('规划许可', 'Planning permit') },
  { code: 'eia', ...L('环评', 'Environmental assessment') },
  { code: 'energy', ...L('能评', 'Energy assessment') },
  { code: 'permit', ...L('施工许可', 'Construction permit') },
  { code: 'start', ...L('开工', 'Construction start') },
]
export const procKindName = (c) => pickL(PROC_KINDS.find((x) => x.code === c)) || c || ''

export const REPORT_STATUS = [
  { code: 'draft', type: 'info', ...L('草稿', 'Draft') },
  { code: 'submitted', type: 'warning', ...L('已报送', 'Submitted') },
  { code: 'reviewed', type: 'success', ...L('已审核', 'Reviewed') },
  { code: 'returned', type: 'danger', ...L('已退回', 'Returned') },
]
export const reportStatus = (c) => REPORT_STATUS.find((x) => x.code === c) || { code: c, type: 'info', zh: c, en: c }

// 交办 → 办理 → 反馈 → 销号
export const PROBLEM_STATUS = [
  { code: 'assigned', type: 'danger', ...L('交办', 'Assigned') },
  { code: 'handling', type: 'warning', ...L('办理', 'Handling') },
  { code: 'feedback', type: 'primary', ...L('反馈', 'Feedback') },
  { code: 'closed', type: 'success', ...L('销号', 'Closed') },
]
export const problemStatus = (c) => PROBLEM_STATUS.find((x) => x.code === c) || { code: c, type: 'info', zh: c, en: c }

export { pickL }

// Amounts: integers of 元 shown in 万元 or 亿元.
export function fmtMoney(yuan, { unit } = {}) {
  if (yuan === null || yuan === undefined || yuan === '') return '—'
  const n = Number(yuan)
  if (!Number.isFinite(n)) return '—'
  const en = lang.value === 'en'
  if (unit === 'yi' || (!unit && Math.abs(n) >= 1e8)) {
    const v = n / 1e8
    return (en ? v.toLocaleString('en', { maximumFractionDigits: 2 }) + ' 亿' : trimNum(v, 2) + '亿') + '元'
  }
  const v = n / 1e4
  return (en ? v.toLocaleString('en', { maximumFractionDigits: 2 }) + ' 万' : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) + '万') + '元'
}
const trimNum = (v, d) => String(Number(v.toFixed(d)))
// 万元 as a plain number (tables, charts).
export const wan = (yuan) => (yuan === null || yuan === undefined ? null : Math.round(Number(yuan) / 100) / 100)
export const pct = (x, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : (x * 100).toFixed(d) + '%')

export function lightReasons(p) {
  const rs = (p && p.light_reasons) || []
  return rs.map((r) => (lang.value === 'en' ? r.en || r.zh : r.zh || r.en) || r.code)
}

// Today in China (UTC+8) as YYYY-MM-DD.
export function today() {
  const d = new Date(Date.now() + 8 * 3600 * 1000)
  return d.toISOString().slice(0, 10)
}

// Every project in scope (for the list's filter options);
// cached for a short while.
let cache = { key: '', at: 0, items: null }
export async function allProjects(query = {}, { fresh = false } = {}) {
  const key = JSON.stringify(query)
  if (!fresh && cache.items && cache.key === key && Date.now() - cache.at < 30000) return cache.items
  const items = await fetchAll('/projects', query, 5000)
  cache = { key, at: Date.now(), items }
  return items
}
export const forgetProjects = () => { cache = { key: '', at: 0, items: null } }

// Distinct {id, name} pairs of a field in the projects, e.g. leaders.
export function optionsOf(items, idKey, nameKey) {
  const m = new Map()
  for (const p of items) if (p[idKey] !== null && p[idKey] !== undefined) m.set(p[idKey], p[nameKey] || String(p[idKey]))
  return [...m].map(([id, name]) => ({ id, name })).sort((a, b) => String(a.name).localeCompare(String(b.name), 'zh'))
}

// The five rates as the server names them (GET /projects/rates).
export const RATE_KEYS = [
  { key: 'start', ...L('开工率', 'Start rate') },
  { key: 'start_resume', ...L('开复工率', 'Start & resume rate') },
  { key: 'completion', ...L('竣工率', 'Completion rate') },
  { key: 'investment', ...L('投资完成率', 'Investment completion') },
  { key: 'stats', ...L('入统率', 'Statistics registration') },
]
