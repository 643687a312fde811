/**
 * Who may act. An account has a role and, for admins, a level; together they form the caller's
 * audience key that the contract lists per action. `public` is anyone, signed in or not.
 */
export const ACCOUNT_ROLES = ['office', 'admin', 'collective'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export type AdminLevel = 1 | 2 | 3;

export const AUDIENCES = ['public', 'office', 'admin1', 'admin2', 'admin3', 'collective'] as const;
export type Audience = (typeof AUDIENCES)[number];

export function audienceOf(account: { role: AccountRole; level?: AdminLevel | null }): Exclude<Audience, 'public'> {
  if (account.role === 'admin') {
    if (!account.level) throw new Error('admin account without a level');
    return `admin${account.level}`;
  }
  return account.role;
}

export const ROLE_LABELS: Record<Exclude<Audience, 'public'>, string> = {
  office: '组委会办公室',
  admin1: '一级管理员',
  admin2: '二级管理员',
  admin3: '三级管理员',
  collective: '集体',
};

/** Audiences that manage the hierarchy: the office and admins of every level. */
export const ADMINS: readonly Audience[] = ['office', 'admin1', 'admin2', 'admin3'];
/** Audiences that issue codes and reset passwords (the notice's 一级管理员 duties; the office above them). */
export const ISSUERS: readonly Audience[] = ['office', 'admin1'];
