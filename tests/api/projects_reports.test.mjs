// Monthly reports 月报 and problems 问题清单 of major projects: drafts,
// submission (late flag), review (a reviewed month is closed), the
// year-to-date rule; problems through 交办 → 办理 → 反馈 → 销号 with
// escalation of overdue ones to the 包保 leader. Same tests on SQLite and
// PostgreSQL.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, loginAs } from './lib/server.mjs';

let srv, leader, staff, stat, city, ed, ent, auditor;
const im = (r) => ({ 'If-Match': r.headers.get('etag') });
const now8 = () => new Date(Date.now() + 8 * 3600e3);
const Y1 = now8().getUTCFullYear() - 1; // last year: every month is past, every report late
const thisMonth = now8().toISOString().slice(0, 7);
const nextMonth = (() => {
  const d = now8();
  const m = d.getUTCMonth() + 2;
  return m > 12 ? `${d.getUTCFullYear() + 1}-01` : `${d.getUTCFullYear()}-${String(m).padStart(2, '0')}`;
})();
const daysFromNow = (n) => new Date(Date.now() + 8 * 3600e3 + n * 86400e3).toISOString().slice(0, 10);

before(async () => {
  srv = await startDemo();
  [leader, staff, stat, city, ed, ent, auditor] = await Promise.all(
    ['cy_leader', 'cy_staff', 'cy_stat', 'city_leader', 'ed_leader', 'cy_enterprise', 'cy_auditor']
      .map((u) => loginAs(srv.url, u)));
});

