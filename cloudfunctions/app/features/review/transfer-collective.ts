import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { isWithin } from '../../../../shared/domain/unit-tree';
import { accountOf } from '../../context';
import { collectiveByCodeAndName, moveCollective, receivingUnit } from './transfer';
import { duplicatesView } from '../../common/filing-views';
import type { Handler } from '../../router';
import { accountView } from '../../common/account-views';

/**
 * 归口平台选错, inside one scope: an admin whose scope holds both the collective and the proper unit
 * moves it at once, naming its code and the name it filed under. A collective of another branch is
 * not the caller's to take: that needs a request its branch approves (`requestTransfer`).
 */
export const transferCollective: Handler<typeof contract.review.transferCollective> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const toUnit = await receivingUnit(ctx, input.toUnitId);
  const { oldAccount, collective } = await collectiveByCodeAndName(ctx, input.code, input.name);
  if (!isWithin(actor.unitPath, collective.unitPath)) throw new AppError('TRANSFER_NEEDS_APPROVAL');
  if (collective.unitId === toUnit.id) throw new AppError('INVALID_STATE', '该集体已归口在此单位');
  if (collective.pendingTransferId) throw new AppError('TRANSFER_PENDING');
  const { account, password, duplicates } = await moveCollective(ctx, { actor, collective, oldAccount, toUnit, reason: input.reason });
  return {
    account: accountView(account, toUnit.name),
    oneTimePassword: password,
    collectiveId: collective.id,
    possibleDuplicates: await duplicatesView(ctx.store, duplicates.map((d) => d.id), actor),
  };
};
