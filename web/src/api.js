// The JSON API client: cookie session, CSRF header on every non-GET,
// errors as ApiError with the message in the UI language.
import { reactive } from 'vue'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { lang, t } from './i18n.js'

export const session = reactive({
  user: null,
  csrf: '',
  checked: false, // GET /me has answered once
})

export class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {}
    super(e.message || `HTTP ${status}`)
    this.status = status
    this.code = e.code || ''
    this.field = e.field || ''
    this.zh = e.message_zh || e.message || ''
    this.en = e.message_en || e.message || ''
  }
  get text() {
    return (lang.value === 'en' ? this.en : this.zh) || this.message
  }
}

let onUnauthorized = () => {}
export function setUnauthorizedHandler(fn) { onUnauthorized = fn }

function qs(query) {
  if (!query) return ''
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    p.set(k, String(v))
  }
  const s = p.toString()
  return s ? '?' + s : ''
}

// Returns { data, etag, status }. Throws ApiError.
// quiet: a 401 only rejects (a prefetch made before the session is known).
export async function request(method, path, { body, query, ifMatch, quiet } = {}) {
  const headers = { Accept: 'application/json' }
  if (method !== 'GET' && method !== 'HEAD') {
    headers['Content-Type'] = 'application/json'
    if (session.csrf) headers['X-CSRF-Token'] = session.csrf
  }
  if (ifMatch) headers['If-Match'] = ifMatch
  let res
  try {
    res = await fetch('/api/v1' + path + qs(query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, { error: { code: 'network', message_zh: t('common.network'), message_en: t('common.network') } })
  }
  let data = null
  const text = res.status === 204 ? '' : await res.text()
  if (text) {
    try { data = JSON.parse(text) } catch { data = null }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, data)
    // A stale version: 412, or 409 to a request that named its version.
    err.stale = res.status === 412 || (res.status === 409 && !!ifMatch)
    if (res.status === 401 && !quiet && path !== '/session' && path !== '/me' && path !== '/me/password') {
      session.user = null
      session.csrf = ''
      onUnauthorized()
    }
    throw err
  }
  if (data && data.csrf_token) session.csrf = data.csrf_token
  return { data, etag: res.headers.get('ETag'), status: res.status }
}

export const api = {
  get: (path, query) => request('GET', path, { query }).then((r) => r.data),
  post: (path, body) => request('POST', path, { body: body ?? {} }).then((r) => r.data),
  patch: (path, body, version) => request('PATCH', path, { body, ifMatch: ifMatchOf(version) }).then((r) => r.data),
  del: (path) => request('DELETE', path).then((r) => r.data),
}

// If-Match for a loaded version: an ETag as received, or a bare version.
export function ifMatchOf(v) {
  if (v === undefined || v === null || v === '') return undefined
  const s = String(v)
  return s.startsWith('"') || s.startsWith('W/') ? s : `"${s}"`
}

// The If-Match value for an object just loaded: its version, else the ETag.
export function versionTag(obj, etag) {
  if (obj && obj.version !== undefined && obj.version !== null && obj.version !== '') return `"${obj.version}"`
  return etag || undefined
}

export const isConflict = (e) => e instanceof ApiError && !!e.stale

// Show an API error with ElMessage (the server's message in the UI language).
export function showError(e) {
  if (e instanceof ApiError) {
    if (e.status === 401) return // the router goes to the login page
    // A stale version (412, or 409 from a server that uses it): one warning
    // that says the record was reloaded; the caller reloads it.
    if (isConflict(e)) ElMessage({ type: 'warning', message: t('common.conflict'), grouping: true, duration: 6000 })
    else ElMessage({ type: 'error', message: e.text, grouping: true })
  } else {
    console.error(e)
    ElMessage({ type: 'error', message: String((e && e.message) || e), grouping: true })
  }
}

// Every page of a list (per_page 100), at most `max` items.
export async function fetchAll(path, query = {}, max = 5000) {
  const items = []
  for (let page = 1; page <= 100; page++) {
    const d = await api.get(path, { ...query, page, per_page: 100 })
    const got = (d && d.items) || []
    items.push(...got)
    const total = d && typeof d.total === 'number' ? d.total : items.length
    if (!got.length || items.length >= total || items.length >= max) break
  }
  return items
}

export async function loadMe() {
  try {
    const d = await api.get('/me')
    session.user = d.user
    if (d.csrf_token) session.csrf = d.csrf_token
  } catch (e) {
    session.user = null
    if (!(e instanceof ApiError) || e.status !== 401) showError(e)
  } finally {
    session.checked = true
  }
  return session.user
}

export async function login(username, password) {
  const d = await api.post('/session', { username, password })
  session.user = d.user
  session.csrf = d.csrf_token || session.csrf
  return d.user
}

export async function logout() {
  try { await api.del('/session') } catch (e) { if (!(e instanceof ApiError) || e.status !== 401) showError(e) }
  session.user = null
  session.csrf = ''
}
