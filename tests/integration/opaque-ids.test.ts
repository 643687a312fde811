import { NO_RISK } from '../../cloudfunctions/app/ports/risk-control';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract, type FunctionName } from '../../shared/contract';
import type { Audience } from '../../shared/domain/roles';
import { COLLECTIONS, type AuditDoc } from '../../cloudfunctions/app/collections';
import type { SignupDoc } from '../../cloudfunctions/app/collections/openweek';
import type { Caller } from '../../cloudfunctions/app/context';
import { upgradeSignupIds } from '../../cloudfunctions/app/jobs/opaque-signup-ids';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store';
import { TestApp } from '../support/harness';
import { seedFiling, submitComplete } from '../support/filing';
import { eventFields, HOUR } from '../support/openweek';
import { checkedVideo, completeContent, draft, PNG, putImage, putVideo, submitted } from '../support/creationlog';
import { mp4File } from '../support/mp4';

/**
 * Nothing a member of the public can be tracked by — an OPENID (`wx:…`) or an H5 visitor id (`h5:…`) —
 * may leave the server: not in a view, an export or an audit record. This drives every action of the
 * contract over data with real signups from WeChat and browser visitors, as every role allowed to call
 * it, and scans each answer (xlsx exports opened) for those ids.
 */

const OPENIDS = ['o-scan-wechat-1', 'o-scan-wechat-2'];
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

type World = Awaited<ReturnType<typeof world>>;
type Input = Record<string, unknown>;
/** An input for the action, given the world; `callers` overrides the callers its roles give. */
interface Drive {
  input: (w: World) => Input | Promise<Input>;
  callers?: (w: World) => Caller[];
}

