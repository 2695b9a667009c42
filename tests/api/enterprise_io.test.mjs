// The enterprise registry in and out of spreadsheets: CSV (UTF-8, BOM, GBK)
// and XLSX imports that are all-or-nothing with row-by-row errors and a dry
// run, exports that read back, the template, and the audit record.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startDemo, loginAs, guatu, validCreditCode } from './lib/server.mjs';

let srv, leader, ed;
const CODE1 = validCreditCode('220104');
const CODE2 = validCreditCode('220104');
before(async () => {
  srv = await startDemo();
  leader = await loginAs(srv.url, 'cy_leader');
  ed = await loginAs(srv.url, 'ed_leader');
});

const upload = (c, body, q = '') => c.req('POST', `/api/v1/enterprises/import${q}`, body,
  { 'Content-Type': 'application/octet-stream' });
const count = async (c, q) => (await c.get(`/api/v1/enterprises?q=${encodeURIComponent(q)}`)).json.total;

test('a valid CSV with a BOM imports every row in one go, with one audit record', async () => {
  const code = CODE1;
  const csv = `\ufeff企业名称,统一社会信用代码,区划代码,行业代码\n导入甲有限公司,${code},220104,C3663\n导入乙有限公司,,朝阳区,3670\n`;
  const r = await upload(leader, csv);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.rows, 2);
  assert.equal(r.json.committed, true);
  assert.equal(await count(leader, '导入甲'), 1);
  const b = (await leader.get(`/api/v1/enterprises?q=${encodeURIComponent('导入乙')}`)).json.items[0];
  assert.equal(b.industry, 'C3670', 'industry stored with its section letter');
  assert.equal(b.region, '220104', 'a region name maps to its code');
  const auditor = await loginAs(srv.url, 'cy_auditor');
  const a = await auditor.get('/api/v1/audit?action=import&object_type=enterprise');
  assert.equal(a.status, 200);
  assert.ok(a.json.items.some((x) => x.after && x.after.rows === 2), 'the import is audited with its row count');
});

test('one bad row refuses the whole file, naming each row and column; nothing is written', async () => {
  const csv = '企业名称,统一社会信用代码,区划代码\n全或无甲公司,,220104\n全或无乙公司,12345,220104\n全或无丙公司,,220105\n';
  const r = await upload(leader, csv);
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.error.field, 'file');
  assert.match(r.json.error.message_zh, /2行有错误/);
  const errs = r.json.report.errors;
  assert.deepEqual(errs.map((x) => [x.row, x.column, x.field]), [[3, 'B', 'credit_code'], [4, 'C', 'region']],
    'row 3 has a short code; row 4 names 二道区, outside 朝阳区');
  assert.equal(await count(leader, '全或无'), 0, 'the good row was not written either');
});

test('a dry run checks and reports but writes nothing', async () => {
  const r = await upload(leader, '企业名称,区划代码\n试运行公司,220104\n', '?dry_run=1');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.dry_run, true);
  assert.equal(r.json.committed, false);
  assert.equal(r.json.rows, 1);
  assert.equal(await count(leader, '试运行公司'), 0);
});

test('duplicates within the file or against the registry are row errors', async () => {
  const code = CODE2;
  const r = await upload(leader, `企业名称,统一社会信用代码,区划代码\n重复甲公司,${code},220104\n重复乙公司,${code},220104\n`);
  assert.equal(r.status, 400);
  assert.deepEqual(r.json.report.errors.map((x) => [x.row, x.field]), [[3, 'credit_code']]);
  const again = await upload(leader, `企业名称,统一社会信用代码,区划代码\n重复丙公司,${CODE1},220104\n`);
  assert.equal(again.status, 400, 'the code imported by the first test is taken');
});

test('a file larger than one insert batch: duplicates in a batch, across batches and in the tail are each reported by row, in order', async () => {
  // Rows are inserted 64 at a time; 150 rows span two full batches and a tail.
  const codes = Array.from({ length: 150 }, () => validCreditCode('220104'));
  codes[10] = codes[3];          // within the first batch
  codes[100] = codes[5];         // a later batch repeats an earlier one
  codes[140] = CODE1;            // the tail repeats a code already in the registry
  const rows = codes.map((c, i) => `批量${i}号公司,${c},220104`).join('\n');
  const bad = await upload(leader, `企业名称,统一社会信用代码,区划代码\n${rows}\n`);
  assert.equal(bad.status, 400, bad.text);
  assert.deepEqual(bad.json.report.errors.map((x) => [x.row, x.column, x.field]),
    [[12, 'B', 'credit_code'], [102, 'B', 'credit_code'], [142, 'B', 'credit_code']]);
  assert.equal(await count(leader, '批量1号公司'), 0, 'nothing written');
  codes[10] = validCreditCode('220104'); codes[100] = validCreditCode('220104'); codes[140] = validCreditCode('220104');
  const good = await upload(leader, `企业名称,统一社会信用代码,区划代码\n${codes.map((c, i) => `批量${i}号公司,${c},220104`).join('\n')}\n`);
  assert.equal(good.status, 200, good.text);
  assert.equal(good.json.rows, 150);
  const found = await leader.get(`/api/v1/enterprises?q=${encodeURIComponent('号公司')}&per_page=500`);
  const names = found.json.items.filter((x) => x.name.startsWith('批量'));
  assert.equal(names.length, 150, 'every row stored, and found by the rebuilt full-text index');
  const auditor = await loginAs(srv.url, 'cy_auditor');
  const a = await auditor.get('/api/v1/audit?action=import&object_type=enterprise');
  const rec = a.json.items.find((x) => x.after && x.after.rows === 150);
  const ids = names.map((x) => x.id);
  assert.equal(rec.after.first_id, Math.min(...ids), 'the audit record names the first new id');
  assert.equal(rec.after.last_id, Math.max(...ids), 'and the last');
});

