// The cockpit's numbers as the reports write them: values in the display
// unit with one decimal ("427.8"), growth with one decimal and ".0" dropped
// ("8.4%", "23%"), gaps in points; the card colours of the pace statuses.
// (The economy pages' own helpers, catalog and units are in econ.js.)
import { UNITS, unitName } from './econ.js'

export const unitLabel = unitName

// 42780000000 in 'yi' → '427.8'; counts whole.
export function fmtValue(v, displayUnit) {
  if (v === null || v === undefined) return '—'
  const u = UNITS[displayUnit] || UNITS.yuan
  if (u.f === 1) return Number(v).toLocaleString('zh-CN')
  return (Number(v) / u.f).toFixed(1)
}

// Basis points, one decimal, '.0' dropped: 840 → '8.4%', 2300 → '23%'.
export function fmtPct(bp, { sign = false } = {}) {
  if (bp === null || bp === undefined) return '—'
  const s = (Math.round(Number(bp) / 10) / 10).toFixed(1).replace(/\.0$/, '')
  return (sign && bp > 0 ? '+' : '') + s + '%'
}

// The size of a gap in points: -722 → '7.2'.
export const fmtPoints = (bp) => (Math.round(Math.abs(Number(bp)) / 10) / 10).toFixed(1).replace(/\.0$/, '')

export const PACE_TYPES = { ahead: 'success', done: 'success', on_pace: 'primary', behind: 'danger', no_target: 'info', no_data: 'info' }
