/**
 * File storage for what users upload (event summary photos and covers): local disk on one machine,
 * CloudBase cloud storage in production. Keys are chosen by the use case; the answer is what a client
 * shows (a URL path on the local host, a `cloud://` file id in the mini-program).
 */
export interface FileStorage {
  save(key: string, bytes: Buffer, contentType: string): Promise<string>;
  /** The key behind an answer `save` gives (its URL or file id); null for any other address. */
  keyOf(url: string): string | null;
}
