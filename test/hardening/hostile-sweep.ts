/**
 * Hostile attributes (issue 7). Every attribute of every element, as the custom-elements
 * manifest lists them (so a new attribute is swept at once, and fails the "knows what every
 * attribute accepts" test until a rule is written for it), is fed a corpus of bad values.
 * For each (element, attribute, value):
 * - nothing throws out of the element and no promise rejects unhandled;
 * - no injected script runs (window.__pwned stays unset), Object.prototype is not polluted,
 *   and no markup from the value becomes elements (no img/script/iframe/b…, no on* attribute,
 *   no javascript: link) anywhere in the shadow roots or the page;
 * - the element answers within FREEZE_MS, and shows readers neither "NaN" nor "undefined"
 *   (beyond the writer's own text quoted back in a message);
 * - an inline message (role="alert") shows exactly when the value is unusable. What is usable
 *   is written per attribute in SPECS from the element's documentation, not from its code:
 *   numbers in their documented range, names in the core's registries, list lengths that fit
 *   the other attributes' defaults, any text for labels (which must then appear as text);
 * - one console warning at most, and none without a message;
 * - removing the attribute (or setting a good value again) leaves no message and the same
 *   key numbers and words as a fresh element.
 * One element per type is reused across values. Then: a message must outlive a change of
 * another attribute; hostile JSON in a child <script type="application/json">; and properties
 * set from a script to the wrong type.
 */
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { activations, datasets, losses, optimizers, parseFeatures, regularizations, scalarActivationNames, surfaces, validateLayers } from '../../src/index.js';
import { NEURON_STRINGS, PLOT_STRINGS } from '../../components/index.js';
import { CONTROL_NAMES } from '../../components/nn-trainer/controls.js';
import { ENGLISH as TRAINER_WORDS } from '../../components/nn-trainer/nn-trainer.settings.js';
import { NETWORK_STRINGS } from '../../components/nn-network/nn-network.strings.js';
import { SURFACE_STRINGS } from '../../components/nn-loss-surface/nn-loss-surface.strings.js';
import { RNN_STRINGS } from '../../components/nn-rnn/nn-rnn.strings.js';
import { BACKPROP_STRINGS } from '../../components/nn-backprop/nn-backprop.strings.js';
import { CONVOLUTION_STRINGS } from '../../components/nn-convolution/nn-convolution.strings.js';
import { ATTENTION_STRINGS } from '../../components/nn-attention/nn-attention.strings.js';
import { DIGITS_STRINGS } from '../../components/nn-digits/nn-digits.strings.js';
import { HOSTILE_GROUPS } from './hostile-groups.js';

// ---------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------

const PWN = 'window.__pwned=1';

/** Empty and blank values. */
const BLANK = ['', ' ', '   ', '\t', '\n', '\r\n', ' \n\t ', '\u00a0', '\u2003', '\u200b', '\ufeff', '\u2028'];

/** Single numbers a writer should not give, or might give by mistake. */
const NUMBERS = [
  'NaN', 'nan', '-NaN', 'Infinity', '-Infinity', '+Infinity', 'infinity', 'Inf', '∞', '-∞',
  '-0', '+0', '0', '0.0', '1e308', '-1e308', '1e309', '-1e309', '1.7976931348623157e308', '1e-320', '-1e-320', '5e-324',
  '9007199254740993', '-9007199254740993', '2147483648', '-2147483649', '999999999999999999999', '9'.repeat(400),
  '0x10', '-0x10', '0b101', '0o17', '1e', 'e1', '1e+', '1e-', '--1', '+-1', '-+1', '++1', '1..2', '1.2.3', '.5', '5.', '.', '-', '+',
  '−1', '1_000', '1 000', '١٢', '１２', '½', '1/2', '2^3', '1e3', '1E3', '-1e3', '1e-7', '0.1e1', '  7  ', '007', '-007',
  '-1', '-2', '-0.5', '0.5', '1', '2', '3', '2.5', '6', '64', '65', '100', '1000', '1e9', '-1e9',
];

/** Layer sizes and lists: negative, fractional, huge, too many, mismatched, oddly separated. */
const LISTS = [
  '-2,4,1', '0,0', '2,0,1', '2.5,3', '2,2.5,1', '2,10000,1', `2,${'4,'.repeat(50)}1`, '1,1', '4096,2', '2,4097,1', '1e9,1e9',
  '2,1e9,1', '1000,1000,1000', '3,4,2', '8,8', '4,2',
  ',', ',,,', ', , ,', '1,,2', ',1', '1,', '1;2', '1 2', '1\t2', '1|2', '[1,2]', '(1,2)', 'a,b', '1,a', 'NaN,NaN', '1,NaN',
  'Infinity,1', '1,Infinity', '1,-Infinity', '1e308,1e308', '-1e308,1e308', '1.7976931348623157e308,1.7976931348623157e308',
  '1,2', '1, 0.5', '0.5, -1, 2', '1,2,3', '1,2,3,4', '0,1', '1,0', '0, 1, 1', '1,2,3,4,5,6,7,8,9,10,11,12,13', '−1, −2',
];

/** Names: near misses of real ones, unknown ones, and keys every object inherits. */
const NAMES = [
  'sigmoid', 'SIGMOID', ' sigmoid ', 'tanh', 'softmax', 'step', 'relu', 'linear', 'sigmoid,tanh', 'sigmoid, softmax',
  'sigmoid,,tanh', 'sig moid', 'sigmoid;tanh', 'unknown', 'foo', 'none', 'None', 'all', 'all,inputs', 'circle', 'CIRCLE',
  'xor', 'sine', 'mse', 'cross-entropy', 'adam', 'Adam', 'l1', 'L2', 'x1', 'x1,x2', 'x1sq', 'x1^2', 'sin(x1)', 'x3',
  'inputs', 'weights', 'bias', 'inputs,bias', 'input weight', 'play', 'play,step', 'play step', 'boundary', 'loss',
  'network', 'neurons', 'boundary,nothing', 'range', 'binary', 'Range', 'mocha-nonexistent-id',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__',
  'constructor,__proto__', 'toString,valueOf', 'inputs,__proto__',
];

/** Text that parsers may mistake for something else. */
const LITERALS = [
  'null', 'undefined', 'true', 'false', '[]', '{}', '{"a":1}', '[[1,2],[3]]', '{"inputs":[[1]],"targets":[[1]]}',
  '"quoted"', "'single'", '`tick`', '\\', '\\u0000', 'null,null', 'undefined,undefined', '\u0000', '%00', '%', '?', '#', '#x',
];

/** Unicode: direction marks, emoji, combining characters, joiners, full-width look-alikes. */
const UNICODE = [
  '\u200f', '\u200e1', '\u202egnirts', '\u200d', '👩‍👩‍👧‍👦', '🧠', '🔥,💧', 'e\u0301', 'Z̴̡̛̤͔̮a̵l̷g̶o̸', 'Ｎａｎ', 'ＮａＮ',
  'Ｉｎｆｉｎｉｔｙ', 'שלום', 'مرحبا', '中文,日本語', '\ud800', 'Go for a walk? 🚶‍♀️',
];

/** Markup and script that must stay text. */
const INJECTIONS = [
  `<img src=x onerror="${PWN}">`, `<script>${PWN}</script>`, `"><svg onload=${PWN}>`, `'><svg/onload=${PWN}>`,
  `javascript:${PWN}`, `JaVaScRiPt:${PWN}`, ` javascript:${PWN}`, `{{constructor.constructor('${PWN}')()}}`, `\${${PWN}}`,
  `<iframe src="javascript:${PWN}"></iframe>`, '<style>*{display:none}</style>', `</style><img src=x onerror=${PWN}>`,
  '<!--', ']]>', `<math><mi xlink:href="javascript:${PWN}">x</mi></math>`, `data:text/html,<script>${PWN}</script>`,
  '&lt;b&gt;', '&amp;', '<b>bold</b>', `x" onmouseover="${PWN}`, `x' onfocus='${PWN}' autofocus='`,
  `--><script>${PWN}</script>`, `<svg><script>${PWN}</script></svg>`, `<img src=x onerror=${PWN}>,<b>2</b>`,
  `sigmoid<img src=x onerror=${PWN}>`, `1,<img src=x onerror=${PWN}>`,
];

/** JSON of the wrong shape, and prototype-pollution keys. */
const JSONS = [
  '{"format":"nn-kit.model"}', '{"layers":"3,4,2"}', '[[1,2],[3,4]]', '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}', '{"inputs":"x"}', '[{"__proto__":{"polluted":1}}]',
];

/** The test server's hostile fixtures. */
const FIXTURES = `${location.origin}/test/fixtures/hostile`;

/**
 * URLs that 404, fail, or answer with something that is not the expected data. While `src`
 * is swept, relative URLs resolve against a closed port on this machine (see SWEEP_BASE), so
 * only these absolute ones reach the test server.
 */
const URLS = [
  `${location.origin}/does-not-exist.json`, './missing.json', '../../../etc/passwd', 'http://127.0.0.1:1/refused.json',
  'file:///etc/passwd', 'about:blank', 'blob:null/1', 'data:,1,2', 'data:application/json,{"__proto__":{"polluted":1}}',
  `${FIXTURES}/garbage.json`, `${FIXTURES}/markup.json`, `${FIXTURES}/empty.json`, `${FIXTURES}/proto-model.json`,
  `${FIXTURES}/proto-data.json`, `${FIXTURES}/strings-data.csv`, `${FIXTURES}/`,
];

/**
 * The base URL while `src` is swept: a port nothing listens on, so the hundreds of corpus
 * values that read as relative URLs fail fast on this machine instead of filling the test
 * server's log with 404s (the real 404 above still reaches it).
 */
const SWEEP_BASE = 'http://127.0.0.1:1/';

/** Very long values. */
const LONG = [
  'x'.repeat(100_000),
  Array.from({ length: 10_000 }, (_, i) => (i % 7) - 3).join(','),
  'sigmoid,'.repeat(5_000),
  `${'1,'.repeat(50_000)}1`,
];

const CORPUS: readonly string[] = [
  ...new Set([...BLANK, ...NUMBERS, ...LISTS, ...NAMES, ...LITERALS, ...UNICODE, ...INJECTIONS, ...JSONS, ...URLS, ...LONG]),
];

