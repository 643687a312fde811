import type { FunctionHandlers } from '../../router';
import { changePassword } from './change-password';
import { me } from './me';
import { requestCodeReminder } from './request-code-reminder';
import { requestPasswordReset } from './request-password-reset';
import { resetPassword } from './reset-password';
import { setRecoveryEmail } from './set-recovery-email';
import { signIn } from './sign-in';
import { signOut } from './sign-out';

export const accountHandlers: FunctionHandlers<'account'> = {
  signIn,
  me,
  signOut,
  changePassword,
  setRecoveryEmail,
  requestCodeReminder,
  requestPasswordReset,
  resetPassword,
};
