import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { scalarActivationNames } from '../../src/index.js';
import '../../components/nn-neuron/nn-neuron.js';
import type { NeuronChangeDetail, NnNeuron } from '../../components/nn-neuron/nn-neuron.js';
import type { NnActivationPlot } from '../../components/nn-activation-plot/nn-activation-plot.js';
import { captureWarnings, settleWidth } from './helpers.js';
import { captureConsole, drawingProblems } from '../shared/finite.js';

/** Written here from the definition, independently of the core. */
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const shown = (el: NnNeuron, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? '';
const alertText = (el: Element) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const control = (el: NnNeuron, label: string, type = 'range') =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[type="${type}"][aria-label="${label}"]`);
const toMinus = (text: string) => text.replace(/\u2212/g, '-');

const walk = html`<nn-neuron
  labels="Sunny,Cold,Free time"
  inputs="1,0,1"
  weights="0.8,-0.4,0.5"
  bias="-0.5"
  activation="sigmoid"
  input-type="binary"
  output-label="Go for a walk?"
  threshold="0.5"
></nn-neuron>`;


const settle = (el: NnNeuron) => settleWidth(el, 'svg.diagram');

/** sRGB channels (0–255) of a computed colour: "rgb(…)" or "color(srgb …)". */
function channels(color: string): number[] {
  const srgb = /^color\(srgb ([-\d.e]+) ([-\d.e]+) ([-\d.e]+)/.exec(color);
  if (srgb) return srgb.slice(1, 4).map((v) => Number(v) * 255);
  return color.match(/[\d.]+/g)!.slice(0, 3).map(Number);
}

/** WCAG contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = channels(color).map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/** A neuron in a box of the given width (a phone is about 312px inside an article's margins). */
async function boxed(width: number, neuron: ReturnType<typeof html>): Promise<NnNeuron> {
  const box = await fixture<HTMLDivElement>(html`<div style="width: ${width}px">${neuron}</div>`);
  const el = box.querySelector<NnNeuron>('nn-neuron')!;
  await settle(el);
  return el;
}

/** Records the element's input/change events. */
function record(el: NnNeuron) {
  const events: { type: string; event: Event }[] = [];
  for (const type of ['input', 'change']) el.addEventListener(type, (event) => events.push({ type, event }));
  return events;
}

describe('<nn-neuron>', () => {
  it('is accessible, by default and for the walk example with a plot', async () => {
    const plain = await fixture<NnNeuron>(html`<nn-neuron></nn-neuron>`);
    await expect(plain).to.be.accessible();
    const el = await fixture<NnNeuron>(walk);
    el.showPlot = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('shows a sensible default neuron: two inputs, sigmoid, sliders', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron></nn-neuron>`);
    const z = 0.8 * 1 + -0.6 * 0.5 + 0.1;
    expect(el.z).to.be.closeTo(z, 1e-12);
    expect(el.output).to.be.closeTo(sigmoid(z), 1e-12);
    expect(shown(el, '.output-value')).to.equal(sigmoid(z).toFixed(2));
    expect(control(el, 'Value of x₁')).to.exist;
    expect(control(el, 'Weight for x₂')).to.exist;
    expect(control(el, 'Bias')).to.exist;
    expect(el.shadowRoot!.querySelectorAll('.input-node')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('.decision')).to.not.exist;
    expect(el.shadowRoot!.querySelector('nn-activation-plot')).to.not.exist;
  });

  it('computes the walk example: z = 0.8, output 0.69, decision yes', async () => {
    const el = await fixture<NnNeuron>(walk);
    expect(el.z).to.be.closeTo(0.8, 1e-12);
    expect(el.output).to.be.closeTo(sigmoid(0.8), 1e-12);
    expect(shown(el, '.z-value')).to.equal('0.80');
    expect(shown(el, '.output-value')).to.equal('0.69');
    expect(shown(el, '.headline .decision')).to.match(/^Yes/);
    expect(shown(el, '.headline .decision')).to.contain('0.69 ≥ 0.50');
    expect(shown(el, '.output-label')).to.equal('Go for a walk?');
    // The breakdown shows each wᵢ·xᵢ with the reader's numbers.
    const terms = [...el.shadowRoot!.querySelectorAll('.breakdown .term')].map((cell) => toMinus(cell.textContent!.trim()));
    expect(terms).to.deep.equal(['0.80', '0.00', '0.50']);
    // Binary inputs are switches labelled by the input's name.
    const sunny = control(el, 'Sunny', 'checkbox')!;
    const cold = control(el, 'Cold', 'checkbox')!;
    expect(sunny.checked).to.equal(true);
    expect(cold.checked).to.equal(false);
    expect(control(el, 'Weight for Free time')).to.exist;
  });

  it('draws links coloured by the weight sign and sized by its magnitude', async () => {
    const el = await fixture<NnNeuron>(walk);
    const links = [...el.shadowRoot!.querySelectorAll<SVGLineElement>('line.link[data-index]')];
    expect(links.map((l) => l.classList.contains('negative'))).to.deep.equal([false, true, false]);
    expect(links.map((l) => l.classList.contains('positive'))).to.deep.equal([true, false, true]);
    const widths = links.map((l) => Number(l.getAttribute('stroke-width')));
    expect(widths[0]).to.be.greaterThan(widths[2]);
    expect(widths[2]).to.be.greaterThan(widths[1]);
    const diagram = el.shadowRoot!.querySelector('svg.diagram')!;
    expect(diagram.getAttribute('role')).to.equal('img');
    expect(diagram.getAttribute('aria-label')).to.contain('Sunny 1 with weight 0.80');
  });

  it('renders the activation formula as MathML with live values', async () => {
    const el = await fixture<NnNeuron>(walk);
    const maths = el.shadowRoot!.querySelectorAll('math');
    expect(maths.length).to.be.greaterThan(2);
    expect(maths[0].namespaceURI).to.equal('http://www.w3.org/1998/Math/MathML');
    expect(el.shadowRoot!.querySelector('mfrac')).to.exist;
    const live = [...el.shadowRoot!.querySelectorAll('math .live')].map((n) => n.textContent);
    expect(live).to.deep.equal(['0.80', '0.69']);
  });

  it('parses every attribute', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron
      inputs="2, 4"
      weights="−0.5, 0.25"
      bias="0.3"
      activation="tanh"
      labels="Apples,Pears"
      output-label="Mood"
      input-min="-1"
      input-max="5"
      step="0.5"
      threshold="0.2"
      precision="3"
      editable="inputs,bias"
      show-plot
    ></nn-neuron>`);
    expect(el.inputs).to.deep.equal([2, 4]);
    expect(el.weights).to.deep.equal([-0.5, 0.25]);
    expect(el.bias).to.equal(0.3);
    const z = -0.5 * 2 + 0.25 * 4 + 0.3;
    expect(el.z).to.be.closeTo(z, 1e-12);
    expect(el.output).to.be.closeTo(Math.tanh(z), 1e-12);
    expect(shown(el, '.output-value')).to.equal(Math.tanh(z).toFixed(3));
    expect(shown(el, '.output-label')).to.equal('Mood');
    expect(shown(el, '.headline .decision')).to.match(/^Yes/);
    const apples = control(el, 'Value of Apples')!;
    expect([apples.min, apples.max, apples.step, apples.value]).to.deep.equal(['-1', '5', '0.5', '2']);
    // editable="inputs,bias": weights are shown, not editable.
    expect(control(el, 'Weight for Apples')).to.not.exist;
    expect(control(el, 'Bias')).to.exist;
    const plot = el.shadowRoot!.querySelector<NnActivationPlot>('nn-activation-plot')!;
    expect(plot).to.exist;
    await plot.updateComplete;
    expect(plot.activation).to.equal('tanh');
    expect(plot.value).to.be.closeTo(z, 1e-12);
    expect(plot.shadowRoot!.querySelectorAll('circle.marker')).to.have.length(1);

    el.editable = 'none';
    el.inputType = 'binary';
    el.inputs = [1, 0];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('input')).to.have.length(0);
    expect(shown(el, '.breakdown tbody tr:first-child .name')).to.equal('Apples');
  });

  it('changes a weight by keyboard and fires one input and one change with the new numbers', async () => {
    const el = await fixture<NnNeuron>(walk);
    const events = record(el);
    const slider = control(el, 'Weight for Sunny')!;
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.weights).to.deep.equal([0.9, -0.4, 0.5]);
    expect(events.map((e) => e.type)).to.deep.equal(['input', 'change']);
    const z = 0.9 * 1 + -0.4 * 0 + 0.5 * 1 - 0.5;
    for (const { event } of events) {
      expect(event).to.be.instanceOf(CustomEvent);
      const detail = (event as CustomEvent<NeuronChangeDetail>).detail;
      expect(detail.inputs).to.deep.equal([1, 0, 1]);
      expect(detail.weights).to.deep.equal([0.9, -0.4, 0.5]);
      expect(detail.bias).to.equal(-0.5);
      expect(detail.z).to.be.closeTo(z, 1e-12);
      expect(detail.output).to.be.closeTo(sigmoid(z), 1e-12);
    }
    expect(shown(el, '.z-value')).to.equal(z.toFixed(2));
    expect(shown(el, '[aria-live="polite"]')).to.equal(`Go for a walk?: ${sigmoid(z).toFixed(2)}, Yes.`);
  });

  it('toggles a binary input with the keyboard, and the decision follows', async () => {
    const el = await fixture<NnNeuron>(walk);
    const events = record(el);
    const sunny = control(el, 'Sunny', 'checkbox')!;
    sunny.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.inputs).to.deep.equal([0, 0, 1]);
    expect(events.filter((e) => e.type === 'input')).to.have.length(1);
    expect(events.filter((e) => e.type === 'change')).to.have.length(1);
    const z = 0.5 - 0.5;
    expect(el.z).to.be.closeTo(z, 1e-12);
    expect(shown(el, '.output-value')).to.equal(sigmoid(z).toFixed(2));
    // sigmoid(0) = 0.5 ≥ 0.5 is still yes; switching "Free time" off too gives no.
    control(el, 'Free time', 'checkbox')!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.output).to.be.closeTo(sigmoid(-0.5), 1e-12);
    expect(shown(el, '.headline .decision')).to.match(/^No/);
    expect(shown(el, '[aria-live="polite"]')).to.contain('No');
  });

  it('commits a typed bias from the number field on Enter, firing input then change', async () => {
    const el = await fixture<NnNeuron>(walk);
    const events = record(el);
    const field = control(el, 'Bias, exact value', 'number')!;
    field.focus();
    field.select();
    await sendKeys({ type: '-1.25' });
    expect(events, 'no event while typing').to.have.length(0);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.bias).to.equal(-1.25);
    expect(events.map((e) => e.type)).to.deep.equal(['input', 'change']);
    expect((events[1].event as CustomEvent<NeuronChangeDetail>).detail.z).to.be.closeTo(1.3 - 1.25, 1e-12);
    // The slider shows the nearest step of 0.1.
    expect(control(el, 'Bias')!.valueAsNumber).to.be.closeTo(-1.25, 0.05 + 1e-9);
  });

  it('steps a number field with the arrow keys as its slider does, and commits each step', async () => {
    const el = await fixture<NnNeuron>(walk);
    const events = record(el);
    const field = control(el, 'Bias, exact value', 'number')!;
    field.focus();
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.bias, 'one slider step of 0.1, not 1').to.be.closeTo(-0.4, 1e-12);
    expect(events.map((e) => e.type)).to.deep.equal(['input', 'change']);
    expect((events[1].event as CustomEvent<NeuronChangeDetail>).detail.z).to.be.closeTo(0.9, 1e-12);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.bias).to.be.closeTo(-0.6, 1e-12);
    expect(field.valueAsNumber).to.be.closeTo(-0.6, 1e-12);
    expect(shown(el, '.z-value')).to.equal('0.70');
  });

  it('does not let the inner native events leak out of the shadow root', async () => {
    const el = await fixture<NnNeuron>(walk);
    const seen: Event[] = [];
    el.parentElement!.addEventListener('input', (event) => seen.push(event));
    const slider = control(el, 'Weight for Cold')!;
    slider.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(seen).to.have.length(1);
    expect(seen[0]).to.be.instanceOf(CustomEvent);
    expect((seen[0] as CustomEvent<NeuronChangeDetail>).detail.weights[1]).to.be.closeTo(-0.5, 1e-12);
  });

  it('updates z and output at once when a property is set, and fires nn-neuron-update after rendering', async () => {
    const el = await fixture<NnNeuron>(walk);
    el.bias = 0.5;
    expect(el.z).to.be.closeTo(1.8, 1e-12);
    await oneEvent(el, 'nn-neuron-update');
    expect(shown(el, '.z-value')).to.equal('1.80');
  });

  it('shows a message for bad input, keeps the last good state, warns once, and recovers', async () => {
    const el = await fixture<NnNeuron>(walk);
    const warnings = await captureWarnings(async () => {
      el.setAttribute('weights', '0.8, -0.4');
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
    });
    expect(alertText(el)).to.contain('3 inputs but 2 weights');
    expect(warnings).to.have.length(1);
    expect(shown(el, '.z-value')).to.equal('0.80');
    expect(el.z).to.be.closeTo(0.8, 1e-12);

    const cases: [string, string, RegExp][] = [
      ['weights', '0.8, x, 0.5', /weights: item 2 \("x"\) is not a number/],
      ['activation', 'sigmod', /Unknown activation "sigmod"\. Use "sigmoid", "tanh"/],
      ['activation', 'softmax', /whole layer.*"sigmoid"/],
      ['inputs', '', /inputs must list numbers/],
      ['bias', 'big', /bias must be a number/],
      ['inputs', '1, 0.5, 1', /input-type="binary".*0 or 1/],
      ['input-type', 'dial', /input-type "dial" is not known\. Use "range" or "binary"/],
      ['editable', 'everything', /editable "everything" is not known/],
      ['precision', '12', /precision must be a whole number from 0 to 6/],
    ];
    for (const [name, value, pattern] of cases) {
      el.setAttribute('weights', '0.8,-0.4,0.5');
      await captureWarnings(async () => {
        el.setAttribute(name, value);
        await el.updateComplete;
      });
      expect(alertText(el), `${name}="${value}"`).to.match(pattern);
      expect(shown(el, '.output-value'), `${name}="${value}" keeps the drawing`).to.equal('0.69');
      el.removeAttribute(name);
      if (name === 'inputs') el.inputs = [1, 0, 1];
      if (name === 'weights') el.weights = [0.8, -0.4, 0.5];
      if (name === 'activation') el.activation = 'sigmoid';
      if (name === 'input-type') el.inputType = 'binary';
      if (name === 'editable') el.editable = 'all';
      if (name === 'precision') el.precision = 2;
      if (name === 'bias') el.bias = -0.5;
      await el.updateComplete;
    }
    el.weights = [0.8, -0.4, 1.5];
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.not.exist;
    expect(shown(el, '.z-value')).to.equal('1.80');
    // Still works: the keyboard changes it.
    control(el, 'Weight for Sunny')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.weights[0]).to.be.closeTo(0.7, 1e-12);
  });

  it('keeps z and output at the drawn, last good values while the inputs are bad', async () => {
    const el = await fixture<NnNeuron>(walk);
    await captureWarnings(async () => {
      el.setAttribute('inputs', '1, 0.5, 1');
      await el.updateComplete;
    });
    expect(alertText(el)).to.match(/input-type="binary"/);
    expect(shown(el, '.z-value')).to.equal('0.80');
    expect(el.z, 'z as drawn, not computed from the bad inputs').to.be.closeTo(0.8, 1e-12);
    expect(el.output).to.be.closeTo(sigmoid(0.8), 1e-12);
    el.setAttribute('inputs', '1, 1, 1');
    expect(el.z, 'good again: at once, before rendering').to.be.closeTo(0.4, 1e-12);
  });

  it('draws each weight on a pill of the card background, so its link never runs through the number', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron inputs="1, 1" weights="2.5, -3"></nn-neuron>`);
    await settle(el);
    const background = getComputedStyle(el.shadowRoot!.querySelector('.card')!).backgroundColor;
    const labels = [...el.shadowRoot!.querySelectorAll<SVGGElement>('.weights .weight')];
    expect(labels).to.have.length(2);
    for (const label of labels) {
      const text = label.querySelector('text')!.getBBox();
      const rect = label.querySelector('rect')!;
      const pill = rect.getBBox();
      expect(pill.x, 'left').to.be.at.most(text.x - 2);
      expect(pill.x + pill.width, 'right').to.be.at.least(text.x + text.width + 2);
      expect(pill.y, 'top').to.be.at.most(text.y);
      expect(pill.y + pill.height, 'bottom').to.be.at.least(text.y + text.height);
      expect(getComputedStyle(rect).fill).to.equal(background);
    }
  });

  for (const width of [312, 800]) {
    it(`fits every activation's name inside the neuron, beside Σ, ${width}px wide`, async () => {
      const el = await boxed(width, html`<nn-neuron></nn-neuron>`);
      for (const name of scalarActivationNames) {
        el.activation = name;
        await el.updateComplete;
        const circle = el.shadowRoot!.querySelector<SVGCircleElement>('.neuron circle')!;
        const [cx, cy, r] = [circle.cx, circle.cy, circle.r].map((a) => a.baseVal.value);
        const divider = Number(el.shadowRoot!.querySelector('.neuron .divider')!.getAttribute('x1'));
        const inside = (box: DOMRect) =>
          [box.x, box.x + box.width].every((x) => [box.y, box.y + box.height].every((y) => Math.hypot(x - cx, y - cy) <= r - 1));
        const sum = el.shadowRoot!.querySelector<SVGTextElement>('.glyph.sum')!.getBBox();
        const fn = el.shadowRoot!.querySelector<SVGTextElement>('.glyph.fn')!.getBBox();
        expect(inside(sum), `${name}: Σ inside`).to.equal(true);
        expect(inside(fn), `${name}: name inside`).to.equal(true);
        expect(sum.x + sum.width, `${name}: Σ left of the divider`).to.be.at.most(divider - 1);
        expect(fn.x, `${name}: name right of the divider`).to.be.at.least(divider + 1);
      }
    });
  }

  it('keeps the numbers in the input and output nodes inside their circles, even with six digits', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron
      inputs="12.5, -3.25"
      weights="-2.123456, 3.5"
      bias="10"
      activation="leaky-relu"
      precision="6"
    ></nn-neuron>`);
    await settle(el);
    const nodes = [...el.shadowRoot!.querySelectorAll('.input-node, .output-node')];
    expect(nodes).to.have.length(3);
    for (const node of nodes) {
      const circle = node.querySelector<SVGCircleElement>('circle')!;
      const [cx, r] = [circle.cx.baseVal.value, circle.r.baseVal.value];
      const text = node.querySelector<SVGTextElement>('text.value')!;
      const box = text.getBBox();
      expect(box.x, `${text.textContent} left`).to.be.at.least(cx - r + 2);
      expect(box.x + box.width, `${text.textContent} right`).to.be.at.most(cx + r - 2);
    }
  });

  it('shows a value such as −0.75 whole in its number field', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron inputs="0.25, 0.75" weights="-0.75, 1.25" bias="-1.25"></nn-neuron>`);
    const fields = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="number"]')];
    expect(fields.map((f) => f.value)).to.deep.equal(['0.25', '-0.75', '0.75', '1.25', '-1.25']);
    for (const field of fields) expect(field.scrollWidth, field.value).to.be.at.most(field.clientWidth);
  });

  it('shows every number field with `precision` digits, as the rest of the neuron', async () => {
    const numbers = (el: NnNeuron) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="number"]')].map((f) => f.value);
    // Row by row: each input's value and weight, then the bias.
    const values = [1, 0.8, 0.5, -0.6, 0.1];
    const el = await fixture<NnNeuron>(html`<nn-neuron></nn-neuron>`);
    expect(numbers(el)).to.deep.equal(values.map((v) => v.toFixed(2)));
    for (const precision of [0, 3, 6]) {
      el.precision = precision;
      await el.updateComplete;
      expect(numbers(el), `precision ${precision}`).to.deep.equal(values.map((v) => v.toFixed(precision)));
      for (const field of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="number"]')) {
        expect(field.scrollWidth, `${field.value} fits`).to.be.at.most(field.clientWidth);
      }
    }
    // On a phone too, each field shows its whole number inside its row.
    for (const precision of [3, 6]) {
      const phone = await boxed(312, html`<nn-neuron inputs="1, 0.5" weights="-2, 0.25" bias="-0.3" precision=${precision}></nn-neuron>`);
      for (const field of phone.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="number"]')) {
        const row = field.closest('.row')!.getBoundingClientRect();
        expect(field.getBoundingClientRect().right, `${field.value} inside its row`).to.be.at.most(row.right + 0.5);
        expect(field.scrollWidth, `${field.value} whole`).to.be.at.most(field.clientWidth);
      }
    }
    // A typed number with more digits commits, and its field then shows the same digits as the table.
    el.precision = 2;
    await el.updateComplete;
    const field = control(el, 'Bias, exact value', 'number')!;
    field.focus();
    field.select();
    await sendKeys({ type: '0.1234' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.bias).to.equal(0.1234);
    expect(field.value).to.equal((0.1234).toFixed(2));
    expect(shown(el, '.breakdown tfoot tr:nth-child(2) .num')).to.equal((0.1234).toFixed(2));
  });

  it('colours z and the output in the live formula by their sign, readable in light and dark', async () => {
    for (const scheme of ['light', 'dark']) {
      // z = −2 is negative; sigmoid(−2) ≈ 0.12 is positive.
      const el = await fixture<NnNeuron>(html`<nn-neuron inputs="1" weights="-2" bias="0" style="color-scheme: ${scheme}"></nn-neuron>`);
      const [z, output] = [...el.shadowRoot!.querySelectorAll<Element>('math .live')];
      expect(z.classList.contains('negative'), `${scheme}: z is negative`).to.equal(true);
      expect(output.classList.contains('positive'), `${scheme}: output is positive`).to.equal(true);
      const [zColour, outputColour] = [getComputedStyle(z).color, getComputedStyle(output).color];
      expect(zColour, `${scheme}: the signs look different`).to.not.equal(outputColour);
      const panel = getComputedStyle(el.shadowRoot!.querySelector('.math')!).backgroundColor;
      for (const [name, colour] of [['z', zColour], ['output', outputColour]]) {
        expect(contrast(colour, panel), `${scheme}: ${name} ${colour} on ${panel}`).to.be.at.least(4.5);
      }
    }
  });

  it('copes with sums too large to compute: the plot keeps its range, and the decision says it cannot decide', async () => {
    let el!: NnNeuron;
    const { errors } = await captureConsole(async () => {
      el = await fixture<NnNeuron>(html`<nn-neuron inputs="1e300" weights="1e300" show-plot></nn-neuron>`);
      await settle(el);
    });
    expect(errors).to.deep.equal([]);
    expect(el.z).to.equal(Infinity);
    const plot = el.shadowRoot!.querySelector<NnActivationPlot>('nn-activation-plot')!;
    await plot.updateComplete;
    expect(alertText(el), 'the neuron').to.equal('');
    expect(alertText(plot), 'its plot, about an attribute nobody set').to.equal('');
    expect(plot.shadowRoot!.querySelector('path.curve')!.getAttribute('d')).to.match(/^M/);
    expect(drawingProblems(el.shadowRoot!)).to.deep.equal([]);

    // ∞ − ∞: the output is not a number, so neither yes nor no.
    el.inputs = [1e300, -1e300];
    el.weights = [1e300, 1e300];
    el.threshold = 0.5;
    await el.updateComplete;
    expect(el.output).to.be.NaN;
    expect(shown(el, '.headline .decision')).to.match(/^Can’t decide/);
    expect(shown(el, '.headline .decision')).to.contain('not a number');
    expect(shown(el, '.output-node .decision')).to.equal('?');
    expect(el.shadowRoot!.querySelector('.output-node')!.classList.contains('no')).to.equal(false);
    expect(drawingProblems(el.shadowRoot!)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // An output that overflows cannot decide either; sigmoid of an overflowing z is 1, which can.
    el.activation = 'relu';
    el.inputs = [1e300];
    el.weights = [1e300];
    await el.updateComplete;
    expect(el.output).to.equal(Infinity);
    expect(shown(el, '.headline .decision')).to.match(/^Can’t decide/);
    el.activation = 'sigmoid';
    await el.updateComplete;
    expect(shown(el, '.headline .decision')).to.match(/^Yes/);
  });

  it('breaks long names in the computation between words, never inside one, on a phone', async () => {
    const el = await boxed(
      312,
      html`<nn-neuron labels="Hours of sleep,Cups of coffee" inputs="7,2" weights="0.3,-0.8" bias="-0.4" precision="3" input-max="10"></nn-neuron>`,
    );
    for (const th of el.shadowRoot!.querySelectorAll('.breakdown tbody th.name')) {
      const text = [...th.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')!;
      let at = 0;
      for (const word of text.textContent!.split(' ')) {
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + word.length);
        expect(range.getClientRects().length, `"${word}" on one line`).to.equal(1);
        at += word.length + 1;
      }
    }
    const panel = el.shadowRoot!.querySelector('.math')!;
    const right = panel.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(panel).paddingRight);
    expect(el.shadowRoot!.querySelector('.breakdown')!.getBoundingClientRect().right, 'the table fits').to.be.at.most(right + 0.5);
  });

  it('fits the table of six-decimal numbers on a phone, shrinking only while it must', async () => {
    const neuron = html`<nn-neuron inputs="0.5,-1.25,2" weights="0.8,-0.3,1.1" bias="-0.2" precision="6"></nn-neuron>`;
    const wide = await boxed(900, neuron);
    const fullSize = getComputedStyle(wide.shadowRoot!.querySelector('.breakdown')!).fontSize;
    const el = await boxed(312, neuron);
    const panel = el.shadowRoot!.querySelector('.math')!;
    const table = el.shadowRoot!.querySelector('.breakdown')!;
    const right = () => panel.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(panel).paddingRight);
    expect(table.getBoundingClientRect().right, 'the table fits').to.be.at.most(right() + 0.5);
    expect(Number.parseFloat(getComputedStyle(table).fontSize), 'smaller than on a wide page').to.be.lessThan(Number.parseFloat(fullSize));
    // Longer numbers: the table measures again and still fits.
    el.weights = [-123.456, -0.3, 1.1];
    el.inputs = [-98.765, -1.25, 2];
    await el.updateComplete;
    expect(table.getBoundingClientRect().right, 'the table fits longer numbers').to.be.at.most(right() + 0.5);
    // Given room, it gets its stylesheet's size back.
    el.weights = [0.8, -0.3, 1.1];
    el.inputs = [0.5, -1.25, 2];
    el.parentElement!.style.width = '900px';
    await settle(el);
    await el.updateComplete;
    expect(getComputedStyle(table).fontSize).to.equal(fullSize);
  });

  it('fits every formula in the panel on a phone, the long GELU one too', async () => {
    const el = await boxed(312, html`<nn-neuron inputs="0.5, -1" weights="1.5, 0.8" bias="0.2"></nn-neuron>`);
    const panel = el.shadowRoot!.querySelector('.math')!;
    for (const name of scalarActivationNames) {
      el.activation = name;
      await el.updateComplete;
      const right = panel.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(panel).paddingRight);
      for (const math of panel.querySelectorAll('math')) {
        expect(math.getBoundingClientRect().right, `${name}: ${math.textContent}`).to.be.at.most(right + 0.5);
      }
    }
  });

  it('keeps an empty label slot in place: that input gets its default name', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron labels="Sunny,,Free time" inputs="1,0,1" weights="0.8,-0.4,0.5"></nn-neuron>`);
    const names = [...el.shadowRoot!.querySelectorAll('.breakdown tbody th.name')].map((th) => th.textContent!.trim());
    expect(names).to.deep.equal(['Sunny', 'x₂', 'Free time']);
  });

  it('renders labels as text, never as HTML', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron
      labels='<img src=x onerror="window.__nnPwned=1">,<b>bold</b>'
      output-label="<img src=y onerror=alert(1)>"
    ></nn-neuron>`);
    expect(el.shadowRoot!.querySelector('img')).to.not.exist;
    expect(el.shadowRoot!.querySelector('b')).to.not.exist;
    expect(shown(el, '.controls .row:not(.head) .name')).to.equal('<img src=x onerror="window.__nnPwned=1">');
    expect(shown(el, '.output-label')).to.equal('<img src=y onerror=alert(1)>');
    expect((window as unknown as { __nnPwned?: number }).__nnPwned).to.equal(undefined);
  });
});
