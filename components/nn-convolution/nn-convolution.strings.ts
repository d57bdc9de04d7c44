import { defineStrings } from '../shared/strings.js';

/**
 * The words `<nn-convolution>` shows readers, in English. A writer replaces any of them
 * with the `strings` attribute (JSON) or property (an object); `{name}` placeholders are filled in.
 */
export const CONVOLUTION_STRINGS = defineStrings({
  /** The controls' labels. */
  'kernel-size': 'Kernel size',
  stride: 'Stride',
  padding: 'Padding',
  bias: 'Bias',
  activation: 'Activation',
  pool: 'Pooling',
  'pool-size': 'Pool size',
  'learning-rate': 'Learning rate',
  optimizer: 'Optimizer',
  image: 'Image',
  kernelTitle: 'Kernel',
  custom: 'Custom',
  featureMap: 'Feature map',
  pooled: 'Pooled ({pool}, {size} × {size})',
  none: 'None',
  max: 'Max',
  average: 'Average',
  /** The built-in images. */
  square: 'Square',
  cross: 'Cross',
  diagonal: 'Diagonal',
  ring: 'Ring',
  stripes: 'Stripes',
  digit: 'Handwritten {digit}',
  drawn: 'Your drawing',
  writtenImage: 'Your image',
  heldOut: 'A held-out digit',
  /** A kernel's number field: its row and column. */
  kernelCell: 'Kernel row {row}, column {column}',
  /** The hint above the image. */
  hintKeys: 'Drag over the image or the feature map, or focus the window and use the arrow keys',
  hintTouch: 'Drag over the image or the feature map to move the window',
  /** The window's handle: where it is. */
  windowLabel: 'Window at row {row}, column {column} of the {rows} × {columns} feature map. Arrow keys move it.',
  imageLabel: 'Image, {rows} × {columns} pixels from {min} to {max}, padded with {padding} zeros on every side; the window covers rows {top} to {bottom} and columns {left} to {right}.',
  mapLabel: 'Feature map, {rows} × {columns}, after {activation}: values from {min} to {max}; row {row}, column {column} is {value}.',
  pooledLabel: 'Pooled map, {rows} × {columns}: values from {min} to {max}.',
  kernelLabel: 'Kernel, {rows} × {columns}: {values}.',
  /** The worked sum of the window. */
  productsTitle: 'Kernel × window at row {row}, column {column}',
  productsCaption: 'Each kernel number times the pixel under it (grey: padding, 0)',
  sum: 'sum of products',
  plusBias: '+ bias',
  activated: '{activation}',
  worked: 'Row {row}, column {column}: the products sum to {sum}; plus bias {bias} is {z}; {activation} gives {value}.',
  /** The output size's formula. */
  sizeTitle: 'Output size',
  sizeRows: 'rows',
  sizeColumns: 'columns',
  /** Drawing. */
  draw: 'Draw one',
  hidePad: 'Hide the pad',
  padLabel: 'Drawing pad, 28 × 28 pixels: draw a digit with a mouse, a pen or a finger; it is shrunk to 8 × 8 as the digits were',
  clear: 'Clear',
  undo: 'Undo',
  loading: 'Loading the handwritten digits…',
  /** Train mode. */
  play: 'Train',
  pause: 'Pause',
  reset: 'Reset',
  nextDigit: 'Next digit',
  epoch: 'Epoch {epoch} of {epochs}',
  accuracy: 'Held-out accuracy',
  status: 'Epoch {epoch} of {epochs}: {accuracy} of {count} held-out digits read right.',
  statusUntrained: 'Untrained: {accuracy} of {count} held-out digits read right, by chance.',
  diverged: 'Training stopped at epoch {epoch}: a weight stopped being a number. Try a smaller learning rate.',
  filtersTitle: 'Filters (what each one looks for)',
  filterLabel: 'Filter {index}, {rows} × {columns}: {values}.',
  mapsTitle: 'Feature maps of this digit',
  mapOfFilter: 'Feature map of filter {index}, {rows} × {columns}: values from {min} to {max}, strongest at row {row}, column {column}.',
  prediction: 'Read as {digit} ({probability})',
  confusionTitle: 'Confusion matrix: held-out digits',
  trueDigit: 'True',
  readAs: 'Read as',
});

export type ConvolutionStrings = typeof CONVOLUTION_STRINGS;
