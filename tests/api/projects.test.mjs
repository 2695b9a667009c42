// Major projects 项目建设: registry CRUD with validation naming the field,
// lifecycle transitions through the guard (audited, in the history),
// procedures, 倒排工期 with the critical path and a baseline, list filters,
// and scope (a department sees its projects, a leader writes his 包保 ones,
// another district sees nothing). Same tests on SQLite and PostgreSQL.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, loginAs } from './lib/server.mjs';

let srv, leader, staff, city, ent, ed, stat, sys, auditor;
let all; // every project city_leader sees

const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const daysAgo = (n) => new Date(Date.now() + 8 * 3600e3 - n * 86400e3).toISOString().slice(0, 10);
const im = (r) => ({ 'If-Match': r.headers.get('etag') });

before(async () => {
  srv = await startDemo();
  [leader, staff, city, ent, ed, stat, sys, auditor] = await Promise.all(
    ['cy_leader', 'cy_staff', 'city_leader', 'cy_enterprise', 'ed_leader', 'cy_stat', 'sysadmin', 'cy_auditor']
      .map((u) => loginAs(srv.url, u)));
  const r = await city.get('/api/v1/projects?per_page=500');
  assert.equal(r.status, 200);
  all = r.json.items;
  assert.ok(all.length >= 25, `demo projects: ${all.length}`);
});

const create = (c, body) => c.post('/api/v1/projects', { category: '产业项目', ...body });

test('demo data: every stage of the lifecycle, both districts, lights computed', () => {
  const stages = new Set(all.map((p) => p.stage));
  for (const s of ['planning', 'reserve', 'signed', 'located', 'preparing', 'started', 'building',
    'completed', 'operating', 'in_stats']) assert.ok(stages.has(s), s);
  assert.ok(all.some((p) => p.region === '220105'));
  assert.ok(all.every((p) => ['green', 'yellow', 'red'].includes(p.light)));
  assert.ok(all.some((p) => p.light === 'red' && p.light_reasons.length > 0));
  const p = all.find((x) => x.name === '旭阳中法智能产业园项目');
  assert.equal(p.total_investment, 3500000000);
  assert.deepEqual(p.size_tags, ['5000万以上', '亿元以上']);
  assert.equal(p.category_zh, '产业项目');
});

