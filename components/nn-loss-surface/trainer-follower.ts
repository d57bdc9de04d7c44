import type { ReactiveControllerHost } from 'lit';
import {
  type Bounds,
  Descent,
  type DescentPoint,
  type LineSlice,
  type StepPreview,
  type Trainer,
  type WeightPlace,
  WeightSlice,
  lineSlice,
} from '../../src/index.js';
import { NETWORK_UPDATE } from '../shared/network-source.js';
import { ReferenceController } from '../shared/reference-controller.js';
import { isTrainerSource } from '../shared/trainer-source.js';

/** Most points kept of a trainer's path: beyond, every other one is dropped. */
const MOST_POINTS = 2000;
/** While the trainer trains, the gradient, the step and the slice are worked out at most this often. */
const DETAILS_MS = 250;
/** Samples of the slice along the step (each costs a pass over the training data). */
const SLICE_SAMPLES = 25;

/** The half-widths an automatic square grows through. */
const HALF_WIDTHS = [2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 1e3, 1e4, 1e5, 1e6];

/**
 * Follows an `<nn-trainer>` (`for="id"`): the core's WeightSlice of its training loss over
 * two weights, and the path those two weights take as it trains (one point per
 * `nn-network-update`). A reset trainer (a new core Trainer) starts a new path.
 */
export class TrainerFollower {
  readonly reference: ReferenceController<Element>;
  slice?: WeightSlice;
  /** The two weights and the training loss after each update seen, the first when following began. */
  path: DescentPoint[] = [];
  /** Counts the updates seen: the landscape (the other weights) may have moved with each. */
  version = 0;
  private placesKey = '';
  private half = 0;
  private details?: { version: number; at: number; preview: StepPreview; slice: LineSlice };
  private timer = 0;
  private stepsSeen = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onUpdate: () => void,
  ) {
    this.reference = new ReferenceController(host as ReactiveControllerHost & HTMLElement, {
      events: [NETWORK_UPDATE],
      onEvent: () => this.record(),
    });
  }

  /** The followed trainer's core Trainer, when it has one. */
  get trainer(): Trainer | undefined {
    const target = this.reference.target;
    return isTrainerSource(target) ? target.trainer : undefined;
  }

  /** The WeightSlice of `trainer` over two places, made anew for a new trainer or new places. */
  sliceFor(trainer: Trainer, places: readonly [WeightPlace, WeightPlace]): WeightSlice {
    const key = places.map((place) => place.join()).join('|');
    if (this.slice?.trainer !== trainer || key !== this.placesKey) {
      this.slice = new WeightSlice(trainer, places[0], places[1]);
      this.placesKey = key;
      this.path = [];
      this.half = 0;
      this.details = undefined;
      this.record();
    }
    return this.slice;
  }

  /** Forgets the trainer (the id changed, or `for` was removed). */
  clear(): void {
    this.slice = undefined;
    this.placesKey = '';
    this.path = [];
    this.details = undefined;
  }

  /** A square around the origin that holds the path, growing (never shrinking) as it leaves it. */
  bounds(): Bounds {
    const reach = Math.max(...this.path.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))), 0) * 1.25;
    if (reach > this.half) this.half = HALF_WIDTHS.find((half) => half >= reach) ?? HALF_WIDTHS[HALF_WIDTHS.length - 1];
    return { xMin: -this.half, xMax: this.half, yMin: -this.half, yMax: this.half };
  }

  /** The next full-batch gradient step −α∇L from the weights now (α the trainer's), and the slice along it; at most every DETAILS_MS. */
  next(bounds: Bounds): { preview: StepPreview; slice: LineSlice } | undefined {
    const slice = this.slice;
    const [x, y] = slice?.current ?? [];
    if (!slice || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
    const now = performance.now();
    const wait = DETAILS_MS - (now - (this.details?.at ?? -Infinity));
    if (this.details && this.details.version !== this.version && wait > 0) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.host.requestUpdate(), wait) as unknown as number;
    } else if (!this.details || this.details.version !== this.version) {
      const preview = new Descent(slice, { learningRate: slice.trainer.learningRate, start: slice.current, bounds }).preview();
      this.details = { version: this.version, at: now, preview, slice: lineSlice(slice, preview, -0.5, 1.5, SLICE_SAMPLES) };
    }
    return this.details;
  }

  /** Records where the two weights are now, if the trainer has moved since. */
  private record(): void {
    const slice = this.slice;
    if (slice && slice.trainer === this.trainer) {
      const [x, y] = slice.current;
      const last = this.path[this.path.length - 1];
      if (!last || last.x !== x || last.y !== y || slice.trainer.steps !== this.stepsSeen) {
        this.stepsSeen = slice.trainer.steps;
        this.path.push({ x, y, loss: slice.f(x, y) });
        if (this.path.length > MOST_POINTS) this.path = this.path.filter((_, i) => i % 2 === 0 || i === this.path.length - 1);
        this.version++;
      }
    }
    this.onUpdate();
  }
}
