import { createRouter, createWebHistory } from 'vue-router'
import { session, loadMe, setUnauthorizedHandler } from './api.js'
import { can } from './roles.js'
import { MODULES } from './modules.js'
import { prefetch } from './prefetch.js'
import AppLayout from './layouts/AppLayout.vue'
import LoginView from './views/LoginView.vue'
import HomeView from './views/HomeView.vue'

const ModuleView = () => import('./views/ModuleView.vue')

const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  { path: '/change-password', name: 'change-password', component: () => import('./views/ChangePasswordView.vue'), meta: { bare: true } },
  // The cockpit's big screen 大屏 for the command room, outside the layout.
  { path: '/economy/screen', name: 'cockpit-screen', component: () => import('./views/econ/CockpitView.vue'), props: { screen: true }, meta: { allow: can.readIndicators } },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', component: HomeView },
      ...MODULES.filter((m) => m.key !== 'projects' && m.key !== 'economy').map((m) => ({ path: m.key, name: m.key, component: ModuleView, props: { moduleKey: m.key } })),
      // Major projects 项目建设: list, detail, battle map, rates and ledgers, problems.
      { path: 'projects', name: 'projects', component: () => import('./views/projects/ProjectsView.vue'), meta: { allow: can.readProjects } },
      { path: 'projects/map', name: 'projects-map', component: () => import('./views/projects/BattleMapView.vue'), meta: { allow: can.readProjects } },
      { path: 'projects/rates', name: 'projects-rates', component: () => import('./views/projects/RatesView.vue'), meta: { allow: can.readProjects } },
      { path: 'projects/problems', name: 'projects-problems', component: () => import('./views/projects/ProblemsView.vue'), meta: { allow: can.readProjects } },
      { path: 'projects/light-rules', name: 'projects-light-rules', component: () => import('./views/projects/LightRulesView.vue'), meta: { allow: (r) => can.readProjects(r) || r === 'sysadmin' } },
      { path: 'projects/new', name: 'projects-new', component: () => import('./views/projects/ProjectNewView.vue'), meta: { allow: (r) => ['leader', 'staff'].includes(r) } },
      { path: 'projects/:id(\\d+)', name: 'project', component: () => import('./views/projects/ProjectDetailView.vue'), props: true, meta: { allow: can.readProjects } },
      // The cockpit 驾驶舱: the economy module's first page.
      { path: 'economy', name: 'cockpit', component: () => import('./views/econ/CockpitView.vue'), meta: { allow: can.readIndicators } },
      // Economic operation 经济运行: data entry and review, targets and pace, comparison (econ-core).
      { path: 'economy/data', name: 'economy-data', component: () => import('./views/economy/IndicatorDataView.vue'), meta: { allow: can.readIndicators } },
      { path: 'economy/pace', name: 'economy-pace', component: () => import('./views/economy/PaceView.vue'), meta: { allow: can.readIndicators } },
      { path: 'economy/compare', name: 'economy-compare', component: () => import('./views/economy/CompareView.vue'), meta: { allow: can.readIndicators } },
      { path: 'enterprises', name: 'enterprises', component: () => import('./views/EnterprisesView.vue'), meta: { allow: can.readEnterprises } },
      { path: 'admin/regions', name: 'regions', component: () => import('./views/admin/RegionsView.vue'), meta: { allow: can.readOrg } },
      { path: 'admin/departments', name: 'departments', component: () => import('./views/admin/DepartmentsView.vue'), meta: { allow: can.readOrg } },
      { path: 'admin/users', name: 'users', component: () => import('./views/admin/UsersView.vue'), meta: { allow: can.readUsers } },
      { path: 'admin/tokens', name: 'tokens', component: () => import('./views/admin/TokensView.vue') },
      { path: 'admin/audit', name: 'audit', component: () => import('./views/admin/AuditView.vue'), meta: { allow: can.readAudit } },
      { path: 'forbidden', name: 'forbidden', component: () => import('./views/ForbiddenView.vue') },
      { path: ':rest(.*)*', name: 'notfound', component: () => import('./views/ForbiddenView.vue'), props: { notFound: true } },
    ],
  },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

// A lazy route's code: started at once (alongside GET /me on the first
// visit), not after the guards.
function startLoading(to) {
  for (const r of to.matched) {
    const c = r.components && r.components.default
    if (typeof c === 'function') c().catch(() => {})
  }
}

const cockpitQuery = (q) => ({ region: q.region || '', period: q.period || '' })
const isCockpit = (to) => to.name === 'cockpit' || to.name === 'cockpit-screen'

// The browser opens at most six connections to the server: the API
// requests go first, ahead of the route's chunks.
// (A prefetch before the session is known is quiet; one the guards below
// refuse is never taken.)
router.beforeEach(async (to) => {
  const me = session.checked ? null : loadMe()
  if (isCockpit(to)) prefetch('/cockpit', cockpitQuery(to.query))
  startLoading(to)
  if (me) await me
  const u = session.user
  if (to.meta.public) {
    if (u) return u.must_change_password ? { name: 'change-password' } : { name: 'home' }
    return true
  }
  if (!u) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  // A user who must change the password goes nowhere else.
  if (u.must_change_password && to.name !== 'change-password') return { name: 'change-password' }
  if (to.meta.allow && !to.meta.allow(u.role)) return { name: 'forbidden' }
  return true
})

// A district leader's home is the cockpit (the page they open first).
router.beforeEach((to) => (to.name === 'home' && session.user?.role === 'leader' ? { name: 'cockpit' } : true))

setUnauthorizedHandler(() => {
  const cur = router.currentRoute.value
  if (!cur.meta.public) router.replace({ name: 'login', query: { redirect: cur.fullPath } })
})
