import { check } from './errors.js';

/** Pixels a side of a drawing: the 28 × 28 pad, MNIST's size. */
export const DRAWING_SIZE = 28;
/** Pixels a side of what the network sees: the UCI digits' 8 × 8 block counts. */
export const DIGIT_SIZE = 8;
/** The UCI preprocessing's box (32 × 32) and its blocks (4 × 4, so 8 blocks a side). */
const BOX = 32;
const BLOCK = BOX / DIGIT_SIZE;

/** How a drawing is fitted into the 32 × 32 box. */
export interface DigitImageOptions {
  /** Ink above this (of 1) counts for the bounding box (default 0: any ink). */
  readonly threshold?: number;
  /**
   * Where the scaled drawing sits across the box: 'box' centres its bounding box, as the
   * UCI data were made (default); 'mass' puts its centre of ink in the middle.
   */
  readonly centre?: 'box' | 'mass';
}

/**
 * The UCI digits fill the box's height, and most are 17–24 of its 32 pixels wide whatever
 * their shape (their ink spans columns 1–6 of 8 in 1,301 of 1,797): a drawing narrower than
 * MIN_WIDTH box pixels is widened to it. (Read from the data.) With no other limit, the
 * preprocessing's output always spans blocks 1–6 or 0–7 across, which is what makes it
 * give back exactly a digit it made when that digit is drawn on the pad (see digitToDrawing).
 */
const MIN_WIDTH = 20;

/**
 * Turns a drawing into the input the digits network sees, by the preprocessing the UCI
 * "Optical Recognition of Handwritten Digits" data went through: the ink's bounding box is
 * scaled, keeping its shape, until its height (or its width, if wider) fills a 32 × 32 box,
 * centred (a narrow one widened to MIN_WIDTH); the box is cut into 4 × 4 blocks and each
 * block's share of ink becomes one of 8 × 8 values in [0, 1] (the data's count of inked
 * pixels, 0–16, over 16). A drawing's grey pixels count as that share of a pixel's ink. A
 * blank drawing gives all zeros.
 *
 * Its outputs are its fixed points: a digit it made, drawn by digitToDrawing(), comes back
 * exactly (padDigit()).
 *
 * @param drawing `size` × `size` values in [0, 1], row-major, top row first.
 * @param out where to write the 64 values (allocated when left out).
 */
export function drawingToDigit(
  drawing: ArrayLike<number>,
  options: DigitImageOptions = {},
  size = DRAWING_SIZE,
  out: Float64Array = new Float64Array(DIGIT_SIZE * DIGIT_SIZE),
): Float64Array {
  check(drawing.length === size * size, `A drawing must hold ${size * size} values (${size} × ${size}); got ${drawing.length}.`);
  const threshold = options.threshold ?? 0;
  let top = size;
  let bottom = -1;
  let left = size;
  let right = -1;
  let mass = 0;
  let massX = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const ink = inkAt(drawing, y * size + x);
      mass += ink;
      massX += ink * (x + 0.5);
      if (ink > threshold) {
        if (y < top) top = y;
        if (y > bottom) bottom = y;
        if (x < left) left = x;
        if (x > right) right = x;
      }
    }
  }
  out.fill(0);
  if (bottom < 0 || mass <= 0) return out;
  const width = right + 1 - left;
  const height = bottom + 1 - top;
  const scale = BOX / Math.max(width, height);
  const scaleY = scale;
  const natural = width * scale;
  const target = Math.min(BOX, Math.max(natural, MIN_WIDTH));
  const scaleX = target / width;
  const offsetY = (BOX - height * scaleY) / 2;
  const offsetX =
    options.centre === 'mass'
      ? Math.min(BOX - width * scaleX, Math.max(0, BOX / 2 - (massX / mass - left) * scaleX))
      : (BOX - width * scaleX) / 2;
  const rows = blockWeights(top, height, scaleY, offsetY, size);
  const columns = blockWeights(left, width, scaleX, offsetX, size);
  // out = rows · drawing · columnsᵀ, over the bounding box only.
  const partial = new Float64Array(DIGIT_SIZE * size);
  for (let b = 0; b < DIGIT_SIZE; b++) {
    for (let y = top; y <= bottom; y++) {
      const w = rows[b * size + y];
      if (w === 0) continue;
      for (let x = left; x <= right; x++) partial[b * size + x] += w * inkAt(drawing, y * size + x);
    }
  }
  for (let by = 0; by < DIGIT_SIZE; by++) {
    for (let bx = 0; bx < DIGIT_SIZE; bx++) {
      let sum = 0;
      for (let x = left; x <= right; x++) sum += partial[by * size + x] * columns[bx * size + x];
      out[by * DIGIT_SIZE + bx] = Math.min(1, Math.max(0, sum));
    }
  }
  return out;
}

