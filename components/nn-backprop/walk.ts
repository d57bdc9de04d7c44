import {
  type Loss,
  type ModelJSON,
  Network,
  NnKitError,
  type NudgeCheck,
  type ParameterPlace,
  type SampleGradients,
  descend,
  nudgeCheck,
  sampleGradients,
} from '../../src/index.js';
import type { UpdateDetail } from './nn-backprop.events.js';
import { Stages } from './stages.js';

/** The nudge the numerical check uses. */
export const EPSILON = 0.01;

/** The sample a walkthrough runs on, and how it learns from it. */
export interface Sample {
  input: number[];
  target: number[];
  loss: Loss;
  learningRate: number;
}

const finite = (result: SampleGradients) =>
  Number.isFinite(result.loss) && [...result.weights.flat(2), ...result.biases.flat(), ...result.nodes.flatMap((n) => [...n.z, ...n.a, ...n.dz, ...n.da])].every(Number.isFinite);

/**
 * One walkthrough's state: the network as given and as updated, the sample, the core's
 * gradients for it (sampleGradients: the training Backprop), the stage reached, the last
 * update and nudge. Every number the element shows is read from here.
 */
export class Walk {
  network: Network;
  readonly stages: Stages;
  stage = 0;
  result!: SampleGradients;
  sample!: Sample;
  updates = 0;
  lastUpdate?: UpdateDetail;
  nudge?: NudgeCheck & { place: ParameterPlace };

  /** `key` names where the model came from: the same key, the same walkthrough. */
  constructor(
    readonly given: ModelJSON,
    readonly key: string,
  ) {
    this.network = Network.fromJSON(given);
    this.stages = new Stages(this.network.layers);
  }

  /** Sets the sample (or its loss or rate) and computes the pass again. */
  setSample(sample: Sample): void {
    const result = sampleGradients(this.network, sample.input, sample.target, sample.loss);
    if (!finite(result)) throw new NnKitError('The numbers overflow on this sample: give smaller inputs, targets or weights.');
    this.sample = sample;
    this.result = result;
    if (this.nudge) this.check(this.nudge.place);
  }

  /** w ← w − α ∂L/∂w on every weight and bias; refused (and undone) when the numbers would overflow. */
  update(): UpdateDetail {
    const kept = this.network.toJSON();
    const before = this.result.loss;
    descend(this.network, this.result, this.sample.learningRate);
    try {
      this.setSample(this.sample);
    } catch (error) {
      this.network = Network.fromJSON(kept);
      this.setSample(this.sample);
      throw error;
    }
    this.updates++;
    this.lastUpdate = { count: this.updates, before, after: this.result.loss };
    return this.lastUpdate;
  }

  /** The numerical check of one gradient. */
  check(place: ParameterPlace): NudgeCheck {
    const { input, target, loss } = this.sample;
    this.nudge = { ...nudgeCheck(this.network, place, EPSILON, input, target, loss), place };
    return this.nudge;
  }

  /** The model as given, every update forgotten. */
  restore(): void {
    this.network = Network.fromJSON(this.given);
    this.updates = 0;
    this.lastUpdate = this.nudge = undefined;
    if (this.sample) this.setSample(this.sample);
  }

  /** True once the walkthrough has reached stage `index`. */
  reached(index: number): boolean {
    return this.stage >= index;
  }
}
