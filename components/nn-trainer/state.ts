import { NnKitError } from '../../src/index.js';
import { type Setting, attributeOf, checkSettings, defaultValues, propertiesOf, restoreDefaults } from '../shared/settings.js';
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
  'outputActivation',
  'loss',
  'optimizer',
  'regularization',
  'regularizationRate',
  'hiddenLayers',
  'seed',
] as const;

/** The longest state text read: a full state is a few hundred characters. */
const MAX_STATE_LENGTH = 2000;

const TABLE = TRAINER_SETTINGS as unknown as Record<string, Setting>;
const DEFAULTS = defaultValues(TRAINER_SETTINGS) as unknown as Record<string, unknown>;
const DECLARATIONS = propertiesOf(TRAINER_SETTINGS);
const BY_ATTRIBUTE = new Map(STATE_SETTINGS.map((name) => [attributeOf(TRAINER_SETTINGS, name), name]));

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

/** Quotes a piece of the writer's text back, shortened. */
const quote = (text: string) => `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;

/**
 * Reads state text into the settings it restores, by property name: every state setting,
 * those the text names read as their attribute would be, the others unset (their default).
 * The values are checked with the element's other settings (`current`) as they would be
 * applied (`values`); nothing is assigned. Throws an NnKitError saying what is wrong.
 */
export function readState(text: string, current: Readonly<Record<string, unknown>>): { restored: Record<string, unknown>; values: TrainerValues } {
  if (text.length > MAX_STATE_LENGTH) throw new NnKitError(`state is ${text.length} characters long; a state is at most ${MAX_STATE_LENGTH}.`);
  const written = new Map<string, string>();
  for (const piece of text.split(';')) {
    const entry = piece.trim();
    if (entry === '') continue;
    const match = /^([a-z-]+)\s*=(.*)$/s.exec(entry);
    if (!match) throw new NnKitError(`state lists settings as name=value separated by semicolons, e.g. "data=xor; seed=3"; got ${quote(entry)}.`);
    const [, attribute, value] = match;
    if (!BY_ATTRIBUTE.has(attribute)) {
      throw new NnKitError(`state cannot hold ${quote(attribute)}; it holds ${[...BY_ATTRIBUTE.keys()].join(', ')}.`);
    }
    if (written.has(attribute)) throw new NnKitError(`state names ${attribute} twice.`);
    written.set(attribute, value.trim());
  }
  const restored: Record<string, unknown> = {};
  for (const [attribute, name] of BY_ATTRIBUTE) {
    const value = written.get(attribute);
    restored[name] = value == null || value === '' ? undefined : fromAttribute(name, value);
  }
  // Checked as the element checks its settings, with the state's text quoted back in messages.
  const candidate: Record<string, unknown> = { ...current, ...restored };
  restoreDefaults(candidate, TRAINER_SETTINGS);
  try {
    return { restored, values: checkSettings(TRAINER_SETTINGS, candidate, (attribute) => written.get(attribute) ?? null) };
  } catch (error) {
    throw new NnKitError(`state: ${(error as Error).message}`);
  }
}

/** A setting's value from attribute text, as its property's converter reads it. */
function fromAttribute(name: string, text: string): unknown {
  const declaration = DECLARATIONS[name];
  const converter = declaration.converter;
  if (TABLE[name].kind === 'flag') return true;
  if (converter && typeof converter === 'object' && converter.fromAttribute) return converter.fromAttribute(text, declaration.type);
  return text;
}

/**
 * Restores state text on an element: the settings are read, checked and a network built
 * from them (`build` throws on what the core refuses) before any is assigned, so a bad or
 * tampered state changes nothing. Returns true once restored.
 */
export function restoreState(host: object, text: string, build: (values: TrainerValues) => void): true {
  const properties = host as Record<string, unknown>;
  const current = Object.fromEntries(Object.keys(TRAINER_SETTINGS).map((name) => [name, properties[name]]));
  const { restored, values } = readState(text, current);
  build(values);
  Object.assign(host, restored);
  return true;
}
