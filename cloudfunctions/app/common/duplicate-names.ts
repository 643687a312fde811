import { normalizeName } from '../../../shared/domain/filing/names';
import type { CollectiveDoc } from '../collections/filing';
import type { Store } from '../ports/store';

/** Other live collectives whose normalized name is the same: the same collective may be filing twice. */
export async function possibleDuplicates(store: Store, name: string, selfId: string): Promise<CollectiveDoc[]> {
  const { items } = await store.find<CollectiveDoc>('collectives', {
    where: { normalizedName: normalizeName(name) },
    orderBy: { fields: ['normalizedName'], direction: 'asc' },
    limit: 11,
  });
  return items.filter((c) => c.id !== selfId && c.status !== 'closed').slice(0, 10);
}
