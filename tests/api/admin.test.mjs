// Administration: regions, departments, users and roles; health, metrics,
// security headers and the API's answers to unknown paths and methods.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, Client, loginAs } from './lib/server.mjs';

let srv, sys, sec, city;
const ids = {};

before(async () => {
  srv = await startDemo();
  [sys, sec, city] = await Promise.all(['sysadmin', 'secadmin', 'city_leader'].map((u) => loginAs(srv.url, u)));
  const depts = await sys.get('/api/v1/departments');
  ids.deptCy = depts.json.items.find((d) => d.region === '220104' && d.name === '统计局').id;
  ids.deptEd = depts.json.items.find((d) => d.region === '220105' && d.name === '统计局').id;
});

const tagOf = (r) => r.headers.get('etag');

function assertError(r, status, field) {
  assert.equal(r.status, status, r.text);
  assert.ok(r.json && r.json.error, 'a JSON error');
  if (field !== undefined) assert.equal(r.json.error.field, field);
  assert.match(r.json.error.message_zh, /[\u4e00-\u9fff]/);
  assert.ok(r.json.error.message_en);
}

// ---------------------------------------------------------------- regions

test('regions: the list has 长春市 220100 and 朝阳区 220104', async () => {
  const r = await city.get('/api/v1/regions');
  assert.equal(r.status, 200);
  const by = Object.fromEntries(r.json.items.map((x) => [x.code, x]));
  assert.equal(by['220100'].name, '长春市');
  assert.equal(by['220104'].name, '朝阳区');
  assert.equal(by['220104'].parent, '220100');
  assert.equal(by['220105'].name, '二道区');
  assert.equal(r.json.total, r.json.items.length);
  const one = await city.get('/api/v1/regions/220104');
  assert.equal(one.status, 200);
  assert.equal(one.json.name_en, 'Chaoyang');
  assert.match(tagOf(one), /^"\d+"$/);
});

