import type { DatabaseAdmin } from '../ports/database-admin';
import { indexName, type IndexSpec } from './index-spec';

/** What an environment lacks of the plan: a whole collection, or one index of a collection. */
export interface Shortfall {
  collection: string;
  /** Absent when the collection itself is missing. */
  index?: { name: string; fields: string[]; unique: boolean };
  /** Set when an index of that name exists but differs (other fields, or unique where it must not be or vice versa). */
  differs?: string;
}

const planned = (index: IndexSpec) => ({ name: indexName(index), fields: index.fields, unique: Boolean(index.unique) });

/** Compares an environment with the plan, collection by collection; reads only. */
export async function shortfalls(admin: DatabaseAdmin, collections: Record<string, IndexSpec[]>, only?: (index: IndexSpec) => boolean): Promise<Shortfall[]> {
  const missing: Shortfall[] = [];
  for (const [collection, indexes] of Object.entries(collections)) {
    const wanted = indexes.filter(only ?? (() => true));
    if (!(await admin.collectionExists(collection))) {
      missing.push({ collection });
      continue;
    }
    if (wanted.length === 0) continue;
    const existing = await admin.indexes(collection);
    for (const index of wanted.map(planned)) {
      const found = existing.find((e) => e.name === index.name);
      if (!found) missing.push({ collection, index });
      else if (found.unique !== index.unique || found.fields.join(',') !== index.fields.join(',')) {
        missing.push({ collection, index, differs: `exists as (${found.fields.join(', ')})${found.unique ? ' unique' : ''}` });
      }
    }
  }
  return missing;
}

/**
 * Creates what the plan needs and the environment lacks — collections first, then their indexes —
 * and leaves everything present alone, so running it again changes nothing. An index that exists
 * under the planned name with other fields or uniqueness is not touched: it is reported for a person
 * to resolve (dropping an index on a live collection is not a setup step).
 */
export async function applyPlan(
  admin: DatabaseAdmin,
  collections: Record<string, IndexSpec[]>,
  log: (line: string) => void,
): Promise<{ created: string[]; conflicting: Shortfall[] }> {
  const created: string[] = [];
  const conflicting: Shortfall[] = [];
  for (const shortfall of await shortfalls(admin, collections)) {
    const { collection, index } = shortfall;
    if (!index) {
      await admin.createCollection(collection);
      created.push(collection);
      log(`  created  ${collection}`);
      for (const spec of collections[collection].map(planned)) {
        await admin.createIndex(collection, spec);
        created.push(`${collection}.${spec.name}`);
        log(`  created  ${collection}.${spec.name}${spec.unique ? ' (unique)' : ''}`);
      }
    } else if (shortfall.differs) {
      conflicting.push(shortfall);
      log(`  CONFLICT ${collection}.${index.name}: ${shortfall.differs}, the plan wants (${index.fields.join(', ')})${index.unique ? ' unique' : ''}`);
    } else {
      await admin.createIndex(collection, index);
      created.push(`${collection}.${index.name}`);
      log(`  created  ${collection}.${index.name}${index.unique ? ' (unique)' : ''}`);
    }
  }
  return { created, conflicting };
}

export function describeShortfall({ collection, index, differs }: Shortfall): string {
  if (!index) return `collection ${collection} is missing`;
  const what = `${collection}.${index.name} (${index.fields.join(', ')})${index.unique ? ' unique' : ''}`;
  return differs ? `${what} ${differs}` : `${what} is missing`;
}
