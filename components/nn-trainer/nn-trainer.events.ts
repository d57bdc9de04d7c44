import type { NetworkUpdateDetail } from '../shared/network-source.js';

/** Detail of `nn-epoch`. */
export interface EpochDetail {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  accuracy?: number;
}

/** Detail of `nn-stopped`: when, and why. */
export interface StoppedDetail {
  epoch: number;
  reason: 'paused' | 'epochs' | 'diverged';
}

/** The events `<nn-trainer>` fires, by name, with their details. */
export interface TrainerEvents {
  'nn-epoch': EpochDetail;
  'nn-diverged': { epoch: number };
  'nn-stopped': StoppedDetail;
  'nn-network-update': NetworkUpdateDetail;
  change: { name: string; value: unknown };
}
