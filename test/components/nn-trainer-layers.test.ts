// <nn-trainer activation="relu, relu, tanh" dropout="0.2">: each hidden layer its own
// activation, and dropout while training only (never in the boundary or the test loss).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { Network, Random, Trainer, makeDataset, splitData } from '../../src/index.js';
import { captureWarnings } from './helpers.js';

const $ = <T extends Element = HTMLElement>(el: NnTrainer, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const alertText = (el: NnTrainer) => $(el, '.error[role="alert"], [part="error"]')?.textContent?.trim() ?? $(el, '[role="alert"]')?.textContent?.trim() ?? '';
const hiddenNames = (el: NnTrainer) => el.network!.hiddenActivations.map((a) => a.name);

async function mount(template: ReturnType<typeof html>): Promise<NnTrainer> {
  const el = await fixture<NnTrainer>(template);
  await el.updateComplete;
  return el;
}

describe('<nn-trainer> per-layer activation and dropout', function () {
  this.timeout(60_000);

  it('is accessible with per-layer selects and the dropout field shown', async () => {
    const el = await mount(html`<nn-trainer samples="60" show="loss" hidden-layers="4,3,2" activation="relu, relu, tanh" dropout="0.2"
      controls="activation, dropout, hidden-layers"></nn-trainer>`);
    // Set per layer: the disclosure is open, with a labelled select per layer (their code loads first).
    expect($<HTMLDetailsElement>(el, 'details.per-layer')!.open).to.equal(true);
    expect($(el, '#activation-control-3')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('reads activation as one name for all hidden layers or one per layer, and dropout as one rate or one per layer', async () => {
    const el = await mount(html`<nn-trainer samples="60" show="loss" hidden-layers="4,3,2" activation="relu, relu, tanh"></nn-trainer>`);
    expect(hiddenNames(el)).to.deep.equal(['relu', 'relu', 'tanh']);
    expect(el.network!.activationOf(3).name).to.equal('sigmoid');
    expect(el.trainer!.dropout).to.deep.equal([0, 0, 0]);
    el.setAttribute('dropout', '0.2');
    await el.updateComplete;
    expect(el.trainer!.dropout).to.deep.equal([0.2, 0.2, 0.2]);
    el.setAttribute('dropout', '0.2, 0, 0.1');
    el.setAttribute('activation', 'elu');
    await el.updateComplete;
    expect(el.trainer!.dropout).to.deep.equal([0.2, 0, 0.1]);
    expect(hiddenNames(el)).to.deep.equal(['elu', 'elu', 'elu']);
    expect(alertText(el)).to.equal('');
  });

  it('bad input gets a message saying what is expected, and the last good run stays', async () => {
    const el = await mount(html`<nn-trainer samples="60" show="loss" hidden-layers="4,2" activation="relu, tanh" dropout="0.1"></nn-trainer>`);
    const cases: [string, string, RegExp][] = [
      ['activation', 'relu, relu, tanh', /activation lists 3 names; this network has 2 hidden layers: give one name for all of them or 2, one per layer/],
      ['activation', 'relu, wiggly', /activation "wiggly" is not known\. Use .*"relu"/],
      ['activation', 'relu, softmax', /whole output layer/],
      ['activation', 'step', /no useful gradient/],
      ['dropout', '1', /dropout must be a rate from 0 to 0\.99.*got "1"/],
      ['dropout', '-0.1', /dropout must be a rate from 0 to 0\.99.*got "-0\.1"/],
      ['dropout', 'NaN', /dropout must be a rate from 0 to 0\.99.*got "NaN"/],
      ['dropout', '0.1, 0.2, 0.3', /Dropout lists 3 rates; this network has 2 hidden layers: give one rate for all of them or 2, one per layer/],
    ];
    for (const [attribute, text, message] of cases) {
      el.stepEpoch();
      await el.updateComplete;
      const trainer = el.trainer;
      const epoch = el.epoch;
      const warnings = await captureWarnings(async () => {
        el.setAttribute(attribute, text);
        await el.updateComplete;
      });
      expect(alertText(el), `${attribute}="${text}"`).to.match(message);
      expect(warnings.length, `${attribute}="${text}" warns once`).to.equal(1);
      expect(el.trainer, `${attribute}="${text}" keeps the run`).to.equal(trainer);
      expect(el.epoch).to.equal(epoch);
      expect(hiddenNames(el)).to.deep.equal(['relu', 'tanh']);
      el.setAttribute(attribute, attribute === 'activation' ? 'relu, tanh' : '0.1');
      await el.updateComplete;
      expect(alertText(el), `recovers from ${attribute}="${text}"`).to.equal('');
    }
  });

  it('dropout changes training, but the test loss is the loss of the whole network, as the core computes it', async () => {
    const attributes = { samples: 80, seed: 3, split: 0.5 };
    const make = (dropout: string) =>
      mount(html`<nn-trainer data="xor" features="x1,x2" samples=${attributes.samples} seed=${attributes.seed} show="boundary,loss"
        hidden-layers="6,4" activation="relu, tanh" dropout=${dropout}></nn-trainer>`);
    const plain = await make('0');
    const dropped = await make('0.3');
    expect(dropped.testLoss, 'before training: the same network').to.equal(plain.testLoss);
    for (let i = 0; i < 3; i++) {
      plain.stepEpoch();
      dropped.stepEpoch();
    }
    await dropped.updateComplete;
    expect(Array.from(dropped.network!.weights)).to.not.deep.equal(Array.from(plain.network!.weights));
    expect(dropped.testLoss).to.not.equal(plain.testLoss);
    // The test data as the trainer splits it, and the trained weights in a network without dropout.
    const data = makeDataset('xor', { samples: attributes.samples, seed: attributes.seed });
    const { train, test } = splitData(data, attributes.split, new Random(attributes.seed + 1));
    const network = Network.fromJSON(dropped.exportModel());
    const whole = new Trainer(network, train);
    expect(whole.dropout).to.deep.equal([0, 0]);
    expect(dropped.testLoss).to.equal(whole.evaluate(test).loss);
    expect(dropped.trainLoss).to.equal(whole.evaluate().loss);
    // The picture and the network shown are the network's predictions: the same twice over (no masks drawn).
    const first = Array.from(dropped.network!.predict([0.5, -0.5]));
    expect(Array.from(dropped.network!.predict([0.5, -0.5]))).to.deep.equal(first);
    expect(first).to.deep.equal(Array.from(network.predict([0.5, -0.5])));
  });

  it('the state holds the activation list and dropout, and restores the run: the same losses after the same epochs', async () => {
    const el = await mount(html`<nn-trainer samples="80" show="loss" hidden-layers="5,3" activation="relu, gelu" dropout="0.25, 0.1" seed="9"></nn-trainer>`);
    expect(el.state).to.contain('activation=relu,gelu');
    expect(el.state).to.contain('dropout=0.25,0.1');
    const copy = await mount(html`<nn-trainer samples="80" show="loss"></nn-trainer>`);
    copy.state = el.state;
    await copy.updateComplete;
    expect(alertText(copy)).to.equal('');
    expect(hiddenNames(copy)).to.deep.equal(['relu', 'gelu']);
    expect(copy.trainer!.dropout).to.deep.equal([0.25, 0.1]);
    expect(copy.state).to.equal(el.state);
    for (let i = 0; i < 3; i++) {
      el.stepEpoch();
      copy.stepEpoch();
    }
    expect(copy.trainLoss).to.equal(el.trainLoss);
    expect(copy.testLoss).to.equal(el.testLoss);
    // Tampered state: a list of the wrong length is refused with the message; the run stays.
    const trainer = copy.trainer;
    copy.state = 'hidden-layers=5,3; activation=relu,gelu,tanh; seed=9';
    await copy.updateComplete;
    expect(alertText(copy)).to.match(/activation lists 3 names/);
    expect(copy.trainer).to.equal(trainer);
    copy.state = 'hidden-layers=5,3; dropout=1; seed=9';
    await copy.updateComplete;
    expect(alertText(copy)).to.match(/state: dropout must be a rate/);
  });

  it('by keyboard: one select sets every layer, the per-layer selects set one layer, the dropout field takes a list', async () => {
    const el = await mount(html`<nn-trainer samples="60" show="loss" hidden-layers="4,3,2" controls="activation, dropout"></nn-trainer>`);
    const all = $<HTMLSelectElement>(el, '#activation-control')!;
    expect($(el, 'label[for="activation-control"]')!.textContent!.trim()).to.equal('Activation');
    all.focus();
    let changed = oneEvent(el, 'change');
    await sendKeys({ press: 'ArrowDown' });
    let { detail } = await changed;
    const next = all.value;
    expect(next).to.not.equal('tanh');
    expect(detail).to.deep.equal({ name: 'activation', value: next });
    await el.updateComplete;
    expect(hiddenNames(el)).to.deep.equal([next, next, next]);
    // The disclosure opens by keyboard; the second layer's select is labelled and changes that layer alone.
    const details = $<HTMLDetailsElement>(el, 'details.per-layer')!;
    expect(details.open, 'closed while every layer shares one').to.equal(false);
    expect($(el, '#activation-control-2')).to.not.exist;
    const toggled = oneEvent(details, 'toggle');
    details.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await toggled;
    await el.updateComplete;
    expect(details.open).to.equal(true);
    const second = $<HTMLSelectElement>(el, '#activation-control-2')!;
    expect($(el, 'label[for="activation-control-2"]')!.textContent!.trim()).to.equal('Hidden layer 2');
    second.focus();
    changed = oneEvent(el, 'change');
    await sendKeys({ press: 'ArrowDown' });
    ({ detail } = await changed);
    await el.updateComplete;
    const layers = hiddenNames(el);
    expect(layers[0]).to.equal(next);
    expect(layers[2]).to.equal(next);
    expect(layers[1]).to.not.equal(next);
    expect(detail.value).to.equal(layers.join(', '));
    // Dropout: typed, then Enter.
    const field = $<HTMLInputElement>(el, '#dropout-control')!;
    expect($(el, 'label[for="dropout-control"]')!.textContent!.trim()).to.equal('Dropout');
    // Typed at once, while the restarted run's updates still re-render the panel.
    field.focus();
    field.select();
    await sendKeys({ type: '0.2, 0, 0.1' });
    changed = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    ({ detail } = await changed);
    expect(detail).to.deep.equal({ name: 'dropout', value: [0.2, 0, 0.1] });
    await el.updateComplete;
    expect(el.trainer!.dropout).to.deep.equal([0.2, 0, 0.1]);
    // A rate of 1 is refused beside the field, saying what it takes.
    field.select();
    await sendKeys({ type: '1' });
    await captureWarnings(async () => {
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
    });
    const message = field.closest('.field')!.querySelector('[role="alert"]')?.textContent ?? '';
    expect(message).to.match(/^Dropout: got "1"\. Give rates from 0 to 0\.99/);
    expect(el.trainer!.dropout).to.deep.equal([0.2, 0, 0.1]);
  });
});
