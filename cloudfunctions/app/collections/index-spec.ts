/** An index a collection's queries need. */
export interface IndexSpec {
  fields: string[];
  /**
   * Only on fields every document sets: CloudBase (MongoDB) counts null as a value, so two
   * documents without the field would collide there but not in SQLite.
   */
  unique?: boolean;
}

/** The index's name in CloudBase, as MongoDB names an ascending index: `field1_1_field2_1`. */
export function indexName(index: IndexSpec): string {
  return index.fields.map((field) => `${field}_1`).join('_');
}
