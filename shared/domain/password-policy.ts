/** The minimum strength of a chosen password: 8 or more characters with both letters and digits. */
export const PASSWORD_RULE = '至少8位，且须同时包含字母和数字';

export function isStrongPassword(password: string): boolean {
  return password.length >= 8 && /[A-Za-z]/.test(password) && /\d/.test(password);
}
