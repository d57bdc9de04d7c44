import { defineStrings } from '../shared/strings.js';

/**
 * The words `<nn-digits>` shows readers, in English. A writer replaces any of them with the
 * `strings` attribute (JSON) or property (an object); `{name}` placeholders are filled in.
 */
export const DIGITS_STRINGS = defineStrings({
  play: 'Train',
  pause: 'Pause',
  reset: 'Reset',
  clear: 'Clear',
  undo: 'Undo',
  /** The pad's accessible name. */
  padLabel: 'Drawing pad, 28 by 28 pixels: draw a digit with a mouse, pen or finger',
  /** Above the pad. */
  drawHint: 'Draw a digit',
  /** The sample buttons' group. */
  samples: 'Or pick a handwritten digit from the held-out set',
  /** One sample button's accessible name. */
  sampleLabel: 'Draw a held-out handwritten {digit}',
  loading: 'Loading the handwritten digits…',
  loadFailed: 'Could not load {what}: {reason}',
  /** The 8 × 8 input's caption and accessible name. */
  inputTitle: 'What the network sees (8 × 8)',
  inputLabel: 'The drawing as the network receives it, 8 by 8 pixels: {ink}',
  inputBlank: 'blank',
  inputInk: 'ink in {count} of 64 pixels',
  probabilitiesTitle: 'Probabilities',
  /** The guess, once something is drawn. */
  guess: 'It reads a {digit} ({percent})',
  /** The guess while the pad is blank. */
  guessBlank: 'Draw a digit to see what the network reads',
  probabilityLabel: '{digit}: {percent}',
  networkTitle: 'The forward pass',
  confusionTitle: 'Held-out digits: true (rows) against read (columns)',
  confusionEmpty: 'Train the network to see which held-out digits it confuses.',
  confusionCell: '{count} handwritten {truth} read as {read}',
  /** Under the matrix, for the digits of the chosen cell. */
  cellDigits: '{count} handwritten {truth} read as {read}:',
  cellNone: 'No held-out {truth} is read as {read}.',
  thumbLabel: 'A handwritten {truth}',
  epoch: 'Epoch',
  accuracy: 'Accuracy',
  lossTitle: 'Loss',
  trainLoss: 'Training loss',
  testLoss: 'Held-out loss',
  /** The live numbers, as `<nn-trainer>` says them. */
  status: 'Epoch {epoch} of {epochs} · training loss {trainLoss} · held-out loss {testLoss} · accuracy {accuracy}',
  /** While the distorted copies of the training digits are being made (training waits for them). */
  statusPreparing: 'Preparing {train} handwritten digits to learn from and their distorted copies ({percent}); {test} held out.',
  statusStart: 'Not trained yet: {train} handwritten digits to learn from (and {copies} distorted copies), {test} held out. Press Train.',
  /** Before training, when the network starts from weights trained ahead (`model`). */
  statusStartTrainedAhead: 'Trained ahead: it reads {accuracy} of the {test} held-out digits. Press Train to go on learning from {train} handwritten digits (and {copies} distorted copies).',
  diverged: 'Training diverged: try a smaller learning rate.',
});

export type DigitsStrings = typeof DIGITS_STRINGS;
