// CSRF on every write route, and the refusal of bad input: malformed JSON,
// wrong types, unknown and missing fields, oversized bodies, wrong content
// types, invalid regions and credit codes, duplicates, versions (If-Match)
// and objects outside the caller's scope.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  startDemo, Client, loginAs, DEMO_PASSWORD, validCreditCode, creditCheckChar, CREDIT_ALPHABET, announceBody,
} from './lib/server.mjs';

let srv, sys, sec, leader, ed, city, audit;
const ids = {};

before(async () => {
  srv = await startDemo();
  [sys, sec, leader, ed, city, audit] = await Promise.all(
    ['sysadmin', 'secadmin', 'cy_leader', 'ed_leader', 'city_leader', 'auditadmin'].map((u) => loginAs(srv.url, u)));
  const users = await sys.get('/api/v1/users?per_page=500');
  for (const u of users.json.items) ids[u.username] = u.id;
  const ents = await city.get('/api/v1/enterprises?per_page=500');
  ids.ent1 = ents.json.items.find((e) => e.name === '长春中凯消防车有限公司').id;
  ids.ent9 = ents.json.items.find((e) => e.name === '长春凯洛德交通科技有限公司').id;
  ids.ent1Code = ents.json.items.find((e) => e.id === ids.ent1).credit_code;
  const depts = await sys.get('/api/v1/departments?region=220104');
  ids.dept = depts.json.items.find((d) => d.name === '商务局').id;
});

// The same session without its CSRF token (or with a given wrong one).
function withoutCsrf(c, token) {
  const bare = new Client(c.base);
  bare.cookie = c.cookie;
  if (token) bare.csrf = token;
  return bare;
}

function assertFieldError(r, status, field, what = '') {
  assert.equal(r.status, status, `${what}: ${r.text}`);
  assert.ok(r.json && r.json.error, `${what}: a JSON error body`);
  if (field !== undefined) assert.equal(r.json.error.field, field, what);
  assert.match(r.json.error.message_zh, /[\u4e00-\u9fff]/, `${what}: Chinese message`);
  assert.ok(r.json.error.message_en.length > 0, `${what}: English message`);
}

const get = async (c, path) => {
  const r = await c.get(path);
  assert.equal(r.status, 200, `${path}: ${r.text}`);
  return { body: r.json, etag: r.headers.get('etag'), text: r.text };
};

// ---------------------------------------------------------------- CSRF

