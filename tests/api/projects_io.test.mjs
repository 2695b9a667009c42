// Major projects in and out of spreadsheets: imports of projects and
// monthly reports from messy real-world files (GBK CSV, BOM, merged two-row
// header XLSX, Chinese dates and units), all-or-nothing with row/column
// errors, scope, re-import as update, the report rules, templates, exports
// and the CLI. Runs on SQLite and PostgreSQL (GUATU_TEST_BACKEND).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startDemo, loginAs, guatu } from './lib/server.mjs';
import { makeXlsx } from './lib/xlsx.mjs';

let srv, leader, staff, stat, ed;
before(async () => {
  srv = await startDemo();
  leader = await loginAs(srv.url, 'cy_leader');
  staff = await loginAs(srv.url, 'cy_staff');
  stat = await loginAs(srv.url, 'cy_stat');
  ed = await loginAs(srv.url, 'ed_leader');
});

// Posts raw bytes (a file) as the import body.
async function upload(c, path, bytes) {
  const r = await fetch(srv.url + path, {
    method: 'POST', body: bytes,
    headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Content-Type': 'application/octet-stream' },
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null, text };
}
const importProjects = (c, bytes, q = '') => upload(c, `/api/v1/projects/import${q}`, bytes);
const importReports = (c, bytes, q = '') => upload(c, `/api/v1/projects/reports/import${q}`, bytes);
const find = async (c, q) => (await c.get(`/api/v1/projects?per_page=100&q=${encodeURIComponent(q)}`)).json;
const gbk = (s) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: s });
const utf8 = (s) => Buffer.from(s, 'utf8');

const CODE_A = '2401-220104-04-01-300001';
const CODE_B = '2402-220104-04-01-300002';

test('a GBK CSV with Chinese dates, units and names imports every row, resolved and converted', async () => {
  const csv = '项目代码,项目名称,项目类别,总投资（万元）,年度计划投资（万元）,建设单位,包保领导,责任单位,项目阶段,计划开工日期,实际开工日期,计划竣工日期,标签,专项债\n'
    + `${CODE_A},国标导入甲项目,产业项目,1.2亿元,"5,000",长春中凯消防车有限公司,李区长,发展和改革局,在建,2024年3月1日,2024/3/5,2025.10.31,省重点、招商引资,是\n`
    + ',国标导入乙项目,基础设施,800,,,,,谋划,20240401,,,,否\n';
  const r = await importProjects(leader, gbk(csv));
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.rows, r.json.created, r.json.updated, r.json.committed], [2, 2, 0, true]);
  const a = (await find(leader, '国标导入甲')).items[0];
  assert.equal(a.code, CODE_A);
  assert.equal(a.total_investment, 120000000, '1.2亿元 in 元');
  assert.equal(a.annual_plan, 50000000, '5,000 in the 万元 column');
  assert.equal(a.builder_name, '长春中凯消防车有限公司');
  assert.equal(a.leader_name, '李区长');
  assert.equal(a.department_name, '发展和改革局');
  assert.equal(a.stage, 'building');
  assert.deepEqual([a.planned_start, a.actual_start, a.planned_finish], ['2024-03-01', '2024-03-05', '2025-10-31']);
  assert.deepEqual(a.tags, ['省重点', '招商引资']);
  assert.equal(a.special_bond, true);
  assert.equal(a.region, '220104', 'a district user\'s own district by default');
  const b = (await find(leader, '国标导入乙')).items[0];
  assert.equal(b.total_investment, 8000000);
  assert.equal(b.leader_name, '李区长', 'a leader registers his own 包保 projects');
  assert.equal(b.planned_start, '2024-04-01');
  const auditor = await loginAs(srv.url, 'cy_auditor');
  const au = await auditor.get('/api/v1/audit?action=import_create&object_type=project');
  assert.equal(au.status, 200);
  assert.equal(au.json.items.length, 2, 'one audit record per project');
});

test('a merged two-row header XLSX with Excel serial dates and number cells imports', async () => {
  const xlsx = makeXlsx([
    ['2024年重点项目计划表'],
    ['项目名称', '项目类别', '计划投资（万元）', null, '计划开工', '建设性质'],
    ['项目名称', '项目类别', '总投资', '年度计划', '计划开工', '建设性质'],
    ['合并表头导入项目', '社会民生', 3500.5, 1000, 45352, '续建'],
  ], ['A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3']);
  const r = await importProjects(leader, xlsx);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.format, 'xlsx');
  const p = (await find(leader, '合并表头导入')).items[0];
  assert.equal(p.total_investment, 35005000, '3500.5万元 under the merged 计划投资（万元）');
  assert.equal(p.annual_plan, 10000000);
  assert.equal(p.planned_start, '2024-03-01', 'serial 45352');
  assert.equal(p.kind, 'continuing');
  assert.equal(p.category, 'social');
});

