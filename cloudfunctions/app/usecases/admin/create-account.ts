import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { CODE_PREFIX } from '../../../../shared/domain/account-code';
import { issuableRole } from '../../../../shared/domain/account-management';
import { audit } from '../../audit';
import type { AccountDoc } from '../../collections';
import { accountOf } from '../../context';
import { DuplicateKeyError } from '../../ports/store';
import type { Handler } from '../../router';
import { unitInScope } from '../../scope';
import { oneTimePassword } from '../../security/passwords';
import { newId, randomCode } from '../../security/random';
import { accountView } from '../../views';

/** 派发用户名: a new account with a random code and a one-time password, shown to the issuer only now. */
export const createAccount: Handler<typeof contract.admin.createAccount> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const unit = await unitInScope(ctx, input.unitId);
  const allowed = issuableRole(actor, input.role, unit.level);
  if (!allowed.ok) throw new AppError('FORBIDDEN', allowed.reason, { unitId: `所属单位：${allowed.reason}` });

  const password = oneTimePassword();
  const passwordHash = await ctx.passwords.hash(password);
  const now = ctx.now().toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    const account: AccountDoc = {
      id: newId(),
      code: randomCode(CODE_PREFIX[input.role]),
      role: input.role,
      level: allowed.level,
      name: input.name,
      unitId: unit.id,
      unitPath: unit.path,
      status: 'active',
      passwordHash,
      mustChangePassword: true,
      failedSignIns: 0,
      lockedUntil: null,
      recoveryEmail: input.recoveryEmail ?? null,
      openid: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    try {
      await ctx.store.transaction(async (tx) => {
        await tx.insert('accounts', account);
        await audit(tx, ctx.now(), {
          actor,
          action: 'admin.createAccount',
          objectType: 'account',
          objectId: account.id,
          unitPath: account.unitPath,
          after: { code: account.code, role: account.role, level: account.level, name: account.name, unitId: unit.id },
        });
      });
      return { account: accountView(account, unit.name), oneTimePassword: password };
    } catch (error) {
      // A random code collided with an existing one: draw again.
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
  }
  throw new Error('could not draw a free account code in 5 attempts');
};