// Each write route: who calls it, the request, how to read the state it would
// change, and the status it gives once the CSRF token is sent.
function csrfCases() {
  return [
    {
      route: 'POST /api/v1/me/password', who: () => city, ok: 200,
      req: () => ['POST', '/api/v1/me/password', { old_password: DEMO_PASSWORD, new_password: 'Csrf#Test2026' }],
      state: async () => (await get(city, '/api/v1/me')).body.user.version,
    },
    {
      route: 'POST /api/v1/regions', who: () => sys, ok: 201,
      req: () => ['POST', '/api/v1/regions', { code: '220191', name: '跨站测试区', parent: '220100' }],
      state: async () => (await sys.get('/api/v1/regions/220191')).status,
    },
    {
      route: 'PATCH /api/v1/regions/{code}', who: () => sys, ok: 200,
      req: async () => ['PATCH', '/api/v1/regions/220112', { name: '双阳区（改）' },
        { 'If-Match': (await get(sys, '/api/v1/regions/220112')).etag }],
      state: async () => (await get(sys, '/api/v1/regions/220112')).text,
    },
    {
      route: 'POST /api/v1/departments', who: () => sys, ok: 201,
      req: () => ['POST', '/api/v1/departments', { name: '跨站测试局', region: '220104' }],
      state: async () => (await get(sys, '/api/v1/departments')).text,
    },
    {
      route: 'PATCH /api/v1/departments/{id}', who: () => sys, ok: 200,
      req: async () => ['PATCH', `/api/v1/departments/${ids.dept}`, { name: '商务局（改）' },
        { 'If-Match': (await get(sys, `/api/v1/departments/${ids.dept}`)).etag }],
      state: async () => (await get(sys, `/api/v1/departments/${ids.dept}`)).text,
    },
    {
      route: 'POST /api/v1/users', who: () => sys, ok: 201,
      req: () => ['POST', '/api/v1/users', { username: 'csrf_victim_made', display_name: '跨站', role: 'staff', region: '220104', password: 'Csrf#User2026' }],
      state: async () => (await get(sys, '/api/v1/users?q=csrf_victim_made')).body.total,
    },
    {
      route: 'PATCH /api/v1/users/{id}', who: () => sys, ok: 200,
      req: async () => ['PATCH', `/api/v1/users/${ids.cy_invest}`, { disabled: true },
        { 'If-Match': (await get(sys, `/api/v1/users/${ids.cy_invest}`)).etag }],
      state: async () => (await get(sys, `/api/v1/users/${ids.cy_invest}`)).text,
    },
    {
      route: 'POST /api/v1/users/{id}/unlock', who: () => sec, ok: 200,
      setup: async () => { // lock ed_staff first, so that an unlock would show
        for (let i = 0; i < 5; i++) await new Client(srv.url).login('ed_staff', 'Wrong@2026');
        assert.equal((await get(sec, `/api/v1/users/${ids.ed_staff}`)).body.locked, true);
      },
      req: () => ['POST', `/api/v1/users/${ids.ed_staff}/unlock`],
      state: async () => (await get(sec, `/api/v1/users/${ids.ed_staff}`)).body.locked,
    },
    {
      route: 'POST /api/v1/users/{id}/password', who: () => sec, ok: 200,
      req: () => ['POST', `/api/v1/users/${ids.cy_service}/password`, { password: 'Csrf#Reset2026' }],
      state: async () => (await get(sec, `/api/v1/users/${ids.cy_service}`)).text,
    },
    {
      route: 'POST /api/v1/enterprises', who: () => leader, ok: 201,
      req: () => ['POST', '/api/v1/enterprises', { name: '跨站请求伪造测试有限公司', region: '220104' }],
      state: async () => (await get(leader, `/api/v1/enterprises?q=${encodeURIComponent('跨站请求伪造')}`)).body.total,
    },
    {
      route: 'PATCH /api/v1/enterprises/{id}', who: () => leader, ok: 200,
      req: async () => ['PATCH', `/api/v1/enterprises/${ids.ent1}`, { name: '被篡改的名称有限公司' },
        { 'If-Match': (await get(leader, `/api/v1/enterprises/${ids.ent1}`)).etag }],
      state: async () => (await get(leader, `/api/v1/enterprises/${ids.ent1}`)).text,
    },
    {
      route: 'POST /api/v1/tokens', who: () => leader, ok: 201,
      req: () => ['POST', '/api/v1/tokens', { name: 'csrf' }],
      state: async () => (await get(leader, '/api/v1/tokens')).text,
    },
    {
      route: 'DELETE /api/v1/tokens/{id}', who: () => ed, ok: 204,
      setup: async function () {
        const t = await ed.post('/api/v1/tokens', { name: 'keep me' });
        assert.equal(t.status, 201);
        this.token = t.json;
      },
      req: function () { return ['DELETE', `/api/v1/tokens/${this.token.id}`]; },
      state: async function () { return (await new Client(srv.url, this.token.token).get('/api/v1/me')).status; },
    },
    {
      route: 'DELETE /api/v1/session', who: () => audit, ok: 204,
      req: () => ['DELETE', '/api/v1/session'],
      state: async () => (await audit.get('/api/v1/me')).status,
    },
  ];
}

for (const cs of csrfCases()) {
  test(`CSRF: ${cs.route} without a valid X-CSRF-Token is 403 and changes nothing`, async () => {
    if (cs.setup) await cs.setup.call(cs);
    const before = await cs.state.call(cs);
    const [m, p, b, h] = await cs.req.call(cs);
    const c = cs.who();
    const bad = [
      ['no token', withoutCsrf(c)],
      ['a wrong token', withoutCsrf(c, 'f'.repeat(64))],
      ['an empty token', null],
    ];
    for (const [why, client] of bad) {
      const r = client
        ? await client.req(m, p, b, h)
        : await c.req(m, p, b, { ...h, 'X-CSRF-Token': '' });
      assertFieldError(r, 403, 'X-CSRF-Token', `${cs.route} with ${why}`);
      assert.deepEqual(await cs.state.call(cs), before, `${cs.route} with ${why} changed nothing`);
    }
    // The same request with the token succeeds: it was refused for CSRF only.
    const [m2, p2, b2, h2] = await cs.req.call(cs);
    const ok = await c.req(m2, p2, b2, h2);
    assert.equal(ok.status, cs.ok, `${cs.route} with the token: ${ok.text}`);
    assert.notDeepEqual(await cs.state.call(cs), before, `${cs.route} with the token changes the state`);
  });
}

