// Browser test of the economic-operation pages 经济运行 (econ-core): data entry
// and review (a statistician enters, a leader publishes), targets and pace,
// and the comparison of the districts, on a desktop and on a phone. Same
// harness as projects.test.mjs: without GUATU_URL it starts the real binary
// on a fresh demo database. Screenshots go to $GUATU_SCREENSHOT_DIR or
// tests/e2e/screenshots/.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startDemo, DEMO_PASSWORD } from '../api/lib/server.mjs'

const own = process.env.GUATU_URL ? null : await startDemo()
const BASE = (process.env.GUATU_URL || own.url).replace(/\/+$/, '')
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
  if (own) await own.stop()
})

async function signedIn(user, viewport = { width: 1440, height: 900 }) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' })
  contexts.push(ctx)
  const page = await ctx.newPage()
  page.setDefaultTimeout(20000)
  page.errors = []
  page.on('pageerror', (e) => page.errors.push(String(e)))
  await page.goto(BASE + '/login')
  await page.fill('[data-test=login-username]', user)
  await page.fill('[data-test=login-password]', DEMO_PASSWORD)
  await page.click('[data-test=login-submit]')
  await page.waitForSelector('[data-test=welcome], [data-test=cockpit]') // a leader's home is the cockpit
  return page
}
const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage: true })

async function rows(page, name) {
  await page.waitForSelector(`[data-test=${name}]`)
  await page.waitForFunction((n) => {
    const t = document.querySelector(`[data-test=${n}]`)
    return t && !t.querySelector('.el-loading-mask:not([style*="display: none"])')
  }, name)
  return page.locator(`[data-test=${name}] .el-table__body-wrapper tr.el-table__row`).allInnerTexts()
}

test('a statistician enters a value, a leader publishes it', async () => {
  const stat = await signedIn('cy_stat')
  await stat.goto(BASE + '/economy/data')
  // The demo drafts are of the period after the latest published one: its year.
  const draftYear = await stat.evaluate(async () =>
    (await (await fetch('/api/v1/indicators/values?status=draft&region=220104')).json()).items[0].year)
  await stat.click('[data-test=ind-year]')
  await stat.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: String(draftYear) }).first().click()
  await stat.click('[data-test=ind-status] label:nth-child(2)') // 待审核
  const drafts = await rows(stat, 'ind-table')
  assert.ok(drafts.length >= 2, 'the demo drafts');
  assert.ok(drafts.every((r) => r.includes('待审核')))
  await shot(stat, 'economy-data')
  // A new value of 2019 (no demo figures that year): 网络零售额 1-3月.
  await stat.click('[data-test=ind-year]')
  await stat.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '2019' }).first().click()
  await stat.click('[data-test=ind-new]')
  await stat.click('[data-test=ind-dlg-indicator]')
  await stat.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '网络零售额' }).first().click()
  await stat.click('[data-test=ind-dlg-period]')
  await stat.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '1-3月' }).first().click()
  await stat.fill('input[data-test=ind-dlg-value]', '6.35')
  await stat.fill('input[data-test=ind-dlg-growth]', '12.5')
  await shot(stat, 'economy-entry-dialog')
  await stat.click('[data-test=ind-dlg-save]')
  await stat.waitForSelector('[data-test=ind-dialog]', { state: 'hidden' })
  let list = await rows(stat, 'ind-table')
  assert.ok(list.some((r) => r.includes('网络零售额') && r.includes('6.35') && r.includes('+12.5%')), list.join('\n'))
  assert.equal(await stat.locator('[data-test^=ind-publish-]').count(), 0, 'nobody publishes their own entry')
  assert.deepEqual(stat.errors, [])

  const leader = await signedIn('cy_leader')
  await leader.goto(BASE + '/economy/data')
  await leader.click('[data-test=ind-year]')
  await leader.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '2019' }).first().click()
  list = await rows(leader, 'ind-table')
  assert.equal(await leader.locator('[data-test^=ind-edit-]').count(), 0, 'leaders do not enter')
  await leader.locator('[data-test^=ind-publish-]').first().click()
  await leader.waitForFunction(() => document.querySelectorAll('[data-test^=ind-publish-]').length === 0)
  list = await rows(leader, 'ind-table')
  assert.ok(list.some((r) => r.includes('网络零售额') && r.includes('已发布')))
  assert.deepEqual(leader.errors, [])
})

test('targets and pace: 时间过半、任务过半', async () => {
  const page = await signedIn('cy_leader')
  await page.goto(BASE + '/economy/pace')
  await page.fill('[data-test=pace-period] input', '2023-06')
  await page.keyboard.press('Enter')
  await page.waitForSelector('[data-test=pace-gdp]')
  await page.waitForFunction(() => document.querySelector('[data-test=pace-gdp]').innerText.includes('上半年'))
  const gdp = await page.locator('[data-test=pace-gdp]').innerText()
  assert.match(gdp, /427\.8/)
  assert.match(gdp, /\+8\.4%/)
  assert.match(gdp, /\+7%/)
  const fai = await page.locator('[data-test=pace-fai]').innerText()
  assert.match(fai, /49\.7/)
  assert.match(fai, /落后序时/)
  assert.ok((await rows(page, 'target-table')).some((r) => r.includes('地区生产总值')))
  await shot(page, 'economy-pace')
  assert.deepEqual(page.errors, [])
})

test('district comparison: shares of the five urban districts, ranks, structure', async () => {
  const page = await signedIn('city_leader')
  await page.goto(BASE + '/economy/compare')
  await page.fill('[data-test=cmp-period] input', '2023-12')
  await page.keyboard.press('Enter')
  await page.waitForFunction(() => (document.querySelector('[data-test=cmp-head]') || {}).innerText?.includes('2023-Q4'))
  const list = await rows(page, 'cmp-table')
  assert.equal(list.length, 15)
  const cy = list.find((r) => r.includes('朝阳区'))
  assert.match(cy, /^3/, 'third of the units')
  assert.match(cy, /835\.8/)
  await page.waitForSelector('[data-test=cmp-chart] canvas')
  const structure = await page.locator('[data-test=cmp-structure]').innerText()
  assert.match(structure, /0\.2:26\.7:73\.1/)
  await shot(page, 'economy-compare')
  // FAI: 26.7% of the five.
  await page.click('[data-test=cmp-indicator]')
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '固定资产投资' }).first().click()
  await page.waitForFunction(() => document.querySelector('[data-test=cmp-head]').innerText.includes('固定资产投资'))
  const fai = (await rows(page, 'cmp-table')).find((r) => r.includes('朝阳区'))
  assert.match(fai, /26\.7%/)
  assert.deepEqual(page.errors, [])
})

test('on a phone', async () => {
  const page = await signedIn('cy_stat', { width: 390, height: 844 })
  await page.goto(BASE + '/economy/pace')
  await page.waitForSelector('[data-test=pace-cards] .card')
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 400, `no sideways scrolling (${width})`)
  await shot(page, 'economy-pace-phone')
  await page.goto(BASE + '/economy/data')
  await rows(page, 'ind-table')
  await shot(page, 'economy-data-phone')
  assert.deepEqual(page.errors, [])
})
