// The role × scope matrix for every route of src/api/routes.c. The expected
// statuses below are written from the rule table of src/domain/scope.c and
// the role assignment rule (scope_may_assign_role), not taken from the
// server's answers:
//   region, department: read all roles; write sysadmin; objects in scope only
//   user: read the three administrators; write sysadmin (business accounts);
//         admin actions (admin accounts, unlock, reset) secadmin
//   enterprise: read business roles + enterprise contact + auditor; write the
//         business roles; an enterprise contact sees only its own enterprise
//   audit: read auditadmin + auditor
//   token: every role, own tokens only
//   project: read business roles + enterprise contact + auditor; write leader,
//         staff, statistician; staff only their department's projects (read
//         and write), a leader writes only his 包保 projects, an enterprise
//         contact sees only what its enterprise builds; statisticians do not
//         register projects
// 403 = the role may never; 404 = the object is outside the caller's scope.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, Client, loginAs, DEMO_PASSWORD } from './lib/server.mjs';

const ACCOUNTS = ['sysadmin', 'secadmin', 'auditadmin', 'city_leader', 'cy_leader', 'cy_staff',
  'cy_stat', 'cy_invest', 'cy_service', 'cy_auditor', 'cy_enterprise', 'ed_leader'];
const ADMINS = ['sysadmin', 'secadmin', 'auditadmin'];
const BUSINESS = ['city_leader', 'cy_leader', 'cy_staff', 'cy_stat', 'cy_invest', 'cy_service', 'ed_leader'];
const CY = ['cy_leader', 'cy_staff', 'cy_stat', 'cy_invest', 'cy_service', 'cy_auditor', 'cy_enterprise'];

// Expected status per account: the listed accounts get the given status,
// everyone else `rest`.
function expect(rest, special = {}) {
  const out = {};
  for (const a of ACCOUNTS) out[a] = rest;
  for (const [status, who] of Object.entries(special)) for (const a of who) out[a] = Number(status);
  return out;
}

let srv;
const C = {};          // account -> logged-in client
const ids = {};        // names -> ids found through the API
let sys, city, sec;
let victimToken = {};  // tokens of other users, for the revoke row

before(async () => {
  srv = await startDemo();
  for (const a of ACCOUNTS) C[a] = await loginAs(srv.url, a);
  sys = C.sysadmin; city = C.city_leader; sec = C.secadmin;
  const users = await sys.get('/api/v1/users?per_page=500');
  assert.equal(users.status, 200);
  for (const u of users.json.items) ids[u.username] = u.id;
  const ents = await city.get('/api/v1/enterprises?per_page=500');
  assert.equal(ents.status, 200);
  const ent = (name) => ents.json.items.find((e) => e.name === name).id;
  ids.ent1 = ent('长春中凯消防车有限公司');   // 朝阳区, cy_enterprise's own
  ids.ent2 = ent('旭阳中法智能科技有限公司'); // 朝阳区
  ids.ent9 = ent('长春凯洛德交通科技有限公司'); // 二道区
  assert.equal(C.cy_enterprise.user.enterprise_id, ids.ent1, 'cy_enterprise is linked to enterprise 1');
  const depts = await sys.get('/api/v1/departments');
  const dept = (region, name) => depts.json.items.find((d) => d.region === region && d.name === name).id;
  ids.deptCy = dept('220104', '发展和改革局');
  ids.deptEd = dept('220105', '发展和改革局');
  const projects = (await city.get('/api/v1/projects?per_page=500')).json.items;
  const project = (name) => projects.find((p) => p.name === name).id;
  ids.prj1 = project('中凯消防车生产基地扩建项目'); // cy_leader's, 工业和信息化局, enterprise 1
  ids.prj2 = project('旭阳中法智能产业园项目');     // city_leader's, 发展和改革局, enterprise 2
  const ms = await C.cy_leader.post(`/api/v1/projects/${ids.prj1}/milestones`, { name: '矩阵里程碑', duration_days: 3 });
  assert.equal(ms.status, 201);
  ids.ms1 = ms.json.id;
  // Reports of prj1 (cy_leader's): a draft to edit, one to submit, one
  // submitted by cy_leader for review; a problem of prj1 assigned to
  // cy_staff's department (发展和改革局).
  const rep = async (month) => {
    const r = await C.cy_leader.post(`/api/v1/projects/${ids.prj1}/reports`, { month, invest_month: 0, invest_ytd: 0 });
    assert.equal(r.status, 201, r.text);
    return r;
  };
  ids.repEdit = (await rep('2020-02')).json.id;
  ids.repSubmit = (await rep('2020-03')).json.id;
  const rr = await rep('2020-04');
  ids.repReview = rr.json.id;
  assert.equal((await C.cy_leader.post(`/api/v1/projects/${ids.prj1}/reports/${ids.repReview}/submit`, undefined,
    { 'If-Match': rr.headers.get('etag') })).status, 200);
  const pb = await C.cy_leader.post(`/api/v1/projects/${ids.prj1}/problems`,
    { title: '矩阵问题', department_id: ids.deptCy, deadline: '2099-12-31' });
  assert.equal(pb.status, 201, pb.text);
  ids.pb1 = pb.json.id;
  const ph = await C.cy_leader.req('POST', `/api/v1/projects/${ids.prj1}/reports/${ids.repEdit}/photos`,
    webp('matrix photo'), { 'Content-Type': 'image/webp' });
  assert.equal(ph.status, 201, ph.text);
  ids.photo1 = ph.json.id;
  for (const owner of ['city_leader', 'cy_leader']) {
    const t = await C[owner].post('/api/v1/tokens', { name: `victim of ${owner}` });
    assert.equal(t.status, 201);
    victimToken[owner] = t.json;
  }
  // Economic operation: a custom indicator, a draft value of 朝阳区 entered
  // by cy_stat, a target of 朝阳区.
  const ind = await sys.post('/api/v1/indicators', { code: 'mx_ind', name: '矩阵指标', unit: 'yuan',
    display_unit: 'wan', periodicity: 'monthly' });
  assert.equal(ind.status, 201, ind.text);
  ids.ind = ind.json.id;
  const val = await C.cy_stat.post('/api/v1/indicators/values',
    { region: '220104', indicator: 'fai', period: '2016-06', value: 4000000000 });
  assert.equal(val.status, 201, val.text);
  ids.val = val.json.id;
  const tgt = await C.cy_leader.post('/api/v1/indicators/targets',
    { region: '220104', indicator: 'gdp', year: 2016, growth_bp: 700 });
  assert.equal(tgt.status, 201, tgt.text);
  ids.tgt = tgt.json.id;
});

