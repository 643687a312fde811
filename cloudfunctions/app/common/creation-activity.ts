import { pathIds } from '../../../shared/domain/unit-tree';
import type { AccountDoc, UnitDoc } from '../collections';
import type { CollectiveDoc } from '../collections/filing';
import type { CreationActivityDoc } from '../collections/creationlog';
import type { Deps } from '../context';
import { DuplicateKeyError, eachDocument, type StoreOps } from '../ports/store';

/**
 * Every collective has a creation-log activity record from the day its code is issued, so its admins see
 * it among the silent collectives (从未提交) even before it first opens its log. Account issuing writes it
 * (admin.createAccount), the creation log writes it at a first visit if missing, and an upgrade adds it for
 * collectives issued before the creation log existed.
 */
export function activityRecord(collective: Pick<CollectiveDoc, 'id' | 'name' | 'unitPath'>, unitName: string, at: Date): CreationActivityDoc {
  const [, unitL1 = '', unitL2 = '', unitL3 = ''] = pathIds(collective.unitPath);
  return {
    id: collective.id,
    collectiveName: collective.name,
    unitName,
    unitPath: collective.unitPath,
    unitL1,
    unitL2,
    unitL3,
    lastSubmittedAt: '',
    openedAt: at.toISOString(),
  };
}

/** In the transaction that issues a collective's account and writes its document: its activity record. */
export async function openCreationLog(tx: StoreOps, collective: CollectiveDoc, unitName: string, at: Date): Promise<void> {
  if (await tx.get('creationActivity', collective.id)) return;
  await tx.insert('creationActivity', activityRecord(collective, unitName, at));
}

/** The data upgrade: an activity record for every active collective issued before there were any. */
export async function upgradeCreationActivity(deps: Deps): Promise<number> {
  let added = 0;
  for await (const account of eachDocument<AccountDoc>(deps.store, 'accounts', { where: { role: 'collective', status: { $ne: 'cancelled' } }, orderBy: { fields: ['createdAt'], direction: 'asc' } })) {
    const { items } = await deps.store.find<CollectiveDoc>('collectives', { where: { accountId: account.id }, orderBy: { fields: ['accountId'], direction: 'asc' }, limit: 1 });
    const collective = items[0] ?? account;
    if (await deps.store.get('creationActivity', collective.id)) continue;
    const unit = await deps.store.get<UnitDoc>('units', collective.unitId);
    try {
      await deps.store.insert('creationActivity', activityRecord(collective, unit?.name ?? '', new Date(account.createdAt)));
      added++;
    } catch (error) {
      // Its first visit wrote it meanwhile.
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
  }
  return added;
}
