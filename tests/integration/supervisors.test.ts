import type { AuditDoc } from '../../cloudfunctions/app/collections';
import type { EvaluationDoc } from '../../cloudfunctions/app/collections/evaluation';
import type { SupervisionReportDoc, SupervisorDoc } from '../../cloudfunctions/app/collections/supervision';
import type { Caller } from '../../cloudfunctions/app/context';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { imageHash } from '../../cloudfunctions/adapters/content/word-list-content-security';
import { PNG } from '../support/creationlog';
import { wechatVisitor } from '../support/evaluation';
import { seedFiling, submitComplete } from '../support/filing';
import { TestApp } from '../support/harness';

type World = Awaited<ReturnType<typeof seedFiling>>;

const REPORT = '暗访当日上午十点到站，窗口仅开放一个，等候二十分钟，工作人员未佩戴工牌，服务承诺未上墙公示。';
const SUPERVISOR_NAME = '李监督';
/** Photos the local content check holds until a verdict arrives (as WeChat's mediaCheckAsync does every photo). */
const HELD = Buffer.concat([PNG, Buffer.from('held-report-photo-1')]);
const HELD_TOO = Buffer.concat([PNG, Buffer.from('held-report-photo-2')]);

describe('监督查评: supervisors a managing unit appoints, and their 明察暗访 reports', () => {
  let app: TestApp;
  let w: World;
  let code: string;
  let countyCode: string;
  const person = wechatVisitor(7);

  /** The bureau's admin appoints; `who` redeems the code. Answers the supervisor's id and the code. */
  async function appointed(who: Caller = person, unitId = w.units.bureau.id): Promise<{ supervisorId: string; invitation: string }> {
    const { supervisor, invitation } = await app.ok('evaluation', 'appointSupervisor', { unitId, name: SUPERVISOR_NAME }, w.admin2.caller);
    await app.ok('evaluation', 'redeemInvitation', { code: invitation.code }, who);
    return { supervisorId: supervisor.id, invitation: invitation.code };
  }
  const filed = async (supervisorId: string, extra: Record<string, unknown> = {}) =>
    (await app.ok('evaluation', 'fileReport', { supervisorId, code, visitDate: '2018-11-18', rating: 2, tags: ['服务态度'], text: REPORT, ...extra }, person)).report;
  const file = (supervisorId: string, extra: Record<string, unknown> = {}, who: Caller = person) =>
    app.call('evaluation', 'fileReport', { supervisorId, code, visitDate: '2018-11-18', rating: 2, tags: ['服务态度'], text: REPORT, ...extra }, who);

  beforeEach(async () => {
    app = new TestApp({ heldImages: [imageHash(HELD), imageHash(HELD_TOO)] });
    w = await seedFiling(app);
    await submitComplete(app, w.campaignId, w.collective.caller);
    await submitComplete(app, w.campaignId, w.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    code = (await app.ok('evaluation', 'publicPage', { collectiveId: w.collective.accountId })).collective.code;
    countyCode = (await app.ok('evaluation', 'publicPage', { collectiveId: w.countyCollective.accountId })).collective.code;
  });
  afterEach(() => app.close());

  test('an invitation is redeemed once, by whoever holds it, and shows the person as the name the admin typed', async () => {
    const { supervisor, invitation } = await app.ok('evaluation', 'appointSupervisor', { unitId: w.units.bureau.id, name: SUPERVISOR_NAME }, w.admin2.caller);
    expect(supervisor).toMatchObject({ name: SUPERVISOR_NAME, status: 'invited', statusLabel: '待接受邀请', unit: { name: '岳阳市交通运输局' }, reports: 0 });
    expect(invitation.code).toMatch(/^[A-Z2-9]{12}$/);
    // Only its hash is kept.
    expect(JSON.stringify(await app.snapshot())).not.toContain(invitation.code);

    const { role } = await app.ok('evaluation', 'redeemInvitation', { code: invitation.code.toLowerCase() }, person);
    expect(role).toMatchObject({ id: supervisor.id, unitName: '岳阳市交通运输局' });
    expect((await app.ok('evaluation', 'mySupervision', {}, person)).roles.map((r) => r.id)).toEqual([supervisor.id]);

    const before = await app.snapshot();
    expect(await app.call('evaluation', 'redeemInvitation', { code: invitation.code }, wechatVisitor(8))).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', fields: { code: '邀请码：已被使用，每个邀请码只能使用一次' } } });
    expect(await app.call('evaluation', 'redeemInvitation', { code: 'ABCDEFGHJKMN' }, wechatVisitor(8))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { code: '邀请码：无效，请核对后重新输入' } } });
    expect(await app.call('evaluation', 'redeemInvitation', { code: '123' }, wechatVisitor(8))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { code: '邀请码：应为12位字母和数字' } } });
    expect(await app.snapshot()).toEqual(before);
    expect((await app.ok('evaluation', 'mySupervision', {}, wechatVisitor(8))).roles).toEqual([]);

    const [listed] = (await app.ok('evaluation', 'unitSupervisors', {}, w.admin1.caller)).items;
    expect(listed).toMatchObject({ id: supervisor.id, status: 'active', statusLabel: '在任', redeemedAt: expect.any(String) });
    // The identity behind the name never leaves the server.
    expect(JSON.stringify(listed)).not.toContain('o-evaluator-7');
  });

  test('an expired invitation and a revoked one are refused, and a revoked supervisor files nothing', async () => {
    const first = await app.ok('evaluation', 'appointSupervisor', { unitId: w.units.bureau.id, name: '王过期' }, w.admin2.caller);
    app.advance(7 * 24 * 60);
    const signIn = async (who: { code: string; password: string }): Promise<Caller> => ({ token: (await app.ok('account', 'signIn', { code: who.code, password: who.password })).token });
    const admin2 = await signIn(w.admin2);
    expect((await app.ok('evaluation', 'unitSupervisors', {}, admin2)).items[0]).toMatchObject({ id: first.supervisor.id, status: 'expired', statusLabel: '邀请已过期' });
    const before = await app.snapshot();
    expect(await app.call('evaluation', 'redeemInvitation', { code: first.invitation.code }, person)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', fields: { code: '邀请码：已过期，请联系管理单位重新发放' } } });
    expect(await app.snapshot()).toEqual(before);

    const second = await app.ok('evaluation', 'appointSupervisor', { unitId: w.units.bureau.id, name: '赵撤销' }, admin2);
    await app.ok('evaluation', 'revokeSupervisor', { supervisorId: second.supervisor.id }, admin2);
    expect(await app.call('evaluation', 'redeemInvitation', { code: second.invitation.code }, person)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', fields: { code: '邀请码：管理单位已撤销该邀请' } } });

    const third = await app.ok('evaluation', 'appointSupervisor', { unitId: w.units.bureau.id, name: SUPERVISOR_NAME }, admin2);
    await app.ok('evaluation', 'redeemInvitation', { code: third.invitation.code }, person);
    await app.ok('evaluation', 'revokeSupervisor', { supervisorId: third.supervisor.id }, admin2);
    expect(await app.call('evaluation', 'revokeSupervisor', { supervisorId: third.supervisor.id }, admin2)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const revoked = await app.snapshot();
    expect(await file(third.supervisor.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.snapshot()).toEqual(revoked);
    expect((await app.ok('evaluation', 'mySupervision', { code }, person)).target).toBeNull();

    const audit = (await findAll<AuditDoc>(app.store, 'audit', { orderBy: { fields: ['at'], direction: 'asc' } })).filter((a) => a.action.includes('Supervisor') || a.action === 'evaluation.redeemInvitation');
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([
      ['evaluation.appointSupervisor', '交通运输局二级管理员'],
      ['evaluation.appointSupervisor', '交通运输局二级管理员'],
      ['evaluation.revokeSupervisor', '交通运输局二级管理员'],
      ['evaluation.appointSupervisor', '交通运输局二级管理员'],
      ['evaluation.redeemInvitation', null],
      ['evaluation.revokeSupervisor', '交通运输局二级管理员'],
    ]);
    expect(JSON.stringify(audit)).not.toContain('o-evaluator');
  });

  test('an admin appoints for any unit below theirs, never for the unit beside theirs or above it; refusals write nothing', async () => {
    const { supervisor } = await app.ok('evaluation', 'appointSupervisor', { unitId: w.units.station.id, name: '周监督' }, w.admin1.caller);
    expect(supervisor.unit).toEqual({ id: w.units.station.id, name: '城区公交站' });
    expect((await app.ok('evaluation', 'unitSupervisors', {}, w.admin1.caller)).items.map((s) => s.unit.name)).toEqual(['城区公交站']);

    // A second level-2 unit under 交通: the bureau's admin sees neither it nor 交通 itself.
    const harbour = (await app.ok('admin', 'createUnit', { parentId: w.units.transport.id, name: '岳阳市港航管理处' }, w.admin1.caller)).unit;
    const before = await app.snapshot();
    for (const unitId of [harbour.id, w.units.transport.id]) {
      expect(await app.call('evaluation', 'appointSupervisor', { unitId, name: '吴监督' }, w.admin2.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE', message: '该对象不在您的管理范围内' } });
    }
    expect(await app.snapshot()).toEqual(before);
  });

  test('a supervisor reports on a collective in the unit’s subtree, never on one outside it; refusals write nothing and name the field', async () => {
    const { supervisorId } = await appointed();
    expect((await app.ok('evaluation', 'mySupervision', { code }, person)).target).toMatchObject({ supervisorId, collective: { code, name: '岳阳市公交一路青年班组' }, tags: expect.arrayContaining(['服务态度']) });
    expect((await app.ok('evaluation', 'mySupervision', { code: countyCode }, person)).target).toBeNull();

    const before = await app.snapshot();
    expect(await file(supervisorId, { code: countyCode })).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE', message: '该集体不在您所属管理单位的监督范围内' } });
    expect(await file(supervisorId, { visitDate: '2099-01-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { visitDate: '查访日期：不能晚于今天' } } });
    expect(await file(supervisorId, { visitDate: '2018-02-30' })).toMatchObject({ ok: false, error: { fields: { visitDate: '查访日期：不是有效的日期' } } });
    expect(await file(supervisorId, { text: '长'.repeat(2001) })).toMatchObject({ ok: false, error: { fields: { text: '查访情况：不能超过2000个字' } } });
    expect(await file(supervisorId, { text: '这里的人都是傻 逼，太差劲了，服务很烂' })).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { text: '查访情况：含有不宜公开的信息，请修改后再提交' } } });
    expect(await file(supervisorId, { tags: ['不存在的方面'] })).toMatchObject({ ok: false, error: { fields: { tags: '评价方面：“不存在的方面”不在可选范围内' } } });
    expect(await file(supervisorId, { photos: ['https://example.com/a.jpg'] })).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_UPLOADED', fields: { photos: '请通过“添加照片”上传' } } });
    expect(await file(supervisorId, { photos: ['1', '2', '3', '4'] })).toMatchObject({ ok: false, error: { fields: { photos: '照片：最多3张' } } });
    // Someone else holding the appointment's id is no supervisor.
    expect(await file(supervisorId, {}, wechatVisitor(9))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.snapshot()).toEqual(before);

    const { url } = await app.ok('evaluation', 'uploadReportPhoto', { supervisorId, contentType: 'image/png', base64: PNG.toString('base64') }, person);
    const filed = await file(supervisorId, { photos: [url] });
    expect(filed).toMatchObject({ ok: true, data: { report: { status: 'pending', statusLabel: '待管理单位处理', photos: [url], visitDate: '2018-11-18', ratingLabel: '不满意' } } });
    expect((await app.mailbox()).map((m) => m.text).join('\n')).toContain('关于「岳阳市公交一路青年班组」的明察暗访报告');
  });

  test('a forwarded 差评 reaches the collective as 监督查评 without the supervisor, counted apart, and opens a follow-up case', async () => {
    const { supervisorId } = await appointed();
    const report = await filed(supervisorId);
    const publicBefore = await app.ok('evaluation', 'publicPage', { code });

    // Pending: only the appointing unit's chain sees it; the collective and the public do not.
    expect((await app.ok('evaluation', 'collectiveEvaluations', {}, w.collective.caller)).items).toEqual([]);
    for (const admin of [w.admin2, w.admin1, w.office]) {
      expect((await app.ok('evaluation', 'unitReports', {}, admin.caller)).items).toEqual([expect.objectContaining({ id: report.id, supervisor: { id: supervisorId, name: SUPERVISOR_NAME }, unitName: '岳阳市交通运输局' })]);
    }
    expect((await app.ok('evaluation', 'unitReports', {}, w.admin3.caller)).items).toEqual([]);
    expect((await app.ok('evaluation', 'unitReports', {}, w.countyAdmin1.caller)).items).toEqual([]);
    expect(await app.call('evaluation', 'forwardReport', { reportId: report.id }, w.admin3.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });

    const { report: forwarded } = await app.ok('evaluation', 'forwardReport', { reportId: report.id, note: '请于五个工作日内整改并答复' }, w.admin2.caller);
    expect(forwarded).toMatchObject({ status: 'forwarded', decision: { note: '请于五个工作日内整改并答复', reason: null } });
    expect(await app.call('evaluation', 'declineReport', { reportId: report.id, reason: '再处理一次' }, w.admin1.caller)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

    const own = await app.ok('evaluation', 'collectiveEvaluations', {}, w.collective.caller);
    expect(own.items).toEqual([expect.objectContaining({ channel: 'supervision', source: 'supervisor', rating: 2, comment: REPORT, tags: ['服务态度'] })]);
    expect(own.summary.supervision).toMatchObject({ count: 1 });
    expect(own.summary.supervision.levels.find((l) => l.rating === 2)?.count).toBe(1);
    // The public rate is the public's: unchanged.
    const publicAfter = await app.ok('evaluation', 'publicPage', { code });
    expect([publicAfter.summary.satisfactionRate, publicAfter.summary.counted, publicAfter.summary.negative]).toEqual([publicBefore.summary.satisfactionRate, publicBefore.summary.counted, publicBefore.summary.negative]);
    expect(publicAfter.summary.supervision.count).toBe(1);
    expect((await app.mailbox()).map((m) => m.text).join('\n')).toContain('请于五个工作日内整改并答复');

    const cases = (await app.ok('evaluation', 'collectiveCases', {}, w.collective.caller)).items;
    expect(cases).toEqual([expect.objectContaining({ status: 'open', evaluation: expect.objectContaining({ channel: 'supervision' }) })]);
    expect(publicAfter.summary.followUp.cases).toBe(publicBefore.summary.followUp.cases + 1);
    // The supervisor reads the answer under 我的评价, as any evaluator of a 差评.
    await app.ok('evaluation', 'replyToCase', { caseId: cases[0].id, kind: 'rectification', text: '已增开窗口，工牌与承诺均已公示。' }, w.collective.caller);
    expect((await app.ok('evaluation', 'myEvaluations', {}, person)).items[0]).toMatchObject({ channel: 'supervision', reply: { kindLabel: '整改' } });

    // Nothing the collective or the public reads names the supervisor.
    const seen = JSON.stringify([own, publicAfter, await app.ok('evaluation', 'comments', { code }), cases, await app.mailbox()]);
    expect(seen).not.toMatch(new RegExp(`${SUPERVISOR_NAME}|o-evaluator-7|${supervisorId}`));
    expect((await app.ok('evaluation', 'myReports', {}, person)).items[0]).toMatchObject({ id: report.id, statusLabel: '已转发集体' });
  });

  test('a forwarded report’s photos are its evaluation’s: shown once they pass, never when risky, their addresses naming nobody', async () => {
    const { supervisorId } = await appointed();
    const photo = async (bytes: Buffer) => (await app.ok('evaluation', 'uploadReportPhoto', { supervisorId, contentType: 'image/png', base64: bytes.toString('base64') }, person)).url;
    const [plain, passing, risky] = [await photo(PNG), await photo(HELD), await photo(HELD_TOO)];
    expect([plain, passing, risky]).toEqual(Array(3).fill(expect.stringMatching(/^\/files\/supervision\/photos\/[0-9a-f]{32}\.png$/)));
    // Another supervisor's photo is not this one's to file.
    const other = wechatVisitor(8);
    const { supervisorId: otherId } = await appointed(other);
    const theirs = (await app.ok('evaluation', 'uploadReportPhoto', { supervisorId: otherId, contentType: 'image/png', base64: PNG.toString('base64') }, other)).url;
    expect(await file(supervisorId, { photos: [theirs] })).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_UPLOADED' } });

    const report = await filed(supervisorId, { photos: [plain, passing, risky] });
    expect(report.photos).toEqual([plain, passing, risky]);
    const publicPhotos = async () => (await app.ok('evaluation', 'comments', { code })).items.map((c) => c.photos);
    expect(await publicPhotos()).toEqual([]);
    await app.ok('evaluation', 'forwardReport', { reportId: report.id }, w.admin2.caller);
    const collectivePhotos = async () => (await app.ok('evaluation', 'collectiveEvaluations', {}, w.collective.caller)).items.map((e) => e.photos);
    expect(await collectivePhotos()).toEqual([[plain]]);
    expect(await publicPhotos()).toEqual([[plain]]);

    expect(await app.deliverVerdicts(imageHash(HELD_TOO), 'risky')).toEqual(['applied']);
    expect(await app.deliverVerdicts(imageHash(HELD), 'pass')).toEqual(['applied']);
    expect(await collectivePhotos()).toEqual([[plain, passing]]);
    expect(await publicPhotos()).toEqual([[plain, passing]]);
    expect((await app.ok('evaluation', 'myEvaluations', {}, person)).items[0].myPhotos).toEqual([
      { url: plain, state: 'shown' },
      { url: passing, state: 'shown' },
      { url: risky, state: 'removed' },
    ]);

    const seen = JSON.stringify([
      await app.ok('evaluation', 'collectiveEvaluations', {}, w.collective.caller),
      await app.ok('evaluation', 'publicPage', { code }),
      await app.ok('evaluation', 'comments', { code }),
    ]);
    expect(seen).not.toMatch(new RegExp(`${SUPERVISOR_NAME}|o-evaluator-7|${supervisorId}`));
  });

  test('a forwarded report whose photo no check will decide waits in the review queue, and the managing unit’s admins are told', async () => {
    const { supervisorId } = await appointed();
    const stuck = (await app.ok('evaluation', 'uploadReportPhoto', { supervisorId, contentType: 'image/png', base64: PNG.toString('base64') }, person)).url;
    // The check could not be submitted (no trace id): no verdict will ever come for this photo.
    const local = app.deps.contentSecurity;
    app.deps.contentSecurity = { checkText: (check) => local.checkText(check), checkImage: async (check) => (check.url === stuck ? { verdict: 'review' } : local.checkImage(check)) };
    const report = await filed(supervisorId, { photos: [stuck] });
    await app.ok('evaluation', 'forwardReport', { reportId: report.id }, w.admin2.caller);

    const told = (await app.mailbox()).filter((m) => m.subject.startsWith('[evaluationHeld]')).map((m) => m.to);
    expect(told).toEqual([`微信 account:${w.admin3.accountId}`]);
    expect((await app.ok('evaluation', 'evaluationReviews', { status: 'pending' }, w.admin3.caller)).items).toEqual([
      expect.objectContaining({ photosInReview: true, reviewPhotos: [stuck], status: 'pending' }),
    ]);
    expect((await app.ok('evaluation', 'comments', { code })).items.map((c) => c.photos)).toEqual([[]]);
  });

  test('a report filed 不转发 stays with the unit; the supervisor reads the reason; counters equal the records', async () => {
    const { supervisorId } = await appointed();
    const reports: string[] = [];
    for (const rating of [5, 1, 3]) reports.push((await filed(supervisorId, { rating })).id);
    expect(await app.call('evaluation', 'declineReport', { reportId: reports[1], reason: '' }, w.admin2.caller)).toMatchObject({ ok: false, error: { fields: { reason: '不转发理由：请填写' } } });
    await app.ok('evaluation', 'declineReport', { reportId: reports[1], reason: '查访时间为非服务时段，情况不实' }, w.admin2.caller);
    await app.ok('evaluation', 'forwardReport', { reportId: reports[0] }, w.admin1.caller);
    await app.ok('evaluation', 'forwardReport', { reportId: reports[2] }, w.office.caller);

    const own = await app.ok('evaluation', 'collectiveEvaluations', {}, w.collective.caller);
    expect(own.items.map((e) => e.rating).sort()).toEqual([3, 5]);
    expect((await app.ok('evaluation', 'collectiveCases', {}, w.collective.caller)).items).toEqual([]);
    expect((await app.ok('evaluation', 'myReports', {}, person)).items.find((r) => r.id === reports[1])).toMatchObject({ status: 'declined', decision: { reason: '查访时间为非服务时段，情况不实' } });
    expect((await app.ok('evaluation', 'unitReports', { status: 'declined' }, w.admin2.caller)).items.map((r) => r.id)).toEqual([reports[1]]);

    const forwarded = (await findAll<SupervisionReportDoc>(app.store, 'supervisionReports', { orderBy: { fields: [], direction: 'asc' } })).filter((r) => r.status === 'forwarded');
    const evaluations = (await findAll<EvaluationDoc>(app.store, 'evaluations', { orderBy: { fields: [], direction: 'asc' } })).filter((e) => e.channel === 'supervision');
    expect(evaluations.map((e) => e.id).sort()).toEqual(forwarded.map((r) => r.evaluationId).sort());
    expect(own.summary.supervision.count).toBe(evaluations.length);
    const [supervisor] = await findAll<SupervisorDoc>(app.store, 'supervisors', { orderBy: { fields: [], direction: 'asc' } });
    expect([supervisor.reports, supervisor.forwarded]).toEqual([3, 2]);
    expect((await app.ok('evaluation', 'unitSupervisors', {}, w.admin2.caller)).items[0]).toMatchObject({ reports: 3, forwarded: 2 });

    const audit = (await findAll<AuditDoc>(app.store, 'audit', { orderBy: { fields: ['at'], direction: 'asc' } })).filter((a) => a.action.endsWith('Report'));
    expect(audit.map((a) => [a.action, a.actorName, a.reason])).toEqual([
      ['evaluation.declineReport', '交通运输局二级管理员', '查访时间为非服务时段，情况不实'],
      ['evaluation.forwardReport', '交通行业一级管理员', null],
      ['evaluation.forwardReport', expect.any(String), null],
    ]);
  });

  test('a supervisor files twenty reports a day; the next is refused for a while', async () => {
    const { supervisorId } = await appointed();
    for (let i = 0; i < 20; i++) expect((await file(supervisorId)).ok).toBe(true);
    expect(await file(supervisorId)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
