import type { CloudBase } from '@cloudbase/node-sdk';
import type { FileStorage } from '../../app/ports/files';

/** CloudBase cloud storage: the answer is the `cloud://` file id, which the mini-program's <image> shows directly. */
export class CloudbaseFiles implements FileStorage {
  constructor(private readonly app: CloudBase) {}

  async save(key: string, bytes: Buffer): Promise<string> {
    const result = await this.app.uploadFile({ cloudPath: key, fileContent: bytes });
    return result.fileID;
  }

  /** The mini-program writes to storage directly (storage rules decide who may): nothing to open here. */
  allowUpload(): void {}

  async read(url: string): Promise<Buffer | null> {
    if (this.keyOf(url) === null) return null;
    try {
      const { fileContent } = await this.app.downloadFile({ fileID: url });
      return fileContent === undefined ? null : Buffer.from(fileContent);
    } catch (error) {
      // Storage answers an unknown file id with STORAGE_FILE_NONEXIST (from getTempFileURL); anything else is a real failure.
      if (/NONEXIST|NOT_?EXIST/i.test(String((error as { code?: string }).code ?? (error as Error).message))) return null;
      throw error;
    }
  }

  /** A file id is `cloud://<env>.<bucket>/<key>`. */
  keyOf(url: string): string | null {
    const key = /^cloud:\/\/[^/]+\/(.+)$/.exec(url)?.[1];
    return key && !key.split('/').includes('..') ? key : null;
  }
}