test('monthly reports: draft, the ytd rule, submit (late), return, review closes the month', async () => {
  const p = await leader.post('/api/v1/projects', {
    name: '测试月报项目', category: 'industry', department_id: staff.user.department_id,
    annual_plan: '1亿元', total_investment: '3亿元',
  });
  assert.equal(p.status, 201, p.text);
  const base = `/api/v1/projects/${p.json.id}/reports`;
  const r1 = await staff.post(base, { month: `${Y1}-03`, invest_month: '500万元', invest_ytd: '1500万元', progress_text: '基础施工' });
  assert.equal(r1.status, 201, r1.text);
  assert.equal(r1.json.invest_month, 5000000);
  assert.equal(r1.json.invest_ytd, 15000000);
  assert.equal(r1.json.status, 'draft');
  assert.equal(r1.json.status_zh, '草稿');
  assert.equal(r1.headers.get('etag'), `"${r1.json.version}"`);

  const dup = await staff.post(base, { month: `${Y1}-03` });
  assert.equal(dup.status, 409);
  assert.equal(dup.json.error.field, 'month');

  // invest_ytd below the previous month's needs a note naming why.
  const down = await staff.post(base, { month: `${Y1}-04`, invest_month: 0, invest_ytd: '1000万元' });
  assert.equal(down.status, 400, down.text);
  assert.equal(down.json.error.field, 'invest_ytd');
  assert.match(down.json.error.message_zh, new RegExp(`${Y1}-03`));
  const noted = await staff.post(base, { month: `${Y1}-04`, invest_month: 0, invest_ytd: '1000万元', ytd_note: '统计口径调整，核减重复计入的设备款' });
  assert.equal(noted.status, 201, noted.text);
  assert.equal(noted.json.ytd_note, '统计口径调整，核减重复计入的设备款');
  // Without invest_ytd, the year's running total continues.
  const cont = await staff.post(base, { month: `${Y1}-05`, invest_month: '200万元' });
  assert.equal(cont.status, 201, cont.text);
  assert.equal(cont.json.invest_ytd, 12000000);

  for (const [body, field] of [
    [{ month: `${Y1}-13` }, 'month'],
    [{ month: `${Y1}-6` }, 'month'],
    [{ month: nextMonth }, 'month'],
    [{ month: `${Y1}-07`, invest_month: '约300万' }, 'invest_month'],
    [{ month: `${Y1}-07`, invest_month: -1 }, 'invest_month'],
    [{ month: `${Y1}-07`, invest_month: 30000000, invest_ytd: 20000000 }, 'invest_month'],
    [{ month: `${Y1}-07`, bogus: 1 }, 'bogus'],
  ]) {
    const r = await staff.post(base, body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    assert.equal(r.json.error.field, field, JSON.stringify(body));
  }

  // Edit a draft with If-Match.
  const id = r1.json.id;
  assert.equal((await staff.patch(`${base}/${id}`, { progress_text: '主体施工' })).status, 428);
  const e1 = await staff.patch(`${base}/${id}`, { progress_text: '主体施工' }, im(r1));
  assert.equal(e1.status, 200, e1.text);
  assert.equal(e1.json.progress_text, '主体施工');
  assert.equal((await staff.patch(`${base}/${id}`, { progress_text: 'x' }, im(r1))).status, 412);
  assert.equal((await staff.patch(`${base}/${id}`, { month: `${Y1}-02` }, im(e1))).json.error.field, 'month');

  // Submit: late (last year's month, long after the 5th of the month after).
  assert.equal((await staff.post(`${base}/${id}/submit`)).status, 428);
  const s1 = await staff.post(`${base}/${id}/submit`, undefined, im(e1));
  assert.equal(s1.status, 200, s1.text);
  assert.equal(s1.json.status, 'submitted');
  assert.equal(s1.json.late, true);
  assert.equal(s1.json.submitted_by, staff.user.id);
  const locked = await staff.patch(`${base}/${id}`, { progress_text: 'y' }, im(s1));
  assert.equal(locked.status, 409);
  assert.equal((await staff.post(`${base}/${id}/submit`, undefined, im(s1))).status, 409);

  // Review: staff may not; returning needs a comment; the department edits and resubmits.
  assert.equal((await staff.post(`${base}/${id}/review`, { approve: true }, im(s1))).status, 403);
  const noComment = await stat.post(`${base}/${id}/review`, { approve: false }, im(s1));
  assert.equal(noComment.status, 400);
  assert.equal(noComment.json.error.field, 'comment');
  const ret = await stat.post(`${base}/${id}/review`, { approve: false, comment: '形象进度描述不完整' }, im(s1));
  assert.equal(ret.status, 200, ret.text);
  assert.equal(ret.json.status, 'returned');
  assert.equal(ret.json.review_comment, '形象进度描述不完整');
  const e2 = await staff.patch(`${base}/${id}`, { progress_text: '主体施工至三层' }, im(ret));
  assert.equal(e2.status, 200, e2.text);
  const s2 = await staff.post(`${base}/${id}/submit`, undefined, im(e2));
  assert.equal(s2.status, 200);
  const ok = await leader.post(`${base}/${id}/review`, { approve: true, comment: '同意' }, im(s2));
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.status, 'reviewed');
  assert.equal(ok.json.closed, true);
  assert.equal(ok.json.reviewed_by, leader.user.id);

  // The reviewed month is closed: edits, a second report and a second review are 409 naming it.
  for (const r of [
    await staff.patch(`${base}/${id}`, { progress_text: 'z' }, im(ok)),
    await staff.post(base, { month: `${Y1}-03`, invest_month: 1 }),
    await stat.post(`${base}/${id}/review`, { approve: true }, im(ok)),
  ]) {
    assert.equal(r.status, 409, r.text);
    assert.match(r.json.error.message_zh, new RegExp(`${Y1}-03.*已审核`));
    assert.match(r.json.error.message_en, new RegExp(`${Y1}-03.*closed`));
  }

  // Nobody reviews what they submitted; statisticians and enterprises do not report.
  const own = await leader.post(base, { month: `${Y1}-06`, invest_month: 0, invest_ytd: '1200万元' });
  const ownS = await leader.post(`${base}/${own.json.id}/submit`, undefined, im(own));
  assert.equal(ownS.status, 200);
  assert.equal((await leader.post(`${base}/${own.json.id}/review`, { approve: true }, im(ownS))).status, 403);
  assert.equal((await stat.post(base, { month: `${Y1}-08` })).status, 403);
  assert.equal((await ent.post(base, { month: `${Y1}-08` })).status, 403);
  assert.equal((await ed.get(base)).status, 404);
  assert.equal((await city.post(base, { month: `${Y1}-08` })).status, 404, 'not his 包保 project');

  // This month's report submitted now is on time.
  const cur = await staff.post(base, { month: thisMonth, invest_month: 0, invest_ytd: 0 });
  assert.equal(cur.status, 201, cur.text);
  const curS = await staff.post(`${base}/${cur.json.id}/submit`, undefined, im(cur));
  assert.equal(curS.json.late, false);

  const list = await stat.get(base);
  assert.equal(list.status, 200);
  assert.equal(list.json.due_day, 5);
  assert.deepEqual(list.json.items.map((x) => x.month),
    [thisMonth, `${Y1}-06`, `${Y1}-05`, `${Y1}-04`, `${Y1}-03`]);
  const log = await auditor.get(`/api/v1/audit?object_type=project&object_id=${p.json.id}&per_page=100`);
  const actions = log.json.items.map((x) => x.action);
  for (const a of ['report_create', 'report_update', 'report_submit', 'report_return', 'report_review'])
    assert.ok(actions.includes(a), a);
});

