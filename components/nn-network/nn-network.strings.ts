import { defineStrings } from '../shared/strings.js';

/**
 * The words `<nn-network>` shows readers, in English. A writer replaces any of them with the
 * `strings` attribute (JSON) or property (an object); `{name}` placeholders are filled in.
 */
export const NETWORK_STRINGS = defineStrings({
  /** Column captions, and where there is little room, their short forms; {n} is the hidden layer's number. */
  input: 'Input',
  hidden: 'Hidden {n}',
  output: 'Output',
  inputShort: 'In',
  hiddenShort: 'H{n}',
  outputShort: 'Out',
  /** Under the input column's caption. */
  oneValue: '{count} value',
  values: '{count} values',
  /** A collapsed column's mark for the neurons it leaves out, and its short form. */
  more: '… {count} more',
  moreShort: '+{count}',
  /** The diagram's accessible name: {layers} joins one diagramLayer per layer with ", ". */
  diagramLabel: 'Network diagram: {layers} neurons.',
  diagramLayer: '{layer} {size}',
  /** A neuron's accessible name. */
  inputNode: '{name}, {layer}: value {value}',
  neuronNode: '{name}, {layer}: activation {a}, weighted sum z {z}, bias {b}',
  /** The legend and the keyboard help. */
  positive: 'positive',
  negative: 'negative',
  lineWidth: 'line width = |weight|',
  ring: 'ring = bias',
  keyHint: 'Arrow keys move between neurons; Enter edits the selected weight.',
  run: 'Run forward',
  /** Panel titles; probabilities replaces outputsTitle for a softmax output. */
  inputsTitle: 'Inputs',
  editorTitle: 'Selected neuron',
  outputsTitle: 'Outputs',
  probabilitiesTitle: 'Class probabilities',
  /** The tooltip's words for an input's value and a link's weight. */
  tipValue: 'value',
  tipWeight: 'weight',
  /** The selected neuron's panel: pickers, fields, and what screen readers hear after a field's label. */
  neuron: 'Neuron',
  value: 'Value',
  bias: 'Bias b',
  biasDetail: ' of {name}',
  weightFrom: 'Weight from',
  weight: 'Weight w',
  weightDetail: ' from {from} to {to}',
  /** Below a long output list. */
  topOutputs: 'Top {shown} of {count} outputs.',
  firstOutputs: 'First {shown} of {count} outputs.',
  /** Announced after a run or an edit: softmax's guess, or the outputs ({values}: "y₁ 0.123, y₂ 0.456"). */
  guess: 'Guess: {name}, {percent}.',
  outputOne: 'Output: {values}.',
  outputMany: 'Outputs: {values}.',
  /** The table of values for screen readers. */
  tableCaption: 'Values of every neuron',
  tableLayer: 'Layer',
  tableNeuron: 'Neuron',
  tableSum: 'Weighted sum z',
  tableActivation: 'Activation',
  tableBias: 'Bias',
  tableMore: '{count} more neurons: pick one by number in the {panel} panel.',
  /** What is shown instead of the diagram while there is none yet. */
  loading: 'Loading the model…',
  waitingForId: 'Waiting for an element with id "{id}".',
  waitingForNetwork: 'Waiting for {name} to provide a network.',
  /** Messages when a forward pass overflows ({reason} is overflowReason) or a model does not fit `layers`. */
  overflowReason: 'a weighted sum passes ±1.8 × 10³⁰⁸, too large to compute',
  overflow: "The network's values overflow: {reason}. Use smaller weights and biases.",
  overflowInputs: 'inputs are too large for this network: {reason}. Use smaller values, e.g. inputs="{example}".',
  mismatch: 'The model\'s layers ({model}) do not match layers="{layers}". Make them agree, or remove layers.',
});

export type NetworkStrings = typeof NETWORK_STRINGS;