test('bad rows refuse the whole file naming row and column; nothing is written', async () => {
  const csv = '\ufeff项目代码,项目名称,项目类别,总投资（万元）,计划开工日期,所属区划\n'
    + '2401-220104-04-01-300010,全或无好项目,产业项目,100,2024-03-01,220104\n'
    + '2401-220104-04-1-300011,全或无坏代码,产业项目,100,,220104\n'
    + ',全或无坏金额,产业项目,约1亿元,,220104\n'
    + ',全或无坏日期,产业项目,100,2024年2月30日,220104\n'
    + ',全或无区外,产业项目,100,,220105\n'
    + ',全或无坏类别,工业项目,100,,220104\n';
  const r = await importProjects(leader, utf8(csv));
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.error.field, 'file');
  assert.match(r.json.error.message_zh, /未导入任何数据/);
  assert.deepEqual(r.json.report.errors.map((x) => [x.row, x.column, x.field]),
    [[3, 'A', 'code'], [4, 'D', 'total_investment'], [5, 'E', 'planned_start'], [6, 'F', 'region'], [7, 'C', 'category']]);
  for (const x of r.json.report.errors) assert.ok(x.message_zh && x.message_en);
  assert.match(r.json.report.errors[1].message_zh, /总投资（万元）/, 'the message names the column');
  assert.equal(r.json.report.committed, false);
  assert.equal((await find(leader, '全或无')).total, 0, 'the good row was not written either');
});

test('a dry run checks and reports but writes nothing', async () => {
  const r = await importProjects(leader, utf8('项目名称,项目类别\n试运行项目,房地产\n'), '?dry_run=1');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.dry_run, r.json.committed, r.json.rows, r.json.created], [true, false, 1, 1]);
  assert.equal((await find(leader, '试运行项目')).total, 0);
});

test('department staff import only their department\'s projects', async () => {
  const ok = await importProjects(staff, utf8('项目名称,项目类别\n科室导入项目,产业项目\n'));
  assert.equal(ok.status, 200, ok.text);
  const p = (await find(staff, '科室导入项目')).items[0];
  assert.equal(p.department_name, '发展和改革局', 'the department defaults to the importer\'s');
  const bad = await importProjects(staff, utf8('项目名称,项目类别,责任单位\n科室越权项目,产业项目,商务局\n'));
  assert.equal(bad.status, 400, bad.text);
  assert.deepEqual(bad.json.report.errors.map((x) => [x.row, x.column, x.field]), [[2, 'C', 'department_id']]);
  assert.equal((await find(leader, '科室越权项目')).total, 0);
  const other = await importProjects(ed, utf8(`项目代码,项目名称,项目类别\n${CODE_A},他区改名,产业项目\n`));
  assert.equal(other.status, 400, 'another district cannot update 朝阳区\'s project by its code');
  assert.equal(other.json.report.errors[0].field, 'code');
  const st = await importProjects(stat, utf8('项目名称,项目类别\n统计导入,产业项目\n'));
  assert.equal(st.status, 403);
});

test('re-importing a registered 项目代码 updates it from the non-empty cells; the stage is not moved', async () => {
  const before = (await find(leader, '国标导入甲')).items[0];
  const csv = `项目代码,项目名称,项目类别,总投资（万元）,建设地点,项目阶段\n${CODE_A},国标导入甲项目,产业项目,1.5亿,朝阳经济开发区,竣工\n`;
  const r = await importProjects(leader, utf8(csv));
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.created, r.json.updated], [0, 1]);
  assert.ok(r.json.warnings.some((w) => w.field === 'stage'), 'a warning says the stage was not changed');
  const after = (await find(leader, '国标导入甲')).items[0];
  assert.equal(after.id, before.id);
  assert.equal(after.total_investment, 150000000);
  assert.equal(after.location, '朝阳经济开发区');
  assert.equal(after.stage, 'building');
  assert.equal(after.annual_plan, before.annual_plan, 'an absent column keeps its value');
  assert.equal(after.builder_name, before.builder_name);
  assert.equal(after.version, before.version + 1);
  const dup = await importProjects(leader, utf8(`项目代码,项目名称,项目类别\n${CODE_B},重复一,产业项目\n${CODE_B},重复二,产业项目\n`));
  assert.equal(dup.status, 400);
  assert.deepEqual(dup.json.report.errors.map((x) => [x.row, x.field]), [[3, 'code']]);
  const dupName = await importProjects(leader, utf8('项目名称,项目类别\n无码重名项目,产业项目\n无码重名项目,产业项目\n'));
  assert.equal(dupName.status, 400, 'without codes a repeated name would register the project twice');
  assert.deepEqual(dupName.json.report.errors.map((x) => [x.row, x.field]), [[3, 'name']]);
});