// ---------------------------------------------------------------------------------------
// What each element accepts, read from its documentation (not from its code)
// ---------------------------------------------------------------------------------------

/** Reads a number as the docs promise: Number() of the trimmed text; a true minus sign is a minus. */
const num = (text: string) => {
  const t = text.trim().replace(/^\u2212/, '-');
  return t === '' ? Number.NaN : Number(t);
};
/** A list of numbers: commas or spaces separate, empty items are skipped. */
const numList = (text: string) => text.split(/[,\s]+/).filter((t) => t.trim() !== '').map(num);
/** A list of names or labels: commas separate, items are trimmed, empty items skipped. */
const nameList = (text: string) => text.split(',').map((t) => t.trim()).filter((t) => t !== '');
const own = (table: object, key: string) => Object.hasOwn(table, key);

interface Range {
  min?: number;
  max?: number;
  above?: number;
  below?: number;
  integer?: boolean;
}
const inRange = (n: number, r: Range) =>
  Number.isFinite(n) &&
  (r.min == null || n >= r.min) &&
  (r.max == null || n <= r.max) &&
  (r.above == null || n > r.above) &&
  (r.below == null || n < r.below) &&
  (!r.integer || Number.isInteger(n));

type Accepts = (value: string) => boolean;
const number = (r: Range = {}): Accepts => (v) => inRange(num(v), r);
const numbers = (r: Range & { length?: number; most?: number } = {}): Accepts => (v) => {
  const list = numList(v);
  return (
    list.length > 0 &&
    (r.length == null || list.length === r.length) &&
    (r.most == null || list.length <= r.most) &&
    list.every((n) => inRange(n, r))
  );
};
const always: Accepts = () => true;
/** `strings`: blank, or JSON of an object whose keys are among the element's strings and whose values are text. */
const stringsOf = (table: object): Accepts => (v) => {
  if (v.trim() === '') return true;
  try {
    const words: unknown = JSON.parse(v);
    return typeof words === 'object' && words !== null && !Array.isArray(words) && Object.entries(words).every(([key, text]) => own(table, key) && typeof text === 'string');
  } catch {
    return false;
  }
};
const scalar = (name: string) => own(activations, name) && !activations[name].applyVector;
const trainable = (name: string) => own(activations, name) && activations[name].trainable;
/** `for`: an id that is not there yet is fine (it may appear later); another kind of element is not. */
const forNeuron: Accepts = (v) => {
  const target = v.trim() ? document.getElementById(v.trim()) : null;
  return !target || target.localName === 'nn-neuron';
};
const layerList = (list: number[]) => {
  try {
    validateLayers(list);
    return true;
  } catch {
    return false;
  }
};

interface AttributeRule {
  /** True when the element can apply the value (no message); false when it must show one. */
  accepts: Accepts;
  /** Free text shown to readers: the value must appear as text. */
  text?: (value: string) => string;
  /** A good value equal to the default, set back every other time instead of removing the attribute. */
  good?: string;
}

interface ElementSpec {
  tag: string;
  /** Good attributes the reused element starts with, set back after each value (to keep a heavy element light). */
  base?: Record<string, string>;
  rules: Record<string, AttributeRule>;
  /** The numbers and words a reader sees, to compare with a fresh element's. */
  snapshot(el: HTMLElement): unknown;
  /** True while the element waits for a load (no event tells when it ends). */
  busy?(el: HTMLElement): boolean;
  /** Width of the host, for stable drawings. */
  width?: number;
}

