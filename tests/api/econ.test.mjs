// Economic operation 经济运行: the catalog, values (periods, cumulative rule,
// plausible growth, unit mix-ups, drafts and review, revisions), targets and
// pace, the comparison across districts and the cockpit, with the seeds'
// published 朝阳区 figures as the oracle for the demo data (seed 000: 2023
// GDP 835.8亿, 1st of the five urban districts and 3rd of the units, FAI
// 136.6亿 = 26.7% of the five, 规上产值 52.1%, 限上社零 41%, structure
// 0.2:26.7:73.1 with the tertiary share up 2.8 points; seeds 002/003: first
// half GDP 427.8亿 +8.4%, FAI 49.7亿 +23%, 规上产值 338.1亿 −2.9%, 社零 271.1亿
// +20.1%, 本级财政收入 5.9亿 +32%). Same tests on SQLite and PostgreSQL.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, loginAs, guatu } from './lib/server.mjs';

const YI = 100000000;
const yi = (x) => Math.round(x * YI); // 亿元 to 元, exact for one or two decimals
let srv, sys, stat, leader, staff, city, ed, ent, auditor;
const im = (r) => ({ 'If-Match': r.headers.get('etag') });

before(async () => {
  srv = await startDemo();
  [sys, stat, leader, staff, city, ed, ent, auditor] = await Promise.all(
    ['sysadmin', 'cy_stat', 'cy_leader', 'cy_staff', 'city_leader', 'ed_leader', 'cy_enterprise', 'cy_auditor']
      .map((u) => loginAs(srv.url, u)));
});

const value = async (c, region, indicator, period) => {
  const r = await c.get(`/api/v1/indicators/values?region=${region}&indicator=${indicator}&period=${period}`);
  assert.equal(r.status, 200, r.text);
  return r.json.items[0];
};

test('catalog: the built-in indicators, sysadmin adds and edits, codes and units stay', async () => {
  const r = await ent.get('/api/v1/indicators');
  assert.equal(r.status, 200);
  const codes = r.json.items.map((i) => i.code);
  for (const c of ['gdp', 'gdp_primary', 'gdp_secondary', 'gdp_tertiary', 'industry_output', 'industry_va', 'fai',
    'retail', 'retail_above', 'online_retail', 'fiscal_budget', 'fiscal_local', 'fiscal_total', 'domestic_funds',
    'fdi', 'new_entities', 'new_jobs']) assert.ok(codes.includes(c), c);
  const gdp = r.json.items.find((i) => i.code === 'gdp');
  assert.equal(gdp.periodicity, 'quarterly');
  assert.equal(gdp.price_basis, 'comparable');
  assert.equal(gdp.aggregation, 'ytd');
  const fai = r.json.items.find((i) => i.code === 'fai');
  assert.equal(fai.jan_feb_merged, true);
  assert.equal(fai.price_basis, 'current');
  assert.equal(r.json.items.find((i) => i.code === 'retail_above').parent, 'retail');

  const body = { code: 'tourism_income', name: '旅游总收入', name_en: 'Tourism income', unit: 'yuan',
    display_unit: 'yi', periodicity: 'monthly', parent: 'retail' };
  assert.equal((await stat.post('/api/v1/indicators', body)).status, 403);
  const c1 = await sys.post('/api/v1/indicators', body);
  assert.equal(c1.status, 201, c1.text);
  assert.equal(c1.json.builtin, false);
  assert.equal(c1.json.jan_feb_merged, true);
  assert.equal((await sys.post('/api/v1/indicators', body)).status, 409);
  const bad = await sys.post('/api/v1/indicators', { ...body, code: 'x1', display_unit: 'person' });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'display_unit');
  assert.equal((await sys.post('/api/v1/indicators', { ...body, code: 'Bad-Code' })).json.error.field, 'code');
  const path = `/api/v1/indicators/${c1.json.id}`;
  assert.equal((await sys.patch(path, { is_key: true })).status, 428);
  const u1 = await sys.patch(path, { is_key: true, name: '旅游总收入（全口径）' }, im(c1));
  assert.equal(u1.status, 200, u1.text);
  assert.equal(u1.json.is_key, true);
  assert.equal((await sys.patch(path, { sort: 3 }, im(c1))).status, 412);
  const fixed = await sys.patch(path, { unit: 'person' }, im(u1));
  assert.equal(fixed.status, 400);
  assert.equal(fixed.json.error.field, 'unit');
});

