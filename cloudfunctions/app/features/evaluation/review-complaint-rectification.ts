import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import { loadInScope } from '../../common/scope';
import type { ComplaintDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { afterCommit } from '../../outbox/perform';
import type { Message } from '../../ports/notifier';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { unitComplaintView } from './complaint-views';
import { enqueueMessages } from './escalation-notice';

/**
 * An admin whose subtree holds the collective confirms the collective's reported rectification (it becomes
 * the complaint's recorded rectification, which the complainant reads) or returns it with a reason (the
 * collective is told and may report again). Audited; a second decision is refused.
 */
export const reviewComplaintRectification: Handler<typeof contract.evaluation.reviewComplaintRectification> = async (ctx, input) => {
  const account = accountOf(ctx);
  const found = await loadInScope<ComplaintDoc>(ctx, 'complaints', input.complaintId, '未找到该投诉', (c) => c.unitPath);
  const reported = found.collectiveRectification;
  if (!reported || reported.state !== 'submitted' || !found.response) throw new AppError('INVALID_STATE', '没有待确认的整改情况');
  const at = ctx.now().toISOString();
  const comment = input.confirm ? (input.comment ?? null) : (input.comment ?? '');
  const collectiveRectification = { ...reported, state: input.confirm ? ('confirmed' as const) : ('returned' as const), review: { comment, byName: account.name, at } };
  const response = input.confirm ? { ...found.response, rectification: { text: reported.text, at: reported.at } } : found.response;
  const set = { collectiveRectification, response, updatedAt: at, version: found.version + 1 };
  const collective = await ctx.store.get<CollectiveDoc>('collectives', found.collectiveId);
  const messages: Message[] =
    !input.confirm && collective
      ? [{ recipient: { kind: 'account', accountId: collective.accountId }, topic: 'complaintRectification', title: '整改情况被退回', body: `管理单位退回了整改情况：${comment}`, page: 'collective/public/complaints' }]
      : [];
  const records = await transact(ctx.store, async (tx) => {
    if (!(await tx.update('complaints', found.id, { set }, { version: found.version }))) throw new AppError('CONFLICT');
    await audit(tx, ctx.now(), {
      actor: account,
      action: input.confirm ? 'evaluation.confirmRectification' : 'evaluation.returnRectification',
      objectType: 'collective',
      objectId: found.collectiveId,
      unitPath: found.unitPath,
      after: { complaintId: found.id },
      reason: comment,
    });
    return enqueueMessages(tx, ctx.now(), messages);
  });
  await afterCommit(ctx, records);
  return { complaint: await unitComplaintView(ctx.store, { ...found, ...set }, ctx.now()) };
};
