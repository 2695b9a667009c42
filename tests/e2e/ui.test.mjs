// Browser test of the web UI against a running Guatu server.
//
//   cd tests/e2e && npm ci && \
//   GUATU_URL=http://127.0.0.1:8080 \
//   GUATU_ADMIN_USER=... GUATU_ADMIN_PASSWORD=... \
//   GUATU_NEWUSER_USER=... GUATU_NEWUSER_PASSWORD=... \
//   GUATU_AUDITADMIN_USER=... GUATU_AUDITADMIN_PASSWORD=... \
//   node --test ui.test.mjs
//
// The new user must be one who has to change the password at first sign-in;
// the test sets a new one (printed, and exported to the log as
// "new password for USER: ...") so that account is used up by one run.
// Screenshots go to $GUATU_SCREENSHOT_DIR or tests/e2e/screenshots/.
// playwright-core drives Debian's chromium (/usr/bin/chromium or
// $GUATU_CHROMIUM); no browser is downloaded.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startDemo, DEMO_PASSWORD } from '../api/lib/server.mjs'

// Without GUATU_URL the test starts the real binary on a fresh demo database
// (tests/api/lib/server.mjs) and uses the demo accounts.
const own = process.env.GUATU_URL ? null : await startDemo()
const BASE = (process.env.GUATU_URL || own.url).replace(/\/+$/, '')
const env = (k, def) => process.env[k] || (own ? def : '')
const ADMIN = { user: env('GUATU_ADMIN_USER', 'sysadmin'), pass: env('GUATU_ADMIN_PASSWORD', DEMO_PASSWORD) }
const NEWUSER = { user: env('GUATU_NEWUSER_USER', 'cy_newuser'), pass: env('GUATU_NEWUSER_PASSWORD', DEMO_PASSWORD) }
const AUDITADMIN = { user: env('GUATU_AUDITADMIN_USER', 'auditadmin'), pass: env('GUATU_AUDITADMIN_PASSWORD', DEMO_PASSWORD) }
const SHOTS = process.env.GUATU_SCREENSHOT_DIR || path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots')
const CHROMIUM = process.env.GUATU_CHROMIUM || '/usr/bin/chromium'
const skip = false

const MODULES = [
  { key: 'projects', zh: '项目建设', en: 'Major projects' },
  { key: 'investment', zh: '招商引资', en: 'Investment promotion' },
  { key: 'service', zh: '营商环境', en: 'Enterprise service' },
  { key: 'policies', zh: '惠企政策', en: 'Policies & rewards' },
  { key: 'economy', zh: '经济运行', en: 'Economic operation' },
  { key: 'supervision', zh: '督查督办', en: 'Task supervision' },
]

// A password the policy accepts: >= 8 characters, 4 classes.
const freshPassword = () => `Gt-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}Aa9`

let browser
const contexts = []

before(async () => {
  if (skip) return
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
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' })
  contexts.push(ctx)
  const page = await ctx.newPage()
  page.setDefaultTimeout(15000)
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.errors = errors
  return page
}

const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage: false })

// Rows of an Element Plus table marked data-test=NAME, once loaded.
const rowSel = (name) => `[data-test=${name}] .el-table__body-wrapper tr.el-table__row`
async function rowCount(page, name) {
  await page.waitForSelector(`[data-test=${name}]`)
  // Wait for the loading mask of that table to go.
  await page.waitForFunction((n) => {
    const t = document.querySelector(`[data-test=${n}]`)
    return t && !t.querySelector('.el-loading-mask')
  }, name)
  return page.locator(rowSel(name)).count()
}
async function waitRows(page, name) {
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, rowSel(name))
  return page.locator(rowSel(name)).count()
}

// Clicks a side-menu entry and waits for that page (marked data-test=KEY).
async function openPage(page, key) {
  await page.click(`[data-test=nav-${key}]`)
  await page.waitForSelector(`.page[data-test=${key}]`)
}

const headingText = async (page) => (await page.locator('.page .page-head h1').first().innerText()).trim()

// Signs in; when the server demands a new password, sets one and returns it.
async function signIn(page, who) {
  await page.goto(BASE + '/login')
  await page.fill('[data-test=login-username]', who.user)
  await page.fill('[data-test=login-password]', who.pass)
  await page.click('[data-test=login-submit]')
  await page.waitForSelector('[data-test=home], [data-test=password-change], [data-test=login-error]')
  if (await page.locator('[data-test=login-error]').count()) {
    throw new Error(`sign-in of ${who.user} failed: ${await page.locator('[data-test=login-error]').innerText()}`)
  }
  if (await page.locator('[data-test=password-change]').count()) {
    const pw = freshPassword()
    await changePassword(page, who.pass, pw)
    who.pass = pw
    console.log(`new password for ${who.user}: ${pw}`)
  }
  await page.waitForSelector('[data-test=welcome]')
}