test('the CSRF token of another session is refused', async () => {
  const a = await loginAs(srv.url, 'cy_stat');
  const b = await loginAs(srv.url, 'cy_stat');
  const r = await a.post('/api/v1/tokens', { name: 'x' }, { 'X-CSRF-Token': b.csrf });
  assert.equal(r.status, 403);
  assert.equal((await a.get('/api/v1/tokens')).json.total, 0);
});

test('CSRF refusals are audited as denied_csrf', async () => {
  const a = await loginAs(srv.url, 'auditadmin');
  const r = await a.get('/api/v1/audit?action=denied_csrf&per_page=100');
  assert.equal(r.status, 200);
  assert.ok(r.json.total >= 14 * 3, `at least three refusals per route, got ${r.json.total}`);
  assert.ok(r.json.items.some((i) => i.actor === 'cy_leader' && i.after.path === '/api/v1/enterprises' && i.after.method === 'POST'));
});

test('GET needs no CSRF token', async () => {
  assert.equal((await withoutCsrf(leader).get('/api/v1/enterprises')).status, 200);
});

// ---------------------------------------------------------------- bad input

const ent = (body, headers) => leader.post('/api/v1/enterprises', body, headers);
const entCount = async () => (await get(city, '/api/v1/enterprises?per_page=1')).body.total;

test('malformed JSON is 400, and so is JSON that is not an object', async () => {
  const n = await entCount();
  for (const raw of ['{"name": ', '{name: "x"}', '{"name":"a",}', '\u00ff\u00fe', 'null', '[1,2]', '"text"', '42']) {
    const r = await ent(raw);
    assertFieldError(r, 400, undefined, `body ${JSON.stringify(raw)}`);
    assert.equal(r.json.error.code, 'invalid');
  }
  const r = await ent('{"name": ');
  assert.match(r.json.error.message_en, /malformed JSON/);
  assert.equal(await entCount(), n, 'nothing created');
});

test('duplicate keys are refused', async () => {
  const r = await ent('{"name":"重复键有限公司","name":"另一个名称有限公司","region":"220104"}');
  assertFieldError(r, 400, undefined, 'duplicate key');
});

test('wrong types are 400 naming the field', async () => {
  for (const [body, field] of [
    [{ name: 5, region: '220104' }, 'name'],
    [{ name: '类型错误有限公司', region: 220104 }, 'region'],
    [{ name: ['数组'], region: '220104' }, 'name'],
    [{ name: '类型错误有限公司', region: '220104', industry: 3663 }, 'industry'],
    [{ name: '类型错误有限公司', region: '220104', credit_code: true }, 'credit_code'],
    [{ name: { zh: '对象' }, region: '220104' }, 'name'],
  ]) assertFieldError(await ent(body), 400, field, JSON.stringify(body));
  const tag = (await get(sys, `/api/v1/users/${ids.cy_stat}`)).etag;
  assertFieldError(await sys.patch(`/api/v1/users/${ids.cy_stat}`, { disabled: 'yes' }, { 'If-Match': tag }), 400, 'disabled');
  assertFieldError(await sys.post('/api/v1/users', { username: 'type_err', display_name: '类型', role: 'staff', region: '220104', department_id: '1', password: 'Type#Err2026' }), 400, 'department_id');
  assertFieldError(await leader.post('/api/v1/tokens', { name: 7 }), 400, 'name');
});