test('a file in the wrong template is refused with a clear message', async () => {
  const reportFile = utf8('项目代码,月份,本月完成投资（万元）\nX,2024-03,1\n');
  const r = await importProjects(leader, reportFile);
  assert.equal(r.status, 400);
  assert.match(r.json.error.message_zh, /缺少必填列|未找到表头/);
  assert.match(r.json.error.message_zh, /项目名称/);
  const projFile = utf8('项目名称,项目类别\n某项目,产业项目\n');
  const r2 = await importReports(leader, projFile);
  assert.equal(r2.status, 400);
  assert.match(r2.json.error.message_zh, /月份/);
  const units = await importProjects(leader, utf8('项目名称,项目类别,总投资（千元）\n某项目,产业项目,1\n'));
  assert.equal(units.status, 400, 'an unknown unit refuses the file');
  assert.match(units.json.error.message_zh, /千元/);
  const junk = await importProjects(leader, Buffer.from('PK\u0003\u0004garbage'));
  assert.equal(junk.status, 400);
});

test('monthly reports import, are submitted, and follow the report rules', async () => {
  const csv = '项目代码,月份,本月完成投资（万元）,本年累计完成投资（万元）,形象进度\n'
    + `${CODE_A},2025年1月,500,500,场地平整\n`
    + `${CODE_A},2025-02,300,,主体施工\n`;
  const r = await importReports(leader, gbk(csv));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.created, 2);
  const pid = (await find(leader, '国标导入甲')).items[0].id;
  const reps = (await leader.get(`/api/v1/projects/${pid}/reports`)).json.items;
  const feb = reps.find((x) => x.month === '2025-02');
  assert.equal(feb.invest_ytd, 8000000, 'empty 本年累计: January\'s plus February\'s');
  assert.equal(feb.status, 'submitted');
  assert.equal(feb.late, true, 'submitted long after the 5th of March');
  // The statistician reviews January: the month is closed.
  const jan = reps.find((x) => x.month === '2025-01');
  const rv = await stat.post(`/api/v1/projects/${pid}/reports/${jan.id}/review`, { approve: true },
    { 'If-Match': `"${jan.version}"` });
  assert.equal(rv.status, 200, rv.text);
  const bad = await importReports(leader, utf8('项目代码,月份,本月完成投资（万元）,本年累计完成投资（万元）\n'
    + `${CODE_A},2025-01,1,600\n`
    + `${CODE_A},2025年2月,1,900\n`
    + `${CODE_A},2025年3月,100,200\n`
    + `${CODE_A},2099年1月,1,1\n`
    + '2401-220104-04-01-999999,2025-03,1,1\n'));
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.json.report.errors.map((x) => [x.row, x.field]),
    [[2, 'month'], [3, 'month'], [4, 'invest_ytd'], [5, 'month'], [6, 'code']]);
  assert.match(bad.json.report.errors[0].message_zh, /已审核/);
  assert.match(bad.json.report.errors[2].message_zh, /低于/);
  const noted = await importReports(leader, utf8('项目代码,月份,本月完成投资（万元）,本年累计完成投资（万元）,累计回落说明\n'
    + `${CODE_A},2025年3月,100,200,统计口径调整\n`), '?dry_run=1');
  assert.equal(noted.status, 200, 'a note explains the lower year-to-date');
  assert.equal((await leader.get(`/api/v1/projects/${pid}/reports`)).json.items.length, 2, 'nothing more was written');
  const out = await importReports(ed, utf8(`项目代码,月份,本月完成投资（万元）\n${CODE_A},2025-03,1\n`));
  assert.equal(out.status, 400, 'another district\'s leader does not report for it');
  assert.equal((await importReports(stat, utf8('项目代码,月份,本月完成投资（万元）\n'))).status, 403);
});

