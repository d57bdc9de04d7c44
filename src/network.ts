import { type Activation, activations, getActivation } from './activations.js';
import { NnKitError, check, isFiniteNumber } from './errors.js';
import { weightedSums } from './kernels.js';
import { Random } from './random.js';

/** The largest network nn-kit builds: enough for MNIST-sized demos, small enough for a page. */
export const LIMITS = Object.freeze({
  /** Most neurons in one layer. */
  layerSize: 4096,
  /** Most layers, input and output included. */
  layers: 32,
  /** Most weights and biases in all. */
  parameters: 1_000_000,
});

export interface NetworkOptions {
  /** Layer sizes from input to output, e.g. [2, 8, 8, 1]. */
  layers: readonly number[];
  /**
   * Activation of the hidden layers (default "tanh"): one name for all of them, or a list
   * with one name per hidden layer, first to last (e.g. ["relu", "relu", "tanh"]).
   */
  activation?: string | readonly string[];
  /** Activation of the output layer (default "sigmoid"). */
  outputActivation?: string;
  /** Seed for the initial weights (default 1). */
  seed?: number;
}

/** The core's model format, shared by `toJSON`, `fromJSON` and `<nn-network src>`. */
export interface ModelJSON {
  format: 'nn-kit.model';
  version: 1;
  layers: number[];
  /** The hidden layers' activation: one name for all, or one per hidden layer (written as a list only when they differ). */
  activation: string | string[];
  outputActivation: string;
  /** weights[layer][to][from]: layer 0 connects the inputs to the first hidden layer. */
  weights: number[][][];
  /** biases[layer][to]. */
  biases: number[][];
}

/** What one forward pass computed at one layer, for views that show every number. */
export interface LayerTrace {
  /** Weighted sums plus bias (empty for the input layer). */
  z: number[];
  /** Activations: the inputs for layer 0. */
  a: number[];
}

/** Checks a list of layer sizes, with a message that says what is accepted. */
export function validateLayers(layers: unknown): asserts layers is readonly number[] {
  check(
    Array.isArray(layers) && layers.length >= 2,
    'Layers must list at least two sizes, input and output, e.g. "2,4,1".',
  );
  check(layers.length <= LIMITS.layers, `A network may have at most ${LIMITS.layers} layers; this one has ${layers.length}.`);
  for (const size of layers) {
    check(
      Number.isInteger(size) && size >= 1,
      `Layer sizes must be whole numbers of at least 1; got "${String(size)}".`,
    );
    check(size <= LIMITS.layerSize, `A layer may have at most ${LIMITS.layerSize} neurons; got ${size}.`);
  }
  let parameters = 0;
  for (let k = 1; k < layers.length; k++) parameters += (layers[k - 1] + 1) * layers[k];
  if (parameters > LIMITS.parameters) {
    // Written out only when thrown: toLocaleString is slow, and every new network comes through here.
    throw new NnKitError(
      `That network has ${parameters.toLocaleString('en')} weights and biases; the limit is ${LIMITS.parameters.toLocaleString('en')}.`,
    );
  }
}

/**
 * A fully connected feed-forward network. Weights, biases, weighted sums and
 * activations live in flat Float64Arrays allocated once, so a forward pass allocates
 * nothing.
 */
export class Network {
  readonly layers: readonly number[];
  /** The first hidden layer's activation (all hidden layers' when they share one; see `hiddenActivations`). */
  readonly activation: Activation;
  /** Each hidden layer's activation, first to last (empty without hidden layers); `activationOf(k)` reads it. */
  readonly hiddenActivations: readonly Activation[];
  readonly outputActivation: Activation;
  readonly seed: number;
  /** Every weight, then every bias, in one array: an update or a copy of all of them is one pass. */
  readonly parameters: Float64Array;
  /** All weights (the start of `parameters`); layer k's weight from neuron i to neuron j is at weightIndex(k, j, i). */
  readonly weights: Float64Array;
  /** All biases of non-input neurons (the rest of `parameters`); layer k's neuron j is at biasOffset[k] + j. */
  readonly biases: Float64Array;
  /** Weighted sums z of the last forward pass, indexed like `values`. */
  readonly sums: Float64Array;
  /** Activations of the last forward pass; the inputs sit at the start. */
  readonly values: Float64Array;
  /** Where each layer's neurons start in `sums` and `values`. */
  readonly neuronOffset: Int32Array;
  /** Where each weight layer starts in `weights`. */
  readonly weightOffset: Int32Array;
  /** Where each weight layer's biases start in `biases`. */
  readonly biasOffset: Int32Array;
  /** A view onto the output layer of `values` (overwritten by each forward pass). */
  readonly output: Float64Array;

