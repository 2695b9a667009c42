// Time to first render in headless Chromium, cold (a new browser context,
// empty cache each time):
//  1. the login page: from navigation to the password field being visible;
//  2. the cockpit of a signed-in leader: from navigation to /economy to its
//     figures on screen (the GDP card and the projects' rates);
//  3. the same with its trend chart drawn (ECharts arrives after the figures).
// usage: node bench/first-render.mjs URL USER PASSWORD -> "login cockpit chart" (ms)
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';

const [url, user, password] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});

const fresh = async () => (await browser.newContext({ locale: 'zh-CN' })).newPage();

let page = await fresh();
let t0 = Date.now();
await page.goto(url);
await page.waitForSelector('input[type=password]', { state: 'visible' });
const login = Date.now() - t0;
await page.context().close();

page = await fresh(); // signed in through the API: the browser cache stays empty
const r = await page.context().request.post(new URL('/api/v1/session', url).href,
  { data: { username: user, password } });
if (r.status() !== 200) throw new Error(`login failed: ${r.status()} ${await r.text()}`);
t0 = Date.now();
await page.goto(new URL('/economy', url).href);
await page.locator('[data-test=kpi-gdp]').waitFor({ state: 'visible' });
await page.locator('[data-test=cockpit-projects]').waitFor({ state: 'visible' });
const cockpit = Date.now() - t0;
await page.locator('.c-trend canvas').first().waitFor({ state: 'visible' });
const chart = Date.now() - t0;
console.log(`${login} ${cockpit} ${chart}`);
await browser.close();
