import type { NetworkUpdateDetail } from '../shared/network-source.js';

/** Detail of `nn-epoch`, as `<nn-trainer>`'s: the mean training loss over the epoch, the loss and accuracy on the held-out digits. */
export interface DigitsEpochDetail {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  accuracy: number;
}

/** Detail of `nn-stopped`: when, and why. */
export interface DigitsStoppedDetail {
  epoch: number;
  reason: 'paused' | 'epochs' | 'diverged';
}

/** Detail of `nn-predict`: the network's reading of the current image. */
export interface PredictDetail {
  prediction: number;
  probabilities: number[];
}

/** The events `<nn-digits>` fires, by name, with their details. */
export interface DigitsEvents {
  'nn-epoch': DigitsEpochDetail;
  'nn-stopped': DigitsStoppedDetail;
  'nn-predict': PredictDetail;
  'nn-network-update': NetworkUpdateDetail;
  'nn-load': { count: number };
}
