import type { AccountDoc } from '../../collections';
import type { UseCaseContext } from '../../context';

/** The same answer whether or not the address is known, so the page cannot be used to test addresses. */
export const RECOVERY_ANSWER = '如果该邮箱是某个帐号的保密邮箱，邮件已发送至该邮箱，请查收（含垃圾邮件箱）';

/** Accounts that may recover through this address: every one not cancelled. */
export async function accountsWithEmail(ctx: UseCaseContext, email: string): Promise<AccountDoc[]> {
  const { items } = await ctx.store.find<AccountDoc>('accounts', {
    where: { recoveryEmail: email, status: { $ne: 'cancelled' } },
    orderBy: { fields: ['code'], direction: 'asc' },
    limit: 20,
  });
  return items;
}
