import type { NeuronStrings } from './nn-neuron.strings.js';

/** The neuron's answer to "is the output at least the threshold?". */
export interface Decision {
  kind: 'yes' | 'no' | 'unknown';
  /** The badge's words: "Yes", "No" or "Can't decide". */
  text: string;
  /** Why, e.g. "0.69 ≥ 0.50", or "the output is not a number". */
  rule: string;
  /** The word under the diagram's output node. */
  mark: string;
}

/**
 * Yes when output ≥ threshold, no when it is below; when the output is not a finite number
 * (NaN, or an overflow to ±∞) the numbers cannot tell, and the decision says so.
 */
export function decide(
  output: number,
  threshold: number | undefined,
  format: (value: number) => string,
  words: Pick<NeuronStrings, 'yes' | 'no' | 'undecided' | 'notANumber' | 'tooLarge'>,
): Decision | undefined {
  if (threshold == null) return undefined;
  if (!Number.isFinite(output)) {
    const rule = Number.isNaN(output) ? words.notANumber : words.tooLarge;
    return { kind: 'unknown', text: words.undecided, rule, mark: '?' };
  }
  const yes = output >= threshold;
  const text = yes ? words.yes : words.no;
  return { kind: yes ? 'yes' : 'no', text, rule: `${format(output)} ${yes ? '≥' : '<'} ${format(threshold)}`, mark: text };
}
