/**
 * nn-kit's core engine: networks, activations, losses, optimizers, datasets, a
 * trainer, and gradient descent on loss surfaces of two parameters. Plain TypeScript
 * with no DOM: it runs in a page, a worker and Node.
 */
export { type Activation, type Initializer, activations, getActivation, scalarActivationNames } from './activations.js';
export { Backprop } from './backprop.js';
export { type DescentOptions, type DescentPoint, type LineSlice, type StepPreview, Descent, ESCAPE, lineSlice } from './descent.js';
export { type Data, type DataMatrix, oneHot, splitData, toMatrix } from './data.js';
export {
  DATA_EXTENT,
  type Dataset,
  type DatasetOptions,
  type DatasetSpec,
  MAX_CLASSES,
  MAX_SAMPLES,
  datasets,
  makeDataset,
} from './datasets.js';
export { NnKitError, listNames } from './errors.js';
export { type Feature, applyFeatures, featureName, features, parseFeatures } from './features.js';
export { EPSILON, type Loss, getLoss, losses } from './losses.js';
export {
  LIMITS,
  type LayerTrace,
  type ModelJSON,
  Network,
  type NetworkOptions,
  validateLayers,
} from './network.js';
export { type NeuronInput, type NeuronResult, computeNeuron } from './neuron.js';
export { type Optimizer, type OptimizerState, adamRate, createOptimizerState, getOptimizer, optimizers } from './optimizers.js';
export { Random } from './random.js';
export { type Regularization, getRegularization, regularizations } from './regularization.js';
export { type Bounds, type GridExtent, type Objective, type Surface, getSurface, sampleGrid, surfaces } from './surfaces.js';
export { DIVERGENCE, type Divergence, type Evaluation, TRAINER_DEFAULTS, Trainer, type TrainerOptions, defaultLossFor } from './trainer.js';
export { type WeightPlace, WeightSlice, weightIndexOf } from './weight-slice.js';
