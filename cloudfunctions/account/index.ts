import { accountHandlers } from '../app/features/account';
import { cloudbaseMain } from '../entries/cloudbase-main';

/** CloudBase function `account`: sign-in, sessions, passwords, recovery. */
export const main = cloudbaseMain('account', accountHandlers);
