import { pathIds } from '../../../shared/domain/unit-tree';
import type { UnitDoc } from '../collections';
import type { FilingDoc } from '../collections/filing';
import type { Store } from '../ports/store';

/** The unit's ancestor at each level (itself included), '' where the unit is shallower, and its channel. */
export async function placement(store: Store, unit: UnitDoc) {
  const ids = pathIds(unit.path);
  const level1 = ids[1] ? await store.get<UnitDoc>('units', ids[1]) : null;
  return {
    unitId: unit.id,
    unitPath: unit.path,
    unitLevel: unit.level,
    unitL1: ids[1] ?? '',
    unitL2: ids[2] ?? '',
    unitL3: ids[3] ?? '',
    category: (level1?.kind ?? 'office') as FilingDoc['category'],
  };
}

/** The ancestor of a unit path at an admin level (the unit whose admin reviews that stage). */
export function ancestorAt(unitPath: string, level: number): string {
  return pathIds(unitPath)[level] ?? '';
}
