import type { contract } from '../../../../shared/contract';
import { isWithin } from '../../../../shared/domain/unit-tree';
import { chinaDate } from '../../../../shared/domain/working-days';
import { AppError } from '../../../../shared/errors';
import type { SupervisionReportDoc } from '../../collections/supervision';
import { assertOwnedPhotos, attachOwnedPhotos } from '../../common/owned-photos';
import { checkLimits } from '../../limits/policy';
import { afterCommit } from '../../outbox/perform';
import type { Message } from '../../ports/notifier';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { aspectTagsOf, campaignOf } from './campaign-of';
import { adminsFor, enqueueMessages } from './escalation-notice';
import { checkedTags } from './evaluate';
import { targetByCode } from './pages';
import { reportView } from './supervision-views';
import { activeSupervisor, REPORT_PHOTO_FOLDER } from './supervisors';

const TEXT_REFUSED = '查访情况：含有不宜公开的信息，请修改后再提交';
const PHOTO_REFUSAL = { code: 'PHOTO_NOT_UPLOADED', field: 'photos' } as const;

function checkedVisitDate(date: string, today: string): string {
  const valid = !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  const message = !valid ? '查访日期：不是有效的日期' : date > today ? '查访日期：不能晚于今天' : null;
  if (message) throw new AppError('INVALID_INPUT', message, { visitDate: message });
  return date;
}

/**
 * A supervisor files a 明察暗访 report about a collective in their unit's subtree. It goes to the unit
 * first (its admins are told through the outbox in the report's transaction, which also counts it on the
 * supervisor); the collective sees nothing until an admin forwards it. A refusal writes nothing.
 */
export const fileReport: Handler<typeof contract.evaluation.fileReport> = async (ctx, input) => {
  const { visitorId, supervisor } = await activeSupervisor(ctx, input.supervisorId);
  await checkLimits(ctx, 'supervisionReport', { visitor: visitorId });
  const visitDate = checkedVisitDate(input.visitDate, chinaDate(ctx.now()));
  const photos = [...new Set(input.photos)];
  await assertOwnedPhotos(ctx, REPORT_PHOTO_FOLDER, supervisor.id, photos, PHOTO_REFUSAL);
  const { collective } = await targetByCode(ctx.store, input.code);
  if (!isWithin(supervisor.unitPath, collective.unitPath)) throw new AppError('NOT_IN_SCOPE', '该集体不在您所属管理单位的监督范围内');
  if (collective.status !== 'active') throw new AppError('EVALUATION_CLOSED');
  const campaignId = await campaignOf(ctx.store, collective);
  const tags = checkedTags((await aspectTagsOf(ctx.store, campaignId)).tags, input.tags);
  const openid = visitorId.startsWith('wx:') ? visitorId.slice(3) : undefined;
  const verdict = await ctx.contentSecurity.checkText({ text: input.text, scene: 'comment', openid });
  if (verdict === 'reject') throw new AppError('CONTENT_REJECTED', TEXT_REFUSED, { text: TEXT_REFUSED });
  const at = ctx.now().toISOString();
  const { unitId, unitPath, unitL1, unitL2, unitL3 } = supervisor;
  const report: SupervisionReportDoc = {
    id: newId(),
    supervisorId: supervisor.id,
    visitorId,
    unitId, unitPath, unitL1, unitL2, unitL3,
    collectiveId: collective.id,
    collectiveUnitPath: collective.unitPath,
    campaignId,
    visitDate,
    rating: input.rating,
    tags,
    text: input.text,
    textState: verdict === 'pass' ? 'shown' : 'review',
    photos,
    status: 'pending',
    decision: null,
    evaluationId: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const messages: Message[] = (await adminsFor(ctx, supervisor.unitPath)).map((admin) => ({
    recipient: { kind: 'account', accountId: admin.id },
    topic: 'supervisionReport',
    title: '收到明察暗访报告',
    body: `社会监督员提交了关于「${collective.name}」的明察暗访报告，请决定是否转发集体。`,
    page: 'admin/evaluation/reports',
  }));
  const records = await transact(ctx.store, async (tx) => {
    await attachOwnedPhotos(ctx, tx, REPORT_PHOTO_FOLDER, photos, PHOTO_REFUSAL);
    await tx.insert('supervisionReports', report);
    if (!(await tx.update('supervisors', supervisor.id, { inc: { reports: 1 } }))) throw new Error(`supervisor ${supervisor.id} is missing`);
    return enqueueMessages(tx, ctx.now(), messages);
  });
  await afterCommit(ctx, records);
  return { report: await reportView(ctx.store, report) };
};
