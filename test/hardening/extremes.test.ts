/**
 * Finite extremes. Every numeric attribute of <nn-activation-plot>, <nn-neuron>,
 * <nn-network>, <nn-loss-surface>, <nn-convolution>, <nn-digits> and <nn-attention> gets the largest and smallest finite doubles, subnormals and the smallest
 * normal, and pairs of them whose span or products overflow. After each:
 * - nothing is thrown and nothing reaches console.error;
 * - a console warning comes only with an inline message, one at most;
 * - no SVG attribute or style in the shadow DOM (nested elements too) holds NaN or
 *   Infinity, and ARIA's number values are plain decimals;
 * - readers see neither "NaN" nor "Infinity";
 * - an element drawn inside another (the neuron's plot) shows no message: its attributes
 *   were set by its host, not the writer;
 * and, where cheap (the pairs), axe finds nothing. The plot's probe is also moved by
 * keyboard at each extreme and must stay a finite number inside its range; the loss
 * surface takes fifty steps of every run, and must still draw only finite numbers.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import '../../components/index.js';
import { captureConsole, deepElements, drawingProblems } from '../shared/finite.js';

const MAX = '1.7976931348623157e308';
const MIN_NORMAL = '2.2250738585072014e-308';
const SUBNORMAL = '5e-324';

/** Single values at the ends of the doubles. */
const EXTREMES = [MAX, `-${MAX}`, '1e308', '-1e308', MIN_NORMAL, `-${MIN_NORMAL}`, SUBNORMAL, `-${SUBNORMAL}`, '1e-320', '0'];

/** Lists of `length` extremes: all the same, and mixed signs whose sums overflow or cancel. */
const extremeLists = (length: number) => [
  ...EXTREMES.map((value) => Array.from({ length }, () => value).join(', ')),
  Array.from({ length }, (_, i) => (i % 2 ? `-${MAX}` : MAX)).join(', '),
  Array.from({ length }, (_, i) => (i % 2 ? SUBNORMAL : MAX)).join(', '),
  Array.from({ length }, (_, i) => (i % 2 ? '-1e300' : '1e300')).join(', '),
];

interface Case {
  attributes: Record<string, string>;
  /** Run axe too (kept to the pairs: it takes a while). */
  axe?: boolean;
}

const single = (name: string, values: readonly string[]): Case[] => values.map((value) => ({ attributes: { [name]: value } }));
const pairs = (list: Record<string, string>[]): Case[] => list.map((attributes) => ({ attributes, axe: true }));

const PLOT_BASE = { activation: 'sigmoid, tanh, relu, leaky-relu, elu, gelu, swish, softplus, linear, step', derivative: '' };
const NEURON_BASE = { 'show-plot': '', threshold: '0.5' };
const NETWORK_BASE = { activation: 'relu', 'output-activation': 'softmax' };
const SURFACE_BASE = { optimizer: 'sgd, momentum, adam' };
const BACKPROP_BASE = { phase: 'update', show: 'values, gradients, chain, nudge, table' };

