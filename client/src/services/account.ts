import { action } from './call';

/**
 * 帐号 services that need no session. Signing in and out, `me`, changing the password and the recovery email
 * shape the session, so they live in `session.ts`.
 */
export const requestCodeReminder = action('account', 'requestCodeReminder');
export const requestPasswordReset = action('account', 'requestPasswordReset');
/** Sets a new password with the one-time link from the reset email. */
export const resetPasswordByLink = action('account', 'resetPassword');