test('an unknown field is 400 naming it', async () => {
  const r = await ent({ name: '未知字段有限公司', region: '220104', legal_person: '张三' });
  assertFieldError(r, 400, 'legal_person');
  assert.match(r.json.error.message_en, /legal_person/);
  const tag = (await get(leader, `/api/v1/enterprises/${ids.ent1}`)).etag;
  assertFieldError(await leader.patch(`/api/v1/enterprises/${ids.ent1}`, { version: 9 }, { 'If-Match': tag }), 400, 'version');
  assertFieldError(await sys.post('/api/v1/regions', { code: '220192', name: 'x', parent: '220100', level: 3 }), 400, 'level');
  assertFieldError(await new Client(srv.url).post('/api/v1/session', { username: 'cy_leader', password: DEMO_PASSWORD, remember: true }), 400, 'remember');
});

test('a missing, null or empty required field is 400 naming it', async () => {
  assertFieldError(await ent({ region: '220104' }), 400, 'name', 'missing name');
  assertFieldError(await ent({ name: '缺少区划有限公司' }), 400, 'region', 'missing region');
  assertFieldError(await ent({ name: null, region: '220104' }), 400, 'name', 'null name');
  assertFieldError(await ent({ name: '', region: '220104' }), 400, 'name', 'empty name');
  assertFieldError(await ent({}), 400, undefined, 'empty object');
  assertFieldError(await sys.post('/api/v1/departments', { name: '缺区划局' }), 400, 'region');
  assertFieldError(await sys.post('/api/v1/users', { username: 'no_pw', display_name: '无密码', role: 'staff', region: '220104' }), 400, 'password');
  assertFieldError(await leader.post('/api/v1/tokens', {}), 400, 'name');
  const tag = (await get(leader, `/api/v1/enterprises/${ids.ent1}`)).etag;
  assertFieldError(await leader.patch(`/api/v1/enterprises/${ids.ent1}`, { name: '' }, { 'If-Match': tag }), 400, 'name', 'PATCH empty name');
  assertFieldError(await leader.patch(`/api/v1/enterprises/${ids.ent1}`, { name: null }, { 'If-Match': tag }), 400, 'name', 'PATCH null name');
});

test('a name of blanks only is 400 naming it', async () => {
  const n = await entCount();
  assertFieldError(await ent({ name: '   ', region: '220104' }), 400, 'name', 'blank name');
  assertFieldError(await ent({ name: '\u3000\t', region: '220104' }), 400, 'name', 'ideographic space and tab');
  assert.equal(await entCount(), n);
});

test('over-long strings are 400 naming the field', async () => {
  assertFieldError(await ent({ name: '长'.repeat(101), region: '220104' }), 400, 'name');
  const ok = await ent({ name: '长'.repeat(100), region: '220104' });
  assert.equal(ok.status, 201, '100 characters (300 bytes) are allowed');
});

const announce = (path, length, headers) => announceBody(srv.url + path, length, headers);

test('a body over 1 MiB (Content-Length) is 413, answered before the body is sent', async () => {
  const n = await entCount();
  const r = await announce('/api/v1/enterprises', 1100000,
    { 'Content-Type': 'application/json', Cookie: leader.cookie, 'X-CSRF-Token': leader.csrf });
  assert.equal(r.status, 413);
  assert.equal(JSON.parse(r.text).error.code, 'too_large');
  assert.equal(await entCount(), n);
  // Without a session too: the size is checked first.
  assert.equal((await announce('/api/v1/session', 5 << 20, { 'Content-Type': 'application/json' })).status, 413);
  // Exactly at the limit is not too large (the JSON is then refused on its own).
  const shell = JSON.stringify({ name: '', region: '220104' });
  const exact = JSON.stringify({ name: 'x'.repeat(1048576 - Buffer.byteLength(shell)), region: '220104' });
  assert.equal(Buffer.byteLength(exact), 1048576);
  const ok = await ent(exact);
  assert.equal(ok.status, 400, '1 MiB itself is read');
  assert.equal(ok.json.error.field, 'name');
  // The server still answers afterwards.
  assert.equal((await leader.get('/api/v1/me')).status, 200);
});