const ELEMENTS: { tag: string; base: Record<string, string>; cases: Case[] }[] = [
  {
    tag: 'nn-activation-plot',
    base: PLOT_BASE,
    cases: [
      ...['x-min', 'x-max', 'value', 'height'].flatMap((name) => single(name, EXTREMES)),
      ...pairs([
        { 'x-min': `-${MAX}`, 'x-max': MAX },
        { 'x-min': '-1.7e308', 'x-max': '1.7e308' },
        { 'x-min': '0', 'x-max': SUBNORMAL },
        { 'x-min': `-${SUBNORMAL}`, 'x-max': SUBNORMAL },
        { 'x-min': '0', 'x-max': MIN_NORMAL },
        { 'x-min': '0', 'x-max': '1e-300' },
        { 'x-min': '1e308', 'x-max': MAX },
        { 'x-min': `-${MAX}`, 'x-max': '-1e308' },
        { 'x-min': `-${MAX}`, 'x-max': MAX, value: MAX },
        { 'x-min': `-${MAX}`, 'x-max': MAX, value: SUBNORMAL },
        { 'x-min': '0', 'x-max': '1e-300', value: SUBNORMAL },
      ]),
    ],
  },
  {
    tag: 'nn-neuron',
    base: NEURON_BASE,
    cases: [
      ...['inputs', 'weights'].flatMap((name) => single(name, extremeLists(2))),
      ...['bias', 'input-min', 'input-max', 'step', 'threshold', 'precision'].flatMap((name) => single(name, EXTREMES)),
      ...pairs([
        { inputs: '1e300', weights: '1e300' },
        { inputs: `${MAX}, -${MAX}`, weights: `${MAX}, ${MAX}` },
        { inputs: `${MAX}, ${MAX}`, weights: `${MAX}, ${MAX}`, bias: MAX },
        { inputs: '1e300', weights: '1e300', activation: 'relu' },
        { inputs: '1e300', weights: '1e300', activation: 'gelu' },
        { inputs: `${SUBNORMAL}, -${SUBNORMAL}`, weights: `${SUBNORMAL}, ${SUBNORMAL}`, bias: `-${SUBNORMAL}` },
        { 'input-min': `-${MAX}`, 'input-max': MAX },
        { 'input-min': `-${MAX}`, 'input-max': MAX, step: SUBNORMAL },
        { 'input-min': '0', 'input-max': SUBNORMAL },
        { inputs: MAX, weights: '1', bias: '0', 'input-type': 'range', precision: '6' },
      ]),
    ],
  },
  {
    tag: 'nn-network',
    base: NETWORK_BASE,
    cases: [
      ...single('inputs', extremeLists(3)),
      ...single('seed', EXTREMES),
      ...pairs([
        { inputs: '1e300, -1e300, 1e300' },
        { inputs: `${MAX}, -${MAX}, ${MAX}` },
        { inputs: `${MAX}, -${MAX}, ${MAX}`, 'output-activation': 'linear' },
        { inputs: `${MAX}, -${MAX}, ${MAX}`, activation: 'tanh', 'output-activation': 'sigmoid' },
        { inputs: `${SUBNORMAL}, -${SUBNORMAL}, ${MIN_NORMAL}`, seed: MAX },
        { src: '/test/fixtures/hostile/extreme-model.json', layers: '2,2,1' },
        { src: '/test/fixtures/hostile/subnormal-model.json', layers: '2,2,1' },
      ]),
    ],
  },
  {
    tag: 'nn-loss-surface',
    base: SURFACE_BASE,
    cases: [
      ...['learning-rate', 'steps', 'seed'].flatMap((name) => single(name, EXTREMES)),
      ...single('range', [...extremeLists(1), ...extremeLists(2), ...extremeLists(4)]),
      ...single('start', extremeLists(2)),
      ...pairs([
        { range: '1e6', start: '1e6, -1e6', 'learning-rate': '100', surface: 'rosenbrock' },
        { range: '-1e6, 1e6', start: '-1e6, 1e6', 'learning-rate': '100', surface: 'plateau' },
        { range: '1e6', start: `${SUBNORMAL}, -${SUBNORMAL}`, 'learning-rate': '100', surface: 'two-minima' },
        { range: '1e-6', start: '1e-6, -1e-6', 'learning-rate': '100' },
        { range: '999999, 1e6', start: 'random', seed: MAX, surface: 'rosenbrock' },
        { range: SUBNORMAL, surface: 'saddle' },
        { range: `0, ${MIN_NORMAL}`, start: 'random', seed: MAX },
        { 'learning-rate': SUBNORMAL, surface: 'ravine' },
        { 'learning-rate': '100', surface: 'rosenbrock', steps: '10000' },
      ]),
    ],
  },
  {
    tag: 'nn-convolution',
    base: {},
    cases: [
      ...['bias', 'stride', 'padding', 'kernel-size', 'pool-size'].flatMap((name) => single(name, EXTREMES)),
      ...single('kernel', extremeLists(9)),
      // 3 × 3 images: rows of three.
      ...single('image', extremeLists(9).map((list) => list.split(', ').map((v, i) => (i && i % 3 === 0 ? `; ${v}` : i ? `, ${v}` : v)).join(''))),
      ...pairs([
        { image: '1e6 -1e6 1e6; -1e6 1e6 -1e6; 1e6 -1e6 1e6', kernel: '1e6 1e6 1e6 1e6 1e6 1e6 1e6 1e6 1e6', bias: '100', pool: 'average', 'pool-size': '1' },
        { image: '1e6 1e6 1e6; 1e6 1e6 1e6; 1e6 1e6 1e6', kernel: '-1e6 -1e6 -1e6 -1e6 -1e6 -1e6 -1e6 -1e6 -1e6', bias: '-100', activation: 'elu', padding: '8', stride: '8' },
        { image: `${SUBNORMAL} ${SUBNORMAL}; ${SUBNORMAL} ${SUBNORMAL}`, kernel: SUBNORMAL, activation: 'sigmoid', pool: 'max' },
        { image: '1', kernel: 'blur', 'kernel-size': '7', padding: '3' },
        { mode: 'train', 'learning-rate': '10', optimizer: 'sgd', seed: MAX, epochs: '1' },
        { mode: 'train', 'learning-rate': '0.0001', seed: `-${MAX}`, filters: '16', 'kernel-size': '7', activation: 'softplus' },
      ]),
    ],
  },
  {
    tag: 'nn-backprop',
    base: BACKPROP_BASE,
    cases: [
      ...['inputs', 'target'].flatMap((name) => single(name, extremeLists(2))),
      ...['learning-rate', 'seed', 'precision', 'sample'].flatMap((name) => single(name, EXTREMES)),
      ...pairs([
        { inputs: '1e6, -1e6', target: '1e6, -1e6', 'learning-rate': '100' },
        { inputs: '1e6, 1e6', target: '-1e6, 1e6', activation: 'relu', 'output-activation': 'linear', 'learning-rate': '100' },
        { inputs: '1e6, -1e6', target: '1, 0', 'output-activation': 'softmax', loss: 'cross-entropy', 'learning-rate': '100' },
        { inputs: `${SUBNORMAL}, -${SUBNORMAL}`, target: `${MIN_NORMAL}, 0`, 'learning-rate': SUBNORMAL, precision: '8' },
        { src: '/test/fixtures/hostile/extreme-model.json', layers: '2,2,1', target: '1' },
        { src: '/test/fixtures/hostile/subnormal-model.json', layers: '2,2,1', target: '1' },
      ]),
    ],
  },
  {
    tag: 'nn-digits',
    // Forty digits in the kit's text format: quick to load and train.
    base: { src: '/test/fixtures/digits-small.txt', epochs: '3' },
    cases: [
      ...['learning-rate', 'batch-size', 'epochs', 'seed', 'train-split'].flatMap((name) => single(name, EXTREMES)),
      ...single('hidden-layers', extremeLists(2)),
      ...pairs([
        { 'learning-rate': '10', optimizer: 'sgd', seed: MAX },
        { 'learning-rate': '10', optimizer: 'momentum', activation: 'linear', 'batch-size': '1' },
        { 'learning-rate': SUBNORMAL, seed: `-${MAX}`, 'train-split': '0.05', 'hidden-layers': '1' },
      ]),
    ],
  },
  {
    tag: 'nn-attention',
    base: { select: '3' },
    cases: [
      ...['d-model', 'heads', 'head', 'temperature', 'select', 'seed', 'length', 'learning-rate'].flatMap((name) => single(name, EXTREMES)),
      ...pairs([
        { temperature: '1e6', causal: '', heads: '8', 'd-model': '64', seed: MAX },
        { temperature: '0.01', seed: `-${MAX}`, tokens: 'a a a a a a a a' },
        { mode: 'train', 'learning-rate': '10', optimizer: 'sgd', seed: MAX },
        { mode: 'train', 'learning-rate': '10', optimizer: 'momentum', task: 'sort', length: '6', temperature: '0.01' },
        { mode: 'train', 'learning-rate': SUBNORMAL, seed: MIN_NORMAL, temperature: '1e6', heads: '2' },
      ]),
    ],
  },
  {
    tag: 'nn-rnn',
    base: { text: 'to be or not to be ' },
    cases: [
      ...['hidden-size', 'unroll', 'learning-rate', 'clip', 'temperature', 'seed'].flatMap((name) => single(name, EXTREMES)),
      ...pairs([
        { 'learning-rate': '10', optimizer: 'sgd', clip: '0', autoplay: '' },
        { 'learning-rate': '10', optimizer: 'sgd', clip: '1e6', cell: 'gru', seed: MAX, autoplay: '' },
        { 'learning-rate': '10', clip: SUBNORMAL, task: 'count', unroll: '32', autoplay: '' },
        { 'learning-rate': SUBNORMAL, temperature: '0.05', seed: `-${MAX}`, 'hidden-size': '32', unroll: '32' },
        { temperature: '5', seed: MIN_NORMAL, cell: 'gru', 'hidden-size': '1', unroll: '1' },
      ]),
    ],
  },
];