test('catalog: a parent must exist, not be the indicator itself, nor lie below it (no cycles)', async () => {
  const mk = (code, parent) => sys.post('/api/v1/indicators', { code, name: code, unit: 'yuan',
    display_unit: 'yi', periodicity: 'monthly', ...(parent ? { parent } : {}) });
  const refused = (r, en) => {
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.error.field, 'parent');
    assert.match(r.json.error.message_en, en);
    assert.ok(r.json.error.message_zh.includes('上级指标'), r.json.error.message_zh);
  };
  refused(await mk('cyc_self', 'cyc_self'), /own parent/);
  refused(await mk('cyc_unknown', 'no_such_indicator'), /does not exist/);
  const a = await mk('cyc_a');
  assert.equal(a.status, 201, a.text);
  assert.equal((await mk('cyc_b', 'cyc_a')).status, 201);
  assert.equal((await mk('cyc_c', 'cyc_b')).status, 201);
  const path = `/api/v1/indicators/${a.json.id}`;
  refused(await sys.patch(path, { parent: 'cyc_a' }, im(a)), /own parent/);
  refused(await sys.patch(path, { parent: 'cyc_b' }, im(a)), /cycle/);
  refused(await sys.patch(path, { parent: 'cyc_c' }, im(a)), /cycle/);
  refused(await sys.patch(path, { parent: 'nope' }, im(a)), /does not exist/);
  const list = (await sys.get('/api/v1/indicators')).json.items;
  assert.equal(list.find((i) => i.code === 'cyc_a').parent, null, 'nothing was stored');
  const ok = await sys.patch(path, { parent: 'gdp' }, im(a));
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.parent, 'gdp');
  const back = await sys.patch(path, { parent: null }, im(ok));
  assert.equal(back.status, 200, back.text);
  assert.equal(back.json.parent, null);
});

test('demo data: the seeds’ published figures of 朝阳区', async () => {
  const h1 = await value(leader, '220104', 'gdp', '2023-Q2');
  assert.equal(h1.value, yi(427.8));
  assert.equal(h1.growth_bp, 840);
  assert.equal(h1.period_label, '上半年');
  assert.equal(h1.status, 'published');
  assert.equal((await value(leader, '220104', 'gdp', '2023-06')).id, h1.id, 'a quarter-end month names the quarter');
  assert.equal((await value(leader, '220104', 'gdp', '2023-Q4')).value, yi(835.8));
  const fai = await value(leader, '220104', 'fai', '2023-06');
  assert.deepEqual([fai.value, fai.growth_bp, fai.period_label], [yi(49.7), 2300, '1-6月']);
  const faiFy = await value(leader, '220104', 'fai', '2023-12');
  assert.deepEqual([faiFy.value, faiFy.growth_bp], [yi(136.6), 1320]);
  const ind = await value(leader, '220104', 'industry_output', '2023-06');
  assert.deepEqual([ind.value, ind.growth_bp], [yi(338.1), -290]);
  assert.equal((await value(leader, '220104', 'industry_output', '2023-12')).value, yi(730.7));
  const retail = await value(leader, '220104', 'retail', '2023-06');
  assert.deepEqual([retail.value, retail.growth_bp], [yi(271.1), 2010]);
  const retailFy = await value(leader, '220104', 'retail', '2023-12');
  assert.deepEqual([retailFy.value, retailFy.growth_bp], [yi(549.2), 500]);
  const fiscal = await value(leader, '220104', 'fiscal_local', '2023-06');
  assert.deepEqual([fiscal.value, fiscal.growth_bp], [yi(5.9), 3200]);
  assert.equal((await value(leader, '220104', 'online_retail', '2023-06')).value, yi(25.9));
  assert.equal((await value(leader, '220104', 'new_jobs', '2023-06')).value, 4628);
  assert.equal((await value(leader, '220104', 'domestic_funds', '2023-12')).value, yi(224.6));
  // The nominal change is computed beside the reported growth, never over it.
  assert.equal(typeof h1.nominal_change_bp, 'number');
  assert.equal(h1.last_year_value > 0, true);
});

