/** Registers every nn-kit element. Import this module once per page. */
export * from '../src/index.js';
export * from './nn-activation-plot/nn-activation-plot.js';
export * from './nn-neuron/nn-neuron.js';
export * from './nn-network/nn-network.js';
export * from './nn-trainer/nn-trainer.js';
export * from './nn-loss-surface/nn-loss-surface.js';
export * from './nn-backprop/nn-backprop.js';
export * from './nn-convolution/nn-convolution.js';
export * from './nn-rnn/nn-rnn.js';
export * from './nn-attention/nn-attention.js';
export * from './nn-digits/nn-digits.js';
