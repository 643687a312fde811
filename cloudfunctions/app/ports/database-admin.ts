/** An index as the database reports it. */
export interface ExistingIndex {
  name: string;
  fields: string[];
  unique: boolean;
}

/**
 * The management side of the document database: collections and their indexes. On CloudBase it is
 * the management API (@cloudbase/manager-node); SQLite creates its own tables and indexes at start.
 */
export interface DatabaseAdmin {
  collectionExists(name: string): Promise<boolean>;
  createCollection(name: string): Promise<void>;
  /** The collection's indexes besides the built-in one on the id. */
  indexes(collection: string): Promise<ExistingIndex[]>;
  createIndex(collection: string, index: ExistingIndex): Promise<void>;
}
