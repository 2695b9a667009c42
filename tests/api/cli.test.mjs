// The command line: help for every command, user add/list/passwd, backup and
// restore, migrate, version, and the precedence of configuration layers
// (file < environment < flags).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, Client, guatu, verify, BACKEND, BIN, ROOT } from './lib/server.mjs';

// The commands the operator needs; every command `guatu --help` lists is
// checked too.
const REQUIRED = ['serve', 'demo', 'migrate', 'backup', 'restore', 'verify', 'user add', 'user list',
  'user passwd', 'version'];
const LISTED = (() => {
  const out = spawnSync(BIN, ['--help'], { encoding: 'utf8' }).stdout || '';
  const section = out.split(/\ncommands:\n/)[1] || '';
  return section.split('\n').map((l) => l.match(/^  (\S+(?: \S+)?)\s{2,}/)).filter(Boolean).map((m) => m[1]);
})();
const COMMANDS = [...new Set([...REQUIRED, ...LISTED])];

let srv, work;
before(async () => {
  srv = await startDemo();
  work = mkdtempSync(join(tmpdir(), 'guatu-cli-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

const hasChinese = (s) => /[\u4e00-\u9fff]/.test(s);
const userList = () => {
  const r = guatu(['user', 'list', '--db', srv.db]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};
const listed = (name) => new RegExp(`^\\d+\\s+${name}\\s`, 'm').test(userList());

test('guatu --help prints the usage and every command', () => {
  const r = guatu(['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /usage: guatu <command>/);
  for (const c of REQUIRED) assert.ok(LISTED.includes(c), `lists ${c}`);
  assert.ok(hasChinese(r.stdout));
  const bare = guatu([]);
  assert.equal(bare.status, 2, 'no command is a usage error');
  assert.match(bare.stdout, /usage: guatu <command>/);
  assert.equal(guatu(['help']).status, 0);
});

for (const cmd of COMMANDS) {
  test(`guatu ${cmd} --help exits 0 and prints its usage`, () => {
    const r = guatu([...cmd.split(' '), '--help']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`usage: guatu ${cmd}\\b`));
    assert.match(r.stdout, /--help/);
    assert.ok(hasChinese(r.stdout), 'a Chinese summary');
    assert.equal(guatu([...cmd.split(' '), '-h']).status, 0, '-h too');
  });
}

test('serve --help documents every setting with its default', () => {
  const r = guatu(['serve', '--help']);
  for (const opt of ['--db', '--listen', '--lockout-threshold', '--session-idle-minutes', '--max-body'])
    assert.match(r.stdout, new RegExp(`${opt}\\s.*\\(default `), opt);
  assert.match(r.stdout, /--lockout-threshold\s.*\(default 5\)/);
  assert.match(r.stdout, /--session-idle-minutes\s.*\(default 30\)/);
});

test('an unknown command or option is a usage error (exit 2)', () => {
  const u = guatu(['frobnicate']);
  assert.equal(u.status, 2);
  assert.match(u.stderr, /unknown command/);
  const o = guatu(['migrate', '--db', srv.db, '--no-such-option', '1']);
  assert.equal(o.status, 2);
  assert.match(o.stderr, /unknown or incomplete option/);
  const extra = guatu(['version', 'extra']);
  assert.equal(extra.status, 2);
});

test('guatu config prints a sample configuration that guatu reads back', () => {
  const r = guatu(['config']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^\[guatu\]$/m);
  assert.match(r.stdout, /^lockout_threshold = 5$/m);
  assert.match(r.stdout, /^session_idle_minutes = 30$/m);
  const file = join(work, 'sample.ini');
  writeFileSync(file, r.stdout);
  const m = guatu(['migrate', '--config', file, '--db', srv.db]);
  assert.equal(m.status, 0, m.stderr);
});

test('guatu region add adds a region the API then serves', async () => {
  const r = guatu(['region', 'add', '220188', '命令行测试区', '--parent', '220100', '--name-en', 'CLI Test', '--db', srv.db]);
  assert.equal(r.status, 0, r.stderr);
  const c = new Client(srv.url);
  assert.equal((await c.login('city_leader')).status, 200);
  const g = await c.get('/api/v1/regions/220188');
  assert.equal(g.status, 200);
  assert.equal(g.json.name, '命令行测试区');
  assert.equal(g.json.parent, '220100');
  for (const [args, why] of [
    [['220188', '重复'], 'duplicate'], [['22018', '短'], 'bad code'], [['220189', '无上级'], 'no parent'],
    [['220189', '错上级', '--parent', '220105'], 'wrong parent'],
  ]) {
    const bad = guatu(['region', 'add', ...args, '--db', srv.db]);
    assert.notEqual(bad.status, 0, why);
    assert.ok(hasChinese(bad.stderr) && /error/.test(bad.stderr), why);
  }
  assert.equal((await c.get('/api/v1/regions/220189')).status, 404);
  const prov = guatu(['region', 'add', '210000', '辽宁省', '--db', srv.db]);
  assert.equal(prov.status, 0, 'a province needs no parent: ' + prov.stderr);
});

test('guatu version', () => {
  const r = guatu(['version']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^guatu \d+\.\d+\.\d+ \(schema \d+\)\n$/);
});

test('guatu user add --password-stdin creates a user who logs in and must change the password', async () => {
  const r = guatu(['user', 'add', 'wang_wu', '--role', 'staff', '--region', '220104', '--display-name', '王五',
    '--db', srv.db, '--password-stdin'], 'Wang#Wu2026\n');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /wang_wu/);
  assert.ok(!r.stdout.includes('Wang#Wu2026') && !r.stderr.includes('Wang#Wu2026'), 'the password is not echoed');
  const c = new Client(srv.url);
  const login = await c.login('wang_wu', 'Wang#Wu2026');
  assert.equal(login.status, 200, login.text);
  assert.equal(login.json.user.must_change_password, true);
  assert.equal(login.json.user.display_name, '王五');
  assert.equal(login.json.user.role, 'staff');
  assert.equal(login.json.user.region, '220104');
  assert.equal((await c.get('/api/v1/enterprises')).status, 403, 'must change first');
  // The creation is in the audit log, by "cli".
  const aud = new Client(srv.url);
  await aud.login('auditadmin');
  const rec = await aud.get('/api/v1/audit?actor=cli&action=create&object_type=user');
  assert.ok(rec.json.items.some((i) => i.after && i.after.username === 'wang_wu'));
});

test('guatu user add refuses a weak password with a Chinese and English message', () => {
  for (const [pw, why] of [['weak', 'too short'], ['alllowercase', 'one class'], ['Zhao_Liu#2026', 'contains the username']]) {
    const r = guatu(['user', 'add', 'zhao_liu', '--role', 'staff', '--region', '220104', '--db', srv.db, '--password-stdin'], pw + '\n');
    assert.notEqual(r.status, 0, why);
    assert.ok(hasChinese(r.stderr), `${why}: Chinese`);
    assert.match(r.stderr, /error: .*password/i, `${why}: English`);
  }
  assert.ok(!listed('zhao_liu'), 'not created');
});

test('guatu user add: other refusals', () => {
  const base = ['user', 'add', 'sun_qi', '--db', srv.db];
  const cases = [
    [[...base, '--role', 'staff', '--region', '220104'], 'Sun#Qi2026x\n', 'no --password-stdin'],
    [[...base, '--role', 'staff', '--region', '220104', '--password-stdin'], '', 'nothing on stdin'],
    [[...base, '--role', 'mayor', '--region', '220104', '--password-stdin'], 'Sun#Qi2026x\n', 'unknown role'],
    [[...base, '--role', 'staff', '--region', '2201', '--password-stdin'], 'Sun#Qi2026x\n', 'bad region'],
    [['user', 'add', 'wang_wu', '--db', srv.db, '--role', 'staff', '--region', '220104', '--password-stdin'], 'Wang#Wu2027\n', 'duplicate'],
  ];
  for (const [args, input, why] of cases) {
    const r = guatu(args, input);
    assert.notEqual(r.status, 0, why);
    assert.ok(hasChinese(r.stderr) && /error/i.test(r.stderr), `${why}: ${r.stderr}`);
  }
  assert.ok(!listed('sun_qi'));
});

test('guatu user list shows the accounts', () => {
  const out = userList();
  assert.match(out, /^id\s+username\s+role\s+region/m);
  for (const [name, role, region] of [['sysadmin', 'sysadmin', '220100'], ['cy_leader', 'leader', '220104'],
    ['ed_leader', 'leader', '220105'], ['wang_wu', 'staff', '220104']])
    assert.match(out, new RegExp(`^\\d+\\s+${name}\\s+${role}\\s+${region}\\s`, 'm'), name);
});

test('guatu user passwd resets a password: old one gone, must change, sessions ended', async () => {
  const c = new Client(srv.url);
  assert.equal((await c.login('cy_stat')).status, 200);
  const r = guatu(['user', 'passwd', 'cy_stat', '--db', srv.db, '--password-stdin'], 'Cli#Reset2026\n');
  assert.equal(r.status, 0, r.stderr);
  assert.equal((await c.get('/api/v1/me')).status, 401, 'the session ended');
  assert.equal((await new Client(srv.url).login('cy_stat')).status, 401, 'the old password is gone');
  const again = await new Client(srv.url).login('cy_stat', 'Cli#Reset2026');
  assert.equal(again.status, 200);
  assert.equal(again.json.user.must_change_password, true);

  const weak = guatu(['user', 'passwd', 'cy_stat', '--db', srv.db, '--password-stdin'], 'weak\n');
  assert.notEqual(weak.status, 0);
  assert.ok(hasChinese(weak.stderr) && /error/.test(weak.stderr));
  const ghost = guatu(['user', 'passwd', 'no_such_user', '--db', srv.db, '--password-stdin'], 'Ghost#User2026\n');
  assert.notEqual(ghost.status, 0);
});

test('guatu user passwd unlocks a locked account', async () => {
  for (let i = 0; i < 5; i++) await new Client(srv.url).login('cy_invest', 'Wrong@2026');
  assert.equal((await new Client(srv.url).login('cy_invest')).status, 423);
  const r = guatu(['user', 'passwd', 'cy_invest', '--db', srv.db, '--password-stdin'], 'Unlock#Cli2026\n');
  assert.equal(r.status, 0, r.stderr);
  assert.equal((await new Client(srv.url).login('cy_invest', 'Unlock#Cli2026')).status, 200);
});

test('guatu migrate is idempotent', () => {
  const before = userList();
  const a = guatu(['migrate', '--db', srv.db]);
  const b = guatu(['migrate', '--db', srv.db]);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(b.status, 0, b.stderr);
  assert.match(a.stdout, /schema version (\d+) \(latest \1\)/);
  assert.equal(a.stdout, b.stdout);
  assert.equal(userList(), before, 'the data is unchanged');
  assert.equal(verify(srv.db).status, 0);
});

test('guatu migrate creates the schema of a new SQLite database', () => {
  const file = join(work, 'fresh.db');
  const r = guatu(['migrate', '--db', file]);
  assert.equal(r.status, 0, r.stderr);
  const v = guatu(['version']).stdout.match(/schema (\d+)/)[1];
  assert.match(r.stdout, new RegExp(`schema version ${v} \\(latest ${v}\\)`));
  assert.equal(guatu(['migrate', '--db', file]).status, 0);
  assert.equal(verify(file).status, 0, 'an empty log is intact');
});

const pgTools = spawnSync('sh', ['-c', 'command -v pg_dump && command -v pg_restore'], { encoding: 'utf8' }).status === 0;

test(`guatu backup then restore brings the data back (${BACKEND})`, async () => {
  const file = join(work, BACKEND === 'postgres' ? 'guatu.dump' : 'backup.db');
  const b = guatu(['backup', file, '--db', srv.db]);
  if (BACKEND === 'postgres' && !pgTools) {
    // Without the PostgreSQL client tools the commands must say so plainly.
    assert.notEqual(b.status, 0);
    assert.match(b.stderr, /postgresql-client/);
    return;
  }
  assert.equal(b.status, 0, b.stderr);
  assert.ok(existsSync(file) && statSync(file).size > 0, 'the backup file exists');
  const again = guatu(['backup', file, '--db', srv.db]);
  assert.notEqual(again.status, 0, 'an existing file is not overwritten');

  // Change data after the backup.
  const add = guatu(['user', 'add', 'after_backup', '--role', 'staff', '--region', '220104', '--db', srv.db,
    '--password-stdin'], 'After#Backup2026\n');
  assert.equal(add.status, 0, add.stderr);
  const leader = new Client(srv.url);
  assert.equal((await leader.login('cy_leader')).status, 200);
  const ent = await leader.post('/api/v1/enterprises', { name: '备份之后登记有限公司', region: '220104' });
  assert.equal(ent.status, 201);
  assert.ok(listed('after_backup'));

  const r = guatu(['restore', file, '--db', srv.db]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!listed('after_backup'), 'the user added after the backup is gone');
  assert.ok(listed('wang_wu'), 'the user added before the backup is back');
  assert.equal(verify(srv.db).status, 0, 'the restored audit chain is intact');
  assert.equal((await new Client(srv.url).login('after_backup', 'After#Backup2026')).status, 401);
  const c = new Client(srv.url);
  assert.equal((await c.login('cy_leader')).status, 200, 'the server works on the restored data');
  const q = await c.get(`/api/v1/enterprises?q=${encodeURIComponent('备份之后登记')}`);
  assert.equal(q.json.total, 0, 'the enterprise registered after the backup is gone');

  assert.notEqual(guatu(['restore', join(work, 'missing.db'), '--db', srv.db]).status, 0, 'a missing file');
  if (BACKEND === 'sqlite') {
    const junk = join(work, 'junk.db');
    writeFileSync(junk, 'not a database');
    assert.notEqual(guatu(['restore', junk, '--db', srv.db]).status, 0, 'not a backup');
    assert.ok(listed('wang_wu'), 'a refused restore changed nothing');
  }
});

// ---------------------------------------------------------------- configuration layers

async function failuresUntilLocked(url) {
  for (let n = 1; n <= 10; n++) {
    const r = await new Client(url).login('cy_leader', 'Wrong@2026');
    if (r.status === 423) return n;
    assert.equal(r.status, 401);
  }
  return Infinity;
}

test('configuration: file < environment < flag (counted in failures until 423)', async () => {
  const conf = join(work, 'guatu.ini');
  writeFileSync(conf, '[guatu]\nlockout_threshold = 2\n');
  const layers = [
    ['file', ['--config', conf], {}, 2],
    ['file + env', ['--config', conf], { GUATU_LOCKOUT_THRESHOLD: '3' }, 3],
    ['file + env + flag', ['--config', conf, '--lockout-threshold', '4'], { GUATU_LOCKOUT_THRESHOLD: '3' }, 4],
    ['flag before --config', ['--lockout-threshold', '4', '--config', conf], { GUATU_LOCKOUT_THRESHOLD: '3' }, 4],
  ];
  for (const [what, flags, env, want] of layers) {
    const s = await startDemo(flags, env);
    try {
      assert.equal(await failuresUntilLocked(s.url), want, what);
    } finally {
      await s.stop();
    }
  }
});

test('configuration: an unknown setting or a bad value is refused with a message', () => {
  const bad = join(work, 'bad.ini');
  writeFileSync(bad, '[guatu]\nno_such_setting = 1\n');
  const r = guatu(['migrate', '--db', srv.db, '--config', bad]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no_such_setting/);
  assert.ok(hasChinese(r.stderr));
  const env = spawnSync(BIN, ['migrate', '--db', srv.db],
    { encoding: 'utf8', env: { ...process.env, GUATU_LOCKOUT_THRESHOLD: 'many' } });
  assert.equal(env.status, 2);
  assert.match(env.stderr, /lockout_threshold/);
  // (Were the value accepted, the server would start: it is killed after 5 s.)
  const flag = spawnSync(BIN, ['serve', '--db', srv.db, '--listen', '127.0.0.1:0', '--lockout-threshold', '-1'],
    { encoding: 'utf8', timeout: 5000 });
  assert.equal(flag.status, 2);
  assert.equal(guatu(['migrate', '--db', srv.db, '--config', join(work, 'missing.ini')]).status, 2);
});

test('docs/guatu.ini.sample is exactly what `guatu config` prints (every setting documented)', () => {
  const r = guatu(['config']);
  assert.equal(r.status, 0);
  const sample = readFileSync(join(ROOT, 'docs/guatu.ini.sample'), 'utf8');
  assert.equal(sample, r.stdout, 'regenerate it with: build/guatu config > docs/guatu.ini.sample');
});