/** A pixel's ink in [0, 1]; anything else (NaN, out of range) is clamped or none. */
function inkAt(drawing: ArrayLike<number>, index: number): number {
  const value = drawing[index];
  return value > 0 ? (value < 1 ? value : 1) : 0;
}

/**
 * For one axis: how much each source pixel of [start, start + length) adds to each block
 * of the box, once the span is scaled by `scale` and placed at `offset`. Row b, column i:
 * the share of block b (of BLOCK box pixels) that source pixel i covers.
 */
function blockWeights(start: number, length: number, scale: number, offset: number, size: number): Float64Array {
  const weights = new Float64Array(DIGIT_SIZE * size);
  for (let i = start; i < start + length; i++) {
    // Source pixel i covers [lo, hi) of the box.
    const lo = offset + (i - start) * scale;
    const hi = lo + scale;
    for (let b = 0; b < DIGIT_SIZE; b++) {
      const overlap = Math.min(hi, (b + 1) * BLOCK) - Math.max(lo, b * BLOCK);
      if (overlap > 0) weights[b * size + i] = overlap / BLOCK;
    }
  }
  return weights;
}

/**
 * Draws an 8 × 8 digit into a 28 × 28 drawing, as a reader would see it on the pad: each
 * pixel becomes a 3 × 3 square, the 24 × 24 digit centred with 2 pixels of margin.
 * drawingToDigit() of the result gives the digit back exactly when the digit is one the
 * preprocessing made (padDigit()'s): its ink then fills the 8 rows (or columns) and spans
 * columns (rows) 1–6 or 0–7, block by block, so the bounding box maps each 3 × 3 square
 * onto its own 4 × 4 block.
 */
export function digitToDrawing(
  digit: ArrayLike<number>,
  out: Float64Array = new Float64Array(DRAWING_SIZE * DRAWING_SIZE),
): Float64Array {
  check(digit.length === DIGIT_SIZE * DIGIT_SIZE, `A digit must hold ${DIGIT_SIZE * DIGIT_SIZE} values; got ${digit.length}.`);
  const cell = 3;
  const margin = (DRAWING_SIZE - cell * DIGIT_SIZE) / 2;
  out.fill(0);
  for (let y = 0; y < cell * DIGIT_SIZE; y++) {
    for (let x = 0; x < cell * DIGIT_SIZE; x++) {
      out[(y + margin) * DRAWING_SIZE + x + margin] = inkAt(digit, Math.floor(y / cell) * DIGIT_SIZE + Math.floor(x / cell));
    }
  }
  return out;
}

/** A pen's half width on the 28 × 28 pad, in pixels: strokes about 2.6 pixels wide, as MNIST's are. */
export const PEN_RADIUS = 1.3;

/**
 * Inks strokes into a drawing: each stroke is a flat list of points x0, y0, x1, y1, … in
 * pixels of a `size` × `size` pad (0 to size; pixel (i, j) spans [i, i + 1) × [j, j + 1)),
 * drawn as a line `radius` wide on each side with a soft edge one pixel wide. Ink is the
 * most any stroke lays on a pixel, in [0, 1], so going over a line does not darken it.
 * Points that are not finite are skipped.
 */
