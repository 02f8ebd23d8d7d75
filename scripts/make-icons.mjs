// Draws the app icon and the tray icons (one per severity level) as PNGs, with no image library:
// nested rings (the doll's layers) rasterised with 4x4 supersampling, encoded with node:zlib.
// Run: node scripts/make-icons.mjs  (writes build/icon.png and build/tray/tray-<level>[@2x].png)
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels (size*size*4) -> PNG bytes. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Rasterises discs drawn back to front. `shapes`: { r (fraction of half-size), color [r,g,b] }, or
 * { bars: true, color } for the pause sign. Supersampled for smooth edges.
 */
function draw(size, shapes) {
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy += 1) {
        for (let sx = 0; sx < S; sx += 1) {
          const px = ((x + (sx + 0.5) / S) / size) * 2 - 1;
          const py = ((y + (sy + 0.5) / S) / size) * 2 - 1;
          let color = null;
          for (const shape of shapes) {
            const inside = shape.bars
              ? Math.abs(py) < 0.42 && ((px > -0.36 && px < -0.1) || (px > 0.1 && px < 0.36))
              : px * px + py * py <= shape.r * shape.r;
            if (inside) color = shape.color;
          }
          if (color !== null) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return encodePng(size, rgba);
}

const LEVEL_COLORS = {
  ok: [46, 160, 67],
  info: [56, 132, 244],
  warning: [230, 160, 20],
  critical: [214, 48, 49],
  unknown: [130, 138, 148],
  paused: [130, 138, 148],
};
const DARK = [17, 20, 24];
const CREAM = [245, 236, 220];

function trayIcon(level, size) {
  const color = LEVEL_COLORS[level];
  const shapes = [
    { r: 0.96, color },
    { r: 0.66, color: DARK },
  ];
  if (level === 'paused') shapes.push({ bars: true, color: CREAM });
  else shapes.push({ r: 0.38, color });
  return draw(size, shapes);
}

// The app icon: the doll's layers as nested rings, outermost to ETH at the centre.
const appIcon = draw(512, [
  { r: 0.98, color: [178, 34, 52] },
  { r: 0.82, color: CREAM },
  { r: 0.7, color: [214, 120, 40] },
  { r: 0.54, color: CREAM },
  { r: 0.42, color: [44, 110, 73] },
  { r: 0.26, color: CREAM },
  { r: 0.16, color: [40, 60, 130] },
]);

mkdirSync(path.join(root, 'build', 'tray'), { recursive: true });
writeFileSync(path.join(root, 'build', 'icon.png'), appIcon);
for (const level of Object.keys(LEVEL_COLORS)) {
  // 16 px, and 32 px for high-DPI screens: Electron picks `name@2x.png` beside `name.png` itself.
  writeFileSync(path.join(root, 'build', 'tray', `tray-${level}.png`), trayIcon(level, 16));
  writeFileSync(path.join(root, 'build', 'tray', `tray-${level}@2x.png`), trayIcon(level, 32));
}
console.log(`icons written to ${path.join(root, 'build')}`);
