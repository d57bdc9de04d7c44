import { parseDigits } from '../../src/index.js';
import { loadDigits } from '../shared/digits-data.js';
import { DigitsPreparation } from './preparation.js';

/** One thing being loaded for a key (a URL, or '' for the default). */
export interface Load<T> {
  readonly key: string;
  /** True once it has loaded or failed. */
  done: boolean;
  value?: T;
  /** What went wrong, for the inline message. */
  error?: string;
  readonly promise: Promise<void>;
}

/** Says why a load failed: the element's words, what was loaded and the reason. */
export type Explain = (what: string, reason: string) => string;

/** Text from a URL, relative to the page; a failed answer is an error naming its status. */
async function text(url: string): Promise<string> {
  const response = await fetch(new URL(url, document.baseURI));
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

function start<T>(key: string, work: () => Promise<T>, explain: Explain, what: string, settled: (load: Load<T>) => void): Load<T> {
  const load: Load<T> = { key, done: false, promise: Promise.resolve() };
  (load as { promise: Promise<void> }).promise = work()
    .then((value) => {
      load.value = value;
    })
    .catch((error: unknown) => {
      load.error = explain(what, error instanceof Error ? error.message : String(error)).slice(0, 300);
    })
    .finally(() => {
      load.done = true;
      settled(load);
    });
  return load;
}

/**
 * The digits `<nn-digits>` learns from (the shipped UCI ones, imported lazily, or
 * `src`'s) and its model (`model`'s JSON), each loaded once per URL; the digits' training
 * set is prepared afterwards, in slices (DigitsPreparation). A change of `model` does not load the digits again.
 */
export function loadDigitsFor(src: string, explain: Explain, settled: (load: Load<DigitsPreparation>) => void): Load<DigitsPreparation> {
  const work = async () => {
    return new DigitsPreparation(src ? parseDigits(await text(src)) : await loadDigits());
  };
  return start(src, work, explain, src || 'digits', settled);
}

/** The `model` value that names the weights shipped with the kit (data/digits/model.ts). */
export const PRETRAINED = 'pretrained';

/**
 * The model at `url` (nothing for ''), parsed as JSON, or for "pretrained" the shipped
 * weights, imported lazily (about 41 kB gzipped, only when asked for) as JSON text, which a
 * browser reads several times faster than the same object written as JavaScript; the core
 * checks it when the network is built.
 */
export function loadModelFor(url: string, explain: Explain, settled: (load: Load<unknown>) => void): Load<unknown> {
  const work = async () => {
    if (url === PRETRAINED) return JSON.parse((await import('../../data/digits/model.js')).default) as unknown;
    return url ? (JSON.parse(await text(url)) as unknown) : undefined;
  };
  return start(url, work, explain, url, settled);
}
