// Server-side aggregates of major projects: rates by group, the quarterly
// campaign with the projects each goal misses, the three ledgers, the battle
// map in one answer, their XLSX exports; per-region light rules; photos on
// monthly reports. Each checks scope: a department sees its projects, a
// leader their 包保 projects, another district sees nothing. Same tests on
// SQLite and PostgreSQL.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, loginAs, announceBody } from './lib/server.mjs';

let srv, leader, staff, stat, city, ed, ent, auditor, sys;
const now8 = () => new Date(Date.now() + 8 * 3600e3);
const YEAR = now8().getUTCFullYear();
const daysFromNow = (n) => new Date(Date.now() + 8 * 3600e3 + n * 86400e3).toISOString().slice(0, 10);
const thisMonth = now8().toISOString().slice(0, 7);

before(async () => {
  srv = await startDemo();
  [leader, staff, stat, city, ed, ent, auditor, sys] = await Promise.all(
    ['cy_leader', 'cy_staff', 'cy_stat', 'city_leader', 'ed_leader', 'cy_enterprise', 'cy_auditor', 'sysadmin']
      .map((u) => loginAs(srv.url, u)));
});

const allProjects = async (c) => (await c.get(`/api/v1/projects?plan_year=${YEAR}&per_page=500`)).json.items;

// Raw request (binary bodies and answers).
async function raw(c, method, path, body, headers = {}) {
  const h = { Cookie: c.cookie, ...headers };
  if (method !== 'GET') h['X-CSRF-Token'] = c.csrf;
  const r = await fetch(srv.url + path, { method, headers: h, body });
  const buf = Buffer.from(await r.arrayBuffer());
  let json = null;
  try { json = JSON.parse(buf.toString('utf8')); } catch { json = null; }
  return { status: r.status, headers: r.headers, buf, json };
}

const isXlsx = (r) => {
  assert.equal(r.status, 200, r.buf.toString());
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  assert.match(r.headers.get('content-disposition'), /attachment; filename=.*\.xlsx/);
  assert.equal(r.buf.subarray(0, 2).toString(), 'PK');
};

test('rates: groups add up to the total, which counts the projects of the year in scope', async () => {
  const r = await city.get(`/api/v1/projects/rates?year=${YEAR}&group=department`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.year, YEAR);
  assert.match(r.json.as_of, /^\d{4}-\d{2}-\d{2}$/);
  const sum = r.json.rows.reduce((a, x) => a + x.n_projects, 0);
  assert.equal(sum, r.json.total.n_projects);
  assert.equal(r.json.total.n_projects, (await allProjects(city)).length);
  for (const k of ['start', 'start_resume', 'completion', 'investment', 'stats']) {
    const done = r.json.rows.reduce((a, x) => a + x[k].done, 0);
    assert.equal(done, r.json.total[k].done, k);
    for (const x of r.json.rows) assert.ok(x[k].done <= x[k].target || k === 'investment', `${k} of ${x.name}`);
  }
  const inv = r.json.total.investment;
  assert.equal(inv.bp, Math.round((inv.done / inv.target) * 10000));
  for (const g of ['all', 'region', 'leader', 'category', 'quarter']) {
    const x = await city.get(`/api/v1/projects/rates?group=${g}`);
    assert.equal(x.status, 200, g);
    assert.equal(x.json.rows.reduce((a, y) => a + y.n_projects, 0), x.json.total.n_projects, g);
  }
  const cat = await city.get('/api/v1/projects/rates?group=category');
  assert.ok(cat.json.rows.some((x) => x.key === 'industry' && x.name === '产业项目'));
  const bad = await city.get('/api/v1/projects/rates?group=colour');
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'group');
  assert.equal((await city.get('/api/v1/projects/rates?as_of=2026-02-30')).json.error.field, 'as_of');
  assert.equal((await city.get('/api/v1/projects/rates?format=pdf')).status, 400);
});