test('a chunked body over 1 MiB (no Content-Length) is 413 too', async () => {
  const big = new TextEncoder().encode(JSON.stringify({ name: 'y'.repeat(1100000), region: '220104' }));
  const body = new ReadableStream({
    start(ctl) { for (let i = 0; i < big.length; i += 65536) ctl.enqueue(big.slice(i, i + 65536)); ctl.close(); },
  });
  let status;
  try {
    const r = await fetch(srv.url + '/api/v1/enterprises', {
      method: 'POST', body, duplex: 'half', signal: AbortSignal.timeout(5000),
      headers: { 'Content-Type': 'application/json', Cookie: leader.cookie, 'X-CSRF-Token': leader.csrf },
    });
    status = r.status;
    await r.text();
  } catch (e) {
    status = `no answer within 5 s (${e.name})`;
  }
  assert.equal(status, 413);
});

test('a small chunked body is accepted', async () => {
  const data = new TextEncoder().encode(JSON.stringify({ name: '分块传输有限公司', region: '220104' }));
  const body = new ReadableStream({ start(ctl) { ctl.enqueue(data.slice(0, 10)); ctl.enqueue(data.slice(10)); ctl.close(); } });
  const r = await fetch(srv.url + '/api/v1/enterprises', {
    method: 'POST', body, duplex: 'half', signal: AbortSignal.timeout(5000),
    headers: { 'Content-Type': 'application/json', Cookie: leader.cookie, 'X-CSRF-Token': leader.csrf },
  });
  assert.equal(r.status, 201, await r.text());
});

test('a body that is not JSON (Content-Type) is 415', async () => {
  const body = JSON.stringify({ name: '内容类型有限公司', region: '220104' });
  for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
    const r = await ent(body, { 'Content-Type': ct });
    assert.equal(r.status, 415, ct);
    assert.equal(r.json.error.code, 'unsupported_media_type');
  }
  assert.equal((await ent(body, { 'Content-Type': 'application/json; charset=utf-8' })).status, 201);
});

test('invalid region codes are 400 naming region', async () => {
  for (const region of ['999999', '22010X', '220199', '000000', '2201']) {
    const r = await ent({ name: `区划${region}有限公司`, region });
    assertFieldError(r, 400, 'region', region);
  }
  assertFieldError(await ent({ name: '七位区划有限公司', region: '2201040' }), 400, 'region', '7 characters');
  assertFieldError(await leader.get('/api/v1/enterprises?region=abc'), 400, 'region', 'list filter');
  assertFieldError(await sys.get('/api/v1/users?region=12'), 400, 'region', 'user list filter');
  assertFieldError(await sys.post('/api/v1/departments', { name: '无此区划局', region: '229999' }), 400, 'region');
  assertFieldError(await sys.post('/api/v1/users', { username: 'bad_region', display_name: 'x', role: 'staff', region: '999999', password: 'Bad#Region2026' }), 400, 'region');
  // A region the caller does not cover: 朝阳区 cannot register in 二道区.
  assertFieldError(await ent({ name: '越界登记有限公司', region: '220105' }), 400, 'region', 'outside scope');
});

test('paging parameters are checked', async () => {
  for (const q of ['per_page=0', 'per_page=501', 'per_page=abc', 'page=0', 'page=-1', 'page=1.5']) {
    const r = await leader.get(`/api/v1/enterprises?${q}`);
    assertFieldError(r, 400, q.split('=')[0], q);
  }
  const r = await leader.get('/api/v1/enterprises?per_page=500&page=1');
  assert.equal(r.status, 200);
});

test('credit code: wrong length or a character outside the alphabet is 400', async () => {
  const good = validCreditCode();
  const cases = [
    [good.slice(0, 17), '17 characters'],
    [good + '1', '19 characters'],
    [good.slice(0, 9) + 'I' + good.slice(10), "a letter 'I'"],
    [good.slice(0, 9) + 'O' + good.slice(10), "a letter 'O'"],
    [good.slice(0, 9) + '-' + good.slice(10), 'a hyphen'],
    ['９１' + good.slice(2, 18), 'full-width digits'],
  ];
  const n = await entCount();
  for (const [code, why] of cases) {
    const r = await ent({ name: `信用代码${why}有限公司`, region: '220104', credit_code: code });
    assertFieldError(r, 400, 'credit_code', why);
  }
  const r = await ent({ name: '信用代码I有限公司', region: '220104', credit_code: good.slice(0, 9) + 'I' + good.slice(10) });
  assert.match(r.json.error.message_en, /position 10/);
  assert.equal(await entCount(), n);
});

