import { type Data, Trainer, applyFeatures } from '../../src/index.js';
import type { Point, Session } from './session.js';

/** The fewest points left in the training or the test data: a reader cannot remove the last. */
const FEWEST = 1;

/** True when a reader can add and remove points on this session's picture: two inputs, classes. */
export function canEditPoints(session: Session): boolean {
  return session.dimensions === 2 && session.kind === 'classification';
}

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