  constructor(options: NetworkOptions) {
    check(options && typeof options === 'object', 'Network options must be an object.');
    validateLayers(options.layers);
    this.layers = Object.freeze([...options.layers]);
    const hidden = this.layers.length - 2;
    const named = namedActivations(options.activation ?? 'tanh', hidden);
    this.activation = named[0] ?? getActivation('tanh');
    this.hiddenActivations = Object.freeze(named.length === hidden ? named : Array.from({ length: hidden }, () => this.activation));
    this.outputActivation = getActivation(options.outputActivation ?? 'sigmoid');
    const seed = options.seed ?? 1;
    check(isFiniteNumber(seed), `The seed must be a finite number; got "${String(seed)}".`);
    this.seed = seed;

    const depth = this.layers.length;
    this.neuronOffset = new Int32Array(depth + 1);
    this.weightOffset = new Int32Array(depth);
    this.biasOffset = new Int32Array(depth);
    for (let l = 0; l < depth; l++) this.neuronOffset[l + 1] = this.neuronOffset[l] + this.layers[l];
    for (let k = 0; k < depth - 1; k++) {
      this.weightOffset[k + 1] = this.weightOffset[k] + this.layers[k] * this.layers[k + 1];
      this.biasOffset[k + 1] = this.biasOffset[k] + this.layers[k + 1];
    }
    const weightCount = this.weightOffset[depth - 1];
    this.parameters = new Float64Array(weightCount + this.biasOffset[depth - 1]);
    this.weights = this.parameters.subarray(0, weightCount);
    this.biases = this.parameters.subarray(weightCount);
    this.sums = new Float64Array(this.neuronOffset[depth]);
    this.values = new Float64Array(this.neuronOffset[depth]);
    this.output = this.values.subarray(this.neuronOffset[depth - 1]);
    this.initialize(new Random(seed));
  }

  /** Number of inputs. */
  get inputSize(): number {
    return this.layers[0];
  }

  /** Number of outputs. */
  get outputSize(): number {
    return this.layers[this.layers.length - 1];
  }

  /** Number of weight layers (one fewer than `layers`). */
  get depth(): number {
    return this.layers.length - 1;
  }

  /** The activation of weight layer k (the last one uses `outputActivation`). */
  activationOf(k: number): Activation {
    return k === this.depth - 1 ? this.outputActivation : this.hiddenActivations[k];
  }

  /** The hidden layers' activation names: one name when they share it (or there are none), else one per hidden layer. */
  get activationNames(): string | string[] {
    const names = this.hiddenActivations.map((activation) => activation.name);
    return names.every((name) => name === names[0]) ? this.activation.name : names;
  }

  /** Index in `weights` of the weight from neuron `from` of layer k to neuron `to` of layer k + 1. */
  weightIndex(k: number, to: number, from: number): number {
    return this.weightOffset[k] + to * this.layers[k] + from;
  }

  /**
   * Glorot/Xavier uniform for tanh, sigmoid and the like; He uniform for the ReLU
   * family; biases zero.
   */
  private initialize(random: Random): void {
    for (let k = 0; k < this.depth; k++) {
      const fanIn = this.layers[k];
      const fanOut = this.layers[k + 1];
      const limit =
        this.activationOf(k).initializer === 'he' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
      const end = this.weightOffset[k + 1];
      for (let i = this.weightOffset[k]; i < end; i++) this.weights[i] = random.uniform(-limit, limit);
    }
  }