test('exports follow the list filters and scope; CSV has a BOM, XLSX reads back as an update', async () => {
  const raw = Buffer.from(await (await fetch(`${srv.url}/api/v1/projects/export?format=csv&stage=${encodeURIComponent('在建')}`,
    { headers: { Cookie: leader.cookie } })).arrayBuffer());
  assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM for Excel');
  const csv = raw.toString('utf8');
  assert.match(csv, /国标导入甲项目/);
  assert.doesNotMatch(csv, /国标导入乙项目/, 'a 谋划 project is filtered out');
  assert.match(csv.split('\n')[0], /总投资（万元）.*状态灯/);
  assert.match(csv, /15000(\.00)?,/, '1.5亿元 written in 万元');
  const edCsv = await ed.get('/api/v1/projects/export?format=csv');
  assert.doesNotMatch(edCsv.text, /国标导入甲项目/, 'another district exports none of 朝阳区');
  const x = await fetch(`${srv.url}/api/v1/projects/export?format=xlsx&q=${encodeURIComponent('国标导入')}`, { headers: { Cookie: leader.cookie } });
  assert.equal(x.status, 200);
  assert.match(x.headers.get('content-type'), /spreadsheetml/);
  assert.match(x.headers.get('content-disposition'), /attachment/);
  const bytes = Buffer.from(await x.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  const versions = (await find(leader, '国标导入')).items.map((p) => p.version)
  const back = await importProjects(leader, bytes);
  assert.equal(back.status, 200, back.text);
  assert.deepEqual([back.json.rows, back.json.created, back.json.updated, back.json.unchanged], [2, 0, 0, 2],
    'the export reads back exactly: re-importing it changes nothing');
  assert.deepEqual((await find(leader, '国标导入')).items.map((p) => p.version), versions, 'no new versions');
  assert.equal((await leader.get('/api/v1/projects/export?format=pdf')).status, 400);
  const pb = await leader.get('/api/v1/problems/export?format=csv');
  assert.equal(pb.status, 200);
  assert.match(pb.text, /项目名称,问题,具体情况,责任单位,办结时限,状态/);
  const pbx = await fetch(`${srv.url}/api/v1/problems/export`, { headers: { Cookie: leader.cookie } });
  assert.equal(pbx.status, 200);
  assert.equal(Buffer.from(await pbx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
});

test('the templates are XLSX files the imports accept once filled in', async () => {
  for (const [path, imp] of [['/api/v1/projects/import-template', importProjects], ['/api/v1/projects/reports/import-template', importReports]]) {
    const t = await fetch(srv.url + path, { headers: { Cookie: leader.cookie } });
    assert.equal(t.status, 200);
    const bytes = Buffer.from(await t.arrayBuffer());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    const r = await imp(leader, bytes, '?dry_run=1');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.rows, 0, 'the example row is not imported');
  }
});

test('the CLI imports and exports with the same validation', () => {
  const ok = guatu(['import', 'projects', '-', '--db', srv.db], '项目名称,项目类别,所属区划,总投资（万元）\n命令行导入项目,产业项目,朝阳区,1.2亿元\n');
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /1 created/);
  const bad = guatu(['import', 'projects', '-', '--db', srv.db], '项目名称,项目类别,所属区划\n命令行坏项目,产业项目,\n命令行坏项目二,产业项目,999999\n');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /row 2/);
  assert.match(bad.stderr, /row 3/);
  const rep = guatu(['import', 'reports', '-', '--db', srv.db, '--dry-run'], `项目代码,月份,本月完成投资（万元）,本年累计完成投资（万元）\n${CODE_A},2025-03,100,200\n`);
  assert.equal(rep.status, 1, 'March would fall below February\'s year-to-date: refused');
  assert.match(rep.stderr, /低于/);
  const csv = guatu(['export', 'projects', '--format', 'csv', '--db', srv.db, '--region', '220104']);
  assert.equal(csv.status, 0, csv.stderr);
  assert.match(csv.stdout, /命令行导入项目/);
  assert.match(csv.stdout, /中凯消防车生产基地扩建项目/);
  assert.equal(guatu(['export', 'projects', '--format', 'pdf', '--db', srv.db]).status, 2);
});
