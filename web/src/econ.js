// Economic operation 经济运行 in the web UI: numbers as the reports write
// them (亿元 with one decimal, growth with one decimal, ranks), and who may
// open the cockpit (mirrors RES_ECON_VALUE reads in src/domain/scope.c).
import { lang } from './i18n.js'

export const canReadCockpit = (r) =>
  ['leader', 'staff', 'statistician', 'invest_cadre', 'service_cadre', 'auditor'].includes(r)

// display_unit → [divisor, zh unit, en unit]
const UNITS = {
  yi: [1e8, '亿元', '100M yuan'],
  wan: [1e4, '万元', '10k yuan'],
  yuan: [1, '元', 'yuan'],
  wan_usd: [1e4, '万美元', '10k USD'],
  usd: [1, '美元', 'USD'],
  person: [1, '人', 'people'],
  household: [1, '户', 'entities'],
  item: [1, '个', 'items'],
}

export function unitLabel(displayUnit) {
  const u = UNITS[displayUnit] || [1, '', '']
  return lang.value === 'en' ? u[2] : u[1]
}

// The number alone in the display unit: 42780000000, 'yi' → '427.8'.
export function fmtValue(v, displayUnit) {
  if (v === null || v === undefined) return '—'
  const u = UNITS[displayUnit] || [1]
  if (u[0] === 1) return Number(v).toLocaleString('zh-CN')
  return (Number(v) / u[0]).toFixed(1)
}

// Basis points as a percentage with one decimal, '.0' dropped: 840 → '8.4%'.
export function fmtPct(bp, { sign = false } = {}) {
  if (bp === null || bp === undefined) return '—'
  const s = (Math.round(Number(bp) / 10) / 10).toFixed(1).replace(/\.0$/, '')
  return (sign && bp > 0 ? '+' : '') + s + '%'
}

// Points: 140 → '1.4'
export const fmtPoints = (bp) => (Math.round(Math.abs(Number(bp)) / 10) / 10).toFixed(1).replace(/\.0$/, '')

export const PACE_TYPES = { ahead: 'success', done: 'success', on_pace: 'primary', behind: 'danger', no_target: 'info' }

// '2023-06' for a Date or the current month.
export function monthOf(d = new Date()) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}
