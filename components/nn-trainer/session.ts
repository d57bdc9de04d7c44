import {
  DIVERGENCE,
  type Data,
  type Feature,
  Network,
  NnKitError,
  Random,
  TRAINER_DEFAULTS,
  Trainer,
  type TrainerOptions,
  applyFeatures,
  datasets,
  featureName,
  getRegularization,
  makeDataset,
  parseFeatures,
  splitData,
  toMatrix,
  validateLayers,
} from '../../src/index.js';
import { formatNumber } from '../shared/format.js';
import { coreOptions } from '../shared/settings.js';
import { format } from '../shared/strings.js';
import { TRAINER_SETTINGS, type TrainerValues, type TrainerWords } from './nn-trainer.settings.js';

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

/**
 * The features after the reader picks `dataset`, as Playground does: data with one input
 * drops the features of x₂ (all of them: back to the default, x1), setting the writer's
 * aside; two-dimensional data again restores those. Undefined when nothing changes.
 */
export function featuresAfterSwitch(
  dataset: string,
  chosen: readonly string[] | undefined,
  setAside: readonly string[] | undefined,
): { features: readonly string[] | undefined; setAside: readonly string[] | undefined } | undefined {
  if (!Object.hasOwn(datasets, dataset)) return undefined;
  if (datasets[dataset].dimensions !== 1) return setAside ? { features: setAside, setAside: undefined } : undefined;
  if (!chosen) return undefined;
  const kept = chosen.filter((name) => ONE_DIMENSIONAL_FEATURES.has(featureName(name) ?? name));
  if (kept.length === chosen.length) return undefined;
  return { features: kept.length > 0 ? kept : undefined, setAside: chosen };
}

/** Infers classification or regression from the targets: 0/1 or one-hot rows classify. */
export function inferKind(data: Data): 'classification' | 'regression' {
  const binary = data.targets.every((row) => Array.isArray(row) && row.every((value) => value === 0 || value === 1));
  return binary ? 'classification' : 'regression';
}

/** What the chosen built-in data suggests for the settings a writer left out (nothing for the writer's own data). */
function suggestions(values: TrainerValues, custom: boolean) {
  return custom || !Object.hasOwn(datasets, values.data) ? {} : (datasets[values.data].suggested ?? {});
}

/** The hidden layers in force: the writer's, else the data's suggestion, else the table's fallback (Playground's 4, 2). */
export function hiddenLayersInForce(values: TrainerValues, custom: boolean): readonly number[] {
  return values.hiddenLayers ?? suggestions(values, custom).hidden ?? (TRAINER_SETTINGS.hiddenLayers.fallback as readonly number[]);
}

/**
 * Builds a network, its trainer and its data from checked settings: the writer's data
 * (`custom`), else the built-in data they name. Throws an NnKitError on anything wrong.
 */
export function buildSession(values: TrainerValues, custom?: Data): Session {
  const generated = custom ? undefined : makeDataset(values.data, coreOptions(TRAINER_SETTINGS, 'data', values));
  const data = custom ?? (generated as Data);
  const features = values.features ?? suggestions(values, !!custom).features ?? (data.inputs[0]?.length === 1 ? ['x1'] : ['x1', 'x2']);
  return createSession(values, { data, kind: generated?.kind ?? inferKind(data), features, hidden: hiddenLayersInForce(values, !!custom) });
}

/** Builds a network and trainer for the data; throws an NnKitError on anything wrong. */
function createSession(
  values: TrainerValues,
  config: { data: Data; kind: 'classification' | 'regression'; features: readonly string[]; hidden: readonly number[] },
): Session {
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
  const split = splitData({ inputs: mapped as number[][], targets: data.targets }, values.trainSplit, new Random(values.seed + 1));
  const original = splitData(data, values.trainSplit, new Random(values.seed + 1));

  const outputActivation =
    values.outputActivation ?? (kind === 'regression' ? 'linear' : targetSize > 1 ? 'softmax' : 'sigmoid');
  const layers = [features.length || dimensions, ...config.hidden, targetSize];
  validateLayers(layers);
  const network = new Network({ ...coreOptions(TRAINER_SETTINGS, 'network', values), layers, outputActivation });
  const trainer = new Trainer(network, split.train, { ...coreOptions(TRAINER_SETTINGS, 'trainer', values), task: kind } as TrainerOptions);
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

/** Regularization rates to suggest, largest first (the settings panel's choices below 1). */
const SUGGESTED_PENALTIES = (TRAINER_SETTINGS.regularizationRate.control.presets as readonly number[]).filter((rate) => rate > 0 && rate <= 1).reverse();

/** The trainer's fields a live setting changes by other means than assignment. */
const LIVE_SETTERS: Readonly<Record<string, (trainer: Trainer, value: unknown) => void>> = {
  optimizer: (trainer, name) => {
    if (trainer.optimizer.name !== name) trainer.setOptimizer(name as string);
  },
  regularization: (trainer, name) => {
    if (trainer.regularization.name !== name) trainer.regularization = getRegularization(name);
  },
};

/**
 * Applies the live settings the core's Trainer takes to a running trainer (learning rate,
 * batch size, optimizer, regularization…), as Playground does: at the next step.
 */
export function applyLiveSettings(trainer: Trainer, values: TrainerValues): void {
  const options = coreOptions(TRAINER_SETTINGS, 'trainer', values);
  for (const [name, value] of Object.entries(options)) {
    if ((TRAINER_SETTINGS as Record<string, { applies?: string }>)[name].applies === 'rebuild') continue;
    const set = LIVE_SETTERS[name];
    if (set) set(trainer, value);
    else (trainer as unknown as Record<string, unknown>)[name] = value;
  }
}

/**
 * What to tell the reader when a run diverged at `epoch`: what happened, and which
 * setting to lower (the regularization rate when the penalty's own step overshoots).
 */
export function describeDivergence(epoch: number, trainer: Trainer, words: TrainerWords): string {
  const divergence = trainer.divergence;
  const what =
    divergence?.kind === 'growth'
      ? format(words.divergedGrowth, {
          factor: DIVERGENCE.factor,
          start: formatNumber(divergence.startLoss ?? NaN, 3),
          loss: formatNumber(divergence.loss ?? NaN, 3),
          epochs: DIVERGENCE.epochs,
        })
      : words.divergedOverflow;
  if (divergence?.cause !== 'regularization-rate') return format(words.diverged, { epoch, what, learningRate: TRAINER_DEFAULTS.learningRate });
  const slope = Math.abs(trainer.regularization.gradient(1));
  const rate = trainer.regularizationRate;
  const suggestion = SUGGESTED_PENALTIES.find((penalty) => penalty < rate && trainer.learningRate * penalty * slope <= 0.5);
  const advice = suggestion != null ? format(words.smallerPenalty, { rate: suggestion }) : words.smallerBoth;
  return format(words.divergedPenalty, { epoch, what, rate, learningRate: trainer.learningRate, advice });
}