test('compare: shares of the five urban districts, ranks, structure and its change', async () => {
  const r = await city.get('/api/v1/indicators/compare?parent=220100&period=2023-12');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.group, ['220102', '220103', '220104', '220105', '220106']);
  assert.equal(r.json.units.length, 15);
  const row = (code) => r.json.indicators.find((i) => i.indicator === code).rows.find((x) => x.region === '220104');
  assert.equal(row('fai').share_bp, 2670);
  assert.equal(row('industry_output').share_bp, 5210);
  assert.equal(row('retail_above').share_bp, 4100);
  assert.equal(row('gdp').rank_group, 1);
  assert.equal(row('gdp').rank_all, 3);
  assert.equal(row('fai').rank_group, 1);
  const gdp = r.json.indicators.find((i) => i.indicator === 'gdp');
  assert.equal(gdp.period, '2023-Q4');
  assert.equal(gdp.prev_period, '2023-Q3');
  assert.equal(gdp.rows.length, 15);
  assert.deepEqual(gdp.rows.map((x) => x.rank_all), [...gdp.rows.map((x) => x.rank_all)].sort((a, b) => a - b));
  assert.equal(gdp.rows.find((x) => x.region === '220173').share_bp, null, 'outside the group: no share');
  const s = r.json.structure.find((x) => x.region === '220104');
  assert.equal(s.text, '0.2:26.7:73.1');
  assert.equal(Math.round(s.change_bp[2] / 10), 28, 'tertiary share up 2.8 points');
  // Half year: FAI total and growth first among the urban districts (seed 003).
  const h = await city.get('/api/v1/indicators/compare?period=2023-06&indicator=fai');
  const fai = h.json.indicators[0].rows.find((x) => x.region === '220104');
  assert.equal(fai.rank_group, 1);
  assert.equal(fai.rank_growth_group, 1);
  assert.equal(h.json.indicators.length, 1);
  // A chosen group, and refusals.
  const g = await city.get('/api/v1/indicators/compare?period=2023-12&indicator=gdp&group=220104,220173');
  const g1 = g.json.indicators[0].rows;
  assert.equal(g1.find((x) => x.region === '220104').rank_group, 2);
  assert.equal(g1.find((x) => x.region === '220173').rank_group, 1);
  assert.equal((await city.get('/api/v1/indicators/compare?group=999999')).json.error.field, 'group');
  assert.equal((await city.get('/api/v1/indicators/compare?period=2023-13')).json.error.field, 'period');
  assert.equal((await city.get('/api/v1/indicators/compare?parent=220200')).status, 404, 'another city');
  // A district sees its own row (ranked among all) and no other district's figures.
  const e = await ed.get('/api/v1/indicators/compare?period=2023-12&indicator=gdp');
  assert.equal(e.status, 200);
  assert.deepEqual(e.json.indicators[0].rows.map((x) => x.region), ['220105']);
  assert.equal(typeof e.json.indicators[0].rows[0].rank_all, 'number');
});

