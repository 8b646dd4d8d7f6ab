/**
 * Draws Faro's Teams icons (a lighthouse): color.png 192×192 on the accent colour, and outline.png
 * 32×32 white on transparent, as Teams requires. Run once with `node dist/scripts/make-icons.js`;
 * the PNGs are committed under appPackage/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { projectRoot } from '../src/paths';

type Rgba = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** True where the lighthouse is, in unit coordinates (0..1, y down). */
function lighthouse(u: number, v: number): boolean {
  const tower = v >= 0.42 && v <= 0.86 && Math.abs(u - 0.5) <= 0.08 + (v - 0.42) * 0.22;
  const lamp = v >= 0.3 && v <= 0.4 && Math.abs(u - 0.5) <= 0.07;
  const roof = v >= 0.22 && v < 0.3 && Math.abs(u - 0.5) <= (v - 0.22) * 1.1;
  const base = v > 0.86 && v <= 0.9 && Math.abs(u - 0.5) <= 0.3;
  const beam = v >= 0.31 && v <= 0.39 && Math.abs(u - 0.5) > 0.1 && Math.abs(u - 0.5) < 0.42 && Math.abs(v - 0.35) <= 0.01 + (Math.abs(u - 0.5) - 0.1) * 0.12;
  return tower || lamp || roof || base || beam;
}

const ACCENT: Rgba = [0x1f, 0x4e, 0x79, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

const dir = join(projectRoot(), 'appPackage');
writeFileSync(join(dir, 'color.png'), png(192, (x, y) => (lighthouse((x + 0.5) / 192, (y + 0.5) / 192) ? WHITE : ACCENT)));
writeFileSync(join(dir, 'outline.png'), png(32, (x, y) => (lighthouse((x + 0.5) / 32, (y + 0.5) / 32) ? WHITE : CLEAR)));
