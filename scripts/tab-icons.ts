/**
 * Draws the tab bar's icons (client/src/assets/tab-*.png): 81×81 PNGs, grey and green, a few hundred bytes
 * each. Run `npx tsx scripts/tab-icons.ts` after changing a shape; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const SAMPLES = 4;
type Shape = (x: number, y: number) => boolean;

const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x: number, y: number, cx: number, cy: number, r: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (x: number, y: number, cx: number, cy: number, r: number, w: number) => inCircle(x, y, cx, cy, r) && !inCircle(x, y, cx, cy, r - w);

/** Coordinates on a 0–1 square. */
const SHAPES: Record<string, Shape> = {
  // A house: roof outline and walls with a door.
  home: (x, y) => {
    const roof = y >= 0.14 && y <= 0.5 && Math.abs(x - 0.5) <= (y - 0.14) * 1.1 + 0.04 && Math.abs(x - 0.5) >= (y - 0.14) * 1.1 - 0.06;
    const walls = inRect(x, y, 0.22, 0.46, 0.78, 0.86) && !inRect(x, y, 0.28, 0.46, 0.72, 0.8);
    const door = inRect(x, y, 0.42, 0.6, 0.58, 0.86);
    return roof || walls || door;
  },
  // A sheet with lines: the signups list.
  signups: (x, y) => {
    const frame = inRect(x, y, 0.2, 0.12, 0.8, 0.88) && !inRect(x, y, 0.26, 0.18, 0.74, 0.82);
    const lines = [0.32, 0.48, 0.64].some((ly) => inRect(x, y, 0.34, ly - 0.03, 0.66, ly + 0.03));
    return frame || lines;
  },
  // A person: head and shoulders.
  mine: (x, y) => {
    const head = ring(x, y, 0.5, 0.32, 0.17, 0.06);
    const body = y >= 0.58 && y <= 0.88 && ring(x, y, 0.5, 0.92, 0.34, 0.06);
    const base = inRect(x, y, 0.16, 0.82, 0.84, 0.88);
    return head || body || base;
  },
};

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** One RGBA PNG: the shape in `rgb`, antialiased by supersampling, on a transparent ground. */
function png(shape: Shape, rgb: [number, number, number]): Buffer {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    raw[py * (SIZE * 4 + 1)] = 0;
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits++;
      }
      const at = py * (SIZE * 4 + 1) + 1 + px * 4;
      raw[at] = rgb[0];
      raw[at + 1] = rgb[1];
      raw[at + 2] = rgb[2];
      raw[at + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const outDir = join(__dirname, '..', 'client', 'src', 'assets');
for (const [name, shape] of Object.entries(SHAPES)) {
  writeFileSync(join(outDir, `tab-${name}.png`), png(shape, [0x7f, 0x7f, 0x7f]));
  writeFileSync(join(outDir, `tab-${name}-on.png`), png(shape, [0x07, 0xc1, 0x60]));
}
