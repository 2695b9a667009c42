// Answers kept until the data changes (cache_mb, cache_check_ms,
// cache_max_seconds): a write shows at once in the process that made it, in
// another process sharing the database within cache_check_ms, and never
// when the cache is off; a session ended elsewhere stops working there too.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, spawnServer, Client, loginAs, validCreditCode, sleep } from './lib/server.mjs';

let a, slow, off; // a: the demo server; slow: another process that looks rarely; off: no cache
const stops = [];

const serve = async (flags) => {
  const s = await spawnServer(['serve', '--db', a.db, ...flags]);
  stops.push(s.proc);
  return s;
};

before(async () => {
  a = await startDemo();
  slow = await serve(['--cache-check-ms', '60000', '--cache-max-seconds', '60']);
  off = await serve(['--cache-mb', '0']);
});

test.after(() => { for (const p of stops) p.kill('SIGTERM'); });

const names = async (c) => {
  const r = await c.get('/api/v1/enterprises?region=220104&per_page=500');
  assert.equal(r.status, 200, r.text);
  return r.json.items.map((e) => e.name);
};

const create = async (c, name) => {
  const r = await c.post('/api/v1/enterprises', { name, region: '220104', credit_code: validCreditCode() });
  assert.equal(r.status, 201, r.text);
  return r;
};

test('a write shows at once where it was made, and where the cache is off', async () => {
  const [ca, co] = await Promise.all([a.url, off.url].map((u) => loginAs(u, 'cy_leader')));
  const before1 = await names(ca);
  assert.deepEqual(await names(ca), before1, 'the same answer twice');
  await names(co);
  const c = await create(ca, '缓存即时可见测试有限公司');
  assert.ok((await names(ca)).includes('缓存即时可见测试有限公司'));
  assert.ok((await names(co)).includes('缓存即时可见测试有限公司'));
  const p = await ca.patch(`/api/v1/enterprises/${c.json.id}`, { name: '缓存改名测试有限公司' },
    { 'If-Match': c.headers.get('etag') });
  assert.equal(p.status, 200, p.text);
  const d = await ca.get(`/api/v1/enterprises/${c.json.id}`);
  assert.equal(d.json.name, '缓存改名测试有限公司');
  assert.equal(d.headers.get('etag'), p.headers.get('etag'), 'the ETag of the new version');
  const again = await ca.get(`/api/v1/enterprises/${c.json.id}`);
  assert.equal(again.text, d.text, 'a kept answer is byte for byte the computed one');
  assert.equal(again.headers.get('etag'), d.headers.get('etag'));
});

test('another process sees a write within cache_check_ms, not before its own check', async () => {
  const [ca, cs] = await Promise.all([a.url, slow.url].map((u) => loginAs(u, 'cy_leader')));
  await names(ca);
  const kept = await names(cs);
  await create(ca, '跨进程缓存测试甲有限公司');
  assert.deepEqual(await names(cs), kept, 'slow looks once a minute: its kept answer stands');
  assert.ok((await names(ca)).includes('跨进程缓存测试甲有限公司')); // kept by the demo server
  const t0 = Date.now();
  await create(cs, '跨进程缓存测试乙有限公司');
  let seen = false;
  while (!seen && Date.now() - t0 < 2000) {
    seen = (await names(ca)).includes('跨进程缓存测试乙有限公司');
    if (!seen) await sleep(20);
  }
  assert.ok(seen, 'the demo server (cache_check_ms 100) saw the other process\'s write');
  const both = await names(cs); // its own write moved its generation
  assert.ok(both.includes('跨进程缓存测试甲有限公司') && both.includes('跨进程缓存测试乙有限公司'));
});

test('a session logged out in one process ends in the others', async () => {
  const ca = await loginAs(a.url, 'cy_leader');
  const cs = new Client(off.url);
  cs.cookie = ca.cookie;
  cs.csrf = ca.csrf;
  assert.equal((await ca.get('/api/v1/enterprises?region=220104')).status, 200);
  assert.equal((await cs.get('/api/v1/enterprises?region=220104')).status, 200, 'one session, two processes');
  assert.equal((await cs.del('/api/v1/session')).status, 204);
  let status = 200;
  const t0 = Date.now();
  while (status === 200 && Date.now() - t0 < 2000) {
    status = (await ca.get('/api/v1/enterprises?region=220104')).status;
    if (status === 200) await sleep(20);
  }
  assert.equal(status, 401);
});

test('disabling a user ends its cached session at once', async () => {
  const sys = await loginAs(a.url, 'sysadmin');
  const u = await loginAs(a.url, 'cy_leader');
  assert.equal((await u.get('/api/v1/enterprises?region=220104')).status, 200);
  assert.equal((await u.get('/api/v1/enterprises?region=220104')).status, 200);
  const cur = await sys.get(`/api/v1/users/${u.user.id}`);
  const d = await sys.patch(`/api/v1/users/${u.user.id}`, { disabled: true }, { 'If-Match': cur.headers.get('etag') });
  assert.equal(d.status, 200, d.text);
  assert.equal((await u.get('/api/v1/enterprises?region=220104')).status, 401);
  const e = await sys.patch(`/api/v1/users/${u.user.id}`, { disabled: false }, { 'If-Match': d.headers.get('etag') });
  assert.equal(e.status, 200, e.text);
});

test('a user\'s second session finds the answer the first computed; GET /me stays the session\'s own', async () => {
  // both logins first: a login is a write, and a write makes every kept answer stale
  const [s1, s2] = [await loginAs(slow.url, 'cy_leader'), await loginAs(slow.url, 'cy_leader')];
  const kept = await names(s1);
  await create(await loginAs(a.url, 'cy_leader'), '跨会话缓存测试有限公司');
  // slow looks for other processes' writes once a minute: only a kept answer can lack it
  assert.deepEqual(await names(s2), kept, 'the second session got the answer the first computed');
  assert.ok(!kept.includes('跨会话缓存测试有限公司'));
  const [m1, m2] = [await s1.get('/api/v1/me'), await s2.get('/api/v1/me')];
  assert.equal(m1.status, 200);
  assert.equal(m2.status, 200);
  assert.equal(m1.json.user.id, m2.json.user.id);
  assert.notEqual(m1.json.csrf_token, m2.json.csrf_token, 'each session its own CSRF token');
  assert.equal((await s1.get('/api/v1/me')).json.csrf_token, m1.json.csrf_token);
});