async function world(app: TestApp) {
  const h = await seedFiling(app);
  const filing = await submitComplete(app, h.campaignId, h.collective.caller);
  await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
  const browser = await Promise.all([1, 2].map(async () => (await app.ok('openweek', 'startVisit', {})).visitorToken as string));
  const visitors: Caller[] = [{ openid: OPENIDS[0] }, { openid: OPENIDS[1] }, { visitorToken: browser[0] }, { visitorToken: browser[1] }];
  const publish = async (overrides: Input) => {
    const { event } = await app.ok('openweek', 'createEvent', eventFields(app.clock.getTime(), h.campaignId, overrides), h.collective.caller);
    await app.ok('openweek', 'publishEvent', { eventId: event.id }, h.collective.caller);
    return event.id;
  };
  // Two seats, four people: two seated, two waiting; one seated person leaves and the first in line moves up.
  // It starts within the hour, so check-in is open already.
  const now = app.clock.getTime();
  const open = await publish({ startAt: iso(now + 50 * MINUTE), endAt: iso(now + 3 * HOUR), signupClosesAt: iso(now + 40 * MINUTE), cancelHoursBefore: 0 });
  const codes: string[] = [];
  for (const [i, visitor] of visitors.entries()) {
    const { signup } = await app.ok('openweek', 'signUp', { eventId: open, name: `访客${i}`, phone: '13812345678', privacyAccepted: true }, visitor);
    if (signup.checkInCode) codes.push(signup.checkInCode);
  }
  await app.ok('openweek', 'cancelSignup', { eventId: open }, visitors[2]);
  // Signups that wait for the collective's approval.
  const approval = await publish({ title: '调度中心青年座谈', requiresApproval: true, capacity: 5 });
  for (const visitor of visitors) await app.ok('openweek', 'signUp', { eventId: approval, name: '座谈访客', phone: '13912345678', privacyAccepted: true }, visitor);
  const pending = (await app.ok('openweek', 'listSignups', { eventId: approval }, h.collective.caller)).items.map((s) => s.id);
  const { request } = await app.ok('review', 'requestTransfer', { code: h.countyCollective.code, name: '岳阳县人民医院青年护理组', toUnitId: h.units.transport.id, reason: '应由交通归口' }, h.admin1.caller);
  const { revocation } = await app.ok('review', 'requestRevocation', { filingId: filing.id, reasons: '核查中发现问题' }, h.admin1.caller);
  // The submitted entry carries a video, so approving it has something to approve; a second one waits to be checked.
  const entry = await submitted(app, h.collective.caller, { video: await checkedVideo(app, h.collective.caller, mp4File()) });
  const videoUrl = await putVideo(app, h.collective.caller, mp4File({ seconds: 30 }));
  const imageUrls = await putImage(app, h.collective.caller);
  const creationDraft = await draft(app, h.collective.caller);
  // The 考评 round is open before the first reads, which end signed out.
  await app.ok('management', 'openAssessment', { campaignId: h.campaignId }, h.office.caller);
  // Every visitor rates the collective on its 三亮 page, with a comment and a photo of their own.
  const publicCode = (await app.ok('evaluation', 'publicPage', { collectiveId: h.collective.accountId })).collective.code;
  for (const visitor of visitors.slice(1)) {
    const photo = (await app.ok('evaluation', 'uploadPhoto', { contentType: 'image/png', base64: PNG.toString('base64') }, visitor)).url;
    await app.ok('evaluation', 'evaluate', { code: publicCode, rating: 4, comment: '服务周到', photos: [photo] }, visitor);
  }
  // One 差评, which the collective will answer.
  const caseId = (await app.ok('evaluation', 'evaluate', { code: publicCode, rating: 1, comment: '等候太久' }, visitors[0])).evaluation.id;
  // A risky rater's second 综合点评 this month is held for the managing unit's review, with its comment.
  app.deps.riskControl = { rankOf: async () => 4 };
  const heldId = (await app.ok('evaluation', 'evaluate', { code: publicCode, rating: 2, comment: '服务一般' }, visitors[1])).evaluation.id;
  app.deps.riskControl = NO_RISK;
  // One complaint with a contact phone, which the managing unit will answer.
  const complaintId = (await app.ok('evaluation', 'complain', { code: publicCode, category: 'attitude', text: '窗口工作人员态度冷淡，等候近一小时。', phone: '13987654321' }, visitors[0])).complaint.id;
  // 监督查评: a WeChat visitor and a browser one are supervisors of the bureau, each with a report; one invitation waits.
  const supervisors: string[] = [];
  const reports: string[] = [];
  for (const visitor of [visitors[0], visitors[2]]) {
    const { supervisor, invitation } = await app.ok('evaluation', 'appointSupervisor', { unitId: h.units.bureau.id, name: '监督员' }, h.admin1.caller);
    await app.ok('evaluation', 'redeemInvitation', { code: invitation.code }, visitor);
    supervisors.push(supervisor.id);
    reports.push((await app.ok('evaluation', 'fileReport', { supervisorId: supervisor.id, code: publicCode, visitDate: '2018-11-18', rating: 1, text: '窗口无人值守，等候半小时。' }, visitor)).report.id);
  }
  const invitation = (await app.ok('evaluation', 'appointSupervisor', { unitId: h.units.bureau.id, name: '待邀请' }, h.admin1.caller)).invitation.code;
  const byRole: Record<Audience, Caller[]> = {
    public: [{}, ...visitors],
    office: [h.office.caller],
    admin1: [h.admin1.caller, h.countyAdmin1.caller],
    admin2: [h.admin2.caller],
    admin3: [h.admin3.caller],
    collective: [h.collective.caller, h.countyCollective.caller],
  };
  return { ...h, filing, visitors, browser, open, approval, codes, pending, requestId: request.id, revocationId: revocation.id, entry, creationDraft, videoUrl, imageUrls, publicCode, caseId, complaintId, heldId, supervisors, reports, invitation, byRole };
}

const RULES = { filingOpens: '2018-11-13', filingClosesBefore: '2019-01-20', minMembers: 6, maxMembers: 200, minShareUnder35: 0.5, maxLeaderAge: 40, eligibility: 'none' };

