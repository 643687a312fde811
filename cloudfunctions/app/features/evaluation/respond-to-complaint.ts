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

const REFUSED = '答复内容：含有不宜公开的信息，请修改后再提交';

/**
 * An admin whose subtree holds the collective verifies a pending complaint and responds once: 属实 (optionally
 * asking the collective to put it right, which tells the collective through the outbox) or 不属实. The
 * response, whether it came in time and its audit record land together; a second response is refused.
 */
export const respondToComplaint: Handler<typeof contract.evaluation.respondToComplaint> = async (ctx, input) => {
  const account = accountOf(ctx);
  const found = await loadInScope<ComplaintDoc>(ctx, 'complaints', input.complaintId, '未找到该投诉', (c) => c.unitPath);
  if (found.status !== 'pending') throw new AppError('INVALID_STATE', '该投诉已答复');
  const request = input.rectificationRequest || null;
  if (request && input.verdict !== 'upheld') {
    const message = '整改要求：只有核实属实的投诉才能要求整改';
    throw new AppError('INVALID_INPUT', message, { rectificationRequest: message });
  }
  if ((await ctx.contentSecurity.checkText({ text: input.text, scene: 'profile', openid: ctx.caller.openid })) !== 'pass') {
    throw new AppError('CONTENT_REJECTED', REFUSED, { text: REFUSED });
  }
  const collective = await ctx.store.get<CollectiveDoc>('collectives', found.collectiveId);
  const messages: Message[] =
    request && collective
      ? [{ recipient: { kind: 'account', accountId: collective.accountId }, topic: 'complaintRectification', title: '投诉整改', body: `一条投诉经核实属实，请整改：${request}`, page: 'pages/mine/index' }]
      : [];
  const at = ctx.now().toISOString();
  const respondedOnTime = at < found.dueAt;
  const set = { status: 'responded' as const, verdict: input.verdict, rectificationRequested: request !== null, respondedOnTime, response: { text: input.text, at, rectificationRequest: request, rectification: null }, updatedAt: at, version: found.version + 1 };
  const records = await transact(ctx.store, async (tx) => {
    if (!(await tx.update('complaints', found.id, { set }, { version: found.version, status: 'pending' }))) throw new AppError('CONFLICT');
    await audit(tx, ctx.now(), {
      actor: account,
      action: input.verdict === 'upheld' ? 'evaluation.upholdComplaint' : 'evaluation.rejectComplaint',
      objectType: 'collective',
      objectId: found.collectiveId,
      unitPath: found.unitPath,
      after: { complaintId: found.id, verdict: input.verdict, onTime: respondedOnTime, rectificationRequested: request !== null },
    });
    return enqueueMessages(tx, ctx.now(), messages);
  });
  await afterCommit(ctx, records);
  return { complaint: await unitComplaintView(ctx.store, { ...found, ...set }, ctx.now()) };
};