const NESTED = 'nn-activation-plot, nn-network, nn-neuron, nn-trainer, nn-loss-surface';
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Waits for an element and those drawn inside it, then for its width to be measured and drawn. */
async function settle(el: LitElement): Promise<void> {
  for (let frame = 0; frame < 4; frame++) {
    await el.updateComplete;
    for (const child of el.shadowRoot!.querySelectorAll<LitElement>(NESTED)) await child.updateComplete;
    await nextFrame();
  }
}

/** Waits for a model load to end (no event tells when it does). */
async function loaded(el: LitElement): Promise<void> {
  for (let i = 0; i < 100 && /Loading/.test(el.shadowRoot!.textContent ?? ''); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await el.updateComplete;
  }
}

const alertOf = (el: Element) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '';

/** What a reader sees: the text of every shadow root, nested ones too. */
function shownText(el: Element): string {
  return [el, ...deepElements(el.shadowRoot!)]
    .filter((node) => node.shadowRoot)
    .map((node) => node.shadowRoot!.textContent ?? '')
    .join(' ');
}

/** Everything that must hold after a case; problems are returned, not thrown, so one run lists them all. */
function inspect(el: LitElement, warnings: string[], errors: string[]): string[] {
  const problems = [...errors.map((e) => `console error: ${e.slice(0, 160)}`), ...drawingProblems(el.shadowRoot!)];
  if (el.shadowRoot!.querySelector('.placeholder')) problems.push('not drawn (a placeholder)');
  const alert = alertOf(el);
  if (warnings.length > 1) problems.push(`${warnings.length} console warnings`);
  if (warnings.length && !alert) problems.push(`a warning without a message: ${warnings[0].slice(0, 120)}`);
  const leaked = shownText(el).replace(alert, '').match(/.{0,30}(NaN|Infinity).{0,30}/g);
  if (leaked) problems.push(`shows ${leaked.join(' | ')}`);
  for (const nested of el.shadowRoot!.querySelectorAll(NESTED)) {
    const message = alertOf(nested);
    if (message) problems.push(`<${nested.localName}> inside shows "${message}"`);
  }
  return problems;
}

