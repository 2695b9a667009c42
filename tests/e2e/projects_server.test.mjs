// Browser test of the project pages that the server now computes: the
// battle map from GET /projects/battle-map (one request, no per-project
// round trips), rates / campaign / ledgers from their endpoints with the
// Excel export, the light-rules settings page, photos on a monthly report,
// the 新建项目 form with the registry's errors per field, reports and
// problems moved through their states, the leader's escalated problems, and
// phone views. Without GUATU_URL it starts the real binary on a fresh demo
// database. Screenshots go to $GUATU_SCREENSHOT_DIR or tests/e2e/screenshots/.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startDemo, loginAs, DEMO_PASSWORD } from '../api/lib/server.mjs'

const own = process.env.GUATU_URL ? null : await startDemo()
const BASE = (process.env.GUATU_URL || own.url).replace(/\/+$/, '')
const SHOTS = process.env.GUATU_SCREENSHOT_DIR || path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots')
const CHROMIUM = process.env.GUATU_CHROMIUM || '/usr/bin/chromium'
const as = (user) => ({ user, pass: DEMO_PASSWORD })

let browser, leaderApi, staffApi
const contexts = []
before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  })
  leaderApi = await loginAs(BASE, 'cy_leader')
  staffApi = await loginAs(BASE, 'cy_staff')
})
after(async () => {
  for (const c of contexts) await c.close().catch(() => {})
  if (browser) await browser.close()
  if (own) await own.stop()
})

async function newPage(viewport = { width: 1440, height: 900 }) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true })
  contexts.push(ctx)
  const page = await ctx.newPage()
  page.setDefaultTimeout(20000)
  page.errors = []
  page.requests = []
  page.on('pageerror', (e) => page.errors.push(String(e)))
  page.on('request', (r) => page.requests.push(r.url().replace(BASE, '')))
  return page
}
const shot = (page, name, fullPage = false) => page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage })

async function signIn(page, who) {
  await page.goto(BASE + '/login')
  await page.fill('[data-test=login-username]', who.user)
  await page.fill('[data-test=login-password]', who.pass)
  await page.click('[data-test=login-submit]')
  // A leader's home is the cockpit; other roles land on the welcome page.
  await page.waitForSelector('[data-test=welcome], [data-test=cockpit]')
}
const rowSel = (name) => `[data-test=${name}] .el-table__body-wrapper tr.el-table__row`
async function tableRows(page, name) {
  await page.waitForSelector(`[data-test=${name}]`)
  await page.waitForFunction((n) => {
    const t = document.querySelector(`[data-test=${n}]`)
    return t && !t.querySelector('.el-loading-mask:not([style*="display: none"])')
  }, name)
  return page.locator(rowSel(name)).allInnerTexts()
}
async function choose(page, selectTest, text) {
  await page.click(`[data-test=${selectTest}]`)
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text }).first().click()
}
const noOverflow = async (page) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 1, `no horizontal scrolling (${overflow}px)`)
}
const mapCount = async (page) => Number((await page.locator('[data-test=projects-map] .page-head .sub').innerText()).match(/\d+/)[0])

