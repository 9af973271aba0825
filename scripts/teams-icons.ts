/**
 * Draws the Teams app icons without any image library: color.png (192×192, full colour) and outline.png (32×32,
 * white on transparent, as Teams requires). Run once with `npx tsx scripts/teams-icons.ts`; the PNGs are committed.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

type Pixel = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (data: Buffer) => {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function png(size: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A rounded shield with a check mark, in unit coordinates (0..1): 1 inside the shield, 2 on the check. */
function shape(u: number, v: number): 0 | 1 | 2 {
  const inShield =
    u > 0.2 && u < 0.8 && v > 0.16 && (v < 0.55 || Math.hypot((u - 0.5) / 0.3, (v - 0.55) / 0.3) < 1);
  if (!inShield) return 0;
  const distance = (ax: number, ay: number, bx: number, by: number) => {
    const t = Math.max(
      0,
      Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    );
    return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay)));
  };
  const onCheck = Math.min(distance(0.36, 0.5, 0.47, 0.62), distance(0.47, 0.62, 0.66, 0.38)) < 0.045;
  return onCheck ? 2 : 1;
}

const GREEN: Pixel = [0x1b, 0x7f, 0x5b, 255];
const WHITE: Pixel = [255, 255, 255, 255];
const CLEAR: Pixel = [0, 0, 0, 0];

const color = png(192, (x, y) => {
  const s = shape((x + 0.5) / 192, (y + 0.5) / 192);
  return s === 1 ? WHITE : s === 2 ? GREEN : GREEN;
});
const outline = png(32, (x, y) => (shape((x + 0.5) / 32, (y + 0.5) / 32) === 1 ? WHITE : CLEAR));

if (process.argv[1]?.endsWith("teams-icons.ts")) {
  writeFileSync(new URL("../manifest/teams/color.png", import.meta.url), color);
  writeFileSync(new URL("../manifest/teams/outline.png", import.meta.url), outline);
  console.log("manifest/teams/color.png (192×192) and outline.png (32×32) written");
}
