import type { AccountDoc } from '../../collections';
import type { StoreOps } from '../../ports/store';

/** Cancels an account inside a transaction (注销: the code stops working, history stays). Answers whether it applied. */
export async function cancelInTx(tx: StoreOps, account: AccountDoc, at: string): Promise<boolean> {
  const applied = await tx.update(
    'accounts',
    account.id,
    { set: { status: 'cancelled', openid: null, updatedAt: at, version: account.version + 1 } },
    { version: account.version },
  );
  if (applied && account.openid) await tx.remove('wechatBindings', account.openid);
  return applied;
}