test('pace: growth against the 7% target, done against the amount, what each month must bring', async () => {
  const r = await leader.get('/api/v1/indicators/pace?region=220104&period=2023-06');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.elapsed_bp, 5000);
  const gdp = r.json.items.find((i) => i.indicator === 'gdp');
  assert.equal(gdp.value, yi(427.8));
  assert.equal(gdp.target.growth_bp, 700);
  assert.equal(gdp.growth_gap_bp, 140);
  assert.equal(gdp.target.amount_from_growth, true);
  // amount implied: last year's full year × 1.07; done = value / amount.
  const implied = gdp.target.amount;
  assert.equal(gdp.done_bp, Math.round(yi(427.8) / implied * 10000));
  assert.equal(gdp.gap_bp, gdp.done_bp - 5000);
  assert.equal(gdp.remaining_months, 6);
  assert.equal(gdp.per_month_needed, Math.ceil((implied - yi(427.8)) / 6));
  const fai = r.json.items.find((i) => i.indicator === 'fai');
  assert.equal(fai.status, 'behind', 'FAI 49.7亿 of about 136亿 at half year');
  assert.equal(fai.growth_bp, 2300);
  assert.equal((await ed.get('/api/v1/indicators/pace?region=220104')).status, 404);
  assert.equal((await ent.get('/api/v1/indicators/pace')).status, 403);
});

test('entry: periods, the cumulative rule, growth range, unit mix-ups, scope', async () => {
  const post = (c, body) => c.post('/api/v1/indicators/values', { region: '220104', ...body });
  let r = await post(stat, { indicator: 'gdp', period: '2021-05', value: 100 * YI });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'period');
  assert.match(r.json.error.message_zh, /季度/);
  r = await post(stat, { indicator: 'fai', period: '2021-01', value: 5 * YI });
  assert.equal(r.json.error.field, 'period');
  assert.match(r.json.error.message_zh, /1-2月/);
  assert.match(r.json.error.message_en, /January/);
  r = await post(stat, { indicator: 'fai', period: '2021-Q1', value: 5 * YI });
  assert.equal(r.json.error.field, 'period');
  r = await post(stat, { indicator: 'fai', period: '2099-03', value: 5 * YI });
  assert.equal(r.json.error.field, 'period', 'a future period');
  r = await post(stat, { indicator: 'fai', period: '2021-02', value: 10 * YI, growth_bp: 40000 });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'growth_bp');
  r = await post(stat, { indicator: 'nosuch', period: '2021-02', value: 1 });
  assert.equal(r.json.error.field, 'indicator');
  r = await post(stat, { indicator: 'fai', period: '2021-02', value: -1 });
  assert.equal(r.json.error.field, 'value');
  const feb = await post(stat, { indicator: 'fai', period: '2021-02', value: 10 * YI, growth_bp: 520 });
  assert.equal(feb.status, 201, feb.text);
  assert.equal(feb.json.status, 'draft');
  assert.equal(feb.json.period_label, '1-2月');
  assert.equal(feb.json.entered_by, stat.user.id);
  assert.equal((await post(stat, { indicator: 'fai', period: '2021-02', value: 10 * YI })).status, 409);
  // March below February: refused without a note, accepted with one.
  r = await post(stat, { indicator: 'fai', period: '2021-03', value: 8 * YI });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'value');
  assert.match(r.json.error.message_zh, /小于同年2021-02/);
  const mar = await post(stat, { indicator: 'fai', period: '2021-03', value: 8 * YI, note: '统计局核减' });
  assert.equal(mar.status, 201, mar.text);
  // February revised above the (later) March: refused without a note.
  r = await stat.patch(`/api/v1/indicators/values/${feb.json.id}`, { value: 9 * YI }, im(feb));
  assert.equal(r.status, 400);
  assert.match(r.json.error.message_zh, /大于同年2021-03/);
  // 万元 typed as 亿元: ten thousand times last year's same period.
  assert.equal((await post(stat, { indicator: 'retail', period: '2020-02', value: 50 * YI })).status, 201);
  r = await post(stat, { indicator: 'retail', period: '2021-02', value: 520000 * YI });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'value');
  assert.match(r.json.error.message_zh, /单位/);
  r = await post(stat, { indicator: 'retail', period: '2021-02', value: 520000 * YI, confirm_unit: true });
  assert.equal(r.status, 201, 'kept when confirmed');
  // Scope: another district's statistician work is hidden; other roles may not enter.
  r = await stat.post('/api/v1/indicators/values', { region: '220105', indicator: 'fai', period: '2021-02', value: YI });
  assert.equal(r.status, 404);
  assert.equal((await post(leader, { indicator: 'fai', period: '2021-04', value: 12 * YI })).status, 403);
  assert.equal((await post(city, { indicator: 'fai', period: '2021-04', value: 12 * YI })).status, 403);
  // Nothing of the refused entries was written.
  const list = await stat.get('/api/v1/indicators/values?region=220104&indicator=fai&year=2021');
  assert.deepEqual(list.json.items.map((v) => v.period), ['2021-02', '2021-03']);
});