/** Reads: run before and after the writes below, and each must answer some caller with data. */
const READS: Record<string, Drive> = {
  'account.me': { input: () => ({}) },
  'admin.listUnits': { input: () => ({}) },
  'admin.listAccounts': { input: () => ({}) },
  'admin.getAccount': { input: (w) => ({ accountId: w.collective.accountId }) },
  'admin.listAudit': { input: () => ({ limit: 50 }) },
  'campaign.listCampaigns': { input: () => ({}) },
  'campaign.listQuotas': { input: (w) => ({ campaignId: w.campaignId }) },
  'filing.getMine': { input: () => ({}) },
  'openweek.startVisit': { input: () => ({}) },
  'openweek.filters': { input: () => ({}) },
  'openweek.listEvents': { input: () => ({}) },
  'openweek.getEvent': { input: (w) => ({ eventId: w.open }) },
  'openweek.collectivePage': { input: (w) => ({ collectiveId: w.collective.accountId }) },
  'openweek.mySignups': { input: () => ({}) },
  'openweek.myEvents': { input: () => ({}) },
  'openweek.getManagedEvent': { input: (w) => ({ eventId: w.open }) },
  'openweek.listSignups': { input: (w) => ({ eventId: w.open }) },
  'openweek.exportAttendees': { input: (w) => ({ eventId: w.open }) },
  'openweek.adminListEvents': { input: () => ({}) },
  'openweek.stats': { input: () => ({}) },
  'review.listQueue': { input: (w) => ({ campaignId: w.campaignId }) },
  'review.getFiling': { input: (w) => ({ filingId: w.filing.id }) },
  'review.listTransferRequests': { input: () => ({ side: 'incoming' }) },
  'review.listRevocations': { input: () => ({}) },
  'review.exportStatistics': { input: (w) => ({ campaignId: w.campaignId }) },
  'creationlog.overview': { input: () => ({}) },
  'creationlog.listMine': { input: () => ({ status: 'submitted' }) },
  'creationlog.getMine': { input: (w) => ({ entryId: w.entry.id }) },
  'creationlog.feed': { input: (w) => ({ campaignId: w.campaignId }) },
  'creationlog.readEntry': { input: (w) => ({ entryId: w.entry.id }) },
  'creationlog.silentCollectives': { input: () => ({ days: 30 }) },
  'creationlog.stats': { input: (w) => ({ campaignId: w.campaignId }) },
  'creationlog.categories': { input: (w) => ({ campaignId: w.campaignId }) },
  'management.dashboard': { input: (w) => ({ campaignId: w.campaignId }) },
  'management.exportDashboard': { input: (w) => ({ campaignId: w.campaignId }) },
  'management.listLedger': { input: (w) => ({ campaignId: w.campaignId }) },
  // A campaign's 考评 round (opened in the world) has the campaign's id.
  'management.listAssessments': { input: () => ({}) },
  'management.assessmentSheet': { input: (w) => ({ roundId: w.campaignId }) },
  'management.assessmentRanking': { input: (w) => ({ roundId: w.campaignId }) },
  'management.exportAssessment': { input: (w) => ({ roundId: w.campaignId }) },
  'evaluation.publicPage': { input: (w) => ({ code: w.publicCode }) },
  'evaluation.comments': { input: (w) => ({ code: w.publicCode }) },
  'evaluation.publicEntries': { input: (w) => ({ code: w.publicCode }) },
  'evaluation.evaluationForm': { input: (w) => ({ code: w.publicCode }) },
  'evaluation.myEvaluations': { input: () => ({}) },
  'evaluation.collectiveEvaluations': { input: () => ({}) },
  'evaluation.ownPublicPage': { input: () => ({}) },
  'evaluation.posterOf': { input: (w) => ({ code: w.publicCode }) },
  'evaluation.complaintChannel': { input: (w) => ({ unitId: w.units.bureau.id }) },
  'evaluation.aspectTags': { input: (w) => ({ campaignId: w.campaignId }) },
  'evaluation.collectiveCases': { input: () => ({}) },
  'evaluation.escalatedCases': { input: () => ({}) },
  'evaluation.appeals': { input: () => ({}) },
  'evaluation.myComplaints': { input: () => ({}) },
  'evaluation.unitComplaints': { input: () => ({}) },
  'evaluation.followUpPeriod': { input: (w) => ({ campaignId: w.campaignId }) },
  'evaluation.evaluationReviews': { input: () => ({}) },
  'evaluation.collectiveComplaints': { input: () => ({}) },
  'evaluation.unitSupervisors': { input: () => ({}) },
  'evaluation.mySupervision': { input: (w) => ({ code: w.publicCode }) },
  'evaluation.myReports': { input: () => ({}) },
  'evaluation.unitReports': { input: () => ({ status: 'pending' }) },
  'evaluation.unitStatistics': { input: (w) => ({ campaignId: w.campaignId }) },
  'evaluation.exportUnitStatistics': { input: (w) => ({ campaignId: w.campaignId }) },
};

