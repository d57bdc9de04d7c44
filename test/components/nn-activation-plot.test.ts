import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { scalarActivationNames } from '../../src/index.js';
import '../../components/nn-activation-plot/nn-activation-plot.js';
import '../../components/nn-neuron/nn-neuron.js';
import type { NnActivationPlot } from '../../components/nn-activation-plot/nn-activation-plot.js';
import type { NnNeuron } from '../../components/nn-neuron/nn-neuron.js';
import { captureWarnings, settleWidth } from './helpers.js';
import { captureConsole, drawingProblems } from '../shared/finite.js';

/** Written here from the definitions, independently of the core. */
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const reference: Record<string, (z: number) => number> = {
  sigmoid,
  tanh: (z) => (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z)),
  relu: (z) => Math.max(0, z),
};

const root = (el: Element) => el.shadowRoot!;
const alertText = (el: Element) => root(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const slider = (el: NnActivationPlot) => root(el).querySelector<HTMLElement>('[role="slider"]')!;
const probeZ = (el: NnActivationPlot) => Number(slider(el).getAttribute('aria-valuenow'));
const toNumber = (text: string | null | undefined) => Number((text ?? '').trim().replace(/\u2212/g, '-'));
const fixed = (value: number, digits: number) => value.toFixed(digits).replace(/^-(0\.0+)$/, '$1').replace('-', '−');
const readout = (el: NnActivationPlot, name: string, what = 'f') =>
  root(el).querySelector(`.legend li[data-activation="${name}"] .${what}`)?.textContent?.trim();

const settle = (el: NnActivationPlot) => settleWidth(el, '.plot svg');

/** Pixel → value map read from the first and last labelled ticks of an axis, independent of the element's scales. */
function axisFromTicks(el: NnActivationPlot, axis: 'x' | 'y') {
  const ticks = [...root(el).querySelectorAll<SVGTextElement>(`text.tick.${axis}`)];
  const [a, b] = [ticks[0], ticks.at(-1)!];
  const [pa, pb] = [Number(a.getAttribute(axis)), Number(b.getAttribute(axis))];
  const [va, vb] = [toNumber(a.textContent), toNumber(b.textContent)];
  return (pixel: number) => va + ((pixel - pa) / (pb - pa)) * (vb - va);
}

/** The plot area's top and bottom in pixels: the ends of the vertical axis line. */
function plotArea(el: NnActivationPlot): { top: number; bottom: number } {
  const axis = [...root(el).querySelectorAll('g.axis line')].find((line) => line.getAttribute('x1') === line.getAttribute('x2'))!;
  const [a, b] = [Number(axis.getAttribute('y1')), Number(axis.getAttribute('y2'))];
  return { top: Math.min(a, b), bottom: Math.max(a, b) };
}

/** The points of an SVG path "M x,y L x,y …". */
function points(path: SVGPathElement): [number, number][] {
  return [...path.getAttribute('d')!.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('<nn-activation-plot>', () => {
  it('is accessible, alone and with several activations and derivatives', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot></nn-activation-plot>`);
    await expect(el).to.be.accessible();
    const many = await fixture<NnActivationPlot>(
      html`<nn-activation-plot activation="sigmoid,tanh,relu" derivative value="1"></nn-activation-plot>`,
    );
    await expect(many).to.be.accessible();
  });

  it('plots sigmoid from −6 to 6 by default, 240px high, with formula and output range', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot></nn-activation-plot>`);
    const curves = root(el).querySelectorAll('path.curve');
    expect(curves).to.have.length(1);
    expect(root(el).querySelectorAll('path.derivative')).to.have.length(0);
    const svg = root(el).querySelector('.plot svg')!;
    expect(svg.getAttribute('height')).to.equal('240');
    const xTicks = [...root(el).querySelectorAll('text.tick.x')].map((t) => t.textContent);
    expect(xTicks[0]).to.equal('−6');
    expect(xTicks.at(-1)).to.equal('6');
    const item = root(el).querySelector('.legend li[data-activation="sigmoid"]')!;
    expect(item.querySelector('.name')!.textContent).to.equal('Sigmoid');
    expect(item.querySelector('.range')!.textContent).to.equal('output 0 to 1');
    expect(item.querySelector('math mfrac')).to.exist;
    expect(probeZ(el)).to.equal(0);
    expect(readout(el, 'sigmoid')).to.equal('0.500');
  });

  it('draws each curve through the values of its function, smoothly', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot activation="sigmoid,tanh,relu"></nn-activation-plot>`);
    await settle(el);
    const toZ = axisFromTicks(el, 'x');
    const toY = axisFromTicks(el, 'y');
    const width = Number(root(el).querySelector('.plot svg')!.getAttribute('width'));
    for (const path of root(el).querySelectorAll<SVGPathElement>('path.curve')) {
      const name = path.dataset.activation!;
      const pts = points(path);
      expect(pts.length, `${name} samples`).to.be.greaterThan(width / 3);
      for (const [px, py] of pts) {
        const z = toZ(px);
        expect(toY(py), `${name}(${z.toFixed(2)})`).to.be.closeTo(reference[name](z), 0.03);
      }
    }
  });

  it('parses every attribute: activations, x-min, x-max, derivative, value, height', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot
      activation="sigmoid, tanh, relu"
      x-min="-3"
      x-max="2"
      derivative
      value="1.5"
      height="300"
    ></nn-activation-plot>`);
    expect(root(el).querySelectorAll('path.curve')).to.have.length(3);
    expect(root(el).querySelectorAll('path.derivative')).to.have.length(3);
    expect(root(el).querySelector('.plot svg')!.getAttribute('height')).to.equal('300');
    const xTicks = [...root(el).querySelectorAll('text.tick.x')].map((t) => toNumber(t.textContent));
    expect(Math.min(...xTicks)).to.equal(-3);
    expect(Math.max(...xTicks)).to.equal(2);
    expect(root(el).querySelectorAll('circle.marker')).to.have.length(3);
    expect(probeZ(el)).to.equal(1.5);
    expect(root(el).querySelector('[part="readout"]')!.textContent).to.contain('1.50');
    for (const name of ['sigmoid', 'tanh', 'relu']) {
      expect(readout(el, name)).to.equal(fixed(reference[name](1.5), 3));
    }
    const s = sigmoid(1.5);
    expect(readout(el, 'sigmoid', 'df')).to.equal(fixed(s * (1 - s), 3));
    expect(readout(el, 'relu', 'df')).to.equal('1.000');
    // Series are told apart by colour.
    const colours = [...root(el).querySelectorAll('path.curve')].map((p) => getComputedStyle(p).stroke);
    expect(new Set(colours).size).to.equal(3);
  });

  it('moves the probe with the keyboard; the readout shows f(z) and the slider its value', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot activation="sigmoid,tanh" derivative></nn-activation-plot>`);
    slider(el).focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const z = probeZ(el);
    expect(z).to.be.closeTo(0.2, 1e-9);
    expect(readout(el, 'sigmoid')).to.equal(fixed(sigmoid(z), 3));
    expect(readout(el, 'tanh')).to.equal(fixed(reference.tanh(z), 3));
    expect(readout(el, 'tanh', 'df')).to.equal(fixed(1 - reference.tanh(z) ** 2, 3));
    expect(slider(el).getAttribute('aria-valuetext')).to.contain(`Sigmoid ${fixed(sigmoid(z), 3)}`);

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(probeZ(el)).to.be.closeTo(1, 1e-9);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(probeZ(el)).to.be.closeTo(0.6, 1e-9);
    expect(readout(el, 'sigmoid')).to.equal(fixed(sigmoid(0.6), 3));
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(probeZ(el)).to.equal(6);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(probeZ(el)).to.equal(-6);
    expect(readout(el, 'tanh')).to.equal(fixed(reference.tanh(-6), 3));
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(probeZ(el), 'stays in range').to.equal(-6);
    const probe = root(el).querySelector<SVGLineElement>('line.probe-line')!;
    const toZ = axisFromTicks(el, 'x');
    expect(toZ(Number(probe.getAttribute('x1')))).to.be.closeTo(-6, 1e-6);
  });

  it('moves the probe where the pointer hovers', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot></nn-activation-plot>`);
    await settle(el);
    const toZ = axisFromTicks(el, 'x');
    const svg = root(el).querySelector('.plot svg')!;
    const rect = svg.getBoundingClientRect();
    const tick = [...root(el).querySelectorAll<SVGTextElement>('text.tick.x')].find((t) => t.textContent === '2')!;
    const px = Number(tick.getAttribute('x'));
    await sendMouse({ type: 'move', position: [Math.round(rect.left + px), Math.round(rect.top + rect.height / 2)] });
    await el.updateComplete;
    expect(probeZ(el)).to.be.closeTo(toZ(px), 0.05);
    expect(readout(el, 'sigmoid')).to.equal(fixed(sigmoid(probeZ(el)), 3));
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('shows a clear message for softmax and other bad input, keeps the last curve, and recovers', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot activation="sigmoid"></nn-activation-plot>`);
    const before = root(el).querySelector('path.curve')!.getAttribute('d');
    const warnings = await captureWarnings(async () => {
      el.activation = 'softmax';
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
    });
    expect(warnings).to.have.length(1);
    const message = alertText(el);
    expect(message).to.contain('softmax');
    for (const name of scalarActivationNames) expect(message).to.contain(`"${name}"`);
    expect(root(el).querySelector('path.curve')!.getAttribute('d')).to.equal(before);

    const cases: [string, string, RegExp][] = [
      ['activation', 'sigmod', /Unknown activation "sigmod"\. Use "sigmoid"/],
      ['activation', '', /activation is empty/],
      ['x-min', '6', /x-min \(6\) must be less than x-max \(6\)/],
      ['x-max', 'wide', /x-max must be a number/],
      ['value', 'abc', /value must be a number/],
      ['height', '10', /height must be a number from 80 to 2000/],
    ];
    for (const [name, value, pattern] of cases) {
      el.setAttribute('activation', 'sigmoid');
      await el.updateComplete;
      await captureWarnings(async () => {
        el.setAttribute(name, value);
        await el.updateComplete;
      });
      expect(alertText(el), `${name}="${value}"`).to.match(pattern);
      expect(root(el).querySelector('path.curve')!.getAttribute('d'), `${name} keeps the curve`).to.equal(before);
      el.removeAttribute(name);
      await el.updateComplete;
    }
    el.activation = 'tanh';
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(root(el).querySelector('path.curve')!.getAttribute('data-activation')).to.equal('tanh');
    expect(root(el).querySelector('path.curve')!.getAttribute('d')).to.not.equal(before);
  });

  it('follows a neuron named by for=: its activation, and its z as its inputs change', async () => {
    const page = await fixture(html`<div>
      <nn-neuron id="n1" inputs="1, 0.5" weights="0.8, -0.6" bias="0.1" activation="tanh"></nn-neuron>
      <nn-activation-plot for="n1"></nn-activation-plot>
    </div>`);
    const neuron = page.querySelector<NnNeuron>('nn-neuron')!;
    const plot = page.querySelector<NnActivationPlot>('nn-activation-plot')!;
    await settle(plot);
    expect(root(plot).querySelector('path.curve')!.getAttribute('data-activation')).to.equal('tanh');
    const z0 = 0.8 * 1 - 0.6 * 0.5 + 0.1;
    expect(probeZ(plot)).to.be.closeTo(z0, 1e-9);
    expect(readout(plot, 'tanh')).to.equal(fixed(reference.tanh(z0), 3));
    const marker = () => Number(root(plot).querySelector('circle.marker')!.getAttribute('cx'));
    const toZ = axisFromTicks(plot, 'x');
    expect(toZ(marker())).to.be.closeTo(z0, 1e-6);

    // Set the neuron's property from code.
    neuron.inputs = [2, 0.5];
    await oneEvent(neuron, 'nn-neuron-update');
    await plot.updateComplete;
    const z1 = 0.8 * 2 - 0.6 * 0.5 + 0.1;
    expect(probeZ(plot)).to.be.closeTo(z1, 1e-9);
    expect(toZ(marker())).to.be.closeTo(z1, 1e-6);
    expect(readout(plot, 'tanh')).to.equal(fixed(reference.tanh(z1), 3));

    // The reader drags the neuron's first input slider by keyboard.
    root(neuron).querySelector<HTMLInputElement>('input[type="range"][aria-label="Value of x₁"]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await plot.updateComplete;
    const z2 = 0.8 * neuron.inputs[0] - 0.6 * 0.5 + 0.1;
    expect(neuron.inputs[0]).to.be.lessThan(2);
    expect(probeZ(plot)).to.be.closeTo(z2, 1e-9);
    expect(readout(plot, 'tanh')).to.equal(fixed(reference.tanh(z2), 3));

    // Its own activation, when set, wins over the neuron's.
    plot.activation = 'relu';
    await plot.updateComplete;
    expect(root(plot).querySelector('path.curve')!.getAttribute('data-activation')).to.equal('relu');
    neuron.activation = 'sigmoid';
    await oneEvent(neuron, 'nn-neuron-update');
    await plot.updateComplete;
    expect(root(plot).querySelector('path.curve')!.getAttribute('data-activation')).to.equal('relu');
  });

  it('keeps long x tick labels apart', async () => {
    for (const [width, xMin, xMax] of [
      [800, -0.001, 0.002],
      [640, -0.0011, 0.0013],
    ]) {
      const box = await fixture<HTMLDivElement>(
        html`<div style="width: ${width}px"><nn-activation-plot x-min=${xMin} x-max=${xMax}></nn-activation-plot></div>`,
      );
      const plot = box.querySelector<NnActivationPlot>('nn-activation-plot')!;
      await settle(plot);
      const boxes = [...root(plot).querySelectorAll<SVGTextElement>('text.tick.x')].map((t) => t.getBBox());
      expect(boxes.length, `${xMin} to ${xMax}: ticks`).to.be.at.least(3);
      for (let i = 1; i < boxes.length; i++) {
        const gap = boxes[i].x - (boxes[i - 1].x + boxes[i - 1].width);
        expect(gap, `${xMin} to ${xMax}: gap after tick ${i}`).to.be.at.least(8);
      }
    }
  });

  it('fits every formula in its legend entry on a narrow phone', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div style="width: 272px"><nn-activation-plot activation=${scalarActivationNames.join(',')}></nn-activation-plot></div>`,
    );
    const plot = box.querySelector<NnActivationPlot>('nn-activation-plot')!;
    await settle(plot);
    for (const item of root(plot).querySelectorAll<HTMLElement>('.legend li')) {
      const right = item.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(item).paddingRight);
      const math = item.querySelector('math')!;
      expect(math.getBoundingClientRect().right, item.dataset.activation).to.be.at.most(right + 0.5);
    }
  });

  it('ends its y axis near the curves: tanh down to −1 gets no empty tick below −1', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot activation="tanh, relu" x-min="-3" x-max="3"></nn-activation-plot>`);
    await settle(el);
    const values = [...root(el).querySelectorAll('text.tick.y')].map((tick) => toNumber(tick.textContent));
    expect(Math.min(...values)).to.equal(-1);
    expect(Math.max(...values)).to.equal(3);
    // Every curve stays inside the plot area, clear of its edges.
    const toValue = axisFromTicks(el, 'y');
    const ys = [...root(el).querySelectorAll<SVGPathElement>('path.curve')].flatMap((path) => points(path).map(([, y]) => toValue(y)));
    expect(Math.min(...ys)).to.be.closeTo(-1, 0.01);
  });

  it('draws each function solid and each slope thin and broken, every slope in its own pattern', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot activation="sigmoid, tanh, relu" derivative></nn-activation-plot>`);
    const style = (selector: string) => [...root(el).querySelectorAll(selector)].map((p) => getComputedStyle(p));
    for (const curve of style('path.curve')) expect(curve.strokeDasharray, 'own curve').to.equal('none');
    const slopes = style('path.derivative');
    expect(slopes).to.have.length(3);
    for (const slope of slopes) {
      expect(slope.strokeDasharray, 'slope').to.not.equal('none');
      expect(Number.parseFloat(slope.strokeWidth)).to.be.below(Number.parseFloat(style('path.curve')[0].strokeWidth));
    }
    expect(new Set(slopes.map((slope) => slope.strokeDasharray)).size, 'slope patterns').to.equal(3);
    // The legend's swatches match: solid for f, broken for f′.
    for (const item of root(el).querySelectorAll('.legend li')) {
      expect(getComputedStyle(item.querySelector('line.curve')!).strokeDasharray).to.equal('none');
      expect(getComputedStyle(item.querySelector('line.derivative')!).strokeDasharray).to.not.equal('none');
    }
  });

  it('keeps sigmoid and tanh readable beside relu: relu is clipped at the top, not the others squashed', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot activation="sigmoid, tanh, relu"></nn-activation-plot>`);
    await settle(el);
    const { top, bottom } = plotArea(el);
    const path = (name: string) => points(root(el).querySelector<SVGPathElement>(`path.curve[data-activation="${name}"]`)!);
    const ys = (name: string) => path(name).map(([, y]) => y);
    const share = (name: string) => (Math.max(...ys(name)) - Math.min(...ys(name))) / (bottom - top);
    expect(share('tanh'), 'tanh fills much of the height').to.be.at.least(0.45);
    expect(share('sigmoid'), 'sigmoid too').to.be.at.least(0.22);
    // ReLU is still drawn from the left end, up to the top of the plot, and never beyond it.
    const toZ = axisFromTicks(el, 'x');
    const relu = path('relu');
    expect(toZ(relu[0][0])).to.be.closeTo(-6, 0.01);
    expect(Math.min(...ys('relu'))).to.be.closeTo(top, 0.5);
    const toValue = axisFromTicks(el, 'y');
    for (const [px, py] of relu) expect(toValue(py), 'on the relu').to.be.closeTo(Math.max(0, toZ(px)), 0.03);
    for (const name of ['sigmoid', 'tanh', 'relu']) {
      for (const y of ys(name)) expect(y, `${name} inside the plot`).to.be.within(top - 0.5, bottom + 0.5);
    }
    // With the probe where relu leaves the plot, relu gets no dot outside it.
    el.value = 5;
    await el.updateComplete;
    expect(root(el).querySelector('circle.marker[data-activation="relu"]')).to.not.exist;
    expect(root(el).querySelector('circle.marker[data-activation="tanh"]')).to.exist;
  });

  it('plots the widest finite range, −1.7e308 to 1.7e308: curves, plain ARIA numbers and small arrow steps', async () => {
    let el!: NnActivationPlot;
    const { errors } = await captureConsole(async () => {
      el = await fixture<NnActivationPlot>(html`<nn-activation-plot x-min="-1.7e308" x-max="1.7e308" activation="sigmoid, relu" derivative></nn-activation-plot>`);
      await settle(el);
    });
    expect(errors).to.deep.equal([]);
    expect(alertText(el)).to.equal('');
    expect(drawingProblems(root(el))).to.deep.equal([]);
    for (const path of root(el).querySelectorAll<SVGPathElement>('path.curve')) expect(points(path).length, path.dataset.activation).to.be.greaterThan(10);
    expect(Number(slider(el).getAttribute('aria-valuemin'))).to.equal(-1.7e308);
    expect(Number(slider(el).getAttribute('aria-valuemax'))).to.equal(1.7e308);
    slider(el).focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const z = probeZ(el);
    expect(z).to.be.greaterThan(0);
    expect(z, 'a small step, not the right end').to.be.below(1.7e308 / 20);
    // The probe line moved a little right of z = 0 (where the vertical axis is drawn).
    const probe = Number(root(el).querySelector('line.probe-line')!.getAttribute('x1'));
    const axis = [...root(el).querySelectorAll('g.axis line')].find((line) => line.getAttribute('x1') === line.getAttribute('x2'))!;
    const zero = Number(axis.getAttribute('x1'));
    const right = Number(root(el).querySelector('.plot svg')!.getAttribute('width'));
    expect(probe - zero).to.be.within(0.5, (right - zero) / 10);
    expect(drawingProblems(root(el))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('turns down a range too narrow to plot (0 to 5e-324) with a message naming x-min and x-max', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot></nn-activation-plot>`);
    const before = root(el).querySelector('path.curve')!.getAttribute('d');
    const { warnings } = await captureConsole(async () => {
      el.setAttribute('x-min', '0');
      el.setAttribute('x-max', '5e-324');
      await el.updateComplete;
    });
    expect(warnings).to.have.length(1);
    expect(alertText(el)).to.match(/x-min \(0\) and x-max \(5e-324\) are too close/);
    expect(alertText(el)).to.contain('e.g. x-min="-6" x-max="6"');
    expect(root(el).querySelector('path.curve')!.getAttribute('d'), 'keeps the last curve').to.equal(before);
    slider(el).focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(Number.isFinite(probeZ(el))).to.equal(true);
    expect(drawingProblems(root(el))).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // A narrow range that can be plotted still is.
    el.setAttribute('x-max', '1e-200');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(probeZ(el)).to.be.within(1e-203, 1e-200);
    expect(drawingProblems(root(el))).to.deep.equal([]);
  });

  it('shows the arrow keys in its hint only where there is a fine pointer that hovers', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot></nn-activation-plot>`);
    const shown = (selector: string) => getComputedStyle(root(el).querySelector(selector)!).display !== 'none';
    const fine = matchMedia('(hover: hover) and (pointer: fine)').matches;
    expect(shown('.hint.keys'), 'keys hint').to.equal(fine);
    expect(shown('.hint.touch'), 'touch hint').to.equal(!fine);
    expect(root(el).querySelector('.hint.touch')!.textContent).to.not.match(/←|→|key/i);
    // The rule itself: hidden unless the media query matches.
    const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
    const media = rules.filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && /hover:\s*hover/.test(rule.conditionText) && /pointer:\s*fine/.test(rule.conditionText));
    expect(media.some((rule) => /\.hint\.keys/.test(rule.cssText))).to.equal(true);
  });

  it('resizes with its container', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 320px"><nn-activation-plot></nn-activation-plot></div>`);
    const plot = box.querySelector<NnActivationPlot>('nn-activation-plot')!;
    const svgWidth = () => Number(root(plot).querySelector('.plot svg')!.getAttribute('width'));
    await settle(plot);
    const narrow = svgWidth();
    expect(narrow).to.be.at.most(320);
    box.style.width = '640px';
    await settle(plot);
    expect(svgWidth()).to.be.closeTo(narrow + 320, 2);
  });
});