test('review: four eyes, publish, only published values feed pace; revisions are kept', async () => {
  const d = await stat.post('/api/v1/indicators/values',
    { region: '220104', indicator: 'online_retail', period: '2021-06', value: 12 * YI, growth_bp: 1500 });
  assert.equal(d.status, 201, d.text);
  const path = `/api/v1/indicators/values/${d.json.id}`;
  const pace = async () => (await leader.get('/api/v1/indicators/pace?region=220104&period=2021-06'))
    .json.items.find((i) => i.indicator === 'online_retail');
  assert.equal(await pace(), undefined, 'a draft feeds nothing');
  let r = await stat.post(`${path}/publish`, undefined, im(d));
  assert.equal(r.status, 403, 'not the one who entered it');
  assert.equal((await ed.post(`${path}/publish`, undefined, im(d))).status, 404);
  assert.equal((await staff.post(`${path}/publish`, undefined, im(d))).status, 403);
  assert.equal((await leader.post(`${path}/publish`)).status, 428);
  r = await leader.post(`${path}/publish`, undefined, im(d));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'published');
  assert.equal(r.json.published_by, leader.user.id);
  assert.equal((await leader.post(`${path}/publish`, undefined, im(r))).status, 409);
  assert.equal((await pace()).value, 12 * YI);
  // Revising a published value: a note is required, it returns to draft.
  let p = await stat.patch(path, { value: yi(12.5) }, im(r));
  assert.equal(p.status, 400);
  assert.equal(p.json.error.field, 'note');
  assert.equal((await stat.patch(path, { value: yi(12.5), note: '补报' }, im(d))).status, 412);
  p = await stat.patch(path, { value: yi(12.5), note: '补报网络零售' }, im(r));
  assert.equal(p.status, 200, p.text);
  assert.equal(p.json.status, 'draft');
  assert.equal(p.json.growth_bp, 1500, 'the reported growth kept');
  assert.equal(await pace(), undefined, 'back to draft: out of the computations');
  assert.equal((await ed.patch(path, { value: 1 }, im(p))).status, 403);
  const g = await auditor.get(path);
  assert.equal(g.status, 200);
  assert.deepEqual(g.json.revisions.map((x) => [x.old_value, x.new_value, x.note, x.actor]),
    [[null, 12 * YI, null, 'cy_stat'], [12 * YI, yi(12.5), '补报网络零售', 'cy_stat']]);
  assert.equal(g.json.revisions[1].old_status, 'published');
  assert.equal((await ed.get(path)).status, 404);
  const drafts = await leader.get('/api/v1/indicators/values?region=220104&status=draft&per_page=100');
  assert.ok(drafts.json.items.some((v) => v.id === d.json.id));
  assert.ok(drafts.json.items.every((v) => v.status === 'draft'));
});

