import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { issuableRole } from '../../../../shared/domain/account-management';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import { DuplicateKeyError } from '../../ports/store';
import type { Handler } from '../../router';
import { insertCollective, newCollective } from '../../common/collectives';
import { newAccount } from '../../common/new-account';
import { unitInScope } from '../../common/scope';
import { accountView } from '../../common/account-views';
import { transact } from '../../ports/transaction-retry';
import { openCreationLog } from '../../common/creation-activity';

/** 派发用户名: a new account with a random code and a one-time password, shown to the issuer only now. */
export const createAccount: Handler<typeof contract.admin.createAccount> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const unit = await unitInScope(ctx, input.unitId);
  const allowed = issuableRole(actor, input.role, unit.level);
  if (!allowed.ok) throw new AppError('FORBIDDEN', allowed.reason, { unitId: `所属单位：${allowed.reason}` });

  for (let attempt = 0; attempt < 5; attempt++) {
    const { account, password } = await newAccount(ctx, {
      role: input.role,
      level: allowed.level,
      name: input.name,
      unitId: unit.id,
      unitPath: unit.path,
      recoveryEmail: input.recoveryEmail ?? null,
    });
    try {
      await transact(ctx.store, async (tx) => {
        await tx.insert('accounts', account);
        await audit(tx, ctx.now(), {
          actor,
          action: 'admin.createAccount',
          objectType: 'account',
          objectId: account.id,
          unitPath: account.unitPath,
          after: { code: account.code, role: account.role, level: account.level, name: account.name, unitId: unit.id },
        });
        // A collective's document starts with its account, so reading its filing page never has to write;
        // so does its creation-log activity record, so its admins see it as silent from the day it is issued.
        if (account.role === 'collective') {
          const collective = newCollective(account, account.createdAt);
          await insertCollective(tx, ctx.now(), actor, collective);
          await openCreationLog(tx, collective, unit.name, ctx.now());
        }
      });
      return { account: accountView(account, unit.name), oneTimePassword: password };
    } catch (error) {
      // A random code collided with an existing one: draw again.
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
  }
  throw new Error('could not draw a free account code in 5 attempts');
};