test('rates: a new project planned to start and not started counts against 开工率', async () => {
  const before = (await leader.get('/api/v1/projects/rates')).json.total;
  const p = await leader.post('/api/v1/projects', {
    name: '五率测试项目', category: 'infrastructure', planned_start: daysFromNow(-1) < `${YEAR}-01-01` ? `${YEAR}-01-01` : daysFromNow(-1),
    annual_plan: '2000万元',
  });
  assert.equal(p.status, 201, p.text);
  const after = (await leader.get('/api/v1/projects/rates')).json.total;
  assert.equal(after.n_projects, before.n_projects + 1);
  assert.equal(after.start.target, before.start.target + 1);
  assert.equal(after.start.done, before.start.done);
  assert.equal(after.investment.target, before.investment.target + 20000000);
  // The campaign's Q2 goal lists it as missing (planned in the year, not started).
  const c = await leader.get('/api/v1/projects/campaign');
  const q4 = c.json.goals[3];
  const q2 = c.json.goals[1];
  assert.equal(q4.quarter, 4);
  if (now8().getUTCMonth() >= 3) assert.ok(q2.missing.some((x) => x.id === p.json.id) || q2.as_of < `${YEAR}-04-01`);
});

test('rates by role: staff see their department, an enterprise what it builds, another district nothing of ours', async () => {
  const s = await staff.get('/api/v1/projects/rates?group=department');
  assert.equal(s.status, 200);
  assert.ok(s.json.rows.length <= 1);
  for (const x of s.json.rows) assert.equal(x.key, staff.user.department_id);
  const mine = (await allProjects(staff)).length;
  assert.equal(s.json.total.n_projects, mine);
  const other = await staff.get('/api/v1/projects/rates?department_id=999999');
  assert.equal(other.json.total.n_projects, 0);
  const e = await ent.get('/api/v1/projects/rates?group=all');
  assert.equal(e.status, 200);
  assert.equal(e.json.total.n_projects, (await allProjects(ent)).length);
  const d = await ed.get('/api/v1/projects/rates?group=region');
  assert.equal(d.status, 200);
  for (const x of d.json.rows) assert.equal(String(x.key), '220105');
  for (const a of [sys]) assert.equal((await a.get('/api/v1/projects/rates')).status, 403);
  assert.equal((await auditor.get('/api/v1/projects/rates')).status, 200);
});

test('campaign: four goals, each with the list of projects still missing', async () => {
  const r = await city.get(`/api/v1/projects/campaign?year=${YEAR}`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.goals.map((g) => g.code), ['q1_opening', 'q2_all_started', 'q3_charge', 'q4_finish']);
  const ids = new Set((await allProjects(city)).map((p) => p.id));
  const cyIds = new Set((await allProjects(leader)).map((p) => p.id));
  for (const g of r.json.goals) {
    assert.equal(g.missing.length, g.n_missing, g.code);
    assert.equal(g.met, g.unit === 'yuan' ? g.done >= g.target : g.n_missing === 0, g.code);
    for (const p of g.missing) assert.ok(ids.has(p.id) && p.name, `${g.code}: ${p.id}`);
    assert.ok(g.goal_zh && g.goal_en && g.name_zh);
  }
  const q3 = r.json.goals[2];
  assert.equal(q3.unit, 'yuan');
  for (const p of q3.missing) assert.ok(p.annual_plan > 0 && (p.invest_ytd || 0) * 4 < p.annual_plan * 3, p.name);
  const q4 = r.json.goals[3];
  for (const p of q4.missing) assert.ok(!p.stats_date || p.stats_date > q4.as_of, p.name);
  const d = await ed.get('/api/v1/projects/campaign');
  for (const g of d.json.goals) for (const p of g.missing) assert.ok(!cyIds.has(p.id), 'another district sees none of ours');
  isXlsx(await raw(city, 'GET', '/api/v1/projects/campaign?format=xlsx'));
  isXlsx(await raw(city, 'GET', '/api/v1/projects/rates?group=leader&format=xlsx'));
});