test('targets: growth and amount, scope, pace against them', async () => {
  const body = { region: '220104', indicator: 'fai', year: 2021, growth_bp: 1000, amount: 30 * YI };
  assert.equal((await ent.post('/api/v1/indicators/targets', body)).status, 403);
  assert.equal((await ed.post('/api/v1/indicators/targets', body)).status, 404);
  assert.equal((await staff.post('/api/v1/indicators/targets', { ...body, growth_bp: null, amount: null })).json.error.field,
    'growth_bp');
  assert.equal((await staff.post('/api/v1/indicators/targets', { ...body, growth_bp: 50000 })).json.error.field, 'growth_bp');
  const t = await staff.post('/api/v1/indicators/targets', body);
  assert.equal(t.status, 201, t.text);
  assert.equal((await staff.post('/api/v1/indicators/targets', body)).status, 409);
  const list = await leader.get('/api/v1/indicators/targets?region=220104&year=2021');
  assert.deepEqual(list.json.items.map((x) => [x.indicator, x.growth_bp, x.amount]), [['fai', 1000, 30 * YI]]);
  assert.equal((await ed.patch(`/api/v1/indicators/targets/${t.json.id}`, { amount: 40 * YI }, im(t))).status, 404);
  const u = await leader.patch(`/api/v1/indicators/targets/${t.json.id}`, { amount: 32 * YI }, im(t));
  assert.equal(u.status, 200, u.text);
  assert.equal(u.json.growth_bp, 1000);
  // Publish 2021-03 (8亿) and measure: 8 / 32 = 25% at March (25% elapsed): on pace.
  const v = await value(stat, '220104', 'fai', '2021-03');
  const got = await leader.get(`/api/v1/indicators/values/${v.id}`);
  assert.equal((await leader.post(`/api/v1/indicators/values/${v.id}/publish`, undefined, im(got))).status, 200);
  const r = await leader.get('/api/v1/indicators/pace?region=220104&period=2021-03');
  const fai = r.json.items.find((i) => i.indicator === 'fai');
  assert.deepEqual([fai.value, fai.target.amount, fai.done_bp, fai.elapsed_bp, fai.gap_bp, fai.status],
    [8 * YI, 32 * YI, 2500, 2500, 0, 'on_pace']);
  assert.equal(fai.per_month_needed, Math.ceil(24 * YI / 9));
  assert.equal(fai.per_month_so_far, Math.round(8 * YI / 3));
});

test('cockpit: key indicators with pace, ranks and trends, projects, one request', async () => {
  const r = await leader.get('/api/v1/cockpit?period=2023-06');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.region.code, '220104');
  assert.deepEqual(r.json.switch.map((s) => s.code), ['220104']);
  const gdp = r.json.indicators.find((i) => i.indicator === 'gdp');
  assert.deepEqual([gdp.value, gdp.growth_bp, gdp.rank_group, gdp.group_size, gdp.rank_all, gdp.all_size],
    [yi(427.8), 840, 1, 5, 3, 15]);
  assert.equal(gdp.trend.length, 12);
  assert.equal(gdp.trend[11].period, '2023-Q2');
  assert.equal(gdp.trend[11].value, yi(427.8));
  assert.equal(gdp.trend[11].single, gdp.trend[11].value - gdp.trend[10].value);
  const fai = r.json.indicators.find((i) => i.indicator === 'fai');
  assert.equal(fai.trend.length, 12);
  assert.ok(!fai.trend.some((t) => t.period.endsWith('-01')), 'no January alone');
  assert.ok(r.json.indicators.every((i) => i.indicator !== 'gdp_primary'), 'key indicators only');
  assert.match(r.json.structure.text, /^\d+\.\d:\d+\.\d:\d+\.\d$/, 'structure of the half year');
  assert.ok(r.json.projects.n_projects > 0);
  for (const k of ['start', 'start_resume', 'completion', 'investment', 'stats'])
    assert.equal(typeof r.json.projects.rates[k].bp, 'number', k);
  assert.ok(Array.isArray(r.json.lagging));
  assert.ok(r.json.lagging.every((p) => p.light === 'red' || p.light === 'yellow'));
  assert.ok(Array.isArray(r.json.overdue_problems));
  assert.equal(typeof r.json.counts.overdue_problems, 'number');
  // The city: all its districts to switch to, no rank of its own.
  const c = await city.get('/api/v1/cockpit?region=220100&period=2023-06');
  assert.equal(c.status, 200, c.text);
  assert.equal(c.json.switch.length, 16);
  const cg = c.json.indicators.find((i) => i.indicator === 'gdp');
  assert.equal(cg.rank_all, null);
  assert.ok(cg.value > yi(427.8));
  assert.equal((await city.get('/api/v1/cockpit?region=220104&period=2023-06')).json.indicators
    .find((i) => i.indicator === 'gdp').rank_all, 3);
  // Default period: the latest published month.
  const d = await leader.get('/api/v1/cockpit');
  assert.equal(d.status, 200);
  assert.ok(d.json.year >= 2023);
  assert.equal((await ed.get('/api/v1/cockpit?region=220104')).status, 404);
  assert.equal((await ent.get('/api/v1/cockpit')).status, 403);
  assert.equal((await sys.get('/api/v1/cockpit')).status, 403);
});