  /**
   * Runs a forward pass on inputs read from `source` at `start`, without checks or
   * allocation, and returns the `output` view. For hot loops; use `predict` otherwise.
   */
  forwardFrom(source: ArrayLike<number>, start = 0): Float64Array {
    const { layers, weights, biases, sums, values, neuronOffset, weightOffset, biasOffset } = this;
    const inputs = layers[0];
    for (let i = 0; i < inputs; i++) values[i] = source[start + i];
    for (let k = 0; k < layers.length - 1; k++) {
      const fromSize = layers[k];
      const toSize = layers[k + 1];
      const fromStart = neuronOffset[k];
      const toStart = neuronOffset[k + 1];
      const activation = this.activationOf(k);
      weightedSums(weights, weightOffset[k], biases, biasOffset[k], fromSize, toSize, values, fromStart, sums, toStart);
      activation.forwardLayer(sums, values, toStart, toStart + toSize);
    }
    return this.output;
  }

  /** The network's outputs for one input vector (a new array). */
  predict(input: ArrayLike<number>): Float64Array {
    this.checkInput(input);
    return Float64Array.from(this.forwardFrom(input));
  }

  /** Every layer's weighted sums and activations for one input, for views. */
  trace(input: ArrayLike<number>): LayerTrace[] {
    this.checkInput(input);
    this.forwardFrom(input);
    return this.layers.map((size, l) => {
      const start = this.neuronOffset[l];
      return {
        z: l === 0 ? [] : Array.from(this.sums.subarray(start, start + size)),
        a: Array.from(this.values.subarray(start, start + size)),
      };
    });
  }

  /** Checks that `input` has one finite number per input neuron. */
  checkInput(input: ArrayLike<number>): void {
    check(
      input != null && typeof input.length === 'number' && input.length === this.inputSize,
      `The network takes ${this.inputSize} input${this.inputSize === 1 ? '' : 's'}; got ${input?.length ?? 'none'}.`,
    );
    for (let i = 0; i < input.length; i++) {
      check(isFiniteNumber(input[i]), `Input ${i + 1} must be a finite number; got "${String(input[i])}".`);
    }
  }

  /** A deep copy with the same weights. */
  clone(): Network {
    return Network.fromJSON(this.toJSON());
  }

  /** The model as plain JSON (see ModelJSON); `Network.fromJSON` reads it back exactly. */
  toJSON(): ModelJSON {
    const weights: number[][][] = [];
    const biases: number[][] = [];
    for (let k = 0; k < this.depth; k++) {
      const rows: number[][] = [];
      for (let j = 0; j < this.layers[k + 1]; j++) {
        const start = this.weightIndex(k, j, 0);
        rows.push(Array.from(this.weights.subarray(start, start + this.layers[k])));
      }
      weights.push(rows);
      biases.push(Array.from(this.biases.subarray(this.biasOffset[k], this.biasOffset[k] + this.layers[k + 1])));
    }
    return {
      format: 'nn-kit.model',
      version: 1,
      layers: [...this.layers],
      activation: this.activationNames,
      outputActivation: this.outputActivation.name,
      weights,
      biases,
    };
  }

  /** Builds a network from ModelJSON, checking every field; throws a clear NnKitError. */
  static fromJSON(json: unknown): Network {
    const model = readModel(json);
    const network = new Network({
      layers: model.layers,
      activation: model.activation,
      outputActivation: model.outputActivation,
    });
    for (let k = 0; k < network.depth; k++) {
      for (let j = 0; j < network.layers[k + 1]; j++) {
        network.weights.set(model.weights[k][j], network.weightIndex(k, j, 0));
      }
      network.biases.set(model.biases[k], network.biasOffset[k]);
    }
    return network;
  }
}

/**
 * The activations named by `activation`: a name (for all hidden layers) or a list of names,
 * one per hidden layer (a list of one is for all too); throws a clear NnKitError for an
 * unknown name, a whole-layer one (softmax) or a list of the wrong length.
 */
