// Browser test of the projects' Excel import and export: a GBK file with
// bad rows is checked and its rows and columns at fault shown, nothing
// written; a merged-header XLSX is checked and imported and the project
// appears in the list; monthly reports are imported for it; the project
// list and the problems list export XLSX files; the dialog on a phone.
// Screenshots go to $GUATU_SCREENSHOT_DIR.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startDemo, DEMO_PASSWORD } from '../api/lib/server.mjs'
import { makeXlsx } from '../api/lib/xlsx.mjs'

const srv = await startDemo()
const SHOTS = process.env.GUATU_SCREENSHOT_DIR || path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots')
let browser, ctx, page
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guatu-e2e-'))
const LAUNCH = {
  executablePath: process.env.GUATU_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
}

async function login(p, user) {
  await p.goto(srv.url + '/')
  await p.fill('input[autocomplete=username], input[type=text]', user)
  await p.fill('input[type=password]', DEMO_PASSWORD)
  await p.keyboard.press('Enter')
  await p.waitForSelector('.el-menu, .m-tabs, [data-test=projects], .page')
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  browser = await chromium.launch(LAUNCH)
  ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
  page = await ctx.newPage()
  page.setDefaultTimeout(15000)
  await login(page, 'cy_leader')
  await page.goto(srv.url + '/projects')
  await page.waitForSelector('[data-test=projects] .el-table__row')
})

after(async () => {
  if (browser) await browser.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

async function check(id, file) {
  await page.click(`[data-test=${id}-import-open]`)
  await page.setInputFiles(`[data-test=${id}-import-file]`, file)
  await page.click(`[data-test=${id}-import-check]`)
  await page.waitForSelector(`[data-test=${id}-import-report]`)
}

test('a GBK file with bad rows shows the rows and columns at fault and imports nothing', async () => {
  const bad = path.join(tmp, 'bad.csv')
  fs.writeFileSync(bad, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], {
    input: '项目代码,项目名称,项目类别,总投资（万元）,计划开工日期\n'
      + '2401-220104-04-01-500001,浏览器导入好项目,产业项目,1.2亿元,2024年3月1日\n'
      + '2401-220104-04-1-500002,浏览器导入坏代码,产业项目,100,\n'
      + ',浏览器导入坏日期,产业项目,5000万元,2024年2月30日\n',
  }))
  await check('proj', bad)
  const rows = await page.locator('[data-test=proj-import-errors] .el-table__row').allInnerTexts()
  assert.equal(rows.length, 2)
  assert.match(rows[0], /3\s+A\s+项目代码/)
  assert.match(rows[1], /4\s+E\s+计划开工日期/)
  assert.ok(await page.locator('[data-test=proj-import-go]').isDisabled(), 'import stays disabled while rows are wrong')
  await page.screenshot({ path: path.join(SHOTS, '40-project-import-errors.png') })
  await page.keyboard.press('Escape')
})

test('a merged-header XLSX is checked, imported, and shows in the list', async () => {
  const good = path.join(tmp, 'good.xlsx')
  fs.writeFileSync(good, makeXlsx([
    ['项目代码', '项目名称', '项目类别', '计划投资（万元）', null, '计划开工日期', '项目阶段'],
    ['项目代码', '项目名称', '项目类别', '总投资', '年度计划', '计划开工日期', '项目阶段'],
    ['2401-220104-04-01-500009', '浏览器导入合并表头项目', '产业项目', 60000, 20000, 45352, '前期手续'],
  ], ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:F2', 'G1:G2']))
  await page.reload()
  await page.waitForSelector('[data-test=projects] .el-table__row')
  await check('proj', good)
  await page.waitForSelector('text=检查通过')
  await page.screenshot({ path: path.join(SHOTS, '41-project-import-checked.png') })
  await page.click('[data-test=proj-import-go]')
  await page.waitForSelector('text=新增 1 个项目')
  await page.keyboard.press('Escape')
  await page.fill('input[data-test=proj-q], [data-test=proj-q] input', '浏览器导入')
  await page.keyboard.press('Enter')
  await page.waitForFunction(() => document.querySelectorAll('[data-test=projects] .el-table__body .el-table__row').length === 1)
  const text = await page.locator('[data-test=projects] .el-table__body').innerText()
  assert.match(text, /浏览器导入合并表头项目/)
  assert.match(text, /6(\.0)?亿元|60,000万元/)
})

test('monthly reports are imported and submitted from the list page', async () => {
  const f = path.join(tmp, 'reports.csv')
  fs.writeFileSync(f, '\ufeff项目代码,月份,本月完成投资（万元）,本年累计完成投资（万元）,形象进度\n'
    + '2401-220104-04-01-500009,2025年1月,800,800,场地平整完成\n')
  await check('rep', f)
  await page.waitForSelector('text=检查通过')
  await page.click('[data-test=rep-import-go]')
  await page.waitForSelector('text=已导入并报送 1 份月报')
  await page.screenshot({ path: path.join(SHOTS, '42-report-import-done.png') })
  await page.keyboard.press('Escape')
})

test('the project list and the problems list export Excel files', async () => {
  const [d1] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=proj-export]')])
  assert.equal(fs.readFileSync(await d1.path()).subarray(0, 2).toString(), 'PK')
  assert.match(d1.suggestedFilename(), /\.xlsx$/)
  await page.goto(srv.url + '/projects/problems')
  await page.waitForSelector('[data-test=pb-export]')
  const [d2] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=pb-export]')])
  assert.equal(fs.readFileSync(await d2.path()).subarray(0, 2).toString(), 'PK')
  await page.screenshot({ path: path.join(SHOTS, '43-problems-export.png') })
})

test('on a phone the import dialog fits the screen', async () => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true })
  const p = await phone.newPage()
  p.setDefaultTimeout(15000)
  await login(p, 'cy_staff')
  await p.goto(srv.url + '/projects')
  await p.waitForSelector('[data-test=proj-import-open]')
  await p.click('[data-test=proj-import-open]')
  await p.waitForSelector('[data-test=proj-import-file]')
  await p.waitForFunction(() => !document.querySelector('.dialog-fade-enter-active, .el-dialog-fade-enter-active'))
  await p.waitForTimeout(400) // the fade-in ends
  const box = await p.locator('.el-dialog').boundingBox()
  assert.ok(box.width <= 390, 'the dialog is no wider than the phone')
  await p.screenshot({ path: path.join(SHOTS, '44-project-import-phone.png') })
  await phone.close()
})