test('battle map: one request to the server endpoint, no per-project round trips, filters asked of the server', async () => {
  const page = await newPage()
  await signIn(page, as('cy_leader'))
  page.requests.length = 0
  await page.goto(BASE + '/projects/map')
  await page.waitForSelector('[data-test=map-gantt] canvas')
  await page.waitForFunction(() => !document.querySelector('[data-test=projects-map] .body > .el-loading-mask:not([style*="display: none"])'))
  const api = (await leaderApi.get('/api/v1/projects/battle-map')).json
  assert.equal(await mapCount(page), api.total, 'the count is the server\'s')
  const calls = page.requests.filter((u) => u.startsWith('/api/v1/projects'))
  assert.equal(calls.filter((u) => u.startsWith('/api/v1/projects/battle-map')).length, 1, calls.join('\n'))
  assert.deepEqual(calls.filter((u) => /^\/api\/v1\/projects\/\d+/.test(u)), [], 'no detail requests')
  await shot(page, 's01-battle-map-server')

  await choose(page, 'map-group', '按项目类别')
  await choose(page, 'map-light', '黄灯')
  await page.waitForFunction((n) => Number(document.querySelector('[data-test=projects-map] .page-head .sub').innerText.match(/\d+/)[0]) !== n, api.total)
  const yellow = (await leaderApi.get('/api/v1/projects/battle-map?light=yellow&group=category')).json
  assert.equal(await mapCount(page), yellow.total)
  assert.ok(page.requests.some((u) => /battle-map\?.*light=yellow/.test(u)), 'the filter goes to the server')
  await page.click('[data-test=map-view-wall]')
  await page.waitForSelector('[data-test=map-wall]')
  assert.equal(await page.locator('[data-test=wall-card].b-yellow').count(), yellow.total)
  await shot(page, 's02-status-wall-yellow-by-category')
  assert.deepEqual(page.errors, [])
})

