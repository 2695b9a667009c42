// The drafted 经济运行 briefing: drafted from the demo data it states the
// seeds' published first-half 2023 figures for 朝阳区 (seed 002, 003:
// "上半年，地区生产总值实现427.8亿元，同比增长8.4%", "固定资产投资实现49.7亿元，
// 同比增长23%，总量、增速均居城区首位", "规上工业总产值实现338.1亿元…同比下降2.9%",
// "全口径社零额实现271.1亿元，同比增长20.1%", "本级财政收入实现5.9亿元，同比增长32%");
// every number of the JSON form leads to the record it came from; the DOCX
// is an Office Open XML package whose XML parses (xmllint) and holds the
// sentences; the PDF's text, read back by pdftotext, is the Chinese
// sentences; the CLI writes the same; scope and bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, loginAs, guatu } from './lib/server.mjs';

const SEED_SENTENCES = [
  '上半年，朝阳区地区生产总值实现427.8亿元，同比增长8.4%',
  '固定资产投资实现49.7亿元，同比增长23%（总量、增速均居五城区第1位）',
  '规模以上工业总产值实现338.1亿元，同比下降2.9%',
  '社会消费品零售总额（全口径）实现271.1亿元，同比增长20.1%',
  '本级财政收入实现5.9亿元，同比增长32%',
];
const Q = '/api/v1/briefing?region=220104&period=2023-06';

let srv, work, stat, city;
before(async () => {
  srv = await startDemo();
  work = mkdtempSync(join(tmpdir(), 'guatu-brief-'));
  stat = await loginAs(srv.url, 'cy_stat');
  city = await loginAs(srv.url, 'city_leader');
});
after(() => rmSync(work, { recursive: true, force: true }));

const flat = (s) => s.replace(/\s+/g, '');

// The raw bytes of a GET (the Client decodes text).
async function bytes(client, path) {
  const r = await fetch(srv.url + path, { headers: { Cookie: client.cookie } });
  return { status: r.status, type: r.headers.get('content-type'), disp: r.headers.get('content-disposition'),
    body: Buffer.from(await r.arrayBuffer()) };
}

test('the text briefing states the seeds\' first-half 2023 figures for 朝阳区', async () => {
  const r = await stat.get(Q + '&format=text');
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type'), /^text\/plain/);
  const lines = r.text.split('\n');
  assert.equal(lines[0], '朝阳区2023年上半年经济运行情况');
  for (const s of SEED_SENTENCES) assert.ok(r.text.includes(s), `states: ${s}\n${r.text}`);
  // A paragraph says what is behind target (industry fell).
  assert.match(r.text, /需要关注的是：.*规模以上工业总产值同比下降2\.9%/);
});

test('every number of the JSON briefing leads to its source record', async () => {
  const r = await stat.get(Q);
  assert.equal(r.status, 200, r.text);
  const b = r.json;
  assert.equal(b.region, '220104');
  assert.equal(b.period, '2023-06');
  assert.equal(b.title, '朝阳区2023年上半年经济运行情况');
  assert.equal(b.paragraphs[0].kind, 'headline');
  const nums = b.paragraphs.flatMap((p) => p.numbers.map((n) => ({ ...n, para: p })));
  assert.ok(nums.length >= 15, 'numbers listed');
  for (const n of nums) {
    assert.ok(n.sources.length > 0, `${n.text} has sources`);
    // The offset is a UTF-8 byte offset of the text in its paragraph.
    const at = Buffer.from(n.para.text).subarray(n.offset, n.offset + Buffer.byteLength(n.text)).toString();
    assert.equal(at, n.text);
  }
  // The GDP value: its source is the published value 427.8亿元 of 2023-Q2.
  const gdp = nums.find((n) => n.kind === 'value' && n.indicator === 'gdp');
  assert.equal(gdp.text, '427.8亿元');
  assert.equal(gdp.indicator_name, '地区生产总值');
  assert.equal(gdp.sources[0].type, 'indicator_value');
  const v = await stat.get(`/api/v1/indicators/values/${gdp.sources[0].id}`);
  assert.equal(v.status, 200);
  assert.equal(v.json.region, '220104');
  assert.equal(v.json.indicator, 'gdp');
  assert.equal(v.json.value, 42780000000);
  assert.equal(v.json.growth_bp, 840);
  assert.equal(v.json.status, 'published');
  // Every value and growth leads to a value of 朝阳区 whose figure it states.
  for (const n of nums.filter((x) => x.kind === 'growth')) {
    const src = await stat.get(`/api/v1/indicators/values/${n.sources[0].id}`);
    assert.equal(src.json.region, '220104');
    // Written to one decimal of a percent: 1023 bp is "10.2%".
    assert.equal(Math.round(Math.abs(src.json.growth_bp) / 10) / 10 + '%', n.text);
  }
  // A rank cites the values of the whole group it was ranked in.
  const rank = nums.find((n) => n.kind === 'rank' && n.indicator === 'fai');
  assert.equal(rank.text, '第1位');
  const regions = new Set();
  for (const s of rank.sources) regions.add((await city.get(`/api/v1/indicators/values/${s.id}`)).json.region);
  assert.deepEqual([...regions].sort(), ['220102', '220103', '220104', '220105', '220106']);
  // The figures table has a row per indicator.
  assert.deepEqual(b.table.head, ['指标', '累计', '同比增长', '排名', '全年目标', '完成/序时进度']);
  assert.ok(b.table.rows.some((row) => row[0] === '地区生产总值' && row[1] === '427.8亿元' && row[2] === '8.4%'));
});

