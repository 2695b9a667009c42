// Keeps docs/api.md in step with the route table in src/api/routes.c: every
// route must have a heading "### METHOD /api/v1/path" (placeholders such as
// {id} and {code} written exactly as in routes.c), and every such heading
// must name a route that exists. Reads two files; needs no server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const ROUTES_C = join(ROOT, 'src/api/routes.c');
const API_MD = join(ROOT, 'docs/api.md');
const METHODS = 'GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS';

// Removes /* ... */ and // comments so that commented-out entries do not count.
function stripComments(c) {
  return c.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

// "METHOD /api/v1/..." for every { "METHOD", "/api/v1/...", ... } entry.
export function routesFromC(source) {
  const re = new RegExp(`\\{\\s*"(${METHODS})"\\s*,\\s*"(/api/v1/[^"]*)"`, 'g');
  const out = [];
  for (const m of stripComments(source).matchAll(re)) out.push(`${m[1]} ${m[2]}`);
  return out;
}

// "METHOD /api/..." for every "### METHOD /api/..." heading, outside code fences.
export function routesFromMd(markdown) {
  const out = [];
  let fenced = false;
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) { fenced = !fenced; continue; }
    if (fenced) continue;
    const m = line.match(new RegExp(`^###\\s+(${METHODS})\\s+(/api/\\S*)\\s*$`));
    if (m) out.push(`${m[1]} ${m[2]}`);
  }
  return out;
}

const code = routesFromC(readFileSync(ROUTES_C, 'utf8'));
const documented = routesFromMd(readFileSync(API_MD, 'utf8'));

test('routes.c has routes to check', () => {
  assert.ok(code.length > 0, `no { "METHOD", "/api/v1/..." } entries found in ${ROUTES_C}`);
});

test('every route in src/api/routes.c is documented in docs/api.md', () => {
  const have = new Set(documented);
  const missing = code.filter((r) => !have.has(r));
  assert.deepEqual(missing, [],
    `docs/api.md lacks a heading for: ${missing.map((r) => `"### ${r}"`).join(', ')}`);
});

test('docs/api.md documents no route that src/api/routes.c lacks', () => {
  const have = new Set(code);
  const extra = documented.filter((r) => !have.has(r));
  assert.deepEqual(extra, [],
    `docs/api.md documents routes that src/api/routes.c does not have: ${extra.join(', ')}`);
});

test('docs/api.md documents each route once', () => {
  const seen = new Set();
  const twice = documented.filter((r) => (seen.has(r) ? true : (seen.add(r), false)));
  assert.deepEqual(twice, [], `docs/api.md has more than one heading for: ${twice.join(', ')}`);
});

test('docs/api.md documents /healthz and /metrics', () => {
  const md = readFileSync(API_MD, 'utf8');
  for (const h of ['### GET /healthz', '### GET /metrics']) {
    assert.match(md, new RegExp(`^${h.replace(/[/]/g, '\\/')}\\s*$`, 'm'), `docs/api.md lacks "${h}"`);
  }
});
