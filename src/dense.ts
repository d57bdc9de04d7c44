/**
 * The dense core: networks of fully connected layers, activations, losses, optimizers,
 * regularization, datasets and features, and the trainer. What every element that trains
 * or runs a network needs; the other families (loss surfaces today; convolution,
 * attention and recurrence next) are modules of their own, so a page pays only for the
 * families its elements use.
 */
export { type Activation, type Initializer, activations, getActivation, scalarActivationNames } from './activations.js';
export { Backprop } from './backprop.js';
export { Dropout, dropoutRates } from './dropout.js';
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
export { DIVERGENCE, type Divergence, TRAINER_DEFAULTS, Trainer, type TrainerOptions, defaultLossFor } from './trainer.js';
export type { Evaluation, EvaluationInSlices } from './evaluation.js';
