import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { nextStatus } from '../../../../shared/domain/filing/status';
import { isWithin } from '../../../../shared/domain/unit-tree';
import { endSessions } from '../../common/account-changes';
import type { AccountDoc } from '../../collections';
import type { CollectiveDoc, FilingDoc, RevocationDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { cancelInTx } from './account-cancellation';
import { commitFiling, historyEntry } from '../../common/filing-write';
import { revocationView } from '../../common/filing-views';
import { placePublicPage } from '../../common/public-pages';
import { afterCommit } from '../../outbox/perform';
import { enqueue, type OutboxDoc } from '../../outbox/records';
import type { Handler } from '../../router';

/**
 * The office decides a revocation request. Approved: the filing is revoked, the collective's eligibility
 * with it, its code cancelled, and the collective told. Rejected: the request is closed, nothing else changes.
 */
export const decideRevocation: Handler<typeof contract.review.decideRevocation> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const revocation = await ctx.store.get<RevocationDoc>('revocations', input.revocationId);
  if (!revocation) throw new AppError('NOT_FOUND', '未找到该申请');
  if (!isWithin(actor.unitPath, revocation.unitPath)) throw new AppError('NOT_IN_SCOPE');
  if (revocation.status !== 'pending') throw new AppError('INVALID_STATE', '该申请已审定');
  const filing = await ctx.store.get<FilingDoc>('filings', revocation.filingId);
  const collective = await ctx.store.get<CollectiveDoc>('collectives', revocation.collectiveId);
  if (!filing || !collective) throw new Error(`revocation ${revocation.id} lost its filing or collective`);
  const now = ctx.now();
  const at = now.toISOString();
  const decided: RevocationDoc = { ...revocation, status: input.approve ? 'approved' : 'rejected', decidedByCode: actor.code, decidedAt: at, comment: input.comment };
  const decideInTx = async (tx: Parameters<NonNullable<Parameters<typeof commitFiling>[3]['also']>>[0]) => {
    const { id: _r, ...set } = decided;
    void _r;
    if (!(await tx.update('revocations', revocation.id, { set }, { status: 'pending' }))) throw new AppError('CONFLICT');
  };
  const account = await ctx.store.get<AccountDoc>('accounts', collective.accountId);
  if (input.approve) {
    const status = nextStatus(filing.status, 'revoke');
    if (!status) throw new AppError('INVALID_STATE', '该报备当前状态不能取消创建资格');
    const next: FilingDoc = {
      ...filing,
      status,
      stage: null,
      stageUnitId: '',
      history: [...filing.history, historyEntry(now, actor, 'review.approveRevocation', input.comment)],
      updatedAt: at,
      version: filing.version + 1,
    };
    let told: OutboxDoc | null = null;
    await commitFiling(ctx, filing, next, {
      actor,
      action: 'review.approveRevocation',
      reason: `${revocation.reasons}；审定意见：${input.comment}`,
      also: async (tx) => {
        await decideInTx(tx);
        if (!(await tx.update('collectives', collective.id, { set: { status: 'revoked', updatedAt: at, version: collective.version + 1 } }, { version: collective.version }))) {
          throw new AppError('CONFLICT');
        }
        await placePublicPage(tx, collective.id, { active: false });
        if (account && account.status !== 'cancelled' && !(await cancelInTx(tx, account, at))) throw new AppError('CONFLICT');
        if (!account) return;
        told = await enqueue(tx, now, {
          kind: 'message',
          message: {
            // The cancellation unbinds the account's WeChat user, so the notice goes to that user directly.
            recipient: account.openid ? { kind: 'visitor', visitorId: `wx:${account.openid}` } : { kind: 'account', accountId: account.id },
            topic: 'filingDecision',
            title: '取消创建资格',
            body: `「${filing.name}」经组委会办公室审定，取消本届创建资格，用户名已注销。理由：${revocation.reasons}`,
            page: 'collective/filing/status',
          },
        });
      },
    });
    if (account) await endSessions(ctx, account.id);
    await afterCommit(ctx, [told]);
  } else {
    const next: FilingDoc = {
      ...filing,
      history: [...filing.history, historyEntry(now, actor, 'review.rejectRevocation', input.comment)],
      updatedAt: at,
      version: filing.version + 1,
    };
    await commitFiling(ctx, filing, next, { actor, action: 'review.rejectRevocation', reason: input.comment, also: decideInTx });
  }
  return { revocation: await revocationView(ctx.store, decided) };
};
