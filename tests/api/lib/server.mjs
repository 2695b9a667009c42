// Starts the real guatu binary on a demo database (SQLite in a temp dir, or
// the PostgreSQL server named by GUATU_TEST_PG_URL when GUATU_TEST_BACKEND=postgres)
// on a free loopback port, and stops it (by its PID) when the test file ends.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { request as httpRequest } from 'node:http';
import { after } from 'node:test';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const BIN = process.env.GUATU_BIN || join(ROOT, 'build/guatu');
export const BACKEND = process.env.GUATU_TEST_BACKEND || 'sqlite';
export const DEMO_PASSWORD = 'Guatu@2026';

export function dbUrl(dir) {
  if (BACKEND === 'postgres') {
    if (!process.env.GUATU_TEST_PG_URL) throw new Error('GUATU_TEST_PG_URL is not set');
    return process.env.GUATU_TEST_PG_URL;
  }
  return join(dir, 'guatu.db');
}

// Runs a guatu command to completion; returns {status, stdout, stderr}.
export function guatu(args, input) {
  const r = spawnSync(BIN, args, { input: input ?? '', encoding: 'utf8', timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// On PostgreSQL every server gets a database of its own, created next to the
// one named by GUATU_TEST_PG_URL (demo drops and recreates the schema it is
// given, so two servers of one test file must not share a database). Falls
// back to the shared database when the role may not create databases.
let pgSeq = 0;
export function freshDb(dir) {
  const base = dbUrl(dir);
  if (BACKEND !== 'postgres') return { db: base, drop: () => {} };
  const name = `guatu_t_${process.pid}_${++pgSeq}`;
  const r = spawnSync('psql', [base, '-v', 'ON_ERROR_STOP=1', '-qAtc', `CREATE DATABASE ${name}`],
    { encoding: 'utf8' });
  if (r.status !== 0) return { db: base, drop: () => {} };
  const u = new URL(base);
  u.pathname = '/' + name;
  return {
    db: u.toString(),
    drop: () => spawnSync('psql', [base, '-qAtc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`],
      { encoding: 'utf8' }),
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// GB 32100-2015 unified social credit codes.
export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function creditCheckChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return CREDIT_ALPHABET[c === 31 ? 0 : c];
}
let creditSeq = 0;
// A valid code of division `region` whose organisation part is unique in this process.
export function validCreditCode(region = '220104') {
  let n = (process.pid * 7919 + Date.now() + ++creditSeq * 104729) % (31 ** 6);
  let org = '';
  for (let i = 0; i < 6; i++) { org += CREDIT_ALPHABET[n % 31]; n = Math.floor(n / 31); }
  const first17 = `91${region}MA${org}${CREDIT_ALPHABET[creditSeq % 31]}`;
  return first17 + creditCheckChar(first17);
}

// Servers still running when the test file ends are stopped by one root-level
// hook, registered here at import time: an after() called from inside a
// before() hook or a test would stop the server as soon as that hook ends.
const running = new Set();
after(async () => { for (const stop of [...running]) await stop(); });
process.on('exit', () => { for (const stop of running) stop.kill(); });

// Starts `guatu demo` with extra flags; resolves to {url, db, dir, proc, stop}.
// Spawns `guatu <args> --listen 127.0.0.1:0` and waits for the banner with
// its URL; resolves to {proc, url, stderr()}.
export async function spawnServer(args, env = {}) {
  const proc = spawn(BIN, [...args, '--listen', '127.0.0.1:0', '--log-level', 'warn'], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '', err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const url = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error('server did not start: ' + err)), 30000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); res(`http://127.0.0.1:${m[1]}`); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); rej(new Error(`server exited ${code}: ${err}`)); });
  });
  return { proc, url, stderr: () => err };
}

export async function startDemo(extra = [], env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'guatu-api-'));
  const { db, drop } = freshDb(dir);
  const { proc, url, stderr } = await spawnServer(['demo', '--db', db, ...extra], env);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    running.delete(stop);
    const exited = new Promise((r) => (proc.exitCode !== null || proc.signalCode !== null ? r() : proc.on('exit', r)));
    proc.kill('SIGTERM');
    // A server that does not stop within 10 s is killed (and the test that
    // hung it fails on its own assertions).
    const t = setTimeout(() => proc.kill('SIGKILL'), 10000);
    await exited;
    clearTimeout(t);
    rmSync(dir, { recursive: true, force: true });
    drop();
  };
  stop.kill = () => { try { proc.kill('SIGKILL'); } catch { /* gone */ } };
  running.add(stop);
  return { url, db, dir, proc, stop, stderr };
}

// A logged-in client: keeps the session cookie and sends the CSRF token.
export class Client {
  constructor(base, token = '') { this.base = base; this.cookie = ''; this.csrf = ''; this.user = null; this.token = token; }

  async req(method, path, body, headers = {}) {
    const h = { ...headers };
    if (this.token && !('Authorization' in h)) h.Authorization = `Bearer ${this.token}`;
    if (this.cookie) h.Cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('X-CSRF-Token' in h)) h['X-CSRF-Token'] = this.csrf;
    let payload;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      if (!('Content-Type' in h)) h['Content-Type'] = 'application/json';
    }
    // A request that hangs fails after 20 s instead of stalling the suite.
    const r = await fetch(this.base + path, {
      method, headers: h, body: payload, redirect: 'manual', signal: AbortSignal.timeout(20000),
    });
    const sc = r.headers.get('set-cookie');
    if (sc) {
      const m = sc.match(/guatu_session=([^;]*)/);
      if (m) this.cookie = m[1] ? `guatu_session=${m[1]}` : '';
    }
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    return { status: r.status, json, text, headers: r.headers };
  }

  get(p, h) { return this.req('GET', p, undefined, h); }
  post(p, b, h) { return this.req('POST', p, b, h); }
  patch(p, b, h) { return this.req('PATCH', p, b, h); }
  del(p, h) { return this.req('DELETE', p, undefined, h); }

  async login(username, password = DEMO_PASSWORD) {
    const r = await this.post('/api/v1/session', { username, password });
    if (r.status === 200) { this.csrf = r.json.csrf_token; this.user = r.json.user; }
    return r;
  }
}

export async function loginAs(base, username, password) {
  const c = new Client(base);
  const r = await c.login(username, password);
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${r.text}`);
  return c;
}

// Runs `guatu verify` on the database; returns {status, stdout}.
export function verify(db) {
  return guatu(['verify', '--db', db]);
}

// Executes SQL directly against the test database (to simulate tampering).
export function sql(db, statement) {
  const r = BACKEND === 'postgres'
    ? spawnSync('psql', [db, '-v', 'ON_ERROR_STOP=1', '-qAtc', statement], { encoding: 'utf8' })
    : spawnSync('sqlite3', [db, statement], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sql failed: ${r.stderr}`);
  return r.stdout.trim();
}

// Sends only the headers of a request that announces `length` bytes, and
// reads the answer the server gives before any of the body arrives.
export function announceBody(url, length, headers) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = httpRequest({
      host: u.hostname, port: u.port, path: u.pathname, method: 'POST',
      headers: { ...headers, 'Content-Length': String(length) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => { resolve({ status: res.statusCode, text }); req.destroy(); });
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error('no answer within 5 s')));
    req.flushHeaders();
  });
}
