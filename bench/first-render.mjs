// Time to first render in headless Chromium, cold (a new browser context,
// empty cache each time):
//  1. the login page: from navigation to the password field being visible;
//  2. the cockpit of a signed-in leader: from navigation to /economy to its
//     figures on screen (the GDP card and the projects' rates);
//  3. the same with its trend chart drawn (ECharts arrives after the figures).
// usage: node bench/first-render.mjs URL USER PASSWORD
//   -> "login cockpit chart cockpit_min cockpit_max runs" (ms; cockpit and chart are medians)
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';

const [url, user, password] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});

// Playwright's waitFor polls at 0, 20, 50, 100, 100, then every 500 ms, which
// would round a render up by as much as half a second; the page itself
// notes, at every animation frame, when each selector first shows.
function watchFirstShown(selectors) {
  window.__shown = {};
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 };
  const look = () => {
    for (const s of selectors) {
      if (window.__shown[s] !== undefined) continue;
      const el = document.querySelector(s);
      if (el && visible(el)) window.__shown[s] = performance.timeOrigin + performance.now();
    }
    if (Object.keys(window.__shown).length < selectors.length) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
const LOGIN = ['input[type=password]'];
const COCKPIT = ['[data-test=kpi-gdp]', '[data-test=cockpit-projects]', '.c-trend canvas'];

const fresh = async (selectors) => {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await page.addInitScript(watchFirstShown, selectors);
  return page;
};
// ms from t0 to when the last of the selectors showed (after waiting for them)
const shownAt = async (page, selectors, t0) => {
  for (const s of selectors) await page.locator(s).first().waitFor({ state: 'visible' });
  const at = await page.evaluate(() => window.__shown);
  return Math.round(Math.max(...selectors.map((s) => at[s])) - t0);
};

let page = await fresh(LOGIN);
let t0 = Date.now();
await page.goto(url);
const login = await shownAt(page, LOGIN, t0);
await page.context().close();

// Each cockpit load is cold: a new context (empty cache), a new login (a
// write: the server computes the cockpit afresh). One load on a shared
// 2-core machine varies by ±200 ms, so the median of RUNS is reported.
const RUNS = Number(process.env.BENCH_RENDER_RUNS || 5);
const cockpits = [], charts = [];
for (let i = 0; i < RUNS; i++) {
  page = await fresh(COCKPIT);
  const r = await page.context().request.post(new URL('/api/v1/session', url).href,
    { data: { username: user, password } });
  if (r.status() !== 200) throw new Error(`login failed: ${r.status()} ${await r.text()}`);
  t0 = Date.now();
  await page.goto(new URL('/economy', url).href);
  cockpits.push(await shownAt(page, COCKPIT.slice(0, 2), t0));
  charts.push(await shownAt(page, COCKPIT, t0));
  await page.context().close();
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
// login, cockpit median, chart median, cockpit fastest, cockpit slowest, runs
console.log(`${login} ${median(cockpits)} ${median(charts)} ${Math.min(...cockpits)} ${Math.max(...cockpits)} ${RUNS}`);
await browser.close();
