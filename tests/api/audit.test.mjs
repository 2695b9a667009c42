// The audit log: every change is recorded with who, where, what, before and
// after; logins and failures are recorded; the search filters and pages;
// `guatu verify` detects altered and deleted records; nothing can change it
// through the API.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, Client, loginAs, DEMO_PASSWORD, verify, sql } from './lib/server.mjs';

let srv, aud, sys, sec, leader;
const ids = {};

before(async () => {
  srv = await startDemo();
  [aud, sys, sec, leader] = await Promise.all(
    ['auditadmin', 'sysadmin', 'secadmin', 'cy_leader'].map((u) => loginAs(srv.url, u)));
  const users = await sys.get('/api/v1/users?per_page=500');
  for (const u of users.json.items) ids[u.username] = u.id;
});

// China Standard Time dates, as the audit search reads them.
const cstDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600e3 + offsetDays * 86400e3).toISOString().slice(0, 10);

async function search(query = '') {
  const r = await aud.get(`/api/v1/audit${query ? '?' + query : ''}`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}
const newest = async () => (await search('per_page=1')).items[0];

function assertRecord(rec, want) {
  assert.ok(rec, 'a record');
  for (const [k, v] of Object.entries(want)) assert.deepEqual(rec[k], v, `record.${k}`);
  assert.equal(rec.ip, '127.0.0.1', 'record.ip');
  assert.ok(Math.abs(rec.ts - Date.now() / 1000) < 120, 'record.ts is now');
  assert.match(rec.hash, /^[0-9a-f]{64}$/);
  assert.match(rec.prev_hash, /^[0-9a-f]{64}$/);
}

test('PATCH of an enterprise is recorded with actor, ip, object, before and after', async () => {
  const ents = await leader.get('/api/v1/enterprises?per_page=100');
  const e = ents.json.items.find((x) => x.name === '长春诺德电子科技有限公司');
  const cur = await leader.get(`/api/v1/enterprises/${e.id}`);
  const p = await leader.patch(`/api/v1/enterprises/${e.id}`, { name: '长春诺德电子科技股份有限公司' },
    { 'If-Match': cur.headers.get('etag') });
  assert.equal(p.status, 200, p.text);
  const r = await search('object_type=enterprise&action=update&per_page=5');
  const rec = r.items.find((i) => i.object_id === String(e.id));
  assertRecord(rec, {
    actor: 'cy_leader', actor_id: ids.cy_leader, action: 'update', object_type: 'enterprise',
    object_id: String(e.id), region: '220104',
  });
  assert.equal(rec.before.name, '长春诺德电子科技有限公司');
  assert.equal(rec.after.name, '长春诺德电子科技股份有限公司');
  assert.equal(rec.before.version + 1, rec.after.version);
  assert.equal(rec.before.credit_code, rec.after.credit_code);
});

// Each change, and the record it must leave (checked as the newest record).
const changes = [
  ['create an enterprise', async () => {
    const r = await leader.post('/api/v1/enterprises', { name: '审计测试新材料有限公司', region: '220104', industry: 'C3091' });
    assert.equal(r.status, 201);
    return { actor: 'cy_leader', action: 'create', object_type: 'enterprise', object_id: String(r.json.id),
      before: null, check: (rec) => assert.equal(rec.after.name, '审计测试新材料有限公司') };
  }],
  ['create a department', async () => {
    const r = await sys.post('/api/v1/departments', { name: '审计测试局', region: '220104' });
    assert.equal(r.status, 201);
    ids.dept = r.json.id;
    return { actor: 'sysadmin', action: 'create', object_type: 'department', object_id: String(r.json.id),
      before: null, check: (rec) => assert.equal(rec.after.name, '审计测试局') };
  }],
  ['rename a department', async () => {
    const r = await sys.patch(`/api/v1/departments/${ids.dept}`, { name: '审计测试局（改）' }, { 'If-Match': '"1"' });
    assert.equal(r.status, 200, r.text);
    return { actor: 'sysadmin', action: 'update', object_type: 'department', object_id: String(ids.dept),
      check: (rec) => { assert.equal(rec.before.name, '审计测试局'); assert.equal(rec.after.name, '审计测试局（改）'); } };
  }],
  ['create a region', async () => {
    const r = await sys.post('/api/v1/regions', { code: '220195', name: '审计测试区', parent: '220100' });
    assert.equal(r.status, 201);
    return { actor: 'sysadmin', action: 'create', object_type: 'region', object_id: '220195',
      check: (rec) => assert.equal(rec.after.name, '审计测试区') };
  }],
  ['rename a region', async () => {
    const r = await sys.patch('/api/v1/regions/220195', { name: '审计测试区二' }, { 'If-Match': '"1"' });
    assert.equal(r.status, 200);
    return { actor: 'sysadmin', action: 'update', object_type: 'region', object_id: '220195',
      check: (rec) => { assert.equal(rec.before.name, '审计测试区'); assert.equal(rec.after.name, '审计测试区二'); } };
  }],
  ['create a user', async () => {
    const r = await sys.post('/api/v1/users', { username: 'audit_new', display_name: '审计新人', role: 'staff', region: '220104', password: 'Audit#New2026' });
    assert.equal(r.status, 201);
    ids.audit_new = r.json.id;
    return { actor: 'sysadmin', action: 'create', object_type: 'user', object_id: String(r.json.id), before: null,
      check: (rec) => {
        assert.equal(rec.after.username, 'audit_new');
        assert.ok(!JSON.stringify(rec).includes('Audit#New2026'), 'no password in the record');
        assert.ok(!('password_hash' in rec.after));
      } };
  }],
  ['edit a user', async () => {
    const r = await sys.patch(`/api/v1/users/${ids.audit_new}`, { display_name: '审计新同事' }, { 'If-Match': '"1"' });
    assert.equal(r.status, 200, r.text);
    return { actor: 'sysadmin', action: 'update', object_type: 'user', object_id: String(ids.audit_new),
      check: (rec) => { assert.equal(rec.before.display_name, '审计新人'); assert.equal(rec.after.display_name, '审计新同事'); } };
  }],
  ['reset a password', async () => {
    const r = await sec.post(`/api/v1/users/${ids.audit_new}/password`, { password: 'Audit#Reset2026' });
    assert.equal(r.status, 200);
    return { actor: 'secadmin', action: 'password_reset', object_type: 'user', object_id: String(ids.audit_new),
      check: (rec) => assert.ok(!JSON.stringify(rec).includes('Audit#Reset2026')) };
  }],
  ['unlock a user', async () => {
    const r = await sec.post(`/api/v1/users/${ids.audit_new}/unlock`);
    assert.equal(r.status, 200);
    return { actor: 'secadmin', action: 'unlock', object_type: 'user', object_id: String(ids.audit_new) };
  }],
  ['create a token', async () => {
    const r = await leader.post('/api/v1/tokens', { name: '审计令牌' });
    assert.equal(r.status, 201);
    ids.token = r.json;
    return { actor: 'cy_leader', action: 'create', object_type: 'token', object_id: String(r.json.id),
      check: (rec) => { assert.equal(rec.after.name, '审计令牌'); assert.ok(!JSON.stringify(rec).includes(r.json.token.slice(3))); } };
  }],
  ['revoke a token', async () => {
    const r = await leader.del(`/api/v1/tokens/${ids.token.id}`);
    assert.equal(r.status, 204);
    return { actor: 'cy_leader', action: 'revoke', object_type: 'token', object_id: String(ids.token.id) };
  }],
  ['change one\'s own password', async () => {
    const c = await loginAs(srv.url, 'cy_service');
    const r = await c.post('/api/v1/me/password', { old_password: DEMO_PASSWORD, new_password: 'Service#New2026' });
    assert.equal(r.status, 200);
    return { actor: 'cy_service', action: 'password_change', object_type: 'user', object_id: String(ids.cy_service),
      check: (rec) => assert.ok(!JSON.stringify(rec).includes('Service#New2026')) };
  }],
];

for (const [what, run] of changes) {
  test(`audited: ${what}`, async () => {
    const want = await run();
    const rec = await newest();
    const { check, ...fields } = want;
    assertRecord(rec, fields);
    if (check) check(rec);
  });
}

test('logins, failures, lockouts and logouts are recorded', async () => {
  await loginAs(srv.url, 'cy_stat');
  assertRecord(await newest(), { actor: 'cy_stat', actor_id: ids.cy_stat, action: 'login', object_type: 'user', region: '220104' });

  assert.equal((await new Client(srv.url).login('cy_invest', 'Wrong@2026')).status, 401);
  const failed = await newest();
  assertRecord(failed, { actor: 'cy_invest', action: 'login_failed' });
  assert.equal(failed.after.failed_logins, 1);
  assert.ok(!JSON.stringify(failed).includes('Wrong@2026'), 'the tried password is not recorded');

  assert.equal((await new Client(srv.url).login('ghost_user', 'Wrong@2026')).status, 401);
  assertRecord(await newest(), { actor: 'ghost_user', action: 'login_failed' });

  for (let i = 0; i < 4; i++) await new Client(srv.url).login('cy_invest', 'Wrong@2026');
  assertRecord(await newest(), { actor: 'cy_invest', action: 'account_locked' });
  assert.equal((await new Client(srv.url).login('cy_invest')).status, 423);
  assertRecord(await newest(), { actor: 'cy_invest', action: 'login_refused_locked' });

  const c = await loginAs(srv.url, 'cy_stat');
  assert.equal((await c.del('/api/v1/session')).status, 204);
  assertRecord(await newest(), { actor: 'cy_stat', action: 'logout' });

  const fails = await search('action=login_failed&actor=cy_invest&per_page=100');
  assert.equal(fails.total, 4, 'four failures before the lock');
  assert.ok(!JSON.stringify((await search('per_page=500')).items).includes(DEMO_PASSWORD), 'no password anywhere');
  assert.equal((await search(`q=${encodeURIComponent(DEMO_PASSWORD)}`)).total, 0);
  assert.equal((await search('q=argon2')).total, 0, 'no password hash anywhere');
});

test('a client cannot forge its address with X-Forwarded-For (trust_proxy is off by default)', async () => {
  const r = await new Client(srv.url).req('POST', '/api/v1/session', { username: 'cy_stat', password: 'Wrong@2026' },
    { 'X-Forwarded-For': '203.0.113.9' });
  assert.equal(r.status, 401);
  const rec = await newest();
  assert.equal(rec.action, 'login_failed');
  assert.equal(rec.ip, '127.0.0.1');
});

test('behind a proxy (--trust-proxy true) the audit records the address the proxy appended', async () => {
  const p = await startDemo(['--trust-proxy', 'true']);
  try {
    const r = await new Client(p.url).req('POST', '/api/v1/session', { username: 'cy_stat', password: 'Wrong@2026' },
      { 'X-Forwarded-For': '198.51.100.7, 203.0.113.9' });
    assert.equal(r.status, 401);
    const a = await loginAs(p.url, 'auditadmin');
    const recs = await a.get('/api/v1/audit?action=login_failed&actor=cy_stat');
    assert.equal(recs.json.items[0].ip, '203.0.113.9', 'the last address, not the client\'s own claim');
    const junk = await new Client(p.url).req('POST', '/api/v1/session', { username: 'cy_stat', password: 'Wrong@2026' },
      { 'X-Forwarded-For': 'not-an-address' });
    assert.equal(junk.status, 401);
    const recs2 = await a.get('/api/v1/audit?action=login_failed&actor=cy_stat');
    assert.equal(recs2.json.items[0].ip, '127.0.0.1', 'a malformed header falls back to the peer address');
  } finally {
    await p.stop();
  }
});

test('filters: actor, action, object_type, from/to and q', async () => {
  const all = await search('per_page=500');
  assert.ok(all.total > 40);

  const byActor = await search('actor=cy_leader&per_page=500');
  assert.ok(byActor.total > 0 && byActor.total < all.total);
  assert.ok(byActor.items.every((i) => i.actor === 'cy_leader'));
  assert.equal(byActor.total, all.items.filter((i) => i.actor === 'cy_leader').length);

  const byAction = await search('action=login&per_page=500');
  assert.ok(byAction.total >= 5);
  assert.ok(byAction.items.every((i) => i.action === 'login'));

  const byType = await search('object_type=department&per_page=500');
  assert.ok(byType.items.length >= 13 && byType.items.every((i) => i.object_type === 'department'));

  const both = await search('actor=sysadmin&action=create&object_type=user');
  assert.equal(both.total, 1);
  assert.equal(both.items[0].after.username, 'audit_new');

  const today = await search(`from=${cstDay()}&to=${cstDay()}&per_page=500`);
  assert.equal(today.total, all.total, 'everything happened today');
  assert.equal((await search(`to=${cstDay(-1)}`)).total, 0, 'nothing before today');
  assert.equal((await search(`from=${cstDay(1)}`)).total, 0, 'nothing from tomorrow on');
  assert.equal((await search(`from=${cstDay(-30)}&to=${cstDay(30)}`)).total, all.total);
  for (const bad of ['2026/01/01', 'yesterday', '2026-13-01', '2026-1-1x']) {
    const r = await aud.get(`/api/v1/audit?from=${encodeURIComponent(bad)}`);
    assert.equal(r.status, 400, bad);
    assert.equal(r.json.error.field, 'from');
  }

  const q = await search(`q=${encodeURIComponent('审计测试新材料')}`);
  assert.ok(q.total >= 1);
  assert.ok(q.items.every((i) => JSON.stringify(i).includes('审计测试新材料')));
  assert.equal((await search(`q=${encodeURIComponent('没有这样的内容')}`)).total, 0);
  const byId = await search(`q=${ids.audit_new}&object_type=user`);
  assert.ok(byId.items.some((i) => i.object_id === String(ids.audit_new)), 'q matches an object id');
});

test('filters: impossible dates (2026-02-31) are 400, not read as another day', async () => {
  for (const bad of ['2026-02-31', '2026-04-31', '2025-02-29']) {
    const r = await aud.get(`/api/v1/audit?from=${bad}`);
    assert.equal(r.status, 400, bad);
    assert.equal(r.json.error.field, 'from');
  }
  assert.equal((await aud.get('/api/v1/audit?from=2024-02-29')).status, 200, 'a leap day is a date');
});

test('filters: q=% matches a literal percent sign, not everything', async () => {
  const all = await search('per_page=1');
  const pct = await search('q=%25');
  assert.ok(pct.total < all.total, `q=% found ${pct.total} of ${all.total} records`);
});

test('paging: pages do not overlap, newest first, totals agree', async () => {
  const p1 = await search('per_page=3&page=1');
  const p2 = await search('per_page=3&page=2');
  assert.equal(p1.items.length, 3);
  assert.equal(p2.items.length, 3);
  assert.equal(p1.page, 1);
  assert.equal(p2.page, 2);
  assert.equal(p1.per_page, 3);
  assert.equal(p1.total, p2.total);
  const ids1 = p1.items.map((i) => i.id), ids2 = p2.items.map((i) => i.id);
  assert.deepEqual(ids1, [...ids1].sort((a, b) => b - a), 'newest first');
  assert.ok(Math.min(...ids1) > Math.max(...ids2), 'page 2 is older than page 1');
  assert.equal(ids1[2] - 1, ids2[0], 'no record skipped between pages');
  // The chain links each record to the one before it.
  const six = [...p1.items, ...p2.items];
  for (let i = 0; i + 1 < six.length; i++) assert.equal(six[i].prev_hash, six[i + 1].hash, `link ${six[i].id}`);
  const far = await search(`per_page=500&page=1000`);
  assert.deepEqual(far.items, []);
  assert.equal((await aud.get('/api/v1/audit?per_page=501')).status, 400);
  assert.equal((await aud.get('/api/v1/audit?page=0')).status, 400);
});

test('no route can modify or delete audit records', async () => {
  const before = await search('per_page=1');
  const probes = [['PATCH', '/api/v1/audit'], ['DELETE', '/api/v1/audit'], ['PUT', '/api/v1/audit'],
    ['POST', '/api/v1/audit'], ['PATCH', '/api/v1/audit/5'], ['DELETE', '/api/v1/audit/5'], ['PUT', '/api/v1/audit/5']];
  for (const [m, p] of probes) {
    const r = await aud.req(m, p, m === 'DELETE' ? undefined : { actor: 'x' });
    assert.ok([404, 405].includes(r.status), `${m} ${p}: ${r.status}`);
  }
  const after = await search('per_page=1');
  assert.equal(after.total, before.total);
  assert.deepEqual(after.items[0], before.items[0]);
  const five = (await search('per_page=500')).items.find((i) => i.id === 5);
  assert.notEqual(five.actor, 'x');
});

test('guatu verify exits 0 on the demo database', () => {
  const r = verify(srv.db);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /intact/);
  const n = Number(r.stdout.match(/(\d+) audit records/)[1]);
  assert.ok(n > 40);
});