export function inkStrokes(
  strokes: readonly ArrayLike<number>[],
  out: Float64Array = new Float64Array(DRAWING_SIZE * DRAWING_SIZE),
  radius = PEN_RADIUS,
  size = DRAWING_SIZE,
): Float64Array {
  check(out.length === size * size, `A drawing must hold ${size * size} values; got ${out.length}.`);
  for (const stroke of strokes) {
    const points = Math.floor(stroke.length / 2);
    for (let p = 0; p < points; p++) {
      const ax = stroke[2 * p];
      const ay = stroke[2 * p + 1];
      const last = p + 1 < points ? p + 1 : p;
      const bx = stroke[2 * last];
      const by = stroke[2 * last + 1];
      if (!(Number.isFinite(ax) && Number.isFinite(ay) && Number.isFinite(bx) && Number.isFinite(by))) continue;
      if (p > 0 && last === p) break;
      inkSegment(out, ax, ay, bx, by, radius, size);
    }
  }
  return out;
}

/** Inks one segment (a dot when its ends meet) into `out`. */
function inkSegment(out: Float64Array, ax: number, ay: number, bx: number, by: number, radius: number, size: number): void {
  const reach = radius + 1;
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - reach));
  const x1 = Math.min(size - 1, Math.ceil(Math.max(ax, bx) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by) - reach));
  const y1 = Math.min(size - 1, Math.ceil(Math.max(ay, by) + reach));
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5 - ax;
      const py = y + 0.5 - ay;
      const t = length2 > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / length2)) : 0;
      const distance = Math.hypot(px - t * dx, py - t * dy);
      const ink = Math.min(1, Math.max(0, radius + 0.5 - distance));
      const index = y * size + x;
      if (ink > out[index]) out[index] = ink;
    }
  }
}

/**
 * A digit as the pad gives it: drawn on the 28 × 28 pad (digitToDrawing) and read back
 * (drawingToDigit), its ink centred and its width at least MIN_WIDTH as a drawing's is. The
 * network learns and is measured on digits in this form, so a data set's digit and the same
 * digit drawn on the pad are one input: padDigit(padDigit(d)) equals padDigit(d).
 */
export function padDigit(
  digit: ArrayLike<number>,
  out: Float64Array = new Float64Array(DIGIT_SIZE * DIGIT_SIZE),
  drawing: Float64Array = new Float64Array(DRAWING_SIZE * DRAWING_SIZE),
): Float64Array {
  return drawingToDigit(digitToDrawing(digit, drawing), {}, DRAWING_SIZE, out);
}

/** How far augmentDigit() distorts a digit; each drawn uniformly from ±value or [min, max]. */
export interface DigitDistortion {
  /** Rotation, in degrees either way. */
  readonly rotate: number;
  /** Slant: x moves by this times y, either way. */
  readonly shear: number;
  /** Width scale, [min, max]. */
  readonly widen: readonly [number, number];
  /** Where the smoothed ink is cut into a stroke, [min, max] of 1: low is thick, high thin. */
  readonly cut: readonly [number, number];
}

/** A digit a block of zeros wider on each side, for augmentDigit's smoothing. */
const PADDED = DIGIT_SIZE + 2;
/** The width of a distorted stroke's soft edge, in ink. */
const STROKE_EDGE = 0.15;

/**
 * The distortions `<nn-digits>` learns from: up to 18° either way, slanted up to 0.7, 0.6 to
 * 1.9 times as wide, strokes cut at 0.25 to 0.75 of the ink. Chosen by what they make of
 * MNIST digits read through the drawing preprocessing (bench/digits.ts): wider ranges read
 * more of them; the UCI digits' own held-out accuracy stays above 95 %.
 */
export const DIGIT_DISTORTION: DigitDistortion = { rotate: 18, shear: 0.7, widen: [0.6, 1.9], cut: [0.25, 0.75] };

/**
 * One distortion drawn from `random` (rotation, slant, width, then cut): the forward map about
 * the pad's centre widens x, slants x by y and rotates, [x', y'] = [[a, b], [c, d]] · [widen · x, y]
 * (its inverse takes a distorted pixel back to the original); `cut`, where the smoothed ink
 * becomes a stroke.
 */
