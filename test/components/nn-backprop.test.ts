import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/nn-backprop/nn-backprop.js';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnBackprop } from '../../components/nn-backprop/nn-backprop.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { drawingProblems } from '../shared/finite.js';
import { captureWarnings, nextFrame, settleWidth } from './helpers.js';

const root = (el: Element) => el.shadowRoot!;
const alertText = (el: Element) => root(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const $ = <T extends Element = Element>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = Element>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (el: Element, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const toNumber = (value: string | null | undefined) => Number((value ?? '').trim().replace(/\u2212/g, '-'));
const settle = (el: NnBackprop) => settleWidth(el, 'svg.diagram');

/**
 * Matt Mazur's worked example of backpropagation ("A Step by Step Backpropagation Example",
 * 2015): a 2-2-2 sigmoid network, inputs 0.05 and 0.10, targets 0.01 and 0.99. His error
 * Σ ½(t − o)² equals our MSE (1/n)Σ(t − o)² for n = 2, so his published numbers are ours.
 */
const MAZUR = {
  format: 'nn-kit.model',
  version: 1,
  layers: [2, 2, 2],
  activation: 'sigmoid',
  outputActivation: 'sigmoid',
  weights: [
    [[0.15, 0.2], [0.25, 0.3]],
    [[0.4, 0.45], [0.5, 0.55]],
  ],
  biases: [[0.35, 0.35], [0.6, 0.6]],
};
const mazur = (extra = '') =>
  `<nn-backprop inputs="0.05, 0.1" target="0.01, 0.99" ${extra}><script type="application/json">${JSON.stringify(MAZUR)}</script></nn-backprop>`;

/** The Mazur network's loss, written here from the formulas (not from the core). */
function mazurLoss(model: typeof MAZUR, x = [0.05, 0.1], t = [0.01, 0.99]): number {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const layer = (a: number[], k: number) => model.weights[k].map((row, j) => sigmoid(row.reduce((s, w, i) => s + w * a[i], model.biases[k][j])));
  const out = layer(layer(x, 0), 1);
  return out.reduce((s, o, i) => s + (o - t[i]) ** 2, 0) / out.length;
}

async function fromHtml(markup: string): Promise<NnBackprop> {
  const wrap = await fixture<HTMLElement>(`<div>${markup}</div>`);
  const el = wrap.querySelector<NnBackprop>('nn-backprop')!;
  await settle(el);
  return el;
}

/** Steps until the stage's phase is `phase`. */
async function stepTo(el: NnBackprop, phase: string): Promise<void> {
  while (el.stage.phase !== phase && el.stage.index < el.stage.count - 1) el.step();
  await el.updateComplete;
}

describe('<nn-backprop>', () => {
  it('is accessible: at the start, half way back, with the table shown, and after an update', async () => {
    const el = await fixture<NnBackprop>(html`<nn-backprop></nn-backprop>`);
    await settle(el);
    await expect(el).to.be.accessible();
    await stepTo(el, 'backward');
    for (let i = 0; i < 4; i++) el.step();
    el.show = ['values', 'gradients', 'chain', 'nudge', 'table'];
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await stepTo(el, 'update');
    $<HTMLButtonElement>(el, 'button.nudge')!.click();
    el.applyUpdate();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('starts at the first neuron of a 2-2-2 sigmoid network: 18 stages, every control, nothing backward yet', async () => {
    const el = await fixture<NnBackprop>(html`<nn-backprop></nn-backprop>`);
    await settle(el);
    expect(alertText(el)).to.equal('');
    // 4 neurons forward, the loss, 4 neurons and 8 edges backward, the update.
    expect(el.stage).to.deep.equal({ index: 0, count: 18, phase: 'forward' });
    expect(text(el, '.progress')).to.equal('Stage 1 of 18: Forward');
    expect($$(el, '.toolbar button').map((b) => b.textContent!.trim())).to.deep.equal(['Back', 'Step', 'Reset', 'Nudge by ε = 0.01', 'Apply update']);
    expect($$(el, '.toolbar select option')).to.have.length(12);
    expect($(el, '.toolbar select')!.closest('label')!.textContent).to.include('Weight or bias');
    expect($$(el, 'g.node')).to.have.length(6);
    expect($$(el, 'g.edge')).to.have.length(8);
    expect($$(el, '.edge-label')).to.have.length(8);
    expect($$(el, 'g.node.reached'), 'the inputs and the first hidden neuron').to.have.length(3);
    expect($$(el, 'g.node.current')).to.have.length(1);
    expect($(el, 'g.node.current')!.getAttribute('data-node')).to.equal('1,0');
    expect($$(el, '.delta')).to.have.length(0);
    expect(text(el, '.loss')).to.equal('L = ?');
    expect(text(el, '.stage')).to.match(/^Forward, neuron 0 of layer hidden 1: z = −?\d\.\d{3}, a = σ\(z\) = \d\.\d{3}\.$/);
    expect($(el, 'g.edge.selected')!.getAttribute('data-edge'), 'the first weight into the first output').to.equal('1,0,0');
    expect(text(el, '.chain-panel h3')).to.equal('The chain rule for weights[1][0][0]');
    expect(text(el, '.chain-panel .waiting')).to.include('backward pass');
    expect($(el, '[part="diagram"]')!.getAttribute('aria-label')).to.include('Network 2-2-2').and.include('Sigmoid').and.include('(0.500, −0.300)');
    expect($$(el, 'table.numbers tbody tr')).to.have.length(6);
    const hidden = $(el, 'table.numbers')!.closest('.visually-hidden');
    expect(hidden, 'the table is visually hidden').to.exist;
    expect(hidden!.getBoundingClientRect().width, 'and takes no room on the page').to.be.at.most(1);
    expect(el.gradients!.weights.map((layer) => layer.map((row) => row.length))).to.deep.equal([[2, 2], [2, 2]]);
    expect(drawingProblems(root(el))).to.deep.equal([]);
  });

  it("reproduces Mazur's worked example: outputs, loss, ∂L/∂w, the chain with his numbers, and the update", async () => {
    const el = await fromHtml(mazur());
    expect(alertText(el)).to.equal('');
    expect(el.currentLoss).to.be.closeTo(0.298371109, 1e-9);
    expect(el.currentLoss).to.be.closeTo(mazurLoss(MAZUR), 1e-15);
    const g = el.gradients!;
    expect(g.weights[1][0][0], '∂E/∂w5').to.be.closeTo(0.082167041, 1e-9);
    expect(g.weights[0][0][0], '∂E/∂w1').to.be.closeTo(0.000438568, 1e-9);
    await stepTo(el, 'loss');
    expect(text(el, '.loss')).to.equal('L = 0.298');
    expect(text(el, '.stage')).to.equal('Loss: L = 0.298, for the target (0.010, 0.990).');
    const outputs = $$(el, 'g.node[data-node^="2,"] .value').map((t) => toNumber(t.textContent));
    expect(outputs).to.deep.equal([0.751, 0.773]);
    // Backward: the output neuron's δ, then the edge of w5 (weights[1][0][0]).
    el.step();
    await el.updateComplete;
    expect(text(el, '.stage')).to.equal('Backward, neuron 0 of layer output: ∂L/∂a = 0.741, ∂L/∂z = 0.138.');
    el.step();
    await el.updateComplete;
    expect(text(el, '.stage')).to.equal('Backward, weight weights[1][0][0]: ∂L/∂w = ∂L/∂z × a = 0.138 × 0.593 = 0.082.');
    expect($(el, 'g.edge.current')!.getAttribute('data-edge')).to.equal('1,0,0');
    // His chain: 0.74136507 × 0.186815602 × 0.593269992 = 0.082167041.
    const chain = $(el, 'math.chain')!.textContent!.replace(/\s/g, '');
    expect(chain).to.include('0.741×0.187×0.593=0.082');
    const before = el.currentLoss;
    await stepTo(el, 'update');
    const updated = oneEvent(el, 'nn-update');
    $<HTMLButtonElement>(el, 'button.update')!.click();
    const { detail } = await updated;
    expect(detail.count).to.equal(1);
    expect(detail.before).to.equal(before);
    const model = el.toJSON()!;
    expect(model.weights[1][0][0], 'w5⁺').to.be.closeTo(0.35891648, 1e-8);
    expect(model.weights[0][0][0], 'w1⁺').to.be.closeTo(0.149780716, 1e-9);
    expect(detail.after).to.be.closeTo(mazurLoss(model as typeof MAZUR), 1e-15);
    expect(detail.after).to.be.lessThan(before);
    expect(el.currentLoss).to.equal(detail.after);
    await el.updateComplete;
    expect(text(el, '.stage')).to.equal(`Update 1 applied: the loss for this sample went from 0.298 to ${detail.after.toFixed(3)}.`);
    el.reset();
    await el.updateComplete;
    expect(el.toJSON()).to.deep.equal(MAZUR);
    expect(el.stage.index).to.equal(0);
  });

  it('nudges the selected weight: the predicted ΔL ≈ ∂L/∂w·ε beside the measured one', async () => {
    const el = await fromHtml(mazur());
    $<HTMLButtonElement>(el, 'button.nudge')!.click();
    await el.updateComplete;
    const nudged = structuredClone(MAZUR);
    nudged.weights[1][0][0] += 0.01;
    const measured = mazurLoss(nudged) - mazurLoss(MAZUR);
    expect(toNumber(text(el, '.actual').split('=').at(-1))).to.be.closeTo(measured, 5e-7);
    expect(toNumber(text(el, '.predicted').split('=').at(-1))).to.be.closeTo(0.082167041 * 0.01, 5e-7);
    expect(Math.abs(measured - 0.082167041 * 0.01)).to.be.lessThan(0.01 * 0.082167041 * 0.01);
    expect(text(el, '.stage')).to.include('Nudging weights[1][0][0] by ε = 0.01');
    expect(el.toJSON(), 'a nudge changes nothing').to.deep.equal(MAZUR);
  });

  it('works by keyboard: Step, Back and Reset, focus kept at the ends, each stage announced politely', async () => {
    const el = await fixture<NnBackprop>(html`<nn-backprop layers="1,1"></nn-backprop>`);
    await settle(el);
    // 1 forward, the loss, the neuron and its edge, the update.
    expect(el.stage.count).to.equal(5);
    const stages: string[] = [];
    el.addEventListener('nn-stage', (event) => stages.push((event as CustomEvent).detail.phase));
    const step = $<HTMLButtonElement>(el, 'button.step')!;
    step.focus();
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: i % 2 ? 'Enter' : ' ' });
      await el.updateComplete;
    }
    expect(stages).to.deep.equal(['loss', 'backward', 'backward', 'update']);
    expect(step.getAttribute('aria-disabled')).to.equal('true');
    expect(root(el).activeElement, 'focus stays on Step at the end').to.equal(step);
    expect($(el, '.stage')!.getAttribute('aria-live')).to.equal('polite');
    expect(text(el, '.stage')).to.match(/^Update: every weight and bias moves by −α × its gradient, α = 0.500\./);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(root(el).activeElement).to.equal($(el, 'button.back'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.stage.index).to.equal(3);
    expect(text(el, '.stage')).to.include('Backward, weight weights[0][0][0]');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal($(el, 'button.reset'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.stage.index).to.equal(0);
    expect($(el, 'button.back')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('selects another weight or bias from the menu (change) or the select attribute, and writes its chain', async () => {
    const el = await fromHtml(mazur('phase="update"'));
    const select = $<HTMLSelectElement>(el, '.toolbar select')!;
    const changed = oneEvent(el, 'change');
    select.value = String([...select.options].findIndex((o) => o.textContent === 'weights[0][0][0]'));
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail).to.deep.equal({ name: 'select', value: 'weights[0][0][0]' });
    await el.updateComplete;
    expect(el.select).to.equal('weights[0][0][0]');
    expect($(el, 'g.edge.selected')!.getAttribute('data-edge')).to.equal('0,0,0');
    const chain = $(el, 'math.chain')!.textContent!.replace(/\s/g, '');
    // A hidden neuron's ∂L/∂a gathers both output deltas: w5·δ₁ + w7·δ₂ (Mazur: 0.036350306).
    expect(chain).to.include('0.400×0.138+0.500×(−0.038)=0.036');
    // Mazur: 0.036350306 × 0.241300709 × 0.05 = 0.000438568 (a number that would read 0.000 gets three significant digits).
    expect(chain).to.include('0.036×0.241×0.050=0.000439');
    el.select = 'biases[1][1]';
    await el.updateComplete;
    expect(text(el, '.chain-panel h3')).to.equal('The chain rule for biases[1][1]');
    expect($(el, 'g.node.selected')!.getAttribute('data-node')).to.equal('2,1');
    expect($(el, 'math.chain')!.textContent!.replace(/\s/g, '')).to.include('×1=');
  });

  it('reads layers, activation, output-activation, loss, inputs, target, learning-rate, phase, show, controls and precision', async () => {
    const el = await fromHtml(
      '<nn-backprop layers="3,4,3" activation="tanh" output-activation="softmax" loss="cross-entropy" inputs="1, -1, 0.5" target="0, 1, 0" learning-rate="0.1" phase="backward" show="values, gradients, table" controls="step, back" precision="5"></nn-backprop>',
    );
    expect(alertText(el)).to.equal('');
    expect(el.stage.phase).to.equal('backward');
    // 7 neurons forward, the loss, 3 + 4 neurons and 12 + 12 edges backward, the update.
    expect(el.stage.count).to.equal(7 + 1 + 7 + 24 + 1);
    expect($$(el, '.toolbar button').map((b) => b.textContent!.trim())).to.deep.equal(['Back', 'Step']);
    expect($(el, '.chain-panel')).to.equal(null);
    expect($(el, 'table.numbers')!.closest('.visually-hidden')).to.equal(null);
    expect($$(el, 'g.node')).to.have.length(10);
    // Softmax with cross-entropy: ∂L/∂z = p − y at the output, read from the table.
    const rows = $$(el, 'table.numbers tbody tr').slice(-3).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    const target = [0, 1, 0];
    expect(rows[0][3], 'the first output reached').to.not.equal('—');
    expect(rows[1][3], 'the second not yet').to.equal('—');
    // The first output's δ and its four edges, the second's and its four: then the third's δ.
    for (let i = 0; i < 10; i++) el.step();
    await el.updateComplete;
    const after = $$(el, 'table.numbers tbody tr').slice(-3).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!));
    after.forEach((row, i) => expect(toNumber(row[3]), `δ of output ${i}`).to.be.closeTo(toNumber(row[2]) - target[i], 1.5e-5));
    expect(after[0][2]).to.match(/^\d\.\d{5}$/);
    const g = el.gradients!;
    const out = el.toJSON()!;
    expect(out.outputActivation).to.equal('softmax');
    expect(out.activation).to.equal('tanh');
    el.applyUpdate();
    expect(el.toJSON()!.weights[1][2][3]).to.be.closeTo(out.weights[1][2][3] - 0.1 * g.weights[1][2][3], 1e-15);
  });

  it('shows the short form of ∂L/∂z for sigmoid with binary cross-entropy', async () => {
    const el = await fromHtml('<nn-backprop loss="binary-cross-entropy" phase="update"></nn-backprop>');
    expect(text(el, '.paired')).to.include('(p − y)/n');
    el.loss = 'mse';
    await el.updateComplete;
    expect($(el, '.paired')).to.equal(null);
  });

  it('bad model JSON, mismatched inputs or targets and unknown weights get one message, keep the last good state, and recover', async () => {
    const el = await fromHtml(mazur());
    const cases: [Partial<NnBackprop> | (() => void), string][] = [
      [{ inputs: [1, 2, 3] }, 'inputs must list 2 numbers, one per input neuron; got 3'],
      [{ target: [1] }, 'target must list 2 numbers, one per output; got 1'],
      [{ select: 'weights[4][0][0]' }, 'weights[4][0][0] does not exist'],
      [{ select: 'gradient' }, 'select must name a weight or a bias'],
      [{ loss: 'hinge' }, 'loss'],
      [{ learningRate: -1 }, 'learning-rate'],
      [{ layers: [2, 2, 2, 2, 2, 2, 2] }, 'layers'],
    ];
    for (const [change, message] of cases) {
      const good = { inputs: el.inputs, target: el.target, select: el.select, loss: el.loss, learningRate: el.learningRate, layers: el.layers };
      const warnings = await captureWarnings(async () => {
        Object.assign(el, change);
        await el.updateComplete;
      });
      expect(alertText(el), JSON.stringify(change)).to.include(message);
      expect(warnings).to.have.length(1);
      expect(el.currentLoss, 'the last good walkthrough is kept').to.be.closeTo(0.298371109, 1e-9);
      Object.assign(el, good);
      await el.updateComplete;
      expect(alertText(el)).to.equal('');
    }
    const script = el.querySelector('script')!;
    await captureWarnings(async () => {
      script.textContent = '{"format": "nn-kit.model", ';
      for (let i = 0; i < 5 && !alertText(el); i++) await el.updateComplete.then(nextFrame);
    });
    expect(alertText(el)).to.include('not valid JSON');
    expect($$(el, 'g.node')).to.have.length(6);
    await captureWarnings(async () => {
      script.textContent = JSON.stringify({ ...MAZUR, weights: [[[1, 2]], MAZUR.weights[1]] });
      for (let i = 0; i < 5 && !alertText(el).includes('rows'); i++) await el.updateComplete.then(nextFrame);
    });
    expect(alertText(el)).to.include('weights[0] must have 2 rows');
    script.textContent = JSON.stringify(MAZUR);
    for (let i = 0; i < 5 && alertText(el); i++) await el.updateComplete.then(nextFrame);
    expect(alertText(el)).to.equal('');
    const warnings = await captureWarnings(async () => {
      el.layers = [2, 3, 2];
      el.setAttribute('layers', '2,3,2');
      await el.updateComplete;
    });
    expect(alertText(el)).to.include("does not match the model's layers, 2,2,2");
    expect(warnings).to.have.length(1);
  });

  it('loads a model from src, and says so when a URL does not answer', async () => {
    const el = await fixture<NnBackprop>(html`<nn-backprop src="/test/fixtures/hostile/subnormal-model.json" target="1"></nn-backprop>`);
    for (let i = 0; i < 50 && el.toJSON()?.layers.join() !== '2,2,1'; i++) await el.updateComplete.then(nextFrame);
    expect(alertText(el)).to.equal('');
    const model = await (await fetch('/test/fixtures/hostile/subnormal-model.json')).json();
    expect(el.toJSON()).to.deep.equal(model);
    expect(el.stage.count, '3 neurons forward, the loss, 3 neurons and 2 + 4 edges back, the update').to.equal(3 + 1 + 3 + 6 + 1);
    const warnings = await captureWarnings(async () => {
      el.src = '/test/fixtures/hostile/no-such-model.json';
      for (let i = 0; i < 50 && !alertText(el); i++) await el.updateComplete.then(nextFrame);
    });
    expect(alertText(el)).to.include('Could not load the model from "/test/fixtures/hostile/no-such-model.json"');
    expect(warnings).to.have.length(1);
    expect(el.toJSON(), 'the last good model is kept').to.deep.equal(model);
  });

  it('takes its words from strings', async () => {
    const el = await fromHtml(`<nn-backprop strings='{"step": "Weiter", "back": "Zurück"}'></nn-backprop>`);
    expect($$(el, '.toolbar button').map((b) => b.textContent!.trim()).slice(0, 2)).to.deep.equal(['Zurück', 'Weiter']);
  });
});

describe('<nn-backprop for="trainer">', () => {
  it("shows the backward pass of a trainer's network on its k-th training sample, and follows it as it trains", async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <nn-trainer id="bt" data="xor" hidden-layers="3" samples="40" seed="2" show="loss"></nn-trainer>
      <nn-backprop for="bt" sample="3"></nn-backprop>
    </div>`);
    const trainer = page.querySelector<NnTrainer>('nn-trainer')!;
    const el = page.querySelector<NnBackprop>('nn-backprop')!;
    await trainer.updateComplete;
    await settle(el);
    expect(alertText(el)).to.equal('');
    const core = trainer.trainer!;
    expect(el.toJSON()).to.deep.equal(trainer.network!.toJSON());
    expect(text(el, '.note')).to.include('"bt"').and.include('sample 3');
    // The gradient of sample 3 alone, as the trainer's own Backprop would give it: checked by finite differences of its loss.
    const { data, loss, network } = core;
    const row = (values: Float64Array, width: number) => Array.from(values.subarray(3 * width, 4 * width));
    const lossAt = () => {
      network.forwardFrom(row(data.inputs, data.inputSize));
      return loss.value(network.values, network.neuronOffset[network.depth], Float64Array.from(row(data.targets, data.targetSize)), 0, data.targetSize);
    };
    expect(el.currentLoss).to.equal(lossAt());
    const index = network.weightIndex(0, 1, 0);
    const kept = network.weights[index];
    network.weights[index] = kept + 1e-6;
    const plus = lossAt();
    network.weights[index] = kept - 1e-6;
    const minus = lossAt();
    network.weights[index] = kept;
    expect(el.gradients!.weights[0][1][0]).to.be.closeTo((plus - minus) / 2e-6, 1e-6);
    for (let i = 0; i < 3; i++) trainer.stepEpoch();
    for (let i = 0; i < 60 && JSON.stringify(el.toJSON()) !== JSON.stringify(trainer.network!.toJSON()); i++) await nextFrame();
    expect(el.toJSON(), 'it took the new weights').to.deep.equal(trainer.network!.toJSON());
    await captureWarnings(async () => {
      el.sample = core.data.count;
      await el.updateComplete;
    });
    expect(alertText(el)).to.include(`sample must be 0 to ${core.data.count - 1}`);
    await expect(el).to.be.accessible();
  });

  it('waits for a trainer that is not there yet, and refuses an element that is not a trainer', async () => {
    const page = await fixture<HTMLElement>(html`<div><nn-backprop for="later"></nn-backprop><p id="plain">text</p></div>`);
    const el = page.querySelector<NnBackprop>('nn-backprop')!;
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(text(el, '.note')).to.include('Waiting for the trainer "later"');
    const trainer = document.createElement('nn-trainer') as NnTrainer;
    trainer.id = 'later';
    trainer.setAttribute('data', 'circle');
    trainer.setAttribute('show', 'loss');
    page.prepend(trainer);
    await trainer.updateComplete;
    for (let i = 0; i < 10 && !el.toJSON(); i++) await el.updateComplete.then(nextFrame);
    expect(el.toJSON()).to.deep.equal(trainer.network!.toJSON());
    await captureWarnings(async () => {
      el.htmlFor = 'plain';
      await el.updateComplete;
    });
    expect(alertText(el)).to.include('points at a <p>').and.include('<nn-trainer>');
  });
});
