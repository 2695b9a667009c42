// Enterprise search: the same answers on SQLite (FTS5 trigram) and
// PostgreSQL (LIKE): names, credit codes, industries, paging.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, loginAs, validCreditCode } from './lib/server.mjs';

let srv, city, leader;
let all; // every enterprise city_leader sees

before(async () => {
  srv = await startDemo();
  [city, leader] = await Promise.all(['city_leader', 'cy_leader'].map((u) => loginAs(srv.url, u)));
  const r = await city.get('/api/v1/enterprises?per_page=500');
  assert.equal(r.status, 200);
  all = r.json.items;
  assert.ok(all.length >= 18);
});

const search = async (c, query) => {
  const r = await c.get(`/api/v1/enterprises?${query}`);
  assert.equal(r.status, 200, r.text);
  return r.json;
};
const q = (s) => `q=${encodeURIComponent(s)}&per_page=500`;
const idsOf = (items) => items.map((e) => e.id).sort((a, b) => a - b);

test('search by part of the name: two characters and three or more', async () => {
  for (const term of ['长春', '消防车', '科技有限公司', '中凯', '北方电器']) {
    const r = await search(city, q(term));
    const want = all.filter((e) => e.name.includes(term));
    assert.ok(want.length > 0, term);
    assert.deepEqual(idsOf(r.items), idsOf(want), `q=${term}`);
    assert.equal(r.total, want.length);
  }
  assert.equal((await search(city, q('不存在的企业名称'))).total, 0);
});

test('search by a full credit code finds that enterprise', async () => {
  const e = all.find((x) => x.name === '长春中凯消防车有限公司');
  const r = await search(city, q(e.credit_code));
  assert.deepEqual(r.items.map((x) => x.id), [e.id]);
});

test('search by a credit code prefix finds the enterprises with that prefix', async () => {
  const prefix = '91220105';
  const want = all.filter((e) => e.credit_code && e.credit_code.startsWith(prefix));
  assert.ok(want.length >= 5);
  const r = await search(city, q(prefix));
  assert.deepEqual(idsOf(r.items), idsOf(want));
});

test('LIKE wildcards in q are literal: % and _ match nothing here', async () => {
  for (const term of ['%', '_', '长春%', '%消防']) {
    const r = await search(city, q(term));
    assert.equal(r.total, 0, `q=${term} found ${r.total}`);
  }
});

test('search results are scoped to the caller', async () => {
  const r = await search(leader, q('长春'));
  assert.ok(r.total > 0);
  assert.ok(r.items.every((e) => e.region === '220104'));
  const want = all.filter((e) => e.region === '220104' && e.name.includes('长春'));
  assert.deepEqual(idsOf(r.items), idsOf(want));
});

test('industry filter is a prefix of the GB/T 4754 code', async () => {
  for (const ind of ['C', 'C37', 'C3714', 'I']) {
    const r = await search(city, `industry=${ind}&per_page=500`);
    const want = all.filter((e) => e.industry && e.industry.startsWith(ind));
    assert.deepEqual(idsOf(r.items), idsOf(want), `industry=${ind}`);
  }
});

test('region filter narrows within the scope; combined with q', async () => {
  const r = await search(city, 'region=220105&per_page=500');
  assert.deepEqual(idsOf(r.items), idsOf(all.filter((e) => e.region === '220105')));
  const r2 = await search(city, `region=220104&${q('科技')}`);
  assert.deepEqual(idsOf(r2.items), idsOf(all.filter((e) => e.region === '220104' && e.name.includes('科技'))));
});

test('paging over search results', async () => {
  const p1 = await search(city, 'per_page=4&page=1');
  const p2 = await search(city, 'per_page=4&page=2');
  assert.equal(p1.items.length, 4);
  assert.equal(p1.total, all.length);
  assert.equal(p1.page, 1);
  assert.equal(p2.page, 2);
  assert.equal(p1.per_page, 4);
  assert.deepEqual([...p1.items, ...p2.items].map((e) => e.id), all.slice(0, 8).map((e) => e.id));
});

test('a renamed enterprise is found by its new name only', async () => {
  const code = validCreditCode();
  const c = await leader.post('/api/v1/enterprises', { name: '旧名字检索测试有限公司', region: '220104', credit_code: code });
  assert.equal(c.status, 201);
  const p = await leader.patch(`/api/v1/enterprises/${c.json.id}`, { name: '新名字检索测试有限公司' },
    { 'If-Match': c.headers.get('etag') });
  assert.equal(p.status, 200);
  assert.equal((await search(leader, q('旧名字检索'))).total, 0);
  assert.deepEqual((await search(leader, q('新名字检索'))).items.map((e) => e.id), [c.json.id]);
});

test('a long query (more than 128 bytes) finds only the matching enterprise, not everything', async () => {
  const name = '吉林省长春市朝阳区红旗街道' + '数字经济产业园区运营管理服务' + '有限责任公司第一分公司' + '（长春红旗街）';
  assert.ok(Buffer.byteLength(name) > 128);
  const c = await leader.post('/api/v1/enterprises', { name, region: '220104' });
  assert.equal(c.status, 201, c.text);
  const r = await search(leader, q(name));
  assert.deepEqual(r.items.map((e) => e.id), [c.json.id]);
  const none = await search(leader, q(name + '不存在'));
  assert.equal(none.total, 0);
});

test('industry codes are stored with their section letter', async () => {
  const c = await leader.post('/api/v1/enterprises', { name: '行业代码规范化有限公司', region: '220104', industry: '3670' });
  assert.equal(c.status, 201, c.text);
  assert.equal(c.json.industry, 'C3670');
  const r = await search(leader, 'industry=C367&per_page=500');
  assert.ok(r.items.some((e) => e.id === c.json.id));
});
