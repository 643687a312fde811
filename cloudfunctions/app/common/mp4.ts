/**
 * What an uploaded video is, read from its bytes (ISO/IEC 14496-12, the ISO base media file format): only the
 * boxes the checks need. The file must open with an `ftyp` box naming an MP4 brand, and its duration is the
 * `moov/mvhd` box's duration over its timescale (version 0: 32-bit fields, version 1: 64-bit), wherever `moov`
 * sits among the top-level boxes (a camera usually writes it after `mdat`).
 */

/** Brands of MP4 files (major or compatible); QuickTime (`qt  `) and 3GPP files name none of them. */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'MSNV', 'dash']);

export type Mp4Facts = { ok: true; durationSeconds: number } | { ok: false; problem: 'notMp4' | 'noDuration' };

interface Box {
  type: string;
  /** Where the box's content starts and ends. */
  start: number;
  end: number;
}

const fourcc = (bytes: Uint8Array, at: number) => String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);

/** The boxes between `from` and `to`, in order; stops at the first box whose size does not fit. */
function* boxes(bytes: Uint8Array, view: DataView, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) return;
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header || at + size > to) return;
    yield { type: fourcc(bytes, at + 4), start: at + header, end: at + size };
    at += size;
  }
}

function isMp4Type(bytes: Uint8Array, ftyp: Box): boolean {
  if (ftyp.end - ftyp.start < 8) return false;
  if (MP4_BRANDS.has(fourcc(bytes, ftyp.start))) return true;
  // After the major brand (4) and minor version (4): compatible brands, four bytes each.
  for (let at = ftyp.start + 8; at + 4 <= ftyp.end; at += 4) if (MP4_BRANDS.has(fourcc(bytes, at))) return true;
  return false;
}

/** The movie's duration in seconds from an `mvhd` box, or null when it is malformed. */
function mvhdSeconds(view: DataView, mvhd: Box): number | null {
  const version = view.getUint8(mvhd.start);
  // version(1) flags(3), then creation and modification times (4 or 8 each), timescale (4), duration (4 or 8).
  const long = version === 1;
  const timescaleAt = mvhd.start + 4 + (long ? 16 : 8);
  const durationAt = timescaleAt + 4;
  if (version > 1 || durationAt + (long ? 8 : 4) > mvhd.end) return null;
  const timescale = view.getUint32(timescaleAt);
  const duration = long ? Number(view.getBigUint64(durationAt)) : view.getUint32(durationAt);
  // All ones means "unknown" (a fragmented file that was never finished).
  const unknown = long ? view.getBigUint64(durationAt) === 0xffffffffffffffffn : duration === 0xffffffff;
  if (timescale === 0 || unknown) return null;
  return duration / timescale;
}

/** Whether `bytes` are an MP4 file, and its duration in seconds when they are. */
export function readMp4(bytes: Uint8Array): Mp4Facts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const top = [...boxes(bytes, view, 0, bytes.length)];
  if (top[0]?.type !== 'ftyp' || !isMp4Type(bytes, top[0])) return { ok: false, problem: 'notMp4' };
  const moov = top.find((box) => box.type === 'moov');
  const mvhd = moov && [...boxes(bytes, view, moov.start, moov.end)].find((box) => box.type === 'mvhd');
  const seconds = mvhd ? mvhdSeconds(view, mvhd) : null;
  return seconds === null ? { ok: false, problem: 'noDuration' } : { ok: true, durationSeconds: seconds };
}
