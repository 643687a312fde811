/**
 * Minimal ISO base media files built from the box layouts of ISO/IEC 14496-12 (no ffmpeg on the machine):
 * `ftyp`, `mdat` and `moov` holding an `mvhd`, which is all the server reads of a video.
 */

function box(type: string, ...parts: Buffer[]): Buffer {
  const content = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + content.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, content]);
}

function ftyp(major: string, compatible: string[]): Buffer {
  const minor = Buffer.alloc(4);
  return box('ftyp', Buffer.from(major, 'latin1'), minor, ...compatible.map((b) => Buffer.from(b, 'latin1')));
}

function mvhd(version: 0 | 1, timescale: number, duration: number): Buffer {
  const full = Buffer.from([version, 0, 0, 0]);
  const times = Buffer.alloc(version === 1 ? 16 : 8);
  const scale = Buffer.alloc(4);
  scale.writeUInt32BE(timescale);
  const length = Buffer.alloc(version === 1 ? 8 : 4);
  if (version === 1) length.writeBigUInt64BE(BigInt(duration));
  else length.writeUInt32BE(duration);
  // rate, volume, reserved, matrix, pre-defined and next track id: 80 bytes the server does not read.
  return box('mvhd', full, times, scale, length, Buffer.alloc(80));
}

export interface Mp4Options {
  seconds?: number;
  /** Bytes of media data (`mdat`), to make a file of a given size. */
  mediaBytes?: number;
  /** `moov` after `mdat`, as cameras write it. */
  moovLast?: boolean;
  mvhdVersion?: 0 | 1;
  brand?: string;
  compatible?: string[];
  /** Leave `moov` out, as a recording cut off before it was written. */
  withoutMoov?: boolean;
}

/** An MP4 file of `seconds` (timescale 1000), its `moov` before `mdat` unless `moovLast`. */
export function mp4File(options: Mp4Options = {}): Buffer {
  const { seconds = 12, mediaBytes = 64, moovLast = false, mvhdVersion = 0, brand = 'isom', compatible = ['isom', 'mp41'], withoutMoov = false } = options;
  const moov = withoutMoov ? Buffer.alloc(0) : box('moov', mvhd(mvhdVersion, 1000, Math.round(seconds * 1000)));
  const mdat = box('mdat', Buffer.alloc(mediaBytes));
  return Buffer.concat([ftyp(brand, compatible), ...(moovLast ? [mdat, moov] : [moov, mdat])]);
}
