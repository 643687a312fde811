import type { FunctionHandlers } from '../../router';
import { cancelAccount } from './cancel-account';
import { createAccount } from './create-account';
import { createUnit } from './create-unit';
import { getAccount } from './get-account';
import { listAccounts } from './list-accounts';
import { listAudit } from './list-audit';
import { listUnits } from './list-units';
import { lockAccount } from './lock-account';
import { resetPassword } from './reset-password';
import { unbindWechat } from './unbind-wechat';
import { unlockAccount } from './unlock-account';

export const adminHandlers: FunctionHandlers<'admin'> = {
  listUnits,
  createUnit,
  createAccount,
  listAccounts,
  getAccount,
  resetPassword,
  lockAccount,
  unlockAccount,
  cancelAccount,
  unbindWechat,
  listAudit,
};
