import type { CloudBase } from '@cloudbase/node-sdk';
import type { FileStorage } from '../../app/ports/files';

/** CloudBase cloud storage: the answer is the `cloud://` file id, which the mini-program's <image> shows directly. */
export class CloudbaseFiles implements FileStorage {
  constructor(private readonly app: CloudBase) {}

  async save(key: string, bytes: Buffer): Promise<string> {
    const result = await this.app.uploadFile({ cloudPath: key, fileContent: bytes });
    return result.fileID;
  }

  /** A file id is `cloud://<env>.<bucket>/<key>`. */
  keyOf(url: string): string | null {
    const key = /^cloud:\/\/[^/]+\/(.+)$/.exec(url)?.[1];
    return key && !key.split('/').includes('..') ? key : null;
  }
}