test('ledgers: a leader\'s three ledgers hold exactly their 包保 projects', async () => {
  const r = await leader.get('/api/v1/projects/ledgers?leader=me');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.for.kind, 'leader');
  assert.equal(r.json.for.id, leader.user.id);
  const mine = (await allProjects(leader)).filter((p) => p.leader_id === leader.user.id);
  assert.ok(mine.length > 0);
  assert.deepEqual(r.json.duty.map((x) => x.id).sort(), mine.map((p) => p.id).sort());
  assert.equal(r.json.time.length, mine.length);
  for (const x of r.json.duty) assert.equal(x.leader_id, leader.user.id);
  const plan = mine.reduce((a, p) => a + p.annual_plan, 0);
  assert.equal(r.json.task.annual_plan, plan);
  for (const x of r.json.time) {
    if (x.planned_start && x.actual_start && x.actual_start > x.planned_start)
      assert.equal(x.start_late_days, Math.round((Date.parse(x.actual_start) - Date.parse(x.planned_start)) / 864e5));
  }
  for (const pb of r.json.problems) assert.notEqual(pb.status, 'closed');
  isXlsx(await raw(leader, 'GET', '/api/v1/projects/ledgers?leader=me&format=xlsx'));
});

test('ledgers: a department\'s, staff only their own, another district nothing, bad queries 400', async () => {
  const r = await staff.get('/api/v1/projects/ledgers?department=me');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.for.kind, 'department');
  assert.ok(r.json.duty.length > 0);
  for (const x of r.json.duty) assert.equal(x.department_id, staff.user.department_id);
  const dutyIds = new Set(r.json.duty.map((x) => x.id));
  for (const pb of r.json.problems) assert.ok(dutyIds.has(pb.project_id), 'only problems of the ledger\'s projects');
  const other = (await city.get('/api/v1/departments?region=220104')).json.items.find((d) => d.id !== staff.user.department_id);
  const o = await staff.get(`/api/v1/projects/ledgers?department=${other.id}`);
  assert.equal(o.status, 200);
  assert.equal(o.json.duty.length, 0, 'staff see no other department\'s projects');
  const d = await ed.get(`/api/v1/projects/ledgers?leader=${leader.user.id}`);
  assert.equal(d.status, 200);
  assert.equal(d.json.duty.length, 0, 'another district sees nothing');
  assert.equal((await city.get('/api/v1/projects/ledgers')).status, 400);
  assert.equal((await city.get(`/api/v1/projects/ledgers?leader=1&department=1`)).status, 400);
  assert.equal((await city.get('/api/v1/projects/ledgers?leader=abc')).json.error.field, 'leader');
});

test('battle map: every project of the year in scope, grouped, with milestones, filtered', async () => {
  const list = await allProjects(city);
  const pid = list.find((p) => p.leader_id === leader.user.id).id;
  const ms = await leader.post(`/api/v1/projects/${pid}/milestones`, { name: '挂图里程碑', duration_days: 10 });
  assert.equal(ms.status, 201, ms.text);
  const r = await city.get(`/api/v1/projects/battle-map?year=${YEAR}&group=department`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.total, list.length);
  const flat = r.json.groups.flatMap((g) => g.projects);
  assert.equal(flat.length, list.length);
  for (const g of r.json.groups) {
    for (const p of g.projects) assert.equal(String(p.department_id ?? 0), g.key);
    const ranks = g.projects.map((p) => ({ red: 0, yellow: 1, green: 2 })[p.light]);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'red first within a group');
    assert.equal(g.counts.red + g.counts.yellow + g.counts.green, g.projects.length);
  }
  const p = flat.find((x) => x.id === pid);
  assert.ok(p.milestones.some((m) => m.name === '挂图里程碑' && 'baseline_start' in m && 'planned_start' in m));
  for (const x of flat) {
    assert.ok(Array.isArray(x.milestones) && Array.isArray(x.procedures) && Array.isArray(x.light_reasons));
    assert.equal(x.light, list.find((y) => y.id === x.id).light);
  }
  const red = await city.get('/api/v1/projects/battle-map?light=red&group=category');
  assert.ok(red.json.total > 0);
  for (const g of red.json.groups) for (const x of g.projects) assert.equal(x.light, 'red');
  const byLeader = await city.get(`/api/v1/projects/battle-map?leader_id=${leader.user.id}`);
  assert.ok(byLeader.json.groups.length === 1 && byLeader.json.groups[0].key === String(leader.user.id));
  assert.equal((await city.get('/api/v1/projects/battle-map?group=colour')).status, 400);
  assert.equal((await city.get('/api/v1/projects/battle-map?stage=flying')).json.error.field, 'stage');
});

