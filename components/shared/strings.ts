import { NnKitError } from '../../src/index.js';

/**
 * The words an element shows readers, in one table per element (`nn-x.strings.ts`), so a
 * writer can translate them. A string may hold `{name}` placeholders that `format` fills.
 * Writers pass their own words as JSON in the `strings` attribute (or an object in the
 * `strings` property); any key left out keeps its English default.
 */
export type StringTable = Readonly<Record<string, string>>;

/** Declares an element's English strings (the docs' generator finds tables by this call). */
export const defineStrings = <T extends StringTable>(table: T): T => table;

/** Fills `{name}` placeholders: format('Epoch {epoch}', { epoch: 3 }) is 'Epoch 3'. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/**
 * The table with a writer's words laid over the English: `given` is an object or JSON text
 * of the same keys. Unknown keys and values that are not text are refused with a message
 * naming them (as bad attributes are), so a typo does not pass silently.
 */
export function localize<T extends StringTable>(english: T, given: unknown): T {
  if (given == null || (typeof given === 'string' && given.trim() === '')) return english;
  let words: unknown = given;
  if (typeof given === 'string') {
    try {
      words = JSON.parse(given);
    } catch {
      throw new NnKitError(`strings must be JSON, e.g. strings='{"${Object.keys(english)[0]}": "…"}'.`);
    }
  }
  if (typeof words !== 'object' || words === null || Array.isArray(words)) {
    throw new NnKitError(`strings must be an object of texts by name, e.g. {"${Object.keys(english)[0]}": "…"}.`);
  }
  const merged: Record<string, string> = { ...english };
  for (const [key, value] of Object.entries(words)) {
    if (!Object.hasOwn(english, key)) {
      throw new NnKitError(`strings has no "${key.slice(0, 40)}"; it has ${Object.keys(english).join(', ')}.`);
    }
    if (typeof value !== 'string') throw new NnKitError(`strings.${key} must be text.`);
    merged[key] = value;
  }
  return merged as T;
}