/** Moves the plot's probe with the keyboard and checks it stays a finite number in its range. */
async function probeKeys(el: LitElement): Promise<string[]> {
  const problems: string[] = [];
  const slider = el.shadowRoot!.querySelector<HTMLElement>('[role="slider"]');
  // Bad attributes from the start leave nothing drawn but the message.
  if (!slider) return alertOf(el) ? [] : ['no slider and no message'];
  slider.focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'PageUp', 'End', 'ArrowLeft', 'Home', 'ArrowRight', 'PageDown']) {
    await sendKeys({ press: key });
    await el.updateComplete;
    const [now, min, max] = ['aria-valuenow', 'aria-valuemin', 'aria-valuemax'].map((name) => Number(slider.getAttribute(name)));
    if (!Number.isFinite(now) || now < min || now > max) problems.push(`after ${key}: aria-valuenow ${slider.getAttribute('aria-valuenow')?.slice(0, 40)}`);
    problems.push(...drawingProblems(el.shadowRoot!).map((p) => `after ${key}: ${p}`));
  }
  slider.blur();
  return problems;
}

/** Applies five updates and nudges the selected weight, checking what is drawn after each. */
async function backpropUpdates(el: LitElement): Promise<string[]> {
  const problems: string[] = [];
  const walk = el as LitElement & { applyUpdate(): void; currentLoss: number };
  for (let i = 1; i <= 5; i++) {
    walk.applyUpdate();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.nudge')?.click();
    await el.updateComplete;
    problems.push(...drawingProblems(el.shadowRoot!).map((p) => `after ${i} updates: ${p}`));
    const text = el.shadowRoot!.textContent ?? '';
    const leaked = text.replace(alertOf(el), '').match(/.{0,30}(NaN|Infinity|∞).{0,30}/g);
    if (leaked) problems.push(`after ${i} updates shows ${leaked.join(' | ')}`);
    if (!alertOf(el) && !Number.isFinite(walk.currentLoss)) problems.push(`after ${i} updates the loss is ${walk.currentLoss}`);
  }
  return problems;
}

