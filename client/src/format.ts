import type { AccountView, UnitView } from '../../shared/contract';
import { UNIT_KIND_LABELS } from '../../shared/contract';
import { audienceOf, ROLE_LABELS } from '../../shared/domain/roles';

/** Display wording for backend values. Formatting only: no page reshapes what the backend answers. */

export const STATUS_LABELS: Record<AccountView['status'], string> = {
  active: '正常',
  locked: '已锁定',
  cancelled: '已注销',
};

/** The `role` filter of `admin.listAccounts` (admins of every level together). */
export const ROLE_FILTER_LABELS: Record<AccountView['role'], string> = {
  office: '组委会办公室',
  admin: '管理员',
  collective: '集体',
};

export function roleLabel(account: Pick<AccountView, 'role' | 'level'>): string {
  return ROLE_LABELS[audienceOf(account)];
}

export function unitKindLabel(unit: Pick<UnitView, 'kind'>): string {
  return UNIT_KIND_LABELS[unit.kind];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-03-01 09:30" in the device's time zone; the raw text when it is not a date. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

