/** An index a collection's queries need. */
export interface IndexSpec {
  fields: string[];
  /**
   * Only on fields every document sets: CloudBase (MongoDB) counts null as a value, so two
   * documents without the field would collide there but not in SQLite.
   */
  unique?: boolean;
}
