import { type CnnKernelFactory, CnnTrainer } from '../../src/index.js';
import type { DigitSet } from '../shared/digits-data.js';
import type { Settings } from './read-settings.js';

/** A digits CNN in training, with what the view shows of it: accuracy and confusion at each epoch's end. */
export class Session {
  readonly trainer: CnnTrainer;
  /** Held-out accuracy and confusion counts, as of the last epoch (or the start). */
  accuracy = 0;
  confusion: Int32Array = new Int32Array(100);
  diverged = false;

  constructor(
    readonly digits: DigitSet,
    settings: Settings,
    kernels?: CnnKernelFactory,
  ) {
    this.trainer = new CnnTrainer(
      { images: digits.pixels, labels: digits.labels, height: digits.size, width: digits.size, classes: 10 },
      {
        filters: settings.filters,
        kernelSize: settings.kernelSize,
        activation: settings.activation,
        pool: settings.pool === 'none' && !settings.poolSet ? 'max' : settings.pool,
        poolSize: settings.poolSize,
        optimizer: settings.optimizer,
        learningRate: settings.learningRate,
        seed: settings.seed,
        kernels,
      },
    );
    this.count();
  }

  get epoch(): number {
    return this.trainer.epoch;
  }

  /**
   * Trains for about `budgetMs` (at least one step) or until `epochs` epochs are done.
   * Each epoch's accuracy and confusion are measured as it ends.
   */
  train(budgetMs: number, epochs: number, onEpoch: () => void): void {
    const end = performance.now() + budgetMs;
    do {
      const before = this.trainer.epoch;
      if (!this.trainer.step()) {
        this.diverged = true;
        return;
      }
      if (this.trainer.epoch !== before) this.measure(onEpoch);
    } while (performance.now() < end && this.trainer.epoch < epochs);
  }

  /** Whether training has done its epochs (or diverged). */
  finished(epochs: number): boolean {
    return this.diverged || this.trainer.epoch >= epochs;
  }

  private measure(onEpoch: () => void): void {
    this.count();
    onEpoch();
  }

  /** The confusion counts of the held-out digits, and the accuracy read off their diagonal: one pass over them. */
  private count(): void {
    this.confusion = this.trainer.confusion();
    let right = 0;
    for (let k = 0; k < 10; k++) right += this.confusion[k * 11];
    this.accuracy = right / Math.max(1, this.trainer.test.length);
  }

  /** Runs an image (64 values) through the network: each filter's feature map after the activation, and the class probabilities. */
  look(image: Float64Array): { maps: Float64Array; probabilities: Float64Array } {
    const cnn = this.trainer.cnn;
    cnn.forward(image);
    return { maps: cnn.activated.slice(), probabilities: cnn.probabilities.slice() };
  }

  reset(): void {
    this.trainer.reset();
    this.diverged = false;
    this.count();
  }
}