test('regions: sysadmin adds 220190 under 220100 (201), then renames it with If-Match', async () => {
  const r = await sys.post('/api/v1/regions', { code: '220190', name: '测试新区', name_en: 'Test New Area', parent: '220100' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.code, '220190');
  assert.equal(r.json.parent, '220100');
  assert.equal(tagOf(r), '"1"');
  assert.equal((await city.get('/api/v1/regions')).json.items.filter((x) => x.code === '220190').length, 1);

  assertError(await sys.post('/api/v1/regions', { code: '220190', name: '再建', parent: '220100' }), 409, 'code');

  const ren = await sys.patch('/api/v1/regions/220190', { name: '测试新区（更名）' }, { 'If-Match': tagOf(r) });
  assert.equal(ren.status, 200, ren.text);
  assert.equal(ren.json.name, '测试新区（更名）');
  assert.equal(ren.json.name_en, 'Test New Area', 'name_en kept when not given');
  assert.equal(tagOf(ren), '"2"');
  assert.notEqual(tagOf(ren), tagOf(r));
  assertError(await sys.patch('/api/v1/regions/220190', { name: '第二次' }, { 'If-Match': '"1"' }), 412);
  const now = await city.get('/api/v1/regions/220190');
  assert.equal(now.json.name, '测试新区（更名）');
  assert.equal(tagOf(now), '"2"');
  assertError(await sys.patch('/api/v1/regions/220190', { name: '无版本' }), 428, 'If-Match');
  assert.equal((await sys.patch('/api/v1/regions/229999', { name: 'x' }, { 'If-Match': '"1"' })).status, 404);
});

test('regions: a bad parent or code is 400', async () => {
  assertError(await sys.post('/api/v1/regions', { code: '220191', name: '无上级', parent: '220200' }), 400, 'parent');
  assertError(await sys.post('/api/v1/regions', { code: '220191', name: '错上级', parent: '220105' }), 400, 'parent');
  assertError(await sys.post('/api/v1/regions', { code: '220191', name: '自己', parent: '220191' }), 400, 'parent');
  assertError(await sys.post('/api/v1/regions', { code: '2201', name: '短代码', parent: '220100' }), 400, 'code');
  assertError(await sys.post('/api/v1/regions', { code: '9901AB', name: '字母', parent: '220100' }), 400, 'code');
  assertError(await sys.post('/api/v1/regions', { code: '990100', name: '无此省', parent: '220100' }), 400, 'code');
  assert.equal((await city.get('/api/v1/regions/220191')).status, 404, 'nothing created');
});

// ---------------------------------------------------------------- departments

test('departments: create, duplicate 409, rename with If-Match, stale 412', async () => {
  const c = await sys.post('/api/v1/departments', { name: '数据局', region: '220104' });
  assert.equal(c.status, 201, c.text);
  assert.equal(c.json.name, '数据局');
  assert.equal(c.json.region, '220104');
  assert.equal(c.json.region_name, '朝阳区');
  assert.equal(typeof c.json.id, 'number');
  assert.equal(tagOf(c), '"1"');
  const id = c.json.id;

  assertError(await sys.post('/api/v1/departments', { name: '数据局', region: '220104' }), 409, 'name');
  const other = await sys.post('/api/v1/departments', { name: '数据局', region: '220105' });
  assert.equal(other.status, 201, 'the same name in another district is fine');

  // Version 1 is the one just created (the ETag of the create answer).
  const ren = await sys.patch(`/api/v1/departments/${id}`, { name: '政务服务和数字化建设管理局' }, { 'If-Match': '"1"' });
  assert.equal(ren.status, 200, ren.text);
  assert.equal(ren.json.name, '政务服务和数字化建设管理局');

  assertError(await sys.patch(`/api/v1/departments/${id}`, { name: '又改名' }, { 'If-Match': '"1"' }), 412);
  assertError(await sys.patch(`/api/v1/departments/${id}`, { name: '统计局' }, { 'If-Match': '"2"' }), 409, 'name');
  assertError(await sys.patch(`/api/v1/departments/${id}`, { name: '无版本' }), 428, 'If-Match');
  const now = await sys.get(`/api/v1/departments/${id}`);
  assert.equal(now.json.name, '政务服务和数字化建设管理局');
});

test('departments: the ETag of GET is the version, a number, usable for If-Match', async () => {
  const c = await sys.post('/api/v1/departments', { name: '版本测试局', region: '220104' });
  assert.equal(c.status, 201);
  const got = await sys.get(`/api/v1/departments/${c.json.id}`);
  assert.equal(got.status, 200);
  assert.equal(got.json.version, 1, 'version is the number 1');
  assert.equal(tagOf(got), '"1"', 'ETag');
  const ren = await sys.patch(`/api/v1/departments/${c.json.id}`, { name: '版本测试局（改）' }, { 'If-Match': tagOf(got) });
  assert.equal(ren.status, 200, `renaming with the ETag just read: ${ren.text}`);
  assert.equal(ren.json.version, 2);
  assert.equal(tagOf(ren), '"2"', 'the ETag of the rename answer');
});

test('departments: list entries carry numeric versions', async () => {
  const r = await sys.get('/api/v1/departments?region=220104');
  assert.equal(r.status, 200);
  assert.ok(r.json.items.length >= 8);
  for (const d of r.json.items) {
    assert.equal(d.region, '220104');
    assert.equal(typeof d.version, 'number', `version of ${d.name}`);
  }
});

test('departments: an unknown region is 400, one outside the scope is refused', async () => {
  assertError(await sys.post('/api/v1/departments', { name: '无区划局', region: '229999' }), 400, 'region');
  const outside = await sys.post('/api/v1/departments', { name: '省级局', region: '220000' });
  assert.ok([400, 404].includes(outside.status), 'a region outside the caller\'s scope is refused');
  assert.ok(!(await sys.get('/api/v1/departments')).json.items.some((d) => d.name === '省级局'));
});

// ---------------------------------------------------------------- users

const newUser = {
  username: 'zhang_san', display_name: '张三', role: 'staff', region: '220104', password: 'Zhang#San2026',
};

test('users: creation checks the password policy and the fields', async () => {
  for (const [pw, why] of [['Ab1!', 'too short'], ['abcdefghijk', 'one class'], ['Zhang_San#2026', 'contains the username']]) {
    const r = await sys.post('/api/v1/users', { ...newUser, password: pw });
    assertError(r, 400, 'password');
    assert.ok(r.json.error.message_en, why);
  }
  assertError(await sys.post('/api/v1/users', { ...newUser, username: 'a b' }), 400, 'username');
  assertError(await sys.post('/api/v1/users', { ...newUser, username: 'ab' }), 400, 'username');
  assertError(await sys.post('/api/v1/users', { ...newUser, role: 'mayor' }), 400, 'role');
  assertError(await sys.post('/api/v1/users', { ...newUser, department_id: ids.deptEd }), 400, 'department_id');
  assertError(await sys.post('/api/v1/users', { ...newUser, role: 'enterprise' }), 400, 'enterprise_id');
  assertError(await sys.post('/api/v1/users', { ...newUser, role: 'secadmin' }), 403, 'role');
  assert.equal((await sys.get('/api/v1/users?q=zhang_san')).json.total, 0, 'nothing created');
});

const contact = { username: 'contact_x', display_name: '联系人', role: 'enterprise', password: 'Contact#X2026' };
const firstCyEnterprise = async () => (await city.get('/api/v1/enterprises?region=220104&per_page=1')).json.items[0];

test('users: an enterprise contact linked to a missing enterprise is 400 naming enterprise_id', async () => {
  assertError(await sys.post('/api/v1/users', { ...contact, region: '220104', enterprise_id: 99999999 }), 400, 'enterprise_id');
  assert.equal((await sys.get('/api/v1/users?q=contact_x')).json.total, 0, 'nothing created');
});

test('users: an enterprise contact must be in its enterprise\'s region', async () => {
  const ent = await firstCyEnterprise();
  assertError(await sys.post('/api/v1/users', { ...contact, region: '220105', enterprise_id: ent.id }), 400, 'enterprise_id');
  assert.equal((await sys.get('/api/v1/users?q=contact_x')).json.total, 0, 'nothing created');
});

test('users: an enterprise contact of its own region is created', async () => {
  const ent = await firstCyEnterprise();
  const ok = await sys.post('/api/v1/users', { ...contact, username: 'contact_ok', region: '220104', enterprise_id: ent.id });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.enterprise_id, ent.id);
});

