// <nn-trainer>'s settings table (nn-trainer.settings.ts) is the one place each setting is
// described: these tests loop over its rows, so a row added to it is tested at once.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { CONTROL_NAMES } from '../../components/nn-trainer/controls.js';
import { TRAINER_SETTINGS } from '../../components/nn-trainer/nn-trainer.settings.js';
import { TRAINER_STRINGS } from '../../components/nn-trainer/nn-trainer.strings.js';
import { type Setting, attributeOf } from '../../components/shared/settings.js';
import { TRAINER_DEFAULTS } from '../../src/index.js';
import { captureWarnings } from './helpers.js';

const ROWS = Object.entries(TRAINER_SETTINGS as Record<string, Setting>);
const alertText = (el: Element) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const choicesOf = (setting: Setting) => (typeof setting.choices === 'function' ? setting.choices() : (setting.choices ?? []));
const fresh = () => fixture<NnTrainer>(html`<nn-trainer show="loss" samples="60"></nn-trainer>`);

/** Text for a row's attribute that is valid and differs from its default (undefined: none is tested here). */
function otherValue(name: string, setting: Setting): string | undefined {
  const base = name === 'samples' ? 60 : setting.default;
  switch (setting.kind) {
    case 'number': {
      if (typeof base !== 'number') return String(setting.max ?? 100);
      const next = setting.integer ? base + 1 : base / 2 || 0.5;
      return String(setting.max == null || next <= setting.max ? next : setting.min);
    }
    case 'numbers':
      // Within the row's range: a dropout rate is below 1.
      return setting.max != null && setting.max < 3 ? String(setting.max / 2) : '3';
    case 'choice':
      return choicesOf(setting).find((choice) => choice !== base);
    case 'choices':
      return choicesOf(setting)[0];
    case 'labels':
      return 'inside, outside';
    case 'flag':
      return '';
    default:
      return name === 'strings' ? '{"play": "Go"}' : undefined; // src: tested with its faults
  }
}

