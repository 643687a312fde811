import type { UnitDoc } from '../../collections';
import type { CollectiveDoc } from '../../collections/filing';
import type { CreationActivityDoc } from '../../collections/creationlog';
import type { UseCaseContext } from '../../context';
import { placement } from '../../filing/support';
import { DuplicateKeyError } from '../../ports/store';

/**
 * The collective's activity record, made when it first opens its log (or first writes to it): from then
 * its admins see it among the silent collectives until it submits.
 */
export async function ensureActivity(ctx: UseCaseContext, collective: CollectiveDoc): Promise<CreationActivityDoc> {
  const found = await ctx.store.get<CreationActivityDoc>('creationActivity', collective.id);
  if (found) return found;
  const unit = await ctx.store.get<UnitDoc>('units', collective.unitId);
  const where = unit ? await placement(ctx.store, unit) : { unitPath: collective.unitPath, unitL1: '', unitL2: '', unitL3: '' };
  const doc: CreationActivityDoc = {
    id: collective.id,
    collectiveName: collective.name,
    unitName: unit?.name ?? '',
    unitPath: where.unitPath,
    unitL1: where.unitL1,
    unitL2: where.unitL2,
    unitL3: where.unitL3,
    lastSubmittedAt: '',
    openedAt: ctx.now().toISOString(),
  };
  try {
    await ctx.store.insert('creationActivity', doc);
    return doc;
  } catch (error) {
    // Two first visits at once: one record.
    if (!(error instanceof DuplicateKeyError)) throw error;
    return (await ctx.store.get<CreationActivityDoc>('creationActivity', collective.id)) ?? doc;
  }
}