const shadow = (el: Element) => el.shadowRoot!;
const textOf = (el: Element, selector: string) => shadow(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const attrOf = (el: Element, selector: string, name: string) => shadow(el).querySelector(selector)?.getAttribute(name) ?? '';
const firstLabel = (v: string) => nameList(v)[0] ?? '';

const SPECS: ElementSpec[] = [
  {
    tag: 'nn-neuron',
    rules: {
      inputs: { accepts: numbers({ length: 2 }), good: '1, 0.5' },
      weights: { accepts: numbers({ length: 2 }), good: '0.8, -0.6' },
      bias: { accepts: number(), good: '0.1' },
      activation: { accepts: (v) => scalar(v.trim().toLowerCase()), good: 'sigmoid' },
      labels: { accepts: always, text: firstLabel },
      'output-label': { accepts: always, text: (v) => v.trim() || 'Output', good: 'Output' },
      // "binary" is unusable with the default inputs 1 and 0.5.
      'input-type': { accepts: (v) => v === 'range', good: 'range' },
      'input-min': { accepts: number({ below: 1 }), good: '0' },
      'input-max': { accepts: number({ above: 0 }), good: '1' },
      step: { accepts: number({ above: 0 }) },
      threshold: { accepts: number() },
      precision: { accepts: number({ min: 0, max: 6, integer: true }), good: '2' },
      editable: {
        accepts: (v) => {
          const tokens = v.toLowerCase().split(/[,\s]+/).filter((t) => t !== '');
          if (tokens.length === 0 || (tokens.length === 1 && ['all', 'none'].includes(tokens[0]))) return true;
          return tokens.every((t) => ['inputs', 'weights', 'bias', 'input', 'weight', 'biases'].includes(t));
        },
        good: 'all',
      },
      'show-plot': { accepts: always },
      strings: { accepts: stringsOf(NEURON_STRINGS) },
    },
    snapshot: (el) => {
      const n = el as HTMLElement & { z: number; output: number };
      return [n.z, n.output, textOf(el, '.headline'), attrOf(el, 'svg.diagram', 'aria-label'), !!shadow(el).querySelector('nn-activation-plot')];
    },
  },
  {
    tag: 'nn-activation-plot',
    rules: {
      // At most one curve per scalar activation (a longer list can only repeat one).
      activation: {
        accepts: (v) => nameList(v).length > 0 && nameList(v).length <= scalarActivationNames.length && nameList(v).every((n) => scalar(n.toLowerCase())),
        good: 'sigmoid',
      },
      'x-min': { accepts: number({ below: 6 }), good: '-6' },
      'x-max': { accepts: number({ above: -6 }), good: '6' },
      derivative: { accepts: always },
      value: { accepts: number() },
      for: { accepts: forNeuron },
      height: { accepts: number({ min: 80, max: 2000 }), good: '240' },
      strings: { accepts: stringsOf(PLOT_STRINGS) },
    },
    snapshot: (el) => [
      textOf(el, '.readout'),
      textOf(el, '.legend'),
      attrOf(el, 'path.curve', 'd'),
      attrOf(el, '.plot', 'aria-valuetext'),
      attrOf(el, '.plot svg', 'height'),
      attrOf(el, '.plot svg', 'width'),
    ],
  },
  {
    tag: 'nn-trainer',
    rules: {
      // Its words and the controls' labels, by attribute name.
      strings: { accepts: stringsOf(TRAINER_WORDS) },
      data: { accepts: (v) => own(datasets, v), good: 'circle' },
      // The default data (circle) can make 2 to 6 classes.
      classes: { accepts: number({ min: 2, max: 6, integer: true }), good: '2' },
      'class-labels': { accepts: always },
      // No data is served at any corpus URL; a blank URL means no URL (as for <nn-network>).
      src: { accepts: (v) => v.trim() === '' },
      samples: { accepts: number({ min: 2, max: 10000, integer: true }), good: '500' },
      noise: { accepts: number({ min: 0, max: 50 }), good: '0' },
      // A fraction below 1, or a percentage above 1; exactly 1 would leave no test data.
      // The settings panel shows it as a percentage.
      'train-split': {
        accepts: (v) => inRange(num(v), { min: 0.01, max: 99 }) && num(v) !== 1,
        text: (v) => `${Math.round((num(v) > 1 ? num(v) / 100 : num(v)) * 100)}%`,
        good: '0.5',
      },
      features: {
        accepts: (v) => {
          try {
            return parseFeatures(nameList(v)).length > 0;
          } catch {
            return false;
          }
        },
        good: 'x1,x2',
      },
      'hidden-layers': {
        accepts: (v) => {
          if (v.trim() === '' || v.trim().toLowerCase() === 'none') return true;
          const list = numList(v);
          return list.length > 0 && list.every((n) => inRange(n, { min: 1, max: 64, integer: true })) && layerList([2, ...list, 1]);
        },
        good: '4,2',
      },
      // One name for every hidden layer, or one per hidden layer (the base network has two).
      activation: {
        accepts: (v) => {
          const names = v.split(',').map((t) => t.trim());
          return names.length <= 2 && names.every((n) => trainable(n) && !activations[n].applyVector);
        },
        good: 'tanh',
      },
      // A rate for every hidden layer, or one per hidden layer, from 0 to 0.99.
      dropout: { accepts: numbers({ min: 0, max: 0.99, most: 2 }), good: '0' },
      'output-activation': { accepts: trainable, good: 'sigmoid' },
      loss: { accepts: (v) => own(losses, v), good: 'binary-cross-entropy' },
      optimizer: { accepts: (v) => own(optimizers, v), good: 'sgd' },
      'learning-rate': { accepts: number({ min: 0, max: 1000 }), good: '0.03' },
      'batch-size': { accepts: number({ min: 1, max: 10000, integer: true }), good: '10' },
      regularization: { accepts: (v) => own(regularizations, v), good: 'none' },
      'regularization-rate': { accepts: number({ min: 0, max: 1000 }), good: '0' },
      // "none" means no limit, like no attribute.
      epochs: { accepts: (v) => v.trim().toLowerCase() === 'none' || number({ min: 1, integer: true })(v) },
      seed: { accepts: number({ min: -2147483648, max: 2147483647, integer: true }), good: '1' },
      // Settings as name=value; name=value: no corpus value is one, and a blank state restores nothing.
      state: { accepts: (v) => v.trim() === '' },
      discretize: { accepts: always },
      autoplay: { accepts: always },
      speed: { accepts: number({ min: 0.01, max: 100 }), good: '1' },
      controls: {
        accepts: (v) => nameList(v).every((n) => n === 'none' || (CONTROL_NAMES as readonly string[]).includes(n)),
        // The default: every control but speed, points and dropout.
        good: CONTROL_NAMES.filter((n) => n !== 'speed' && n !== 'points' && n !== 'dropout').join(','),
      },
      show: { accepts: (v) => nameList(v).every((n) => ['boundary', 'loss', 'network', 'neurons'].includes(n)), good: 'boundary,loss,network,neurons' },
    },
    snapshot: (el) => {
      const t = el as HTMLElement & {
        network?: { layers: readonly number[]; weights: Float64Array };
        trainer?: { learningRate: number; batchSize: number; regularizationRate: number; optimizer: { name: string }; regularization: { name: string }; data: { count: number } };
        epoch: number;
        playing: boolean;
      };
      return [
        t.network?.layers,
        Array.from(t.network?.weights ?? []),
        t.epoch,
        t.playing,
        t.trainer && [t.trainer.learningRate, t.trainer.batchSize, t.trainer.regularizationRate, t.trainer.optimizer.name, t.trainer.regularization.name, t.trainer.data.count],
        textOf(el, '.stats'),
        [...shadow(el).querySelectorAll('button, canvas, svg.loss-chart, nn-network, select, input')].map((e) => e.localName + (e.className ? `.${e.className}` : '')),
      ];
    },
    busy: (el) => /Loading/.test(textOf(el, 'p.status')),
    // The boundary and neuron views repaint their canvases on every update (a few ms each), which
    // would make the sweep slow: it runs with the loss chart only. `show` is swept like the rest,
    // and 'with every view shown' below draws all views for the extremes and a sample of the corpus.
    base: { show: 'loss', samples: '60' },
    width: 700,
  },
  {
    tag: 'nn-network',
    rules: {
      strings: { accepts: stringsOf(NETWORK_STRINGS) },
      layers: { accepts: (v) => numList(v).length > 0 && numList(v).every((n) => inRange(n, { min: 1, integer: true })) && layerList(numList(v)), good: '3,4,2' },
      // One name for every hidden layer, or one per hidden layer (the base network has one), spaces around each allowed.
      activation: { accepts: (v) => v.split(',').length === 1 && scalar(v.trim()), good: 'tanh' },
      'output-activation': { accepts: (v) => own(activations, v), good: 'sigmoid' },
      seed: { accepts: number(), good: '1' },
      inputs: { accepts: numbers({ length: 3 }), good: '1, 0, -1' },
      labels: { accepts: always, text: firstLabel },
      'output-labels': { accepts: always, text: firstLabel },
      // No model is served at any corpus URL; a blank one means no src.
      src: { accepts: (v) => v.trim() === '' },
      // An id that is not there (yet) shows a "waiting" note, not an error.
      for: { accepts: always },
      autoplay: { accepts: always },
    },
    snapshot: (el) => {
      const n = el as HTMLElement & { outputs: Float64Array; network?: { layers: readonly number[]; weights: Float64Array } };
      return [Array.from(n.outputs), n.network?.layers, Array.from(n.network?.weights ?? []), attrOf(el, '.diagram svg', 'aria-label'), textOf(el, '[part="outputs"]')];
    },
    busy: (el) => /Loading/.test(textOf(el, '.waiting')),
  },
  {
    tag: 'nn-loss-surface',
    rules: {
      // A name of the core's registry, spaces around it allowed.
      surface: { accepts: (v) => own(surfaces, v.trim()), good: 'bowl' },
      'learning-rate': { accepts: number({ min: 0, max: 100 }), good: '0.1' },
      // One to three names of the optimizer registry, each once.
      optimizer: {
        accepts: (v) => nameList(v).length >= 1 && nameList(v).length <= 3 && new Set(nameList(v)).size === nameList(v).length && nameList(v).every((n) => own(optimizers, n)),
        good: 'sgd',
      },
      // "x, y" inside the surface's square (the bowl's: −2 to 2), or "random".
      start: { accepts: (v) => v.trim().toLowerCase() === 'random' || numbers({ length: 2, min: -2, max: 2 })(v) },
      steps: { accepts: number({ min: 1, max: 10000, integer: true }), good: '200' },
      // "r", "min, max" or "x-min, x-max, y-min, y-max", ends within ±1e6, each axis from smaller to larger by at least 1e-6.
      range: {
        accepts: (v) => {
          const list = numList(v);
          if (!numbers({ min: -1e6, max: 1e6 })(v) || ![1, 2, 4].includes(list.length)) return false;
          const [a, b, c, d] = list.length === 1 ? [-list[0], list[0], -list[0], list[0]] : list.length === 2 ? [...list, ...list] : list;
          return b - a >= 1e-6 && d - c >= 1e-6;
        },
      },
      show: { accepts: (v) => nameList(v).every((n) => ['gradient', 'step', 'path', 'slice', 'formula', 'none'].includes(n)), good: 'gradient,step,path,slice,formula' },
      controls: {
        accepts: (v) => nameList(v).every((n) => ['play', 'step', 'reset', 'learning-rate', 'surface', 'optimizer', 'none'].includes(n)),
        good: 'play,step,reset,learning-rate,surface,optimizer',
      },
      // An id not there (yet) shows a "waiting" note, not an error; another kind of element is an error.
      for: {
        accepts: (v) => {
          const target = v.trim() ? document.getElementById(v.trim()) : null;
          return !target || target.localName === 'nn-trainer';
        },
      },
      // Blank, or two different places "[layer][to][from]" (each may start with "weights" or "w"), comma separated.
      weights: {
        accepts: (v) => {
          if (v.trim() === '') return true;
          const places = v.split(',').map((item) => /^(?:weights|w)?\s*\[\s*(\d+)\s*\]\s*\[\s*(\d+)\s*\]\s*\[\s*(\d+)\s*\]$/i.exec(item.trim()));
          return places.length === 2 && places.every(Boolean) && places[0]!.slice(1).map(Number).join() !== places[1]!.slice(1).map(Number).join();
        },
        good: '',
      },
      seed: { accepts: number(), good: '1' },
      autoplay: { accepts: always },
      // JSON of an object whose keys are SURFACE_STRINGS' and whose values are text; blank for none.
      strings: {
        accepts: (v) => {
          if (v.trim() === '') return true;
          try {
            const words = JSON.parse(v);
            return words !== null && typeof words === 'object' && !Array.isArray(words) && Object.entries(words).every(([key, text]) => own(SURFACE_STRINGS, key) && typeof text === 'string');
          } catch {
            return false;
          }
        },
      },
    },
    snapshot: (el) => {
      const s = el as HTMLElement & { path: unknown; playing: boolean };
      return [s.path, s.playing, textOf(el, '.title'), textOf(el, '.rate output'), textOf(el, '.legend'), attrOf(el, '.map', 'aria-label'), attrOf(el, 'svg.overlay', 'width')];
    },
  },
  {
    tag: 'nn-backprop',
    rules: {
      // 2 to 6 whole numbers from 1 to 10.
      layers: { accepts: (v) => numList(v).length >= 2 && numList(v).length <= 6 && numList(v).every((n) => inRange(n, { min: 1, max: 10, integer: true })), good: '2,2,2' },
      activation: { accepts: (v) => scalar(v.trim()), good: 'sigmoid' },
      'output-activation': { accepts: (v) => own(activations, v.trim()), good: 'sigmoid' },
      loss: { accepts: (v) => own(losses, v.trim()), good: 'mse' },
      // One number per input and per output of the default 2-2-2 network, each within ±1e6.
      inputs: { accepts: numbers({ length: 2, min: -1e6, max: 1e6 }) },
      target: { accepts: numbers({ length: 2, min: -1e6, max: 1e6 }) },
      'learning-rate': { accepts: number({ min: 0, max: 100 }), good: '0.5' },
      seed: { accepts: number(), good: '1' },
      // No model is served at any corpus URL; a blank one means no src.
      src: { accepts: (v) => v.trim() === '' },
      phase: { accepts: (v) => ['forward', 'loss', 'backward', 'update'].includes(v.trim()), good: 'forward' },
      // Blank, or a weight "weights[l][j][i]" or a bias "biases[l][j]" (or just the brackets) of the 2-2-2 network.
      select: {
        accepts: (v) => {
          if (v.trim() === '') return true;
          const match = /^(weights|biases|w|b)?\s*((?:\[\s*\d+\s*\]\s*){2,3})$/i.exec(v.trim());
          const indices = match ? [...match[2].matchAll(/\d+/g)].map((m) => Number(m[0])) : [];
          const kind = match?.[1]?.toLowerCase() ?? '';
          if (!match || (indices.length === 2 ? kind.startsWith('w') : kind.startsWith('b'))) return false;
          return indices.every((n) => n <= 1);
        },
        good: '',
      },
      show: { accepts: (v) => nameList(v).every((n) => ['values', 'gradients', 'chain', 'nudge', 'table', 'none'].includes(n)), good: 'values,gradients,chain,nudge' },
      controls: { accepts: (v) => nameList(v).every((n) => ['step', 'back', 'reset', 'select', 'nudge', 'update', 'none'].includes(n)), good: 'step,back,reset,select,nudge,update' },
      precision: { accepts: number({ min: 0, max: 8, integer: true }), good: '3' },
      // An id not there (yet) shows a "waiting" note, not an error; another kind of element is an error.
      for: {
        accepts: (v) => {
          const target = v.trim() ? document.getElementById(v.trim()) : null;
          return !target || target.localName === 'nn-trainer';
        },
      },
      sample: { accepts: number({ min: 0, integer: true }), good: '0' },
      strings: { accepts: stringsOf(BACKPROP_STRINGS) },
    },
    snapshot: (el) => {
      const b = el as HTMLElement & { currentLoss: number; stage: unknown; gradients: unknown };
      return [b.currentLoss, b.stage, b.gradients, textOf(el, '.stage'), textOf(el, '.progress'), attrOf(el, '[part="diagram"]', 'aria-label'), attrOf(el, 'svg.diagram', 'width')];
    },
    busy: (el) => /Loading/.test(textOf(el, '.note')),
  },
  {
    tag: 'nn-convolution',
    rules: {
      mode: { accepts: (v) => ['explore', 'train'].includes(v.trim()), good: 'explore' },
      // A sample's name (any case), or rows of numbers ("0 1; 1 0"), rows by ";" or new lines, values by
      // commas or spaces, all rows as long, 1 to 32 a side, each within ±1e6; the default 3 × 3 kernel
      // without padding needs at least 3 × 3.
      image: {
        accepts: (v) => {
          const t = v.trim();
          if (/^[a-z][a-z0-9-]*$/i.test(t)) return ['square', 'cross', 'diagonal', 'ring', 'stripes', ...Array.from({ length: 10 }, (_, d) => `digit-${d}`)].includes(t.toLowerCase());
          const rows = t.split(/[;\n|]+/).map((row) => row.trim()).filter((row) => row !== '').map((row) => row.split(/[,\s]+/).filter((x) => x !== '').map(num));
          return rows.length >= 3 && rows.length <= 32 && rows[0].length >= 3 && rows[0].length <= 32 && rows.every((row) => row.length === rows[0].length && row.every((x) => Number.isFinite(x) && Math.abs(x) <= 1e6));
        },
        good: 'square',
      },
      // A name of the kernels (any case), or a square count of numbers within ±1e6 (1, 4, 9 … 49).
      kernel: {
        accepts: (v) => {
          const t = v.trim();
          if (/^[a-z-]+$/i.test(t)) return ['edge-x', 'edge-y', 'blur', 'sharpen', 'identity'].includes(t.toLowerCase());
          const list = t.split(/[,;\s]+/).filter((x) => x !== '').map(num);
          const side = Math.round(Math.sqrt(list.length));
          return side >= 1 && side <= 7 && list.length === side * side && list.every((x) => Number.isFinite(x) && Math.abs(x) <= 1e6);
        },
        good: 'edge-x',
      },
      'kernel-size': { accepts: number({ min: 1, max: 7, integer: true }) },
      stride: { accepts: number({ min: 1, max: 8, integer: true }), good: '1' },
      padding: { accepts: number({ min: 0, max: 8, integer: true }), good: '0' },
      bias: { accepts: number({ min: -100, max: 100 }), good: '0' },
      activation: { accepts: (v) => scalar(v.trim()) && v.trim() !== 'step', good: 'relu' },
      pool: { accepts: (v) => ['none', 'max', 'average'].includes(v.trim()), good: 'none' },
      'pool-size': { accepts: number({ min: 1, max: 8, integer: true }), good: '2' },
      filters: { accepts: number({ min: 1, max: 16, integer: true }), good: '6' },
      'learning-rate': { accepts: number({ min: 0.0001, max: 10 }), good: '0.01' },
      optimizer: { accepts: (v) => own(optimizers, v.trim()), good: 'adam' },
      epochs: { accepts: number({ min: 1, max: 100, integer: true }), good: '10' },
      seed: { accepts: number(), good: '1' },
      show: { accepts: (v) => nameList(v).every((n) => ['products', 'size', 'pool', 'filters', 'maps', 'confusion', 'none'].includes(n)), good: 'products,size,pool,filters,maps,confusion' },
      controls: {
        accepts: (v) => nameList(v).every((n) => ['image', 'draw', 'kernel', 'kernel-size', 'stride', 'padding', 'bias', 'activation', 'pool', 'play', 'reset', 'learning-rate', 'optimizer', 'none'].includes(n)),
        good: 'image,draw,kernel,kernel-size,stride,padding,bias,activation,pool,play,reset,learning-rate,optimizer',
      },
      autoplay: { accepts: always },
      strings: { accepts: stringsOf(CONVOLUTION_STRINGS) },
    },
    snapshot: (el) => {
      const c = el as HTMLElement & { output: unknown; pooled: unknown };
      return [c.output, c.pooled, textOf(el, '.size'), textOf(el, '.status'), attrOf(el, 'svg.image', 'aria-label')];
    },
    busy: (el) => /Loading/.test(textOf(el, '.message')),
  },
  {
    tag: 'nn-attention',
    rules: {
      mode: { accepts: (v) => ['explore', 'train'].includes(v.trim()), good: 'explore' },
      // Any text, split into tokens at white space: at most 256 tokens; each shown as text (the first, cut to 24 characters).
      tokens: {
        accepts: (v) => v.split(/\s+/).filter((t) => t !== '').length <= 256,
        text: (v) => {
          const first = [...(v.split(/\s+/).filter((t) => t !== '')[0] ?? '')];
          return first.length > 24 ? `${first.slice(0, 23).join('')}…` : first.join('');
        },
      },
      // 1 to 64 whole, a multiple of heads (default 1).
      'd-model': { accepts: number({ min: 1, max: 64, integer: true }), good: '8' },
      // 1 to 8 whole, dividing d-model (default 8).
      heads: { accepts: (v) => inRange(num(v), { min: 1, max: 8, integer: true }) && 8 % num(v) === 0, good: '1' },
      // The head drawn, 1 to heads (default 1).
      head: { accepts: (v) => num(v) === 1, good: '1' },
      causal: { accepts: always },
      temperature: { accepts: number({ min: 0.01, max: 1e6 }), good: '1' },
      // A token's position, 1 to the 12 tokens of the default sentence, or 0 for none.
      select: { accepts: number({ min: 0, max: 12, integer: true }), good: '0' },
      seed: { accepts: number(), good: '1' },
      task: { accepts: (v) => ['reverse', 'sort', 'copy'].includes(v.trim()), good: 'reverse' },
      length: { accepts: number({ min: 2, max: 6, integer: true }), good: '4' },
      'learning-rate': { accepts: number({ min: 0, max: 10 }), good: '0.01' },
      optimizer: { accepts: (v) => own(optimizers, v.trim()), good: 'adam' },
      show: { accepts: (v) => nameList(v).every((n) => ['vectors', 'scores', 'weights', 'mix', 'none'].includes(n)), good: 'vectors,scores,weights,mix' },
      controls: {
        accepts: (v) => nameList(v).every((n) => ['text', 'causal', 'head', 'temperature', 'play', 'step', 'reset', 'task', 'example', 'none'].includes(n)),
        good: 'text,causal,head,temperature,play,step,reset,task,example',
      },
      // No model JSON is served at any corpus URL; a blank one means no src.
      src: { accepts: (v) => v.trim() === '' },
      strings: { accepts: stringsOf(ATTENTION_STRINGS) },
    },
    snapshot: (el) => {
      const a = el as HTMLElement & { weights: unknown; playing: boolean };
      return [a.weights, a.playing, textOf(el, '.title'), textOf(el, '.tokens'), attrOf(el, 'canvas.weights', 'aria-label')];
    },
    busy: (el) => /Loading/.test(textOf(el, '.loading')),
  },
  {
    tag: 'nn-rnn',
    rules: {
      // parity or count, spaces around allowed; "text" needs a text (the element has none here).
      task: { accepts: (v) => ['parity', 'count'].includes(v.trim()) },
      // Any text of 2 to 20 000 characters (graphemes), with 2 to 128 different ones; a written text asks for task "text".
      text: {
        accepts: (v) => {
          if (v.length > 20_000 * 32) return false;
          const chars = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(v), (part) => part.segment);
          const different = new Set(chars).size;
          return chars.length >= 2 && chars.length <= 20_000 && different >= 2 && different <= 128;
        },
      },
      'hidden-size': { accepts: number({ min: 1, max: 32, integer: true }), good: '8' },
      cell: { accepts: (v) => ['rnn', 'gru'].includes(v.trim()), good: 'rnn' },
      unroll: { accepts: number({ min: 1, max: 32, integer: true }), good: '8' },
      'learning-rate': { accepts: number({ min: 0, max: 10 }), good: '0.01' },
      optimizer: { accepts: (v) => own(optimizers, v.trim()), good: 'adam' },
      clip: { accepts: number({ min: 0, max: 1e6 }), good: '5' },
      temperature: { accepts: number({ min: 0.05, max: 5 }), good: '0.7' },
      seed: { accepts: number(), good: '1' },
      show: { accepts: (v) => nameList(v).every((n) => ['formula', 'states', 'predictions', 'gradients', 'none'].includes(n)), good: 'formula,states,predictions,gradients' },
      controls: {
        accepts: (v) => nameList(v).every((n) => ['play', 'step', 'reset', 'time', 'task', 'cell', 'unroll', 'sample', 'none'].includes(n)),
        good: 'play,step,reset,time,task,cell,unroll,sample',
      },
      autoplay: { accepts: always },
      strings: { accepts: stringsOf(RNN_STRINGS) },
    },
    snapshot: (el) => {
      const r = el as HTMLElement & { sequence: string[]; hiddenStates: number[][]; epoch: number; playing: boolean };
      return [r.sequence, r.hiddenStates, r.epoch, r.playing, textOf(el, '.title'), textOf(el, '.score'), attrOf(el, '.unrolled', 'aria-label')];
    },
    width: 700,
  },
  {
    tag: 'nn-digits',
    // Forty digits in the kit's text format: a reused element rebuilds in a moment. The
    // network view is swept with `show` like the rest.
    base: { src: `${location.origin}/test/fixtures/digits-small.txt`, show: 'input,probabilities,confusion,loss' },
    rules: {
      // Whole numbers from 1 to 4096 between the 64 inputs and the 10 outputs, within the core's limits.
      'hidden-layers': { accepts: (v) => numList(v).length > 0 && numList(v).every((n) => inRange(n, { min: 1, max: 4096, integer: true })) && layerList([64, ...numList(v), 10]), good: '64' },
      activation: { accepts: (v) => scalar(v.trim()) && trainable(v.trim()), good: 'relu' },
      'learning-rate': { accepts: number({ min: 0, max: 10 }), good: '0.005' },
      optimizer: { accepts: (v) => own(optimizers, v.trim()), good: 'adam' },
      'batch-size': { accepts: number({ min: 1, max: 10000, integer: true }), good: '16' },
      epochs: { accepts: number({ min: 1, max: 1000, integer: true }), good: '10' },
      seed: { accepts: number(), good: '1' },
      'train-split': { accepts: number({ min: 0.05, max: 0.95 }), good: '0.8' },
      autoplay: { accepts: always },
      // Only the fixture is digits; blank means the shipped ones.
      src: { accepts: (v) => v.trim() === '' || v.trim() === `${location.origin}/test/fixtures/digits-small.txt` },
      // No model is served at any corpus URL; a blank one means none.
      model: { accepts: (v) => v.trim() === '', good: '' },
      show: { accepts: (v) => nameList(v).every((n) => ['input', 'network', 'probabilities', 'confusion', 'loss', 'none'].includes(n)), good: 'input,network,probabilities,confusion,loss' },
      controls: { accepts: (v) => nameList(v).every((n) => ['play', 'reset', 'draw', 'samples', 'none'].includes(n)), good: 'play,reset,draw,samples' },
      strings: { accepts: stringsOf(DIGITS_STRINGS) },
    },
    snapshot: (el) => {
      const d = el as HTMLElement & { epoch: number; accuracy: number; probabilities: number[]; network?: { layers: readonly number[]; weights: Float64Array } };
      // Before the first epoch the status only tells how far the distorted copies are made, which runs in idle time.
      return [d.epoch, d.accuracy, d.probabilities, d.network?.layers, Array.from(d.network?.weights ?? []), d.epoch === 0 ? 'untrained' : textOf(el, '.status'), textOf(el, '.guess')];
    },
    busy: (el) => /Loading/.test(textOf(el, '.note')),
  },
];