/** Writes, in this order, between the two rounds of reads: what visitors and collectives do to signups first. */
const WRITES: Record<string, Drive> = {
  'openweek.signUp': { input: (w) => ({ eventId: w.open, name: '再次报名', phone: '13812345678', privacyAccepted: true }) },
  'openweek.reviewSignup': { input: (w) => ({ signupId: w.pending[0], approve: true }) },
  'openweek.checkIn': { input: (w) => ({ eventId: w.open, code: w.codes[0] }) },
  'openweek.cancelSignup': { input: (w) => ({ eventId: w.approval }) },
  'openweek.cancelEvent': { input: (w) => ({ eventId: w.approval, reason: '场地检修' }) },
  'openweek.hideEvent': { input: (w) => ({ eventId: w.approval, reason: '内容需修改' }) },
  'openweek.createEvent': { input: (w) => eventFields(Date.parse('2018-11-20T02:00:00.000Z'), w.campaignId, { title: '新的开放日' }) },
  'openweek.updateEvent': { input: (w) => ({ ...eventFields(Date.parse('2018-11-20T02:00:00.000Z'), w.campaignId), eventId: w.open, version: 99 }) },
  'openweek.publishEvent': { input: (w) => ({ eventId: w.open }) },
  'openweek.uploadPhoto': { input: (w) => ({ eventId: w.open, fileName: 'a.png', contentBase64: 'iVBORw0KGgo=' }) },
  'openweek.uploadCover': { input: () => ({ fileName: 'a.png', contentBase64: 'iVBORw0KGgo=' }) },
  'openweek.recordSummary': { input: (w) => ({ eventId: w.open, summary: '活动顺利举行，参观者很满意。' }) },
  'evaluation.uploadPhoto': { input: () => ({ contentType: 'image/png', base64: PNG.toString('base64') }) },
  // Before the visitors evaluate again: their replacement would take the held evaluation out of review.
  'evaluation.decideEvaluationReview': { input: (w) => ({ evaluationId: w.heldId, count: false, reason: '疑似刷评' }) },
  'evaluation.evaluate': { input: (w) => ({ code: w.publicCode, rating: 2, comment: '本月再评一次' }) },
  'evaluation.updatePublicPage': { input: () => ({ commitment: '微笑服务，首问负责', version: 2 }) },
  'evaluation.setComplaintChannel': { input: (w) => ({ unitId: w.units.bureau.id, phone: '0730-1234567' }) },
  'evaluation.replyToCase': { input: (w) => ({ caseId: w.caseId, kind: 'rectification', text: '已增加高峰期服务窗口' }) },
  'evaluation.rateHandling': { input: (w) => ({ evaluationId: w.caseId, rating: 'dissatisfied' }) },
  'evaluation.appeal': { input: (w) => ({ evaluationId: w.caseId, ground: 'mistaken', reasons: '评价人并未到访本窗口，内容与本集体无关' }) },
  'evaluation.decideAppeal': { input: (w) => ({ appealId: w.caseId, uphold: true, comment: '核实为误评' }) },
  'evaluation.complain': { input: (w) => ({ code: w.publicCode, category: 'other', text: '再投诉一次：服务时间与公示不符。' }) },
  'evaluation.respondToComplaint': { input: (w) => ({ complaintId: w.complaintId, verdict: 'upheld', text: '经核实情况属实，已约谈。', rectificationRequest: '公示等候时间' }) },
  // The collective reports its rectification and the unit returns it, before the unit records one itself.
  'evaluation.rectifyComplaint': { input: (w) => ({ complaintId: w.complaintId, text: '已公示等候时间。' }) },
  'evaluation.reviewComplaintRectification': { input: (w) => ({ complaintId: w.complaintId, confirm: false, comment: '请补充照片' }) },
  'evaluation.recordRectification': { input: (w) => ({ complaintId: w.complaintId, text: '已公示等候时间并回访。' }) },
  'evaluation.appointSupervisor': { input: (w) => ({ unitId: w.units.station.id, name: '新监督员' }) },
  'evaluation.redeemInvitation': { input: (w) => ({ code: w.invitation }) },
  'evaluation.uploadReportPhoto': { input: (w) => ({ supervisorId: w.supervisors[0], contentType: 'image/png', base64: PNG.toString('base64') }) },
  'evaluation.fileReport': { input: (w) => ({ supervisorId: w.supervisors[0], code: w.publicCode, visitDate: '2018-11-19', rating: 2, text: '服务承诺未公示上墙。' }) },
  'evaluation.forwardReport': { input: (w) => ({ reportId: w.reports[0], note: '请整改' }) },
  'evaluation.declineReport': { input: (w) => ({ reportId: w.reports[1], reason: '情况不实' }) },
  'evaluation.revokeSupervisor': { input: (w) => ({ supervisorId: w.supervisors[1] }) },
  'evaluation.setAspectTags': { input: (w) => ({ campaignId: w.campaignId, tags: ['服务态度', '办事效率'] }) },
  'evaluation.setFollowUpPeriod': { input: (w) => ({ campaignId: w.campaignId, workingDays: 7 }) },
  'filing.saveDraft': { input: (w) => ({ campaignId: w.campaignId, content: { name: '岳阳市公交一路青年班组' } }) },
  'filing.submit': { input: (w) => ({ campaignId: w.campaignId, content: {} }) },
  'review.decide': { input: (w) => ({ filingId: w.filing.id, version: w.filing.version, decision: 'passUp', comment: '同意报送' }) },
  'review.recordOfficeOpinion': { input: (w) => ({ filingId: w.filing.id, version: w.filing.version, comment: '同意' }) },
  'review.renameCollective': { input: (w) => ({ collectiveId: w.countyCollective.accountId, name: '岳阳市公交一路青年班组', reason: '测试' }) },
  'review.requestTransfer': { input: (w) => ({ code: w.collective.code, name: '岳阳市公交一路青年班组', toUnitId: w.units.county.id, reason: '应由地方归口' }) },
  'review.decideTransfer': { input: (w) => ({ requestId: w.requestId, approve: true, comment: '同意转出' }) },
  'management.recordLedgerEntry': {
    input: (w) => ({ campaignId: w.campaignId, kind: 'meeting', date: '2018-11-25', title: '创建工作推进会', place: '会议室', participants: 20, summary: '部署本届青年文明号创建工作。' }),
  },
  'management.removeLedgerEntry': { input: () => ({ entryId: 'no-such-entry' }) },
  'management.uploadLedgerAttachment': {
    input: () => ({ fileName: '现场.png', contentType: 'image/png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' }),
  },
  'management.openAssessment': { input: (w) => ({ campaignId: w.campaignId }) },
  'management.setAssessmentPoints': { input: (w) => ({ roundId: w.campaignId, points: [{ no: 7, max: 20 }] }) },
  'management.submitAssessmentReport': { input: (w) => ({ roundId: w.campaignId, report: '两年来坚持重在创建、贵在管理。', ledgerConfirmed: true }) },
  'management.scoreAssessmentItem': { input: (w) => ({ roundId: w.campaignId, unitId: w.units.transport.id, no: 2, points: 8, note: '工作规范较完整' }) },
  'management.publishAssessment': { input: (w) => ({ roundId: w.campaignId }) },
  'management.correctAssessmentScore': { input: (w) => ({ roundId: w.campaignId, unitId: w.units.transport.id, no: 2, points: 9, note: '复核后调整', reason: '复核工作规范材料' }) },
  'review.issueTransferPassword': { input: (w) => ({ requestId: w.requestId }) },
  'review.transferCollective': { input: (w) => ({ code: w.collective.code, name: '岳阳市公交一路青年班组', toUnitId: w.units.bureau.id, reason: '归口调整' }) },
  'review.restructureCollective': { input: (w) => ({ collectiveId: w.countyCollective.accountId, newName: '重组后的护理组', reason: '成员变动过半' }) },
  'review.requestRevocation': { input: (w) => ({ filingId: w.filing.id, reasons: '再次申请取消资格' }) },
  'review.decideRevocation': { input: (w) => ({ revocationId: w.revocationId, approve: false, comment: '不予取消' }) },
  'campaign.createCampaign': { input: () => ({ name: '测试创建工作', level: 'city', term: '2019—2020', rules: RULES }) },
  'campaign.updateCampaign': { input: (w) => ({ campaignId: w.campaignId, version: 1, rules: RULES }) },
  'campaign.importQuotas': { input: (w) => ({ campaignId: w.campaignId, fileName: 'q.csv', contentBase64: '' }) },
  'admin.createUnit': { input: (w) => ({ parentId: w.units.bureau.id, name: '新的三级单位' }) },
  'admin.createAccount': { input: (w) => ({ unitId: w.units.station.id, role: 'collective', name: '公交二路青年班组' }) },
  'admin.resetPassword': { input: (w) => ({ accountId: w.admin3.accountId }) },
  'admin.lockAccount': { input: (w) => ({ accountId: w.admin3.accountId, reason: '测试锁定' }) },
  'admin.unlockAccount': { input: (w) => ({ accountId: w.admin3.accountId }) },
  'admin.unbindWechat': { input: (w) => ({ accountId: w.admin3.accountId, reason: '测试解绑' }) },
  'admin.cancelAccount': { input: (w) => ({ accountId: w.admin3.accountId, reason: '测试注销' }) },
  'account.setRecoveryEmail': { input: () => ({ email: 'scan@example.cn', password: 'Passw0rd!' }) },
  'account.requestCodeReminder': { input: () => ({ email: 'scan@example.cn' }) },
  'account.requestPasswordReset': { input: () => ({ email: 'scan@example.cn' }) },
  'account.resetPassword': { input: () => ({ token: 'no-such-token', newPassword: 'Passw0rd12' }) },
  'account.changePassword': { input: () => ({ oldPassword: 'Passw0rd!', newPassword: 'Passw0rd!' }) },
  // Signed in from WeChat by a visitor's OPENID: the account's views say "bound", never which OPENID.
  'account.signIn': { input: (w) => ({ code: w.admin2.code, password: w.admin2.password }), callers: () => [{ openid: OPENIDS[1] }] },
  'creationlog.imageUploadPath': { input: () => ({ contentType: 'image/jpeg', thumbnailType: 'image/jpeg' }) },
  'creationlog.checkImage': { input: (w) => w.imageUrls },
  'creationlog.saveDraft': { input: () => ({ content: completeContent() }) },
  'creationlog.draftFromEvent': { input: (w) => ({ eventId: w.open }) },
  'creationlog.addGuidance': { input: (w) => ({ entryId: w.entry.id, text: '请补充活动照片。' }) },
  'creationlog.submit': { input: (w) => ({ entryId: w.creationDraft.id, version: w.creationDraft.version }) },
  'creationlog.discardDraft': { input: (w) => ({ entryId: w.creationDraft.id }) },
  'creationlog.setPublic': { input: (w) => ({ entryId: w.entry.id, public: true, version: w.entry.version }) },
  'creationlog.videoUploadPath': { input: () => ({}) },
  'creationlog.checkVideo': { input: (w) => ({ url: w.videoUrl }) },
  'creationlog.approveVideo': { input: (w) => ({ entryId: w.entry.id }) },
  'creationlog.setCategories': { input: (w) => ({ campaignId: w.campaignId, version: 0, categories: [{ code: 'volunteer', label: '志愿服务', hidden: false }, { label: '青年突击队', hidden: false }] }) },
  'account.signOut': { input: () => ({}) },
};

