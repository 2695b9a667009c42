// Browser test of the major-projects pages 项目建设: the list with its
// filters, a project's detail, the battle map 挂图作战 (grouped, filtered,
// the status wall, printed to a poster PDF), the rates page and the problems
// page, on a desktop and on a phone. Same harness as ui.test.mjs: without
// GUATU_URL it starts the real binary on a fresh demo database.
// Screenshots go to $GUATU_SCREENSHOT_DIR or tests/e2e/screenshots/.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startDemo, DEMO_PASSWORD } from '../api/lib/server.mjs'

const own = process.env.GUATU_URL ? null : await startDemo()
const BASE = (process.env.GUATU_URL || own.url).replace(/\/+$/, '')
const LEADER = { user: process.env.GUATU_LEADER_USER || 'cy_leader', pass: process.env.GUATU_LEADER_PASSWORD || DEMO_PASSWORD }
const SHOTS = process.env.GUATU_SCREENSHOT_DIR || path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots')
const CHROMIUM = process.env.GUATU_CHROMIUM || '/usr/bin/chromium'

let browser
const contexts = []
before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  })
})
after(async () => {
  for (const c of contexts) await c.close().catch(() => {})
  if (browser) await browser.close()
})

async function newPage(viewport = { width: 1440, height: 900 }) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true })
  contexts.push(ctx)
  const page = await ctx.newPage()
  page.setDefaultTimeout(20000)
  page.errors = []
  page.on('pageerror', (e) => page.errors.push(String(e)))
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
// Waits for the table's loading mask to go and returns its rows' texts.
async function tableRows(page, name) {
  await page.waitForSelector(`[data-test=${name}]`)
  await page.waitForFunction((n) => {
    const t = document.querySelector(`[data-test=${n}]`)
    return t && !t.querySelector('.el-loading-mask:not([style*="display: none"])')
  }, name)
  return page.locator(rowSel(name)).allInnerTexts()
}
// Picks an option of an Element Plus select by its text.
async function choose(page, selectTest, text) {
  await page.click(`[data-test=${selectTest}]`)
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text }).first().click()
}

test('project list: search, filter by light, open a detail', async () => {
  const page = await newPage()
  await signIn(page, LEADER)
  await page.click('[data-test=nav-projects]')
  await page.waitForSelector('.page[data-test=projects]')
  await page.waitForFunction((s) => document.querySelectorAll(s).length > 0, rowSel('proj-table'))
  const all = await tableRows(page, 'proj-table')
  assert.ok(all.length >= 5, `the demo district has projects (${all.length})`)
  await shot(page, 'p01-project-list')

  // Search by name.
  await page.fill('[data-test=proj-q]', '中凯')
  await page.press('[data-test=proj-q]', 'Enter')
  await page.waitForFunction((s) => [...document.querySelectorAll(s)].every((r) => r.innerText.includes('中凯')), rowSel('proj-table'))
  const found = await tableRows(page, 'proj-table')
  assert.ok(found.length >= 1 && found.length < all.length, 'the search narrows the list')

  // Red lights only: every dot in the table is red, and its tooltip gives reasons.
  await page.locator('.toolbar .el-button', { hasText: '重置' }).click()
  await choose(page, 'proj-light', '红灯')
  await page.waitForFunction((s) => {
    const dots = [...document.querySelectorAll(s + ' [data-test=light-dot]')]
    return dots.length > 0 && dots.every((d) => d.dataset.light === 'red')
  }, rowSel('proj-table'))
  assert.match(page.url(), /light=red/, 'the filter is kept in the address')
  await page.locator(rowSel('proj-table') + ' [data-test=light-dot]').first().hover()
  await page.locator('.el-popper:visible', { hasText: '红灯' }).first().waitFor()
  await shot(page, 'p02-project-list-red')

  // The detail: header with light and stage, the six procedures, the history.
  // (The reasons tooltip can lie over the first name: move away first.)
  await page.mouse.move(5, 5)
  await page.locator('.el-popper:visible', { hasText: '红灯' }).first().waitFor({ state: 'hidden' })
  await page.locator(rowSel('proj-table') + ' [data-test=proj-link]').first().click()
  await page.waitForSelector('[data-test=proj-title]')
  assert.ok((await page.locator('[data-test=proj-title]').innerText()).length > 2)
  assert.match(await page.locator('[data-test=proj-light]').innerText(), /红灯/)
  assert.ok(await page.locator('[data-test=proj-reasons] li').count() >= 1, 'the red light says why')
  await shot(page, 'p03-project-detail')
  await page.locator('[data-test=proj-tabs] .el-tabs__item', { hasText: '手续' }).click()
  assert.equal((await tableRows(page, 'proc-table')).length, 6, 'six procedures 立项 … 施工许可')
  await page.locator('[data-test=proj-tabs] .el-tabs__item', { hasText: '历程' }).click()
  await page.locator('[data-test=proj-history] .el-timeline-item').first().waitFor()
  await page.locator('[data-test=proj-tabs] .el-tabs__item', { hasText: '进度计划' }).click()
  await page.waitForSelector('[data-test=schedule]')
  await shot(page, 'p04-project-schedule')
  assert.deepEqual(page.errors, [], 'no script errors')
})