test('rates, campaign and ledgers from the server, with Excel exports', async () => {
  const page = await newPage()
  await signIn(page, as('cy_leader'))
  await page.goto(BASE + '/projects/rates')
  const rows = await tableRows(page, 'rate-table')
  const api = (await leaderApi.get('/api/v1/projects/rates?group=department')).json
  assert.equal(rows.length, api.rows.length + 1, 'a row per department and the total')
  assert.match(rows.at(-1), new RegExp(`合计\\s+${api.total.n_projects}`))
  const pct = (r) => (r.bp / 100).toFixed(1) + '%'
  assert.ok(rows.at(-1).includes(pct(api.total.start_resume)), `开复工率 ${pct(api.total.start_resume)} in ${rows.at(-1)}`)
  assert.ok(!page.requests.some((u) => /^\/api\/v1\/projects\?/.test(u)), 'no project list is fetched to compute rates')

  const camp = (await leaderApi.get('/api/v1/projects/campaign')).json
  for (const g of camp.goals) {
    const card = page.locator(`[data-test=camp-q${g.quarter}]`)
    await card.waitFor()
    if (!g.met) assert.equal(await card.locator('[data-test=camp-miss]').count(), Math.min(6, g.n_missing), `Q${g.quarter}`)
  }
  await page.waitForSelector('[data-test=ledgers] .ledgers')
  const ledger = (await leaderApi.get('/api/v1/projects/ledgers?leader=me')).json
  assert.equal((await tableRows(page, 'ledger-time')).length, ledger.time.length)
  await shot(page, 's03-rates-campaign-ledgers', true)
  // The page scrolls inside its layout: the campaign and the ledgers on their own.
  await page.locator('[data-test=campaign]').screenshot({ path: path.join(SHOTS, 's03b-campaign.png') })
  await page.locator('[data-test=ledgers]').screenshot({ path: path.join(SHOTS, 's03c-ledgers.png') })

  for (const b of ['rate-xlsx', 'camp-xlsx', 'ledger-xlsx']) {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-test=${b}]`)])
    const buf = await fs.promises.readFile(await dl.path())
    assert.equal(buf.subarray(0, 2).toString(), 'PK', `${b}: an XLSX`)
    assert.match(dl.suggestedFilename(), /\.xlsx$/)
  }
  await choose(page, 'rate-by', '季度')
  await page.waitForFunction(() => /Q1|年内未计划开工/.test(document.querySelector('[data-test=rate-table]').innerText))
  await shot(page, 's04-rates-by-quarter')
  assert.deepEqual(page.errors, [])
})

test('light rules: a district leader edits them, the client and server checks show, staff only read', async () => {
  const page = await newPage()
  await signIn(page, as('cy_leader'))
  assert.equal(await page.locator('[data-test=nav-lightRules]').count(), 0, 'only the sysadmin\'s menu has it')
  await page.goto(BASE + '/projects/light-rules')
  await page.waitForSelector('[data-test=lr-source]')
  assert.match(await page.locator('[data-test=lr-source]').innerText(), /默认/)
  await shot(page, 's05-light-rules')
  // Red below yellow: refused before sending.
  await page.fill('[data-test=lr-red] input', '5')
  await page.locator('[data-test=lr-red] input').blur()
  await page.waitForSelector('[data-test=lr-client-error]')
  await shot(page, 's06-light-rules-error')
  await page.fill('[data-test=lr-red] input', '25')
  await page.locator('[data-test=lr-red] input').blur()
  await page.fill('[data-test=lr-start-red] input', '2')
  await page.locator('[data-test=lr-start-red] input').blur()
  await page.click('[data-test=lr-save]')
  await page.waitForFunction(() => /本区划规则/.test(document.querySelector('[data-test=lr-source]').innerText))
  const r = (await leaderApi.get('/api/v1/regions/220104/light-rules')).json
  assert.deepEqual([r.start_red_months, r.progress_red_bp, r.version], [2, 2500, 1])
  await shot(page, 's07-light-rules-saved')

  const staff = await newPage()
  await signIn(staff, as('cy_staff'))
  await staff.goto(BASE + '/projects/light-rules')
  await staff.waitForSelector('[data-test=lr-source]')
  assert.equal(await staff.locator('[data-test=lr-save]').count(), 0, 'staff cannot save')
  // Back to the defaults for the other tests.
  const back = await leaderApi.req('PUT', '/api/v1/regions/220104/light-rules',
    { start_red_months: 3, progress_yellow_bp: 1000, progress_red_bp: 3000, stats_yellow_months: 1, stats_red_months: 2 }, { 'If-Match': '"1"' })
  assert.equal(back.status, 200)
  assert.deepEqual([...page.errors, ...staff.errors], [])
})

test('light rules: the system administrator finds them in the administration menu and edits the city\'s', async () => {
  const page = await newPage()
  await signIn(page, as('sysadmin'))
  await page.click('[data-test=nav-lightRules]')
  await page.waitForURL(/\/projects\/light-rules$/)
  await page.waitForSelector('[data-test=lr-source]')
  assert.match(await page.locator('[data-test=lr-source]').innerText(), /默认/)
  assert.ok(await page.locator('[data-test=nav-lightRules]').evaluate((el) => el.classList.contains('is-active')),
    'the menu item is lit, not 项目建设')
  assert.equal(await page.locator('[data-test=nav-projects].is-active').count(), 0)
  await page.fill('[data-test=lr-stats-red] input', '3')
  await page.locator('[data-test=lr-stats-red] input').blur()
  await page.click('[data-test=lr-save]')
  await page.waitForFunction(() => /本区划规则/.test(document.querySelector('[data-test=lr-source]').innerText))
  await shot(page, 's07b-light-rules-sysadmin')
  const sysApi = await loginAs(BASE, 'sysadmin')
  const r = (await sysApi.get('/api/v1/regions/220100/light-rules')).json
  assert.deepEqual([r.stats_red_months, r.version], [3, 1])
  // Back to the defaults for the other tests.
  const back = await sysApi.req('PUT', '/api/v1/regions/220100/light-rules',
    { start_red_months: 3, progress_yellow_bp: 1000, progress_red_bp: 3000, stats_yellow_months: 1, stats_red_months: 2 }, { 'If-Match': '"1"' })
  assert.equal(back.status, 200, back.text)
  assert.deepEqual(page.errors, [])
})

test('new project form: the registry\'s errors under their fields, then the detail', async () => {
  const page = await newPage()
  await signIn(page, as('cy_staff'))
  await page.goto(BASE + '/projects')
  await page.click('[data-test=proj-new]')
  await page.waitForSelector('[data-test=pn-form]')
  await page.click('[data-test=pn-save]')
  await page.waitForSelector('[data-test=pn-form] .el-form-item__error')
  assert.match(await page.locator('[data-test=pn-form] .el-form-item__error').first().innerText(), /项目名称/)
  await page.fill('[data-test=pn-name]', '浏览器登记测试项目')
  await page.fill('[data-test=pn-code]', '2413-220104-04-01-12345X')
  await page.click('[data-test=pn-save]')
  const codeItem = page.locator('.el-form-item', { has: page.locator('[data-test=pn-code]') })
  await codeItem.locator('.el-form-item__error').waitFor()
  const msg = await codeItem.locator('.el-form-item__error').innerText()
  assert.match(msg, /项目代码/, msg)
  await shot(page, 's08-new-project-error')
  await page.fill('[data-test=pn-code]', '')
  await page.fill('[data-test=pn-industry]', 'C9999')
  await page.click('[data-test=pn-save]')
  const indItem = page.locator('.el-form-item', { has: page.locator('[data-test=pn-industry]') })
  await indItem.locator('.el-form-item__error').waitFor()
  await page.fill('[data-test=pn-industry]', 'C3663')
  await page.fill('[data-test=pn-annual] input', '2000')
  await page.click('[data-test=pn-save]')
  await page.waitForSelector('[data-test=proj-title]')
  assert.equal(await page.locator('[data-test=proj-title]').innerText(), '浏览器登记测试项目')
  const id = Number(page.url().match(/projects\/(\d+)/)[1])
  const p = (await staffApi.get(`/api/v1/projects/${id}`)).json
  assert.equal(p.annual_plan, 20000000)
  assert.equal(p.department_id, staffApi.user.department_id, 'staff register for their department')
  await shot(page, 's09-new-project-created')
  assert.deepEqual(page.errors, [])
})

test('report photos: upload, thumbnail, a refused file, submit and review with the late badge; problems through 办理', async () => {
  const p = await leaderApi.post('/api/v1/projects', { name: '照片浏览器测试项目', category: 'industry', department_id: staffApi.user.department_id })
  assert.equal(p.status, 201)
  const y1 = new Date().getUTCFullYear() - 1
  const rep = await staffApi.post(`/api/v1/projects/${p.json.id}/reports`, { month: `${y1}-06`, invest_month: '300万元', invest_ytd: '900万元', progress_text: '主体结构施工' })
  assert.equal(rep.status, 201, rep.text)
  const page = await newPage()
  await signIn(page, as('cy_staff'))
  // A real picture drawn by the browser.
  const png = Buffer.from(await page.evaluate(() => {
    const c = document.createElement('canvas'); c.width = 320; c.height = 240
    const g = c.getContext('2d'); g.fillStyle = '#5f8cc6'; g.fillRect(0, 0, 320, 240)
    g.fillStyle = '#e0a100'; g.fillRect(40, 120, 240, 90); g.fillStyle = '#fff'; g.font = '40px sans-serif'; g.fillText('工地', 110, 90)
    return c.toDataURL('image/png').split(',')[1]
  }), 'base64')
  await page.goto(BASE + `/projects/${p.json.id}`)
  await page.click('#tab-reports')
  await page.waitForSelector(`[data-test=rep-photos-${rep.json.id}]`)
  await page.setInputFiles(`[data-test=rep-photo-input-${rep.json.id}]`, { name: 'site.png', mimeType: 'image/png', buffer: png })
  await page.waitForFunction(() => [...document.querySelectorAll('[data-test=rep-photo]')].some((i) => i.complete && i.naturalWidth === 320))
  await page.setInputFiles(`[data-test=rep-photo-input-${rep.json.id}]`, { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') })
  await page.waitForSelector('.el-message--error')
  assert.match(await page.locator('.el-message--error').first().innerText(), /JPEG、PNG或WebP/)
  await shot(page, 's10-report-photo')
  const photos = (await staffApi.get(`/api/v1/projects/${p.json.id}/reports/${rep.json.id}/photos`)).json
  assert.equal(photos.total, 1)

  // Submit (a past month: late), then the leader approves.
  await page.click(`[data-test=rep-submit-${rep.json.id}]`)
  await page.waitForSelector('[data-test=rep-late]')
  assert.match(await page.locator(`[data-test=rep-status-${rep.json.id}]`).innerText(), /已报送/)
  assert.equal(await page.locator(`[data-test=rep-photo-input-${rep.json.id}]`).count(), 0, 'no uploads once submitted')
  const lp = await newPage()
  await signIn(lp, as('cy_leader'))
  await lp.goto(BASE + `/projects/${p.json.id}`)
  await lp.click('#tab-reports')
  await lp.click(`[data-test=rep-approve-${rep.json.id}]`)
  await lp.waitForFunction((id) => /已审核/.test(document.querySelector(`[data-test=rep-status-${id}]`).innerText), rep.json.id)
  await shot(lp, 's11-report-reviewed')

  // A problem raised in the page and moved to 办理.
  await lp.click('#tab-problems')
  await lp.click('[data-test=pb-new]')
  await lp.fill('[data-test=pb-new-title]', '施工用电接入滞后')
  await lp.click('[data-test=pb-new-save]')
  await lp.waitForFunction(() => /施工用电接入滞后/.test(document.querySelector('[data-test=pb-table]').innerText))
  await lp.locator('[data-test^=pb-next-]').first().click()
  await lp.waitForFunction(() => /推进到“反馈”/.test(document.querySelector('[data-test^=pb-next-]')?.innerText || ''))
  const pbs = (await leaderApi.get(`/api/v1/projects/${p.json.id}/problems`)).json.items
  assert.equal(pbs[0].status, 'handling')
  await shot(lp, 's12-problem-handling')
  assert.deepEqual([...page.errors, ...lp.errors], [])
})

test('the leader\'s cockpit (their home) and problems page open on their escalated overdue problems', async () => {
  const page = await newPage()
  await signIn(page, as('cy_leader'))
  await page.waitForSelector('[data-test=home-escalated] li')
  await page.locator('[data-test=home-escalated]').screenshot({ path: path.join(SHOTS, 's13a-home-escalated.png') })
  const onHome = await page.locator('[data-test=home-escalated] li').count()
  await page.goto(BASE + '/projects/problems')
  const rows = await tableRows(page, 'pb-all-table')
  const api = (await leaderApi.get('/api/v1/problems?escalated_to=me&per_page=50')).json
  assert.ok(api.total > 0, 'the demo has escalated problems')
  assert.equal(onHome, Math.min(5, api.total), 'the home page lists them')
  assert.equal(rows.length, Math.min(50, api.total))
  assert.ok(await page.locator('[data-test=pb-escalated] input').isChecked())
  await shot(page, 's13-leader-escalated-problems')
  assert.deepEqual(page.errors, [])
})

test('phone: rates, light rules, new project and battle map fit the screen', async () => {
  const phone = await newPage({ width: 390, height: 844 })
  await signIn(phone, as('cy_leader'))
  await phone.goto(BASE + '/projects/rates')
  await tableRows(phone, 'rate-table')
  await phone.waitForSelector('[data-test=camp-q1]')
  await noOverflow(phone)
  await shot(phone, 's14-rates-phone')
  await phone.goto(BASE + '/projects/light-rules')
  await phone.waitForSelector('[data-test=lr-source]')
  await noOverflow(phone)
  await shot(phone, 's15-light-rules-phone', true)
  await phone.goto(BASE + '/projects/new')
  await phone.waitForSelector('[data-test=pn-form]')
  await noOverflow(phone)
  await shot(phone, 's16-new-project-phone')
  await phone.goto(BASE + '/projects/map')
  await phone.waitForSelector('[data-test=map-gantt] canvas')
  await phone.click('[data-test=map-view-wall]')
  await phone.waitForSelector('[data-test=wall-card]')
  await shot(phone, 's17-wall-phone')
  assert.deepEqual(phone.errors, [])
})