test('battle map by role: department, enterprise, another district', async () => {
  const s = await staff.get('/api/v1/projects/battle-map');
  assert.equal(s.status, 200);
  const flat = s.json.groups.flatMap((g) => g.projects);
  assert.ok(flat.length > 0);
  for (const p of flat) assert.equal(p.department_id, staff.user.department_id);
  const e = await ent.get('/api/v1/projects/battle-map');
  for (const p of e.json.groups.flatMap((g) => g.projects)) assert.equal(p.builder_id, ent.user.enterprise_id);
  const d = await ed.get('/api/v1/projects/battle-map');
  for (const p of d.json.groups.flatMap((g) => g.projects)) assert.equal(p.region, '220105');
  assert.equal((await sys.get('/api/v1/projects/battle-map')).status, 403);
});

test('light rules: defaults, who may set them, validation, If-Match, and the lights follow', async () => {
  const g = await leader.get('/api/v1/regions/220104/light-rules');
  assert.equal(g.status, 200, g.text);
  assert.deepEqual(
    [g.json.start_red_months, g.json.progress_yellow_bp, g.json.progress_red_bp, g.json.stats_yellow_months, g.json.stats_red_months],
    [3, 1000, 3000, 1, 2]);
  assert.equal(g.json.default, true);
  assert.equal(g.headers.get('etag'), '"0"');
  // A project planned to start last month, not started: yellow under the
  // defaults (red only three calendar months after).
  const d8 = now8();
  const lastMonth = new Date(Date.UTC(d8.getUTCFullYear(), d8.getUTCMonth() - 1, 15)).toISOString().slice(0, 10);
  const p = await leader.post('/api/v1/projects', { name: '亮灯规则测试项目', category: 'industry', planned_start: lastMonth });
  assert.equal(p.status, 201, p.text);
  assert.equal(p.json.light, 'yellow');
  const body = { start_red_months: 1, progress_yellow_bp: 500, progress_red_bp: 2000, stats_yellow_months: 1, stats_red_months: 3 };
  assert.equal((await staff.req('PUT', '/api/v1/regions/220104/light-rules', body, { 'If-Match': '"0"' })).status, 403);
  assert.equal((await stat.req('PUT', '/api/v1/regions/220104/light-rules', body, { 'If-Match': '"0"' })).status, 403);
  assert.equal((await ed.req('PUT', '/api/v1/regions/220104/light-rules', body, { 'If-Match': '"0"' })).status, 404);
  assert.equal((await ed.get('/api/v1/regions/220104/light-rules')).status, 404);
  assert.equal((await leader.req('PUT', '/api/v1/regions/220104/light-rules', body)).status, 428);
  const bad = await leader.req('PUT', '/api/v1/regions/220104/light-rules', { ...body, progress_red_bp: 400 }, { 'If-Match': '"0"' });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'progress_red_bp');
  assert.match(bad.json.error.message_zh, /黄灯/);
  const bad2 = await leader.req('PUT', '/api/v1/regions/220104/light-rules', { ...body, stats_red_months: 0 }, { 'If-Match': '"0"' });
  assert.equal(bad2.json.error.field, 'stats_red_months');
  const ok = await leader.req('PUT', '/api/v1/regions/220104/light-rules', body, { 'If-Match': '"0"' });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.version, 1);
  assert.equal(ok.json.default, false);
  assert.equal(ok.headers.get('etag'), '"1"');
  const stale = await leader.req('PUT', '/api/v1/regions/220104/light-rules', body, { 'If-Match': '"0"' });
  assert.equal(stale.status, 412);
  // The project is now red, in the detail, the list and the battle map.
  const d = await leader.get(`/api/v1/projects/${p.json.id}`);
  assert.equal(d.json.light, 'red');
  assert.ok(d.json.light_reasons.some((x) => x.code === 'start_long_overdue'));
  const m = await leader.get('/api/v1/projects/battle-map');
  assert.equal(m.json.groups.flatMap((x) => x.projects).find((x) => x.id === p.json.id).light, 'red');
  // The city leader's own region is inherited by nobody else: 220105 keeps the defaults.
  assert.equal((await ed.get('/api/v1/regions/220105/light-rules')).json.default, true);
  // Sysadmin may set any region's, the city leader the districts under him.
  const s2 = await city.req('PUT', '/api/v1/regions/220105/light-rules', body, { 'If-Match': '"0"' });
  assert.equal(s2.status, 200, s2.text);
  const a = await auditor.get('/api/v1/audit?action=light_rules_update&per_page=50');
  assert.equal(a.status, 200);
  assert.ok(a.json.items.some((x) => x.object_id === '220104'), 'audited');
  // Back to the defaults: the project is yellow again.
  const back = await leader.req('PUT', '/api/v1/regions/220104/light-rules',
    { start_red_months: 3, progress_yellow_bp: 1000, progress_red_bp: 3000, stats_yellow_months: 1, stats_red_months: 2 },
    { 'If-Match': '"1"' });
  assert.equal(back.status, 200);
  assert.equal((await leader.get(`/api/v1/projects/${p.json.id}`)).json.light, 'yellow');
});