test('battle map: group, filter, status wall, poster PDF and PNG', async () => {
  const page = await newPage()
  await signIn(page, LEADER)
  await page.goto(BASE + '/projects/map')
  await page.waitForSelector('[data-test=map-gantt] canvas')
  await page.waitForFunction(() => !document.querySelector('[data-test=projects-map] .body > .el-loading-mask:not([style*="display: none"])'))
  const count = async () => Number((await page.locator('[data-test=projects-map] .page-head .sub').innerText()).match(/\d+/)[0])
  const total = await count()
  assert.ok(total >= 5, `every project is on the map (${total})`)
  await shot(page, 'p05-battle-map')

  await choose(page, 'map-group', '按责任单位')
  await choose(page, 'map-light', '红灯')
  await page.waitForFunction((n) => Number(document.querySelector('[data-test=projects-map] .page-head .sub').innerText.match(/\d+/)[0]) < n, total)
  const reds = await count()
  assert.ok(reds >= 1 && reds < total, 'the light filter narrows the map')
  await shot(page, 'p06-battle-map-red-by-department')

  // The status wall shows the same projects, all red.
  await page.click('[data-test=map-view-wall]')
  await page.waitForSelector('[data-test=map-wall]')
  assert.equal(await page.locator('[data-test=wall-card]').count(), reds)
  assert.equal(await page.locator('[data-test=wall-card].b-red').count(), reds)
  await shot(page, 'p07-status-wall')

  // A PNG of the Gantt through ECharts getDataURL.
  await page.click('[data-test=map-view-gantt]')
  await page.waitForSelector('[data-test=map-gantt] canvas')
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=map-png]')])
  const png = await fs.promises.readFile(await dl.path())
  assert.ok(png.length > 5000 && png.subarray(1, 4).toString() === 'PNG', 'a PNG poster')

  // The poster: every row, A1 landscape, printed by headless Chromium.
  await page.goto(BASE + '/projects/map')
  await page.waitForSelector('[data-test=map-gantt] canvas')
  await page.click('[data-test=map-poster]')
  await page.waitForTimeout(300)
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ width: '841mm', height: '594mm', printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  fs.writeFileSync(path.join(SHOTS, 'p08-battle-map-poster.pdf'), pdf)
  assert.ok(pdf.length > 20000, `the PDF has content (${pdf.length} bytes)`)
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')
  const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/)
  assert.ok(box, 'the PDF names its page size')
  // 841 mm × 594 mm in points (1 pt = 25.4/72 mm).
  assert.ok(Math.abs(Number(box[1]) - 2383.9) < 3 && Math.abs(Number(box[2]) - 1683.8) < 3, `A1 landscape, got ${box[1]} × ${box[2]}`)
  await shot(page, 'p09-battle-map-poster-screen')
  assert.deepEqual(page.errors, [], 'no script errors')
})

test('rates, campaign and ledgers; problems; phone views', async () => {
  const page = await newPage()
  await signIn(page, LEADER)
  await page.goto(BASE + '/projects/rates')
  const rows = await tableRows(page, 'rate-table')
  assert.ok(rows.length >= 2, 'a row per department and a total')
  assert.match(rows[rows.length - 1], /合计/)
  await page.waitForSelector('[data-test=rate-chart] canvas')
  for (const q of [1, 2, 3, 4]) await page.waitForSelector(`[data-test=camp-q${q}]`)
  await page.waitForSelector('[data-test=ledgers] .ledgers')
  await shot(page, 'p10-rates', true)

  await page.goto(BASE + '/projects/problems')
  await tableRows(page, 'pb-all-table')
  await shot(page, 'p11-problems')

  const phone = await newPage({ width: 390, height: 844 })
  await signIn(phone, LEADER)
  await phone.goto(BASE + '/projects')
  // A leader on a phone starts with "my projects" as cards.
  await phone.waitForSelector('[data-test=proj-card]')
  assert.match(phone.url(), /mine=1/)
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 1, `no horizontal scrolling on a phone (${overflow}px)`)
  await shot(phone, 'p12-my-projects-phone')
  await phone.locator('[data-test=proj-card]').first().click()
  await phone.waitForSelector('[data-test=proj-title]')
  await shot(phone, 'p13-detail-phone')
  await phone.goto(BASE + '/projects/map')
  await phone.waitForSelector('[data-test=map-gantt] canvas')
  await phone.click('[data-test=map-view-wall]')
  await phone.waitForSelector('[data-test=wall-card]')
  await shot(phone, 'p14-wall-phone')
  assert.deepEqual([...page.errors, ...phone.errors], [], 'no script errors')
})
