/**
 * Draws the Waakvlam app icons (a pilot-light flame) with pngjs:
 *   appPackage/color.png    192×192, amber/orange flame on a deep-blue rounded square
 *   appPackage/outline.png   32×32, white flame on a fully transparent background
 *
 * Usage: npx tsx scripts/make-icons.ts [outDir]   (default: appPackage/)
 *
 * The drawing is deterministic, so the committed PNGs can be compared with a fresh render.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type RGB = readonly [number, number, number];
type RGBA = readonly [number, number, number, number];

/** One supersample's colour, or null where nothing is drawn (transparent). */
type Shader = (x: number, y: number) => RGBA | null;

const SUPERSAMPLES = 6; // 6×6 samples per pixel: smooth edges, still instant

export interface FlameShape {
  /** x of the flame's axis at its base */
  cx: number;
  /** y of the lowest point of the bulb */
  bottom: number;
  /** y of the tip */
  top: number;
  /** half-width of the round bulb */
  radius: number;
  /** horizontal shift of the tip, as a fraction of the height (the flicker) */
  lean: number;
}

/**
 * A teardrop flame: a round bulb at the bottom that narrows smoothly into a pointed,
 * slightly leaning tip. Returns true when (x, y) lies inside.
 */
export function insideFlame(s: FlameShape, x: number, y: number): boolean {
  const height = s.bottom - s.top;
  if (y < s.top || y > s.bottom) return false;
  const fromBottom = s.bottom - y;
  const bulbCentre = s.radius; // distance from the bottom to the widest point
  let halfWidth: number;
  let axis = s.cx;
  if (fromBottom <= bulbCentre) {
    const d = bulbCentre - fromBottom;
    halfWidth = Math.sqrt(Math.max(0, s.radius * s.radius - d * d));
  } else {
    const t = (fromBottom - bulbCentre) / (height - bulbCentre); // 0 at the widest point, 1 at the tip
    halfWidth = s.radius * Math.pow(Math.cos((Math.PI / 2) * t), 1.45);
    axis = s.cx + s.lean * height * t * t;
  }
  return Math.abs(x - axis) <= halfWidth;
}

function insideRoundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

function mix(a: RGB, b: RGB, t: number): RGB {
  const k = Math.min(1, Math.max(0, t));
  return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k];
}

/** Renders a shader with supersampling; averages premultiplied colour so edges blend cleanly. */
export function render(size: number, shader: Shader): PNG {
  const png = new PNG({ width: size, height: size });
  const n = SUPERSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shader(px + (sx + 0.5) / n, py + (sy + 0.5) / n);
          if (!c) continue;
          const alpha = c[3] / 255;
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      if (a === 0) {
        png.data[i] = png.data[i + 1] = png.data[i + 2] = png.data[i + 3] = 0;
        continue;
      }
      png.data[i] = Math.round(r / a);
      png.data[i + 1] = Math.round(g / a);
      png.data[i + 2] = Math.round(b / a);
      png.data[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return png;
}

// Palette
const BLUE_TOP: RGB = [22, 58, 122]; // #163A7A
const BLUE_BOTTOM: RGB = [9, 27, 64]; // #091B40
const FLAME_TIP: RGB = [234, 88, 12]; // #EA580C orange
const FLAME_BASE: RGB = [251, 166, 25]; // #FBA619 amber
const CORE_TIP: RGB = [253, 230, 138]; // #FDE68A
const CORE_BASE: RGB = [255, 250, 228]; // #FFFAE4
const BURNER: RGB = [148, 176, 214]; // #94B0D6 steel blue
const BURNER_PORT: RGB = [96, 165, 250]; // #60A5FA the little blue gas flame at the burner

/** 192×192: deep-blue rounded square, amber/orange flame with a pale core, a small burner under it. */
export function drawColorIcon(size = 192): PNG {
  const k = size / 192;
  const outer: FlameShape = { cx: 96 * k, bottom: 150 * k, top: 30 * k, radius: 40 * k, lean: 0.16 };
  const core: FlameShape = { cx: 97 * k, bottom: 147 * k, top: 84 * k, radius: 19 * k, lean: 0.1 };
  const burnerTop = 157 * k;
  const burnerBottom = 167 * k;
  return render(size, (x, y) => {
    if (!insideRoundedRect(x, y, 0, 0, size, size, 40 * k)) return null;
    let c: RGB = mix(BLUE_TOP, BLUE_BOTTOM, y / size);
    // Soft warm glow behind the flame.
    const gx = (x - 96 * k) / (70 * k);
    const gy = (y - 112 * k) / (80 * k);
    const glow = Math.max(0, 1 - Math.sqrt(gx * gx + gy * gy));
    c = mix(c, [64, 70, 110], glow * 0.55);
    if (insideRoundedRect(x, y, 58 * k, burnerTop, 134 * k, burnerBottom, 5 * k)) c = BURNER;
    if (insideRoundedRect(x, y, 82 * k, burnerTop - 4 * k, 110 * k, burnerTop + 1 * k, 2.5 * k)) c = BURNER_PORT;
    if (insideFlame(outer, x, y))
      c = mix(FLAME_BASE, FLAME_TIP, ((outer.bottom - y) / (outer.bottom - outer.top)) * 1.15);
    if (insideFlame(core, x, y)) c = mix(CORE_BASE, CORE_TIP, (core.bottom - y) / (core.bottom - core.top));
    return [c[0], c[1], c[2], 255];
  });
}

/** 32×32: white flame silhouette with a hollow core and a burner bar, on full transparency. */
export function drawOutlineIcon(size = 32): PNG {
  const k = size / 32;
  const outer: FlameShape = { cx: 16 * k, bottom: 25 * k, top: 2.5 * k, radius: 8.5 * k, lean: 0.16 };
  const core: FlameShape = { cx: 16.2 * k, bottom: 22.5 * k, top: 12 * k, radius: 4 * k, lean: 0.1 };
  return render(size, (x, y) => {
    const flame = insideFlame(outer, x, y) && !insideFlame(core, x, y);
    const burner = insideRoundedRect(x, y, 8 * k, 27 * k, 24 * k, 29.5 * k, 1.2 * k);
    return flame || burner ? [255, 255, 255, 255] : null;
  });
}

export function writeIcons(outDir: string): { color: string; outline: string } {
  fs.mkdirSync(outDir, { recursive: true });
  const color = path.join(outDir, 'color.png');
  const outline = path.join(outDir, 'outline.png');
  fs.writeFileSync(color, PNG.sync.write(drawColorIcon()));
  fs.writeFileSync(outline, PNG.sync.write(drawOutlineIcon()));
  return { color, outline };
}

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'appPackage'));
  const written = writeIcons(outDir);
  console.log(
    `Wrote ${path.relative(process.cwd(), written.color)} and ${path.relative(process.cwd(), written.outline)}`,
  );
}