/** Takes fifty steps of every run of a loss surface and checks what is drawn after each tenth. */
async function surfaceSteps(el: LitElement): Promise<string[]> {
  const problems: string[] = [];
  const surface = el as LitElement & { step(): void; path: { x: number; y: number; loss: number }[][] };
  for (let i = 1; i <= 50; i++) {
    surface.step();
    if (i % 10) continue;
    await el.updateComplete;
    problems.push(...drawingProblems(el.shadowRoot!).map((p) => `after ${i} steps: ${p}`));
    const text = el.shadowRoot!.textContent ?? '';
    const leaked = text.replace(alertOf(el), '').match(/.{0,30}(NaN|Infinity).{0,30}/g);
    if (leaked) problems.push(`after ${i} steps shows ${leaked.join(' | ')}`);
    const bad = surface.path.flat().find((p) => ![p.x, p.y, p.loss].every(Number.isFinite));
    if (bad) problems.push(`after ${i} steps a path holds ${JSON.stringify(bad)}`);
  }
  return problems;
}

/** In train mode: takes 200 training steps and checks what is drawn after each fiftieth, whatever the learning rate did to the weights. */
async function attentionSteps(el: LitElement): Promise<string[]> {
  const model = el as LitElement & { mode: string; step(): void; weights: number[][][] };
  if (model.mode !== 'train' || alertOf(el)) return [];
  const problems: string[] = [];
  for (let i = 1; i <= 200; i++) {
    model.step();
    if (i % 50) continue;
    await el.updateComplete;
    problems.push(...drawingProblems(el.shadowRoot!).map((p) => `after ${i} steps: ${p}`));
    const leaked = (el.shadowRoot!.textContent ?? '').replace(alertOf(el), '').match(/.{0,30}(NaN|Infinity).{0,30}/g);
    if (leaked) problems.push(`after ${i} steps shows ${leaked.join(' | ')}`);
  }
  return problems;
}