function namedActivations(given: unknown, hidden: number): Activation[] {
  return perHiddenLayer(given, hidden, 'The activation', 'name').map((name) => {
    const activation = getActivation(name);
    check(!activation.applyVector, `"${activation.name}" works on a whole output layer only; pick another hidden activation.`);
    return activation;
  });
}

/**
 * A per-layer option as given: one value (for every hidden layer) or a list of them, which
 * holds one for all or one per hidden layer; throws a clear NnKitError for another length.
 */
export function perHiddenLayer<T>(given: T | readonly T[], hidden: number, subject: string, noun: string): T[] {
  const list = Array.isArray(given) ? [...(given as readonly T[])] : [given as T];
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  check(
    list.length === 1 || list.length === hidden,
    `${subject} lists ${plural(list.length, noun)}; this network has ${plural(hidden, 'hidden layer')}: give one ${noun} for all of them${hidden > 1 ? ` or ${hidden}, one per layer` : ''}.`,
  );
  return list;
}

/** Reads an own property only, so keys such as "__proto__" are never followed. */
function own(object: object, key: string): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

function readModel(json: unknown): ModelJSON {
  const fail = (message: string): never => {
    throw new NnKitError(`Model JSON: ${message}`);
  };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) fail('expected an object.');
  const object = json as object;
  if (own(object, 'format') !== 'nn-kit.model') fail('"format" must be "nn-kit.model".');
  if (own(object, 'version') !== 1) fail('"version" must be 1.');
  const layers = own(object, 'layers');
  try {
    validateLayers(layers);
  } catch (error) {
    fail((error as Error).message);
  }
  const sizes = layers as number[];
  const activation = own(object, 'activation');
  const outputActivation = own(object, 'outputActivation');
  const hidden = sizes.length - 2;
  const perLayer = Array.isArray(activation);
  if (!perLayer && typeof activation !== 'string') fail('"activation" must be a name such as "tanh", or a list of names, one per hidden layer.');
  if (perLayer && (activation.length !== hidden || !Array.from(activation).every((name) => typeof name === 'string'))) {
    fail(`"activation" as a list must hold ${hidden} name${hidden === 1 ? '' : 's'}, one per hidden layer; got ${activation.length} entr${activation.length === 1 ? 'y' : 'ies'}.`);
  }
  if (typeof outputActivation !== 'string') fail('"outputActivation" must be a name such as "sigmoid".');
  const named: [string, unknown][] = [...(perLayer ? (activation as unknown[]) : [activation]).map((name): [string, unknown] => ['activation', name]), ['outputActivation', outputActivation]];
  for (const [field, name] of named) {
    if (!Object.hasOwn(activations, name as string)) fail(`"${field}" names an unknown activation, "${String(name).slice(0, 40)}".`);
  }
  const weights = own(object, 'weights');
  const biases = own(object, 'biases');
  const depth = sizes.length - 1;
  if (!Array.isArray(weights) || weights.length !== depth) fail(`"weights" must hold ${depth} layers.`);
  if (!Array.isArray(biases) || biases.length !== depth) fail(`"biases" must hold ${depth} layers.`);
  // Array.from turns holes in sparse arrays into undefined, which fails the check.
  const isNumberRow = (row: unknown, length: number) =>
    Array.isArray(row) && row.length === length && Array.from(row).every(isFiniteNumber);
  for (let k = 0; k < depth; k++) {
    const layer = (weights as unknown[])[k];
    if (!Array.isArray(layer) || layer.length !== sizes[k + 1]) fail(`weights[${k}] must have ${sizes[k + 1]} rows.`);
    (layer as unknown[]).forEach((row, j) => {
      if (!isNumberRow(row, sizes[k])) fail(`weights[${k}][${j}] must hold ${sizes[k]} finite numbers.`);
    });
    if (!isNumberRow((biases as unknown[])[k], sizes[k + 1])) fail(`biases[${k}] must hold ${sizes[k + 1]} finite numbers.`);
  }
  return {
    format: 'nn-kit.model',
    version: 1,
    layers: sizes,
    activation: perLayer ? [...(activation as string[])] : (activation as string),
    outputActivation: outputActivation as string,
    weights: weights as number[][][],
    biases: biases as number[][],
  };
}