test('a GBK-encoded CSV (as Excel in China saves it) reads correctly', async () => {
  const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: '企业名称,区划代码\n国标编码有限公司,220104\n' });
  const r = await leader.req('POST', '/api/v1/enterprises/import', undefined, {});
  assert.equal(r.status, 400, 'an empty upload is refused');
  const res = await fetch(srv.url + '/api/v1/enterprises/import', {
    method: 'POST', body: gbk,
    headers: { Cookie: leader.cookie, 'X-CSRF-Token': leader.csrf, 'Content-Type': 'text/csv' },
  });
  assert.equal(res.status, 200, await res.text());
  assert.equal(await count(leader, '国标编码有限公司'), 1);
});

test('export to XLSX reads back through import (dry run); CSV export has a BOM', async () => {
  const x = await fetch(srv.url + '/api/v1/enterprises/export?format=xlsx', { headers: { Cookie: leader.cookie } });
  assert.equal(x.status, 200);
  assert.match(x.headers.get('content-type'), /spreadsheetml/);
  const bytes = Buffer.from(await x.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an Office Open XML (zip) package');
  const csv = await leader.get('/api/v1/enterprises/export?format=csv');
  assert.equal(csv.status, 200);
  const raw = Buffer.from(await (await fetch(srv.url + '/api/v1/enterprises/export?format=csv',
    { headers: { Cookie: leader.cookie } })).arrayBuffer());
  assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM for Excel');
  assert.match(csv.text, /长春中凯消防车有限公司/);
  assert.doesNotMatch(csv.text, /长春凯洛德交通科技有限公司/, 'another district is not exported');
  // Re-importing the export is refused row by row: every code is taken.
  const back = await fetch(srv.url + '/api/v1/enterprises/import?dry_run=1', {
    method: 'POST', body: bytes,
    headers: { Cookie: leader.cookie, 'X-CSRF-Token': leader.csrf, 'Content-Type': 'application/octet-stream' },
  });
  const rep = await back.json();
  assert.equal(back.status, 400);
  assert.ok(rep.report.rows >= 8, 'the XLSX export was read back row by row');
  assert.ok(rep.report.errors.every((x) => x.field === 'credit_code'));
});

test('the template is an XLSX the import accepts once filled in', async () => {
  const t = await fetch(srv.url + '/api/v1/enterprises/template', { headers: { Cookie: leader.cookie } });
  assert.equal(t.status, 200);
  const bytes = Buffer.from(await t.arrayBuffer());
  const r = await fetch(srv.url + '/api/v1/enterprises/import?dry_run=1', {
    method: 'POST', body: bytes,
    headers: { Cookie: leader.cookie, 'X-CSRF-Token': leader.csrf, 'Content-Type': 'application/octet-stream' },
  });
  const j = await r.json();
  assert.equal(r.status, 200, JSON.stringify(j));
  assert.equal(j.rows, 0, 'the example row of the template is not imported');
});

test('a file that is neither CSV nor XLSX, or a wrong header, is a clear error', async () => {
  const junk = await upload(leader, 'PK\u0003\u0004garbage');
  assert.equal(junk.status, 400);
  assert.ok(junk.json.error.message_zh && junk.json.error.message_en);
  const hdr = await upload(leader, '名字,地址\n某公司,某地\n');
  assert.equal(hdr.status, 400);
  assert.match(hdr.json.error.message_zh, /未找到表头|缺少必填列/);
  assert.match(hdr.json.error.message_zh, /企业名称/, 'the message names the columns it looked for');
});

test('the CLI imports with the same validation', () => {
  const ok = guatu(['import', 'enterprises', '-', '--db', srv.db, '--dry-run'], '企业名称,区划代码\n命令行公司,220104\n');
  assert.equal(ok.status, 0, ok.stderr);
  const bad = guatu(['import', 'enterprises', '-', '--db', srv.db], '企业名称,区划代码\n命令行公司,999999\n');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /row 2/);
});
