import type { Feature, Network } from '../../src/index.js';
import { type Rgb, tableIndex } from '../shared/colors.js';

/** The square of input space a 2-D view shows: [min, max] on both axes. */
export type Extent = readonly [number, number];

/**
 * Runs the network's forward pass at the centre of every cell of a resolution ×
 * resolution grid over the extent (top row first, as an image is stored), mapping
 * each point through the features, and calls `visit(cell)` with the network's buffers
 * filled for that point. This is the view's only use of the network: the core's own
 * forward pass, never a copy of it.
 */
export function sampleGrid(
  network: Network,
  features: readonly Feature[],
  extent: Extent,
  resolution: number,
  visit: (cell: number) => void,
): void {
  const [min, max] = extent;
  // Each end divided first: max − min overflows for extents near the largest double.
  const step = max / resolution - min / resolution;
  const input = new Float64Array(network.inputSize);
  for (let row = 0; row < resolution; row++) {
    const x2 = max - (row + 0.5) * step;
    for (let column = 0; column < resolution; column++) {
      const x1 = min + (column + 0.5) * step;
      if (features.length > 0) {
        for (let f = 0; f < features.length; f++) input[f] = features[f].f(x1, x2);
      } else {
        input[0] = x1;
        if (input.length > 1) input[1] = x2;
      }
      network.forwardFrom(input);
      visit(row * resolution + column);
    }
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
 * Paints the network's decision surface into `image` (resolution × resolution):
 * one output is coloured on the diverging scale after mapping its range to [-1, 1];
 * several (softmax) blend their class colours by probability.
 */
export function paintOutput(
  image: ImageData,
  network: Network,
  features: readonly Feature[],
  extent: Extent,
  palette: Palette,
  outputRange: readonly [number, number],
): void {
  const { data } = image;
  const resolution = image.width;
  const output = network.output;
  const [low, high] = outputRange;
  const span = high - low || 1;
  sampleGrid(network, features, extent, resolution, (cell) => {
    const at = cell * 4;
    if (output.length === 1) {
      const index = tableIndex(((output[0] - low) / span) * 2 - 1);
      data[at] = palette.background[index];
      data[at + 1] = palette.background[index + 1];
      data[at + 2] = palette.background[index + 2];
    } else {
      let r = 0;
      let g = 0;
      let b = 0;
      let best = 0;
      for (let c = 0; c < output.length; c++) {
        const colour = palette.classes[c % palette.classes.length];
        r += output[c] * colour.r;
        g += output[c] * colour.g;
        b += output[c] * colour.b;
        if (output[c] > best) best = output[c];
      }
      // Confident regions take the class colour; uncertain ones fade to neutral.
      const strength = (BACKGROUND_STRENGTH * (best - 1 / output.length)) / (1 - 1 / output.length);
      data[at] = palette.neutral.r + (r - palette.neutral.r) * strength;
      data[at + 1] = palette.neutral.g + (g - palette.neutral.g) * strength;
      data[at + 2] = palette.neutral.b + (b - palette.neutral.b) * strength;
    }
    data[at + 3] = 255;
  });
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
  sampleGrid(network, features, extent, resolution, (cell) => {
    for (let n = 0; n < count; n++) values[n * cells + cell] = network.values[hiddenStart + n];
  });
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
