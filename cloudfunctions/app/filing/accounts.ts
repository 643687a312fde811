import { CODE_PREFIX } from '../../../shared/domain/account-code';
import type { AccountDoc, UnitDoc } from '../collections';
import type { Deps } from '../context';
import { oneTimePassword } from '../security/passwords';
import { newId, randomCode } from '../security/random';
import type { StoreOps } from '../ports/store';

/** A new collective account for a transfer or a restructure: a fresh code and a one-time password. */
export async function newCollectiveAccount(deps: Deps, unit: UnitDoc, name: string, recoveryEmail: string | null) {
  const password = oneTimePassword();
  const now = deps.now().toISOString();
  const account: AccountDoc = {
    id: newId(),
    code: randomCode(CODE_PREFIX.collective),
    role: 'collective',
    level: null,
    name,
    unitId: unit.id,
    unitPath: unit.path,
    status: 'active',
    passwordHash: await deps.passwords.hash(password),
    mustChangePassword: true,
    failedSignIns: 0,
    lockedUntil: null,
    recoveryEmail,
    openid: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  return { account, password };
}

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
