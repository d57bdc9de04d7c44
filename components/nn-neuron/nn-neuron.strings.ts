import { defineStrings } from '../shared/strings.js';

/**
 * The words `<nn-neuron>` shows readers, in English. A writer replaces any of them with the
 * `strings` attribute (JSON) or property (an object); `{name}` placeholders are filled in.
 */
export const NEURON_STRINGS = defineStrings({
  /** The output's name when `output-label` is not set. */
  output: 'Output',
  /** Column heads of the controls, and the bias row. */
  input: 'Input',
  value: 'Value',
  weight: 'Weight',
  bias: 'Bias',
  /** Accessible names of an input's slider and of its weight's slider; {input} is the input's label. */
  inputValue: 'Value of {input}',
  inputWeight: 'Weight for {input}',
  /** Accessible name of the number field beside a slider; {control} is the slider's name. */
  exactValue: '{control}, exact value',
  /** The computation table's caption and row heads; {f} is the activation's symbol. */
  caption: 'How the output is computed',
  sum: 'Sum Σ w·x',
  plusBias: '+ bias b',
  outputOf: 'Output {f}(z)',
  /** The decision (with `threshold`): its words, and why it cannot decide. */
  yes: 'Yes',
  no: 'No',
  undecided: 'Can’t decide',
  notANumber: 'the output is not a number',
  tooLarge: 'the output is too large to compute',
  /** Announced after a reader's change: "Go for a walk?: 0.69, Yes." */
  announce: '{output}: {value}.',
  announceDecision: '{output}: {value}, {decision}.',
  /** The diagram's description for screen readers; {inputs} joins one inputDescription per input with "; ". */
  description: 'Neuron: {inputs}; bias {bias}; z = {z}; {activation} output {output}.',
  inputDescription: '{input} {value} with weight {weight}',
});

export type NeuronStrings = typeof NEURON_STRINGS;
