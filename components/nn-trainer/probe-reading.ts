import { applyFeatures } from '../../src/index.js';
import { formatNumber } from '../shared/format.js';
import { format } from '../shared/strings.js';
import type { TrainerWords } from './nn-trainer.settings.js';
import type { Session } from './session.js';

/** A data point counts as under the probe within this share of the picture. */
const NEAR = 1 / 40;

/**
 * "At x₁ = 1.20, x₂ = −0.40: output 0.73. Training point of class 1 here: loss 0.314.": what
 * the network says at a point of the picture (−edge to edge), from the core: the network's
 * prediction there and the trainer's loss of a data point found there.
 */
export function describe(session: Session, at: { x: number; y: number }, edge: number, words: TrainerWords, classNames: (count: number) => string[]): string {
  if (session.dimensions !== 2) return words.probeHint;
  const inputs = session.features.length > 0 ? applyFeatures([[at.x, at.y]], session.features)[0] : [at.x, at.y];
  const where = { x: formatNumber(at.x, 2), y: formatNumber(at.y, 2) };
  // Features of coordinates near the ends of the doubles can overflow: the network takes no such input.
  if (!inputs.every(Number.isFinite)) return format(words.probeOutput, { ...where, output: '—' });
  const output = session.network.predict(inputs);
  const names = classNames(session.classes);
  const best = largest(output);
  const said =
    output.length > 1
      ? format(words.probeClass, { ...where, class: names[best], probability: formatNumber(output[best], 2) })
      : format(words.probeOutput, { ...where, output: formatNumber(output[0], 2) });
  const near = nearest(session, at, edge);
  if (!near) return said;
  const { data, index, test } = near;
  const loss = session.trainer.evaluate({ inputs: [data.inputs[index]], targets: [data.targets[index]] }).loss;
  const point = (test ? session.testPoints : session.trainPoints)[index];
  const target = session.kind === 'classification' ? (names[Math.round(point.target)] ?? String(point.target)) : formatNumber(point.target, 2);
  return `${said} ${format(test ? words.probeTestPoint : words.probeTrainPoint, { target, loss: formatNumber(loss, 3) })}`;
}

/** The data point nearest `at`, if one is within NEAR of it. */
function nearest(session: Session, at: { x: number; y: number }, edge: number) {
  let best: { data: Session['train']; index: number; test: boolean } | undefined;
  // In units of the half side, so the distances stay finite however large the data.
  let bestDistance = (2 * NEAR) ** 2;
  for (const test of [false, true]) {
    const points = test ? session.testPoints : session.trainPoints;
    points.forEach((point, index) => {
      const distance = (point.x / edge - at.x / edge) ** 2 + (point.y / edge - at.y / edge) ** 2;
      if (distance <= bestDistance) {
        bestDistance = distance;
        best = { data: test ? session.test : session.train, index, test };
      }
    });
  }
  return best;
}

function largest(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