test('problems: demo overdue ones are escalated to the 包保 leader', async () => {
  const mine = await leader.get('/api/v1/problems?escalated_to=me&per_page=100');
  assert.equal(mine.status, 200, mine.text);
  assert.ok(mine.json.total >= 2, mine.text);
  assert.ok(mine.json.items.every((x) => x.escalated && x.leader_id === leader.user.id && x.overdue));
  assert.ok(mine.json.items.some((x) => x.title === '厂区外供电线路迁改滞后'));
  const cityMine = await city.get('/api/v1/problems?escalated_to=me');
  assert.ok(cityMine.json.items.some((x) => x.title === '二期用地征收补偿未完成'));
  assert.ok(!cityMine.json.items.some((x) => x.title === '厂区外供电线路迁改滞后'));
  const overdue = await city.get('/api/v1/problems?overdue=1&per_page=100');
  assert.ok(overdue.json.total >= 3);
  assert.ok(overdue.json.items.every((x) => x.overdue && x.status !== 'closed'));
  const closed = await city.get('/api/v1/problems?status=closed');
  assert.ok(closed.json.items.every((x) => x.status === 'closed' && x.status_zh === '销号'));
  const zh = await city.get(`/api/v1/problems?status=${encodeURIComponent('办理')}`);
  assert.ok(zh.json.total >= 1 && zh.json.items.every((x) => x.status === 'handling'));
  assert.equal((await city.get('/api/v1/problems?status=done')).json.error.field, 'status');
  assert.equal((await city.get('/api/v1/problems?escalated_to=x')).json.error.field, 'escalated_to');
  const edl = await ed.get('/api/v1/problems?per_page=100');
  assert.ok(edl.json.total >= 1);
  assert.ok(edl.json.items.every((x) => x.region === '220105'));
  const e = await ent.get('/api/v1/problems?per_page=100');
  assert.ok(e.json.items.every((x) => x.project_name.startsWith('中凯')));
});

