import { BatchForward } from '../../src/batch-forward.js';
import type { Feature, Network } from '../../src/index.js';
import { type Rgb, tableIndex } from '../shared/colors.js';

/** The square of input space a 2-D view shows: [min, max] on both axes. */
export type Extent = readonly [number, number];

/**
 * A resolution × resolution grid over the extent (top row first, as an image is stored),
 * sampled a chunk of cells at a time: each cell's centre is mapped through the features
 * and run through the network's own forward pass (the core's BatchForward, never a copy
 * of it), and `visit(cell, values, at)` reads that cell's neurons at values[at + …],
 * laid out like `network.values`.
 */
export class GridSampler {
  /** The next cell to sample; the grid is done when it reaches resolution². */
  next = 0;
  readonly cells: number;
  private readonly batch: BatchForward;
  private readonly step: number;

  constructor(
    network: Network,
    private readonly features: readonly Feature[],
    private readonly extent: Extent,
    readonly resolution: number,
    private readonly visit: (cell: number, values: Float64Array, at: number) => void,
  ) {
    this.batch = new BatchForward(network);
    this.cells = resolution * resolution;
    const [min, max] = extent;
    // Each end divided first: max − min overflows for extents near the largest double.
    this.step = max / resolution - min / resolution;
  }

  get done(): boolean {
    return this.next >= this.cells;
  }

  /** Samples up to `count` more cells (at most the batch's capacity). */
  sample(count: number): void {
    const { batch, features, resolution, step } = this;
    const { values, stride } = batch;
    const [min, max] = this.extent;
    const size = Math.min(count, batch.capacity, this.cells - this.next);
    const inputs = batch.network.inputSize;
    for (let g = 0; g < size; g++) {
      const cell = this.next + g;
      const row = Math.floor(cell / resolution);
      const x1 = min + (cell - row * resolution + 0.5) * step;
      const x2 = max - (row + 0.5) * step;
      const at = g * stride;
      if (features.length > 0) {
        for (let f = 0; f < features.length; f++) values[at + f] = features[f].f(x1, x2);
      } else {
        values[at] = x1;
        if (inputs > 1) values[at + 1] = x2;
      }
    }
    batch.run(size);
    for (let g = 0; g < size; g++) this.visit(this.next + g, values, g * stride);
    this.next += size;
  }

  /** Samples every cell left. */
  finish(): void {
    while (!this.done) this.sample(this.batch.capacity);
  }
}

/**
 * How far the decision surface goes towards a class colour where the network is sure:
 * well short of the points' own colour, so every point stands out from its region.
 */
export const BACKGROUND_STRENGTH = 0.45;

/** How the output becomes a colour. */
export interface Palette {
  /** 256 RGBA entries from the negative colour through neutral to the positive one. */
  diverging: Uint8ClampedArray;
  /** The same scale, paler, for the decision boundary behind the points. */
  background: Uint8ClampedArray;
  neutral: Rgb;
  /** One colour per class, for softmax outputs. */
  classes: Rgb[];
}

/**
 * A visit for GridSampler that paints the network's decision surface into `image`
 * (resolution × resolution): one output is coloured on the diverging scale after mapping
 * its range to [-1, 1]; several (softmax) blend their class colours by probability.
 */
export function outputPainter(
  image: ImageData,
  network: Network,
  palette: Palette,
  outputRange: readonly [number, number],
  discrete = false,
): (cell: number, values: Float64Array, at: number) => void {
  const { data } = image;
  const n = network.outputSize;
  const out = network.neuronOffset[network.depth];
  const [low, high] = outputRange;
  const span = high - low || 1;
  return (cell, values, at) => {
    const pixel = cell * 4;
    const o = at + out;
    if (n === 1) {
      const shade = ((values[o] - low) / span) * 2 - 1;
      // Discrete: one side of the middle of the output's range or the other, at full strength.
      const index = tableIndex(discrete ? (shade >= 0 ? 1 : -1) : shade);
      data[pixel] = palette.background[index];
      data[pixel + 1] = palette.background[index + 1];
      data[pixel + 2] = palette.background[index + 2];
    } else {
      let r = 0;
      let g = 0;
      let b = 0;
      let best = 0;
      let likeliest = 0;
      for (let c = 0; c < n; c++) {
        const colour = palette.classes[c % palette.classes.length];
        const p = values[o + c];
        r += p * colour.r;
        g += p * colour.g;
        b += p * colour.b;
        if (p > best) {
          best = p;
          likeliest = c;
        }
      }
      // Confident regions take the class colour; uncertain ones fade to neutral. Discrete: the likeliest class only.
      if (discrete) {
        const colour = palette.classes[likeliest % palette.classes.length];
        r = colour.r;
        g = colour.g;
        b = colour.b;
        best = 1;
      }
      const strength = (BACKGROUND_STRENGTH * (best - 1 / n)) / (1 - 1 / n);
      data[pixel] = palette.neutral.r + (r - palette.neutral.r) * strength;
      data[pixel + 1] = palette.neutral.g + (g - palette.neutral.g) * strength;
      data[pixel + 2] = palette.neutral.b + (b - palette.neutral.b) * strength;
    }
    data[pixel + 3] = 255;
  };
}

/**
 * Paints what every hidden neuron responds to: one small image per neuron, each
 * neuron's activation over the grid scaled by its own largest magnitude.
 */
export function paintHiddenNeurons(
  images: ImageData[],
  network: Network,
  features: readonly Feature[],
  extent: Extent,
  diverging: Uint8ClampedArray,
): void {
  if (images.length === 0) return;
  const resolution = images[0].width;
  const hiddenStart = network.neuronOffset[1];
  const count = images.length;
  const values = new Float32Array(count * resolution * resolution);
  const cells = resolution * resolution;
  new GridSampler(network, features, extent, resolution, (cell, sampled, at) => {
    for (let n = 0; n < count; n++) values[n * cells + cell] = sampled[at + hiddenStart + n];
  }).finish();
  for (let n = 0; n < count; n++) {
    let largest = 1e-9;
    for (let cell = 0; cell < cells; cell++) largest = Math.max(largest, Math.abs(values[n * cells + cell]));
    const { data } = images[n];
    for (let cell = 0; cell < cells; cell++) {
      const index = tableIndex(values[n * cells + cell] / largest);
      data.set(diverging.subarray(index, index + 4), cell * 4);
    }
  }
}
