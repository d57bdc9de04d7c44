import { defineStrings } from '../shared/strings.js';

/**
 * The words `<nn-backprop>` shows readers, in English. A writer replaces any of them with the
 * `strings` attribute (JSON) or property (an object); `{name}` placeholders are filled in.
 */
export const BACKPROP_STRINGS = defineStrings({
  title: 'Backpropagation, one step at a time',
  step: 'Step',
  back: 'Back',
  reset: 'Reset',
  /** The weight menu's label. */
  parameter: 'Weight or bias',
  nudge: 'Nudge by ε = {epsilon}',
  update: 'Apply update',
  /** The phases, as the progress line names them. */
  forward: 'Forward',
  loss: 'Loss',
  backward: 'Backward',
  updatePhase: 'Update',
  /** The progress line: which stage of how many. */
  progress: 'Stage {stage} of {stages}: {phase}',
  /** What each stage says (read out politely). */
  forwardAt: 'Forward, neuron {neuron} of layer {layer}: z = {z}, a = {activation}(z) = {a}.',
  lossAt: 'Loss: L = {loss}, for the target {target}.',
  deltaAt: 'Backward, neuron {neuron} of layer {layer}: ∂L/∂a = {da}, ∂L/∂z = {dz}.',
  edgeAt: 'Backward, weight {name}: ∂L/∂w = ∂L/∂z × a = {dz} × {a} = {gradient}.',
  updateAt: 'Update: every weight and bias moves by −α × its gradient, α = {rate}. The loss now is {loss}.',
  /** After Apply update. */
  updated: 'Update {count} applied: the loss for this sample went from {before} to {after}.',
  /** The nudge check. */
  nudgeResult: 'Nudging {name} by ε = {epsilon}: predicted ΔL ≈ ∂L/∂w · ε = {predicted}; measured ΔL = {actual}.',
  predictedLabel: 'predicted ΔL ≈ (∂L/∂w)·ε',
  actualLabel: 'measured ΔL = L(w + ε) − L(w)',
  /** The chain rule's heading, and what it says before the backward pass reaches the weight. */
  chainTitle: 'The chain rule for {name}',
  chainWaiting: 'Its numbers appear once the backward pass reaches it.',
  /** Under the chain, when the loss and output activation pair. */
  pairedSoftmax: 'Softmax with cross-entropy: ∂L/∂z = p − y at the output.',
  pairedSigmoid: 'Sigmoid with binary cross-entropy: ∂L/∂z = (p − y)/n at the output (n outputs, the Keras mean).',
  /** The diagram's accessible name. */
  diagramLabel: 'Network {layers}, {activation} hidden and {output} output, on the inputs {inputs}. {stage}',
  /** The table's caption and headings. */
  tableCaption: 'Every neuron: its weighted sum z, activation a, and gradients ∂L/∂z and ∂L/∂a (— until the walkthrough reaches it).',
  layer: 'Layer',
  neuron: 'Neuron',
  /** Names of the layers. */
  inputLayer: 'input',
  hiddenLayer: 'hidden {index}',
  outputLayer: 'output',
  /** Under a neuron once the backward pass reaches it: δ is ∂L/∂z. */
  deltaNode: 'δ {value}',
  /** The key under the diagram. */
  key: 'In the circles: activations a. On the edges: weights w, each the local derivative ∂z/∂a. Under the circles: δ = ∂L/∂z.',
  /** Next to the output neurons. */
  targetLabel: 't = {value}',
  /** With `for`: waiting for the trainer. */
  waiting: 'Waiting for the trainer "{id}"…',
  following: 'The network of "{id}" on its training sample {sample}, as it trains.',
  loading: 'Loading the model…',
});

export type BackpropStrings = typeof BACKPROP_STRINGS;