test('what the briefing says is behind pace is what the cockpit shows behind', async () => {
  const [b, k] = await Promise.all([stat.get(Q), stat.get('/api/v1/cockpit?region=220104&period=2023-06')]);
  assert.equal(k.status, 200, k.text);
  const behind = b.json.paragraphs.find((p) => p.kind === 'behind');
  assert.ok(behind, 'a paragraph of what is behind');
  const lagging = k.json.indicators.filter((i) => i.status === 'behind');
  assert.ok(lagging.length > 0, 'the demo has indicators behind pace');
  for (const i of lagging) {
    const gap = behind.numbers.find((n) => n.indicator === i.indicator && n.kind === 'gap' &&
      n.sources.some((s) => s.type === 'indicator_target'));
    assert.ok(gap, `${i.indicator} is named as behind`);
    const pts = (Math.round(Math.abs(i.gap_bp) / 10) / 10) + '个百分点';
    assert.ok(behind.text.includes(`慢于序时进度（50%）${pts}`), `${i.indicator}: ${pts}`);
  }
});

test('the projects paragraph states the cockpit\'s rates and cites the year\'s projects', async () => {
  // This month (UTC+8): the briefing's projects are as of today, like the cockpit's.
  const now = new Date(Date.now() + 8 * 3600 * 1000);
  const period = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const [b, k] = await Promise.all([stat.get(`/api/v1/briefing?region=220104&period=${period}`),
    stat.get(`/api/v1/cockpit?region=220104&period=${period}`)]);
  assert.equal(b.status, 200, b.text);
  const p = b.json.paragraphs.find((x) => x.kind === 'projects');
  assert.ok(p, 'a projects paragraph');
  const proj = k.json.projects;
  assert.ok(proj.n_projects > 0, 'the demo has projects this year');
  assert.ok(p.text.startsWith(`项目建设方面，纳入年度计划的重点项目${proj.n_projects}个`), p.text);
  const pct = (bp) => (Math.round(bp / 10) / 10) + '%';
  for (const [key, name] of [['start_resume', '开复工率'], ['start', '开工率'], ['investment', '投资完成率'], ['stats', '入统率']]) {
    const r = proj.rates[key];
    if (r.defined) assert.ok(p.text.includes(name + pct(r.bp)), `${name} ${pct(r.bp)} in: ${p.text}`);
  }
  const rate = p.numbers.find((n) => n.kind === 'rate');
  assert.equal(rate.sources.length, proj.n_projects, 'a rate cites every project of the list');
  for (const s of rate.sources.slice(0, 3)) {
    assert.equal(s.type, 'project');
    const pr = await stat.get(`/api/v1/projects/${s.id}`);
    assert.equal(pr.status, 200);
    assert.equal(pr.json.region, '220104');
  }
});

test('the DOCX is an Office Open XML package whose XML parses and holds the sentences', async () => {
  const r = await bytes(stat, Q + '&format=docx');
  assert.equal(r.status, 200);
  assert.equal(r.type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.match(r.disp, /attachment; filename="briefing\.docx"/);
  const file = join(work, 'b.docx');
  writeFileSync(file, r.body);
  const list = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' });
  assert.equal(list.status, 0, list.stderr);
  const parts = list.stdout.trim().split('\n');
  for (const p of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml',
    'word/_rels/document.xml.rels', 'word/fontTable.xml', 'docProps/core.xml'])
    assert.ok(parts.includes(p), `has ${p}`);
  for (const p of parts) {
    // unzip takes names as patterns: [Content_Types].xml needs its brackets escaped.
    const xml = spawnSync('unzip', ['-p', file, p.replace(/[[\]]/g, '\\$&')]).stdout;
    assert.ok(xml.length > 0, `${p} is not empty`);
    const lint = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
    assert.equal(lint.status, 0, `${p} parses: ${lint.stderr}`);
  }
  const doc = spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).stdout;
  const text = [...doc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
  for (const s of SEED_SENTENCES) assert.ok(text.includes(s), `the DOCX states: ${s}`);
  assert.match(spawnSync('unzip', ['-p', file, 'word/styles.xml'], { encoding: 'utf8' }).stdout,
    /w:eastAsia="仿宋_GB2312"/);
});

