import type { UnitDoc } from '../collections';
import { findAll, type Store } from '../ports/store';

/** The direct children of a unit, in creation order (the units under one parent: a few dozen at most). */
export function childUnits(store: Pick<Store, 'find'>, parentId: string): Promise<UnitDoc[]> {
  return findAll<UnitDoc>(store, 'units', { where: { parentId }, orderBy: { fields: ['createdAt'], direction: 'asc' } });
}
