import { NnKitError } from '../../src/index.js';
import { splitList } from '../shared/parse.js';

/** What a reader may change. */
export type EditablePart = 'inputs' | 'weights' | 'bias';

const PARTS: readonly EditablePart[] = ['inputs', 'weights', 'bias'];
const ALIASES: Record<string, EditablePart> = { input: 'inputs', weight: 'weights', biases: 'bias' };

/**
 * Parses `editable`: "all" (also empty or missing), "none", or any of "inputs",
 * "weights", "bias" separated by commas.
 */
export function parseEditable(text: string | null | undefined): ReadonlySet<EditablePart> {
  const tokens = splitList(String(text ?? 'all').toLowerCase());
  if (tokens.length === 0 || (tokens.length === 1 && tokens[0] === 'all')) return new Set(PARTS);
  if (tokens.length === 1 && tokens[0] === 'none') return new Set();
  const parts = new Set<EditablePart>();
  for (const token of tokens) {
    // Own keys only: "constructor" or "__proto__" must not find Object's.
    const part = (PARTS as readonly string[]).includes(token) ? (token as EditablePart) : Object.hasOwn(ALIASES, token) ? ALIASES[token] : undefined;
    if (!part) {
      throw new NnKitError(
        `editable "${token}" is not known. Use "all", "none", or any of "inputs", "weights" and "bias", e.g. editable="inputs,bias".`,
      );
    }
    parts.add(part);
  }
  return parts;
}
