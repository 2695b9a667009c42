// A page's first GET started while its code still loads: the router asks
// for it at the start of the navigation, the page takes it when it mounts
// (once, and only while fresh), instead of asking after its chunks arrive.
import { api, request } from './api.js'

const FRESH_MS = 5000
const pending = new Map() // key -> { at, promise }

const keyOf = (path, query) => path + '?' + JSON.stringify(Object.entries(query || {}).filter(([, v]) => v !== undefined && v !== null && v !== ''))

// Asked before the session is known too: a 401 here is quiet (the router
// goes to the login page itself) and a failed prefetch is forgotten, so the
// page asks again rather than show it.
export function prefetch(path, query) {
  const k = keyOf(path, query)
  const p = pending.get(k)
  if (p && Date.now() - p.at < FRESH_MS) return
  const entry = { at: Date.now(), promise: request('GET', path, { query, quiet: true }).then((r) => r.data) }
  entry.promise.catch(() => { if (pending.get(k) === entry) pending.delete(k) })
  pending.set(k, entry)
}

// The prefetched answer's promise, or a new request.
export function getPrefetched(path, query) {
  const k = keyOf(path, query)
  const p = pending.get(k)
  pending.delete(k)
  return p && Date.now() - p.at < FRESH_MS ? p.promise : api.get(path, query)
}
