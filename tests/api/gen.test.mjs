// guatu gen (the benchmark data generator), as a small smoke run: counts,
// valid credit codes and Chinese names, determinism for a seed, and a
// different seed giving different data. It writes SQLite files of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { guatu, creditCheckChar } from './lib/server.mjs';

const dir = mkdtempSync(join(tmpdir(), 'guatu-gen-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function gen(name, seed, n) {
  const db = join(dir, name);
  const r = guatu(['gen', '--scale', 'district', '--enterprises', String(n), '--seed', String(seed), '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  return db;
}
const rows = (db) => spawnSync('sqlite3', [db, 'SELECT credit_code, name, region, industry FROM enterprises ORDER BY id'],
  { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout.trim().split('\n');

test('gen writes the asked number of enterprises with valid codes and Chinese names', () => {
  const db = gen('a.db', 7, 3000);
  const r = rows(db);
  assert.equal(r.length, 3000);
  const codes = new Set();
  for (const line of r) {
    const [code, name, region, industry] = line.split('|');
    assert.equal(code.length, 18, line);
    assert.equal(code[17], creditCheckChar(code.slice(0, 17)), `valid check character: ${code}`);
    assert.equal(code.slice(2, 8), region, 'the code carries the division of its region');
    assert.match(name, /^[\u4e00-\u9fff]+(有限公司|有限责任公司|股份有限公司|集团有限公司)$/);
    assert.match(industry, /^[A-T]\d{4}$/);
    codes.add(code);
  }
  assert.equal(codes.size, 3000, 'codes are unique');
  const regions = new Set(r.map((l) => l.split('|')[2]));
  assert.equal(regions.size, 17, 'spread over the 17 units of a city');
});

test('the same seed gives the same data; another seed different data', () => {
  const a = rows(gen('b1.db', 42, 1000));
  const b = rows(gen('b2.db', 42, 1000));
  const c = rows(gen('c.db', 43, 1000));
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('bad arguments are refused in both languages', () => {
  const r = guatu(['gen', '--scale', 'galaxy', '--db', join(dir, 'x.db')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /错误/);
  assert.match(r.stderr, /error/);
});

test('the full-text index is built: a Chinese substring finds generated names', () => {
  const db = gen('d.db', 5, 2000);
  const fts = spawnSync('sqlite3', [db, `SELECT COUNT(*) FROM enterprises_fts WHERE enterprises_fts MATCH '"有限公司"'`], { encoding: 'utf8' });
  const like = spawnSync('sqlite3', [db, `SELECT COUNT(*) FROM enterprises WHERE name LIKE '%有限公司%'`], { encoding: 'utf8' });
  assert.equal(fts.stdout.trim(), like.stdout.trim());
  assert.ok(Number(fts.stdout) > 0);
});