describe('<nn-trainer> settings table', function () {
  this.timeout(60_000);

  it('states the core trainer\'s defaults by reference, once', () => {
    expect(TRAINER_SETTINGS.learningRate.default).to.equal(TRAINER_DEFAULTS.learningRate);
    expect(TRAINER_SETTINGS.batchSize.default).to.equal(TRAINER_DEFAULTS.batchSize);
    expect(TRAINER_SETTINGS.optimizer.default).to.equal(TRAINER_DEFAULTS.optimizer);
    expect(TRAINER_SETTINGS.regularization.default).to.equal(TRAINER_DEFAULTS.regularization);
    expect(TRAINER_SETTINGS.regularizationRate.default).to.equal(TRAINER_DEFAULTS.regularizationRate);
  });

  it('removing any attribute restores its table default, in the element and in the running trainer', async () => {
    const el = await fresh();
    const problems: string[] = [];
    for (const [name, setting] of ROWS) {
      const attribute = attributeOf(TRAINER_SETTINGS, name);
      const text = otherValue(name, setting);
      if (text === undefined) continue;
      el.setAttribute(attribute, text);
      await el.updateComplete;
      if (alertText(el)) problems.push(`${attribute}="${text}" is refused: ${alertText(el)}`);
      el.removeAttribute(attribute);
      await el.updateComplete;
      const value = (el as unknown as Record<string, unknown>)[name];
      if (setting.default === undefined) {
        if (value != null) problems.push(`${attribute}: ${JSON.stringify(value)} after removal, not unset`);
      } else if (JSON.stringify(value) !== JSON.stringify(setting.default)) {
        problems.push(`${attribute}: ${JSON.stringify(value)} after removal, not ${JSON.stringify(setting.default)}`);
      }
      // A setting the core's Trainer takes reaches it.
      const core = (el.trainer as unknown as Record<string, unknown>)[name];
      if (setting.core?.includes('trainer') && setting.default !== undefined && core !== undefined) {
        // A list the trainer holds per hidden layer (dropout) is the default's one value for each layer.
        const perLayer = Array.isArray(core) && Array.isArray(setting.default) && setting.default.length === 1;
        const held = perLayer ? (core as unknown[]).find((value) => value !== (setting.default as unknown[])[0]) ?? setting.default : typeof core === 'object' && core !== null ? (core as { name: string }).name : core;
        if (held !== setting.default) problems.push(`${attribute}: the trainer holds ${String(held)}, not ${String(setting.default)}`);
      }
      if (alertText(el)) problems.push(`${attribute}: removed, yet "${alertText(el)}"`);
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('a setting with a label gets its labelled control in the panel when `controls` lists it', async () => {
    const el = await fresh();
    const labelled = ROWS.filter(([, setting]) => setting.label);
    expect(labelled.length).to.be.at.least(10);
    for (const [name, setting] of labelled) {
      const attribute = attributeOf(TRAINER_SETTINGS, name);
      expect(setting.control, `${attribute} has a control`).to.exist;
      // A control shown within another's field (the regularization rate) comes with that one.
      const control = setting.control!.within ?? attribute;
      expect(CONTROL_NAMES, `controls accepts ${control}`).to.include(control);
      el.setAttribute('controls', control);
      await el.updateComplete;
      expect(alertText(el), control).to.equal('');
      const root = el.shadowRoot!;
      if (setting.control!.type === 'checkboxes') {
        const fieldset = root.querySelector(`fieldset.${attribute}`)!;
        expect(fieldset.querySelector('legend')!.textContent!.trim(), attribute).to.equal(setting.label);
        expect(fieldset.querySelectorAll('input[type="checkbox"]').length, attribute).to.equal(choicesOf(setting).length);
      } else {
        const input = root.querySelector<HTMLElement>(`#${attribute}-control`);
        expect(input, `#${attribute}-control`).to.exist;
        const label = root.querySelector(`label[for="${attribute}-control"]`)!;
        expect(label.textContent!.trim(), attribute).to.match(new RegExp(`^${setting.label}`));
        if (setting.control!.presets) {
          const options = [...input!.querySelectorAll('option')].map((option) => Number(option.value));
          expect(options, `${attribute}'s presets`).to.include.members([...setting.control!.presets]);
        }
      }
      expect(root.querySelectorAll('.settings .field').length, `only ${control}`).to.equal(1);
    }
  });

  it('changing a live setting keeps the run; changing a rebuild setting starts it over', async () => {
    const problems: string[] = [];
    for (const [name, setting] of ROWS) {
      const attribute = attributeOf(TRAINER_SETTINGS, name);
      const text = otherValue(name, setting);
      if (text === undefined) continue;
      const el = await fresh();
      el.stepEpoch();
      await el.updateComplete;
      const trainer = el.trainer;
      el.setAttribute(attribute, text);
      await el.updateComplete;
      if (alertText(el)) problems.push(`${attribute}="${text}" is refused: ${alertText(el)}`);
      const live = (setting.applies ?? 'live') === 'live';
      if (live && (el.epoch !== 1 || el.trainer !== trainer)) problems.push(`${attribute} (live) started the run over`);
      if (!live && (el.epoch !== 0 || el.trainer === trainer)) problems.push(`${attribute} (rebuild) kept the run at epoch ${el.epoch}`);
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('a live setting the core trainer takes applies to the running trainer at once', async () => {
    const el = await fresh();
    el.stepEpoch();
    const trainer = el.trainer!;
    el.setAttribute('regularization', 'l2');
    el.setAttribute('regularization-rate', '0.01');
    el.setAttribute('optimizer', 'adam');
    await el.updateComplete;
    expect(el.trainer).to.equal(trainer);
    expect([trainer.regularization.name, trainer.regularizationRate, trainer.optimizer.name]).to.deep.equal(['l2', 0.01, 'adam']);
  });
});

describe('<nn-trainer> strings', () => {
  it('shows a writer\'s words: a translated button and a control\'s label by its attribute', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss" strings='{"play": "Abspielen", "reset": "Zurücksetzen", "learning-rate": "Lernrate"}'></nn-trainer>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('button.play')!.textContent).to.contain('Abspielen');
    expect(root.querySelector('button.reset')!.textContent).to.contain('Zurücksetzen');
    expect(root.querySelector('label[for="learning-rate-control"]')!.textContent!.trim()).to.equal('Lernrate');
    // Words left out stay English.
    expect(root.querySelector('button.step')!.textContent!.trim()).to.equal(TRAINER_STRINGS.step);
    el.strings = { pause: 'Anhalten' };
    el.play();
    await el.updateComplete;
    expect(root.querySelector('button.play')!.textContent).to.contain('Anhalten');
    el.pause();
    await expect(el).to.be.accessible();
  });

  it('an unknown key shows an inline message naming it and keeps the last good words', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss" strings='{"play": "Lecture"}'></nn-trainer>`);
    const warnings = await captureWarnings(async () => {
      el.setAttribute('strings', '{"plya": "Lecture"}');
      await el.updateComplete;
    });
    expect(alertText(el)).to.match(/strings has no "plya"/);
    expect(warnings).to.have.length(1);
    expect(el.shadowRoot!.querySelector('button.play')!.textContent).to.contain('Lecture');
    el.setAttribute('strings', 'not json');
    await el.updateComplete;
    expect(alertText(el)).to.match(/strings must be JSON/);
    el.removeAttribute('strings');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.shadowRoot!.querySelector('button.play')!.textContent).to.contain('Play');
  });

  it('announces and explains a divergence in the writer\'s words', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss" data="spiral" learning-rate="1000"
      strings='{"diverged": "Divergé à l\\u2019époque {epoch}.", "finished": "Fini."}'></nn-trainer>`);
    while (!el.trainer!.diverged && el.epoch < 300) el.stepEpoch();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.status.diverged')!.textContent).to.equal(`Divergé à l’époque ${el.epoch}.`);
  });
});