test('problems: 交办 → 办理 → 反馈 → 销号, impossible moves named, staff of the assigned department work on it', async () => {
  const projects = (await city.get('/api/v1/projects?per_page=500')).json.items;
  const prj = projects.find((x) => x.name === '中凯消防车生产基地扩建项目'); // 工业和信息化局, cy_leader's
  const base = `/api/v1/projects/${prj.id}/problems`;
  const edDept = (await city.get('/api/v1/departments?per_page=100')).json.items.find((d) => d.region === '220105');
  for (const [body, field] of [
    [{ title: '缺时限', department_id: staff.user.department_id }, 'deadline'],
    [{ title: '坏日期', department_id: staff.user.department_id, deadline: '2026-02-30' }, 'deadline'],
    [{ title: '外区部门', department_id: edDept.id, deadline: daysFromNow(10) }, 'department_id'],
    [{ department_id: staff.user.department_id, deadline: daysFromNow(10) }, 'title'],
  ]) {
    const r = await leader.post(base, body);
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.error.field, field);
  }
  const c = await leader.post(base, { title: '测试：施工用水接入', detail: '需水务部门配合', department_id: staff.user.department_id, deadline: daysFromNow(10) });
  assert.equal(c.status, 201, c.text);
  assert.equal(c.json.status, 'assigned');
  assert.equal(c.json.escalated, false);
  assert.equal(c.json.project_id, prj.id);
  assert.deepEqual(c.json.next_statuses, ['handling']);
  const id = c.json.id;
  const path = `/api/v1/problems/${id}`;
  // Staff of 发展和改革局 cannot see the project, but see and work on the problem assigned to them.
  assert.equal((await staff.get(`/api/v1/projects/${prj.id}`)).status, 404);
  const sl = await staff.get('/api/v1/problems?department_id=me&per_page=100');
  assert.ok(sl.json.items.some((x) => x.id === id));
  const jump = await staff.patch(path, { status: 'closed' }, im(c));
  assert.equal(jump.status, 400, jump.text);
  assert.equal(jump.json.error.field, 'status');
  assert.match(jump.json.error.message_zh, /办理/);
  assert.match(jump.json.error.message_en, /allowed next: handling/);
  assert.equal((await staff.patch(path, { status: 'handling' })).status, 428);
  const h = await staff.patch(path, { status: 'handling' }, im(c));
  assert.equal(h.status, 200, h.text);
  assert.equal(h.json.status_zh, '办理');
  const noFb = await staff.patch(path, { status: 'feedback' }, im(h));
  assert.equal(noFb.json.error.field, 'feedback');
  const fb = await staff.patch(path, { status: '反馈', feedback: '已与水务集团对接，下周接入' }, im(h));
  assert.equal(fb.status, 200, fb.text);
  assert.deepEqual(fb.json.next_statuses, ['handling', 'closed']);
  const back = await leader.patch(path, { status: 'handling' }, im(fb));
  assert.equal(back.status, 200, '反馈 may go back to 办理');
  const fb2 = await staff.patch(path, { status: 'feedback', feedback: '已接入' }, im(back));
  // Overdue on write: a deadline in the past escalates at once.
  const late = await leader.patch(path, { deadline: daysFromNow(-3) }, im(fb2));
  assert.equal(late.status, 200, late.text);
  assert.equal(late.json.escalated, true);
  assert.equal(late.json.overdue, true);
  assert.ok((await leader.get('/api/v1/problems?escalated_to=me&per_page=100')).json.items.some((x) => x.id === id));
  const closed = await leader.patch(path, { status: 'closed' }, im(late));
  assert.equal(closed.status, 200, closed.text);
  assert.equal(closed.json.closed_by, leader.user.id);
  assert.equal(closed.json.overdue, false);
  const reopen = await leader.patch(path, { status: 'handling' }, im(closed));
  assert.equal(reopen.status, 400);
  assert.equal(reopen.json.error.field, 'status');
  // Scope: another district and other leaders cannot touch it.
  assert.equal((await ed.patch(path, { detail: 'x' }, im(closed))).status, 404);
  assert.equal((await city.patch(path, { detail: 'x' }, im(closed))).status, 404);
  const list = await city.get(base);
  assert.ok(list.json.items.some((x) => x.id === id));
  const log = await auditor.get(`/api/v1/audit?object_type=project&object_id=${prj.id}&per_page=100`);
  assert.ok(log.json.items.filter((x) => x.action === 'problem_update').length >= 6);
});
