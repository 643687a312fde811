import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { pathIds } from '../../../../shared/domain/unit-tree';
import type { ComplaintDoc } from '../../collections/evaluation';
import { visitorOf } from '../../common/identity';
import { checkLimits } from '../../limits/policy';
import { afterCommit } from '../../outbox/perform';
import type { Message } from '../../ports/notifier';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { campaignOf } from './campaign-of';
import { myComplaintViews } from './complaint-views';
import { adminsFor, enqueueMessages } from './escalation-notice';
import { followUpDueAt } from './follow-up';
import { targetByCode } from './pages';

const TEXT_REFUSED = '投诉内容：含有不宜公开的信息，请修改后再提交';

/**
 * A member of the public complains about a collective from its 三亮 page. The complaint goes to the
 * collective's managing unit (the active admins of its unit, or the nearest one above with some, are told
 * through the outbox in the complaint's transaction), due in the 差评 follow-up's working days. A text
 * content security refuses leaves nothing behind.
 */
export const complain: Handler<typeof contract.evaluation.complain> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  await checkLimits(ctx, 'complain', { visitor: visitorId });
  const openid = visitorId.startsWith('wx:') ? visitorId.slice(3) : undefined;
  if ((await ctx.contentSecurity.checkText({ text: input.text, scene: 'comment', openid })) === 'reject') {
    throw new AppError('CONTENT_REJECTED', TEXT_REFUSED, { text: TEXT_REFUSED });
  }
  const { collective } = await targetByCode(ctx.store, input.code);
  if (collective.status !== 'active') throw new AppError('NOT_FOUND', '该集体已不再接受投诉');
  const campaignId = await campaignOf(ctx.store, collective);
  const at = ctx.now().toISOString();
  const [, unitL1 = '', unitL2 = '', unitL3 = ''] = pathIds(collective.unitPath);
  const doc: ComplaintDoc = {
    id: newId(),
    collectiveId: collective.id,
    unitPath: collective.unitPath,
    unitL1,
    unitL2,
    unitL3,
    campaignId,
    visitorId,
    category: input.category,
    text: input.text,
    phone: input.phone || null,
    status: 'pending',
    dueAt: await followUpDueAt(ctx, campaignId),
    verdict: null,
    respondedOnTime: null,
    response: null,
    escalation: 'none',
    escalateAt: null,
    rectificationRequested: false,
    collectiveRectification: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const messages: Message[] = (await adminsFor(ctx, collective.unitPath)).map((admin) => ({
    recipient: { kind: 'account', accountId: admin.id },
    topic: 'complaintFiled',
    title: '收到投诉',
    body: `「${collective.name}」收到一条投诉，请核实答复。`,
    page: 'admin/evaluation/complaints',
  }));
  const records = await transact(ctx.store, async (tx) => {
    await tx.insert('complaints', doc);
    return enqueueMessages(tx, ctx.now(), messages);
  });
  await afterCommit(ctx, records);
  const [complaint] = await myComplaintViews(ctx.store, [doc]);
  return { complaint };
};
