// Browser test of the enterprise registry's Excel import and export: a file
// with a bad row is checked (dry run) and the row-by-row report shown,
// nothing written; a good file is checked, imported and appears in the list;
// the export downloads an XLSX. Screenshots go to $GUATU_SCREENSHOT_DIR.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startDemo, DEMO_PASSWORD } from '../api/lib/server.mjs'

const srv = await startDemo()
const SHOTS = process.env.GUATU_SCREENSHOT_DIR || path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots')
let browser, page
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guatu-e2e-'))

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  browser = await chromium.launch({
    executablePath: process.env.GUATU_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  })
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
  page = await ctx.newPage()
  page.setDefaultTimeout(15000)
  await page.goto(srv.url + '/')
  await page.fill('input[autocomplete=username], input[type=text]', 'cy_leader')
  await page.fill('input[type=password]', DEMO_PASSWORD)
  await page.keyboard.press('Enter')
  await page.waitForSelector('.el-menu')
  await page.goto(srv.url + '/enterprises')
  await page.waitForSelector('[data-test=ent-table] .el-table__row')
})

after(async () => {
  if (browser) await browser.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

async function check(file) {
  await page.click('[data-test=ent-import-open]')
  await page.setInputFiles('[data-test=ent-import-file]', file)
  await page.click('[data-test=ent-import-check]')
  await page.waitForSelector('[data-test=ent-import-report]')
}

test('a file with bad rows shows the rows and columns at fault and imports nothing', async () => {
  const bad = path.join(tmp, 'bad.csv')
  fs.writeFileSync(bad, '企业名称,统一社会信用代码,区划代码\n浏览器导入甲公司,,220104\n浏览器导入乙公司,123,220104\n')
  await check(bad)
  const rows = await page.locator('[data-test=ent-import-errors] .el-table__row').allInnerTexts()
  assert.equal(rows.length, 1)
  assert.match(rows[0], /3\s+B\s+统一社会信用代码应为18位/)
  assert.ok(await page.locator('[data-test=ent-import-go]').isDisabled(), 'import stays disabled while rows are wrong')
  await page.screenshot({ path: path.join(SHOTS, '30-import-errors.png') })
  await page.keyboard.press('Escape')
})

test('a good file is checked, then imported, and shows in the list', async () => {
  const good = path.join(tmp, 'good.csv')
  fs.writeFileSync(good, '\ufeff企业名称,区划代码,行业代码\n浏览器导入丙有限公司,朝阳区,C3663\n浏览器导入丁有限公司,220104,\n')
  await page.reload()
  await page.waitForSelector('[data-test=ent-table] .el-table__row')
  await check(good)
  await page.waitForSelector('text=检查通过')
  await page.click('[data-test=ent-import-go]')
  await page.waitForSelector('text=已导入 2 行')
  await page.screenshot({ path: path.join(SHOTS, '31-import-done.png') })
  await page.keyboard.press('Escape')
  await page.fill('input[data-test=ent-q], [data-test=ent-q] input', '浏览器导入')
  await page.keyboard.press('Enter')
  await page.waitForFunction(() => document.querySelectorAll('[data-test=ent-table] .el-table__row').length === 2)
})

test('export downloads an Excel file of the registry', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=ent-export]')])
  const file = await download.path()
  const head = fs.readFileSync(file).subarray(0, 2).toString()
  assert.equal(head, 'PK', 'an .xlsx (Office Open XML) file')
  assert.match(download.suggestedFilename(), /\.xlsx$/)
})