test('import: the two layouts of statistics bureaus, dry run, all or nothing, unit mix-ups', async () => {
  const up = (c, q, text) => c.req('POST', `/api/v1/indicators/import${q}`, text, { 'Content-Type': 'text/csv' });
  const sheetA = [
    '朝阳区2019年1-6月主要经济指标',
    '指标,单位,本月,累计,同比增长（%）',
    '地区生产总值,亿元,,427.8,8.4',
    '固定资产投资,亿元,10.1,49.7,23.0',
    '　　其中：限上社零额,亿元,,90.5,6.2',
    '规上工业总产值（万元）,,,3381000,-2.9',
    '新增城镇就业,人,,4628,',
    '网络零售额,亿元,,—,',
  ].join('\n') + '\n';
  assert.equal((await up(leader, '', sheetA)).status, 403, 'statisticians import');
  let r = await up(stat, '?dry_run=1', sheetA);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.layout, r.json.region, r.json.period, r.json.rows, r.json.created, r.json.skipped,
    r.json.committed], ['indicators', '220104', '2019-06', 6, 5, 1, false]);
  const count = async () => (await stat.get('/api/v1/indicators/values?region=220104&year=2019&per_page=100')).json.total;
  assert.equal(await count(), 0, 'a dry run writes nothing');
  r = await up(stat, '', sheetA);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.committed, true);
  assert.equal(await count(), 5);
  const gdp = await value(stat, '220104', 'gdp', '2019-Q2');
  assert.deepEqual([gdp.value, gdp.growth_bp, gdp.status, gdp.source], [yi(427.8), 840, 'draft', 'import']);
  assert.equal((await value(stat, '220104', 'industry_output', '2019-06')).value, yi(338.1), '万元 in the label');
  assert.equal((await value(stat, '220104', 'retail_above', '2019-06')).value, yi(90.5));
  assert.equal((await value(stat, '220104', 'new_jobs', '2019-06')).value, 4628);
  r = await up(stat, '', sheetA);
  assert.equal(r.json.unchanged, 5, 'the same sheet again changes nothing');
  // One bad row: nothing of the sheet is written, the row and column named.
  const bad = sheetA.replace('2019年', '2018年').replace('新增城镇就业,人,,4628,', '新增城镇就业,人,,4628,\n旅游人次,万人,,12,');
  r = await up(stat, '', bad);
  assert.equal(r.status, 400);
  assert.deepEqual(r.json.report.errors.map((x) => [x.row, x.column, x.field]), [[8, 'A', 'indicator']]);
  assert.equal((await stat.get('/api/v1/indicators/values?region=220104&year=2018')).json.total, 0);
  // 万元 figures under a 亿元 header: ten thousand times last year's, refused by row.
  const mixed = sheetA.replace('2019年', '2020年').replace('427.8,8.4', '4278000,8.4');
  r = await up(stat, '', mixed);
  assert.equal(r.status, 400);
  assert.equal(r.json.report.errors[0].row, 3);
  assert.equal(r.json.report.errors[0].column, 'D');
  assert.match(r.json.report.errors[0].message_zh, /单位/);
  // A quarterly indicator in a sheet of a month that ends no quarter.
  r = await up(stat, '?period=2017-05&region=220104', '指标,累计（亿元）\n地区生产总值,300\n固定资产投资,30\n');
  assert.equal(r.status, 400);
  assert.equal(r.json.report.errors[0].field, 'period');
  // Layout B: one indicator, rows are districts; other districts are skipped for a district statistician.
  const sheetB = '2019年1-6月各县（市）区固定资产投资\n县（市）区,累计（亿元）,同比增长（%）\n南关区,40.2,8.1\n朝阳区,49.8,23\n合计,200,5\n';
  r = await up(stat, '?dry_run=1', sheetB);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.layout, r.json.indicator, r.json.updated, r.json.skipped, r.json.warnings.length],
    ['regions', 'fai', 1, 2, 1]);
  r = await up(stat, '?dry_run=1', sheetB.replace('朝阳区', '不存在区'));
  assert.equal(r.status, 400);
  assert.equal(r.json.report.errors[0].field, 'region');
  // No period anywhere, a header of neither layout, another district by name.
  assert.equal((await up(stat, '', '指标,累计\n地区生产总值,1\n')).json.error.field, 'period');
  assert.equal((await up(stat, '?period=2019-06', '名称,数值\n甲,1\n')).json.error.field, 'file');
  assert.equal((await up(stat, '?period=2019-06&region=220105', '指标,累计（亿元）\n地区生产总值,1\n')).status, 404);
});

