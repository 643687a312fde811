import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { isWithin } from '../../../../shared/domain/unit-tree';
import { changeAccount } from '../../common/account-changes';
import type { AccountDoc } from '../../collections';
import type { TransferRequestDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { transferRequestView } from '../../common/filing-views';
import type { Handler } from '../../router';
import { oneTimePassword } from '../../security/passwords';
import { oneAccountView } from '../../common/account-views';

/**
 * The receiving side takes the new account of an approved transfer: a one-time password is made now and
 * shown once (none was ever shown to the approver). A lost one is replaced by an ordinary password reset.
 */
export const issueTransferPassword: Handler<typeof contract.review.issueTransferPassword> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const request = await ctx.store.get<TransferRequestDoc>('transferRequests', input.requestId);
  if (!request) throw new AppError('NOT_FOUND', '未找到该申请');
  if (!isWithin(actor.unitPath, request.toUnitPath)) throw new AppError('NOT_IN_SCOPE');
  if (request.status !== 'approved' || !request.newAccountId) throw new AppError('INVALID_STATE', '该申请尚未批准');
  if (request.passwordIssuedAt) throw new AppError('TRANSFER_PASSWORD_ISSUED');
  const account = await ctx.store.get<AccountDoc>('accounts', request.newAccountId);
  if (!account) throw new Error(`transfer request ${request.id} lost its new account`);
  const password = oneTimePassword();
  const at = ctx.now().toISOString();
  const next = await changeAccount(ctx, account, {
    actor,
    action: 'review.issueTransferPassword',
    set: { passwordHash: await ctx.passwords.hash(password), mustChangePassword: true, lockedUntil: null },
    alsoInTransaction: async (tx) => {
      if (!(await tx.update('transferRequests', request.id, { set: { passwordIssuedAt: at } }, { passwordIssuedAt: null }))) throw new AppError('TRANSFER_PASSWORD_ISSUED');
    },
  });
  return {
    account: await oneAccountView(ctx.store, next),
    oneTimePassword: password,
    request: await transferRequestView(ctx.store, { ...request, passwordIssuedAt: at }, actor),
  };
};
