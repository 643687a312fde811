/**
 * File storage for what users upload (event summary photos and covers): local disk on one machine,
 * CloudBase cloud storage in production. Keys are chosen by the use case; the answer is what a client
 * shows (a URL path on the local host, a `cloud://` file id in the mini-program).
 */
export interface FileStorage {
  save(key: string, bytes: Buffer, contentType: string): Promise<string>;
  /** The key behind an answer `save` gives (its URL or file id); null for any other address. */
  keyOf(url: string): string | null;
  /**
   * The bytes behind an answer (URL or file id), null when there is no such file: how the server checks what a
   * device put into storage itself (a video goes there straight from the phone, never through the function).
   */
  read(url: string): Promise<Buffer | null>;
  /**
   * Lets the device write one file at `key` itself, of at most `maxBytes`, within the next hour. CloudBase: the
   * mini-program writes with `Taro.cloud.uploadFile` under storage's own rules, and this grants nothing more;
   * local disk: the host accepts one `PUT /files/<key>`. Either way the server checks the bytes afterwards.
   */
  allowUpload(key: string, maxBytes: number): void;
  /** Deletes the file at `key`; nothing happens when there is none (a job that runs twice deletes nothing more). */
  remove(key: string): Promise<void>;
}
