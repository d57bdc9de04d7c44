import { defineStrings } from '../shared/strings.js';

/**
 * The words `<nn-trainer>` shows readers, in English. A writer replaces any of them with
 * the `strings` attribute (JSON) or property (an object); `{name}` placeholders are filled
 * in. The settings panel's labels are the settings table's, by attribute
 * (`{"learning-rate": "Lernrate"}`).
 */
export const TRAINER_STRINGS = defineStrings({
  play: 'Play',
  pause: 'Pause',
  step: 'Step batch',
  stepEpoch: 'Step epoch',
  reset: 'Reset',
  share: 'Share',
  /** The share panel's field: HTML that restores the run. */
  shareLabel: 'HTML that restores this run (settings and seed):',
  shareCopy: 'Copy',
  shareCopied: 'Copied.',
  /** When the browser refuses the clipboard: the field is selected. */
  shareSelect: 'Selected: press Ctrl+C (⌘C on a Mac) to copy.',
  epoch: 'Epoch',
  trainLoss: 'Training loss',
  testLoss: 'Test loss',
  testAccuracy: 'Test accuracy',
  loading: 'Loading data…',
  /** The settings panel's accessible name. */
  settings: 'Training settings',
  /** In place of the data control when the data is the writer's: {summary} says how it was read. */
  dataSummary: 'Data: {summary}',
  ownData: 'your own',
  hiddenLayersHint: 'Neurons per layer, e.g. 4, 2',
  /** A refused hidden-layers entry: {label} the field, {got} the entry, {min}–{max} a layer's size, {most} layers. */
  hiddenLayersRefused:
    '{label}: got {got}. Give neurons per layer, whole numbers from {min} to {max} separated by commas (at most {most} layers), e.g. "8, 8", or "none".',
  /** The label of one hidden layer's activation when each layer has a select: {index} counts from 1. */
  activationLayer: 'Hidden layer {index}',
  /** The disclosure that holds one activation select per hidden layer (and the shared select's word while the layers differ). */
  activationLayers: 'Per layer',
  dropoutHint: 'One rate, or one per layer: 0.2, 0, 0.1',
  /** A refused dropout entry: {label} the field, {got} the entry, {min}–{max} a rate. */
  dropoutRefused: '{label}: got {got}. Give rates from {min} to {max}, e.g. 0.2, 0, 0.1.',
  /** An empty entry, as {got} says it. */
  nothing: 'nothing',
  /** A class without a label. */
  className: 'class {index}',
  boundaryLabel: 'Decision boundary over the input plane with {train} training and {test} test points.',
  boundaryLabelAccuracy: 'Decision boundary over the input plane with {train} training and {test} test points; test accuracy {accuracy}.',
  /** The probe on the decision boundary. */
  probeLabel: 'Decision boundary: point at it, or use the arrow keys, to read it',
  probeHint: 'Point at the picture, or focus it and use the arrow keys, to read the output and a point\'s loss.',
  /** {x}, {y}: where; {output}: the network's output there. */
  probeOutput: 'At x₁ = {x}, x₂ = {y}: output {output}.',
  probeClass: 'At x₁ = {x}, x₂ = {y}: most likely {class} ({probability}).',
  /** A data point under the probe: {target} its class (or target), {loss} its loss. */
  probeTrainPoint: 'Training point of {target} here: loss {loss}.',
  probeTestPoint: 'Test point of {target} here: loss {loss}.',
  /** controls="points": adding and removing points by hand. */
  pointsLabel: 'Click adds a point of',
  pointsHint: 'Shift-click: the next class. Focused: Enter adds a point at the probe (Shift+Enter: the next class), Delete removes one. Reset restores the data.',
  pointAdded: 'Added a training point of {class} at x₁ = {x}, x₂ = {y}; {count} training points.',
  pointRemovedTrain: 'Removed a training point; {count} training points left.',
  pointRemovedTest: 'Removed a test point; {count} test points left.',
  pointNone: 'No point to remove here (the last training or test point stays).',
  /** The legend of classes: after the class names. */
  pointsKey: 'Circles: training · squares: test',
  /** The legend of a regression's colours: {low} and {high} are swatches. */
  outputKey: "Colour: the network's output, {low} low to {high} high. Circles: training · squares: test.",
  curveCaption: "Circles: training data · squares: test data · line: the network's prediction",
  curveLabel: "The data as points and the network's fitted curve",
  manyInputs: 'This data has {count} inputs; pictures are drawn for one or two.',
  lossEmpty: 'Press Play or Step epoch: the loss after each epoch appears here.',
  /** The loss chart's caption: {train} and {test} are the lines' keys. */
  lossCaption: 'Loss per epoch: {train} training {test} test',
  lossChartLabel: 'Loss chart over {epochs} epochs: training loss {train}, test loss {test}.',
  lossChartEmpty: 'Loss chart: no training yet.',
  ghostsCaption: 'Faint lines: earlier runs\' training loss, and what set each apart:',
  /** One earlier run: {number} as on the chart, {label} what differed, e.g. "Learning rate 0.3". */
  ghostItem: '{number}. {label}: training loss {loss} at epoch {epoch}',
  /** An earlier run with this run's settings. */
  ghostSame: 'the same settings',
  /** A setting that was left to the data or the output to decide. */
  ghostInferred: 'inferred',
  /** show="histograms": what to look for, and the table's parts. */
  histogramsCaption:
    'Per layer, on up to 200 training samples. Look for ReLU activations piled at 0 with dead neurons (they no longer learn), and gradients that shrink towards the input (vanishing) or grow (exploding: lower the learning rate).',
  histogramsLabel: 'Histograms of weights, activations and gradients per layer',
  histogramWeights: 'Weights',
  histogramActivations: 'Activations',
  histogramGradients: 'Gradients',
  histogramGradientSize: 'Gradient size (RMS)',
  histogramDead: 'Dead neurons (always 0)',
  /** A histogram's range under its bars. */
  histogramRange: '{min} to {max}',
  histogramDeadCount: '{dead} of {neurons}',
  outputLayer: 'Output layer',
  neuronsCaption: 'What each hidden neuron responds to',
  hiddenLayer: 'Hidden layer {layer}',
  neuron: 'Neuron {neuron} of hidden layer {layer}',
  confusionCaption: "Test data: true class (rows) against the network's guess (columns)",
  sampleNote: 'The diagram shows the values for the training point {values}.',
  sampleNoteFirst: 'The diagram shows the values for the first training sample.',
  /** Announced: {summary} is `summary`. */
  resetDone: 'Reset. {summary}',
  paused: 'Paused. {summary}',
  finished: 'Finished. {summary}',
  summary: 'Epoch {epoch}: training loss {trainLoss}, test loss {testLoss}.',
  summaryAccuracy: 'Epoch {epoch}: training loss {trainLoss}, test loss {testLoss}, test accuracy {accuracy}.',
  /** Why a run diverged ({what}), and what to do. */
  divergedGrowth: 'the loss stayed above {factor} times its starting value ({start} → {loss}) for {epochs} epochs',
  divergedOverflow: 'the loss became too large to compute',
  diverged: 'Training diverged at epoch {epoch}: {what}. Try a smaller learning rate (such as {learningRate}), then press Reset.',
  divergedPenalty:
    'Training diverged at epoch {epoch}: {what}. The regularization rate ({rate}) is too large for the learning rate ({learningRate}): {advice}, then press Reset.',
  smallerPenalty: 'try a smaller regularization rate (such as {rate})',
  smallerBoth: 'try a smaller regularization rate and a smaller learning rate',
});

export type TrainerStrings = typeof TRAINER_STRINGS;
