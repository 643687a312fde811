import { adminHandlers } from '../app/features/admin';
import { cloudbaseMain } from '../entries/cloudbase-main';

/** CloudBase function `admin`: the unit tree and the accounts in it. */
export const main = cloudbaseMain('admin', adminHandlers);