test('guatu import indicators: the same checks from the command line', () => {
  const csv = '指标,累计（亿元）,同比增长（%）\n固定资产投资,12.5,6.1\n地区生产总值,60,5.5\n';
  let r = guatu(['import', 'indicators', '-', '--db', srv.db, '--region', '220106', '--period', '2016-03', '--dry-run'], csv);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /2 rows: 2 new/);
  r = guatu(['import', 'indicators', '-', '--db', srv.db, '--region', '220106', '--period', '2016-02'], csv);
  assert.equal(r.status, 1, 'GDP has no February');
  assert.match(r.stderr, /row 3/);
  assert.match(r.stderr, /季度/);
  r = guatu(['import', 'indicators', '-', '--db', srv.db, '--region', '220106', '--period', '2016-03'], csv);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /imported as drafts/);
});

test('the import template is an XLSX workbook that imports as nothing (its example row is skipped)', async () => {
  const t = await fetch(srv.url + '/api/v1/indicators/template', { headers: { Cookie: stat.cookie } });
  assert.equal(t.status, 200);
  assert.match(t.headers.get('content-type'), /spreadsheetml/);
  const bytes = Buffer.from(await t.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a zip package');
  const r = await fetch(srv.url + '/api/v1/indicators/import?dry_run=1&region=220104&period=2019-06', {
    method: 'POST', body: bytes,
    headers: { Cookie: stat.cookie, 'X-CSRF-Token': stat.csrf, 'Content-Type': 'application/octet-stream' },
  });
  const rep = await r.json();
  assert.equal(r.status, 200, JSON.stringify(rep));
  assert.deepEqual([rep.layout, rep.rows, rep.error_count], ['indicators', 0, 0]);
  assert.equal((await leader.get('/api/v1/indicators/template')).status, 403);
});