test('create, read, edit with If-Match; amounts as 元 or as officials write them', async () => {
  const r = await create(leader, {
    name: '测试智能制造项目', code: '2411-220104-89-01-637015', total_investment: '1.2亿元',
    annual_plan: '5000万元', planned_start: '2026-03-01', tags: ['省重点'], kind: '新建',
    members: [{ name: '王工', duty: '专班组长' }],
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.total_investment, 120000000);
  assert.equal(r.json.annual_plan, 50000000);
  assert.equal(r.json.leader_id, leader.user.id, 'a leader registers his own');
  assert.equal(r.json.stage, 'planning');
  assert.deepEqual(r.json.tags, ['省重点']);
  assert.equal(r.json.members[0].duty, '专班组长');
  assert.equal(r.json.procedures.length, 6);
  assert.equal(r.json.history[0].to_stage, 'planning');
  const id = r.json.id;
  const g = await leader.get(`/api/v1/projects/${id}`);
  assert.equal(g.status, 200);
  assert.equal(g.headers.get('etag'), `"${g.json.version}"`);
  const noMatch = await leader.patch(`/api/v1/projects/${id}`, { location: '朝阳区' });
  assert.equal(noMatch.status, 428);
  const p = await leader.patch(`/api/v1/projects/${id}`, { location: '朝阳区' }, im(g));
  assert.equal(p.status, 200, p.text);
  assert.equal(p.json.location, '朝阳区');
  const stale = await leader.patch(`/api/v1/projects/${id}`, { location: '二道区' }, im(g));
  assert.equal(stale.status, 412);
  const dup = await create(leader, { name: '重复代码', code: '2411-220104-89-01-637015' });
  assert.equal(dup.status, 409);
  assert.equal(dup.json.error.field, 'code');
});

test('bad input names the field', async () => {
  const cases = [
    [{ name: 'x', code: '2411-220104-89-01-63701' }, 'code'],
    [{ name: 'x', code: '2413-220104-89-01-637015' }, 'code'],
    [{ name: 'x', total_investment: -5 }, 'total_investment'],
    [{ name: 'x', total_investment: '约5000万' }, 'total_investment'],
    [{ name: 'x', annual_plan: '12abc' }, 'annual_plan'],
    [{ name: 'x', planned_start: '2026-02-30' }, 'planned_start'],
    [{ name: 'x', planned_start: '2026/3/1' }, 'planned_start'],
    [{ name: 'x', category: '工业' }, 'category'],
    [{ name: 'x', kind: 'old' }, 'kind'],
    [{ name: 'x', industry: 'Z99' }, 'industry'],
    [{ name: 'x', department_id: 999999 }, 'department_id'],
    [{ name: 'x', total_investment: 100, annual_plan: 200 }, 'annual_plan'],
    [{ name: 'x', stage: 'building' }, 'actual_start'],
    [{ name: 'x', nonsense: 1 }, 'nonsense'],
    [{ category: 'industry' }, 'name'],
  ];
  for (const [body, field] of cases) {
    const r = await create(leader, body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    assert.equal(r.json.error.field, field, JSON.stringify(body));
    assert.match(r.json.error.message_zh, /[\u4e00-\u9fff]/);
  }
  const none = await leader.get('/api/v1/projects?q=x&per_page=500');
  assert.ok(!none.json.items.some((p) => p.name === 'x'), 'nothing partially written');
});

test('transitions: the guard refuses with its messages, allowed moves are dated, audited and in the history', async () => {
  const r = await create(leader, { name: '测试阶段项目' });
  const id = r.json.id;
  let cur = await leader.get(`/api/v1/projects/${id}`);
  const jump = await leader.post(`/api/v1/projects/${id}/transitions`, { to: 'started', date: daysAgo(10) }, im(cur));
  assert.equal(jump.status, 400);
  assert.equal(jump.json.error.field, 'to');
  assert.match(jump.json.error.message_zh, /立项/);
  assert.match(jump.json.error.message_zh, /施工许可/);
  const future = await leader.post(`/api/v1/projects/${id}/transitions`, { to: 'reserve', date: '2099-01-01' }, im(cur));
  assert.equal(future.status, 400);
  assert.equal(future.json.error.field, 'date');
  const same = await leader.post(`/api/v1/projects/${id}/transitions`, { to: 'planning' }, im(cur));
  assert.equal(same.status, 400);
  // Procedures make 开工 possible.
  const bad = await leader.req('PUT', `/api/v1/projects/${id}/procedures/approval`, { status: 'exempt', basis: 'x' });
  assert.equal(bad.status, 400, '立项 cannot be waived');
  const noForm = await leader.req('PUT', `/api/v1/projects/${id}/procedures/approval`, { status: 'in_progress' });
  assert.equal(noForm.json.error.field, 'form');
  const a = await leader.req('PUT', `/api/v1/projects/${id}/procedures/approval`,
    { status: 'obtained', form: '备案', actual_start: daysAgo(40), actual_finish: daysAgo(30) });
  assert.equal(a.status, 200, a.text);
  assert.equal(a.json.form, 'filing');
  const again = await leader.req('PUT', `/api/v1/projects/${id}/procedures/approval`, { status: 'obtained', form: 'filing', actual_finish: daysAgo(30) });
  assert.equal(again.status, 428, 'an existing procedure needs If-Match');
  const noBasis = await leader.req('PUT', `/api/v1/projects/${id}/procedures/permit`, { status: 'exempt' });
  assert.equal(noBasis.json.error.field, 'basis');
  const permit = await leader.req('PUT', `/api/v1/projects/${id}/procedures/permit`,
    { status: 'obtained', actual_finish: daysAgo(20) });
  assert.equal(permit.status, 200, permit.text);
  cur = await leader.get(`/api/v1/projects/${id}`);
  const ok = await leader.post(`/api/v1/projects/${id}/transitions`, { to: 'started', date: daysAgo(10) }, im(cur));
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.stage, 'started');
  assert.equal(ok.json.actual_start, daysAgo(10));
  const back = await leader.post(`/api/v1/projects/${id}/transitions`, { to: 'preparing', date: today }, im(ok));
  assert.equal(back.status, 400, 'backward needs a reason');
  const back2 = await leader.post(`/api/v1/projects/${id}/transitions`, { to: 'preparing', reason: '误录更正' }, im(ok));
  assert.equal(back2.status, 200, back2.text);
  assert.equal(back2.json.actual_start, null);
  const h = await leader.get(`/api/v1/projects/${id}/history`);
  assert.deepEqual(h.json.items.map((x) => x.to_stage), ['preparing', 'started', 'planning']);
  assert.equal(h.json.items[0].reason, '误录更正');
  const log = await auditor.get(`/api/v1/audit?object_type=project&object_id=${id}&per_page=100`);
  assert.equal(log.status, 200, log.text);
  assert.equal(log.json.items.filter((x) => x.action === 'transition' && x.object_id === String(id)).length, 2);
});

test('倒排工期: template milestones, critical path, baseline and comparison', async () => {
  const r = await create(leader, { name: '测试工期项目' });
  const id = r.json.id;
  const plan = await leader.post(`/api/v1/projects/${id}/schedule/plan`, { target_date: '2027-06-30' });
  assert.equal(plan.status, 200, plan.text);
  assert.equal(plan.json.finish, '2027-06-30');
  assert.equal(plan.json.feasible, true);
  const byKind = Object.fromEntries(plan.json.milestones.map((m) => [m.kind, m]));
  // 立项 20 → 用地 60 → 规划许可 20 → 施工许可 15 → 开工: 115 days, the critical chain.
  assert.equal(byKind.start.planned_start, '2027-06-30');
  assert.equal(byKind.permit.planned_finish, '2027-06-29');
  assert.equal(byKind.approval.planned_start, '2027-03-07');
  assert.deepEqual(plan.json.critical_path,
    ['approval', 'land', 'planning', 'permit', 'start'].map((k) => byKind[k].id));
  assert.ok(!byKind.eia.critical && byKind.eia.total_float > 0);
  // A custom milestone after 开工, and a cycle refused.
  const m = await leader.post(`/api/v1/projects/${id}/milestones`,
    { name: '主体封顶', duration_days: 90, predecessors: [byKind.start.id] });
  assert.equal(m.status, 201, m.text);
  const cyc = await leader.patch(`/api/v1/projects/${id}/milestones/${byKind.approval.id}`,
    { predecessors: [m.json.id] }, { 'If-Match': `"${byKind.approval.version}"` });
  assert.equal(cyc.status, 200);
  const bad = await leader.post(`/api/v1/projects/${id}/schedule/plan`, { target_date: '2027-12-31' });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'milestones');
  const fix = await leader.patch(`/api/v1/projects/${id}/milestones/${byKind.approval.id}`,
    { predecessors: [] }, { 'If-Match': `"${cyc.json.version}"` });
  assert.equal(fix.status, 200);
  const p2 = await leader.post(`/api/v1/projects/${id}/schedule/plan`, { target_date: '2027-12-31' });
  assert.equal(p2.status, 200, p2.text);
  assert.equal(p2.json.milestones.find((x) => x.id === m.json.id).planned_finish, '2027-12-31');
  const base = await leader.post(`/api/v1/projects/${id}/schedule/baseline`);
  assert.equal(base.status, 200);
  assert.ok(base.json.milestones.every((x) => x.baseline_finish === x.planned_finish));
  // Actual dates are kept as dates (a wrong bind once stored a pointer).
  const ap = base.json.milestones.find((x) => x.kind === 'approval');
  const done = await leader.patch(`/api/v1/projects/${id}/milestones/${ap.id}`,
    { actual_start: '2027-03-07', actual_finish: '2027-03-20' }, { 'If-Match': `"${ap.version}"` });
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json.actual_start, '2027-03-07');
  assert.equal(done.json.actual_finish, '2027-03-20');
  const again = (await leader.get(`/api/v1/projects/${id}/milestones`)).json;
  assert.equal((again.items || again).find((x) => x.id === ap.id).actual_finish, '2027-03-20');
  const s = await leader.get(`/api/v1/projects/${id}/schedule`);
  assert.equal(s.status, 200);
  assert.equal(s.json.critical_path.length, 6);
  assert.equal(s.json.summary.late, 0);
  const badDate = await leader.post(`/api/v1/projects/${id}/schedule/plan`, { target_date: '2027-13-01' });
  assert.equal(badDate.json.error.field, 'target_date');
});

