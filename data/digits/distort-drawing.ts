import { type DigitDistortion, DRAWING_SIZE, drawDistortion } from '../../src/index.js';

/** The distortions the shipped model learns from (train-model.ts). */
export const MNIST_DISTORTION: DigitDistortion = { rotate: 15, shear: 0.5, widen: [0.7, 1.5], cut: [0.02, 0.3] };

/** The width of a distorted stroke's soft edge, in ink. */
const STROKE_EDGE = 0.15;

/**
 * A distorted copy of a 28 × 28 drawing: smoothed by a 3 × 3 blur (¼, ½, ¼ each way), then
 * rotated, slanted and narrowed or widened about the pad's centre (bilinear), and cut at a
 * level that makes its strokes thicker or thinner: a cut below half the soft edge (0.075)
 * inks every pixel the smoothing reaches, the thickest strokes. Everything is drawn from
 * `random`, so a seed gives the same copies. Returns false when the cut leaves no ink.
 */
export function distortDrawing(
  drawing: ArrayLike<number>,
  random: { uniform(min: number, max: number): number },
  out: Float64Array,
  distortion: DigitDistortion = MNIST_DISTORTION,
): boolean {
  const size = DRAWING_SIZE;
  const { a, b, c, d, det, widen, cut } = drawDistortion(random, distortion);
  const smooth = blur(drawing, size);
  const centre = size / 2;
  let inked = false;
  for (let y = 0; y < size; y++) {
    const py = y + 0.5 - centre;
    for (let x = 0; x < size; x++) {
      const px = x + 0.5 - centre;
      const u = (d * px - b * py) / det / widen + centre - 0.5;
      const v = (-c * px + a * py) / det + centre - 0.5;
      const density = bilinear(smooth, size, u, v);
      const ink = density > 0 ? Math.min(1, Math.max(0, (density - cut) / STROKE_EDGE + 0.5)) : 0;
      out[y * size + x] = ink;
      if (ink > 0) inked = true;
    }
  }
  return inked;
}

/** The drawing blurred by ¼, ½, ¼ along each axis (nothing past its edges). */
function blur(drawing: ArrayLike<number>, size: number): Float64Array {
  const across = new Float64Array(size * size);
  const out = new Float64Array(size * size);
  const at = (source: ArrayLike<number>, x: number, y: number) => (x >= 0 && x < size && y >= 0 && y < size ? source[y * size + x] : 0);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) across[y * size + x] = 0.25 * at(drawing, x - 1, y) + 0.5 * at(drawing, x, y) + 0.25 * at(drawing, x + 1, y);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) out[y * size + x] = 0.25 * at(across, x, y - 1) + 0.5 * at(across, x, y) + 0.25 * at(across, x, y + 1);
  return out;
}

/** The image's value at (u, v) in pixel centres, read between the four nearest (0 outside). */
function bilinear(image: Float64Array, size: number, u: number, v: number): number {
  const u0 = Math.floor(u);
  const v0 = Math.floor(v);
  const fu = u - u0;
  const fv = v - v0;
  const at = (x: number, y: number) => (x >= 0 && x < size && y >= 0 && y < size ? image[y * size + x] : 0);
  return (1 - fv) * ((1 - fu) * at(u0, v0) + fu * at(u0 + 1, v0)) + fv * ((1 - fu) * at(u0, v0 + 1) + fu * at(u0 + 1, v0 + 1));
}
