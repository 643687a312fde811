import { action } from './call';

/** 管理 services: units, accounts and the audit record of one jurisdiction. */
export const listUnits = action('admin', 'listUnits');
export const createUnit = action('admin', 'createUnit');
export const createAccount = action('admin', 'createAccount');
export const listAccounts = action('admin', 'listAccounts');
export const getAccount = action('admin', 'getAccount');
/** Issues a new one-time password for someone else's account (the holder must change it at next sign-in). */
export const resetAccountPassword = action('admin', 'resetPassword');
export const lockAccount = action('admin', 'lockAccount');
export const unlockAccount = action('admin', 'unlockAccount');
export const cancelAccount = action('admin', 'cancelAccount');
export const unbindWechat = action('admin', 'unbindWechat');
export const listAudit = action('admin', 'listAudit');