test('demo: every project with a planned 开工 has a backward plan, a baseline, and a started one its actual steps', async () => {
  const list = (await city.get('/api/v1/projects?per_page=500&q=中凯消防车生产基地')).json.items;
  assert.equal(list.length, 1);
  const s = await city.get(`/api/v1/projects/${list[0].id}/schedule`);
  assert.equal(s.status, 200, s.text);
  const ms = s.json.milestones;
  assert.equal(ms.length, 7, 'six procedures and 开工');
  const start = ms.find((m) => m.kind === 'start');
  assert.equal(start.planned_finish, list[0].planned_start, 'planned backwards from the planned 开工');
  assert.ok(ms.every((m) => m.baseline_finish === m.planned_finish), 'the plan is the baseline');
  assert.ok(ms.every((m) => /^\d{4}-\d{2}-\d{2}$/.test(m.actual_finish || '')), 'a started project took every step');
  assert.equal(start.actual_start, list[0].actual_start, '开工 happened on the recorded start');
  assert.ok(s.json.critical_path.length >= 2);
});

test('list filters, sorting and paging', async () => {
  all = (await city.get('/api/v1/projects?per_page=500')).json.items; // with the projects created above
  const q = async (s) => {
    const r = await city.get(`/api/v1/projects?per_page=500&${s}`);
    assert.equal(r.status, 200, `${s}: ${r.text}`);
    return r.json;
  };
  const ids = (items) => items.map((p) => p.id).sort((a, b) => a - b);
  const want = (f) => ids(all.filter(f));
  assert.deepEqual(ids((await q('stage=building')).items), want((p) => p.stage === 'building'));
  assert.deepEqual(ids((await q(`stage=${encodeURIComponent('在建')}`)).items), want((p) => p.stage === 'building'));
  assert.deepEqual(ids((await q('category=infrastructure')).items), want((p) => p.category === 'infrastructure'));
  assert.deepEqual(ids((await q('kind=continuing')).items), want((p) => p.kind === 'continuing'));
  assert.deepEqual(ids((await q(`tag=${encodeURIComponent('亿元以上')}`)).items), want((p) => p.total_investment >= 1e8));
  assert.deepEqual(ids((await q(`tag=${encodeURIComponent('专项债')}`)).items), want((p) => p.special_bond));
  assert.deepEqual(ids((await q(`tag=${encodeURIComponent('省重点')}`)).items), want((p) => p.tags.includes('省重点')));
  assert.deepEqual(ids((await q(`q=${encodeURIComponent('中凯')}`)).items), want((p) => p.name.includes('中凯')));
  assert.deepEqual(ids((await q(`leader_id=${leader.user.id}`)).items), want((p) => p.leader_id === leader.user.id));
  const reds = (await q('light=red')).items;
  assert.ok(reds.every((p) => p.light === 'red'));
  const byTotal = (await q('sort=total_investment&order=desc')).items.map((p) => p.total_investment);
  assert.deepEqual(byTotal, [...byTotal].sort((a, b) => b - a));
  const page = await city.get('/api/v1/projects?per_page=5&page=2');
  assert.equal(page.json.items.length, 5);
  assert.equal(page.json.page, 2);
  assert.equal((await city.get('/api/v1/projects?sort=bogus')).json.error.field, 'sort');
  assert.equal((await city.get('/api/v1/projects?stage=bogus')).json.error.field, 'stage');
  const mine = await leader.get('/api/v1/projects?leader_id=me&per_page=500');
  assert.ok(mine.json.items.every((p) => p.leader_id === leader.user.id));
});

