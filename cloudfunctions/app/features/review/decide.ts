import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { boxOf, decisionsAt, stageAfter } from '../../../../shared/domain/filing/chain';
import { AWAITING_REVIEW, FILING_EVENT_LABELS, nextStatus } from '../../../../shared/domain/filing/status';
import { ROLE_LABELS } from '../../../../shared/domain/roles';
import type { UnitDoc } from '../../collections';
import type { FilingDoc, OpinionRecord } from '../../collections/filing';
import { accountOf } from '../../context';
import { filingInScope } from './scope';
import { ancestorAt } from '../../common/filing-placement';
import { commitFiling, historyEntry } from '../../common/filing-write';
import { filingView } from '../../common/filing-views';
import { afterCommit } from '../../outbox/perform';
import { enqueue, type OutboxDoc } from '../../outbox/records';
import type { Handler } from '../../router';

const ACTIONS = { passUp: 'review.passUp', sendBack: 'review.sendBack', approve: 'review.approve', return: 'review.return' } as const;

/**
 * A reviewer's decision at its own stage, on the version it read. Levels 3 and 2 pass up or send back
 * (初审); level 1 approves (创建集体) or returns with written feedback. The write is conditional on the
 * version, so two reviewers deciding at once cannot both land: the second gets CONFLICT.
 */
export const decide: Handler<typeof contract.review.decide> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const filing = await filingInScope(ctx, input.filingId);
  if (filing.version !== input.version) throw new AppError('CONFLICT', '该报备在您查看后已有变化（他人已审核或集体已重新提交），请刷新后再决定');
  if (!AWAITING_REVIEW[filing.status] || filing.stage === null) throw new AppError('INVALID_STATE', '该报备当前不在审核中');
  const level = actor.level;
  if (!level || filing.stage !== level || filing.stageUnitId !== actor.unitId) {
    throw new AppError('NOT_YOUR_STAGE', `该报备当前待${ROLE_LABELS[`admin${filing.stage}`]}审核`);
  }
  if (!decisionsAt(filing.stage).includes(input.decision)) {
    throw new AppError(
      'NOT_YOUR_STAGE',
      level === 1 ? '一级管理员审核：请选择通过或退回' : `${ROLE_LABELS[`admin${level}`]}只能初审（报上级审核或退回），审核通过须由一级管理员决定`,
    );
  }
  const status = nextStatus(filing.status, input.decision);
  if (!status) throw new AppError('INVALID_STATE');

  const unit = await ctx.store.get<UnitDoc>('units', actor.unitId);
  const now = ctx.now();
  const opinion: OpinionRecord = {
    level,
    box: boxOf(level),
    unitId: actor.unitId,
    unitName: unit?.name ?? '',
    authorId: actor.id,
    authorCode: actor.code,
    authorName: actor.name,
    decision: input.decision,
    comment: input.comment,
    at: now.toISOString(),
    version: filing.version,
  };
  const stage = input.decision === 'passUp' ? stageAfter(filing.stage) : null;
  const next: FilingDoc = {
    ...filing,
    status,
    stage,
    stageUnitId: stage ? ancestorAt(filing.unitPath, stage) : '',
    feedback: input.decision === 'sendBack' || input.decision === 'return' ? input.comment : filing.feedback,
    opinions: [...filing.opinions, opinion],
    history: [...filing.history, historyEntry(now, actor, ACTIONS[input.decision], input.comment)],
    updatedAt: now.toISOString(),
    version: filing.version + 1,
  };
  const collective = await ctx.store.get<{ id: string; accountId: string }>('collectives', filing.collectiveId);
  let told: OutboxDoc | null = null;
  await commitFiling(ctx, filing, next, {
    actor,
    action: ACTIONS[input.decision],
    reason: input.comment,
    // The collective is told through the outbox, written with the decision.
    also: async (tx) => {
      if (!collective) return;
      told = await enqueue(tx, now, {
        kind: 'message',
        message: {
          recipient: { kind: 'account', accountId: collective.accountId },
          topic: 'filingDecision',
          title: `报备审核：${FILING_EVENT_LABELS[input.decision]}`,
          body: `「${filing.name}」${FILING_EVENT_LABELS[input.decision]}。意见：${input.comment}`,
          page: 'collective/filing/status',
        },
      });
    },
  });
  await afterCommit(ctx, [told]);
  return { filing: await filingView(ctx.store, next, accountOf(ctx)) };
};