test('the PDF renders the Chinese sentences (pdftotext reads them back)', async () => {
  const r = await bytes(city, Q + '&format=pdf');
  assert.equal(r.status, 200);
  assert.equal(r.type, 'application/pdf');
  assert.equal(r.body.subarray(0, 5).toString(), '%PDF-');
  const file = join(work, 'b.pdf');
  writeFileSync(file, r.body);
  const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' });
  assert.match(fonts.stdout, /CJK/, 'a CJK font is embedded');
  const txt = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.equal(txt.status, 0, txt.stderr);
  const text = flat(txt.stdout);
  assert.ok(text.includes('朝阳区2023年上半年经济运行情况'), 'the title');
  for (const s of SEED_SENTENCES) assert.ok(text.includes(flat(s)), `the PDF states: ${s}\n${txt.stdout}`);
});

test('guatu report briefing writes text to standard output, DOCX and PDF to --out', () => {
  const t = guatu(['report', 'briefing', '--region', '220104', '--period', '2023-06', '--db', srv.db]);
  assert.equal(t.status, 0, t.stderr);
  for (const s of SEED_SENTENCES) assert.ok(t.stdout.includes(s), `the CLI states: ${s}`);
  const docx = join(work, 'cli.docx'), pdf = join(work, 'cli.pdf');
  let r = guatu(['report', 'briefing', '--region', '220104', '--period', '2023-06', '--format', 'docx',
    '--out', docx, '--db', srv.db]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(docx).subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
  r = guatu(['report', 'briefing', '--region', '220104', '--period', '2023-06', '--format', 'pdf',
    '--out', pdf, '--db', srv.db]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(flat(spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout).includes(flat(SEED_SENTENCES[0])));
  r = guatu(['report', 'briefing', '--region', '220104', '--period', '2023-06', '--format', 'json', '--db', srv.db]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).title, '朝阳区2023年上半年经济运行情况');
  // Bad arguments: exit 2 with a message in both languages.
  for (const args of [['--region', '2201', '--period', '2023-06'], ['--region', '220104', '--period', '2023-13'],
    ['--region', '220104', '--period', '2023-06', '--format', 'odt']]) {
    const bad = guatu(['report', 'briefing', ...args, '--db', srv.db]);
    assert.equal(bad.status, 2, args.join(' '));
    assert.match(bad.stderr, /错误/);
    assert.match(bad.stderr, /error/);
  }
});

test('scope and bad input', async () => {
  const ed = await loginAs(srv.url, 'ed_leader');
  const r = await ed.get(Q);
  assert.equal(r.status, 404, 'another district is hidden');
  assert.match(r.json.error.message_zh, /[\u4e00-\u9fff]/);
  // The district's own briefing is its default region.
  const own = await ed.get('/api/v1/briefing?period=2023-06&format=text');
  assert.equal(own.status, 200);
  assert.match(own.text, /^二道区2023年上半年经济运行情况/);
  for (const [q, field] of [['period=2023-6', 'period'], ['period=2023-13', 'period'], ['period=+023-06', 'period'],
    ['period=2023-06&format=odt', 'format'], ['period=2023-06&region=22010x', 'region']]) {
    const bad = await stat.get('/api/v1/briefing?' + q);
    assert.equal(bad.status, 400, q);
    assert.equal(bad.json.error.field, field, q);
  }
  assert.equal((await stat.get('/api/v1/briefing?region=220104')).status, 400, 'period is required');
  const admin = await loginAs(srv.url, 'sysadmin');
  assert.equal((await admin.get(Q)).status, 403);
});

test('a period without published figures drafts an honest, short briefing', async () => {
  const r = await stat.get('/api/v1/briefing?region=220104&period=2019-06&format=text');
  assert.equal(r.status, 200);
  assert.match(r.text, /上半年，朝阳区暂无已发布的主要经济指标数据。/);
  assert.doesNotMatch(r.text, /亿元/);
});