test('credit code: a valid code is stored, lower case is normalised', async () => {
  const code = validCreditCode();
  const r = await ent({ name: '有效代码科技有限公司', region: '220104', credit_code: code.toLowerCase() });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.credit_code, code);
  assert.equal(r.json.credit_code_valid, true);
  assert.ok(!('warnings' in r.json), 'no warnings for a valid code');
});

test('credit code: a wrong check character is saved with a warning', async () => {
  const code = validCreditCode();
  const wrongCheck = CREDIT_ALPHABET[(CREDIT_ALPHABET.indexOf(code[17]) + 1) % 31];
  assert.notEqual(creditCheckChar(code.slice(0, 17)), wrongCheck);
  const bad = code.slice(0, 17) + wrongCheck;
  const r = await ent({ name: '校验位错误有限公司', region: '220104', credit_code: bad });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.credit_code, bad);
  assert.equal(r.json.credit_code_valid, false);
  assert.ok(Array.isArray(r.json.warnings) && r.json.warnings.length === 1);
  assert.equal(r.json.warnings[0].field, 'credit_code');
  assert.match(r.json.warnings[0].message_zh, /校验/);
  assert.match(r.json.warnings[0].message_en, /check character/);
  const again = await get(leader, `/api/v1/enterprises/${r.json.id}`);
  assert.equal(again.body.credit_code_valid, false);
  // The demo enterprise with a bad check character is flagged too.
  const demo = await get(city, `/api/v1/enterprises?q=${encodeURIComponent('长春光机科技')}`);
  assert.equal(demo.body.items[0].credit_code_valid, false);
});

test('a duplicate credit code is 409, on create and on update', async () => {
  const code = validCreditCode();
  const first = await ent({ name: '先登记有限公司', region: '220104', credit_code: code });
  assert.equal(first.status, 201);
  const dup = await ent({ name: '后登记有限公司', region: '220104', credit_code: code });
  assertFieldError(dup, 409, 'credit_code');
  assert.equal(dup.json.error.code, 'exists');
  const dupDemo = await ent({ name: '重复演示有限公司', region: '220104', credit_code: ids.ent1Code });
  assertFieldError(dupDemo, 409, 'credit_code');
  // ed_leader registers in 二道区 a code that exists in 朝阳区: still 409.
  assertFieldError(await ed.post('/api/v1/enterprises', { name: '跨区重复有限公司', region: '220105', credit_code: code }), 409, 'credit_code');
  const before = await get(leader, `/api/v1/enterprises/${ids.ent1}`);
  const upd = await leader.patch(`/api/v1/enterprises/${ids.ent1}`, { credit_code: code }, { 'If-Match': before.etag });
  assertFieldError(upd, 409, 'credit_code', 'PATCH to a taken code');
  const after = await get(leader, `/api/v1/enterprises/${ids.ent1}`);
  assert.deepEqual(after.body, before.body);
});

test('industry codes are checked (GB/T 4754-2017)', async () => {
  assertFieldError(await ent({ name: '行业错误有限公司', region: '220104', industry: 'Z9999' }), 400, 'industry');
  assertFieldError(await ent({ name: '行业错误二有限公司', region: '220104', industry: 'C36633' }), 400, 'industry');
  const ok = await ent({ name: '行业正确有限公司', region: '220104', industry: 'C3670' });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.industry, 'C3670');
});