test('scope: a department sees its projects, a leader writes his 包保 ones, another district sees nothing', async () => {
  const cyAll = all.filter((p) => p.region === '220104');
  const st = await staff.get('/api/v1/projects?per_page=500');
  assert.ok(st.json.total > 0);
  assert.ok(st.json.items.every((p) => p.department_name === '发展和改革局'));
  assert.equal(st.json.total, cyAll.filter((p) => p.department_name === '发展和改革局').length);
  const other = cyAll.find((p) => p.department_name !== '发展和改革局');
  assert.equal((await staff.get(`/api/v1/projects/${other.id}`)).status, 404);
  const l = await leader.get('/api/v1/projects?per_page=500');
  assert.ok(l.json.total >= cyAll.length, 'every 朝阳区 project (and those created by earlier tests)');
  assert.ok(l.json.items.every((p) => p.region === '220104'));
  const notHis = cyAll.find((p) => p.leader_id !== leader.user.id);
  const g = await leader.get(`/api/v1/projects/${notHis.id}`);
  assert.equal(g.status, 200);
  assert.equal((await leader.patch(`/api/v1/projects/${notHis.id}`, { location: 'x' }, im(g))).status, 404);
  const e = await ent.get('/api/v1/projects?per_page=500');
  assert.ok(e.json.total >= 1);
  assert.ok(e.json.items.every((p) => p.builder_id === ent.user.enterprise_id));
  const edList = await ed.get('/api/v1/projects?per_page=500');
  assert.ok(edList.json.items.every((p) => p.region === '220105'));
  assert.equal((await ed.get(`/api/v1/projects/${cyAll[0].id}`)).status, 404);
  assert.equal((await sys.get('/api/v1/projects')).status, 403);
  assert.equal((await sys.get(`/api/v1/projects/${cyAll[0].id}`)).status, 403);
  // Staff register only for their own department; statisticians edit only statistics fields.
  const wrong = await create(staff, { name: '别的部门的项目', department_id: other.department_id });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.json.error.field, 'department_id');
  const own = all.find((p) => p.region === '220104');
  const sg = await stat.get(`/api/v1/projects/${own.id}`);
  const sn = await stat.patch(`/api/v1/projects/${own.id}`, { name: '改名' }, im(sg));
  assert.equal(sn.status, 403);
  assert.equal(sn.json.error.field, 'name');
  const sd = await stat.patch(`/api/v1/projects/${own.id}`, { stats_date: daysAgo(3) }, im(sg));
  assert.equal(sd.status, 200, sd.text);
  assert.equal((await create(stat, { name: '统计员登记' })).status, 403);
});
