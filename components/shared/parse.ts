import { NnKitError, listNames } from '../../src/index.js';

/**
 * Attribute parsing. Converters never throw (a throw inside attributeChangedCallback
 * would escape the element); they keep bad tokens as NaN or the raw text, and the
 * element checks values in `apply()`, where an NnKitError becomes an inline message.
 */

/** Splits a comma (or whitespace) separated list, dropping empty items. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Turns one token into a number: NaN unless the whole token is numeric. */
export function toNumber(token: string): number {
  const trimmed = token.trim().replace(/^\u2212/, '-');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** A lit converter for "1, 0.5, -2": a list of numbers, NaN where a token is not one. */
export const numberListConverter = {
  fromAttribute: (value: string | null): number[] | undefined => (value == null ? undefined : splitList(value).map(toNumber)),
  toAttribute: (value: readonly number[] | undefined): string | undefined => value?.join(','),
};

/**
 * lit's `hasChanged` for list properties: lists compare by content, so a framework that
 * passes a new but equal array on every render (React's `hiddenLayers={[8, 8]}`) changes
 * nothing and, on a trainer, never starts the run over.
 */
export function listChanged(value: unknown, old: unknown): boolean {
  if (Array.isArray(value) && Array.isArray(old)) {
    return value.length !== old.length || value.some((item, i) => !Object.is(item, old[i]));
  }
  return !Object.is(value, old);
}

/** A lit converter for one number: NaN when the text is not a number. */
export const numberConverter = {
  fromAttribute: (value: string | null): number | undefined => (value == null ? undefined : toNumber(value)),
  toAttribute: (value: number | undefined): string | undefined => (value == null ? undefined : String(value)),
};

/** A lit converter for a list of names or labels separated by commas (spaces kept inside). */
export const textListConverter = {
  fromAttribute: (value: string | null): string[] | undefined =>
    value == null ? undefined : value.split(',').map((item) => item.trim()).filter((item) => item !== ''),
  toAttribute: (value: readonly string[] | undefined): string | undefined => value?.join(','),
};

/**
 * A lit converter for labels, one per slot: "Sunny,,Free time" leaves the second slot
 * empty (its element's default name) rather than moving "Free time" up to it.
 */
export const labelListConverter = {
  fromAttribute: (value: string | null): string[] | undefined =>
    value == null || value.trim() === '' ? undefined : value.split(',').map((item) => item.trim()),
  toAttribute: textListConverter.toAttribute,
};

/** A label from a list that may hold anything (a script can set one): its text, or undefined for an empty slot. */
export function labelAt(list: unknown, index: number): string | undefined {
  const item = Array.isArray(list) ? list[index] : undefined;
  const text = item == null ? '' : String(item);
  return text.trim() === '' ? undefined : text;
}

interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

function describeRule({ min, max, integer }: NumberRule): string {
  const kind = integer ? 'a whole number' : 'a number';
  if (min != null && max != null) return `${kind} from ${min} to ${max}`;
  if (min != null) return `${kind} of at least ${min}`;
  if (max != null) return `${kind} of at most ${max}`;
  return kind;
}

/** Longest piece of a writer's text quoted back in a message. */
const QUOTE_CHARS = 40;

/**
 * What to quote for a value in a message: the writer's own text (`raw`, the attribute,
 * or its `index`-th item) when that text is what failed to read as a number, so a message
 * says got "abc" rather than got "NaN"; otherwise the value itself.
 */
function quote(value: unknown, raw?: string | null, index?: number, count?: number): string {
  let text = String(value);
  if (typeof value === 'number' && Number.isNaN(value) && raw != null) {
    const items = index == null ? [raw.trim()] : splitList(raw);
    const token = items[index ?? 0];
    if ((index == null || items.length === count) && token != null && Number.isNaN(toNumber(token))) text = token;
  }
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text;
}

/**
 * Checks one number against a rule; the message names the attribute and what it accepts.
 * Pass the attribute's text as `raw` to quote the writer's words for a value that is not a number.
 */
export function checkNumber(value: unknown, attribute: string, rule: NumberRule = {}, raw?: string | null): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule.min == null || value >= rule.min) &&
    (rule.max == null || value <= rule.max) &&
    (!rule.integer || Number.isInteger(value));
  if (!ok) throw new NnKitError(`${attribute} must be ${describeRule(rule)}; got "${quote(value, raw)}".`);
  return value as number;
}

/** Checks a list of numbers; the message quotes the first bad item (as the writer wrote it, given `raw`). */
export function checkNumberList(
  values: unknown,
  attribute: string,
  rule: NumberRule & { length?: number } = {},
  raw?: string | null,
): number[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new NnKitError(`${attribute} must list numbers separated by commas, e.g. "1, 0.5, -2".`);
  }
  values.forEach((value, i) => {
    try {
      checkNumber(value, attribute, rule);
    } catch {
      throw new NnKitError(
        `${attribute}: item ${i + 1} ("${quote(value, raw, i, values.length)}") is not ${describeRule(rule)}. Use numbers separated by commas, e.g. "1, 0.5, -2".`,
      );
    }
  });
  if (rule.length != null && values.length !== rule.length) {
    throw new NnKitError(`${attribute} must list ${rule.length} number${rule.length === 1 ? '' : 's'}; got ${values.length}.`);
  }
  return values as number[];
}

/** Checks that `value` is one of `names`; the message lists them. */
export function checkChoice<T extends string>(value: unknown, attribute: string, names: readonly T[]): T {
  if (typeof value === 'string' && (names as readonly string[]).includes(value)) return value as T;
  throw new NnKitError(`${attribute} "${String(value)}" is not known. Use ${listNames(names)}.`);
}
