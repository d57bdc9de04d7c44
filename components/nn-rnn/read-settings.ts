import { type CellKind, NnKitError, type SequenceTaskName, SequenceTrainer } from '../../src/index.js';
import { checkSetting } from '../shared/settings.js';
import { localize } from '../shared/strings.js';
import { RNN_SETTINGS } from './nn-rnn.settings.js';
import { RNN_STRINGS, type RnnStrings } from './nn-rnn.strings.js';

/** What the element's properties say, checked. */
export interface Settings {
  task: SequenceTaskName;
  text: string;
  hidden: number;
  cell: CellKind;
  unroll: number;
  learningRate: number;
  optimizer: string;
  clip: number;
  temperature: number;
  seed: number;
  show: Set<string>;
  controls: Set<string>;
  words: RnnStrings;
}

/** The properties the settings are read from (the element). */
export type SettingsSource = { [K in keyof typeof RNN_SETTINGS]?: unknown };

/** Checks every setting; throws an NnKitError naming the attribute and what it accepts. */
export function readSettings(host: SettingsSource, written: (attribute: string) => string | null): Settings {
  const check = <T>(name: keyof typeof RNN_SETTINGS, attribute: string = name) => checkSetting<T>(RNN_SETTINGS, name, host[name], written(attribute));
  if (host.text != null && typeof host.text !== 'string') throw new NnKitError('text must be text.');
  for (const [name, example] of [['task', 'parity'], ['cell', 'gru'], ['optimizer', 'adam']] as const) {
    if (host[name] != null && typeof host[name] !== 'string') throw new NnKitError(`${name} must be a name, such as "${example}".`);
  }
  const text = String(host.text ?? '');
  // A text attribute, even an empty one, asks for the text task (an empty text then says so).
  const task = host.task == null ? (host.text != null ? 'text' : 'parity') : check<SequenceTaskName>('task');
  return {
    task,
    text,
    hidden: check<number>('hiddenSize', 'hidden-size'),
    cell: check<CellKind>('cell'),
    unroll: check<number>('unroll'),
    learningRate: check<number>('learningRate', 'learning-rate'),
    optimizer: check<string>('optimizer'),
    clip: check<number>('clip'),
    temperature: check<number>('temperature'),
    seed: check<number>('seed'),
    show: new Set(check<string[]>('show')),
    controls: new Set(check<string[]>('controls')),
    words: localize(RNN_STRINGS, host.strings),
  };
}

/** A trainer for the settings (the core checks the text and throws an NnKitError on a bad one). */
export function makeTrainer(settings: Settings): SequenceTrainer {
  const { task, text, hidden, cell, unroll, learningRate, optimizer, clip, seed } = settings;
  return new SequenceTrainer({ task, text, hidden, cell, unroll, learningRate, optimizer, clip, seed });
}

/** The settings that a change of rebuilds the trainer (a new network from the seed). */
export function trainerKey(settings: Settings): string {
  const { task, text, hidden, cell, unroll, learningRate, optimizer, clip, seed } = settings;
  return JSON.stringify([task, text, hidden, cell, unroll, learningRate, optimizer, clip, seed]);
}
