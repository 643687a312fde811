import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { EvaluationDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import { audit } from '../../common/audit';
import { isUploadIn } from '../../common/uploads';
import { accountOf } from '../../context';
import { afterCommit } from '../../outbox/perform';
import type { Message } from '../../ports/notifier';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { countEvaluation } from './counts';
import { enqueueMessages } from './escalation-notice';
import { followUpDueAt, syncCase } from './follow-up';
import { holdPhotos, screenedPhotos, shownOnPage } from './photos';
import { pendingReport } from './report-decision';
import { awaitsReview, reviewMessages, syncReview } from './reviews';
import { unitReportView } from './supervision-views';
import { REPORT_PHOTO_FOLDER } from './supervisors';

const NOTE_REFUSED = '转发说明：含有不宜公开的信息，请修改后再提交';

/**
 * An admin of the appointing unit forwards a report to its collective. It becomes a 监督查评 evaluation of
 * the collective (the supervisor's name and identity stay with the unit), counted apart from the public's
 * rate; a 差评 opens a follow-up case as a counted public one does, and its evaluator — the supervisor —
 * reads the answer and rates the handling under 我的评价. The collective is told, with the unit's note.
 */
export const forwardReport: Handler<typeof contract.evaluation.forwardReport> = async (ctx, input) => {
  const account = accountOf(ctx);
  const found = await pendingReport(ctx, input.reportId);
  const note = input.note || null;
  if (note && (await ctx.contentSecurity.checkText({ text: note, scene: 'profile', openid: ctx.caller.openid })) !== 'pass') {
    throw new AppError('CONTENT_REJECTED', NOTE_REFUSED, { note: NOTE_REFUSED });
  }
  const collective = await ctx.store.get<CollectiveDoc>('collectives', found.collectiveId);
  if (!collective) throw new AppError('NOT_FOUND', '未找到该集体');
  // Photos go public as any evaluation's do, once they pass. They are checked for the forwarding admin, who is
  // using the app now (the supervisor may not have for days, and WeChat checks only for a recent user). Those
  // filed before report photos had random names (under the supervisor's id) stay with the unit.
  const reportPhotos = found.photos.filter((url) => isUploadIn(ctx, url, REPORT_PHOTO_FOLDER));
  const photos = await screenedPhotos(ctx, ctx.caller.openid, reportPhotos);
  const now = ctx.now();
  const at = now.toISOString();
  const evaluation: EvaluationDoc = {
    id: newId(),
    collectiveId: collective.id,
    unitPath: collective.unitPath,
    campaignId: found.campaignId,
    channel: 'supervision',
    source: 'supervisor',
    visitorId: found.visitorId,
    signupId: null,
    eventId: null,
    month: null,
    rating: found.rating,
    tags: found.tags,
    comment: found.text,
    commentState: found.textState,
    held: false,
    photos,
    commentShown: shownOnPage({ held: false, commentState: found.textState, photos }),
    changedAt: null,
    createdAt: at,
    updatedAt: at,
  };
  const set = { status: 'forwarded' as const, decision: { by: account.id, note, reason: null, at }, evaluationId: evaluation.id, updatedAt: at, version: found.version + 1 };
  const messages: Message[] = [
    {
      recipient: { kind: 'account', accountId: collective.accountId },
      topic: 'supervisionForwarded',
      title: '监督查评',
      body: `管理单位转来一份社会监督员的明察暗访报告（${found.visitDate}）${note ? `：${note}` : '，请查看。'}`,
      page: 'collective/public/evaluations',
    },
  ];
  // One entering the review queue (text WeChat was unsure of, photos no check will decide) tells the managing unit's admins, as an evaluator's does.
  const toReviewers = awaitsReview(evaluation) ? await reviewMessages(ctx, evaluation, collective.name) : [];
  const dueAt = await followUpDueAt(ctx, found.campaignId);
  const records = await transact(ctx.store, async (tx) => {
    if (!(await tx.update('supervisionReports', found.id, { set }, { version: found.version, status: 'pending' }))) throw new AppError('CONFLICT');
    await tx.insert('evaluations', evaluation);
    await holdPhotos(tx, now, evaluation);
    await countEvaluation(tx, evaluation, null, evaluation.rating);
    await syncCase(tx, evaluation, at, dueAt);
    // Text WeChat was unsure of waits for the managing unit's review before the public sees it, as any comment does.
    const queued = await syncReview(tx, evaluation, at, true);
    if (!(await tx.update('supervisors', found.supervisorId, { inc: { forwarded: 1 } }))) throw new Error(`supervisor ${found.supervisorId} is missing`);
    await audit(tx, now, {
      actor: account,
      action: 'evaluation.forwardReport',
      objectType: 'collective',
      objectId: collective.id,
      unitPath: found.unitPath,
      after: { reportId: found.id, evaluationId: evaluation.id, rating: found.rating, note },
    });
    return enqueueMessages(tx, now, queued ? [...messages, ...toReviewers] : messages);
  });
  await afterCommit(ctx, records);
  return { report: await unitReportView(ctx.store, { ...found, ...set }) };
};
