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

  /**
   * Storage deletes by file id, and a file the device wrote but nobody reported has only its path: storage's own
   * upload metadata names the file id of a path (`cloud://<env>.<bucket>/<path>`) without writing anything.
   */
  async remove(key: string): Promise<void> {
    const { data } = await this.app.getUploadMetadata({ cloudPath: key });
    const result = await this.app.deleteFile({ fileList: [data.fileId] });
    const failed = (result.fileList ?? []).find((file) => file.code !== 'SUCCESS' && !/NONEXIST|NOT_?EXIST/i.test(file.code));
    if ((result as { code?: string }).code || failed) throw new Error(`deleteFile ${key}: ${(result as { code?: string }).code ?? failed?.code}`);
  }

  /** A file id is `cloud://<env>.<bucket>/<key>`. */
  keyOf(url: string): string | null {
    const key = /^cloud:\/\/[^/]+\/(.+)$/.exec(url)?.[1];
    return key && !key.split('/').includes('..') ? key : null;
  }
}
