import { ATTENTION_LIMITS, NnKitError } from '../../src/index.js';
import { attributeOf, checkSetting } from '../shared/settings.js';
import { localize } from '../shared/strings.js';
import { ATTENTION_SETTINGS } from './nn-attention.settings.js';
import { ATTENTION_STRINGS, type AttentionStrings } from './nn-attention.strings.js';

/** What the element's properties say, checked. */
export interface Settings {
  mode: 'explore' | 'train';
  /** Explore mode: the sentence's tokens (none when it is empty). */
  tokens: string[];
  dModel: number;
  heads: number;
  /** The head drawn, from 0. */
  head: number;
  causal: boolean;
  temperature: number;
  /** The selected query token, from 0; −1 for none. */
  select: number;
  seed: number;
  task: string;
  length: number;
  learningRate: number;
  optimizer: string;
  show: Set<string>;
  controls: Set<string>;
  words: AttentionStrings;
}

/** Splits a sentence into tokens at runs of white space. */
export const splitTokens = (text: string): string[] => text.split(/\s+/).filter((token) => token !== '');

/** Checks every setting; throws an NnKitError naming the attribute and what it accepts. */
export function readSettings(host: Record<string, unknown>, written: (attribute: string) => string | null): Settings {
  const check = <T>(name: string): T => {
    return checkSetting<T>(ATTENTION_SETTINGS, name, host[name], written(attributeOf(ATTENTION_SETTINGS, name)));
  };
  const mode = check<'explore' | 'train'>('mode');
  const tokens = splitTokens(String(host.tokens ?? ''));
  if (tokens.length > ATTENTION_LIMITS.tokens) throw new NnKitError(`tokens holds ${tokens.length} tokens; at most ${ATTENTION_LIMITS.tokens} are shown.`);
  const dModel = check<number>('dModel');
  const heads = check<number>('heads');
  if (dModel % heads !== 0) throw new NnKitError(`d-model (${dModel}) must be a multiple of heads (${heads}), so each head gets d-model / heads numbers.`);
  const head = check<number>('head');
  if (head > heads) throw new NnKitError(`head must be 1 to ${heads} (the number of heads); got ${head}.`);
  const select = check<number>('select');
  const count = mode === 'explore' ? tokens.length : 2 * check<number>('length');
  if (select > count) throw new NnKitError(`select must be a token's position, 1 to ${count} (0 for none); got ${select}.`);
  return {
    mode,
    tokens,
    dModel,
    heads,
    head: head - 1,
    causal: Boolean(host.causal),
    temperature: check<number>('temperature'),
    select: select - 1,
    seed: check<number>('seed'),
    task: check<string>('task'),
    length: check<number>('length'),
    learningRate: check<number>('learningRate'),
    optimizer: check<string>('optimizer'),
    show: new Set(check<string[]>('show')),
    controls: new Set(check<string[]>('controls')),
    words: localize(ATTENTION_STRINGS, host.strings),
  };
}
