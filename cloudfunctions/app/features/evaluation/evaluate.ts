import type { contract } from '../../../../shared/contract';
import { HOLD_AT_RISK_RANK } from '../../../../shared/domain/evaluation/rules';
import { AppError } from '../../../../shared/errors';
import type { CommentState, EvaluationDoc, EvaluationSlotDoc } from '../../collections/evaluation';
import { visitorOf } from '../../common/identity';
import type { UseCaseContext } from '../../context';
import { checkLimits } from '../../limits/policy';
import { DuplicateKeyError } from '../../ports/store';
import { Retry, withRetries } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { aspectTagsIn, followUpDaysIn, settingsOf } from './campaign-of';
import { countedRating, countEvaluation } from './counts';
import { followUpDeadline, syncCase } from './follow-up';
import { evaluationTarget } from './evaluation-target';
import { awaitsReview, reviewMessages, syncReview } from './reviews';
import { enqueueMessages } from './escalation-notice';
import { afterCommit } from '../../outbox/perform';
import { myEvaluationView } from './views';
import { checkedPhotos, holdPhotos, PHOTO_FOLDER, shownOnPage } from './photos';
import { attachOwnedPhotos } from '../../common/owned-photos';

const COMMENT_REFUSED = '评价内容：含有不宜公开的信息，请修改后再提交';

/** The comment as it will be stored: refused outright when content security rejects it (nothing is written). */
async function checkedComment(ctx: UseCaseContext, visitorId: string, comment: string | undefined): Promise<{ comment: string | null; state: CommentState }> {
  if (!comment) return { comment: null, state: 'none' };
  const openid = visitorId.startsWith('wx:') ? visitorId.slice(3) : undefined;
  const verdict = await ctx.contentSecurity.checkText({ text: comment, scene: 'comment', openid });
  if (verdict === 'reject') throw new AppError('CONTENT_REJECTED', COMMENT_REFUSED, { comment: COMMENT_REFUSED });
  return { comment, state: verdict === 'pass' ? 'shown' : 'review' };
}

/** The tags `offered` (the collective's campaign's); anything else is refused at the field. */
export function checkedTags(offered: string[], tags: string[]): string[] {
  const unknown = tags.find((tag) => !offered.includes(tag));
  if (unknown) {
    const message = `评价方面：“${unknown}”不在可选范围内`;
    throw new AppError('INVALID_INPUT', message, { tags: message });
  }
  return [...new Set(tags)];
}

/**
 * Records an evaluation. A WeChat rater the platform ranks risky is held (stored, not counted, not shown)
 * for the managing unit's review (as is a comment content security leaves for review, see reviews.ts); a counted 差评 opens a follow-up case due in N working days. The slot (a signup; a person, collective and month) is read and written in the
 * same transaction as the evaluation and the collective's counters: a first evaluation adds to its level;
 * a second 综合点评 in the month replaces the first (marked changed) and moves the counts from the old level
 * to the new; a second 一次一评 of one signup is refused. Two first evaluations racing for one slot
 * collide on its id and the loser runs again, finding the winner's. Up to 3 photos of the visitor's own uploads
 * pass content security too: shown with the evaluation once they pass (features/evaluation/photos.ts).
 */
export const evaluate: Handler<typeof contract.evaluation.evaluate> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  await checkLimits(ctx, 'evaluate', { visitor: visitorId });
  // The comment first: a refused one leaves nothing behind, not even the page a first evaluation would make.
  const { comment, state } = await checkedComment(ctx, visitorId, input.comment);
  const photos = await checkedPhotos(ctx, visitorId, input.photos);
  const target = await evaluationTarget(ctx, visitorId, input);
  if (target.collective.status !== 'active') throw new AppError('EVALUATION_CLOSED');
  // One read of the campaign's settings for both the tags offered and the follow-up period.
  const settings = await settingsOf(ctx.store, target.campaignId);
  const tags = checkedTags(aspectTagsIn(settings).tags, input.tags);
  const source = visitorId.startsWith('wx:') ? 'wechat' : 'h5';
  const held = source === 'wechat' && (await ctx.riskControl.rankOf({ openid: visitorId.slice(3), appid: ctx.caller.appid, ip: ctx.caller.ip })) >= HOLD_AT_RISK_RANK;
  const content = { rating: input.rating, tags, comment, commentState: state, held, photos, commentShown: shownOnPage({ held, commentState: state, photos }) };
  const dueAt = followUpDeadline(ctx, followUpDaysIn(settings).workingDays);
  // An evaluation awaiting review (held, its comment in review, photos no check will decide) tells the managing unit's admins once it enters their queue.
  const toReviewers = awaitsReview(content) ? await reviewMessages(ctx, target.collective, target.collective.name) : [];

  const { doc, replaced, records } = await withRetries(async () => {
    try {
      return await ctx.store.transaction(async (tx) => {
        const at = ctx.now().toISOString();
        await attachOwnedPhotos(ctx, tx, PHOTO_FOLDER, photos.map((p) => p.url), { code: 'PHOTO_NOT_UPLOADED', field: 'photos' });
        const slot = await tx.get<EvaluationSlotDoc>('evaluationSlots', target.slotId);
        const before = slot ? await tx.get<EvaluationDoc>('evaluations', slot.evaluationId) : null;
        if (before) {
          if (target.channel === 'perService') throw new AppError('ALREADY_EVALUATED');
          // A folded evaluation stays folded when its writer changes it.
          const set = { ...content, commentShown: content.commentShown && !before.excluded, changedAt: at, updatedAt: at };
          const after: EvaluationDoc = { ...before, ...set };
          await tx.update('evaluations', before.id, { set });
          await holdPhotos(tx, ctx.now(), after);
          await countEvaluation(tx, before, countedRating(before), countedRating(after));
          await syncCase(tx, after, at, dueAt);
          const queued = await syncReview(tx, after, at);
          return { doc: after, replaced: true, records: queued ? await enqueueMessages(tx, ctx.now(), toReviewers) : [] };
        }
        const created: EvaluationDoc = {
          id: newId(),
          collectiveId: target.collective.id,
          unitPath: target.collective.unitPath,
          campaignId: target.campaignId,
          channel: target.channel,
          source,
          visitorId,
          signupId: target.signup?.id ?? null,
          eventId: target.event?.id ?? null,
          month: target.month,
          ...content,
          unitCounted: true,
          changedAt: null,
          createdAt: at,
          updatedAt: at,
        };
        await tx.insert('evaluationSlots', { id: target.slotId, evaluationId: created.id });
        await tx.insert('evaluations', created);
        await holdPhotos(tx, ctx.now(), created);
        await countEvaluation(tx, created, null, countedRating(created));
        // A new id: no case or review of it can exist yet, so none is read.
        await syncCase(tx, created, at, dueAt, true);
        const queued = await syncReview(tx, created, at, true);
        return { doc: created, replaced: false, records: queued ? await enqueueMessages(tx, ctx.now(), toReviewers) : [] };
      });
    } catch (error) {
      // Another first evaluation of this slot committed meanwhile: run again and replace (or refuse) it.
      if (error instanceof DuplicateKeyError) throw new Retry();
      throw error;
    }
  });
  await afterCommit(ctx, records);
  return { evaluation: myEvaluationView(doc, { code: target.page.code, name: target.collective.name }, target.event?.title ?? null), replaced };
};
