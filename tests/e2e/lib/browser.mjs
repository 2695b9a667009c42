// What a browser test needs: Debian's chromium launched headless, pages
// with a viewport and their script errors collected, screenshots into
// $GUATU_SCREENSHOT_DIR (or tests/e2e/screenshots/), and signing in through
// the login page. Files may take it instead of repeating the set-up.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const SHOTS = process.env.GUATU_SCREENSHOT_DIR ||
  path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots')
const CHROMIUM = process.env.GUATU_CHROMIUM || '/usr/bin/chromium'

export async function launch() {
  fs.mkdirSync(SHOTS, { recursive: true })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  })
  const contexts = []
  return {
    async page(viewport = { width: 1440, height: 900 }) {
      const ctx = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true })
      contexts.push(ctx)
      const page = await ctx.newPage()
      page.setDefaultTimeout(20000)
      page.errors = []
      page.on('pageerror', (e) => page.errors.push(String(e)))
      return page
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {})
      await browser.close()
    },
  }
}

export const shot = (page, name, fullPage = false) =>
  page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage })

// Signs in and waits for the first page: the welcome page, or a leader's cockpit.
export async function signIn(page, base, who) {
  await page.goto(base + '/login')
  await page.fill('[data-test=login-username]', who.user)
  await page.fill('[data-test=login-password]', who.pass)
  await page.click('[data-test=login-submit]')
  await page.waitForSelector('[data-test=welcome], [data-test=cockpit]')
}
