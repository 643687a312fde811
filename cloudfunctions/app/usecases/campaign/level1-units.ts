import type { UnitDoc } from '../../collections';
import type { Store } from '../../ports/store';

/** The children of a unit, all pages (level-1 units under the office: a few dozen). */
export async function childUnits(store: Store, parentId: string): Promise<UnitDoc[]> {
  const all: UnitDoc[] = [];
  let after: string | null = null;
  do {
    const page: { items: UnitDoc[]; nextCursor: string | null } = await store.find<UnitDoc>('units', {
      where: { parentId },
      orderBy: { fields: ['createdAt'], direction: 'asc' },
      after,
      limit: 50,
    });
    all.push(...page.items);
    after = page.nextCursor;
  } while (after);
  return all;
}
