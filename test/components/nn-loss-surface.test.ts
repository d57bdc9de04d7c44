import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../components/nn-loss-surface/nn-loss-surface.js';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnLossSurface } from '../../components/nn-loss-surface/nn-loss-surface.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { captureConsole, drawingProblems } from '../shared/finite.js';
import { captureWarnings, nextFrame, settleWidth } from './helpers.js';

/** The surfaces and their gradients, written here from their formulas (not from the core). */
const LOSS: Record<string, (x: number, y: number) => number> = {
  bowl: (x, y) => x ** 2 + y ** 2,
  ravine: (x, y) => x ** 2 / 20 + y ** 2,
  saddle: (x, y) => x ** 2 + (y ** 2 - 2) ** 2 / 4,
  rosenbrock: (x, y) => (1 - x) ** 2 + 100 * (y - x ** 2) ** 2,
  'two-minima': (x, y) => (x ** 2 - 1) ** 2 + x / 2 + y ** 2,
  plateau: (x, y) => 1 - Math.exp(-(x ** 2 + y ** 2) / 2),
};

const root = (el: Element) => el.shadowRoot!;
const alertText = (el: Element) => root(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const $ = <T extends Element = Element>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = Element>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const toNumber = (text: string | null | undefined) => Number((text ?? '').trim().replace(/\u2212/g, '-'));
const settle = (el: NnLossSurface) => settleWidth(el, 'svg.overlay');

/** Pixel → value along an axis of the map, read from its first and last labelled ticks (independent of the element's scales). */
function axis(el: Element, name: 'x' | 'y') {
  const ticks = $$<SVGTextElement>(el, `svg.overlay text.tick.${name}`);
  const [a, b] = [ticks[0], ticks.at(-1)!];
  const [pa, pb] = [Number(a.getAttribute(name)), Number(b.getAttribute(name))];
  const [va, vb] = [toNumber(a.textContent), toNumber(b.textContent)];
  return { value: (pixel: number) => va + ((pixel - pa) / (pb - pa)) * (vb - va), pixel: (value: number) => pa + ((value - va) / (vb - va)) * (pb - pa) };
}

/** Where a run's current-point marker is drawn, as (x, y) values read back through the axes. */
function drawnPoint(el: Element, optimizer: string): [number, number] {
  const mark = $(el, `g.current[data-optimizer="${optimizer}"] .point`)!;
  const box = (mark as SVGGraphicsElement).getBBox();
  return [axis(el, 'x').value(box.x + box.width / 2), axis(el, 'y').value(box.y + box.height / 2)];
}

/** The map canvas's pixel at a fraction of its width and height. */
function pixel(el: Element, fx: number, fy: number): number[] {
  const canvas = $<HTMLCanvasElement>(el, 'canvas.heights')!;
  const data = canvas.getContext('2d')!.getImageData(Math.floor(fx * (canvas.width - 1)), Math.floor(fy * (canvas.height - 1)), 1, 1).data;
  return [...data];
}
const brightness = ([r, g, b]: number[]) => r + g + b;

describe('<nn-loss-surface>', () => {
  it('is accessible: alone, racing three optimizers after some steps, and diverged', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface></nn-loss-surface>`);
    await settle(el);
    await expect(el).to.be.accessible();
    const race = await fixture<NnLossSurface>(html`<nn-loss-surface surface="ravine" optimizer="sgd, momentum, adam"></nn-loss-surface>`);
    for (let i = 0; i < 12; i++) race.step();
    await race.updateComplete;
    await expect(race).to.be.accessible();
    const wild = await fixture<NnLossSurface>(html`<nn-loss-surface learning-rate="1.2"></nn-loss-surface>`);
    while (!wild.diverged) wild.step();
    await wild.updateComplete;
    await expect(wild).to.be.accessible();
  });

  it('shows the bowl by default: its formula, a shaded map lowest in the middle, plain gradient descent at α = 0.1 from its start', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface></nn-loss-surface>`);
    await settle(el);
    expect(alertText(el)).to.equal('');
    expect($(el, '.title')!.textContent).to.equal('Bowl');
    expect($(el, '.header math')!.textContent!.replace(/\s/g, '')).to.equal('L=x2+y2');
    expect(el.path).to.have.length(1);
    expect(el.path[0]).to.deep.equal([{ x: -1.5, y: 1.2, loss: LOSS.bowl(-1.5, 1.2) }]);
    expect($(el, '.rate output')!.textContent).to.equal('0.1');
    expect($$(el, '.legend li[data-optimizer]').map((li) => li.getAttribute('data-optimizer'))).to.deep.equal(['sgd']);
    expect($$(el, '.toolbar button').map((b) => b.textContent!.trim())).to.deep.equal(['Play', 'Step', 'Reset']);
    expect($(el, '.toolbar select')).to.exist;
    expect($$(el, '.optimizers input[type="checkbox"]')).to.have.length(3);
    // Lowest (lightest, in the light scheme) in the middle, higher towards every corner.
    const middle = brightness(pixel(el, 0.5, 0.5));
    for (const [fx, fy] of [[0.02, 0.02], [0.98, 0.02], [0.02, 0.98], [0.98, 0.98]]) expect(brightness(pixel(el, fx, fy))).to.be.below(middle - 60);
    expect(pixel(el, 0.3, 0.7)[3], 'opaque').to.equal(255);
    const ticks = $$(el, 'svg.overlay text.tick.x').map((t) => toNumber(t.textContent));
    expect([ticks[0], ticks.at(-1)]).to.deep.equal([-2, 2]);
    const label = $(el, '.map[role="img"]')!.getAttribute('aria-label')!;
    expect(label).to.include('L = x² + y²').and.include('from −2 to 2').and.include('at the start (−1.5, 1.2)');
    const [px, py] = drawnPoint(el, 'sgd');
    expect(px).to.be.closeTo(-1.5, 0.02);
    expect(py).to.be.closeTo(1.2, 0.02);
    expect($(el, '[part="slice"] svg')).to.exist;
    expect($(el, '[part="rule"] math mtable')).to.exist;
    expect(drawingProblems(root(el))).to.deep.equal([]);
  });

  it('lossAt is each surface\'s formula', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface></nn-loss-surface>`);
    for (const [name, loss] of Object.entries(LOSS)) {
      el.surface = name;
      await el.updateComplete;
      for (const [x, y] of [[0, 0], [-1.25, 0.5], [1.7, -0.3], [0.2, 2.5]]) expect(el.lossAt(x, y), `${name} at (${x}, ${y})`).to.be.closeTo(loss(x, y), 1e-12 * (1 + loss(x, y)));
      expect(alertText(el)).to.equal('');
    }
  });

  it('steps by exactly −α∇L, draws the step it will take next, and describes where it is', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface learning-rate="0.3"></nn-loss-surface>`);
    await settle(el);
    // The step arrow ends where the next step lands: x − α·2x, y − α·2y.
    const next: [number, number] = [-1.5 - 0.3 * (2 * -1.5), 1.2 - 0.3 * (2 * 1.2)];
    const head = ($(el, 'g.step path') as SVGGraphicsElement).getBBox();
    const x = axis(el, 'x');
    const y = axis(el, 'y');
    expect(Math.hypot(x.pixel(next[0]) - (head.x + head.width / 2), y.pixel(next[1]) - (head.y + head.height / 2))).to.be.below(6);
    const stepped = oneEvent(el, 'nn-step');
    el.step();
    const { detail } = await stepped;
    expect(detail).to.deep.equal({ step: 1, points: [{ optimizer: 'sgd', x: next[0], y: next[1], loss: LOSS.bowl(...next) }] });
    expect(el.path[0][1]).to.deep.equal({ x: next[0], y: next[1], loss: LOSS.bowl(...next) });
    await el.updateComplete;
    const [px, py] = drawnPoint(el, 'sgd');
    expect(px).to.be.closeTo(next[0], 0.02);
    expect(py).to.be.closeTo(next[1], 0.02);
    const path = $(el, 'path.path')!.getAttribute('d')!;
    expect(path.match(/[ML]/g)).to.have.length(2);
    expect($(el, '.summary')!.textContent).to.include('step 1 of 200').and.include('(−0.6, 0.48)');
    // The rule shows the same numbers: x_new = x − α ∂L/∂x.
    expect($(el, '[part="rule"]')!.textContent!.replace(/\s/g, '')).to.include('−0.2400=−0.6000−0.3×(−1.200)');
  });

  it('the gradient arrow points uphill, the step downhill', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface surface="ravine" start="2, -1"></nn-loss-surface>`);
    await settle(el);
    const from = [axis(el, 'x').pixel(2), axis(el, 'y').pixel(-1)];
    const tip = ($(el, 'g.gradient path') as SVGGraphicsElement).getBBox();
    // ∇L = (x/10, 2y) = (0.2, −2): up is right and down the page (y shrinks), mostly down.
    expect(tip.x + tip.width / 2 - from[0]).to.be.above(0);
    expect(tip.y + tip.height / 2 - from[1]).to.be.above(20);
    const step = ($(el, 'g.step path') as SVGGraphicsElement).getBBox();
    expect(step.y + step.height / 2 - from[1]).to.be.below(0);
  });

  it('reads surface, learning-rate, optimizer, start, steps, range, show, controls and seed', async () => {
    const el = await fixture<NnLossSurface>(
      html`<nn-loss-surface surface="rosenbrock" learning-rate="0.002" optimizer="adam, momentum" start="−1, 2.5" steps="3" range="-2, 2, -1, 3" show="path, formula" controls="play, learning-rate"></nn-loss-surface>`,
    );
    await settle(el);
    expect(alertText(el)).to.equal('');
    expect($(el, '.title')!.textContent).to.equal('Rosenbrock valley');
    expect(el.path.map((run) => run[0])).to.deep.equal([
      { x: -1, y: 2.5, loss: LOSS.rosenbrock(-1, 2.5) },
      { x: -1, y: 2.5, loss: LOSS.rosenbrock(-1, 2.5) },
    ]);
    expect($$(el, '.legend li[data-optimizer]').map((li) => li.getAttribute('data-optimizer'))).to.deep.equal(['adam', 'momentum']);
    const yTicks = $$(el, 'svg.overlay text.tick.y').map((t) => toNumber(t.textContent));
    expect([Math.min(...yTicks), Math.max(...yTicks)]).to.deep.equal([-1, 3]);
    expect($(el, '.rate output')!.textContent).to.equal('0.002');
    expect($$(el, '.toolbar button').map((b) => b.className)).to.deep.equal(['play']);
    expect($(el, '.toolbar select')).to.equal(null);
    expect($(el, 'g.gradient'), 'no gradient arrow').to.equal(null);
    expect($(el, '[part="slice"]'), 'no slice').to.equal(null);
    expect($(el, '[part="rule"]'), 'the rule comes with the formula').to.exist;
    const stopped = oneEvent(el, 'nn-stopped');
    for (let i = 0; i < 10; i++) el.step();
    expect((await stopped).detail).to.deep.equal({ step: 3, reason: 'steps' });
    expect(el.path.map((run) => run.length)).to.deep.equal([4, 4]);
    await el.updateComplete;
    expect($<HTMLButtonElement>(el, 'button.play')!.disabled, 'nothing left to play').to.equal(true);
  });

  it('races each optimizer in its own colour, line style and marker shape', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface surface="ravine" optimizer="sgd, momentum, adam"></nn-loss-surface>`);
    expect(el.path.map((run) => run[0]), "all from the ravine's own start").to.deep.equal(Array(3).fill({ x: -2.8, y: 1.2, loss: LOSS.ravine(-2.8, 1.2) }));
    for (let i = 0; i < 20; i++) el.step();
    await el.updateComplete;
    const paths = $$<SVGPathElement>(el, 'path.path');
    expect(paths).to.have.length(3);
    const styles = paths.map((path) => getComputedStyle(path));
    expect(new Set(styles.map((s) => s.stroke)).size, 'colours').to.equal(3);
    expect(new Set(styles.map((s) => s.strokeDasharray)).size, 'line styles').to.equal(3);
    const shapes = $$(el, 'g.current .point').map((mark) => mark.localName + (mark.localName === 'path' ? 'diamond' : ''));
    expect(new Set(shapes).size, 'marker shapes').to.equal(3);
    // Momentum gets further down the long valley than plain descent in the same steps.
    const [sgd, momentum] = el.path.map((run) => run.at(-1)!.loss);
    expect(momentum).to.be.below(sgd);
  });

  it("moves the surface's own start inside a range that leaves it out", async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface range="1"></nn-loss-surface>`);
    const { x, y } = el.path[0][0];
    expect(Math.abs(x)).to.be.at.most(1);
    expect(Math.abs(y)).to.be.at.most(1);
    expect(alertText(el)).to.equal('');
  });

  it('start="random" draws a start inside the square from the seed: the same seed, the same start', async () => {
    const a = await fixture<NnLossSurface>(html`<nn-loss-surface start="random" seed="5"></nn-loss-surface>`);
    const b = await fixture<NnLossSurface>(html`<nn-loss-surface start="random" seed="5"></nn-loss-surface>`);
    const c = await fixture<NnLossSurface>(html`<nn-loss-surface start="random" seed="6"></nn-loss-surface>`);
    const start = (el: NnLossSurface) => [el.path[0][0].x, el.path[0][0].y];
    expect(start(a)).to.deep.equal(start(b));
    expect(start(a)).to.not.deep.equal(start(c));
    for (const value of [...start(a), ...start(c)]) expect(Math.abs(value)).to.be.below(2);
    expect(alertText(a)).to.equal('');
  });

  it('bad attributes show one message naming what is accepted, keep the last good map, and recover', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface></nn-loss-surface>`);
    const cases: [string, string, string][] = [
      ['surface', 'volcano', '"rosenbrock"'],
      ['learning-rate', 'fast', 'learning-rate must be a number from 0 to 100; got "fast"'],
      ['learning-rate', '-1', 'from 0 to 100'],
      ['optimizer', 'rmsprop', '"adam"'],
      ['optimizer', 'sgd, sgd', 'each optimizer once'],
      ['start', '1', 'two numbers'],
      ['start', '9, 9', 'outside the square'],
      ['steps', '2.5', 'whole number from 1 to 10000'],
      ['range', '1, 2, 3', '1, 2 or 4 numbers'],
      ['range', '2, -2', 'smaller number to a larger one'],
      ['range', '1e9', '±1000000'],
      ['show', 'everything', '"gradient"'],
      ['controls', 'stop', '"play"'],
      ['weights', '[0][0]', 'two weights'],
      ['strings', '{"play": 5}', 'strings.play must be text'],
    ];
    for (const [name, value, message] of cases) {
      const warnings = await captureWarnings(async () => {
        el.setAttribute(name, value);
        await el.updateComplete;
      });
      expect(alertText(el), `${name}="${value}"`).to.include(message);
      expect(warnings, `${name}="${value}"`).to.have.length(1);
      expect($(el, '.title')!.textContent, 'the last good map stays').to.equal('Bowl');
      expect(drawingProblems(root(el))).to.deep.equal([]);
      el.removeAttribute(name);
      await el.updateComplete;
      expect(alertText(el), `after removing ${name}`).to.equal('');
    }
  });

  it('moves the start with the arrow keys (Shift for bigger steps) and says so with change', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface></nn-loss-surface>`);
    await settle(el);
    el.step();
    const handle = $<HTMLButtonElement>(el, 'button.start-handle')!;
    expect(handle.getAttribute('aria-label')).to.include('x = −1.5, y = 1.2');
    handle.focus();
    const moved = oneEvent(el, 'change');
    await sendKeys({ press: 'ArrowRight' });
    // A key moves to the next multiple of a fiftieth of the square (4 wide, so 0.08) on its axis: −1.5 → −1.44.
    expect((await moved).detail).to.deep.equal({ name: 'start', value: [-1.44, 1.2] });
    await el.updateComplete;
    expect(el.path[0], 'the run starts again from there').to.deep.equal([{ x: -1.44, y: 1.2, loss: LOSS.bowl(-1.44, 1.2) }]);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    // With Shift, a tenth (0.4): 1.2 → 0.8; x stays.
    expect(el.start).to.deep.equal([-1.44, 0.8]);
    expect(root(el).activeElement, 'focus stays on the handle').to.equal($(el, 'button.start-handle'));
    const [px, py] = drawnPoint(el, 'sgd');
    expect(px).to.be.closeTo(-1.44, 0.02);
    expect(py).to.be.closeTo(0.8, 0.02);
  });

  it('changes the learning rate from its slider, and the surface from its menu', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface></nn-loss-surface>`);
    const slider = $<HTMLInputElement>(el, '.rate input')!;
    slider.focus();
    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'ArrowRight' });
    expect((await changed).detail).to.deep.equal({ name: 'learningRate', value: 0.15 });
    await el.updateComplete;
    expect($(el, '.rate output')!.textContent).to.equal('0.15');
    el.step();
    expect(el.path[0][1].x).to.equal(-1.5 - 0.15 * (2 * -1.5));
    const select = $<HTMLSelectElement>(el, '.toolbar select')!;
    select.value = 'plateau';
    const picked = oneEvent(el, 'change');
    select.dispatchEvent(new Event('change'));
    expect((await picked).detail).to.deep.equal({ name: 'surface', value: 'plateau' });
    await el.updateComplete;
    expect($(el, '.title')!.textContent).to.equal('Plateau');
    expect(el.path[0][0]).to.include({ x: 2.5, y: 2 });
    expect($(el, '.rate output')!.textContent, "the plateau's own learning rate").to.equal('0.1');
  });

  it('drags the start with the pointer', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface></nn-loss-surface>`);
    await settle(el);
    const box = $(el, 'svg.overlay')!.getBoundingClientRect();
    const at = (x: number, y: number): [number, number] => [Math.round(box.left + axis(el, 'x').pixel(x)), Math.round(box.top + axis(el, 'y').pixel(y))];
    const changed = oneEvent(el, 'change');
    await sendMouse({ type: 'move', position: at(1, -1) });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: at(0.5, 0.5) });
    await sendMouse({ type: 'up' });
    const { detail } = await changed;
    expect(detail.name).to.equal('start');
    const [x, y] = detail.value as number[];
    expect(x).to.be.closeTo(0.5, 0.05);
    expect(y).to.be.closeTo(0.5, 0.05);
    await el.updateComplete;
    expect(el.path[0][0]).to.include({ x, y });
  });

  it('plays about fifteen steps a second, pauses with nn-stopped, and resets to the start', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface surface="ravine"></nn-loss-surface>`);
    let steps = 0;
    el.addEventListener('nn-step', () => steps++);
    $<HTMLButtonElement>(el, 'button.play')!.click();
    expect(el.playing).to.equal(true);
    await oneEvent(el, 'nn-step');
    const start = performance.now();
    while (steps < 5) await nextFrame();
    expect(performance.now() - start, 'five steps take about a third of a second').to.be.below(2000);
    await el.updateComplete;
    expect($(el, 'button.play')!.textContent!.trim()).to.equal('Pause');
    const stopped = oneEvent(el, 'nn-stopped');
    $<HTMLButtonElement>(el, 'button.play')!.click();
    expect((await stopped).detail.reason).to.equal('paused');
    expect(el.path[0].length).to.equal(steps + 1);
    $<HTMLButtonElement>(el, 'button.reset')!.click();
    expect(el.path[0]).to.have.length(1);
    expect(el.playing).to.equal(false);
  });

  it('diverges with too large a learning rate: nn-diverged, a message, and no NaN drawn', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface learning-rate="1.1" steps="500"></nn-loss-surface>`);
    await settle(el);
    const diverged = oneEvent(el, 'nn-diverged');
    const stopped = oneEvent(el, 'nn-stopped');
    let count = 0;
    while (!el.diverged && count++ < 500) el.step();
    const { detail } = await diverged;
    expect(detail.optimizer).to.equal('sgd');
    expect((await stopped).detail.reason).to.equal('diverged');
    // Each step multiplies the distance from the minimum by −1.2: it leaves the view ten widths behind.
    const last = el.path[0].at(-1)!;
    expect(Math.max(Math.abs(last.x), Math.abs(last.y))).to.be.above(40);
    await el.updateComplete;
    expect($(el, '.message.diverged')!.textContent).to.include('Gradient descent diverged at step').and.include('smaller learning rate');
    expect($(el, '.legend .diverged')).to.exist;
    expect(alertText(el), 'divergence is not a bad attribute').to.equal('');
    expect(drawingProblems(root(el))).to.deep.equal([]);
    expect(root(el).textContent).to.not.match(/NaN|Infinity/);
    // The largest learning rate on the steepest surface: the first step lands 20000 widths away.
    const { errors } = await captureConsole(async () => {
      el.surface = 'rosenbrock';
      el.learningRate = 100;
      await el.updateComplete;
      el.step();
      await el.updateComplete;
    });
    expect(errors).to.deep.equal([]);
    expect(el.diverged).to.equal(true);
    expect(el.path[0]).to.have.length(2);
    expect($(el, '.message.diverged')!.textContent).to.include('diverged at step 1');
    expect(drawingProblems(root(el))).to.deep.equal([]);
    expect(root(el).textContent).to.not.match(/NaN|Infinity/);
  });

  it('autoplays when asked', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface autoplay></nn-loss-surface>`);
    expect(el.playing).to.equal(true);
    await oneEvent(el, 'nn-step');
    el.pause();
  });

  it('takes its words from strings', async () => {
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface strings='{"play": "Los", "step": "Schritt"}'></nn-loss-surface>`);
    expect($$(el, '.toolbar button').map((b) => b.textContent!.trim())).to.deep.equal(['Los', 'Schritt', 'Reset']);
  });
});

describe('<nn-loss-surface for="trainer">', () => {
  /** Waits until the map's canvas holds a picture (it is computed in idle time). */
  async function painted(el: NnLossSurface): Promise<void> {
    for (let i = 0; i < 400 && pixel(el, 0.5, 0.5)[3] === 0; i++) await nextFrame();
    expect(pixel(el, 0.5, 0.5)[3], 'the landscape is painted').to.equal(255);
  }

  it("draws the trainer's training loss over two of its weights, and the trainer's path as it trains", async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <nn-trainer id="lt" data="xor" hidden-layers="3" samples="80" seed="2" show="loss"></nn-trainer>
      <nn-loss-surface for="lt"></nn-loss-surface>
    </div>`);
    const trainer = page.querySelector<NnTrainer>('nn-trainer')!;
    const el = page.querySelector<NnLossSurface>('nn-loss-surface')!;
    await trainer.updateComplete;
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    const weights = () => trainer.network!.toJSON().weights;
    const before = Array.from(trainer.network!.weights);
    const [w0, w1] = [weights()[0][0][0], weights()[0][0][1]];
    expect(el.path[0].at(-1)).to.include({ x: w0, y: w1 });
    expect(el.lossAt(w0, w1), 'at the weights it has, the trainer\'s own training loss').to.equal(trainer.trainer!.evaluate().loss);
    const elsewhere = el.lossAt(w0 + 1, w1 - 1);
    expect(Array.from(trainer.network!.weights), 'every weight put back').to.deep.equal(before);
    trainer.network!.weights[0] = w0 + 1;
    trainer.network!.weights[1] = w1 - 1;
    expect(trainer.trainer!.evaluate().loss).to.equal(elsewhere);
    trainer.network!.weights[0] = w0;
    trainer.network!.weights[1] = w1;
    expect($(el, '.toolbar'), 'the trainer has its own controls').to.equal(null);
    expect($(el, 'button.start-handle')).to.equal(null);
    expect($(el, '.title')!.textContent).to.include('weights[0][0][0]').and.include('weights[0][0][1]');
    await painted(el);
    for (let i = 0; i < 5; i++) trainer.stepEpoch();
    await el.updateComplete;
    const path = el.path[0];
    expect(path.length).to.be.at.least(6);
    expect(path.at(-1)).to.include({ x: weights()[0][0][0], y: weights()[0][0][1] });
    expect(path.at(-1)!.loss).to.equal(trainer.trainer!.evaluate().loss);
    expect($$(el, 'path.path')).to.have.length(1);
    expect($(el, '.summary')!.textContent, "the trainer's own step count").to.include(`Trainer: step ${trainer.trainer!.steps}, at`);
    expect($(el, '.legend li[data-optimizer="trainer"]')!.textContent).to.include(`step ${trainer.trainer!.steps}`);
    expect($(el, '[part="rule"] math')).to.exist;
    expect(drawingProblems(root(el))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('follows the weights named, names the ones that exist when asked for one that does not, and waits for a trainer not there yet', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <nn-loss-surface for="later" weights="[1][0][2], [1][0][0]"></nn-loss-surface>
    </div>`);
    const el = page.querySelector<NnLossSurface>('nn-loss-surface')!;
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect($(el, '.message.note')!.textContent).to.include('Waiting for the trainer "later"');
    const trainer = document.createElement('nn-trainer') as NnTrainer;
    Object.assign(trainer, { id: 'later' });
    trainer.setAttribute('data', 'circle');
    trainer.setAttribute('hidden-layers', '3');
    trainer.setAttribute('show', 'loss');
    page.prepend(trainer);
    await trainer.updateComplete;
    for (let i = 0; i < 5 && !el.path[0]?.length; i++) await el.updateComplete.then(nextFrame);
    const w = trainer.network!.toJSON().weights;
    expect(el.path[0].at(-1)).to.include({ x: w[1][0][2], y: w[1][0][0] });
    expect($(el, '.message.note')).to.equal(null);
    const warnings = await captureWarnings(async () => {
      el.weights = '[5][0][0], [0][0][1]';
      await el.updateComplete;
    });
    expect(alertText(el)).to.include('weights[5][0][0] does not exist').and.include('weight layers 0 to 1');
    expect(warnings).to.have.length(1);
    el.weights = '';
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    const div = Object.assign(document.createElement('div'), { id: 'plain' });
    page.append(div);
    await captureWarnings(async () => {
      el.htmlFor = 'plain';
      await el.updateComplete;
    });
    expect(alertText(el)).to.include('points at a <div>').and.include('<nn-trainer>');
  });
});
