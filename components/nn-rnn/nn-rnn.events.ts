/** Detail of `nn-epoch`: the epoch just finished, and the scores on the held-out sequences. */
export interface RnnEpochDetail {
  epoch: number;
  loss: number;
  accuracy: number;
}

/** Detail of `nn-stopped`: at which epoch, and why. */
export interface RnnStoppedDetail {
  epoch: number;
  reason: 'paused' | 'diverged';
}

/** The events `<nn-rnn>` fires, by name, with their details. */
export interface RnnEvents {
  'nn-epoch': RnnEpochDetail;
  'nn-diverged': { epoch: number };
  'nn-stopped': RnnStoppedDetail;
  'nn-sample': { text: string; temperature: number };
  change: { name: string; value: unknown };
}
