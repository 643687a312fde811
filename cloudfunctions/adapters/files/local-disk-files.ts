import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { FileStorage } from '../../app/ports/files';

/** Files on this machine's disk under `<DATA_DIR>/files`, served by the local host at `/files/<key>`. */
export class LocalDiskFiles implements FileStorage {
  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  async save(key: string, bytes: Buffer): Promise<string> {
    const file = this.pathOf(key);
    if (!file) throw new Error(`unsafe file key: ${key}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    return `/files/${key}`;
  }

  /** Answers are `/files/<key>`. */
  keyOf(url: string): string | null {
    if (!url.startsWith('/files/')) return null;
    const key = url.slice('/files/'.length);
    return this.pathOf(key) ? key : null;
  }

  /** The file of a key, or null when the key would leave the root. */
  pathOf(key: string): string | null {
    const file = normalize(join(this.root, key));
    return file.startsWith(this.root + sep) ? file : null;
  }
}
