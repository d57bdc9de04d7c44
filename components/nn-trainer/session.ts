import {
  DIVERGENCE,
  type Data,
  type Feature,
  Network,
  NnKitError,
  Random,
  Trainer,
  applyFeatures,
  defaultLossFor,
  getActivation,
  getLoss,
  getOptimizer,
  getRegularization,
  parseFeatures,
  splitData,
  toMatrix,
  validateLayers,
} from '../../src/index.js';
import { formatNumber } from '../shared/format.js';

/** Everything the trainer's attributes say, checked and typed. */
export interface SessionConfig {
  data: Data;
  kind: 'classification' | 'regression';
  trainSplit: number;
  features: readonly string[];
  hidden: readonly number[];
  activation: string;
  outputActivation?: string;
  loss?: string;
  optimizer: string;
  learningRate: number;
  batchSize: number;
  regularization: string;
  regularizationRate: number;
  seed: number;
}

/** One point as drawn: its original coordinates and its target. */
export interface Point {
  x: number;
  y: number;
  target: number;
}

/** A network, its trainer and its data: what one Reset rebuilds. */
export interface Session {
  readonly network: Network;
  readonly trainer: Trainer;
  readonly train: Data;
  readonly test: Data;
  /** Points in the original input space, for drawing (2-D: x, y; 1-D: x and target). */
  readonly trainPoints: Point[];
  readonly testPoints: Point[];
  /** Columns of the original data: 1 (a curve), 2 (a plane) or more (no picture). */
  readonly dimensions: number;
  /** Half the side of the square (or the width of the axis) that holds every point, with a margin. */
  readonly edge: number;
  readonly features: readonly Feature[];
  /** The features' names for readers (the network diagram's input labels). */
  readonly featureLabels: readonly string[];
  readonly kind: 'classification' | 'regression';
  /** Number of classes for classification (2 with one sigmoid output). */
  readonly classes: number;
  /** The first training sample, whose values the network diagram shows: its data columns and its network inputs (after the features). */
  readonly sample: { readonly columns: readonly number[]; readonly inputs: number[] };
}

/** The features that apply to data with one input column. */
export const ONE_DIMENSIONAL_FEATURES: ReadonlySet<string> = new Set(['x1', 'x1sq', 'sin-x1']);

/** Infers classification or regression from the targets: 0/1 or one-hot rows classify. */
export function inferKind(data: Data): 'classification' | 'regression' {
  const binary = data.targets.every((row) => Array.isArray(row) && row.every((value) => value === 0 || value === 1));
  return binary ? 'classification' : 'regression';
}

/** Builds a network and trainer from the config; throws an NnKitError on anything wrong. */
export function createSession(config: SessionConfig): Session {
  const { data, kind } = config;
  if (!Array.isArray(data.inputs) || data.inputs.length < 2) throw new NnKitError('The data needs at least two samples.');
  const dimensions = Array.isArray(data.inputs[0]) ? data.inputs[0].length : 0;
  const targetSize = Array.isArray(data.targets[0]) ? data.targets[0].length : 0;
  if (dimensions < 1 || targetSize < 1) throw new NnKitError('Each sample needs at least one input and one target.');
  toMatrix(data, dimensions, targetSize);
  const edge = drawnEdge(data, dimensions);

  const features = dimensions <= 2 ? parseFeatures(config.features) : [];
  if (dimensions === 1) {
    const unusable = features.filter((feature) => !ONE_DIMENSIONAL_FEATURES.has(feature.name));
    if (unusable.length > 0) {
      throw new NnKitError(`This data has one input, x1; the features x1, x1sq and sin-x1 apply, not ${unusable.map((f) => f.name).join(', ')}.`);
    }
  }
  const mapped = features.length > 0 ? applyFeatures(data.inputs.map(([x1, x2 = 0]) => [x1, x2]), features) : data.inputs;
  const split = splitData({ inputs: mapped as number[][], targets: data.targets }, config.trainSplit, new Random(config.seed + 1));
  const original = splitData(data, config.trainSplit, new Random(config.seed + 1));

  const outputActivation =
    config.outputActivation ?? (kind === 'regression' ? 'linear' : targetSize > 1 ? 'softmax' : 'sigmoid');
  getActivation(outputActivation);
  const loss = config.loss ?? defaultLossFor(outputActivation);
  getLoss(loss);
  getOptimizer(config.optimizer);
  getRegularization(config.regularization);
  const layers = [features.length || dimensions, ...config.hidden, targetSize];
  validateLayers(layers);
  const network = new Network({ layers, activation: config.activation, outputActivation, seed: config.seed });
  const trainer = new Trainer(network, split.train, {
    loss,
    optimizer: config.optimizer,
    learningRate: config.learningRate,
    batchSize: config.batchSize,
    regularization: config.regularization,
    regularizationRate: config.regularizationRate,
    seed: config.seed,
    task: kind,
  });
  const toPoints = (part: Data): Point[] =>
    part.inputs.map((row, i) => ({
      x: row[0],
      y: dimensions === 1 ? part.targets[i][0] : (row[1] ?? 0),
      target: targetSize > 1 ? part.targets[i].indexOf(Math.max(...part.targets[i])) : part.targets[i][0],
    }));
  return {
    network,
    trainer,
    train: split.train,
    test: split.test,
    trainPoints: toPoints(original.train),
    testPoints: toPoints(original.test),
    dimensions,
    edge,
    features,
    featureLabels: features.map((feature) => feature.label),
    kind,
    classes: kind === 'classification' ? Math.max(2, targetSize) : 0,
    sample: { columns: original.train.inputs[0], inputs: [...split.train.inputs[0]] },
  };
}

