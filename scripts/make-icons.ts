/**
 * Draws the extension icon (a lens over a person's silhouette) at every size the
 * stores ask for and writes public/icon/<size>.png. Run once when the design
 * changes: `npx tsx scripts/make-icons.ts`. Anti-aliased by 4×4 supersampling.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

function png(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]);
}

type Color = [number, number, number];
const BACKGROUND: Color = [37, 99, 235];
const LENS: Color = [255, 255, 255];
const FIGURE: Color = [250, 204, 21];

/** The colour at (x, y) in a 1×1 design space, or null for transparent. */
function shade(x: number, y: number): Color | null {
  const corner = 0.2;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - corner), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - corner), 0);
  if (Math.hypot(qx, qy) > corner) return null;
  const lens = Math.hypot(x - 0.42, y - 0.42);
  const onHandle = x > 0.6 && y > 0.6 && Math.abs(x - y) < 0.09 && x < 0.84;
  if ((lens > 0.22 && lens < 0.29) || onHandle) return LENS;
  if (lens <= 0.22) {
    const head = Math.hypot(x - 0.42, y - 0.36) < 0.075;
    const shoulders = y > 0.47 && Math.hypot((x - 0.42) / 1.3, y - 0.6) < 0.14;
    return head || shoulders ? FIGURE : BACKGROUND;
  }
  return BACKGROUND;
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) {
  const rgba = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const color = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!color) continue;
          sum[0]! += color[0];
          sum[1]! += color[1];
          sum[2]! += color[2];
          sum[3]! += 1;
        }
      }
      const covered = sum[3]!;
      const i = (py * size + px) * 4;
      if (covered > 0) rgba.set([sum[0]! / covered, sum[1]! / covered, sum[2]! / covered, (255 * covered) / samples ** 2], i);
    }
  }
  writeFileSync(`public/icon/${size}.png`, png(size, rgba));
}
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