test('users: create (201), duplicate username 409, must change password at first login', async () => {
  const r = await sys.post('/api/v1/users', { ...newUser, department_id: ids.deptCy });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.username, 'zhang_san');
  assert.equal(r.json.role, 'staff');
  assert.equal(r.json.department_id, ids.deptCy);
  assert.equal(r.json.department_name, '统计局');
  assert.equal(r.json.must_change_password, true);
  assert.equal(tagOf(r), '"1"');
  assert.ok(!r.text.includes('Zhang#San2026') && !r.text.includes('argon2'));
  ids.zhang = r.json.id;

  assertError(await sys.post('/api/v1/users', { ...newUser, display_name: '张三二' }), 409, 'username');

  const z = new Client(srv.url);
  const login = await z.login('zhang_san', 'Zhang#San2026');
  assert.equal(login.status, 200);
  assert.equal(login.json.user.must_change_password, true);
  assert.equal((await z.get('/api/v1/enterprises')).status, 403);
  const ch = await z.post('/api/v1/me/password', { old_password: 'Zhang#San2026', new_password: 'Zhang#New2026' });
  assert.equal(ch.status, 200, ch.text);
  assert.equal((await z.get('/api/v1/enterprises')).status, 200);
});

test('users: PATCH role and disabled with If-Match; disabling ends the sessions', async () => {
  const z = await loginAs(srv.url, 'zhang_san', 'Zhang#New2026');
  const cur = await sys.get(`/api/v1/users/${ids.zhang}`);
  const v = Number(tagOf(cur).replace(/"/g, ''));
  assertError(await sys.patch(`/api/v1/users/${ids.zhang}`, { role: 'statistician' }), 428, 'If-Match');
  assertError(await sys.patch(`/api/v1/users/${ids.zhang}`, { role: 'statistician' }, { 'If-Match': `"${v + 1}"` }), 412);
  assert.equal((await sys.get(`/api/v1/users/${ids.zhang}`)).json.role, 'staff');

  const p = await sys.patch(`/api/v1/users/${ids.zhang}`, { role: 'statistician' }, { 'If-Match': tagOf(cur) });
  assert.equal(p.status, 200, p.text);
  assert.equal(p.json.role, 'statistician');
  assert.equal(tagOf(p), `"${v + 1}"`);
  assert.equal((await z.get('/api/v1/me')).json.user.role, 'statistician', 'the session sees the new role');

  assertError(await sys.patch(`/api/v1/users/${ids.zhang}`, { role: 'auditadmin' }, { 'If-Match': tagOf(p) }), 403, 'role');

  const d = await sys.patch(`/api/v1/users/${ids.zhang}`, { disabled: true }, { 'If-Match': tagOf(p) });
  assert.equal(d.status, 200, d.text);
  assert.equal(d.json.disabled, true);
  assert.equal((await z.get('/api/v1/me')).status, 401, 'the session ended');
  assert.equal((await new Client(srv.url).login('zhang_san', 'Zhang#New2026')).status, 401, 'no login while disabled');

  const e = await sys.patch(`/api/v1/users/${ids.zhang}`, { disabled: false }, { 'If-Match': tagOf(d) });
  assert.equal(e.status, 200);
  assert.equal((await new Client(srv.url).login('zhang_san', 'Zhang#New2026')).status, 200);
});

test('users: secadmin resets a password; the user must change it again', async () => {
  const z = await loginAs(srv.url, 'zhang_san', 'Zhang#New2026');
  assertError(await sec.post(`/api/v1/users/${ids.zhang}/password`, { password: 'weak' }), 400, 'password');
  assertError(await sys.post(`/api/v1/users/${ids.zhang}/password`, { password: 'Reset#Zhang2026' }), 403);
  assert.equal((await z.get('/api/v1/me')).status, 200, 'refused resets changed nothing');
  const r = await sec.post(`/api/v1/users/${ids.zhang}/password`, { password: 'Reset#Zhang2026' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.must_change_password, true);
  assert.equal((await z.get('/api/v1/me')).status, 401, 'the old session ended');
  assert.equal((await new Client(srv.url).login('zhang_san', 'Zhang#New2026')).status, 401, 'the old password is gone');
  const again = await new Client(srv.url).login('zhang_san', 'Reset#Zhang2026');
  assert.equal(again.status, 200);
  assert.equal(again.json.user.must_change_password, true);
});

test('users: the list pages and filters by role and region', async () => {
  const all = await sys.get('/api/v1/users?per_page=500');
  assert.equal(all.status, 200);
  assert.equal(all.json.total, all.json.items.length);
  const p1 = await sys.get('/api/v1/users?per_page=5&page=1');
  const p2 = await sys.get('/api/v1/users?per_page=5&page=2');
  assert.equal(p1.json.items.length, 5);
  assert.equal(p1.json.page, 1);
  assert.equal(p2.json.page, 2);
  assert.equal(p1.json.per_page, 5);
  assert.equal(p1.json.total, all.json.total);
  const seen = new Set(p1.json.items.map((u) => u.id));
  assert.ok(p2.json.items.every((u) => !seen.has(u.id)), 'pages do not overlap');
  const leaders = await sys.get('/api/v1/users?role=leader&per_page=500');
  assert.deepEqual(leaders.json.items.map((u) => u.username).sort(), ['city_leader', 'cy_leader', 'ed_leader']);
  const ed = await sys.get('/api/v1/users?region=220105&per_page=500');
  assert.ok(ed.json.items.length >= 2 && ed.json.items.every((u) => u.region === '220105'));
});

test('users: q=_ matches a literal underscore (LIKE wildcards are escaped)', async () => {
  const all = await sys.get('/api/v1/users?per_page=500');
  assert.ok(all.json.items.some((u) => !u.username.includes('_')), 'some usernames have no underscore');
  const under = await sys.get('/api/v1/users?q=_&per_page=500');
  assert.ok(under.json.items.every((u) => u.username.includes('_') || u.display_name.includes('_')),
    'q=_ matches a literal underscore, not any character');
});

test('users: a long q matches nothing rather than everything', async () => {
  const r = await sys.get(`/api/v1/users?q=${'x'.repeat(200)}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.total, 0);
  const zh = await sys.get(`/api/v1/users?q=${encodeURIComponent('不存在的姓名'.repeat(10))}`);
  assert.equal(zh.json.total, 0);
});

// ---------------------------------------------------------------- roles

test('/api/v1/roles lists the 10 roles with Chinese and English names', async () => {
  const r = await city.get('/api/v1/roles');
  assert.equal(r.status, 200);
  assert.equal(r.json.total, 10);
  assert.equal(r.json.items.length, 10);
  const by = Object.fromEntries(r.json.items.map((x) => [x.code, x]));
  assert.deepEqual(Object.keys(by).sort(), ['auditadmin', 'auditor', 'enterprise', 'invest_cadre', 'leader',
    'secadmin', 'service_cadre', 'staff', 'statistician', 'sysadmin']);
  for (const x of r.json.items) {
    assert.match(x.name_zh, /^[\u4e00-\u9fff]+$/, x.code);
    assert.match(x.name_en, /^[A-Za-z ]+$/, x.code);
    assert.equal(x.admin, ['sysadmin', 'secadmin', 'auditadmin'].includes(x.code), `admin flag of ${x.code}`);
  }
  assert.equal(by.leader.name_zh, '区领导');
  assert.equal(by.service_cadre.name_zh, '包保干部');
  assert.equal(by.secadmin.name_en, 'Security administrator');
});

// ---------------------------------------------------------------- HTTP

test('/healthz is 200', async () => {
  const r = await fetch(srv.url + '/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { status: 'ok' });
});

test('/metrics exposes guatu_http_requests_total', async () => {
  await fetch(srv.url + '/api/v1/nope');
  const r = await fetch(srv.url + '/metrics');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/plain/);
  const text = await r.text();
  assert.match(text, /^# TYPE guatu_http_requests_total counter$/m);
  const m2 = text.match(/^guatu_http_requests_total\{code="2xx"\} (\d+)$/m);
  const m4 = text.match(/^guatu_http_requests_total\{code="4xx"\} (\d+)$/m);
  assert.ok(m2 && Number(m2[1]) > 0, '2xx counted');
  assert.ok(m4 && Number(m4[1]) > 0, '4xx counted');
  assert.match(text, /^guatu_http_request_duration_seconds_count \d+$/m);
});

function assertSecurityHeaders(r, what) {
  const csp = r.headers.get('content-security-policy');
  assert.ok(csp, `${what}: Content-Security-Policy`);
  assert.match(csp, /frame-ancestors 'none'/, `${what}: frame-ancestors`);
  assert.match(csp, /default-src 'self'/, `${what}: default-src`);
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-(inline|eval)'/, `${what}: no unsafe scripts`);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
  assert.ok(r.headers.get('referrer-policy'), `${what}: Referrer-Policy`);
}

test('security headers on API, static, health, metrics and error responses', async () => {
  const checks = [
    ['API', await city.get('/api/v1/me')],
    ['API error', await new Client(srv.url).get('/api/v1/me')],
    ['login', await new Client(srv.url).post('/api/v1/session', { username: 'x', password: 'y' })],
    ['static /', await fetch(srv.url + '/')],
    ['static client route', await fetch(srv.url + '/projects/123')],
    ['static 404', await fetch(srv.url + '/no-such-file.js')],
    ['healthz', await fetch(srv.url + '/healthz')],
    ['metrics', await fetch(srv.url + '/metrics')],
  ];
  for (const [what, r] of checks) assertSecurityHeaders(r, what);
  const api = checks[0][1];
  assert.equal(api.headers.get('cache-control'), 'no-store');
  assert.match(api.headers.get('content-type'), /^application\/json/);
  const page = checks[3][1];
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
});

test('an unknown /api path is a 404 JSON error', async () => {
  for (const p of ['/api/v1/nope', '/api/v2/enterprises', '/api/v1/enterprises/1/extra', '/api/', '/api/v1/users/1/unlock/x']) {
    const r = await city.get(p);
    assert.equal(r.status, 404, p);
    assert.match(r.headers.get('content-type'), /^application\/json/, p);
    assert.equal(r.json.error.code, 'not_found', p);
    assert.match(r.json.error.message_zh, /[\u4e00-\u9fff]/);
  }
});

test('a wrong method is 405', async () => {
  for (const [m, p] of [['PUT', '/api/v1/enterprises'], ['DELETE', '/api/v1/regions'], ['PATCH', '/api/v1/roles'],
    ['DELETE', '/api/v1/enterprises/1'], ['GET', '/api/v1/users/1/unlock'], ['PUT', '/api/v1/me'],
    ['GET', '/api/v1/session'], ['POST', '/api/v1/audit']]) {
    const r = await city.req(m, p, m === 'GET' ? undefined : {});
    assert.equal(r.status, 405, `${m} ${p}`);
    assert.equal(r.json.error.code, 'method_not_allowed');
  }
  const r = await fetch(srv.url + '/index.html', { method: 'POST', body: 'x' });
  assert.equal(r.status, 405, 'POST to a static page');
});
