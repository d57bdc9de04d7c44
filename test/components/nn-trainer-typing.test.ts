// The settings panel's list fields (hidden-layers, dropout) while the trainer plays: it
// re-renders several times a second, and the reader's typing must survive every render.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { captureWarnings } from './helpers.js';

const $ = <T extends Element = HTMLElement>(el: NnTrainer, selector: string) => el.shadowRoot!.querySelector<T>(selector);

/** A playing trainer with both list fields shown, and a count of its renders. */
async function playing(): Promise<{ el: NnTrainer; renders: () => number }> {
  const el = await fixture<NnTrainer>(html`<nn-trainer samples="60" show="loss" hidden-layers="4, 2" controls="hidden-layers, dropout"></nn-trainer>`);
  await el.updateComplete;
  let renders = 0;
  el.addController({ hostUpdated: () => renders++ });
  el.play();
  await el.updateComplete;
  return { el, renders: () => renders };
}

/** Resolves once the element has rendered at least twice more (a playing trainer does, frame by frame). */
async function rendersHappen(el: NnTrainer, renders: () => number): Promise<void> {
  const before = renders();
  for (let frame = 0; frame < 600 && renders() < before + 2; frame++) await new Promise(requestAnimationFrame);
  await el.updateComplete;
  expect(renders(), 'renders while the reader types').to.be.at.least(before + 2);
}

/** Types `text` into the focused field key by key, letting the playing trainer render after each key. */
async function typeWhilePlaying(el: NnTrainer, renders: () => number, field: HTMLInputElement, text: string): Promise<void> {
  for (let i = 0; i < text.length; i++) {
    await sendKeys({ type: text[i] });
    await rendersHappen(el, renders);
    expect(el.playing, 'still playing').to.equal(true);
    expect(field.value, `after typing "${text.slice(0, i + 1)}"`).to.equal(text.slice(0, i + 1));
  }
}

describe('<nn-trainer> list fields while training plays', function () {
  this.timeout(60_000);

  it('hidden-layers keeps what the reader types key by key across renders, and applies it on Enter', async () => {
    const { el, renders } = await playing();
    const field = $<HTMLInputElement>(el, '#hidden-layers-control')!;
    expect(field.value).to.equal('4, 2');
    field.focus();
    field.select();
    await sendKeys({ press: 'Backspace' });
    await rendersHappen(el, renders);
    expect(field.value, 'cleared by the reader').to.equal('');
    await typeWhilePlaying(el, renders, field, '6,3, 2');
    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    expect(detail).to.deep.equal({ name: 'hiddenLayers', value: [6, 3, 2] });
    await el.updateComplete;
    expect(el.network!.layers.slice(1, -1)).to.deep.equal([6, 3, 2]);
    // Committed: the field shows the setting in force, written the panel's way.
    expect(field.value).to.equal('6, 3, 2');
    expect(el.shadowRoot!.activeElement).to.equal(field);
  });

  it('dropout keeps what the reader types key by key across renders, and applies it when the reader moves to the next field', async () => {
    const { el, renders } = await playing();
    const field = $<HTMLInputElement>(el, '#dropout-control')!;
    field.focus();
    field.select();
    await typeWhilePlaying(el, renders, field, '0.25, 0.1');
    const changed = oneEvent(el, 'change');
    $<HTMLInputElement>(el, '#hidden-layers-control')!.focus();
    const { detail } = await changed;
    expect(detail).to.deep.equal({ name: 'dropout', value: [0.25, 0.1] });
    await el.updateComplete;
    expect(el.trainer!.dropout).to.deep.equal([0.25, 0.1]);
    expect(field.value).to.equal('0.25, 0.1');
  });

  it('a refused entry keeps the reader\'s text and its message across renders', async () => {
    const { el, renders } = await playing();
    const layers = [...el.network!.layers];
    const field = $<HTMLInputElement>(el, '#hidden-layers-control')!;
    field.focus();
    field.select();
    await typeWhilePlaying(el, renders, field, '5, x');
    await captureWarnings(async () => {
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
    });
    await rendersHappen(el, renders);
    const message = field.closest('.field')!.querySelector('[role="alert"]')?.textContent ?? '';
    expect(message).to.match(/^Hidden layers: got "5, x"\./);
    expect(field.value, 'the entry stays to be corrected').to.equal('5, x');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(el.network!.layers).to.deep.equal(layers);
    // Corrected by the reader, still while renders happen.
    await sendKeys({ press: 'Backspace' });
    await rendersHappen(el, renders);
    expect(field.value).to.equal('5, ');
    await sendKeys({ type: '3' });
    await rendersHappen(el, renders);
    expect(field.value).to.equal('5, 3');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(field.closest('.field')!.querySelector('[role="alert"]')).to.equal(null);
    expect(el.network!.layers.slice(1, -1)).to.deep.equal([5, 3]);
  });

  it('a script\'s change of the attribute shows in the field when the reader is not editing it', async () => {
    const { el } = await playing();
    const layersField = $<HTMLInputElement>(el, '#hidden-layers-control')!;
    const dropoutField = $<HTMLInputElement>(el, '#dropout-control')!;
    // Not focused.
    el.setAttribute('hidden-layers', '7, 1');
    el.setAttribute('dropout', '0.3');
    await el.updateComplete;
    expect(layersField.value).to.equal('7, 1');
    expect(dropoutField.value).to.equal('0.3');
    // Focused, nothing typed: the field follows the script too.
    dropoutField.focus();
    el.setAttribute('dropout', '0.1, 0.2');
    await el.updateComplete;
    expect(dropoutField.value).to.equal('0.1, 0.2');
    // Typed in and committed, then left: the next script change shows.
    dropoutField.select();
    await sendKeys({ type: '0.5' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.trainer!.dropout).to.deep.equal([0.5, 0.5]);
    dropoutField.blur();
    el.setAttribute('dropout', '0.05');
    await el.updateComplete;
    expect(dropoutField.value).to.equal('0.05');
  });
});