async function changePassword(page, oldPw, newPw) {
  await page.fill('[data-test=pw-old]', oldPw)
  await page.fill('[data-test=pw-new]', newPw)
  await page.fill('[data-test=pw-repeat]', newPw)
  await page.click('[data-test=pw-submit]')
  await page.waitForSelector('[data-test=welcome]')
}

test('a wrong password shows the server\'s message', { skip }, async () => {
  const page = await newPage()
  await page.goto(BASE + '/')
  await page.waitForURL(/\/login/)
  assert.match(await page.locator('.card h2').innerText(), /登录/)
  await page.fill('[data-test=login-username]', 'e2e-no-such-user')
  await page.fill('[data-test=login-password]', 'Wrong-pass-1')
  await page.click('[data-test=login-submit]')
  const err = page.locator('[data-test=login-error]')
  await err.waitFor()
  const text = (await err.innerText()).trim()
  assert.ok(text.length > 0, 'an error message is shown')
  assert.doesNotMatch(text, /^HTTP \d+$/, 'the message comes from the server, not a bare status')
  await shot(page, '01-login-error')
})

test('new user: forced password change, six modules, language switch, phone view', { skip: skip || (!NEWUSER.user && 'GUATU_NEWUSER_USER is not set') }, async () => {
  const page = await newPage()
  await page.goto(BASE + '/login')
  await page.fill('[data-test=login-username]', NEWUSER.user)
  await page.fill('[data-test=login-password]', NEWUSER.pass)
  await page.click('[data-test=login-submit]')

  // The forced change: a page that lets the user go nowhere else.
  await page.waitForSelector('[data-test=password-change]')
  await page.waitForURL(/\/change-password$/)
  assert.match(await page.locator('[data-test=forced-notice]').innerText(), /新密码|密码/)
  const policy = await page.locator('[data-test=pw-policy]').innerText()
  assert.match(policy, /8/, 'the policy names the minimum length')
  assert.match(policy, /3/, 'the policy names the 3 of 4 classes')
  await shot(page, '02-forced-password-change')
  await page.goto(BASE + '/projects')
  await page.waitForSelector('[data-test=password-change]')
  assert.match(page.url(), /\/change-password$/, 'other pages stay closed until the password is changed')

  // A weak password is refused before it is sent.
  await page.fill('[data-test=pw-old]', NEWUSER.pass)
  await page.fill('[data-test=pw-new]', 'short')
  await page.fill('[data-test=pw-repeat]', 'short')
  await page.click('[data-test=pw-submit]')
  await page.locator('.el-form-item__error').first().waitFor()
  assert.match(page.url(), /\/change-password$/)

  const pw = freshPassword()
  await changePassword(page, NEWUSER.pass, pw)
  NEWUSER.pass = pw
  console.log(`new password for ${NEWUSER.user}: ${pw}`)
  assert.match(await page.locator('[data-test=welcome]').innerText(), /您好/)
  assert.ok((await page.locator('[data-test=home-role]').innerText()).trim().length > 0, 'the role is shown')
  await shot(page, '03-home-desktop')

  // The six modules through the side menu.
  for (const m of MODULES) {
    await page.click(`[data-test=nav-${m.key}]`)
    if (m.key === 'economy') { // built: the cockpit (tests/e2e/cockpit.test.mjs)
      await page.waitForSelector('.page[data-test=cockpit]')
      assert.ok((await headingText(page)).startsWith(m.zh), `heading of ${m.key}`)
      continue
    }
    if (m.key === 'projects') { // built: the project list (tests/e2e/projects.test.mjs)
      await page.waitForSelector('.page[data-test=projects]')
      assert.ok((await headingText(page)).startsWith(m.zh), `heading of ${m.key}`)
      continue
    }
    await page.waitForSelector(`[data-test=module-${m.key}]`)
    assert.ok((await headingText(page)).startsWith(m.zh), `heading of ${m.key}`)
    const text = await page.locator(`[data-test=module-${m.key}] [data-test=module-text]`).innerText()
    assert.ok(text.length > 40, `${m.key} says what will be there`)
    assert.equal(await page.locator(`[data-test=module-${m.key}] .el-empty`).count(), 1)
  }
  await shot(page, '04-module-supervision')

  // English, kept across a reload, and back.
  await page.click('[data-test=lang-switch]')
  await page.waitForFunction(() => document.querySelector('[data-test=nav-projects]')?.textContent.includes('Major projects'))
  assert.ok((await headingText(page)).startsWith('Task supervision'))
  assert.match(await page.locator('[data-test=module-text]').innerText(), /[a-z]{4,}/)
  await page.reload()
  await page.waitForSelector('[data-test=module-supervision]')
  for (const m of MODULES) assert.ok((await page.locator(`[data-test=nav-${m.key}]`).innerText()).includes(m.en), `menu entry ${m.en}`)
  assert.equal(await page.evaluate(() => localStorage.getItem('guatu.lang')), 'en')
  await shot(page, '05-english')
  await page.click('[data-test=lang-switch]')
  await page.waitForFunction(() => document.querySelector('[data-test=nav-projects]')?.textContent.includes('项目建设'))
  assert.ok((await headingText(page)).startsWith('督查督办'))
  assert.equal(await page.evaluate(() => localStorage.getItem('guatu.lang')), 'zh')

  // Sign out; the app goes back to the login page.
  await page.click('[data-test=top-user]')
  await page.click('[data-test=logout]')
  await page.waitForURL(/\/login/)
  await page.goto(BASE + '/projects')
  await page.waitForURL(/\/login/)

  // The new password works, on a phone.
  const phone = await newPage({ width: 390, height: 844 })
  await signIn(phone, NEWUSER)
  assert.equal(await phone.locator('aside').count(), 0, 'no side bar on a phone')
  assert.ok(await phone.locator('[data-test=menu-toggle]').isVisible(), 'a menu button instead')
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 1, `no horizontal scrolling on a phone (overflow ${overflow}px)`)
  await shot(phone, '06-home-phone')
  await phone.click('[data-test=menu-toggle]')
  await phone.locator('.el-drawer [data-test=nav-economy]').click()
  await phone.waitForSelector('.page[data-test=cockpit]')
  assert.ok((await headingText(phone)).startsWith('经济运行'))
  await phone.locator('.el-drawer').waitFor({ state: 'hidden' })
  await shot(phone, '07-module-phone')
  assert.deepEqual([...page.errors, ...phone.errors], [], 'no script errors')
})

