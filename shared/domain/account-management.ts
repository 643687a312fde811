import type { AccountRole, AdminLevel } from './roles';
import { isWithin } from './unit-tree';

interface Holder {
  id: string;
  role: AccountRole;
  level: AdminLevel | null;
  unitPath: string;
}

/**
 * Whether `actor` may reset, lock, unlock or unbind `target`: the target must be inside the actor's
 * subtree and below the actor in the hierarchy. The office manages everyone but offices; a level-1
 * admin manages collectives and admins of levels 2 and 3; nobody manages their own account this way.
 */
export function canManageAccount(actor: Holder, target: Holder): boolean {
  if (actor.id === target.id || !isWithin(actor.unitPath, target.unitPath)) return false;
  if (actor.role === 'office') return target.role !== 'office';
  if (actor.role === 'admin' && actor.level === 1) {
    return target.role === 'collective' || (target.role === 'admin' && (target.level ?? 0) > 1);
  }
  return false;
}

/** The admin level an account issued for a unit gets, or why none may be issued there. */
export function issuableRole(
  actor: Pick<Holder, 'role' | 'level'>,
  role: 'admin' | 'collective',
  unitLevel: number,
): { ok: true; level: AdminLevel | null } | { ok: false; reason: string } {
  if (unitLevel < 1 || unitLevel > 3) return { ok: false, reason: '只能为一至三级管理单位派发用户名' };
  if (role === 'collective') return { ok: true, level: null };
  if (actor.role === 'admin' && unitLevel < 2) return { ok: false, reason: '一级管理员只能为二级、三级单位派发管理员用户名' };
  return { ok: true, level: unitLevel as AdminLevel };
}
