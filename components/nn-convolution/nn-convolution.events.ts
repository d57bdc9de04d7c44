/** Detail of `nn-window`: where the window is, and the output pixel it makes. */
export interface ConvolutionWindowDetail {
  row: number;
  column: number;
  /** The sum of products plus bias, before the activation. */
  z: number;
  /** After the activation. */
  value: number;
}

/** Detail of `nn-epoch`: after each epoch in train mode. */
export interface ConvolutionEpochDetail {
  epoch: number;
  /** Share of held-out digits read right. */
  accuracy: number;
  /** The mean cross-entropy of the last batch. */
  loss: number;
}

/** Detail of `nn-stopped`. */
export interface ConvolutionStoppedDetail {
  epoch: number;
  reason: 'paused' | 'epochs' | 'diverged';
}

/** The events `<nn-convolution>` fires, by name, with their details. */
export interface ConvolutionEvents {
  'nn-window': ConvolutionWindowDetail;
  'nn-epoch': ConvolutionEpochDetail;
  'nn-stopped': ConvolutionStoppedDetail;
  change: { name: string; value: unknown };
}
