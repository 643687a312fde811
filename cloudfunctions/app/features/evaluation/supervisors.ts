import { randomInt } from 'node:crypto';
import { INVITATION_ALPHABET, INVITATION_CODE_LENGTH } from '../../../../shared/domain/evaluation/supervision';
import { pathIds } from '../../../../shared/domain/unit-tree';
import { AppError } from '../../../../shared/errors';
import type { SupervisorDoc } from '../../collections/supervision';
import { visitorOf } from '../../common/identity';
import type { UseCaseContext } from '../../context';

/** A unit's path and its ancestor per admin level, as the admins' queues query them. */
export function unitPlace(unitPath: string): { unitId: string; unitPath: string; unitL1: string; unitL2: string; unitL3: string } {
  const ids = pathIds(unitPath);
  const [, unitL1 = '', unitL2 = '', unitL3 = ''] = ids;
  return { unitId: ids.at(-1) ?? '', unitPath, unitL1, unitL2, unitL3 };
}

/** A fresh invitation code: only its hash is stored, so it is shown once, to the admin who issued it. */
export const newInvitationCode = (): string => Array.from({ length: INVITATION_CODE_LENGTH }, () => INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)]).join('');

/**
 * The calling visitor's active appointment `supervisorId`: the id only picks which of their appointments
 * acts; the identity comes from the platform. Anyone else's, or a revoked one, is refused alike.
 */
export async function activeSupervisor(ctx: UseCaseContext, supervisorId: string): Promise<{ visitorId: string; supervisor: SupervisorDoc }> {
  const visitorId = visitorOf(ctx);
  const supervisor = await ctx.store.get<SupervisorDoc>('supervisors', supervisorId);
  if (!supervisor || supervisor.visitorId !== visitorId || supervisor.status !== 'active') {
    throw new AppError('FORBIDDEN', '您不是在任的社会监督员，不能监督查评');
  }
  return { visitorId, supervisor };
}

/**
 * Where report photos are kept: random names, the supervisor recorded apart (common/owned-photos.ts), since a
 * forwarded report's photos become a public evaluation's and their addresses must not tell whose they are.
 */
export const REPORT_PHOTO_FOLDER = 'supervision/photos/';
