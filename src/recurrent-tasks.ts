import { NnKitError } from './errors.js';
import { RECURRENT_LIMITS } from './recurrent.js';
import type { Random } from './random.js';

/** The sequence tasks nn-kit trains a recurrent network on. */
export const SEQUENCE_TASKS = Object.freeze(['count', 'parity', 'text'] as const);
export type SequenceTaskName = (typeof SEQUENCE_TASKS)[number];

/** The longest text nn-kit trains on, in characters (graphemes). */
export const MAX_TEXT = 20_000;

/**
 * A sequence task: what each step's input token is, and which class each step should
 * predict. Inputs are one-hot over `tokens`; outputs are classes named by `classes`.
 */
export interface SequenceTask {
  readonly name: SequenceTaskName;
  /** The input tokens (shown to readers as they are). */
  readonly tokens: readonly string[];
  /** The output classes. */
  readonly classes: readonly string[];
  /** Steps of one sequence: the unroll, or a text's length less one when shorter. */
  readonly steps: number;
  /** Writes a sequence: its input tokens and each step's target class. `at` picks a text's window (else drawn). */
  draw(random: Random | undefined, tokens: Int32Array, targets: Int32Array, at?: number): void;
  /** Text: windows there are to start from (bits: 0, every draw is new). */
  readonly windows: number;
}

/** A text's characters: graphemes (so "é" written e + ◌́ and 👍🏽 are one each), else code points. */
export function characters(text: string): string[] {
  const Segmenter = (Intl as { Segmenter?: new (locale?: string, options?: { granularity: 'grapheme' }) => { segment(text: string): Iterable<{ segment: string }> } }).Segmenter;
  if (Segmenter) return Array.from(new Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (part) => part.segment);
  return Array.from(text);
}

/** Bits in, and at each step the count of ones so far (count) or whether it is odd (parity). */
function bitTask(name: 'count' | 'parity', steps: number): SequenceTask {
  const classes = name === 'count' ? Array.from({ length: steps + 1 }, (_, n) => String(n)) : ['0', '1'];
  return {
    name,
    tokens: ['0', '1'],
    classes,
    steps,
    windows: 0,
    draw(random, tokens, targets) {
      let ones = 0;
      for (let t = 0; t < steps; t++) {
        const bit = random ? random.int(2) : 0;
        tokens[t] = bit;
        ones += bit;
        targets[t] = name === 'count' ? ones : ones % 2;
      }
    },
  };
}

/** Next-character prediction on a text: the input is a character, the target the one after it. */
function textTask(text: string, unroll: number): SequenceTask {
  // A character is at most a few dozen UTF-16 units (a long emoji sequence): a longer text is not segmented at all.
  if (text.length > MAX_TEXT * 32) throw new NnKitError(`text is longer than ${MAX_TEXT} characters; at most ${MAX_TEXT} are accepted.`);
  const chars = characters(text);
  if (chars.length < 2) {
    throw new NnKitError(
      chars.length === 0 ? 'text is empty: write a short text to learn, e.g. text="hello hello".' : 'text has one character: write at least two, so there is a next one to predict.',
    );
  }
  if (chars.length > MAX_TEXT) throw new NnKitError(`text is ${chars.length} characters long; at most ${MAX_TEXT} are accepted.`);
  const vocabulary = [...new Set(chars)];
  const most = Math.min(RECURRENT_LIMITS.inputs, RECURRENT_LIMITS.outputs);
  if (vocabulary.length > most) throw new NnKitError(`text has ${vocabulary.length} different characters; at most ${most} are accepted.`);
  if (vocabulary.length < 2) throw new NnKitError('text repeats one character only: write at least two different ones.');
  const index = new Map(vocabulary.map((char, i) => [char, i]));
  const ids = Int32Array.from(chars, (char) => index.get(char)!);
  const steps = Math.min(unroll, ids.length - 1);
  const windows = ids.length - steps;
  return {
    name: 'text',
    tokens: vocabulary,
    classes: vocabulary,
    steps,
    windows,
    draw(random, tokens, targets, at) {
      const start = at ?? (random ? random.int(windows) : 0);
      for (let t = 0; t < steps; t++) {
        tokens[t] = ids[start + t];
        targets[t] = ids[start + t + 1];
      }
    },
  };
}

/** The task by name; `text` is the writer's text (task "text"), `unroll` the steps of a sequence. */
export function makeSequenceTask(name: SequenceTaskName, unroll: number, text = ''): SequenceTask {
  if (!SEQUENCE_TASKS.includes(name)) throw new NnKitError(`Unknown task "${String(name)}". Use "count", "parity" or "text".`);
  return name === 'text' ? textTask(text, unroll) : bitTask(name, unroll);
}