/** In train mode: trains for thirty frames and checks what is drawn, whatever the learning rate did to the weights. */
async function convolutionTraining(el: LitElement): Promise<string[]> {
  const cnn = el as LitElement & { mode: string; play(): void; pause(): void; filtersValues: number[][][] };
  if (cnn.mode !== 'train' || alertOf(el)) return [];
  cnn.play();
  for (let i = 0; i < 30; i++) await nextFrame();
  cnn.pause();
  await el.updateComplete;
  const problems = drawingProblems(el.shadowRoot!).map((p) => `after training: ${p}`);
  const leaked = (el.shadowRoot!.textContent ?? '').replace(alertOf(el), '').match(/.{0,30}(NaN|Infinity|undefined).{0,30}/g);
  if (leaked) problems.push(`after training shows ${leaked.join(' | ')}`);
  return problems;
}

/** <nn-digits>: trains to its epochs (or thirty frames), with a digit drawn; everything drawn must stay finite. */
async function digitsTraining(el: LitElement): Promise<string[]> {
  const digits = el as LitElement & { play(): void; pause(): void; image: number[] };
  if (alertOf(el)) return [];
  digits.image = Array.from({ length: 784 }, (_, i) => (i % 28 > 10 && i % 28 < 16 ? 1 : 0));
  digits.play();
  for (let i = 0; i < 30; i++) await nextFrame();
  digits.pause();
  await el.updateComplete;
  const problems = drawingProblems(el.shadowRoot!).map((p) => `after training: ${p}`);
  const leaked = (el.shadowRoot!.textContent ?? '').replace(alertOf(el), '').match(/.{0,30}(NaN|Infinity|undefined).{0,30}/g);
  if (leaked) problems.push(`after training shows ${leaked.join(' | ')}`);
  return problems;
}

const show = (attributes: Record<string, string>) =>
  Object.entries(attributes)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ');

describe('finite extremes in every numeric attribute', function () {
  this.timeout(120_000);

  for (const { tag, base, cases } of ELEMENTS) {
    it(`<${tag}>: ${cases.length} cases`, async () => {
      const problems: string[] = [];
      for (const { attributes, axe } of cases) {
        // One element at a time, at the top of the page, so each is drawn in view.
        const holder = document.createElement('div');
        holder.style.cssText = 'position: absolute; left: 0; top: 0; width: 600px';
        document.body.append(holder);
        const el = document.createElement(tag) as LitElement;
        for (const [name, value] of Object.entries({ ...base, ...attributes })) el.setAttribute(name, value);
        const { warnings, errors } = await captureConsole(async () => {
          holder.append(el);
          await settle(el);
          await loaded(el);
          await settle(el);
        });
        const found = inspect(el, warnings, errors);
        if (tag === 'nn-activation-plot') found.push(...(await probeKeys(el)));
        if (tag === 'nn-loss-surface') found.push(...(await surfaceSteps(el)));
        if (tag === 'nn-attention') found.push(...(await attentionSteps(el)));
        if (tag === 'nn-backprop') found.push(...(await backpropUpdates(el)));
        if (tag === 'nn-convolution') found.push(...(await convolutionTraining(el)));
        if (tag === 'nn-digits') found.push(...(await digitsTraining(el)));
        if (axe && !found.length) {
          try {
            await expect(el).to.be.accessible();
          } catch (error) {
            found.push(`axe: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`);
          }
        }
        problems.push(...found.map((problem) => `${show(attributes)}: ${problem}`));
        holder.remove();
      }
      const unique = [...new Set(problems)];
      expect(unique, `${unique.length} problems:\n  ${unique.slice(0, 30).join('\n  ')}\n`).to.deep.equal([]);
    });
  }

  it('<nn-network>: a model whose sums overflow shows a message, not a drawing of NaN', async () => {
    const el = await fixture<LitElement>(html`<nn-network src="/test/fixtures/hostile/extreme-model.json"></nn-network>`);
    const { errors } = await captureConsole(async () => {
      await loaded(el);
      await settle(el);
    });
    expect(errors).to.deep.equal([]);
    expect(alertOf(el)).to.match(/overflow/);
    expect(drawingProblems(el.shadowRoot!)).to.deep.equal([]);
  });
});