test('guatu verify exits 1 naming record 5 after it is altered, 0 again once restored', () => {
  const actor = sql(srv.db, 'SELECT actor FROM audit_log WHERE id = 5');
  assert.ok(actor);
  sql(srv.db, "UPDATE audit_log SET actor = 'x' WHERE id = 5");
  const r = verify(srv.db);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /record 5\b/);
  assert.match(r.stdout, /altered/);
  sql(srv.db, `UPDATE audit_log SET actor = '${actor}' WHERE id = 5`);
  assert.equal(verify(srv.db).status, 0, 'restored');
  // Altering the JSON of a record is caught as well.
  const after = sql(srv.db, 'SELECT after_json FROM audit_log WHERE id = 6');
  const forged = after.replace('"name":"', '"name":"伪');
  assert.notEqual(forged, after);
  sql(srv.db, `UPDATE audit_log SET after_json = '${forged.replace(/'/g, "''")}' WHERE id = 6`);
  const r6 = verify(srv.db);
  assert.equal(r6.status, 1);
  assert.match(r6.stdout, /record 6\b/);
  sql(srv.db, `UPDATE audit_log SET after_json = '${after.replace(/'/g, "''")}' WHERE id = 6`);
  assert.equal(verify(srv.db).status, 0);
});

test('guatu verify exits 1 naming a deleted middle record', () => {
  const max = Number(sql(srv.db, 'SELECT MAX(id) FROM audit_log'));
  const mid = Math.floor(max / 2);
  sql(srv.db, `CREATE TABLE audit_saved AS SELECT * FROM audit_log WHERE id = ${mid}`);
  sql(srv.db, `DELETE FROM audit_log WHERE id = ${mid}`);
  const r = verify(srv.db);
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, new RegExp(`record ${mid}\\b`));
  assert.match(r.stdout, /missing/);
  sql(srv.db, 'INSERT INTO audit_log SELECT * FROM audit_saved');
  sql(srv.db, 'DROP TABLE audit_saved');
  assert.equal(verify(srv.db).status, 0, 'restored');
});

test('guatu verify exits 1 when the newest record is deleted', () => {
  const max = Number(sql(srv.db, 'SELECT MAX(id) FROM audit_log'));
  sql(srv.db, `CREATE TABLE audit_saved AS SELECT * FROM audit_log WHERE id = ${max}`);
  sql(srv.db, `DELETE FROM audit_log WHERE id = ${max}`);
  const r = verify(srv.db);
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, new RegExp(`record ${max}\\b`));
  sql(srv.db, 'INSERT INTO audit_log SELECT * FROM audit_saved');
  sql(srv.db, 'DROP TABLE audit_saved');
  assert.equal(verify(srv.db).status, 0, 'restored');
});

test('the server keeps a valid chain after the checks', async () => {
  const r = await leader.post('/api/v1/enterprises', { name: '校验之后有限公司', region: '220104' });
  assert.equal(r.status, 201);
  assert.equal(verify(srv.db).status, 0);
});
