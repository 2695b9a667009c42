// Authentication: logins, lockout, idle timeout, logout, forced password
// change, password policy and bearer tokens.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, Client, loginAs, DEMO_PASSWORD, sleep } from './lib/server.mjs';

let srv;
let secadmin;
before(async () => {
  srv = await startDemo();
  secadmin = await loginAs(srv.url, 'secadmin');
});

async function userId(username) {
  const r = await secadmin.get(`/api/v1/users?q=${encodeURIComponent(username)}&per_page=100`);
  assert.equal(r.status, 200, r.text);
  const u = r.json.items.find((x) => x.username === username);
  assert.ok(u, `user ${username} listed`);
  return u.id;
}

function assertBilingual(err) {
  assert.ok(err, 'an error object');
  assert.equal(typeof err.message_zh, 'string');
  assert.equal(typeof err.message_en, 'string');
  assert.match(err.message_zh, /[\u4e00-\u9fff]/, 'message_zh is Chinese');
  assert.match(err.message_en, /[a-z]/i, 'message_en is English');
  assert.ok(err.message.includes(err.message_zh) && err.message.includes(err.message_en),
    'message carries both languages');
}

test('login: HttpOnly SameSite=Strict cookie, CSRF token and the user object', async () => {
  const c = new Client(srv.url);
  const r = await c.post('/api/v1/session', { username: 'cy_leader', password: DEMO_PASSWORD });
  assert.equal(r.status, 200, r.text);
  const sc = r.headers.get('set-cookie');
  assert.match(sc, /^guatu_session=[0-9a-f]{32,};/);
  assert.match(sc, /;\s*HttpOnly/i);
  assert.match(sc, /;\s*SameSite=Strict/i);
  assert.match(sc, /;\s*Path=\//);
  assert.match(r.json.csrf_token, /^[0-9a-f]{32,}$/);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  const u = r.json.user;
  assert.equal(u.username, 'cy_leader');
  assert.equal(u.display_name, '李区长');
  assert.equal(u.role, 'leader');
  assert.equal(u.region, '220104');
  assert.equal(u.region_name, '朝阳区');
  assert.equal(u.must_change_password, false);
  assert.equal(u.disabled, false);
  assert.equal(u.locked, false);
  assert.equal(typeof u.id, 'number');
  assert.equal(typeof u.version, 'number');
  assert.ok(u.last_login_at >= Math.floor(Date.now() / 1000) - 60, 'last_login_at is now');
  for (const secret of ['password_hash', 'password', 'failed_logins'])
    assert.ok(!(secret in u), `user object has no ${secret}`);
  assert.ok(!r.text.includes('argon2'), 'no password hash anywhere in the answer');
  // The session works, and /me returns the same CSRF token.
  const me = await c.get('/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal(me.json.user.username, 'cy_leader');
  assert.equal(me.json.csrf_token, r.json.csrf_token);
});

test('wrong password: 401 naming field password, in Chinese and English', async () => {
  const r = await new Client(srv.url).post('/api/v1/session', { username: 'cy_stat', password: 'Wrong@2026' });
  assert.equal(r.status, 401);
  assert.equal(r.headers.get('set-cookie'), null, 'no cookie on failure');
  assert.equal(r.json.error.code, 'unauthenticated');
  assert.equal(r.json.error.field, 'password');
  assertBilingual(r.json.error);
});

test('unknown user: 401 with the same message as a wrong password', async () => {
  const wrong = await new Client(srv.url).post('/api/v1/session', { username: 'cy_stat', password: 'Wrong@2026' });
  const r = await new Client(srv.url).post('/api/v1/session', { username: 'no_such_user', password: 'Wrong@2026' });
  assert.equal(r.status, 401);
  assert.equal(r.json.error.field, 'password');
  assert.equal(r.json.error.message_zh, wrong.json.error.message_zh);
  assert.equal(r.json.error.message_en, wrong.json.error.message_en);
  assertBilingual(r.json.error);
});

test('login body: missing password is 400 naming it, not 401', async () => {
  const r = await new Client(srv.url).post('/api/v1/session', { username: 'cy_stat' });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'password');
  assertBilingual(r.json.error);
});

test('a successful login resets the failure count', async () => {
  const c = new Client(srv.url);
  for (let i = 0; i < 4; i++)
    assert.equal((await c.login('cy_service', 'Wrong@2026')).status, 401);
  assert.equal((await c.login('cy_service')).status, 200);
  for (let i = 0; i < 4; i++)
    assert.equal((await new Client(srv.url).login('cy_service', 'Wrong@2026')).status, 401,
      `failure ${i + 1} after a good login is not a lockout`);
  assert.equal((await new Client(srv.url).login('cy_service')).status, 200);
});

test('lockout: the 5th wrong password gives 423, then even the right one is 423', async () => {
  const c = new Client(srv.url);
  for (let i = 1; i <= 4; i++) {
    const r = await c.login('cy_invest', 'Wrong@2026');
    assert.equal(r.status, 401, `attempt ${i}`);
  }
  const fifth = await c.login('cy_invest', 'Wrong@2026');
  assert.equal(fifth.status, 423);
  assert.equal(fifth.json.error.code, 'locked');
  assertBilingual(fifth.json.error);
  const right = await c.login('cy_invest');
  assert.equal(right.status, 423, 'a locked account refuses the right password');
  assert.equal(right.headers.get('set-cookie'), null);
  const id = await userId('cy_invest');
  const u = await secadmin.get(`/api/v1/users/${id}`);
  assert.equal(u.json.locked, true);
  assert.ok(u.json.locked_until > Date.now() / 1000 + 25 * 60, 'locked for the default 30 minutes');
});

test('secadmin unlocks: POST /users/{id}/unlock, then the login works', async () => {
  const id = await userId('cy_invest');
  assert.equal((await new Client(srv.url).login('cy_invest')).status, 423, 'still locked');
  const r = await secadmin.post(`/api/v1/users/${id}/unlock`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.locked, false);
  const again = await new Client(srv.url).login('cy_invest');
  assert.equal(again.status, 200, again.text);
});

test('the lockout threshold is configurable (--lockout-threshold 3)', async () => {
  const s3 = await startDemo(['--lockout-threshold', '3']);
  try {
    const c = new Client(s3.url);
    assert.equal((await c.login('cy_stat', 'Wrong@2026')).status, 401);
    assert.equal((await c.login('cy_stat', 'Wrong@2026')).status, 401);
    const third = await c.login('cy_stat', 'Wrong@2026');
    assert.equal(third.status, 423);
    assert.match(third.json.error.message_en, /3 wrong passwords/);
    assert.equal((await c.login('cy_stat')).status, 423);
  } finally {
    await s3.stop();
  }
});

test('idle timeout: with --session-idle-minutes 0 a request a second later is 401', async () => {
  const s0 = await startDemo(['--session-idle-minutes', '0']);
  try {
    const c = await loginAs(s0.url, 'cy_leader');
    const cookie = c.cookie;
    await sleep(1100);
    const r = await c.get('/api/v1/me');
    assert.equal(r.status, 401);
    assert.match(r.json.error.message_en, /timed out/);
    assertBilingual(r.json.error);
    assert.match(r.headers.get('set-cookie') || '', /guatu_session=;.*Max-Age=0/i, 'the cookie is cleared');
    // The session is gone server-side: the old cookie stays refused.
    const old = new Client(s0.url);
    old.cookie = cookie;
    assert.equal((await old.get('/api/v1/me')).status, 401);
  } finally {
    await s0.stop();
  }
});

test('idle timeout control: with the default 30 minutes the session survives the same pause', async () => {
  const c = await loginAs(srv.url, 'cy_leader');
  await sleep(1100);
  assert.equal((await c.get('/api/v1/me')).status, 200);
});

test('logout ends the session server-side; other sessions of the user stay', async () => {
  const a = await loginAs(srv.url, 'cy_stat');
  const b = await loginAs(srv.url, 'cy_stat');
  const oldCookie = a.cookie, oldCsrf = a.csrf;
  const r = await a.del('/api/v1/session');
  assert.equal(r.status, 204);
  assert.match(r.headers.get('set-cookie') || '', /guatu_session=;.*Max-Age=0/i);
  const replay = new Client(srv.url);
  replay.cookie = oldCookie;
  replay.csrf = oldCsrf;
  assert.equal((await replay.get('/api/v1/me')).status, 401, 'the old cookie is refused');
  assert.equal((await replay.get('/api/v1/enterprises')).status, 401);
  assert.equal((await b.get('/api/v1/me')).status, 200, 'the other session is untouched');
});

test('no cookie, a garbage cookie: 401', async () => {
  const anon = new Client(srv.url);
  const r = await anon.get('/api/v1/me');
  assert.equal(r.status, 401);
  assertBilingual(r.json.error);
  anon.cookie = 'guatu_session=' + 'ab'.repeat(32);
  assert.equal((await anon.get('/api/v1/me')).status, 401);
});

test('forced password change: cy_newuser may read /me but nothing else until the change', async () => {
  const c = await loginAs(srv.url, 'cy_newuser');
  assert.equal(c.user.must_change_password, true);
  const me = await c.get('/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal(me.json.user.must_change_password, true);
  const ents = await c.get('/api/v1/enterprises');
  assert.equal(ents.status, 403);
  assert.equal(ents.json.error.field, 'password');
  assertBilingual(ents.json.error);
  assert.equal((await c.get('/api/v1/roles')).status, 403);
  assert.equal((await c.post('/api/v1/tokens', { name: 'x' })).status, 403);

  const change = (old_password, new_password) => c.post('/api/v1/me/password', { old_password, new_password });
  for (const [pw, why] of [['Ab1!xyz', 'too short'], ['abcdefghijkl', 'one class'],
    ['abcdefgh1234', 'two classes'], ['Cy_NewUser#2026', 'contains the username']]) {
    const r = await change(DEMO_PASSWORD, pw);
    assert.equal(r.status, 400, `${why}: ${r.text}`);
    assert.equal(r.json.error.field, 'new_password', why);
    assertBilingual(r.json.error);
  }
  const sameAsOld = await change(DEMO_PASSWORD, DEMO_PASSWORD);
  assert.equal(sameAsOld.status, 400);
  assert.equal(sameAsOld.json.error.field, 'new_password');
  const wrongOld = await change('Wrong@2026x', 'Xin#Tong2026');
  assert.equal(wrongOld.status, 400);
  assert.equal(wrongOld.json.error.field, 'old_password');
  assertBilingual(wrongOld.json.error);
  const missing = await c.post('/api/v1/me/password', { new_password: 'Xin#Tong2026' });
  assert.equal(missing.status, 400);
  assert.equal(missing.json.error.field, 'old_password');
  // Still forced after all the refusals.
  assert.equal((await c.get('/api/v1/enterprises')).status, 403);

  const ok = await change(DEMO_PASSWORD, 'Xin#Tong2026');
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.user.must_change_password, false);
  assert.equal((await c.get('/api/v1/enterprises')).status, 200, 'the same session now works');
  assert.equal((await new Client(srv.url).login('cy_newuser')).status, 401, 'the old password is gone');
  const fresh = await new Client(srv.url).login('cy_newuser', 'Xin#Tong2026');
  assert.equal(fresh.status, 200);
  assert.equal(fresh.json.user.must_change_password, false);
});

test('changing one\'s own password ends the other sessions, keeps this one', async () => {
  const a = await loginAs(srv.url, 'ed_staff');
  const b = await loginAs(srv.url, 'ed_staff');
  const r = await a.post('/api/v1/me/password', { old_password: DEMO_PASSWORD, new_password: 'Ed#Staff2026' });
  assert.equal(r.status, 200, r.text);
  assert.equal((await a.get('/api/v1/me')).status, 200, 'the session that changed it stays');
  assert.equal((await b.get('/api/v1/me')).status, 401, 'another session (maybe someone who knew the old password) ends');
});

test('bearer tokens: shown once, work without CSRF, revoked tokens are 401', async () => {
  const leader = await loginAs(srv.url, 'cy_leader');
  const created = await leader.post('/api/v1/tokens', { name: '数据对接' });
  assert.equal(created.status, 201, created.text);
  const { id, token } = created.json;
  assert.equal(typeof id, 'number');
  assert.match(token, /^gt_[0-9a-f]{32,}$/);
  assert.equal(created.json.name, '数据对接');

  const list = await leader.get('/api/v1/tokens');
  assert.equal(list.status, 200);
  const item = list.json.items.find((t) => t.id === id);
  assert.ok(item, 'the token is listed');
  assert.equal(item.name, '数据对接');
  assert.equal(item.revoked, false);
  assert.ok(!('token' in item), 'the list never shows the secret');
  assert.ok(!list.text.includes(token.slice(3)), 'the secret is shown only once');

  const bearer = new Client(srv.url, token); // no cookie, no CSRF token
  const me = await bearer.get('/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal(me.json.user.username, 'cy_leader');
  const w = await bearer.post('/api/v1/enterprises', { name: '令牌写入测试有限公司', region: '220104' });
  assert.equal(w.status, 201, 'a bearer token writes without a CSRF token: ' + w.text);
  const used = (await leader.get('/api/v1/tokens')).json.items.find((t) => t.id === id);
  assert.ok(used.last_used_at > 0, 'last_used_at is recorded');

  assert.equal((await new Client(srv.url, 'gt_' + '0'.repeat(64)).get('/api/v1/me')).status, 401);
  assert.equal((await new Client(srv.url, token + '0').get('/api/v1/me')).status, 401);

  // Another user cannot revoke it, nor learn that it exists.
  const other = await loginAs(srv.url, 'city_leader');
  const steal = await other.del(`/api/v1/tokens/${id}`);
  assert.equal(steal.status, 404);
  assert.equal((await bearer.get('/api/v1/me')).status, 200, 'still valid after the refused revoke');
  assert.equal((await other.del('/api/v1/tokens/999999')).status, 404);

  const rev = await leader.del(`/api/v1/tokens/${id}`);
  assert.equal(rev.status, 204);
  const after = await bearer.get('/api/v1/me');
  assert.equal(after.status, 401);
  assertBilingual(after.json.error);
  assert.equal((await bearer.post('/api/v1/enterprises', { name: '吊销后写入有限公司', region: '220104' })).status, 401);
  const listed = (await leader.get('/api/v1/tokens')).json.items.find((t) => t.id === id);
  assert.equal(listed.revoked, true);
});

test('a bearer token of a user who is then disabled stops working', async () => {
  const sys = await loginAs(srv.url, 'sysadmin');
  const u = await loginAs(srv.url, 'cy_auditor');
  const t = await u.post('/api/v1/tokens', { name: 'audit export' });
  assert.equal(t.status, 201);
  const bearer = new Client(srv.url, t.json.token);
  assert.equal((await bearer.get('/api/v1/audit')).status, 200);
  const id = u.user.id;
  const cur = await sys.get(`/api/v1/users/${id}`);
  const dis = await sys.patch(`/api/v1/users/${id}`, { disabled: true }, { 'If-Match': cur.headers.get('etag') });
  assert.equal(dis.status, 200, dis.text);
  assert.equal((await bearer.get('/api/v1/me')).status, 401);
  assert.equal((await u.get('/api/v1/me')).status, 401, 'the session ended too');
  const cur2 = await sys.get(`/api/v1/users/${id}`);
  const en = await sys.patch(`/api/v1/users/${id}`, { disabled: false }, { 'If-Match': cur2.headers.get('etag') });
  assert.equal(en.status, 200);
  assert.equal((await bearer.get('/api/v1/me')).status, 200, 'enabled again, the token works again');
});