// ---------------------------------------------------------------------------------------
// Watching the page
// ---------------------------------------------------------------------------------------

const win = window as unknown as { __pwned?: unknown };
const errors: string[] = [];
let warnings = 0;
const onError = (event: ErrorEvent) => errors.push(`uncaught ${event.message}`);
const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandled rejection ${String(event.reason?.stack ?? event.reason)}`);
const realWarn = console.warn;

/**
 * How long one value may keep the page busy before it counts as a freeze. (A synchronous
 * endless loop cannot be timed out from inside the page: the test runner's own time limit
 * fails the run then.)
 */
const FREEZE_MS = 4000;
const TIMEOUT = Symbol('timeout');
/** Waits for one task (a MessageChannel message: unlike setTimeout, never clamped to 4 ms). */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: ReturnType<typeof setTimeout>;
  const limit = new Promise<typeof TIMEOUT>((resolve) => (timer = setTimeout(() => resolve(TIMEOUT), ms)));
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Every element in a shadow root, nested shadow roots included. */
function deepElements(root: ParentNode, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) deepElements(el.shadowRoot, out);
  }
  return out;
}

/** The nn-kit elements one element may draw inside its shadow root. */
const NESTED = 'nn-activation-plot, nn-network, nn-neuron, nn-trainer, nn-loss-surface';

/** Waits for the element and the nn-kit elements inside it to finish updating, and for loads to end. */
async function settle(el: LitElement, spec: ElementSpec): Promise<boolean> {
  try {
    return await settleOrThrow(el, spec);
  } catch (error) {
    // An update that threw (lit rethrows it from updateComplete): a failure like any uncaught error.
    errors.push(`update threw ${(error as Error)?.stack?.split('\n').slice(0, 3).join(' | ') ?? String(error)}`);
    return true;
  }
}

async function settleOrThrow(el: LitElement, spec: ElementSpec): Promise<boolean> {
  const deadline = performance.now() + FREEZE_MS;
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0) return false;
    const done = await within(el.updateComplete, left);
    if (done === TIMEOUT) return false;
    const nested = [...shadow(el).querySelectorAll<LitElement>(NESTED)];
    for (const child of nested) if ((await within(child.updateComplete, Math.max(1, deadline - performance.now()))) === TIMEOUT) return false;
    if (done && !spec.busy?.(el)) return true;
    // A load in flight: no event marks its end, so let other tasks (the network's answer) run and look again.
    await nextTask();
  }
}

const READ_ATTRIBUTES = ['aria-label', 'aria-valuetext', 'aria-description', 'title', 'alt', 'placeholder'];

/**
 * What a reader sees or hears: text (not styles), and the labels assistive technology
 * reads. Lit splits one line of text into several nodes, so text is joined as it runs.
 */
function readerText(root: Node): string {
  const parts: string[] = [];
  const collect = (parent: Node) => {
    for (const node of parent.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) parts.push((node as Text).data);
      else if (node instanceof Element && node.localName !== 'style') {
        for (const name of READ_ATTRIBUTES) if (node.hasAttribute(name)) parts.push(` ${node.getAttribute(name)} `);
        collect(node);
        if (node.shadowRoot) collect(node.shadowRoot);
      }
    }
  };
  collect(root);
  return parts.join('');
}

/** Elements nn-kit never draws (the formulas' <math> is drawn, so a <mi> with a link is checked through its attributes). */
const FORBIDDEN_TAGS = new Set(['img', 'script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'link', 'b', 'svg-onload']);

/** Elements of the test page itself (its own scripts), recorded before the sweep. */
const pageOwn = new WeakSet<Element>();

/** Markup that came from a value: elements no nn-kit element draws, event-handler attributes, javascript: links. */
function injectedMarkup(el: Element): string[] {
  const found: string[] = [];
  for (const node of [...deepElements(shadow(el)), ...document.querySelectorAll('*')]) {
    // The host carries the value under test as its own attribute: that is the writer's text, not markup.
    if (pageOwn.has(node) || node === el) continue;
    const jsonChild = node.localName === 'script' && node.getAttribute('type') === 'application/json' && node.parentElement?.localName.startsWith('nn-');
    if (FORBIDDEN_TAGS.has(node.localName) && !jsonChild) found.push(`<${node.localName}>`);
    for (const attr of node.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${node.localName}[${attr.name}]`);
      if (/^\s*javascript:/i.test(attr.value) && /^(href|src|xlink:href|action|formaction)$/i.test(attr.name)) found.push(`${node.localName}[${attr.name}=javascript:]`);
    }
  }
  return found;
}

