// The regions the user can see, loaded once and shared by the pages.
import { ref } from 'vue'
import { fetchAll, session } from './api.js'
import { lang } from './i18n.js'

export const regions = ref([])
let pending = null
let owner = null // the user the list was loaded for: scopes differ

export function loadRegions(force = false) {
  const who = session.user ? session.user.id : null
  if (who !== owner) regions.value = []
  if (force || !pending || who !== owner) {
    owner = who
    const mine = (pending = fetchAll('/regions').then((items) => {
      if (pending === mine) regions.value = items
      return items
    }).catch((e) => {
      if (pending === mine) pending = null
      throw e
    }))
  }
  return pending
}

// A region's name in the UI language (name_en when the server has one).
export const localName = (r) => (r ? (lang.value === 'en' && r.name_en) || r.name : '')

export function regionName(code, fallback) {
  const r = regions.value.find((x) => x.code === code)
  return r ? localName(r) : fallback || code || ''
}

// Items {code, parent, ...} as a tree: nodes get `children`; roots are the
// ones whose parent is not in the list.
export function buildTree(items) {
  const by = new Map(items.map((r) => [r.code, { ...r, children: [] }]))
  const roots = []
  for (const n of by.values()) {
    const p = n.parent && by.get(n.parent)
    if (p) p.children.push(n)
    else roots.push(n)
  }
  const sort = (list) => {
    list.sort((a, b) => String(a.code).localeCompare(String(b.code)))
    for (const n of list) {
      if (n.children.length) sort(n.children)
      else delete n.children
    }
  }
  sort(roots)
  return roots
}
