// Draws the app icon (a rounded tile with an "H" between API braces) at every size the
// installers need and writes PNGs to resources/. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const out = join(import.meta.dirname, '..', 'resources');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Coverage of the shape at (x, y) in unit coordinates, supersampled for smooth edges. */
function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = size <= 64 ? 4 : 2;
  const inRoundRect = (x, y, r) => {
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const inGlyph = (x, y) => {
    const bar = (x0, x1, y0, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
    const h = bar(0.36, 0.44, 0.3, 0.7) || bar(0.56, 0.64, 0.3, 0.7) || bar(0.36, 0.64, 0.46, 0.54);
    // A square bracket on either side, mirrored.
    const bracket = (side) => {
      const px = side < 0 ? x : 1 - x;
      const stem = px >= 0.2 && px <= 0.26 && y >= 0.3 && y <= 0.7;
      const serif = px >= 0.2 && px <= 0.31 && ((y >= 0.3 && y <= 0.36) || (y >= 0.64 && y <= 0.7));
      return stem || serif;
    };
    return h || bracket(-1) || bracket(1);
  };
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let tile = 0;
      let glyph = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (inRoundRect(x, y, 0.2)) {
            tile += 1;
            if (inGlyph(x, y)) glyph += 1;
          }
        }
      }
      const n = samples * samples;
      const t = py / size;
      // A blue tile darkening downwards; the glyph in white.
      const bg = [Math.round(37 - 12 * t), Math.round(99 - 35 * t), Math.round(235 - 60 * t)];
      const g = glyph / Math.max(tile, 1);
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c += 1) rgba[i + c] = Math.round(bg[c] * (1 - g) + 255 * g);
      rgba[i + 3] = Math.round((255 * tile) / n);
    }
  }
  return rgba;
}

mkdirSync(join(out, 'icons'), { recursive: true });
for (const size of SIZES) writeFileSync(join(out, 'icons', `${size}x${size}.png`), png(size, draw(size)));
writeFileSync(join(out, 'icon.png'), png(1024, draw(1024)));
console.log(`Wrote resources/icon.png and ${SIZES.length} sizes in resources/icons/`);
