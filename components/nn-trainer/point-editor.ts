import { type ReactiveControllerHost, nothing } from 'lit';
import { Lazy } from './lazy.js';
import type { Extent } from './grid.js';
import type { TrainerWords } from './nn-trainer.settings.js';
import type { TrainingRun } from './run.js';

/** What the point editor is told by its host. */
export interface PointEditorOptions {
  run(): TrainingRun;
  /** True when the writer offers it (`controls` lists "points"). */
  enabled(): boolean;
  /** The square of input space drawn (−edge to edge). */
  extent(): Extent;
  words(): TrainerWords;
  classNames(count: number): string[];
}

/**
 * Points added and removed by hand (`controls="points"`): a click adds a training point of
 * the chosen class (Shift: the next class), Enter does at the keyboard probe, Delete
 * removes the point under it. The run carries on with the edited data; Reset restores the
 * data the settings make.
 */
export class PointEditor {
  /** The class a click adds. */
  chosen = 0;

  /** The editing code, loaded once a writer offers it. */
  private readonly editing: Lazy<typeof import('./edit-points.js')>;

  constructor(
    host: ReactiveControllerHost,
    readonly options: PointEditorOptions,
  ) {
    this.editing = new Lazy(host, () => import('./edit-points.js'), (module) => module.pointEditorStyles);
  }

  /** True when points can be edited now: offered, on a picture of two inputs and classes, and its code loaded. */
  get active(): boolean {
    const session = this.options.run().session;
    const offered = !!session && this.options.enabled() && session.dimensions === 2 && session.kind === 'classification';
    return offered && this.editing.get() !== undefined;
  }

  /** Adds a training point at (x, y): of the chosen class, or the next one with `other`. */
  add(x: number, y: number, other: boolean): void {
    if (this.active) this.editing.get()!.addPoint(this, x, y, other);
  }

  /** Removes the data point under (x, y), if there is one and it is not the last of its kind. */
  remove(x: number, y: number): void {
    if (this.active) this.editing.get()!.removePoint(this, x, y);
  }

  /** The class switch and how to edit, under the picture. */
  render() {
    return this.active ? this.editing.get()!.renderClassSwitch(this) : nothing;
  }
}