// The smallest images of each kind, and things that are not.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF test body'), Buffer.from([0xff, 0xd9])]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(14)]);

test('photos: only real images, size limit, one copy per content, bytes with a strong ETag, delete while a draft', async () => {
  const p = await leader.post('/api/v1/projects', { name: '照片测试项目', category: 'industry', department_id: staff.user.department_id });
  assert.equal(p.status, 201);
  const rep = await staff.post(`/api/v1/projects/${p.json.id}/reports`, { month: thisMonth, invest_month: 0, invest_ytd: 0 });
  assert.equal(rep.status, 201, rep.text);
  const base = `/api/v1/projects/${p.json.id}/reports/${rep.json.id}/photos`;
  const up = (c, buf, type = 'application/octet-stream') => raw(c, 'POST', base, buf, { 'Content-Type': type });

  const a = await up(staff, PNG, 'image/png');
  assert.equal(a.status, 201, a.buf.toString());
  assert.equal(a.json.mime, 'image/png');
  assert.equal(a.json.size, PNG.length);
  assert.match(a.json.sha256, /^[0-9a-f]{64}$/);
  const { createHash } = await import('node:crypto');
  assert.equal(a.json.sha256, createHash('sha256').update(PNG).digest('hex'));
  const again = await up(leader, PNG);
  assert.equal(again.status, 200);
  assert.equal(again.json.duplicate, true);
  assert.equal(again.json.id, a.json.id);
  assert.equal((await up(staff, JPEG)).json.mime, 'image/jpeg');
  assert.equal((await up(staff, WEBP)).json.mime, 'image/webp');

  const txt = await up(staff, Buffer.from('这不是图片 not an image'), 'image/png');
  assert.equal(txt.status, 400);
  assert.equal(txt.json.error.field, 'file');
  assert.match(txt.json.error.message_zh, /JPEG、PNG或WebP/);
  const gif = await up(staff, Buffer.from('GIF89a......'));
  assert.equal(gif.status, 400);
  const big = await up(staff, Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]));
  assert.equal(big.status, 413);
  assert.match(big.json.error.message_zh, /照片过大/);
  // Far over 1 MiB (yet under max_upload): refused from the headers alone,
  // with the photo's own message, before any of the body is sent.
  for (const n of [5 << 20, (1 << 20) + 4096 + 1]) {
    const early = await announceBody(srv.url + base, n, { 'Content-Type': 'image/jpeg',
      Cookie: staff.cookie, 'X-CSRF-Token': staff.csrf });
    assert.equal(early.status, 413, `${n} bytes`);
    const err = JSON.parse(early.text).error;
    assert.equal(err.code, 'too_large');
    assert.equal(err.field, 'file');
    assert.match(err.message_zh, /照片超过1 MiB/);
    assert.match(err.message_en, /photo is over 1 MiB/);
  }
  assert.equal((await up(staff, Buffer.alloc(0))).status, 400);

  const list = await staff.get(base);
  assert.equal(list.status, 200);
  assert.equal(list.json.total, 3, 'the same photo is stored once');
  assert.ok(list.json.items.every((x) => x.url.startsWith(base) && !('data' in x)));

  const one = await raw(auditor, 'GET', `${base}/${a.json.id}`);
  assert.equal(one.status, 200);
  assert.equal(one.headers.get('content-type'), 'image/png');
  assert.ok(one.buf.equals(PNG), 'the same bytes back');
  const etag = one.headers.get('etag');
  assert.match(etag, /^"[0-9a-f]{24}"$/, 'a strong ETag');
  assert.equal((await raw(auditor, 'GET', `${base}/${a.json.id}`, undefined, { 'If-None-Match': etag })).status, 304);
  assert.equal((await raw(ed, 'GET', `${base}/${a.json.id}`)).status, 404);
  assert.equal((await raw(ed, 'POST', base, PNG)).status, 404);
  assert.equal((await raw(auditor, 'POST', base, PNG)).status, 403);
  assert.equal((await raw(stat, 'POST', base, JPEG)).status, 403);
  assert.equal((await raw(staff, 'GET', `${base}/999999`)).status, 404);

  const del = await raw(staff, 'DELETE', `${base}/${list.json.items[2].id}`);
  assert.equal(del.status, 204);
  assert.equal((await staff.get(base)).json.total, 2);
  // Submitted: no more changes.
  const sub = await staff.post(`/api/v1/projects/${p.json.id}/reports/${rep.json.id}/submit`, undefined,
    { 'If-Match': rep.headers.get('etag') });
  assert.equal(sub.status, 200, sub.text);
  assert.equal((await up(staff, JPEG.subarray(0, 10))).status, 409);
  assert.equal((await raw(staff, 'DELETE', `${base}/${a.json.id}`)).status, 409);
  const au = await auditor.get('/api/v1/audit?action=photo_add&per_page=50');
  assert.ok(au.json.items.length >= 3, 'photo uploads audited');
});

