// guatu gen (the benchmark data generator), as a small smoke run: counts,
// valid credit codes and Chinese names, projects with their procedures,
// milestones, reports and problems, determinism for a seed, and a different
// seed giving different data. It writes SQLite files of its own, and one
// database on the backend under test (bulk loads: COPY on PostgreSQL).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { guatu, creditCheckChar, freshDb, sql, spawnServer, BACKEND, Client } from './lib/server.mjs';

const dir = mkdtempSync(join(tmpdir(), 'guatu-gen-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function gen(name, seed, n, projects = 0, db = join(dir, name)) {
  const r = guatu(['gen', '--scale', 'district', '--enterprises', String(n), '--projects', String(projects),
    '--seed', String(seed), '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  return db;
}
const q = (db, statement) => spawnSync('sqlite3', [db, statement], { encoding: 'utf8', maxBuffer: 64 << 20 })
  .stdout.trim();
const rows = (db) => spawnSync('sqlite3', [db, 'SELECT credit_code, name, region, industry FROM enterprises ORDER BY id'],
  { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout.trim().split('\n');

test('gen writes the asked number of enterprises with valid codes and Chinese names', () => {
  const db = gen('a.db', 7, 3000);
  const r = rows(db);
  assert.equal(r.length, 3000);
  const codes = new Set();
  for (const line of r) {
    const [code, name, region, industry] = line.split('|');
    assert.equal(code.length, 18, line);
    assert.equal(code[17], creditCheckChar(code.slice(0, 17)), `valid check character: ${code}`);
    assert.equal(code.slice(2, 8), region, 'the code carries the division of its region');
    assert.match(name, /^[\u4e00-\u9fff]+(有限公司|有限责任公司|股份有限公司|集团有限公司)$/);
    assert.match(industry, /^[A-T]\d{4}$/);
    codes.add(code);
  }
  assert.equal(codes.size, 3000, 'codes are unique');
  const regions = new Set(r.map((l) => l.split('|')[2]));
  assert.equal(regions.size, 17, 'spread over the 17 units of a city');
});

test('the same seed gives the same data; another seed different data', () => {
  const a = rows(gen('b1.db', 42, 1000));
  const b = rows(gen('b2.db', 42, 1000));
  const c = rows(gen('c.db', 43, 1000));
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('bad arguments are refused in both languages', () => {
  const r = guatu(['gen', '--scale', 'galaxy', '--db', join(dir, 'x.db')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /错误/);
  assert.match(r.stderr, /error/);
});

test('the full-text index is built: a Chinese substring finds generated names', () => {
  const db = gen('d.db', 5, 25000); // above the bulk threshold: index rebuilt after the load
  const fts = spawnSync('sqlite3', [db, `SELECT COUNT(*) FROM enterprises_fts WHERE enterprises_fts MATCH '"有限公司"'`], { encoding: 'utf8' });
  const like = spawnSync('sqlite3', [db, `SELECT COUNT(*) FROM enterprises WHERE name LIKE '%有限公司%'`], { encoding: 'utf8' });
  assert.equal(fts.stdout.trim(), like.stdout.trim());
  assert.ok(Number(fts.stdout) > 0);
});

const STAGES = ['planning', 'reserve', 'signed', 'located', 'preparing', 'started', 'building', 'completed',
  'operating', 'in_stats'];

test('projects: every stage, valid codes and names, procedures, milestones, reports and problems that fit the stage', () => {
  const db = gen('p.db', 11, 3000, 600);
  assert.equal(q(db, 'SELECT COUNT(*) FROM projects'), '600');
  const stages = q(db, 'SELECT DISTINCT stage FROM projects').split('\n');
  assert.deepEqual(stages.sort(), [...STAGES].sort(), 'all ten stages');
  for (const line of q(db, 'SELECT region, code, name, category FROM projects').split('\n')) {
    const [region, code, name, category] = line.split('|');
    assert.match(code, /^\d{2}(0[1-9]|1[0-2])-\d{6}-\d{2}-\d{2}-\d{6}$/, `24-character project code: ${code}`);
    assert.equal(code.slice(5, 11), region, 'the code carries the division of its region');
    assert.match(name, /^[\u4e00-\u9fff0-9A-Z（）]+(项目|工程)$/, name);
    assert.ok(['industry', 'infrastructure', 'social', 'real_estate'].includes(category));
  }
  assert.equal(q(db, 'SELECT COUNT(DISTINCT code) FROM projects'), '600', 'codes are unique');
  assert.equal(q(db, 'SELECT COUNT(DISTINCT region) FROM projects'), '17', 'spread over the 17 units');
  // 手续: six per project from 前期手续 on, none before; all obtained or exempt once started
  assert.equal(q(db, `SELECT COUNT(*) FROM (SELECT p.id FROM projects p JOIN project_procedures x ON x.project_id = p.id
    GROUP BY p.id HAVING COUNT(*) <> 6)`), '0');
  assert.equal(q(db, `SELECT COUNT(*) FROM project_procedures x JOIN projects p ON p.id = x.project_id
    WHERE p.stage IN ('planning','reserve','signed','located')`), '0');
  assert.equal(q(db, `SELECT COUNT(*) FROM project_procedures x JOIN projects p ON p.id = x.project_id
    WHERE p.stage IN ('started','building','completed','operating','in_stats') AND x.status NOT IN ('obtained','exempt')`), '0');
  assert.equal(q(db, `SELECT COUNT(*) FROM project_procedures WHERE status = 'exempt' AND basis IS NULL`), '0', '免办 has its basis');
  assert.equal(q(db, `SELECT COUNT(*) FROM project_procedures WHERE actual_start > date('now', '+8 hours')
    OR actual_finish > date('now', '+8 hours') OR actual_finish < actual_start`), '0', 'no procedure dated in the future');
  // 倒排工期: 7 milestones per project (6 procedures + 开工); predecessors are milestones of the same project
  const ms = q(db, 'SELECT id, project_id, predecessors FROM project_milestones').split('\n').map((l) => l.split('|'));
  const owner = new Map(ms.map(([id, pid]) => [id, pid]));
  for (const [, pid, preds] of ms) for (const d of JSON.parse(preds)) assert.equal(owner.get(String(d)), pid);
  assert.equal(q(db, `SELECT COUNT(*) FROM (SELECT project_id FROM project_milestones GROUP BY project_id HAVING COUNT(*) <> 7)`), '0');
  // 月报: only once started, at most 12, never a future month, ytd restarts in January and never falls
  assert.equal(q(db, `SELECT COUNT(*) FROM project_reports r JOIN projects p ON p.id = r.project_id
    WHERE p.stage NOT IN ('started','building','completed','operating','in_stats')`), '0');
  assert.equal(q(db, 'SELECT MAX(n) FROM (SELECT COUNT(*) n FROM project_reports GROUP BY project_id)'), '12');
  assert.equal(q(db, `SELECT COUNT(*) FROM project_reports WHERE month >= strftime('%Y-%m', 'now', '+8 hours')`), '0');
  assert.equal(q(db, `SELECT COUNT(*) FROM project_reports a JOIN project_reports b ON b.project_id = a.project_id
    AND substr(b.month, 1, 4) = substr(a.month, 1, 4) AND b.month > a.month WHERE b.invest_ytd < a.invest_ytd`), '0');
  assert.ok(Number(q(db, 'SELECT COUNT(*) FROM project_reports')) > 600 * 0.3 * 6, 'about a dozen per started project');
  // 问题清单: each names a department of the project's own region
  assert.ok(Number(q(db, 'SELECT COUNT(*) FROM project_problems')) > 30);
  assert.equal(q(db, `SELECT COUNT(*) FROM project_problems x JOIN departments d ON d.id = x.department_id
    WHERE d.region <> x.region`), '0');
  // builders are enterprises of the city; 包保 leaders are leaders of the project's unit
  assert.equal(q(db, `SELECT COUNT(*) FROM projects p LEFT JOIN enterprises e ON e.id = p.builder_id
    WHERE p.builder_id IS NOT NULL AND e.id IS NULL`), '0');
  assert.equal(q(db, `SELECT COUNT(*) FROM projects p JOIN users u ON u.id = p.leader_id
    WHERE u.role <> 'leader' OR u.region <> p.region`), '0');
});

test('projects are deterministic for a seed and differ for another', () => {
  const dump = (db) => q(db, 'SELECT region, code, name, stage, total_investment, builder_id FROM projects ORDER BY id') +
    q(db, 'SELECT project_id, month, invest_ytd, status FROM project_reports ORDER BY id') +
    q(db, 'SELECT project_id, title, status FROM project_problems ORDER BY id');
  const a = dump(gen('q1.db', 3, 500, 200));
  assert.equal(a, dump(gen('q2.db', 3, 500, 200)));
  assert.notEqual(a, dump(gen('q3.db', 4, 500, 200)));
});

// 经济运行: ten years per unit and the city, the catalog's periods, published, plausible.
test('indicators: ten years of published figures per unit and city, by the catalog\'s periods, plausible', () => {
  const db = gen('i.db', 13, 500, 0);
  const regions = q(db, 'SELECT region, COUNT(*) FROM indicator_values GROUP BY region').split('\n');
  assert.equal(regions.length, 18, '17 units and the city');
  assert.equal(new Set(regions.map((l) => l.split('|')[1])).size, 1, 'the same number of periods everywhere');
  assert.equal(q(db, "SELECT COUNT(*) FROM indicator_values WHERE status <> 'published' OR published_at IS NULL"), '0');
  // per region and period: every catalog indicator, quarterly ones at quarter ends only
  const years = q(db, 'SELECT MIN(year), MAX(year), COUNT(DISTINCT year) FROM indicator_values').split('|').map(Number);
  assert.equal(years[2], 10, 'ten years');
  const n = Number(q(db, "SELECT COUNT(*) FROM indicators"));
  assert.equal(q(db, `SELECT COUNT(*) FROM (SELECT region, year, month FROM indicator_values v JOIN indicators i
    ON i.id = v.indicator_id WHERE i.periodicity = 'monthly' GROUP BY region, year, month
    HAVING COUNT(*) <> ${n - 4})`), '0', 'every monthly indicator in every month');
  assert.equal(q(db, `SELECT COUNT(*) FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
    WHERE i.periodicity = 'quarterly' AND (v.month % 3 <> 0 OR v.period <> v.year || '-Q' || (v.month / 3))`), '0');
  assert.equal(q(db, `SELECT COUNT(*) FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
    WHERE i.jan_feb_merged = 1 AND v.month = 1`), '0', 'no January alone where 1-2月 is merged');
  assert.equal(q(db, `SELECT COUNT(*) FROM (SELECT region, indicator_id, year FROM indicator_values
    WHERE year < ${years[1]} GROUP BY region, indicator_id, year HAVING COUNT(*) NOT IN (4, 11))`), '0', 'full past years');
  assert.equal(q(db, `SELECT COUNT(*) FROM indicator_values WHERE year * 100 + month >=
    CAST(strftime('%Y%m', 'now', '+8 hours', 'start of month', '-1 month') AS INTEGER)`), '0', 'through the month before last');
  // year to date never falls within a year; growth in a realistic range; sizes from 80亿 to 1,000亿 of GDP
  assert.equal(q(db, `SELECT COUNT(*) FROM indicator_values a JOIN indicator_values b ON b.region = a.region
    AND b.indicator_id = a.indicator_id AND b.year = a.year AND b.month > a.month WHERE b.value <= a.value`), '0');
  assert.equal(q(db, 'SELECT COUNT(*) FROM indicator_values WHERE growth_bp IS NULL OR growth_bp < -4000 OR growth_bp > 6000'), '0');
  const gdp = q(db, `SELECT v.region, v.value, v.growth_bp FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
    WHERE i.code = 'gdp' AND v.month = 12 AND v.year = ${years[1] - 1} AND v.region <> '220100'`).split('\n').map((l) => l.split('|').map(Number));
  for (const [, value, g] of gdp) {
    assert.ok(value >= 60e8 && value <= 2000e8, `district GDP ${value}`);
    assert.ok(g >= 0 && g <= 1300, `GDP growth ${g}`);
  }
  assert.ok(Math.max(...gdp.map((r) => r[1])) > 3 * Math.min(...gdp.map((r) => r[1])), 'units differ in size');
  // 三次产业 sum to GDP; the city is the sum of its units
  assert.equal(q(db, `SELECT COUNT(*) FROM indicator_values g JOIN indicators gi ON gi.id = g.indicator_id AND gi.code = 'gdp'
    WHERE g.value <> (SELECT SUM(p.value) FROM indicator_values p JOIN indicators pi ON pi.id = p.indicator_id
      WHERE pi.parent = 'gdp' AND p.region = g.region AND p.year = g.year AND p.month = g.month)`), '0');
  assert.equal(q(db, `SELECT COUNT(*) FROM indicator_values c WHERE c.region = '220100' AND c.value <>
    (SELECT SUM(u.value) FROM indicator_values u WHERE u.region <> '220100' AND u.indicator_id = c.indicator_id
      AND u.year = c.year AND u.month = c.month)`), '0');
  assert.equal(q(db, `SELECT COUNT(*) FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
    JOIN indicators p ON p.code = i.parent JOIN indicator_values pv ON pv.indicator_id = p.id AND pv.region = v.region
    AND pv.year = v.year AND pv.month = v.month WHERE i.parent <> 'gdp' AND v.value >= pv.value`), '0', 'a part below its whole');
  assert.equal(q(db, 'SELECT COUNT(*) FROM indicator_targets'), String(18 * 3 * 10), 'targets of GDP, FAI and retail each year');
  // deterministic for a seed, different for another
  const dump = (d) => q(d, 'SELECT region, indicator_id, period, value, growth_bp FROM indicator_values ORDER BY region, indicator_id, year, month') +
    q(d, 'SELECT region, indicator_id, year, growth_bp FROM indicator_targets ORDER BY region, indicator_id, year');
  const a = dump(db);
  assert.equal(a, dump(gen('i2.db', 13, 500, 0)));
  assert.notEqual(a, dump(gen('i3.db', 14, 500, 0)));
});

// Starts `guatu serve` on a generated database; resolves to {url, stop}.
async function serve(db) {
  const { proc, url } = await spawnServer(['serve', '--db', db]);
  return { url, stop: () => new Promise((r) => { proc.on('exit', r); proc.kill('SIGTERM'); }) };
}

test(`on ${BACKEND}: the bulk-loaded data equals SQLite's, ids continue after it, and the server answers for it`, async () => {
  const ref = gen('ref.db', 9, 25000, 300);
  const { db, drop } = freshDb(mkdtempSync(join(dir, 'be-')));
  try {
    gen(null, 9, 25000, 300, db);
    for (const t of ['enterprises', 'projects', 'project_procedures', 'project_milestones', 'project_reports',
      'project_problems', 'project_stage_history', 'indicator_values', 'indicator_targets']) {
      assert.equal(sql(db, `SELECT COUNT(*) FROM ${t}`), q(ref, `SELECT COUNT(*) FROM ${t}`), t);
    }
    assert.equal(sql(db, 'SELECT name FROM projects WHERE id = (SELECT MAX(id) FROM projects)'),
      q(ref, 'SELECT name FROM projects WHERE id = (SELECT MAX(id) FROM projects)'));
    assert.equal(sql(db, 'SELECT SUM(value), SUM(growth_bp) FROM indicator_values').replace(/\s*\|\s*/g, '|'),
      q(ref, 'SELECT SUM(value), SUM(growth_bp) FROM indicator_values'), 'the same figures');
    const before = Number(sql(db, 'SELECT MAX(id) FROM enterprises'));
    const id = Number(sql(db, `INSERT INTO enterprises (region, name, created_at, updated_at)
      VALUES ('220104', '生成后新增有限公司', 0, 0) RETURNING id`).split('\n')[0]);
    assert.ok(id > before, `a new enterprise gets a fresh id (${id} > ${before})`);
    const found = sql(db, BACKEND === 'postgres'
      ? "SELECT COUNT(*) FROM enterprises WHERE name LIKE '%消防装备%'"
      : `SELECT COUNT(*) FROM enterprises_fts WHERE enterprises_fts MATCH '"消防装备"'`);
    assert.ok(Number(found) > 0, 'names searchable after the index rebuild');
    assert.equal(guatu(['user', 'passwd', 'gen_220104_1', '--password-stdin', '--db', db], 'Guatu#Gen2026\n').status, 0);
    const srv = await serve(db);
    try {
      const c = new Client(srv.url);
      assert.equal((await c.login('gen_220104_1', 'Guatu#Gen2026')).status, 200);
      const pw = await c.post('/api/v1/me/password', { old_password: 'Guatu#Gen2026', new_password: 'Guatu#Gen2027' });
      assert.equal(pw.status, 200, pw.text); // a password set by an administrator must be changed first
      const list = await c.get('/api/v1/projects?leader_id=me&per_page=100');
      assert.equal(list.status, 200, list.text);
      assert.ok(list.json.items.length > 0, 'the 包保 leader has projects');
      const building = list.json.items.find((p) => p.stage === 'building') || list.json.items[0];
      const d = await c.get(`/api/v1/projects/${building.id}`);
      assert.equal(d.status, 200, d.text);
      assert.ok(['green', 'yellow', 'red'].includes(d.json.light), 'the light is computed from the generated facts');
      const k = await c.get('/api/v1/cockpit?region=220104');
      assert.equal(k.status, 200, k.text);
      const kg = k.json.indicators.find((i) => i.indicator === 'gdp');
      assert.ok(kg.value > 0 && kg.trend.length === 12, 'the cockpit shows the generated GDP with its trend');
      assert.equal(kg.all_size, 17, 'ranked among the 17 generated units');
    } finally {
      await srv.stop();
    }
  } finally {
    drop();
  }
});