test('If-Match: missing 428, stale 412, malformed 400; the record is unchanged after each', async () => {
  const path = `/api/v1/enterprises/${ids.ent9}`;
  const cur = await get(ed, path);
  assert.match(cur.etag, /^"\d+"$/);
  const version = Number(cur.etag.replace(/"/g, ''));
  assert.equal(cur.body.version, version, 'the ETag is the version');

  const missing = await ed.patch(path, { name: '无版本修改有限公司' });
  assertFieldError(missing, 428, 'If-Match');
  assert.equal(missing.json.error.code, 'precondition_required');
  assert.deepEqual((await get(ed, path)).body, cur.body);

  for (const stale of [`"${version - 1}"`, `"${version + 1}"`, `${version + 5}`]) {
    if (stale === '"0"') continue;
    const r = await ed.patch(path, { name: '过期版本修改有限公司' }, { 'If-Match': stale });
    assertFieldError(r, 412, undefined, `If-Match ${stale}`);
    assert.equal(r.json.error.code, 'stale_version');
    const now = await get(ed, path);
    assert.deepEqual(now.body, cur.body, `unchanged after If-Match ${stale}`);
    assert.equal(now.etag, cur.etag);
  }
  for (const bad of ['"abc"', '""', '"1.5"', '"-2"']) {
    const r = await ed.patch(path, { name: '格式错误版本有限公司' }, { 'If-Match': bad });
    assertFieldError(r, 400, 'If-Match', `If-Match ${bad}`);
    assert.deepEqual((await get(ed, path)).body, cur.body);
  }
  // The right version works, once; replaying it is stale.
  const ok = await ed.patch(path, { name: '长春凯洛德交通科技有限公司' }, { 'If-Match': cur.etag });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.headers.get('etag'), `"${version + 1}"`);
  assert.equal(ok.json.version, version + 1);
  assert.equal((await ed.patch(path, { name: '重放有限公司' }, { 'If-Match': cur.etag })).status, 412);
  // Weak validators name the same version.
  const weak = await ed.patch(path, { name: '长春凯洛德交通科技有限公司' }, { 'If-Match': `W/"${version + 1}"` });
  assert.equal(weak.status, 200);
});

test('If-Match on users and regions: stale 412 and missing 428 leave them unchanged', async () => {
  const u = await get(sys, `/api/v1/users/${ids.cy_stat}`);
  assertFieldError(await sys.patch(`/api/v1/users/${ids.cy_stat}`, { display_name: '改名' }), 428, 'If-Match');
  const v = Number(u.etag.replace(/"/g, ''));
  assertFieldError(await sys.patch(`/api/v1/users/${ids.cy_stat}`, { display_name: '改名' }, { 'If-Match': `"${v + 3}"` }), 412);
  assert.deepEqual((await get(sys, `/api/v1/users/${ids.cy_stat}`)).body, u.body);
  const r = await get(sys, '/api/v1/regions/220113');
  assertFieldError(await sys.patch('/api/v1/regions/220113', { name: '九台' }), 428, 'If-Match');
  assertFieldError(await sys.patch('/api/v1/regions/220113', { name: '九台' }, { 'If-Match': '"99"' }), 412);
  assert.deepEqual((await get(sys, '/api/v1/regions/220113')).body, r.body);
});

test("another region's enterprise is 404 for GET and PATCH, and stays unchanged", async () => {
  const path = `/api/v1/enterprises/${ids.ent9}`;
  const before = await get(ed, path);
  const g = await leader.get(path);
  assertFieldError(g, 404, undefined, 'GET');
  assert.equal(g.json.error.code, 'not_found');
  const p = await leader.patch(path, { name: '越权修改有限公司' }, { 'If-Match': before.etag });
  assertFieldError(p, 404, undefined, 'PATCH');
  // The 404 does not differ from a record that does not exist.
  const none = await leader.get('/api/v1/enterprises/99999999');
  assert.equal(none.status, 404);
  assert.equal(none.text, g.text);
  assert.deepEqual((await get(ed, path)).body, before.body);
});

test('moving an enterprise out of the caller\'s region is refused', async () => {
  const path = `/api/v1/enterprises/${ids.ent1}`;
  const before = await get(leader, path);
  const r = await leader.patch(path, { region: '220105' }, { 'If-Match': before.etag });
  assertFieldError(r, 400, 'region');
  assert.deepEqual((await get(leader, path)).body, before.body);
});

test('ids that are not positive integers are 404', async () => {
  for (const id of ['abc', '0', '-1', '1.0', '99999999999999999999']) {
    assert.equal((await leader.get(`/api/v1/enterprises/${id}`)).status, 404, id);
    assert.equal((await sys.get(`/api/v1/users/${id}`)).status, 404, id);
  }
  assert.equal((await sys.get('/api/v1/regions/999999')).status, 404);
});
