import type { AccountView } from '../../../shared/contract/views';
import type { AccountDoc, UnitDoc } from '../collections';
import type { Store } from '../ports/store';

/** "zhangsan@qq.com" → "zh***@qq.com": enough for the holder to recognise, too little to harvest. */
export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const [local, domain] = email.split('@');
  return `${local.slice(0, 2)}***@${domain}`;
}

export function accountView(account: AccountDoc, unitName: string): AccountView {
  return {
    id: account.id,
    code: account.code,
    role: account.role,
    level: account.level,
    name: account.name,
    unitId: account.unitId,
    unitName,
    status: account.status,
    mustChangePassword: account.mustChangePassword,
    recoveryEmailMasked: maskEmail(account.recoveryEmail),
    wechatBound: account.openid !== null,
    lockedUntil: account.lockedUntil,
    createdAt: account.createdAt,
  };
}

/** Views for a page of accounts, looking each distinct unit up once. */
export async function accountViews(store: Store, accounts: AccountDoc[]): Promise<AccountView[]> {
  const names = new Map<string, string>();
  for (const unitId of new Set(accounts.map((a) => a.unitId))) {
    names.set(unitId, (await store.get<UnitDoc>('units', unitId))?.name ?? '');
  }
  return accounts.map((a) => accountView(a, names.get(a.unitId) ?? ''));
}

export async function oneAccountView(store: Store, account: AccountDoc): Promise<AccountView> {
  return (await accountViews(store, [account]))[0];
}