/** Phrases where "undefined" is meant: a message to a script's author naming the JavaScript value. */
const MEANT = [/, or undefined\./g];

/** "NaN" or "undefined" shown to readers, beyond the writer's own text quoted back. */
function leakedWords(el: Element, value: string): string[] {
  let text = readerText(shadow(el));
  if (!/NaN|undefined/.test(text)) return [];
  for (const phrase of MEANT) text = text.replace(phrase, '');
  if (!/NaN|undefined/.test(text)) return [];
  const own = [value, ...value.split(/[,\s]+/)].filter((t) => /NaN|undefined/.test(t)).sort((a, b) => b.length - a.length);
  for (const token of own) text = text.split(token).join('');
  return [...new Set(text.match(/.{0,30}(NaN|undefined).{0,30}/g) ?? [])];
}

const alertOf = (el: Element) => {
  const alert = shadow(el).querySelector('[role="alert"]');
  return alert ? (alert.textContent ?? '').trim() || '(empty alert)' : '';
};

const show = (value: string) => {
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 50)}…(${value.length} chars)` : json;
};

/** Where two snapshots part: the first differing item, shortened. */
function difference(now: unknown, before: unknown): string {
  const a = now as unknown[];
  const b = before as unknown[];
  const i = a.findLastIndex((item, k) => JSON.stringify(item) !== JSON.stringify(b[k]));
  const [x, y] = [JSON.stringify(a[i]), JSON.stringify(b[i])];
  let start = 0;
  while (start < x.length && x[start] === y[start]) start++;
  const from = Math.max(0, start - 20);
  return `item ${i}: …${x.slice(from, from + 80)}… instead of …${y.slice(from, from + 80)}…`;
}

function sameSnapshot(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Things that must hold after any value: nothing thrown, run, injected or polluted. */
function checkPage(el: Element, problems: string[], markupToo = true): void {
  if (errors.length) problems.push(...errors.splice(0));
  if (win.__pwned !== undefined) {
    problems.push('injected script ran (window.__pwned is set)');
    delete win.__pwned;
  }
  if ((Object.prototype as Record<string, unknown>).polluted !== undefined) {
    problems.push('Object.prototype.polluted is set');
    delete (Object.prototype as Record<string, unknown>).polluted;
  }
  if (!markupToo) return;
  const markup = injectedMarkup(el);
  if (markup.length) problems.push(`markup from the value was rendered: ${markup.join(', ')}`);
}

/** Collects uncaught errors and rejections, and counts (silences) the expected console warnings. */
function watchPage() {
  before(() => {
    for (const node of document.querySelectorAll('*')) pageOwn.add(node);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    // One warning per bad value is expected: count them, keep the test output readable.
    console.warn = () => {
      warnings++;
    };
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.warn = realWarn;
  });
}

// ---------------------------------------------------------------------------------------
// The manifest
// ---------------------------------------------------------------------------------------

interface ManifestAttribute {
  name: string;
  fieldName?: string;
}

async function loadManifest(): Promise<Map<string, ManifestAttribute[]> | string> {
  const missing = 'custom-elements.json is missing or unreadable: run `npm run analyze` (npm test runs it as part of the build), then run this suite again.';
  try {
    const response = await fetch('/custom-elements.json');
    if (!response.ok) return `${missing} (the server answered ${response.status})`;
    const manifest = (await response.json()) as { modules?: { declarations?: { tagName?: string; attributes?: ManifestAttribute[] }[] }[] };
    const tags = new Map<string, ManifestAttribute[]>();
    for (const module of manifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.tagName) tags.set(declaration.tagName, declaration.attributes ?? []);
      }
    }
    return tags.size ? tags : `${missing} (it lists no elements)`;
  } catch (error) {
    return `${missing} (${(error as Error).message})`;
  }
}

const manifest = await loadManifest();


// ---------------------------------------------------------------------------------------
// One reused element per type
// ---------------------------------------------------------------------------------------

/** A reused element in a fixed box that never scrolls (a tall rendering must not change the width). */
class Subject {
  readonly host = document.createElement('div');
  el!: LitElement;
  baseline: unknown;

  constructor(readonly spec: ElementSpec, readonly base: Record<string, string> = spec.base ?? {}) {
    this.host.style.cssText = `position: absolute; left: 0; top: 0; width: ${spec.width ?? 600}px; height: 600px; overflow: hidden`;
  }

  /** Creates the element, lets it draw at its width, and records what a fresh one shows. */
  async start(): Promise<void> {
    document.body.append(this.host);
    await this.fresh();
    expect(alertOf(this.el), `a fresh <${this.spec.tag}> shows no message`).to.equal('');
    this.baseline = this.spec.snapshot(this.el);
  }

  stop(): void {
    this.host.remove();
  }

  async fresh(): Promise<void> {
    this.host.replaceChildren();
    const el = document.createElement(this.spec.tag) as LitElement;
    for (const [name, value] of Object.entries(this.base)) el.setAttribute(name, value);
    this.host.append(el);
    this.el = el;
    await settle(el, this.spec);
    // The resize observers report the width a frame later and ask for an update a frame after that.
    for (let frames = 0; frames < 4; frames++) await nextFrame();
    await settle(el, this.spec);
  }

  settle(): Promise<boolean> {
    return settle(this.el, this.spec);
  }

  /** Checks the element after a value: what must always hold, and the message when `accepted` is known. */
  inspect(value: string, accepted: boolean | undefined, problems: string[], shownText = ''): void {
    checkPage(this.el, problems);
    const alert = alertOf(this.el);
    if (accepted === false && !alert) problems.push('unusable but no message');
    if (accepted === true && alert) problems.push(`usable but shows "${alert.slice(0, 160)}"`);
    if (accepted && shownText && !readerText(shadow(this.el)).includes(shownText)) problems.push(`"${shownText}" is not shown as text`);
    if (warnings > 1) problems.push(`${warnings} console warnings`);
    if (!alert && warnings > 0) problems.push('a console warning without a message');
    for (const leak of leakedWords(this.el, value)) problems.push(`shows "${leak}"`);
  }

  /** After a good value: no message, and the same rendering as a fresh element (else start again from one). */
  async recovered(how: string, problems: string[]): Promise<void> {
    if (!(await this.settle())) problems.push(`no answer after ${how}`);
    checkPage(this.el, problems, false); // markup was looked for with the bad value
    const alert = alertOf(this.el);
    const same = sameSnapshot(this.spec.snapshot(this.el), this.baseline);
    if (alert) problems.push(`after ${how} still shows "${alert.slice(0, 160)}"`);
    else if (!same) problems.push(`after ${how} it differs from a fresh element: ${difference(this.spec.snapshot(this.el), this.baseline)}`);
    // A value that broke the element must not spoil the next ones.
    if (alert || !same) await this.fresh();
  }

  /** Sets one attribute value, checks the element, sets a good value back and checks it recovered. */
  async tryValue(name: string, value: string, restoreWithGood: boolean): Promise<string[]> {
    const rule: AttributeRule | undefined = this.spec.rules[name];
    const problems: string[] = [];
    warnings = 0;
    const start = performance.now();
    this.el.setAttribute(name, value);
    if (!(await this.settle())) problems.push(`no answer within ${FREEZE_MS} ms`);
    const took = performance.now() - start;
    if (took > FREEZE_MS) problems.push(`busy for ${Math.round(took)} ms`);
    const accepted = rule?.accepts(value);
    this.inspect(value, accepted, problems, accepted && rule?.text ? [...rule.text(value)].slice(0, 8).join('') : '');

    // Back to good: the starting value again, else remove the attribute or set a good value.
    const good = this.base[name] ?? (restoreWithGood ? rule?.good : undefined);
    warnings = 0;
    if (good != null) this.el.setAttribute(name, good);
    else this.el.removeAttribute(name);
    await this.recovered(good != null ? `${name}="${good}"` : 'removing it', problems);
    return problems;
  }
}

/** Fails with every distinct problem found, the first ones listed. */
function expectNone(problems: string[]): void {
  const unique = [...new Set(problems)];
  expect(unique.length, `${unique.length} problems:\n  ${unique.slice(0, 25).join('\n  ')}\n`).to.equal(0);
}

/** Runs `action` with relative URLs resolving to a closed port (see SWEEP_BASE). */
async function withSweepBase<T>(action: () => Promise<T>): Promise<T> {
  const base = Object.assign(document.createElement('base'), { href: SWEEP_BASE });
  pageOwn.add(base);
  document.head.prepend(base);
  try {
    return await action();
  } finally {
    base.remove();
  }
}

const specOf = (tag: string) => SPECS.find((spec) => spec.tag === tag)!;

// ---------------------------------------------------------------------------------------
// Child <script type="application/json"> with hostile JSON (nn-network, nn-trainer)
// ---------------------------------------------------------------------------------------

const model = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'nn-kit.model',
    version: 1,
    layers: [2, 2, 1],
    activation: 'tanh',
    outputActivation: 'sigmoid',
    weights: [[[1, -0.5], [-1, 0.25]], [[-1.25, -0.25]]],
    biases: [[0, 0], [0]],
    ...fields,
  });
const data = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ inputs: [[0, 0], [1, 1], [2, 0], [0, 2]], targets: [[0], [1], [0], [1]], ...fields });
const rows = (count: number, row: (i: number) => unknown) => Array.from({ length: count }, (_, i) => row(i));

/** JSON that is no model and no data set: every element must refuse it with a message. */
const HOSTILE_JSON = [
  '', '   ', 'not json', '{', '[]', '{}', 'null', '1', '"text"', 'true', 'NaN', '{"a":1,}', "{'single':1}",
  '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '[{"__proto__":{"polluted":1}}]',
  `<img src=x onerror="${PWN}">`, `</script><script>${PWN}</script>`, `{"x":"<img src=x onerror=${PWN}>"}`,
  JSON.stringify(rows(200_000, (i) => i)),
  ' '.repeat(5_000_001),
];

const SCRIPT_CASES: Record<string, { json: string; ok: boolean }[]> = {
  'nn-network': [
    ...HOSTILE_JSON.map((json) => ({ json, ok: false })),
    { json: model(), ok: true },
    // JSON.parse makes "__proto__" an own key: the model is read and nothing is polluted.
    { json: `{"__proto__":{"polluted":1},${model().slice(1)}`, ok: true },
    { json: model({ layers: { __proto__: [2, 2, 1] } }), ok: false },
    { json: model({ activation: 'constructor' }), ok: false },
    { json: model({ outputActivation: '__proto__' }), ok: false },
    { json: model({ activation: 'toString' }), ok: false },
    { json: model({ activation: 'softmax' }), ok: false },
    { json: model({ activation: `<img src=x onerror=${PWN}>` }), ok: false },
    { json: model({ weights: [[['1', 'NaN'], [0, 0]], [[0, 0]]] }), ok: false },
    { json: model({ weights: [[[null, 1], [0, 0]], [[0, 0]]] }), ok: false },
    { json: model({ weights: [[[1e400, 1], [0, 0]], [[0, 0]]] }), ok: false },
    { json: model({ weights: [[[1, 2, 3], [0, 0]], [[0, 0]]] }), ok: false },
    { json: model({ weights: [] }), ok: false },
    { json: model({ biases: 'none' }), ok: false },
    { json: model({ layers: [2, 1e9, 1] }), ok: false },
    { json: model({ layers: [2, -2, 1] }), ok: false },
    { json: model({ layers: [2, 2.5, 1] }), ok: false },
    { json: model({ layers: rows(100_000, () => 2) }), ok: false },
    { json: model({ weights: rows(100_000, () => [[1, 2]]) }), ok: false },
    { json: model({ version: '1' }), ok: false },
    { json: model({ version: 2 }), ok: false },
    { json: model({ format: 'tfjs' }), ok: false },
  ],
  'nn-backprop': [
    ...HOSTILE_JSON.map((json) => ({ json, ok: false })),
    { json: model(), ok: true },
    { json: `{"__proto__":{"polluted":1},${model().slice(1)}`, ok: true },
    { json: model({ layers: { __proto__: [2, 2, 1] } }), ok: false },
    { json: model({ activation: 'constructor' }), ok: false },
    { json: model({ outputActivation: '__proto__' }), ok: false },
    { json: model({ activation: 'softmax' }), ok: false },
    { json: model({ activation: `<img src=x onerror=${PWN}>` }), ok: false },
    { json: model({ weights: [[['1', 'NaN'], [0, 0]], [[0, 0]]] }), ok: false },
    { json: model({ weights: [[[1e400, 1], [0, 0]], [[0, 0]]] }), ok: false },
    // Finite weights whose sums overflow on the default inputs: a message, not a drawing of ∞.
    { json: model({ activation: 'linear', outputActivation: 'linear', weights: [[[1e300, 1e300], [0, 0]], [[1e300, 1e300]]] }), ok: false },
    { json: model({ weights: [[[1e300, 1e300], [0, 0]], [[1e300, 1e300]]] }), ok: true },
    { json: model({ layers: [2, 1e9, 1] }), ok: false },
    // A model larger than a walkthrough draws (6 layers of 10 neurons at most).
    { json: model({ layers: [2, 11, 1], weights: [rows(11, () => [0, 0]), [rows(11, () => 0)]], biases: [rows(11, () => 0), [0]] }), ok: false },
    { json: model({ layers: rows(100_000, () => 2) }), ok: false },
    { json: model({ version: 2 }), ok: false },
  ],
  'nn-attention': [
    ...HOSTILE_JSON.map((json) => ({ json, ok: false })),
    { json: JSON.stringify({ wq: rows(8, (i) => rows(8, (j) => (i === j ? 1 : 0))), wk: rows(8, (i) => rows(8, (j) => (i === j ? 1 : 0))) }), ok: true },
    { json: JSON.stringify({ embeddings: { it: rows(8, (i) => i / 8), [`<img src=x onerror=${PWN}>`]: rows(8, () => 1) } }), ok: true },
    { json: `{"embeddings":{"__proto__":${JSON.stringify(rows(8, () => 1))}}}`, ok: true },
    { json: `{"__proto__":{"polluted":1},"wq":${JSON.stringify(rows(8, (i) => rows(8, (j) => (i === j ? 1 : 0))))}}`, ok: false },
    { json: JSON.stringify({ wq: rows(8, () => rows(8, () => 1e7)) }), ok: false },
    { json: `{"wq":[[1e400,0,0,0,0,0,0,0]]}`, ok: false },
    { json: JSON.stringify({ wq: rows(8, () => rows(4, () => 1)) }), ok: false },
    { json: JSON.stringify({ wq: rows(100_000, () => [1]) }), ok: false },
    { json: JSON.stringify({ embeddings: { it: [1, 2] } }), ok: false },
    { json: JSON.stringify({ embeddings: [[1]] }), ok: false },
    { json: JSON.stringify({ positions: 'no' }), ok: false },
    { json: JSON.stringify({ wv: rows(8, () => rows(8, () => '1')) }), ok: false },
  ],
  'nn-trainer': [
    ...HOSTILE_JSON.map((json) => ({ json, ok: false })),
    { json: data(), ok: true },
    { json: `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},${data().slice(1)}`, ok: true },
    { json: data({ targets: [[0.5], [-1], [2], [0]] }), ok: true },
    { json: data({ inputs: [[0, 0, 1], [1, 1, 0], [2, 0, 1], [0, 2, 0]] }), ok: true },
    { json: data({ targets: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]] }), ok: true },
    { json: data({ inputs: [[1e308, -1e308], [1e308, 1e308], [-1e308, 0], [0, 1e308]] }), ok: true },
    { json: data({ inputs: rows(20_000, (i) => [Math.sin(i), Math.cos(i)]), targets: rows(20_000, (i) => [i % 2]) }), ok: true },
    { json: '1,2,0\n3,4,1\n5,6,0', ok: true },
    { json: data({ inputs: { __proto__: [[0, 0], [1, 1]] } }), ok: false },
    { json: data({ inputs: 'x' }), ok: false },
    { json: data({ inputs: [[0, 0]], targets: [[1]] }), ok: false },
    { json: data({ targets: [[1]] }), ok: false },
    { json: data({ inputs: [[0, 0], [1], [2, 0], [0, 2]] }), ok: false },
    { json: data({ inputs: [[0, '1'], [1, 1], [2, 0], [0, 2]] }), ok: false },
    { json: data({ inputs: [[0, null], [1, 1], [2, 0], [0, 2]] }), ok: false },
    { json: data({ inputs: [[], [], [], []] }), ok: false },
    { json: data({ targets: [[], [], [], []] }), ok: false },
    { json: data({ targets: [['<b>1</b>'], [0], [1], [0]] }), ok: false },
    { json: data({ inputs: rows(4, () => rows(5000, () => 1)) }), ok: false },
    { json: `x1,x2,label\n1,2,<img src=x onerror=${PWN}>`, ok: false },
  ],
};


// ---------------------------------------------------------------------------------------
// Properties set from a script to the wrong type
// ---------------------------------------------------------------------------------------

/**
 * [property, value, must show a message?]: undefined when either is fine, as long as nothing
 * breaks. Text is read as the attribute would read it (frameworks pass attribute text to
 * properties), so usable text such as "0.5" must show no message.
 */
type PropertyCase = [string, unknown, boolean | undefined];

const PROPERTY_CASES: Record<string, PropertyCase[]> = {
  'nn-rnn': [
    ['task', 5, true], ['task', 'count', false], ['task', {}, true], ['text', 5, true], ['text', {}, true], ['text', 'ab', false],
    ['hiddenSize', '16', false], ['hiddenSize', 2.5, true], ['hiddenSize', 'abc', true], ['unroll', 1e9, true], ['unroll', '4', false],
    ['cell', {}, true], ['cell', 'gru', false], ['learningRate', NaN, true], ['clip', -1, true], ['temperature', Infinity, true],
    ['optimizer', ['adam'], true], ['seed', 'x', true], ['show', 5, true], ['controls', {}, true], ['autoplay', 'yes', undefined],
    ['strings', { play: 'Los' }, false], ['strings', { play: 5 }, true], ['strings', 42, true],
  ],
  'nn-neuron': [
    ['inputs', 'abc', true], ['inputs', 5, true], ['inputs', {}, true], ['inputs', [NaN], true], ['inputs', [Infinity, 1], true],
    ['inputs', ['1', '2'], true], ['inputs', [], true], ['inputs', Array(13).fill(0.5), true], ['inputs', [1e9, 1e9], false],
    ['weights', [NaN, 1], true], ['weights', 'x', true], ['weights', { length: 2 }, true],
    ['bias', 'abc', true], ['bias', '0.5', false], ['bias', {}, true], ['bias', NaN, true], ['bias', [1], true], ['bias', true, true],
    ['activation', 42, true], ['activation', {}, true], ['activation', ['sigmoid'], true], ['activation', 'softmax', true],
    ['precision', '3', false], ['precision', 7, true], ['precision', 2.5, true], ['inputMin', 'a', true], ['inputMax', {}, true],
    ['step', -1, true], ['step', 0, true], ['threshold', 'x', true], ['inputType', 5, true], ['editable', 42, true],
    ['labels', [1, 2], false], ['labels', 5, undefined], ['labels', {}, undefined], ['labels', [{}, null], undefined], ['labels', 'abc', undefined],
    ['outputLabel', 5, false], ['outputLabel', {}, undefined], ['showPlot', 'yes', false],
    ['strings', 5, true], ['strings', [], true], ['strings', { bias: 5 }, true], ['strings', { colour: 'x' }, true], ['strings', { bias: 'Biais' }, false],
  ],
  'nn-activation-plot': [
    ['activation', 5, true], ['activation', {}, true], ['activation', ['sigmoid'], true], ['xMin', 'a', true], ['xMax', {}, true],
    ['height', '300', false], ['height', NaN, true], ['height', 1e9, true], ['value', 'x', true], ['value', Infinity, true],
    ['htmlFor', 5, false], ['htmlFor', {}, undefined], ['derivative', 'yes', false],
    ['strings', 5, true], ['strings', { hintKeys: null }, true], ['strings', { hintKeys: 'Use ← →' }, false],
  ],
  'nn-trainer': [
    ['hiddenLayers', [1e9], true], ['hiddenLayers', 'abc', true], ['hiddenLayers', 5, true], ['hiddenLayers', [2.5], true], ['hiddenLayers', [], false],
    ['samples', 'abc', true], ['samples', '500', false], ['samples', NaN, true], ['data', 5, true], ['data', {}, true],
    ['controls', 5, true], ['controls', 'play', false], ['controls', {}, true], ['show', 5, true], ['show', 'loss', false],
    ['features', 'x1', false], ['features', 5, true], ['activation', 5, true], ['learningRate', '0.1', false], ['speed', NaN, true],
    ['epochs', 0.5, true], ['seed', 1.5, true], ['optimizer', 5, true], ['regularization', {}, true], ['noise', [1], true], ['trainSplit', {}, true],
    ['state', 5, true], ['state', {}, true], ['state', ['seed=2'], false], ['state', 'seed=2; data=xor', false],
  ],
  'nn-loss-surface': [
    ['surface', 5, true], ['surface', {}, true], ['surface', ['bowl'], true], ['learningRate', '0.5', false], ['learningRate', 'fast', true],
    ['learningRate', NaN, true], ['learningRate', 1e9, true], ['optimizer', 'momentum', false], ['optimizer', 5, true], ['optimizer', {}, true],
    ['start', '1, -1', false], ['start', [1], true], ['start', 'abc', true], ['start', [NaN, 1], true], ['steps', 0.5, true], ['steps', '50', false],
    ['range', 3, true], ['range', '3', false], ['range', [Infinity], true], ['show', 'path', false], ['show', 5, true], ['controls', {}, true],
    ['htmlFor', 5, false], ['htmlFor', {}, undefined], ['weights', 5, true], ['weights', {}, true], ['seed', 'x', true], ['autoplay', 'yes', undefined],
    ['strings', { play: 'Los' }, false], ['strings', { play: 5 }, true], ['strings', 42, true],
  ],
  'nn-attention': [
    ['tokens', 5, false], ['tokens', 'a b', false], ['dModel', 'abc', true], ['dModel', 2.5, true], ['dModel', '16', false], ['heads', 3, true],
    ['temperature', NaN, true], ['temperature', '2', false], ['temperature', Infinity, true], ['select', 'x', true], ['select', '3', false],
    ['mode', 5, true], ['task', {}, true], ['length', 1e9, true], ['show', 5, true], ['controls', {}, true], ['seed', 'x', true],
    ['strings', { play: 'Los' }, false], ['strings', { play: 5 }, true], ['strings', 42, true],
  ],
  'nn-digits': [
    ['image', 5, true], ['image', {}, true], ['image', 'abc', true], ['image', [1, 2, 3], true], ['image', new Array(784).fill(0.5), false],
    ['image', new Array(784).fill(NaN), true], ['image', new Array(784).fill('1'), true], ['image', new Array(784).fill(2), true], ['image', new Float32Array(784), false],
    ['hiddenLayers', [1e9], true], ['hiddenLayers', 'abc', true], ['hiddenLayers', [2.5], true], ['hiddenLayers', '16', false], ['activation', 5, true],
    ['learningRate', '0.1', false], ['learningRate', NaN, true], ['batchSize', 0.5, true], ['epochs', 1e9, true], ['seed', 'x', true], ['trainSplit', 2, true],
    ['optimizer', {}, true], ['show', 5, true], ['controls', {}, true], ['autoplay', 'yes', undefined], ['model', 5, true], ['src', {}, true],
    ['strings', { play: 'Los' }, false], ['strings', { play: 5 }, true], ['strings', 42, true],
  ],
  'nn-convolution': [
    ['image', 5, true], ['image', {}, true], ['image', [[1, 2, 3], [4, 5, 6], [7, 8, 9]], false], ['image', [[1, 'a', 3]], true], ['image', [1, 2, 3], true],
    ['kernel', 5, true], ['kernel', {}, true], ['kernel', [1, 0, -1, 2, 0, -2, 1, 0, -1], false], ['kernel', [[1, 2], [3, 4]], false], ['kernel', [NaN], true],
    ['kernelSize', '5', false], ['kernelSize', 2.5, true], ['stride', '2', false], ['stride', 0, true], ['padding', NaN, true], ['bias', 'x', true],
    ['mode', 5, true], ['pool', {}, true], ['pool', ['max'], true], ['poolSize', 1e9, true], ['activation', ['relu'], true], ['optimizer', ['sgd'], true], ['show', 5, true], ['controls', {}, true],
    ['epochs', 0.5, true], ['seed', 'x', true], ['strings', { play: 'Los' }, false], ['strings', { play: 5 }, true], ['strings', 42, true],
  ],
  'nn-backprop': [
    ['layers', 'abc', true], ['layers', [1e9, 2], true], ['layers', 5, true], ['layers', '2,3,1', false], ['inputs', [NaN, 1], true], ['inputs', 'abc', true],
    ['inputs', '1, 2', false], ['target', [1], true], ['target', {}, true], ['learningRate', '0.1', false], ['learningRate', 'fast', true],
    ['activation', 5, true], ['activation', 'softmax', true], ['outputActivation', {}, true], ['loss', 5, true], ['loss', ['mse'], undefined],
    ['phase', 'backward', false], ['phase', 3, true], ['select', 5, true], ['select', {}, true], ['select', 'biases[1][1]', false],
    ['show', 'chain', false], ['show', 5, true], ['controls', {}, true], ['precision', '5', false], ['precision', 2.5, true],
    ['htmlFor', 5, false], ['htmlFor', {}, undefined], ['sample', -1, true], ['sample', 'x', true], ['seed', 'x', true],
    ['strings', { step: 'Weiter' }, false], ['strings', { step: 5 }, true], ['strings', 42, true],
  ],
  'nn-network': [
    ['network', {}, true], ['network', 'abc', true], ['layers', 'abc', true], ['layers', [1e9, 2], true], ['layers', 5, true],
    ['inputs', 'abc', true], ['inputs', [NaN, 1, 2], true], ['seed', 'x', true], ['activation', 5, true], ['outputActivation', {}, true],
    ['labels', 5, undefined], ['labels', [5], undefined], ['labels', null, undefined], ['outputLabels', [{}], undefined],
    ['src', 5, undefined], ['htmlFor', 5, undefined],
  ],
};

// ---------------------------------------------------------------------------------------
// The sweep: every element × every attribute × every value; nn-trainer with every view
// shown; child JSON; properties
// ---------------------------------------------------------------------------------------

/**
 * The sweep for the elements named in `tags`: every attribute × every value, a message that
 * outlives a change of another attribute, hostile JSON and wrong property types. Each group of
 * elements runs from a file of its own (hostile-*.test.ts), so none runs into the test runner's
 * time limit for one file.
 */
export function describeHostile(tags: readonly string[]): void {
  describe('hostile attributes', function () {
    this.timeout(60_000);
    watchPage();

    it(`has a corpus of at least 200 distinct bad values (${CORPUS.length})`, () => {
      expect(CORPUS.length).to.be.at.least(200);
    });

    if (typeof manifest === 'string') {
      it('reads the attributes from custom-elements.json', () => {
        throw new Error(manifest);
      });
      return;
    }

    it('knows what every attribute in the manifest accepts (add a rule here for a new attribute)', () => {
      const missing: string[] = [];
      for (const spec of SPECS) {
        const attributes = manifest.get(spec.tag);
        if (!attributes) missing.push(`<${spec.tag}> is not in the manifest`);
        for (const { name } of attributes ?? []) if (!spec.rules[name]) missing.push(`${spec.tag} ${name}`);
      }
      for (const tag of manifest.keys()) if (!SPECS.some((spec) => spec.tag === tag)) missing.push(`<${tag}> has no rules`);
      for (const spec of SPECS) if (!HOSTILE_GROUPS.some((group) => group.includes(spec.tag))) missing.push(`<${spec.tag}> is in no hostile-*.test.ts group`);
      expect(missing, missing.join('; ')).to.deep.equal([]);
    });

    for (const spec of SPECS.filter((spec) => tags.includes(spec.tag))) {
      describe(`<${spec.tag}>`, () => {
        const subject = new Subject(spec);
        before(() => subject.start());
        after(() => subject.stop());

        for (const { name } of manifest.get(spec.tag) ?? []) {
          it(`${name}: ${CORPUS.length} hostile values`, async () => {
            const problems: string[] = [];
            const sweepValues = async () => {
              for (const [i, value] of CORPUS.entries()) {
                for (const problem of await subject.tryValue(name, value, i % 2 === 1)) problems.push(`${name}=${show(value)}: ${problem}`);
              }
            };
            await (name === 'src' ? withSweepBase(sweepValues) : sweepValues());
            expectNone(problems);
          });
        }

        it('keeps a message while another attribute changes, and drops it once the bad one is fixed', async () => {
          const problems: string[] = [];
          const el = () => subject.el;
          const names = Object.keys(spec.rules).filter((name) => spec.rules[name].good != null);
          for (const [name, rule] of Object.entries(spec.rules)) {
            const bad = name === 'src' ? `${FIXTURES}/garbage.json` : CORPUS.find((value) => !rule.accepts(value));
            if (bad === undefined) continue;
            const others = names.filter((n) => n !== name);
            for (const other of new Set([others[0], others.at(-1)!])) {
              const good = subject.base[other] ?? spec.rules[other].good!;
              el().setAttribute(name, bad);
              await subject.settle();
              const before = alertOf(el());
              el().setAttribute(other, good);
              await subject.settle();
              if (!before) problems.push(`${name}=${show(bad)} shows no message`);
              else if (!alertOf(el())) problems.push(`${name}=${show(bad)}: the message went away when ${other}="${good}" was set`);
              if (subject.base[name] != null) el().setAttribute(name, subject.base[name]);
              else el().removeAttribute(name);
              await subject.recovered(`fixing ${name}`, problems);
            }
          }
          expectNone(problems);
        });
      });
    }
  });

  if (tags.includes('nn-trainer')) describe('hostile attributes: <nn-trainer> with every view shown', function () {
    this.timeout(60_000);
    watchPage();
    const spec = specOf('nn-trainer');
    const subject = new Subject(spec, {});
    before(() => subject.start());
    after(() => subject.stop());

    const painted = (canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    };

    it('draws the neuron maps, also without the boundary view', async () => {
      const maps = () => [...shadow(subject.el).querySelectorAll<HTMLCanvasElement>('canvas.neuron')];
      expect(maps()).to.have.length(6);
      expect(maps().every(painted), 'with every view').to.equal(true);
      subject.el.setAttribute('show', 'neurons');
      await subject.settle();
      expect(maps()).to.have.length(6);
      expect(maps().every(painted), 'with show="neurons"').to.equal(true);
      subject.el.removeAttribute('show');
      await subject.settle();
    });

    it('draws the legal extremes and a sample of the corpus, then trains an epoch without showing NaN', async () => {
      const extremes: [string, string][] = [
        ['samples', '10000'], ['samples', '2'], ['hidden-layers', '8,8,8,8,8,8,8,8'], ['hidden-layers', Array(30).fill(1).join(',')], ['hidden-layers', '64'], ['hidden-layers', 'none'],
        ['features', 'x1, x2, x1sq, x2sq, x1x2, sin-x1, sin-x2'], ['features', 'sin(x2)'], ['train-split', '99'], ['train-split', '0.01'],
        ['noise', '50'], ['seed', '-2147483648'], ['output-activation', 'softmax'], ['output-activation', 'linear'], ['loss', 'cross-entropy'],
        ['loss', 'mse'], ['activation', 'relu'], ...Object.keys(datasets).map((name): [string, string] => ['data', name]),
      ];
      const sample = CORPUS.filter((_, i) => i % 16 === 0);
      const cases: [string, string][] = [
        ...extremes,
        ...['data', 'hidden-layers', 'features'].flatMap((name) => sample.map((value): [string, string] => [name, value])),
      ];
      const problems: string[] = [];
      for (const [name, value] of cases) {
        const rule = spec.rules[name];
        warnings = 0;
        subject.el.setAttribute(name, value);
        if (!(await subject.settle())) problems.push(`${name}=${show(value)}: no answer within ${FREEZE_MS} ms`);
        const found: string[] = [];
        subject.inspect(value, rule.accepts(value), found);
        if (rule.accepts(value)) {
          const start = performance.now();
          const trainer = subject.el as unknown as { stepEpoch(): void; reset(): void };
          trainer.stepEpoch();
          await subject.settle();
          if (performance.now() - start > FREEZE_MS) found.push(`an epoch took ${Math.round(performance.now() - start)} ms`);
          checkPage(subject.el, found);
          for (const leak of leakedWords(subject.el, value)) found.push(`after an epoch shows "${leak}"`);
          trainer.reset(); // so the value's removal is compared with an untrained fresh element
        }
        subject.el.removeAttribute(name);
        await subject.recovered('removing it', found);
        problems.push(...found.map((problem) => `${name}=${show(value)}: ${problem}`));
      }
      expectNone(problems);
    });
  });

  describe('hostile JSON in a child <script type="application/json">', function () {
    this.timeout(60_000);
    watchPage();

    for (const tag of ['nn-network', 'nn-trainer', 'nn-backprop', 'nn-attention'].filter((tag) => tags.includes(tag))) {
      it(`<${tag}> refuses every hostile model or data set with a message and recovers when the script goes`, async () => {
        const spec = specOf(tag);
        const subject = new Subject(spec);
        await subject.start();
        const problems: string[] = [];
        try {
          for (const { json, ok } of SCRIPT_CASES[tag]) {
            const script = Object.assign(document.createElement('script'), { type: 'application/json', textContent: json });
            warnings = 0;
            const start = performance.now();
            subject.el.append(script);
            await Promise.resolve(); // the element's MutationObserver
            const found: string[] = [];
            if (!(await subject.settle())) found.push(`no answer within ${FREEZE_MS} ms`);
            if (performance.now() - start > FREEZE_MS) found.push(`busy for ${Math.round(performance.now() - start)} ms`);
            subject.inspect(json, ok, found);
            warnings = 0;
            script.remove();
            await Promise.resolve();
            await subject.recovered('removing the script', found);
            problems.push(...found.map((problem) => `${show(json)}: ${problem}`));
          }
        } finally {
          subject.stop();
        }
        expectNone(problems);
      });
    }
  });

  describe('hostile properties set from a script', function () {
    this.timeout(60_000);
    watchPage();

    for (const [tag, cases] of Object.entries(PROPERTY_CASES).filter(([tag]) => tags.includes(tag))) {
      it(`<${tag}>: wrong types show a message, throw nothing and recover`, async () => {
        const subject = new Subject(specOf(tag));
        await subject.start();
        const problems: string[] = [];
        try {
          await withSweepBase(async () => {
            for (const [property, value, message] of cases) {
              const el = subject.el as unknown as Record<string, unknown>;
              const original = el[property];
              const found: string[] = [];
              warnings = 0;
              try {
                el[property] = value;
              } catch (error) {
                found.push(`setting it threw ${(error as Error).message}`);
              }
              if (!(await subject.settle())) found.push(`no answer within ${FREEZE_MS} ms`);
              subject.inspect(String(value), message === undefined ? undefined : !message, found);
              warnings = 0;
              try {
                el[property] = original;
              } catch (error) {
                found.push(`setting it back threw ${(error as Error).message}`);
              }
              await subject.recovered('setting it back', found);
              problems.push(...found.map((problem) => `${property} = ${show(JSON.stringify(value) ?? String(value))}: ${problem}`));
            }
          });
        } finally {
          subject.stop();
        }
        expectNone(problems);
      });
    }
  });
}
