import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { changeAccount } from '../../common/account-changes';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { manageableAccount } from '../../common/scope';
import { oneAccountView } from '../../common/account-views';

/** Detaches the WeChat user from the account: the next visit from that WeChat asks for the password. */
export const unbindWechat: Handler<typeof contract.admin.unbindWechat> = async (ctx, input) => {
  const target = await manageableAccount(ctx, input.accountId);
  if (target.openid === null) throw new AppError('INVALID_STATE', '该帐号未绑定微信');
  const next = await changeAccount(ctx, target, {
    actor: accountOf(ctx),
    action: 'admin.unbindWechat',
    set: { openid: null },
  });
  return { account: await oneAccountView(ctx.store, next) };
};
