import { CODE_PREFIX } from '../../../shared/domain/account-code';
import type { AccountDoc } from '../collections';
import type { Deps } from '../context';
import { oneTimePassword } from '../security/passwords';
import { newId, randomCode } from '../security/random';

export type NewAccountFields = Pick<AccountDoc, 'role' | 'level' | 'name' | 'unitId' | 'unitPath' | 'recoveryEmail'>;

/**
 * A new account: a random code for its role and a one-time password, stored only as its hash and to be
 * changed at the first sign-in. The clear password is for the issuer to see once.
 */
export async function newAccount(deps: Pick<Deps, 'passwords' | 'now'>, fields: NewAccountFields): Promise<{ account: AccountDoc; password: string }> {
  const password = oneTimePassword();
  const now = deps.now().toISOString();
  const account: AccountDoc = {
    id: newId(),
    code: randomCode(CODE_PREFIX[fields.role]),
    ...fields,
    status: 'active',
    passwordHash: await deps.passwords.hash(password),
    mustChangePassword: true,
    lockedUntil: null,
    openid: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  return { account, password };
}
