import { html, nothing } from 'lit';
import { formatNumber } from '../shared/format.js';
import { format } from '../shared/strings.js';
import { canEditPoints, withPoint, withoutPoint } from './edit-points.js';
import type { Extent } from './grid.js';
import type { TrainerWords } from './nn-trainer.settings.js';
import type { TrainingRun } from './run.js';

/** A point is removed when within this share of the picture's side of the probe. */
const REACH = 1 / 40;

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

  constructor(private readonly options: PointEditorOptions) {}

  /** True when points can be edited now. */
  get active(): boolean {
    const session = this.options.run().session;
    return !!session && this.options.enabled() && canEditPoints(session);
  }

  /** Adds a training point at (x, y): of the chosen class, or the next one with `other`. */
  add(x: number, y: number, other: boolean): void {
    const run = this.options.run();
    const words = this.options.words();
    const session = run.session;
    if (!session || !this.active) return;
    const chosen = Math.min(this.chosen, session.classes - 1);
    const c = other ? (chosen + 1) % session.classes : chosen;
    const edited = withPoint(session, x, y, c);
    const name = this.options.classNames(session.classes)[c];
    run.replace(edited, format(words.pointAdded, { class: name, x: formatNumber(x, 2), y: formatNumber(y, 2), count: edited.trainPoints.length }));
  }

  /** Removes the data point under (x, y), if there is one and it is not the last of its kind. */
  remove(x: number, y: number): void {
    const run = this.options.run();
    const words = this.options.words();
    const session = run.session;
    if (!session || !this.active) return;
    const removed = withoutPoint(session, x, y, this.options.extent()[1] * (2 * REACH));
    if (!removed) return run.announce(words.pointNone);
    const { session: edited, test } = removed;
    const count = test ? edited.testPoints.length : edited.trainPoints.length;
    run.replace(edited, format(test ? words.pointRemovedTest : words.pointRemovedTrain, { count }));
  }

  /** The class switch and how to edit, under the picture. */
  render() {
    const session = this.options.run().session;
    if (!session || !this.active) return nothing;
    const words = this.options.words();
    const names = this.options.classNames(session.classes);
    return html`<div class="point-editor">
      <label for="point-class">${words.pointsLabel}</label>
      <select id="point-class" aria-describedby="points-hint" @change=${(event: Event) => (this.chosen = Number((event.target as HTMLSelectElement).value))}>
        ${names.map((name, c) => html`<option value=${c} ?selected=${c === this.chosen}>${name}</option>`)}
      </select>
      <small id="points-hint">${words.pointsHint}</small>
    </div>`;
  }
}
