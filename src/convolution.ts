/**
 * The convolution family: 2-D convolution and pooling, forward and backward, named image
 * kernels, and a small seeded CNN with its trainer. A module of its own, so pages without
 * convolution do not pay for it.
 */
export { type Conv2dShape, type Conv2dSpec, MAX_SIDE, conv2dBackward, conv2dForward, conv2dShape, conv2dWindow, convOutputSize } from './conv2d.js';
export { POOL_KINDS, type PoolKind, type PoolShape, averagePoolBackward, averagePoolForward, maxPoolBackward, maxPoolForward, poolShape } from './pool.js';
export { type ImageKernel, getImageKernel, imageKernels } from './image-kernels.js';
export { type CnnKernelFactory, type CnnKernels, type CnnLayout, javascriptCnnKernels } from './cnn-kernels.js';
export { CNN_DEFAULTS, Cnn, type CnnOptions } from './cnn.js';
export { CNN_TRAINER_DEFAULTS, CnnTrainer, type CnnTrainerOptions, type ImageSet } from './cnn-trainer.js';
