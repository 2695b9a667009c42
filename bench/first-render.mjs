// Time to first render in headless Chromium, cold (a new browser context,
// empty cache): from navigation to the page's main content being visible.
// usage: node bench/first-render.mjs URL USER PASSWORD
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';

const [url, user, password] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});
const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
let t0 = Date.now();
await page.goto(url);
await page.waitForSelector('input[type=password]', { state: 'visible' });
const login = Date.now() - t0;
await page.fill('input[autocomplete=username], input[type=text]', user);
await page.fill('input[type=password]', password);
t0 = Date.now();
await page.keyboard.press('Enter');
await page.waitForSelector('.el-menu', { state: 'visible' });
await page.waitForLoadState('networkidle');
const home = Date.now() - t0;
console.log(`${login} ${home}`);
await browser.close();
