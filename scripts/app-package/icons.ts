/**
 * Checks of the two icons Teams requires: color 192×192, outline 32×32 and white on transparent.
 */
import { PNG } from 'pngjs';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

function decode(name: string, buf: Buffer): PNG | string {
  try {
    return PNG.sync.read(buf);
  } catch (e) {
    return `${name} is not a readable PNG (${(e as Error).message})`;
  }
}

export function checkColorIcon(name: string, buf: Buffer): string[] {
  const png = decode(name, buf);
  if (typeof png === 'string') return [png];
  if (png.width !== COLOR_ICON_SIZE || png.height !== COLOR_ICON_SIZE) {
    return [`${name} must be ${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE} pixels, it is ${png.width}×${png.height}`];
  }
  return [];
}

/**
 * The outline icon must be 32×32 and use only white (any opacity, for smooth edges) and fully
 * transparent pixels; Teams recolours it, so any other colour shows up wrong.
 */
export function checkOutlineIcon(name: string, buf: Buffer): string[] {
  const png = decode(name, buf);
  if (typeof png === 'string') return [png];
  if (png.width !== OUTLINE_ICON_SIZE || png.height !== OUTLINE_ICON_SIZE) {
    return [`${name} must be ${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE} pixels, it is ${png.width}×${png.height}`];
  }
  const d = png.data;
  let coloured = 0;
  let firstBad: [number, number] | undefined;
  let drawn = 0;
  let transparent = 0;
  for (let i = 0; i < d.length; i += 4) {
    const alpha = d[i + 3];
    if (alpha === 0) {
      transparent += 1;
      continue;
    }
    drawn += 1;
    if (d[i] !== 255 || d[i + 1] !== 255 || d[i + 2] !== 255) {
      coloured += 1;
      if (!firstBad) firstBad = [(i / 4) % png.width, Math.floor(i / 4 / png.width)];
    }
  }
  const problems: string[] = [];
  if (coloured > 0 && firstBad) {
    problems.push(
      `${name} must be white on a transparent background: ${coloured} pixel(s) are not white, the first at x=${firstBad[0]}, y=${firstBad[1]}`,
    );
  }
  if (drawn === 0) problems.push(`${name} is empty (fully transparent)`);
  if (transparent === 0) problems.push(`${name} has no transparent background`);
  return problems;
}
