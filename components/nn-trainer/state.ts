import { attributeOf, defaultValues } from '../shared/settings.js';
import { TRAINER_SETTINGS, type TrainerValues } from './nn-trainer.settings.js';

/**
 * The settings a state holds: everything that decides a run's numbers (the data, the
 * network, the training and the seed), by property name. Not `src` (a state is never
 * used as a URL), nor how the element looks (`controls`, `show`, `strings`), nor `epochs`.
 */
export const STATE_SETTINGS = [
  'data',
  'classes',
  'samples',
  'noise',
  'trainSplit',
  'features',
  'batchSize',
  'learningRate',
  'activation',
  'dropout',
  'outputActivation',
  'loss',
  'optimizer',
  'regularization',
  'regularizationRate',
  'hiddenLayers',
  'seed',
] as const;

const DEFAULTS = defaultValues(TRAINER_SETTINGS) as unknown as Record<string, unknown>;

/** A setting's checked value as attribute text: lists comma separated, no hidden layers as "none". */
function textOf(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 && name === 'hiddenLayers' ? 'none' : value.join(',');
  return String(value);
}

/**
 * The state of checked settings as [attribute, text] pairs: each setting that differs
 * from its default (an unset one is left out: the data decides it), and the seed always.
 */
export function statePairs(values: TrainerValues): [attribute: string, text: string][] {
  const checked = values as unknown as Record<string, unknown>;
  const pairs: [string, string][] = [];
  for (const name of STATE_SETTINGS) {
    const value = checked[name];
    if (value === undefined || (name !== 'seed' && JSON.stringify(value) === JSON.stringify(DEFAULTS[name]))) continue;
    pairs.push([attributeOf(TRAINER_SETTINGS, name), textOf(name, value)]);
  }
  return pairs;
}

/** The state as text: `data=spiral; noise=10; seed=3`. */
export function stateText(values: TrainerValues): string {
  return statePairs(values)
    .map(([attribute, text]) => `${attribute}=${text}`)
    .join('; ');
}
