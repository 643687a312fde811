import type { UnitDoc } from '../../collections';
import type { CollectiveDoc } from '../../collections/filing';
import type { CreationActivityDoc } from '../../collections/creationlog';
import type { UseCaseContext } from '../../context';
import { activityRecord } from '../../common/creation-activity';
import { DuplicateKeyError } from '../../ports/store';

/**
 * The collective's activity record (common/creation-activity.ts), written when its code was issued; one issued
 * otherwise (a restructure's successor) gets it when it first opens or writes to its log.
 */
export async function ensureActivity(ctx: UseCaseContext, collective: CollectiveDoc): Promise<CreationActivityDoc> {
  const found = await ctx.store.get<CreationActivityDoc>('creationActivity', collective.id);
  if (found) return found;
  const unit = await ctx.store.get<UnitDoc>('units', collective.unitId);
  const doc = activityRecord(collective, unit?.name ?? '', ctx.now());
  try {
    await ctx.store.insert('creationActivity', doc);
    return doc;
  } catch (error) {
    // Two first visits at once: one record.
    if (!(error instanceof DuplicateKeyError)) throw error;
    return (await ctx.store.get<CreationActivityDoc>('creationActivity', collective.id)) ?? doc;
  }
}
