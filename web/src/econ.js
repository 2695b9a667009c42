// Economic operation 经济运行: the catalog, values in their display units
// (exact: the server keeps integers of 元, persons, households), periods
// (1-2月, quarters) and pace statuses, shared by the pages under /economy.
import { ref } from 'vue'
import { api } from './api.js'
import { lang } from './i18n.js'

// Display units: base units per display unit, and names.
export const UNITS = {
  yi: { f: 1e8, zh: '亿元', en: '100M yuan', digits: 8 },
  wan: { f: 1e4, zh: '万元', en: '10k yuan', digits: 4 },
  yuan: { f: 1, zh: '元', en: 'yuan', digits: 0 },
  wan_usd: { f: 1e4, zh: '万美元', en: '10k USD', digits: 4 },
  usd: { f: 1, zh: '美元', en: 'USD', digits: 0 },
  person: { f: 1, zh: '人', en: 'persons', digits: 0 },
  household: { f: 1, zh: '户', en: 'entities', digits: 0 },
  item: { f: 1, zh: '个', en: 'items', digits: 0 },
}
export const unitName = (d) => (UNITS[d] ? UNITS[d][lang.value === 'en' ? 'en' : 'zh'] : d || '')

// A base-unit integer shown in the display unit: 42780000000 yi -> "427.8".
export function fmtValue(v, display, maxDec = 2) {
  if (v === null || v === undefined) return '—'
  const u = UNITS[display] || UNITS.yuan
  const x = v / u.f
  return x.toLocaleString('zh-CN', { maximumFractionDigits: u.digits ? maxDec : 0 })
}

// Typed text in the display unit to the exact base integer, or null when it
// is not a plain non-negative number or finer than the base unit.
export function parseValue(text, display) {
  const u = UNITS[display] || UNITS.yuan
  const s = String(text ?? '').trim().replaceAll(',', '')
  const m = s.match(/^(\d+)(?:\.(\d+))?$/)
  if (!m) return null
  const frac = (m[2] || '').replace(/0+$/, '')
  if (frac.length > u.digits) return null
  const n = Number(m[1] + frac.padEnd(u.digits, '0'))
  return Number.isSafeInteger(n) ? n : null
}

// Basis points as a percentage: 840 -> "8.4%"; growth with its sign.
export const fmtBp = (bp, sign = false) =>
  bp === null || bp === undefined ? '—' : (sign && bp > 0 ? '+' : '') + (bp / 100).toFixed(Math.abs(bp) % 100 ? (Math.abs(bp) % 10 ? 2 : 1) : 0) + '%'
export const fmtPoints = (bp) =>
  bp === null || bp === undefined ? '—' : (bp > 0 ? '+' : '') + (bp / 100).toFixed(1) + (lang.value === 'en' ? ' pt' : '个百分点')

// "8.4" typed as a percentage -> 840; null when not a number with at most two decimals.
export function parsePercent(text) {
  const s = String(text ?? '').trim().replace('%', '')
  if (s === '') return undefined
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return null
  return Math.round(Number(s) * 100)
}

export const PACE = {
  ahead: { zh: '超序时', en: 'ahead', type: 'success' },
  on_pace: { zh: '符合序时', en: 'on pace', type: 'primary' },
  behind: { zh: '落后序时', en: 'behind', type: 'danger' },
  done: { zh: '已完成', en: 'done', type: 'success' },
  no_target: { zh: '无目标', en: 'no target', type: 'info' },
  no_data: { zh: '无数据', en: 'no data', type: 'info' },
}
export const paceName = (s) => (PACE[s] ? PACE[s][lang.value === 'en' ? 'en' : 'zh'] : s)

export const STATUS = {
  draft: { zh: '待审核', en: 'Draft', type: 'warning' },
  published: { zh: '已发布', en: 'Published', type: 'success' },
}
export const statusName = (s) => (STATUS[s] ? STATUS[s][lang.value === 'en' ? 'en' : 'zh'] : s)

// The catalog, loaded once.
export const catalog = ref([])
let pending = null
export function loadCatalog(force = false) {
  if (force || !pending) pending = api.get('/indicators').then((d) => (catalog.value = d.items)).catch((e) => { pending = null; throw e })
  return pending
}
export const indicatorName = (ind) => (ind ? (lang.value === 'en' && ind.name_en) || ind.name : '')

// Periods an indicator has in a year: "2023-02".."2023-12" (1-2月 merged) or quarters.
export function periodsOf(ind, year) {
  if (!ind) return []
  if (ind.periodicity === 'quarterly') return [1, 2, 3, 4].map((q) => ({ value: `${year}-Q${q}`, zh: ['一季度', '上半年', '前三季度', '全年'][q - 1], en: ['Q1', 'H1', 'Q1-Q3', 'Full year'][q - 1] }))
  const first = ind.jan_feb_merged ? 2 : 1
  const out = []
  for (let m = first; m <= 12; m++) out.push({ value: `${year}-${String(m).padStart(2, '0')}`, zh: m === 1 ? '1月' : `1-${m}月`, en: m === 1 ? 'Jan' : `Jan-${['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m]}` })
  return out
}

// Page-local words {key: [zh, en]} to a translator with {name} parameters.
export function wordsOf(words) {
  return (k, p = {}) => {
    const w = words[k]
    let s = w ? w[lang.value === 'en' ? 1 : 0] : k
    for (const [a, b] of Object.entries(p)) s = s.replaceAll(`{${a}}`, b)
    return s
  }
}