// A WebP-shaped body in ASCII (the client sends text as UTF-8).
const webp = (text) => `RIFF\u0020\u0000\u0000\u0000WEBPVP8 ${text}`;

const etag = async (c, path) => {
  const r = await c.get(path);
  assert.equal(r.status, 200, `reading ${path}: ${r.text}`);
  return r.headers.get('etag');
};

// Every route, each with the call an account makes and the expected statuses.
const ROUTES = [
  { route: 'GET /api/v1/me', expect: expect(200), call: (c) => c.get('/api/v1/me') },
  {
    route: 'POST /api/v1/me/password', expect: expect(200),
    // Changed and changed back, so the account keeps the demo password.
    call: async (c, who) => {
      const r = await c.post('/api/v1/me/password', { old_password: DEMO_PASSWORD, new_password: 'Matrix#Pw2026' });
      if (r.status === 200) {
        const back = await c.post('/api/v1/me/password', { old_password: 'Matrix#Pw2026', new_password: DEMO_PASSWORD });
        assert.equal(back.status, 200, `${who} changes back`);
      }
      return r;
    },
  },
  { route: 'GET /api/v1/roles', expect: expect(200), call: (c) => c.get('/api/v1/roles') },
  { route: 'GET /api/v1/regions', expect: expect(200), call: (c) => c.get('/api/v1/regions') },
  {
    route: 'POST /api/v1/regions', expect: expect(403, { 201: ['sysadmin'] }),
    call: (c, who) => c.post('/api/v1/regions',
      { code: String(220150 + ACCOUNTS.indexOf(who)), name: `矩阵测试区${who}`, parent: '220100' }),
  },
  { route: 'GET /api/v1/regions/{code}', expect: expect(200), call: (c) => c.get('/api/v1/regions/220105') },
  {
    route: 'PATCH /api/v1/regions/{code}', expect: expect(403, { 200: ['sysadmin'] }),
    call: async (c) => c.patch('/api/v1/regions/220106', { name: '绿园区' },
      { 'If-Match': await etag(city, '/api/v1/regions/220106') }),
  },
  {
    route: 'PATCH /api/v1/regions/{code} (吉林省, outside 长春市)', expect: expect(403, { 404: ['sysadmin'] }),
    call: async (c) => c.patch('/api/v1/regions/220000', { name: '吉林省' },
      { 'If-Match': await etag(city, '/api/v1/regions/220000') }),
  },
  { route: 'GET /api/v1/departments', expect: expect(200), call: (c) => c.get('/api/v1/departments') },
  {
    route: 'POST /api/v1/departments', expect: expect(403, { 201: ['sysadmin'] }),
    call: (c, who) => c.post('/api/v1/departments', { name: `矩阵测试局${who}`, region: '220104' }),
  },
  {
    route: 'GET /api/v1/departments/{id} (朝阳区)', expect: expect(200, { 404: ['ed_leader'] }),
    call: (c) => c.get(`/api/v1/departments/${ids.deptCy}`),
  },
  {
    route: 'GET /api/v1/departments/{id} (二道区)', expect: expect(200, { 404: CY }),
    call: (c) => c.get(`/api/v1/departments/${ids.deptEd}`),
  },
  {
    route: 'PATCH /api/v1/departments/{id}', expect: expect(403, { 200: ['sysadmin'] }),
    call: async (c) => c.patch(`/api/v1/departments/${ids.deptCy}`, { name: '发展和改革局' },
      { 'If-Match': await etag(sys, `/api/v1/departments/${ids.deptCy}`) }),
  },
  { route: 'GET /api/v1/users', expect: expect(403, { 200: ADMINS }), call: (c) => c.get('/api/v1/users') },
  {
    route: 'POST /api/v1/users (a business account)', expect: expect(403, { 201: ['sysadmin'] }),
    call: (c, who) => c.post('/api/v1/users', {
      username: `mx_staff_${who}`, display_name: '矩阵', role: 'staff', region: '220104',
      password: 'Matrix#Staff2026',
    }),
  },
  {
    route: 'POST /api/v1/users (an administrator account)', expect: expect(403, { 201: ['secadmin'] }),
    call: (c, who) => c.post('/api/v1/users', {
      username: `mx_audadm_${who}`, display_name: '矩阵', role: 'auditadmin', region: '220100',
      password: 'Matrix#Admin2026',
    }),
  },
  {
    route: 'GET /api/v1/users/{id}', expect: expect(403, { 200: ADMINS }),
    call: (c) => c.get(`/api/v1/users/${ids.cy_staff}`),
  },
  {
    route: 'PATCH /api/v1/users/{id} (a business account)', expect: expect(403, { 200: ['sysadmin'] }),
    call: async (c) => c.patch(`/api/v1/users/${ids.cy_stat}`, { display_name: '刘统计' },
      { 'If-Match': await etag(sys, `/api/v1/users/${ids.cy_stat}`) }),
  },
  {
    route: 'PATCH /api/v1/users/{id} (an administrator account)', expect: expect(403, { 200: ['secadmin'] }),
    call: async (c) => c.patch(`/api/v1/users/${ids.auditadmin}`, { display_name: '审计管理员' },
      { 'If-Match': await etag(sys, `/api/v1/users/${ids.auditadmin}`) }),
  },
  {
    route: 'POST /api/v1/users/{id}/unlock', expect: expect(403, { 200: ['secadmin'] }),
    call: (c) => c.post(`/api/v1/users/${ids.ed_staff}/unlock`),
  },
  {
    route: 'POST /api/v1/users/{id}/password', expect: expect(403, { 200: ['secadmin'] }),
    call: (c) => c.post(`/api/v1/users/${ids.ed_staff}/password`, { password: 'Reset#Pass2026' }),
  },
  {
    route: 'GET /api/v1/enterprises', expect: expect(200, { 403: ADMINS }),
    call: (c) => c.get('/api/v1/enterprises'),
  },
  {
    route: 'POST /api/v1/enterprises', expect: expect(403, { 201: BUSINESS }),
    call: (c, who) => c.post('/api/v1/enterprises', {
      name: `矩阵测试企业${who}有限公司`, region: who === 'ed_leader' ? '220105' : '220104',
    }),
  },
  {
    route: 'GET /api/v1/enterprises/{id} (朝阳区 enterprise 1)',
    expect: expect(200, { 403: ADMINS, 404: ['ed_leader'] }),
    call: (c) => c.get(`/api/v1/enterprises/${ids.ent1}`),
  },
  {
    route: 'GET /api/v1/enterprises/{id} (朝阳区 enterprise 2)',
    expect: expect(200, { 403: ADMINS, 404: ['ed_leader', 'cy_enterprise'] }),
    call: (c) => c.get(`/api/v1/enterprises/${ids.ent2}`),
  },
  {
    route: 'GET /api/v1/enterprises/{id} (二道区)',
    expect: expect(200, { 403: ADMINS, 404: CY }),
    call: (c) => c.get(`/api/v1/enterprises/${ids.ent9}`),
  },
  {
    route: 'PATCH /api/v1/enterprises/{id} (朝阳区)',
    expect: expect(403, { 200: BUSINESS.filter((a) => a !== 'ed_leader'), 404: ['ed_leader'] }),
    call: async (c) => c.patch(`/api/v1/enterprises/${ids.ent1}`, { name: '长春中凯消防车有限公司' },
      { 'If-Match': await etag(city, `/api/v1/enterprises/${ids.ent1}`) }),
  },
  {
    route: 'PATCH /api/v1/enterprises/{id} (二道区)',
    expect: expect(403, { 200: ['city_leader', 'ed_leader'], 404: BUSINESS.filter((a) => a.startsWith('cy_')) }),
    call: async (c) => c.patch(`/api/v1/enterprises/${ids.ent9}`, { industry: 'C3714' },
      { 'If-Match': await etag(city, `/api/v1/enterprises/${ids.ent9}`) }),
  },
  {
    route: 'POST /api/v1/enterprises/import (dry run, own region)', expect: expect(403, { 200: BUSINESS }),
    call: (c, who) => c.post('/api/v1/enterprises/import?dry_run=1',
      `企业名称,区划代码\n矩阵导入${who}有限公司,${who === 'ed_leader' ? '220105' : '220104'}\n`,
      { 'Content-Type': 'text/csv' }),
  },
  {
    route: 'GET /api/v1/enterprises/export', expect: expect(200, { 403: [...ADMINS, 'cy_enterprise'] }),
    call: (c) => c.get('/api/v1/enterprises/export?format=csv'),
  },
  {
    route: 'GET /api/v1/enterprises/template', expect: expect(403, { 200: BUSINESS }),
    call: (c) => c.get('/api/v1/enterprises/template'),
  },
  { route: 'GET /api/v1/tokens', expect: expect(200), call: (c) => c.get('/api/v1/tokens') },
  { route: 'POST /api/v1/tokens', expect: expect(201), call: (c) => c.post('/api/v1/tokens', { name: 'matrix' }) },
  {
    route: 'DELETE /api/v1/tokens/{id} (own)', expect: expect(204),
    call: async (c) => {
      const t = await c.post('/api/v1/tokens', { name: 'to revoke' });
      assert.equal(t.status, 201);
      return c.del(`/api/v1/tokens/${t.json.id}`);
    },
  },
  {
    route: 'DELETE /api/v1/tokens/{id} (another user\'s)', expect: expect(404),
    call: (c, who) => c.del(`/api/v1/tokens/${victimToken[who === 'city_leader' ? 'cy_leader' : 'city_leader'].id}`),
  },
  {
    route: 'GET /api/v1/audit', expect: expect(403, { 200: ['auditadmin', 'cy_auditor'] }),
    call: (c) => c.get('/api/v1/audit'),
  },
  {
    route: 'GET /api/v1/projects', expect: expect(200, { 403: ADMINS }),
    call: (c) => c.get('/api/v1/projects'),
  },
  {
    route: 'POST /api/v1/projects',
    expect: expect(403, { 201: ['city_leader', 'cy_leader', 'cy_staff', 'ed_leader'] }),
    call: (c, who) => c.post('/api/v1/projects', {
      name: `矩阵测试项目${who}`, category: 'industry', region: who === 'ed_leader' ? '220105' : '220104',
    }),
  },
  {
    route: 'GET /api/v1/projects/{id} (city_leader\'s, 发展和改革局, enterprise 2)',
    expect: expect(200, { 403: ADMINS, 404: ['ed_leader', 'cy_enterprise'] }),
    call: (c) => c.get(`/api/v1/projects/${ids.prj2}`),
  },
  {
    route: 'GET /api/v1/projects/{id} (cy_leader\'s, 工业和信息化局, enterprise 1)',
    expect: expect(200, { 403: ADMINS, 404: ['ed_leader', 'cy_staff'] }),
    call: (c) => c.get(`/api/v1/projects/${ids.prj1}`),
  },
  {
    route: 'PATCH /api/v1/projects/{id} (cy_leader\'s)',
    expect: expect(403, { 200: ['cy_leader', 'cy_stat'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: async (c) => c.patch(`/api/v1/projects/${ids.prj1}`, { industry: 'C3663' },
      { 'If-Match': await etag(city, `/api/v1/projects/${ids.prj1}`) }),
  },
  {
    route: 'PATCH /api/v1/projects/{id} (city_leader\'s, 发展和改革局)',
    expect: expect(403, { 200: ['city_leader', 'cy_staff', 'cy_stat'], 404: ['cy_leader', 'ed_leader'] }),
    call: async (c) => c.patch(`/api/v1/projects/${ids.prj2}`, { industry: 'C3990' },
      { 'If-Match': await etag(city, `/api/v1/projects/${ids.prj2}`) }),
  },
  {
    route: 'POST /api/v1/projects/{id}/transitions (to the same stage: refused by the guard)',
    expect: expect(403, { 400: ['cy_leader', 'cy_stat'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: async (c) => c.post(`/api/v1/projects/${ids.prj1}/transitions`, { to: 'building', date: '2026-01-01' },
      { 'If-Match': await etag(city, `/api/v1/projects/${ids.prj1}`) }),
  },
  {
    route: 'GET /api/v1/projects/{id}/history', expect: expect(200, { 403: ADMINS, 404: ['ed_leader', 'cy_staff'] }),
    call: (c) => c.get(`/api/v1/projects/${ids.prj1}/history`),
  },
  {
    route: 'GET /api/v1/projects/{id}/procedures/{kind}',
    expect: expect(200, { 403: ADMINS, 404: ['ed_leader', 'cy_staff'] }),
    call: (c) => c.get(`/api/v1/projects/${ids.prj1}/procedures/permit`),
  },
  {
    route: 'PUT /api/v1/projects/{id}/procedures/{kind}',
    expect: expect(403, { 200: ['cy_leader', 'cy_stat'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: async (c) => c.req('PUT', `/api/v1/projects/${ids.prj1}/procedures/energy`,
      { status: 'exempt', basis: '矩阵测试：不涉及能评' },
      { 'If-Match': await etag(city, `/api/v1/projects/${ids.prj1}/procedures/energy`) }),
  },
  {
    route: 'GET /api/v1/projects/{id}/milestones',
    expect: expect(200, { 403: ADMINS, 404: ['ed_leader', 'cy_staff'] }),
    call: (c) => c.get(`/api/v1/projects/${ids.prj1}/milestones`),
  },
  {
    route: 'POST /api/v1/projects/{id}/milestones',
    expect: expect(403, { 201: ['cy_leader', 'cy_stat'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: (c, who) => c.post(`/api/v1/projects/${ids.prj1}/milestones`, { name: `矩阵${who}`, duration_days: 1 }),
  },
  {
    route: 'PATCH /api/v1/projects/{id}/milestones/{mid}',
    expect: expect(403, { 200: ['cy_leader', 'cy_stat'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: async (c) => {
      const m = (await city.get(`/api/v1/projects/${ids.prj1}/milestones`)).json.items.find((x) => x.id === ids.ms1);
      return c.patch(`/api/v1/projects/${ids.prj1}/milestones/${ids.ms1}`, { duration_days: 4 },
        { 'If-Match': `"${m.version}"` });
    },
  },
  {
    route: 'POST /api/v1/projects/{id}/schedule/plan',
    expect: expect(403, { 200: ['cy_leader', 'cy_stat'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: (c) => c.post(`/api/v1/projects/${ids.prj1}/schedule/plan`, { target_date: '2027-12-31' }),
  },
  {
    route: 'POST /api/v1/projects/{id}/schedule/baseline',
    expect: expect(403, { 200: ['cy_leader', 'cy_stat'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: (c) => c.post(`/api/v1/projects/${ids.prj1}/schedule/baseline`),
  },
  {
    route: 'GET /api/v1/projects/{id}/schedule',
    expect: expect(200, { 403: ADMINS, 404: ['ed_leader', 'cy_staff'] }),
    call: (c) => c.get(`/api/v1/projects/${ids.prj1}/schedule`),
  },
  // Reports: written and submitted by the department (staff) or the 包保
  // leader, reviewed by a statistician or the 包保 leader (not one's own).
  {
    route: 'GET /api/v1/projects/{id}/reports',
    expect: expect(200, { 403: ADMINS, 404: ['ed_leader', 'cy_staff'] }),
    call: (c) => c.get(`/api/v1/projects/${ids.prj1}/reports`),
  },
  {
    route: 'POST /api/v1/projects/{id}/reports',
    expect: expect(403, { 201: ['cy_leader'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: (c) => c.post(`/api/v1/projects/${ids.prj1}/reports`, { month: '2020-01' }),
  },
  {
    route: 'PATCH /api/v1/projects/{id}/reports/{rid}',
    expect: expect(403, { 200: ['cy_leader'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: async (c) => {
      const r = (await city.get(`/api/v1/projects/${ids.prj1}/reports`)).json.items.find((x) => x.id === ids.repEdit);
      return c.patch(`/api/v1/projects/${ids.prj1}/reports/${ids.repEdit}`, { progress_text: '矩阵' },
        { 'If-Match': `"${r.version}"` });
    },
  },
  {
    route: 'POST /api/v1/projects/{id}/reports/{rid}/submit',
    expect: expect(403, { 200: ['cy_leader'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: async (c) => {
      const r = (await city.get(`/api/v1/projects/${ids.prj1}/reports`)).json.items.find((x) => x.id === ids.repSubmit);
      return c.post(`/api/v1/projects/${ids.prj1}/reports/${ids.repSubmit}/submit`, undefined,
        { 'If-Match': `"${r.version}"` });
    },
  },
  {
    // cy_leader submitted it, so he may not review it (403); cy_stat approves.
    route: 'POST /api/v1/projects/{id}/reports/{rid}/review',
    expect: expect(403, { 200: ['cy_stat'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: async (c) => {
      const r = (await city.get(`/api/v1/projects/${ids.prj1}/reports`)).json.items.find((x) => x.id === ids.repReview);
      return c.post(`/api/v1/projects/${ids.prj1}/reports/${ids.repReview}/review`, { approve: true },
        { 'If-Match': `"${r.version}"` });
    },
  },
  {
    route: 'GET /api/v1/projects/{id}/problems',
    expect: expect(200, { 403: ADMINS, 404: ['ed_leader', 'cy_staff'] }),
    call: (c) => c.get(`/api/v1/projects/${ids.prj1}/problems`),
  },
  {
    route: 'POST /api/v1/projects/{id}/problems',
    expect: expect(403, { 201: ['cy_leader', 'cy_stat'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: (c, who) => c.post(`/api/v1/projects/${ids.prj1}/problems`,
      { title: `矩阵${who}`, department_id: ids.deptCy, deadline: '2099-12-31' }),
  },
  {
    route: 'GET /api/v1/projects/rates', expect: expect(200, { 403: ADMINS }),
    call: (c) => c.get('/api/v1/projects/rates?group=department'),
  },
  {
    route: 'GET /api/v1/projects/campaign', expect: expect(200, { 403: ADMINS }),
    call: (c) => c.get('/api/v1/projects/campaign'),
  },
  {
    route: 'GET /api/v1/projects/ledgers', expect: expect(200, { 403: ADMINS }),
    call: (c) => c.get(`/api/v1/projects/ledgers?leader=${ids.cy_leader}`),
  },
  {
    route: 'GET /api/v1/projects/battle-map', expect: expect(200, { 403: ADMINS }),
    call: (c) => c.get('/api/v1/projects/battle-map'),
  },
  {
    // Regions are read by every role within scope; ed_leader's is 220105.
    route: 'GET /api/v1/regions/{code}/light-rules', expect: expect(200, { 404: ['ed_leader'] }),
    call: (c) => c.get('/api/v1/regions/220104/light-rules'),
  },
  {
    // sysadmin, or a leader whose region covers it (city_leader, cy_leader).
    route: 'PUT /api/v1/regions/{code}/light-rules',
    expect: expect(403, { 200: ['sysadmin', 'city_leader', 'cy_leader'], 404: ['ed_leader'] }),
    call: async (c) => c.req('PUT', '/api/v1/regions/220104/light-rules',
      { start_red_months: 3, progress_yellow_bp: 1000, progress_red_bp: 3000, stats_yellow_months: 1, stats_red_months: 2 },
      { 'If-Match': await etag(city, '/api/v1/regions/220104/light-rules') }),
  },
  {
    // The draft report repEdit of prj1 (cy_leader's, 工业和信息化局).
    route: 'POST /api/v1/projects/{id}/reports/{rid}/photos',
    expect: expect(403, { 201: ['cy_leader'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: (c, who) => c.req('POST', `/api/v1/projects/${ids.prj1}/reports/${ids.repEdit}/photos`,
      webp(`matrix photo of ${who}`), { 'Content-Type': 'image/webp' }),
  },
  {
    route: 'GET /api/v1/projects/{id}/reports/{rid}/photos',
    expect: expect(200, { 403: ADMINS, 404: ['ed_leader', 'cy_staff'] }),
    call: (c) => c.get(`/api/v1/projects/${ids.prj1}/reports/${ids.repEdit}/photos`),
  },
  {
    route: 'GET /api/v1/projects/{id}/reports/{rid}/photos/{pid}',
    expect: expect(200, { 403: ADMINS, 404: ['ed_leader', 'cy_staff'] }),
    call: (c) => c.get(`/api/v1/projects/${ids.prj1}/reports/${ids.repEdit}/photos/${ids.photo1}`),
  },
  {
    route: 'DELETE /api/v1/projects/{id}/reports/{rid}/photos/{pid}',
    expect: expect(403, { 204: ['cy_leader'], 404: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: async (c, who) => {
      const up = await C.cy_leader.req('POST', `/api/v1/projects/${ids.prj1}/reports/${ids.repEdit}/photos`,
        webp(`photo to delete by ${who}`), { 'Content-Type': 'image/webp' });
      assert.ok(up.status === 201 || up.status === 200, up.text);
      return c.del(`/api/v1/projects/${ids.prj1}/reports/${ids.repEdit}/photos/${up.json.id}`);
    },
  },
  { route: 'GET /api/v1/problems', expect: expect(200, { 403: ADMINS }), call: (c) => c.get('/api/v1/problems') },
  {
    // Staff of the department it is assigned to work on it (not their project).
    route: 'PATCH /api/v1/problems/{id}',
    expect: expect(403, { 200: ['cy_leader', 'cy_staff', 'cy_stat'], 404: ['city_leader', 'ed_leader'] }),
    call: async (c) => {
      const r = (await city.get(`/api/v1/projects/${ids.prj1}/problems?per_page=100`)).json.items.find((x) => x.id === ids.pb1);
      return c.patch(`/api/v1/problems/${ids.pb1}`, { detail: '矩阵' }, { 'If-Match': `"${r.version}"` });
    },
  },  // Economic operation: the drafted briefing reads RES_ECON_VALUE of 朝阳区.
  {
    route: 'GET /api/v1/briefing',
    expect: expect(200, { 403: [...ADMINS, 'cy_enterprise'], 404: ['ed_leader'] }),
    call: (c) => c.get('/api/v1/briefing?region=220104&period=2023-06'),
  },
  // Economic operation: values are read by the business roles and the
  // auditor in their region, entered by statisticians of the region,
  // published by statisticians or leaders (never by the one who entered);
  // targets written by leaders, staff and statisticians; catalog written by
  // the system administrator.
  { route: 'GET /api/v1/indicators', expect: expect(200), call: (c) => c.get('/api/v1/indicators') },
  {
    route: 'POST /api/v1/indicators', expect: expect(403, { 201: ['sysadmin'] }),
    call: (c, who) => c.post('/api/v1/indicators', { code: `mx_${ACCOUNTS.indexOf(who)}`, name: `矩阵${who}`,
      unit: 'person', display_unit: 'person', periodicity: 'quarterly' }),
  },
  {
    route: 'PATCH /api/v1/indicators/{id}', expect: expect(403, { 200: ['sysadmin'] }),
    call: async (c, who) => {
      const v = (await city.get('/api/v1/indicators')).json.items.find((x) => x.id === ids.ind).version;
      return c.patch(`/api/v1/indicators/${ids.ind}`, { name: `矩阵指标${who}` }, { 'If-Match': `"${v}"` });
    },
  },
  {
    route: 'GET /api/v1/indicators/values', expect: expect(200, { 403: [...ADMINS, 'cy_enterprise'] }),
    call: (c) => c.get('/api/v1/indicators/values?region=220104&year=2023&per_page=5'),
  },
  {
    route: 'POST /api/v1/indicators/values', expect: expect(403, { 201: ['cy_stat'] }),
    call: (c, who) => c.post('/api/v1/indicators/values',
      { region: '220104', indicator: 'retail', period: `${2000 + ACCOUNTS.indexOf(who)}-06`, value: 2000000000 }),
  },
  {
    route: 'POST /api/v1/indicators/values (another district)', expect: expect(403, { 404: ['cy_stat'] }),
    call: (c) => c.post('/api/v1/indicators/values',
      { region: '220105', indicator: 'retail', period: '2015-06', value: 2000000000 }),
  },
  {
    route: 'GET /api/v1/indicators/values/{id}',
    expect: expect(200, { 403: [...ADMINS, 'cy_enterprise'], 404: ['ed_leader'] }),
    call: (c) => c.get(`/api/v1/indicators/values/${ids.val}`),
  },
  {
    route: 'PATCH /api/v1/indicators/values/{id}', expect: expect(403, { 200: ['cy_stat'] }),
    call: async (c) => c.patch(`/api/v1/indicators/values/${ids.val}`, { growth_bp: 500 },
      { 'If-Match': await etag(city, `/api/v1/indicators/values/${ids.val}`) }),
  },
  {
    // Each account reviews a fresh draft of cy_stat's; cy_stat may not publish its own.
    route: 'POST /api/v1/indicators/values/{id}/publish',
    expect: expect(403, { 200: ['city_leader', 'cy_leader'], 404: ['ed_leader'] }),
    call: async (c, who) => {
      const d = await C.cy_stat.post('/api/v1/indicators/values',
        { region: '220104', indicator: 'fai', period: `${2000 + ACCOUNTS.indexOf(who)}-03`, value: 1000000000 });
      assert.equal(d.status, 201, d.text);
      return c.post(`/api/v1/indicators/values/${d.json.id}/publish`, undefined, { 'If-Match': d.headers.get('etag') });
    },
  },
  {
    route: 'POST /api/v1/indicators/import', expect: expect(403, { 200: ['cy_stat'] }),
    call: (c) => c.req('POST', '/api/v1/indicators/import?dry_run=1&region=220104&period=2014-06',
      '指标,累计（亿元）,同比增长（%）\n固定资产投资,49.7,23\n', { 'Content-Type': 'text/csv' }),
  },
  {
    route: 'GET /api/v1/indicators/template', expect: expect(403, { 200: ['cy_stat'] }),
    call: (c) => c.get('/api/v1/indicators/template'),
  },
  {
    route: 'GET /api/v1/indicators/targets', expect: expect(200, { 403: [...ADMINS, 'cy_enterprise'], 404: ['ed_leader'] }),
    call: (c) => c.get('/api/v1/indicators/targets?region=220104'),
  },
  {
    route: 'POST /api/v1/indicators/targets',
    expect: expect(403, { 201: ['city_leader', 'cy_leader', 'cy_staff', 'cy_stat'], 404: ['ed_leader'] }),
    call: (c, who) => c.post('/api/v1/indicators/targets',
      { region: '220104', indicator: 'fai', year: 2000 + ACCOUNTS.indexOf(who), growth_bp: 1000 }),
  },
  {
    route: 'PATCH /api/v1/indicators/targets/{id}',
    expect: expect(403, { 200: ['city_leader', 'cy_leader', 'cy_staff', 'cy_stat'], 404: ['ed_leader'] }),
    call: async (c) => {
      const t = (await city.get('/api/v1/indicators/targets?region=220104&year=2016')).json.items[0];
      return c.patch(`/api/v1/indicators/targets/${ids.tgt}`, { growth_bp: 650 }, { 'If-Match': `"${t.version}"` });
    },
  },
  {
    route: 'GET /api/v1/indicators/pace', expect: expect(200, { 403: [...ADMINS, 'cy_enterprise'], 404: ['ed_leader'] }),
    call: (c) => c.get('/api/v1/indicators/pace?region=220104&period=2023-06'),
  },
  {
    route: 'GET /api/v1/indicators/compare', expect: expect(200, { 403: [...ADMINS, 'cy_enterprise'] }),
    call: (c) => c.get('/api/v1/indicators/compare?parent=220100&period=2023-06&indicator=gdp'),
  },
  {
    route: 'GET /api/v1/cockpit', expect: expect(200, { 403: [...ADMINS, 'cy_enterprise'], 404: ['ed_leader'] }),
    call: (c) => c.get('/api/v1/cockpit?region=220104&period=2023-06'),
  },
  // Projects and problems in and out of Excel (dry runs write nothing).
  {
    route: 'POST /api/v1/projects/import (dry run, own region)',
    expect: expect(403, { 200: ['city_leader', 'cy_leader', 'cy_staff', 'ed_leader'] }),
    call: (c, who) => c.post('/api/v1/projects/import?dry_run=1',
      `项目名称,项目类别,所属区划\n矩阵导入项目${who},产业项目,${who === 'ed_leader' ? '220105' : '220104'}\n`,
      { 'Content-Type': 'text/csv' }),
  },
  {
    route: 'GET /api/v1/projects/import-template',
    expect: expect(403, { 200: ['city_leader', 'cy_leader', 'cy_staff', 'ed_leader'] }),
    call: (c) => c.get('/api/v1/projects/import-template'),
  },
  {
    // Only cy_leader writes prj1; the other reporters get the row refused (400).
    route: 'POST /api/v1/projects/reports/import (dry run, cy_leader\'s project)',
    expect: expect(403, { 200: ['cy_leader'], 400: ['city_leader', 'cy_staff', 'ed_leader'] }),
    call: (c) => c.post('/api/v1/projects/reports/import?dry_run=1',
      '项目名称,月份,本月完成投资（万元）\n中凯消防车生产基地扩建项目,2019年5月,10\n',
      { 'Content-Type': 'text/csv' }),
  },
  {
    route: 'GET /api/v1/projects/reports/import-template',
    expect: expect(403, { 200: ['city_leader', 'cy_leader', 'cy_staff', 'ed_leader'] }),
    call: (c) => c.get('/api/v1/projects/reports/import-template'),
  },
  {
    route: 'GET /api/v1/projects/export', expect: expect(200, { 403: ADMINS }),
    call: (c) => c.get('/api/v1/projects/export?format=csv'),
  },
  {
    route: 'GET /api/v1/problems/export', expect: expect(200, { 403: ADMINS }),
    call: (c) => c.get('/api/v1/problems/export?format=csv'),
  },
];

test('the matrix covers every route of src/api/routes.c', async () => {
  const { readFileSync } = await import('node:fs');
  const { ROOT } = await import('./lib/server.mjs');
  const src = readFileSync(`${ROOT}/src/api/routes.c`, 'utf8');
  const routes = [...src.matchAll(/\{\s*"(GET|POST|PATCH|DELETE|PUT)",\s*"([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
  assert.ok(routes.length >= 27, 'routes found');
  const covered = new Set(ROUTES.map((r) => r.route.replace(/ \(.*$/, '')));
  covered.add('POST /api/v1/session');   // every login in before()
  covered.add('DELETE /api/v1/session'); // the last test
  const missing = routes.filter((r) => !covered.has(r));
  assert.deepEqual(missing, [], 'routes without a row in the matrix');
});

test('every account logs in (POST /api/v1/session → 200)', () => {
  for (const a of ACCOUNTS) assert.equal(C[a].user.username, a);
});

for (const row of ROUTES) {
  test(`matrix: ${row.route}`, async () => {
    const actual = {};
    for (const a of ACCOUNTS) {
      const r = await row.call(C[a], a);
      actual[a] = r.status;
      if (r.status === 403 || r.status === 404) {
        assert.ok(r.json && r.json.error, `${a}: an error body`);
        assert.match(r.json.error.message_zh, /[\u4e00-\u9fff]/);
      }
    }
    assert.deepEqual(actual, row.expect);
  });
}

test('refused writes changed nothing: no region or department from the refused accounts', async () => {
  for (const a of ACCOUNTS) {
    const code = String(220150 + ACCOUNTS.indexOf(a));
    assert.equal((await city.get(`/api/v1/regions/${code}`)).status, a === 'sysadmin' ? 200 : 404, `region of ${a}`);
  }
  const depts = (await sys.get('/api/v1/departments?region=220104')).json.items.map((d) => d.name);
  for (const a of ACCOUNTS)
    assert.equal(depts.includes(`矩阵测试局${a}`), a === 'sysadmin', `department of ${a}`);
  const users = (await sys.get('/api/v1/users?q=mx_&per_page=100')).json.items.map((u) => u.username).sort();
  assert.deepEqual(users, ['mx_audadm_secadmin', 'mx_staff_sysadmin']);
  const names = (await city.get(`/api/v1/enterprises?q=${encodeURIComponent('矩阵测试企业')}&per_page=100`))
    .json.items.map((e) => e.name).sort();
  assert.deepEqual(names, BUSINESS.map((a) => `矩阵测试企业${a}有限公司`).sort());
});

test('the tokens of others survived the refused revokes', async () => {
  const projects = (await city.get('/api/v1/projects?per_page=500')).json.items;
  const project = (name) => projects.find((p) => p.name === name).id;
  ids.prj1 = project('中凯消防车生产基地扩建项目'); // cy_leader's, 工业和信息化局, enterprise 1
  ids.prj2 = project('旭阳中法智能产业园项目');     // city_leader's, 发展和改革局, enterprise 2
  const ms = await C.cy_leader.post(`/api/v1/projects/${ids.prj1}/milestones`, { name: '矩阵里程碑', duration_days: 3 });
  assert.equal(ms.status, 201);
  ids.ms1 = ms.json.id;
  for (const owner of ['city_leader', 'cy_leader']) {
    const r = await new Client(srv.url, victimToken[owner].token).get('/api/v1/me');
    assert.equal(r.status, 200);
    assert.equal(r.json.user.username, owner);
  }
});

test('lists are scoped: ed_leader sees only 二道区, city_leader both, cy_enterprise only its own', async () => {
  const ed = await C.ed_leader.get('/api/v1/enterprises?per_page=500');
  assert.equal(ed.status, 200);
  assert.ok(ed.json.items.length >= 5);
  assert.ok(ed.json.items.every((e) => e.region === '220105'), 'only 二道区 for ed_leader');
  assert.ok(!ed.json.items.some((e) => e.id === ids.ent1));
  assert.equal(ed.json.total, ed.json.items.length);
  const edAsk = await C.ed_leader.get('/api/v1/enterprises?region=220104');
  assert.equal(edAsk.status, 200);
  assert.equal(edAsk.json.total, 0, 'asking for 朝阳区 explicitly gives nothing');
  assert.equal((await C.ed_leader.get(`/api/v1/enterprises?q=${encodeURIComponent('中凯消防')}`)).json.total, 0);

  const cityList = await city.get('/api/v1/enterprises?per_page=500');
  const regions = new Set(cityList.json.items.map((e) => e.region));
  assert.ok(regions.has('220104') && regions.has('220105'), 'city_leader sees both districts');
  assert.ok(cityList.json.items.some((e) => e.id === ids.ent1) && cityList.json.items.some((e) => e.id === ids.ent9));

  const cy = await C.cy_leader.get('/api/v1/enterprises?per_page=500');
  assert.ok(cy.json.items.every((e) => e.region === '220104'));
  assert.ok(cy.json.items.some((e) => e.id === ids.ent2));

  const own = await C.cy_enterprise.get('/api/v1/enterprises?per_page=500');
  assert.equal(own.status, 200);
  assert.deepEqual(own.json.items.map((e) => e.id), [ids.ent1]);
  assert.equal(own.json.total, 1);
  assert.equal((await C.cy_enterprise.get(`/api/v1/enterprises?q=${encodeURIComponent('旭阳中法')}`)).json.total, 0);

  const edDepts = await C.ed_leader.get('/api/v1/departments');
  assert.ok(edDepts.json.items.length > 0);
  assert.ok(edDepts.json.items.every((d) => d.region === '220105'));
  const cityDepts = await city.get('/api/v1/departments');
  assert.ok(new Set(cityDepts.json.items.map((d) => d.region)).size >= 3);
});

test('sysadmin cannot read enterprises; cannot create a secadmin, but secadmin can', async () => {
  assert.equal((await sys.get('/api/v1/enterprises')).status, 403);
  assert.equal((await sys.get(`/api/v1/enterprises/${ids.ent1}`)).status, 403);
  const body = { username: 'second_secadmin', display_name: '安全员二', role: 'secadmin', region: '220100', password: 'Second#Sec2026' };
  const bySys = await sys.post('/api/v1/users', body);
  assert.equal(bySys.status, 403);
  assert.equal(bySys.json.error.field, 'role');
  const bySec = await sec.post('/api/v1/users', body);
  assert.equal(bySec.status, 201, bySec.text);
  assert.equal(bySec.json.role, 'secadmin');
  // sysadmin may not turn a business account into an administrator either.
  const tag = await etag(sys, `/api/v1/users/${ids.cy_stat}`);
  const promote = await sys.patch(`/api/v1/users/${ids.cy_stat}`, { role: 'sysadmin' }, { 'If-Match': tag });
  assert.equal(promote.status, 403);
  assert.equal((await sys.get(`/api/v1/users/${ids.cy_stat}`)).json.role, 'statistician');
});

test('audit log: auditors read it, staff cannot; a denial is recorded as denied', async () => {
  assert.equal((await C.cy_auditor.get('/api/v1/audit')).status, 200);
  assert.equal((await C.auditadmin.get('/api/v1/audit')).status, 200);
  const staff = await C.cy_staff.get('/api/v1/audit');
  assert.equal(staff.status, 403);
  const r = await C.auditadmin.get('/api/v1/audit?action=denied&actor=cy_staff');
  assert.equal(r.status, 200);
  const rec = r.json.items.find((i) => i.after && i.after.path === '/api/v1/audit');
  assert.ok(rec, 'the denied read of the audit log is itself in the audit log');
  assert.equal(rec.action, 'denied');
  assert.equal(rec.actor, 'cy_staff');
  assert.equal(rec.actor_id, ids.cy_staff);
  assert.equal(rec.after.method, 'GET');
  assert.equal(rec.ip, '127.0.0.1');
});

test('a scope denial is recorded as denied_scope, and district auditors see only their district', async () => {
  assert.equal((await C.ed_leader.get(`/api/v1/enterprises/${ids.ent2}`)).status, 404);
  const r = await C.auditadmin.get('/api/v1/audit?action=denied_scope&actor=ed_leader&per_page=100');
  assert.equal(r.status, 200);
  assert.ok(r.json.items.some((i) => i.after && i.after.path === `/api/v1/enterprises/${ids.ent2}`),
    'the hidden read is recorded');
  // cy_auditor (朝阳区) does not see records of 二道区 accounts.
  const cyView = await C.cy_auditor.get('/api/v1/audit?actor=ed_leader&per_page=100');
  assert.equal(cyView.status, 200);
  assert.equal(cyView.json.total, 0);
  const all = await C.cy_auditor.get('/api/v1/audit?per_page=500');
  assert.ok(all.json.items.length > 0);
  assert.ok(all.json.items.every((i) => i.region === '220104'), 'a district auditor sees its district only');
});

test('cy_newuser (must change password) is refused every route but the ANY_PW ones', async () => {
  const c = await loginAs(srv.url, 'cy_newuser');
  const calls = [
    ['GET', '/api/v1/roles'], ['GET', '/api/v1/regions'], ['POST', '/api/v1/regions', {}],
    ['GET', '/api/v1/regions/220104'], ['PATCH', '/api/v1/regions/220104', {}],
    ['GET', '/api/v1/departments'], ['POST', '/api/v1/departments', {}],
    ['GET', `/api/v1/departments/${ids.deptCy}`], ['PATCH', `/api/v1/departments/${ids.deptCy}`, {}],
    ['GET', '/api/v1/users'], ['POST', '/api/v1/users', {}], ['GET', `/api/v1/users/${ids.cy_staff}`],
    ['PATCH', `/api/v1/users/${ids.cy_staff}`, {}], ['POST', `/api/v1/users/${ids.cy_staff}/unlock`],
    ['POST', `/api/v1/users/${ids.cy_staff}/password`, {}], ['GET', '/api/v1/enterprises'],
    ['POST', '/api/v1/enterprises', {}], ['GET', `/api/v1/enterprises/${ids.ent1}`],
    ['PATCH', `/api/v1/enterprises/${ids.ent1}`, {}], ['GET', '/api/v1/tokens'],
    ['POST', '/api/v1/tokens', { name: 'x' }], ['DELETE', '/api/v1/tokens/1'], ['GET', '/api/v1/audit'],
  ];
  const got = {};
  for (const [m, p, b] of calls) got[`${m} ${p}`] = (await c.req(m, p, b)).status;
  const want = Object.fromEntries(calls.map(([m, p]) => [`${m} ${p}`, 403]));
  assert.deepEqual(got, want);
  assert.equal((await c.get('/api/v1/me')).status, 200);
  assert.equal((await c.del('/api/v1/session')).status, 204, 'logging out is allowed');
});

test('without a session every route but login is 401', async () => {
  const anon = new Client(srv.url);
  const calls = ROUTES.map((r) => r.route.replace(/ \(.*$/, '')).concat(['DELETE /api/v1/session']);
  const got = {};
  for (const rt of new Set(calls)) {
    const [m, pattern] = rt.split(' ');
    const p = pattern.replace('{code}', '220104').replace('{id}', '1');
    got[rt] = (await anon.req(m, p, m === 'GET' || m === 'DELETE' ? undefined : {})).status;
  }
  assert.deepEqual(got, Object.fromEntries(Object.keys(got).map((k) => [k, 401])));
});

test('matrix: DELETE /api/v1/session (every account logs out)', async () => {
  const actual = {}, after = {};
  for (const a of ACCOUNTS) actual[a] = (await C[a].del('/api/v1/session')).status;
  for (const a of ACCOUNTS) after[a] = (await C[a].get('/api/v1/me')).status;
  assert.deepEqual(actual, expect(204));
  assert.deepEqual(after, expect(401));
});