export interface DrawnDistortion {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  /** a d − b c. */
  readonly det: number;
  readonly widen: number;
  readonly cut: number;
}

/** Draws one distortion within `distortion`'s ranges from `random`. */
export function drawDistortion(random: { uniform(min: number, max: number): number }, distortion: DigitDistortion = DIGIT_DISTORTION): DrawnDistortion {
  const angle = (random.uniform(-distortion.rotate, distortion.rotate) * Math.PI) / 180;
  const shear = random.uniform(-distortion.shear, distortion.shear);
  const widen = random.uniform(distortion.widen[0], distortion.widen[1]);
  const cut = random.uniform(distortion.cut[0], distortion.cut[1]);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const a = cos;
  const b = -sin + cos * shear;
  const c = sin;
  const d = cos + sin * shear;
  return { a, b, c, d, det: a * d - b * c, widen, cut };
}

/**
 * A distorted copy of an 8 × 8 digit, for learning to read other hands: its block counts,
 * smoothed (bilinear) over the 28 × 28 pad where digitToDrawing() puts them, are rotated,
 * slanted and narrowed or widened about the pad's centre, cut at a level that makes the
 * strokes thicker or thinner (a soft edge 0.15 wide), and read by drawingToDigit() like a
 * drawing. Everything is drawn from `random`, so a seed gives the same copies. Returns
 * false (and `out` all zeros) when the cut leaves no ink.
 */
export function augmentDigit(
  digit: ArrayLike<number>,
  random: { uniform(min: number, max: number): number },
  out: Float64Array = new Float64Array(DIGIT_SIZE * DIGIT_SIZE),
  distortion: DigitDistortion = DIGIT_DISTORTION,
  drawing: Float64Array = new Float64Array(DRAWING_SIZE * DRAWING_SIZE),
): boolean {
  check(digit.length === DIGIT_SIZE * DIGIT_SIZE, `A digit must hold ${DIGIT_SIZE * DIGIT_SIZE} values; got ${digit.length}.`);
  const { a, b, c, d, det, widen, cut } = drawDistortion(random, distortion);
  // The digit with a border of zeros, so the smoothing reads nothing past its edge.
  const padded = new Float64Array(PADDED * PADDED);
  for (let row = 0; row < DIGIT_SIZE; row++) for (let column = 0; column < DIGIT_SIZE; column++) padded[(row + 1) * PADDED + column + 1] = inkAt(digit, row * DIGIT_SIZE + column);
  const centre = DRAWING_SIZE / 2;
  const cell = (DRAWING_SIZE - 4) / DIGIT_SIZE;
  // A pad pixel's centre, in blocks of the padded digit (0 at the first block's centre).
  const toBlocks = (value: number) => (value + centre - 2) / cell + 0.5;
  let inked = false;
  for (let y = 0; y < DRAWING_SIZE; y++) {
    const py = y + 0.5 - centre;
    for (let x = 0; x < DRAWING_SIZE; x++) {
      const px = x + 0.5 - centre;
      const u = toBlocks((d * px - b * py) / det / widen);
      const v = toBlocks((-c * px + a * py) / det);
      let ink = 0;
      if (u >= 0 && v >= 0 && u < PADDED - 1 && v < PADDED - 1) {
        const u0 = Math.floor(u);
        const v0 = Math.floor(v);
        const fu = u - u0;
        const fv = v - v0;
        const i = v0 * PADDED + u0;
        const density = (1 - fv) * ((1 - fu) * padded[i] + fu * padded[i + 1]) + fv * ((1 - fu) * padded[i + PADDED] + fu * padded[i + PADDED + 1]);
        ink = Math.min(1, Math.max(0, (density - cut) / STROKE_EDGE + 0.5));
      }
      drawing[y * DRAWING_SIZE + x] = ink;
      if (ink > 0) inked = true;
    }
  }
  drawingToDigit(drawing, {}, DRAWING_SIZE, out);
  return inked;
}
