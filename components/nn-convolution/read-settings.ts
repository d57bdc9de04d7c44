import { NnKitError, getImageKernel, imageKernels } from '../../src/index.js';
import type { DigitSet } from '../shared/digits-data.js';
import { checkSettings } from '../shared/settings.js';
import { localize } from '../shared/strings.js';
import { CONVOLUTION_SETTINGS, LIMITS } from './nn-convolution.settings.js';
import { CONVOLUTION_STRINGS, type ConvolutionStrings } from './nn-convolution.strings.js';
import { DIGIT_NAMES, type Picture, SHAPES, digitPicture, parseRows } from './samples.js';

/** What the element's properties say, checked. */
export interface Settings {
  mode: 'explore' | 'train';
  /** The image's name (a sample), or '' for one written as numbers. */
  imageName: string;
  /** The picture; undefined while the digits it names are loading. */
  picture?: Picture;
  /** The kernel's name, or '' for one written as numbers. */
  kernelName: string;
  kernelSize: number;
  kernel: Float64Array;
  stride: number;
  padding: number;
  bias: number;
  activation: string;
  pool: 'none' | 'max' | 'average';
  /** Whether the writer set pool (train mode pools with max unless told). */
  poolSet: boolean;
  poolSize: number;
  filters: number;
  learningRate: number;
  optimizer: string;
  epochs: number;
  seed: number;
  show: Set<string>;
  controls: Set<string>;
  words: ConvolutionStrings;
}

/** The sample names `image` accepts. */
export const SAMPLE_NAMES = [...Object.keys(SHAPES), ...DIGIT_NAMES];

/** Reads the kernel: a name, or kernel-size² numbers (any square count when kernel-size is unset). */
function readKernel(value: unknown, size: number | undefined): { name: string; size: number; values: Float64Array } {
  if (typeof value !== 'string' && !Array.isArray(value)) throw new NnKitError('kernel must be a name, such as "edge-x", or its numbers, row-major.');
  const text = Array.isArray(value) ? value.flat().join(' ') : value.trim();
  if (/^[a-z-]+$/i.test(text)) {
    const kernel = getImageKernel(text.toLowerCase());
    const side = size ?? 3;
    return { name: kernel.name, size: side, values: kernel.values(side) };
  }
  const numbers = text.split(/[,;\s]+/).filter((v) => v !== '').map((v) => Number(v.replace(/^\u2212/, '-')));
  const bad = numbers.findIndex((v) => !Number.isFinite(v) || Math.abs(v) > 1e6);
  if (bad >= 0) throw new NnKitError(`kernel value ${bad + 1} is not a number within ±1000000; kernel takes a name (${Object.keys(imageKernels).join(', ')}) or numbers, row-major.`);
  const side = size ?? Math.round(Math.sqrt(numbers.length));
  if (size == null && (side < 1 || side > LIMITS.kernel || numbers.length !== side * side)) {
    throw new NnKitError(`kernel lists ${numbers.length} numbers; it needs a square count: 9 for 3×3, 25 for 5×5 (sides 1 to ${LIMITS.kernel}).`);
  }
  if (numbers.length !== side * side) throw new NnKitError(`kernel lists ${numbers.length} numbers; a ${side}×${side} kernel needs ${side * side} (kernel-size is ${side}).`);
  return { name: '', size: side, values: Float64Array.from(numbers) };
}

/** Checks every setting; throws an NnKitError naming the attribute and what it accepts. */
export function readSettings(host: object, written: (attribute: string) => string | null, digits: DigitSet | undefined, drawing?: Picture): Settings {
  // A name set from a script must be text: ["relu"] is not "relu".
  for (const [name, example] of [['mode', 'explore'], ['activation', 'relu'], ['pool', 'max'], ['optimizer', 'adam']]) {
    const value = (host as Record<string, unknown>)[name];
    if (value != null && typeof value !== 'string') throw new NnKitError(`${name} must be a name, such as "${example}".`);
  }
  const values = checkSettings(CONVOLUTION_SETTINGS, host, written);
  const words = localize(CONVOLUTION_STRINGS, (host as { strings?: unknown }).strings);
  const kernel = readKernel(values.kernel, values.kernelSize);
  const image = (host as { image: unknown }).image;
  let imageName = '';
  let picture: Picture | undefined;
  if (typeof image === 'string' && /^[a-z][a-z0-9-]*$/i.test(image.trim())) {
    imageName = image.trim().toLowerCase();
    if (imageName === 'drawn' && drawing) picture = drawing;
    else if (Object.hasOwn(SHAPES, imageName)) picture = SHAPES[imageName]();
    else if (DIGIT_NAMES.includes(imageName)) picture = digits && digitPicture(digits, imageName);
    else throw new NnKitError(`Unknown image "${imageName.slice(0, 40)}". Use ${SAMPLE_NAMES.join(', ')}, or rows of numbers such as "0 1 0; 1 1 1; 0 1 0".`);
  } else if (image != null) picture = parseRows(image);
  return {
    mode: values.mode as Settings['mode'],
    imageName,
    picture,
    kernelName: kernel.name,
    kernelSize: kernel.size,
    kernel: kernel.values,
    stride: values.stride,
    padding: values.padding,
    bias: values.bias,
    activation: values.activation,
    pool: values.pool as Settings['pool'],
    poolSet: written('pool') != null,
    poolSize: values.poolSize,
    filters: values.filters,
    learningRate: values.learningRate,
    optimizer: values.optimizer,
    epochs: values.epochs,
    seed: values.seed,
    show: new Set(values.show),
    controls: new Set(values.controls),
    words,
  };
}