/**
 * The edge of the picture for data drawn in one or two dimensions: the largest coordinate
 * plus a tenth. Throws when that is not a finite number (values near ±1.8e308), and for
 * a curve when the targets' range is not, since neither could be drawn.
 */
function drawnEdge(data: Data, dimensions: number): number {
  if (dimensions > 2) return 1;
  let largest = 0;
  let low = Infinity;
  let high = -Infinity;
  data.inputs.forEach((row, i) => {
    for (let c = 0; c < dimensions; c++) largest = Math.max(largest, Math.abs(row[c]));
    low = Math.min(low, data.targets[i][0]);
    high = Math.max(high, data.targets[i][0]);
  });
  const edge = Math.ceil(largest * 1.1) || 1;
  const span = dimensions === 1 ? (high - low) * 1.3 : 0;
  if (!Number.isFinite(edge) || !Number.isFinite(span)) {
    const inputs = !Number.isFinite(edge);
    const size = (inputs ? largest : Math.max(Math.abs(low), Math.abs(high))).toPrecision(2);
    const values = inputs ? 'inputs' : 'targets';
    throw new NnKitError(
      `The data's ${values} reach ${size}, too large to draw: the picture's extent would not be a finite number. Scale the data to smaller values, e.g. −10 to 10.`,
    );
  }
  return edge;
}

/** Regularization rates to suggest, largest first (the settings panel's choices). */
const SUGGESTED_PENALTIES = [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001];

/**
 * What to tell the reader when a run diverged at `epoch`: what happened, and which
 * setting to lower (the regularization rate when the penalty's own step overshoots).
 */
export function describeDivergence(epoch: number, trainer: Trainer): string {
  const divergence = trainer.divergence;
  const what =
    divergence?.kind === 'growth'
      ? `the loss stayed above ${DIVERGENCE.factor} times its starting value (${formatNumber(divergence.startLoss ?? NaN, 3)} → ${formatNumber(divergence.loss ?? NaN, 3)}) for ${DIVERGENCE.epochs} epochs`
      : 'the loss became too large to compute';
  if (divergence?.cause !== 'regularization-rate') return `Training diverged at epoch ${epoch}: ${what}. Try a smaller learning rate (such as 0.03), then press Reset.`;
  const slope = Math.abs(trainer.regularization.gradient(1));
  const rate = trainer.regularizationRate;
  const suggestion = SUGGESTED_PENALTIES.find((penalty) => penalty < rate && trainer.learningRate * penalty * slope <= 0.5);
  const advice = suggestion != null
    ? `try a smaller regularization rate (such as ${suggestion})`
    : 'try a smaller regularization rate and a smaller learning rate';
  return `Training diverged at epoch ${epoch}: ${what}. The regularization rate (${rate}) is too large for the learning rate (${trainer.learningRate}): ${advice}, then press Reset.`;
}
