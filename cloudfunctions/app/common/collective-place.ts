import type { CollectiveProfileView } from '../../../shared/contract/collective-page-views';
import { pathIds } from '../../../shared/domain/unit-tree';
import type { UnitDoc } from '../collections';
import type { Store } from '../ports/store';

/** The unit a collective files through, and the 行业 or 地方 (level 1) above it, as its public pages show them. */
export async function placeOf(store: Store, unitId: string): Promise<Pick<CollectiveProfileView, 'unit' | 'channel'>> {
  const unit = await store.get<UnitDoc>('units', unitId);
  if (!unit) return { unit: { id: unitId, name: '' }, channel: null };
  const levelOneId = pathIds(unit.path)[1];
  const levelOne = unit.level === 1 ? unit : levelOneId ? await store.get<UnitDoc>('units', levelOneId) : null;
  return {
    unit: { id: unit.id, name: unit.name },
    channel: levelOne && levelOne.kind !== 'office' ? { id: levelOne.id, name: levelOne.name, kind: levelOne.kind } : null,
  };
}
