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
export function decide(output: number, threshold: number | undefined, format: (value: number) => string): Decision | undefined {
  if (threshold == null) return undefined;
  if (!Number.isFinite(output)) {
    const rule = Number.isNaN(output) ? 'the output is not a number' : 'the output is too large to compute';
    return { kind: 'unknown', text: 'Can’t decide', rule, mark: '?' };
  }
  const yes = output >= threshold;
  const text = yes ? 'Yes' : 'No';
  return { kind: yes ? 'yes' : 'no', text, rule: `${format(output)} ${yes ? '≥' : '<'} ${format(threshold)}`, mark: text };
}
