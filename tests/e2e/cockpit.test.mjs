// Browser test of the cockpit 驾驶舱: a district leader lands on it, sees
// 朝阳区's first-half 2023 figures against target and pace with ranks, the
// trend chart and the projects; drafts the briefing (numbers traceable,
// DOCX downloaded); the big-screen mode at 1920×1080 (dark, no scrolling);
// the phone layout; a city leader switching between the city and a
// district; and the initial web bytes stay within 400 KB gzipped.
// Screenshots go to $GUATU_SCREENSHOT_DIR or tests/e2e/screenshots/.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import { startDemo, DEMO_PASSWORD } from '../api/lib/server.mjs'
import { launch, shot, signIn as signInAt } from './lib/browser.mjs'

const own = process.env.GUATU_URL ? null : await startDemo()
const BASE = (process.env.GUATU_URL || own.url).replace(/\/+$/, '')
const LEADER = { user: 'cy_leader', pass: DEMO_PASSWORD }
const CITY = { user: 'city_leader', pass: DEMO_PASSWORD }

let browser
before(async () => { browser = await launch() })
after(async () => {
  if (browser) await browser.close()
  if (own) await own.stop()
})
const newPage = (viewport) => browser.page(viewport)
const signIn = (page, who) => signInAt(page, BASE, who)

const kpi = (page, code) => page.locator(`[data-test=kpi-${code}]`)

test('a district leader opens the cockpit first and sees the half-year against target', async () => {
  const page = await newPage()
  await signIn(page, LEADER)
  await page.waitForURL(/\/economy/)
  await page.goto(BASE + '/economy?period=2023-06')
  await kpi(page, 'gdp').waitFor()
  assert.match(await page.locator('[data-test=cockpit-title]').innerText(), /经济运行驾驶舱 · 朝阳区/)
  assert.match(await page.locator('[data-test=cockpit-period]').innerText(), /2023年1-6月/)
  const gdp = await kpi(page, 'gdp').innerText()
  assert.match(gdp, /427\.8/)
  assert.match(gdp, /同比 ▲8\.4%/)
  assert.match(gdp, /目标 \+7%/)
  assert.match(gdp, /五城区第\d\/5/)
  const ind = await kpi(page, 'industry_output').innerText()
  assert.match(ind, /338\.1/)
  assert.match(ind, /▼2\.9%/)
  assert.match(await kpi(page, 'fai').innerText(), /49\.7[\s\S]*▲23%[\s\S]*五城区第1\/5/)
  assert.match(await page.locator('[data-test=cockpit-summary]').innerText(), /序时进度\s*50%/)
  await page.waitForSelector('[data-test=trend-canvas] canvas')
  await page.locator('[data-test=cockpit-projects]').waitFor()
  assert.equal(await page.locator('[data-test^=rate-]').count(), 5)
  await shot(page, 'c01-cockpit', true)

  // The briefing: drafted, traceable, downloadable.
  await page.click('[data-test=cockpit-briefing]')
  await page.locator('[data-test=briefing-para]').first().waitFor()
  const first = await page.locator('[data-test=briefing-para]').first().innerText()
  assert.match(first, /^上半年，朝阳区地区生产总值实现427\.8亿元，同比增长8\.4%/)
  await page.locator('[data-test=briefing-num]').first().hover()
  await page.getByText(/指标数据 #\d+/).first().waitFor()
  await shot(page, 'c02-briefing')
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=briefing-docx]')])
  const file = await download.path()
  assert.equal(fs.readFileSync(file).subarray(0, 2).toString(), 'PK')
  assert.deepEqual(page.errors, [], 'no script errors')
})

