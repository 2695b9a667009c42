// A paged list from the API: items, total, loading, page and size.
import { reactive } from 'vue'
import { api, showError } from './api.js'
import { isMobile } from './mobile.js'

export function usePagedList(path, filters, perPage = 20) {
  const state = reactive({ items: [], total: 0, page: 1, perPage, loading: false, loaded: false })
  let seq = 0
  async function load(page) {
    if (page) state.page = page
    const my = ++seq
    state.loading = true
    try {
      const q = { page: state.page, per_page: state.perPage }
      for (const [k, v] of Object.entries(filters || {})) if (v !== '' && v !== null && v !== undefined) q[k] = v
      const d = await api.get(typeof path === 'function' ? path() : path, q)
      if (my !== seq) return
      state.items = (d && d.items) || []
      state.total = d && typeof d.total === 'number' ? d.total : state.items.length
    } catch (e) {
      if (my === seq) {
        state.items = []
        state.total = 0
        showError(e)
      }
    } finally {
      if (my === seq) {
        state.loading = false
        state.loaded = true
      }
    }
  }
  return { state, load }
}

// The pagination layout for the screen size.
export const pagerLayout = () => (isMobile.value ? 'prev, pager, next' : 'total, sizes, prev, pager, next, jumper')
