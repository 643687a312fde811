import CloudBase from '@cloudbase/manager-node';
import type { DatabaseAdmin, ExistingIndex } from '../../app/ports/database-admin';

export interface ManagerCredentials {
  envId: string;
  /** Unset inside a CloudBase function: the management SDK takes the role's temporary keys from its environment. */
  secretId?: string;
  secretKey?: string;
}

/**
 * Collections and indexes of a CloudBase environment through its management API
 * (@cloudbase/manager-node: CreateTable, DescribeTable, UpdateTable). Every field ascending:
 * queries sort all fields one way, and MongoDB walks an index either way.
 */
export class CloudbaseDatabaseAdmin implements DatabaseAdmin {
  private readonly database: CloudBase['database'];

  constructor(credentials: ManagerCredentials) {
    this.database = new CloudBase(credentials).database;
  }

  async collectionExists(name: string): Promise<boolean> {
    return (await this.database.checkCollectionExists(name)).Exists;
  }

  async createCollection(name: string): Promise<void> {
    await this.database.createCollectionIfNotExists(name);
  }

  async indexes(collection: string): Promise<ExistingIndex[]> {
    const { Indexes = [] } = await this.database.describeCollection(collection);
    return Indexes.filter((index) => index.Name !== '_id_').map((index) => ({
      name: index.Name,
      fields: index.Keys.map((key) => String(key.Name)),
      unique: Boolean(index.Unique),
    }));
  }

  async createIndex(collection: string, index: ExistingIndex): Promise<void> {
    await this.database.updateCollection(collection, {
      CreateIndexes: [
        {
          IndexName: index.name,
          MgoKeySchema: { MgoIndexKeys: index.fields.map((field) => ({ Name: field, Direction: '1' })), MgoIsUnique: index.unique },
        },
      ],
    });
  }
}