test('big-screen mode at 1920×1080: dark, everything on one screen', async () => {
  const page = await newPage({ width: 1920, height: 1080 })
  await signIn(page, LEADER)
  await page.goto(BASE + '/economy?period=2023-06')
  await kpi(page, 'gdp').waitFor()
  await page.click('[data-test=cockpit-screen]')
  await page.waitForURL(/\/economy\/screen/)
  await kpi(page, 'gdp').waitFor()
  await page.waitForSelector('[data-test=trend-canvas] canvas')
  const look = await page.evaluate(() => {
    const el = document.querySelector('[data-test=cockpit]')
    const r = el.getBoundingClientRect()
    return { bg: getComputedStyle(el).backgroundColor, w: r.width, h: r.height, menu: !!document.querySelector('.el-menu'),
      over: document.documentElement.scrollHeight - window.innerHeight }
  })
  assert.equal(look.bg, 'rgb(11, 22, 40)', 'dark background')
  assert.equal(look.w, 1920)
  assert.equal(look.h, 1080)
  assert.equal(look.menu, false, 'no side menu on the big screen')
  assert.ok(look.over <= 0, `no scrolling (${look.over}px)`)
  await shot(page, 'c03-big-screen')
  await page.click('[data-test=cockpit-exit]')
  await page.waitForURL(/\/economy\?/)
  assert.deepEqual(page.errors, [], 'no script errors')
})

test('the cockpit on a phone: one column of cards, no sideways scrolling', async () => {
  const page = await newPage({ width: 390, height: 844 })
  await signIn(page, LEADER)
  await page.goto(BASE + '/economy?period=2023-06')
  await kpi(page, 'gdp').waitFor()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 1, `no horizontal scrolling on a phone (${overflow}px)`)
  await shot(page, 'c04-phone')
  await shot(page, 'c05-phone-full', true)
  assert.deepEqual(page.errors, [], 'no script errors')
})

test('a city leader switches between the city and its districts', async () => {
  const page = await newPage()
  await signIn(page, CITY)
  await page.goto(BASE + '/economy?period=2023-06')
  await page.locator('[data-test=cockpit-region]').waitFor()
  await page.click('[data-test=cockpit-region]')
  await page.locator('.el-select-dropdown__item', { hasText: '朝阳区' }).click()
  await page.waitForURL(/region=220104/)
  await page.waitForFunction(() => /朝阳区/.test(document.querySelector('[data-test=cockpit-title]').innerText))
  await kpi(page, 'gdp').waitFor()
  assert.match(await kpi(page, 'gdp').innerText(), /427\.8/)
  await shot(page, 'c06-city-switch')
  assert.deepEqual(page.errors, [], 'no script errors')
})

// Gzipped bytes of a path as the server sends them.
function gzBytes(p) {
  return new Promise((resolve, reject) => {
    http.get(BASE + p, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      let n = 0
      res.on('data', (d) => { n += d.length })
      res.on('end', () => resolve({ n, status: res.statusCode, body: res.headers['content-encoding'] }))
    }).on('error', reject)
  })
}

test('cold render: the initial web bytes stay within 400 KB gzipped, the figures show fast', async () => {
  const html = await (await fetch(BASE + '/')).text()
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])
  assert.ok(refs.some((r) => r.endsWith('.js')), 'the entry script')
  let total = (await gzBytes('/')).n
  for (const r of refs) total += (await gzBytes(r)).n
  assert.ok(total <= 400 * 1024, `initial bytes ${total} ≤ 400 KB gzipped`)
  console.log(`initial web bytes, gzipped: ${total}`)

  const page = await newPage()
  await signIn(page, LEADER)
  const t0 = Date.now()
  await page.goto(BASE + '/economy?period=2023-06')
  await kpi(page, 'gdp').waitFor()
  const ms = Date.now() - t0
  console.log(`cockpit figures on screen after ${ms} ms`)
  assert.ok(ms < 5000, `the figures show within 5 s (${ms} ms)`)
  // The chart code is not part of the first load: it arrives after.
  const chartJs = refs.filter((r) => /charts-econ/.test(r))
  assert.deepEqual(chartJs, [], 'chart code is loaded lazily')
})
