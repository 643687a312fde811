import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { FileStorage } from '../../app/ports/files';

const UPLOAD_WINDOW_MS = 60 * 60 * 1000;

/** Files on this machine's disk under `<DATA_DIR>/files`, served by the local host at `/files/<key>`. */
export class LocalDiskFiles implements FileStorage {
  /**
   * Keys a device may write once (`allowUpload`), with their size limit and end. In memory: the local host runs
   * every function in its one process, and a restart only asks the user to pick the file again.
   */
  private readonly uploads = new Map<string, { maxBytes: number; until: number }>();

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

  allowUpload(key: string, maxBytes: number): void {
    const now = Date.now();
    for (const [open, slot] of this.uploads) if (slot.until <= now) this.uploads.delete(open);
    this.uploads.set(key, { maxBytes, until: now + UPLOAD_WINDOW_MS });
  }

  /** The size limit of an upload the device may still make at `key`, which it uses up; null when none was allowed. */
  takeUpload(key: string): number | null {
    const slot = this.uploads.get(key);
    this.uploads.delete(key);
    return slot && slot.until > Date.now() ? slot.maxBytes : null;
  }

  async read(url: string): Promise<Buffer | null> {
    const key = this.keyOf(url);
    const file = key === null ? null : this.pathOf(key);
    return file && statSync(file, { throwIfNoEntry: false })?.isFile() ? readFileSync(file) : null;
  }

  async remove(key: string): Promise<void> {
    const file = this.pathOf(key);
    if (file) rmSync(file, { force: true });
  }

  /** The file of a key, or null when the key would leave the root. */
  pathOf(key: string): string | null {
    const file = normalize(join(this.root, key));
    return file.startsWith(this.root + sep) ? file : null;
  }
}
