import { AppError } from '../../../../shared/errors';
import type { EventDoc } from '../../collections/openweek';
import { findAll, type Store, type StoreOps } from '../../ports/store';

/**
 * A collective's open-week events follow it through the changes of its life: after a rename they show the
 * new name; after a transfer the new code manages them and the receiving unit's admins see them.
 * Read before the transaction (CloudBase allows no query inside one), written inside it.
 */
export const eventsOfCollective = (store: Store, accountId: string): Promise<EventDoc[]> =>
  findAll<EventDoc>(store, 'events', { where: { collectiveId: accountId }, orderBy: { fields: ['createdAt'], direction: 'asc' } });

export type CarriedFields = Partial<Pick<EventDoc, 'collectiveId' | 'collectiveName' | 'unitId' | 'unitPath'>>;

/** Inside the transaction: each event takes the collective's new fields, unless another change moved it meanwhile. */
export async function carryEvents(tx: StoreOps, events: EventDoc[], set: CarriedFields, at: string): Promise<void> {
  for (const event of events) {
    if (!(await tx.update('events', event.id, { set: { ...set, updatedAt: at } }, { collectiveId: event.collectiveId }))) throw new AppError('CONFLICT');
  }
}