test('administrator: regions, departments, users', { skip: skip || (!ADMIN.user && 'GUATU_ADMIN_USER is not set') }, async () => {
  const page = await newPage()
  await signIn(page, ADMIN)

  await openPage(page, 'regions')
  assert.ok((await headingText(page)).startsWith('区划'))
  assert.ok((await waitRows(page, 'regions-table')) > 0, 'regions are listed')
  const regionText = await page.locator(rowSel('regions-table')).first().innerText()
  assert.match(regionText, /\d{6}/, 'a region shows its GB/T 2260 code')
  await shot(page, '10-regions')

  await openPage(page, 'departments')
  assert.ok((await headingText(page)).startsWith('部门'))
  let depts = await rowCount(page, 'departments-table')
  if (depts === 0) {
    // An empty list says so; then a department is made through the dialog.
    assert.match(await page.locator('[data-test=departments-table] .el-table__empty-text').innerText(), /暂无数据/)
    const create = page.locator('[data-test=dept-create]')
    if (await create.count()) {
      await create.click()
      await page.fill('[data-test=dept-name]', 'E2E 测试部门 ' + Date.now().toString(36))
      await page.click('[data-test=dept-save]')
      depts = await waitRows(page, 'departments-table')
    }
  }
  await shot(page, '11-departments')

  await openPage(page, 'users')
  assert.ok((await headingText(page)).startsWith('用户'))
  assert.ok((await waitRows(page, 'users-table')) > 0, 'users are listed')
  const users = await page.locator(rowSel('users-table')).allInnerTexts()
  assert.ok(users.some((r) => r.includes(ADMIN.user)), 'the administrator is among the users')
  await shot(page, '12-users')

  await openPage(page, 'tokens')
  assert.ok((await headingText(page)).startsWith('令牌'))
  await rowCount(page, 'tokens-table')
  assert.deepEqual(page.errors, [], 'no script errors')
})

test('audit administrator: audit log with rows, detail and filter', { skip: skip || (!AUDITADMIN.user && 'GUATU_AUDITADMIN_USER is not set') }, async () => {
  const page = await newPage()
  await signIn(page, AUDITADMIN)
  await openPage(page, 'audit')
  assert.ok((await headingText(page)).startsWith('审计日志'))
  const n = await waitRows(page, 'audit-table')
  assert.ok(n > 0, 'audit records are listed')

  // The first record opens to before → after and its hash.
  await page.locator(rowSel('audit-table')).first().locator('.el-table__expand-icon').click()
  const detail = page.locator('[data-test=audit-detail]').first()
  await detail.waitFor()
  assert.match(await detail.innerText(), /[0-9a-f]{16,}/i, 'the hash is shown')
  assert.match(await detail.innerText(), /修改前[\s\S]*修改后/)
  await shot(page, '20-audit')

  // Filter by the actor of the first row: every row then has that actor.
  const actor = (await page.locator(rowSel('audit-table')).first().locator('td').nth(3).innerText()).trim()
  if (actor) {
    await page.fill('[data-test=audit-actor]', actor)
    await page.click('[data-test=audit-search]')
    await page.waitForTimeout(300)
    const m = await waitRows(page, 'audit-table')
    assert.ok(m > 0)
    const actors = await page.locator(rowSel('audit-table') + ' td:nth-child(4)').allInnerTexts()
    assert.ok(actors.every((a) => a.trim() === actor), `rows filtered to ${actor}`)
  }
  assert.deepEqual(page.errors, [], 'no script errors')
})