/** Every string a member of the public could be tracked by: the OPENIDs and the browser visitors' ids. */
function trackers(w: World): string[] {
  return [...OPENIDS, ...w.browser.map((token) => token.split('.')[1])];
}

/** Every string in an answer, at any depth. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The answer as text, every xlsx file in it (base64 of a zip) opened cell by cell; the caller's own visitor token (theirs to hold) left out. */
async function textOf(answer: unknown, caller: Caller): Promise<string> {
  let text = JSON.stringify(answer);
  if (caller.visitorToken) text = text.split(caller.visitorToken).join('');
  for (const value of stringsOf(answer)) {
    const bytes = Buffer.from(value, 'base64');
    if (value.length < 100 || bytes.subarray(0, 4).toString('latin1') !== 'PK\x03\x04') continue;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => (text += `\n${cell.text}`))));
    opened.add(value);
  }
  return text;
}

/** The exports the scan opened: proof it read the spreadsheets, not only their base64. */
const opened = new Set<string>();

describe('ids that leave the server are opaque', () => {
  let app: TestApp;
  beforeEach(() => {
    app = new TestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  test('every action of the contract, called by every role it allows, answers without an OPENID or visitor id', async () => {
    const actions = Object.entries(contract).flatMap(([fn, actions]) => Object.keys(actions).map((action) => `${fn}.${action}`));
    const unlisted = actions.filter((name) => !(name in READS) && !(name in WRITES));
    // A new action must be listed here (with an input) so its answers are scanned too.
    expect(unlisted).toEqual([]);

    const w = await world(app);
    const ids = trackers(w);
    const leaks: string[] = [];
    const answered = new Set<string>();
    const drive = async (name: string, spec: Drive) => {
      const [fn, action] = name.split('.') as [FunctionName, string];
      const roles = (contract[fn] as Record<string, { roles: readonly Audience[] }>)[action].roles;
      const callers = spec.callers?.(w) ?? [...new Set(roles.flatMap((role) => w.byRole[role]))];
      for (const caller of callers) {
        const answer = await app.call(fn, action as never, await spec.input(w), caller);
        if (answer.ok) answered.add(name);
        const text = await textOf(answer, caller);
        for (const id of ids) if (text.includes(id)) leaks.push(`${name} → ${id}`);
      }
    };
    for (const [name, spec] of Object.entries(READS)) await drive(name, spec);
    for (const [name, spec] of Object.entries(WRITES)) await drive(name, spec);
    for (const [name, spec] of Object.entries(READS)) await drive(name, spec);

    expect(leaks).toEqual([]);
    expect(opened.size).toBeGreaterThanOrEqual(2);
    expect(Object.keys(READS).filter((name) => !answered.has(name))).toEqual([]);
    expect(['openweek.signUp', 'openweek.reviewSignup', 'openweek.checkIn', 'openweek.cancelSignup', 'review.decideTransfer'].filter((name) => !answered.has(name))).toEqual([]);
    // The stored audit log names visitors by their signup only.
    const audit = JSON.stringify(await findAll<AuditDoc>(app.store, 'audit', { orderBy: { fields: ['at'], direction: 'asc' } }));
    expect(ids.filter((id) => audit.includes(id))).toEqual([]);
  });

  test('a visitor’s own actions are audited as 公众 under the signup, and their signup id carries nothing of them', async () => {
    const w = await world(app);
    const mine = (await app.ok('openweek', 'mySignups', {}, w.visitors[0])).items.find((s) => s.eventId === w.open);
    if (!mine) throw new Error('the visitor has no signup');
    expect(mine.id).toMatch(/^[0-9a-f]{32}$/);
    const trail = await app.ok('admin', 'listAudit', { objectId: mine.id }, w.admin1.caller);
    expect(trail.items.map((a) => [a.action, a.actorKind, a.actorCode])).toEqual([['openweek.signUp', 'visitor', null]]);
    const stored = await findAll<AuditDoc>(app.store, 'audit', { where: { objectId: mine.id }, orderBy: { fields: ['at'], direction: 'asc' } });
    expect(stored[0]).toMatchObject({ actorKind: 'visitor', actorId: mine.id });
  });
});

describe('a data directory from before opaque ids', () => {
  test('opens, and its signups get random ids with their audit records rewritten, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qnwmh-legacy-'));
    const file = join(dir, 'old.sqlite');
    // The store as it was: signups keyed `${eventId}:${visitorId}`, without the unique (eventId, visitorId) index.
    const before = { ...COLLECTIONS, signups: COLLECTIONS.signups.filter((index) => !index.unique || index.fields[0] === 'checkInCode') };
    const old = new SqliteStore(file, before);
    const signup = (visitorId: string, code: string, status: SignupDoc['status']): SignupDoc => ({
      id: `0000event0001:${visitorId}`, eventId: '0000event0001', visitorId, eventStartAt: '2018-12-01T02:00:00.000Z', status, name: '老访客', phone: '',
      answer: null, waitOrder: 0, checkInCode: code, checkedInAt: null, remindedAt: null, createdAt: '2018-11-01T00:00:00.000Z', updatedAt: '2018-11-01T00:00:00.000Z',
    });
    const legacy = [signup('wx:o-legacy', 'ABCDEFGH', 'cancelled'), signup('h5:legacyvisitor0001', 'HJKMNPQR', 'confirmed')];
    for (const s of legacy) await old.insert('signups', s);
    const record = (id: string, action: string, objectId: string, after: unknown): AuditDoc => ({
      id, at: '2018-11-01T00:00:00.000Z', actorId: null, actorCode: null, action, objectType: 'signup', objectId, unitPath: '/r/a/', unitL1: 'a', before: null, after, reason: null,
    });
    await old.insert('audit', record('a1', 'openweek.signUp', legacy[0].id, { status: 'confirmed' }));
    await old.insert('audit', record('a2', 'openweek.cancelSignup', legacy[0].id, { status: 'cancelled', promoted: legacy[1].id }));
    await old.close();

    const store = new SqliteStore(file, COLLECTIONS);
    try {
      expect(await upgradeSignupIds({ store })).toBe(2);
      expect(await upgradeSignupIds({ store })).toBe(0);
      const signups = await findAll<SignupDoc>(store, 'signups', { orderBy: { fields: ['createdAt'], direction: 'asc' } });
      expect(signups.map((s) => s.visitorId).sort()).toEqual(['h5:legacyvisitor0001', 'wx:o-legacy']);
      expect(signups.every((s) => /^[0-9a-f]{32}$/.test(s.id))).toBe(true);
      const byVisitor = new Map(signups.map((s) => [s.visitorId, s.id]));
      const audit = await findAll<AuditDoc>(store, 'audit', { orderBy: { fields: ['at'], direction: 'asc' } });
      expect(audit.map((a) => [a.id, a.objectId, a.actorKind, a.actorId, a.after]).sort()).toEqual([
        ['a1', byVisitor.get('wx:o-legacy'), 'visitor', byVisitor.get('wx:o-legacy'), { status: 'confirmed' }],
        ['a2', byVisitor.get('wx:o-legacy'), 'visitor', byVisitor.get('wx:o-legacy'), { status: 'cancelled', promoted: byVisitor.get('h5:legacyvisitor0001') }],
      ]);
      // The unique (eventId, visitorId) index now holds on the upgraded file.
      await expect(store.insert('signups', { ...signups[0], id: 'another', checkInCode: 'ZZZZZZZZ' })).rejects.toThrow();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
