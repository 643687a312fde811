import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import type { ComplaintDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { afterCommit } from '../../outbox/perform';
import type { Message } from '../../ports/notifier';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { collectiveComplaintView } from './complaint-views';
import { adminsFor, enqueueMessages } from './escalation-notice';
import { ownCollectiveId } from './pages';

const REFUSED = '整改情况：含有不宜公开的信息，请修改后再提交';

/**
 * The collective reports how it put an upheld complaint with a 整改要求 right: once, or again after the
 * managing unit returned it. The unit's admins are told through the outbox; audited. Another collective's
 * complaint is as unknown as a missing one.
 */
export const rectifyComplaint: Handler<typeof contract.evaluation.rectifyComplaint> = async (ctx, input) => {
  const account = accountOf(ctx);
  const found = await ctx.store.get<ComplaintDoc>('complaints', input.complaintId);
  if (!found || found.collectiveId !== (await ownCollectiveId(ctx)) || !found.rectificationRequested || !found.response) throw new AppError('NOT_FOUND', '未找到要求整改的投诉');
  if (found.response.rectification || found.collectiveRectification?.state === 'confirmed') throw new AppError('INVALID_STATE', '该投诉的整改情况已确认');
  if (found.collectiveRectification?.state === 'submitted') throw new AppError('INVALID_STATE', '整改情况已提交，请等待管理单位确认');
  if ((await ctx.contentSecurity.checkText({ text: input.text, scene: 'profile', openid: ctx.caller.openid })) !== 'pass') {
    throw new AppError('CONTENT_REJECTED', REFUSED, { text: REFUSED });
  }
  const collective = await ctx.store.get<CollectiveDoc>('collectives', found.collectiveId);
  const messages: Message[] = (await adminsFor(ctx, found.unitPath)).map((admin) => ({
    recipient: { kind: 'account', accountId: admin.id },
    topic: 'complaintRectified',
    title: '投诉整改情况',
    body: `「${collective?.name ?? ''}」报告了一条属实投诉的整改情况，请确认。`,
    page: 'admin/evaluation/complaints',
  }));
  const at = ctx.now().toISOString();
  const set = { collectiveRectification: { text: input.text, at, state: 'submitted' as const, review: null }, updatedAt: at, version: found.version + 1 };
  const records = await transact(ctx.store, async (tx) => {
    if (!(await tx.update('complaints', found.id, { set }, { version: found.version }))) throw new AppError('CONFLICT');
    await audit(tx, ctx.now(), { actor: account, action: 'evaluation.rectifyComplaint', objectType: 'collective', objectId: found.collectiveId, unitPath: found.unitPath, after: { complaintId: found.id } });
    return enqueueMessages(tx, ctx.now(), messages);
  });
  await afterCommit(ctx, records);
  const complaint = collectiveComplaintView({ ...found, ...set });
  if (!complaint) throw new AppError('NOT_FOUND', '未找到要求整改的投诉');
  return { complaint };
};