test('cockpit: its project figures are those of the project pages (rates, lights, lagging order)', async () => {
  for (const c of [city, leader, staff]) {
    const region = c === city ? '220100' : '220104';
    const k = await c.get(`/api/v1/cockpit?region=${region}`);
    assert.equal(k.status, 200, k.text);
    const r = await c.get(`/api/v1/projects/rates?year=${YEAR}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(k.json.projects.n_projects, r.json.total.n_projects, c.user.username);
    for (const x of ['start', 'start_resume', 'completion', 'investment', 'stats'])
      assert.deepEqual(k.json.projects.rates[x], r.json.total[x], `${c.user.username} ${x}`);
    // lights as the project list shows them today; red first, then yellow, each by id
    const all = await allProjects(c);
    const lit = (l) => all.filter((p) => p.light === l).map((p) => p.id).sort((a, b) => a - b);
    assert.equal(k.json.counts.red, lit('red').length, c.user.username);
    assert.equal(k.json.counts.yellow, lit('yellow').length, c.user.username);
    assert.deepEqual(k.json.lagging.map((p) => p.id), [...lit('red'), ...lit('yellow')].slice(0, 10));
    for (const p of k.json.lagging) {
      const row = all.find((x) => x.id === p.id);
      assert.deepEqual([p.name, p.light, p.stage, p.leader_name, p.department_name],
        [row.name, row.light, row.stage, row.leader_name, row.department_name]);
      assert.ok(Array.isArray(p.reasons) && p.reasons.length > 0, `reasons of ${p.name}`);
    }
  }
});
