/** Detail of `nn-epoch`: after each epoch of training (train mode). */
export interface AttentionEpochDetail {
  epoch: number;
  loss: number;
  accuracy: number;
}

/** The events `<nn-attention>` fires, by name, with their details. */
export interface AttentionEvents {
  'nn-epoch': AttentionEpochDetail;
  'nn-stopped': { epoch: number; reason: 'paused' | 'learned' | 'diverged' };
  change: { name: string; value: unknown };
}
