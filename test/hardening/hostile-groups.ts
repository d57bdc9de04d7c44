/** The elements each hostile-*.test.ts file sweeps: every element in one group, a few to a file. */
export const HOSTILE_GROUPS: readonly (readonly string[])[] = [
  ['nn-neuron', 'nn-activation-plot', 'nn-network'],
  ['nn-trainer', 'nn-loss-surface'],
  ['nn-backprop', 'nn-convolution', 'nn-digits'],
  ['nn-rnn', 'nn-attention'],
];
