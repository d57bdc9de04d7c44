import { css, html } from 'lit';
import { type Data, Trainer, applyFeatures } from '../../src/index.js';
import { formatNumber } from '../shared/format.js';
import { format } from '../shared/strings.js';
import type { PointEditor } from './point-editor.js';
import type { Point, Session } from './session.js';

/** The class switch's styles, added to the element's once this module has loaded. */
export const pointEditorStyles = css`
  .point-editor {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    margin-top: 0.35rem;
    font-size: 0.85rem;
  }

  .point-editor small {
    flex-basis: 100%;
    color: var(--_muted);
    font-size: 0.8rem;
  }
`;

/** A point is removed when within this share of the picture's side of the probe. */
const REACH = 1 / 40;

/** The fewest points left in the training or the test data: a reader cannot remove the last. */
const FEWEST = 1;

/**
 * A trainer for new data that carries on the run: the same network and weights, the same
 * settings, the epochs and steps counted so far. The optimizer's memory (momentum, Adam's
 * moments) starts afresh, as it does when the optimizer is changed.
 */
function carryOn(session: Session, train: Data): Trainer {
  const old = session.trainer;
  const trainer = new Trainer(session.network, train, {
    loss: old.loss.name,
    optimizer: old.optimizer.name,
    learningRate: old.learningRate,
    batchSize: old.batchSize,
    regularization: old.regularization.name,
    regularizationRate: old.regularizationRate,
    dropout: old.dropout,
    seed: session.network.seed + old.steps,
    task: old.task,
  });
  trainer.epochs = old.epochs;
  trainer.steps = old.steps;
  return trainer;
}

/** The target row of class `c` as the data writes it: copied from a point of that class, else one-hot (or c for one output). */
function targetOf(session: Session, c: number): number[] {
  for (const [points, data] of [[session.trainPoints, session.train], [session.testPoints, session.test]] as const) {
    const index = points.findIndex((point) => Math.round(point.target) === c);
    if (index >= 0) return [...data.targets[index]];
  }
  const size = session.network.outputSize;
  return size === 1 ? [c] : Array.from({ length: size }, (_, i) => (i === c ? 1 : 0));
}

/** The session with a training point of class `c` added at (x, y); the network trains on it from the next step. */
export function withPoint(session: Session, x: number, y: number, c: number): Session {
  const inputs = session.features.length > 0 ? applyFeatures([[x, y]], session.features)[0] : [x, y];
  const train: Data = { inputs: [...session.train.inputs, inputs], targets: [...session.train.targets, targetOf(session, c)] };
  const point: Point = { x, y, target: c };
  return { ...session, train, trainPoints: [...session.trainPoints, point], trainer: carryOn(session, train) };
}

/**
 * The session without the data point nearest (x, y) within `reach` (in input units), or
 * undefined when none is that near, or it is the last of its kind.
 */
export function withoutPoint(session: Session, x: number, y: number, reach: number): { session: Session; test: boolean } | undefined {
  let best: { index: number; test: boolean } | undefined;
  let bestDistance = reach * reach;
  for (const test of [false, true]) {
    (test ? session.testPoints : session.trainPoints).forEach((point, index) => {
      const distance = (point.x - x) ** 2 + (point.y - y) ** 2;
      if (distance <= bestDistance) {
        bestDistance = distance;
        best = { index, test };
      }
    });
  }
  if (!best) return undefined;
  const { index, test } = best as { index: number; test: boolean };
  const points = test ? session.testPoints : session.trainPoints;
  if (points.length <= FEWEST) return undefined;
  const data = test ? session.test : session.train;
  const kept: Data = { inputs: data.inputs.filter((_, i) => i !== index), targets: data.targets.filter((_, i) => i !== index) };
  const left = points.filter((_, i) => i !== index);
  if (test) return { session: { ...session, test: kept, testPoints: left }, test };
  return { session: { ...session, train: kept, trainPoints: left, trainer: carryOn(session, kept) }, test };
}

/** Adds a training point at (x, y): of the editor's chosen class, or the next one with `other`; says so. */
export function addPoint(editor: PointEditor, x: number, y: number, other: boolean): void {
  const { options } = editor;
  const run = options.run();
  const session = run.session;
  if (!session) return;
  const chosen = Math.min(editor.chosen, session.classes - 1);
  const c = other ? (chosen + 1) % session.classes : chosen;
  const edited = withPoint(session, x, y, c);
  const name = options.classNames(session.classes)[c];
  const count = edited.trainPoints.length;
  run.replace(edited, format(options.words().pointAdded, { class: name, x: formatNumber(x, 2), y: formatNumber(y, 2), count }));
}

/** Removes the data point under (x, y), if there is one and it is not the last of its kind; says what happened. */
export function removePoint(editor: PointEditor, x: number, y: number): void {
  const { options } = editor;
  const run = options.run();
  const words = options.words();
  const session = run.session;
  if (!session) return;
  const removed = withoutPoint(session, x, y, options.extent()[1] * (2 * REACH));
  if (!removed) return run.announce(words.pointNone);
  const { session: edited, test } = removed;
  const count = test ? edited.testPoints.length : edited.trainPoints.length;
  run.replace(edited, format(test ? words.pointRemovedTest : words.pointRemovedTrain, { count }));
}

/** The class a click adds, and how to edit, under the picture. */
export function renderClassSwitch(editor: PointEditor) {
  const { options } = editor;
  const session = options.run().session;
  const words = options.words();
  const names = options.classNames(session?.classes ?? 2);
  return html`<div class="point-editor">
    <label for="point-class">${words.pointsLabel}</label>
    <select id="point-class" aria-describedby="points-hint" @change=${(event: Event) => (editor.chosen = Number((event.target as HTMLSelectElement).value))}>
      ${names.map((name, c) => html`<option value=${c} ?selected=${c === editor.chosen}>${name}</option>`)}
    </select>
    <small id="points-hint">${words.pointsHint}</small>
  </div>`;
}
