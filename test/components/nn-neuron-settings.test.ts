// <nn-neuron>'s settings table (NEURON_SETTINGS) and strings table (NEURON_STRINGS): the
// element's attributes, defaults and checks come from the table; its words from the strings.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/nn-neuron/nn-neuron.js';
import { NEURON_SETTINGS, NEURON_STRINGS, type NnNeuron } from '../../components/nn-neuron/nn-neuron.js';
import { attributeOf } from '../../components/shared/settings.js';
import { captureWarnings } from './helpers.js';

const shown = (el: NnNeuron, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const alertText = (el: Element) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const control = (el: NnNeuron, label: string, type = 'range') =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[type="${type}"][aria-label="${label}"]`);
const heads = (el: NnNeuron) => [...el.shadowRoot!.querySelectorAll('.row.head span')].map((span) => span.textContent);
const rows = Object.entries(NEURON_SETTINGS) as [keyof typeof NEURON_SETTINGS, (typeof NEURON_SETTINGS)[keyof typeof NEURON_SETTINGS]][];
const property = (el: NnNeuron, name: string) => (el as unknown as Record<string, unknown>)[name];

/** A valid value, different from the default, for each attribute that has a default. */
const OTHER: Record<string, string> = {
  inputs: '1, 0',
  weights: '0.3, 0.2',
  bias: '-0.4',
  activation: 'tanh',
  labels: 'Sun, Rain',
  'input-type': 'binary',
  'input-min': '-2',
  'input-max': '3',
  precision: '4',
  editable: 'none',
  'show-plot': '',
};

describe('<nn-neuron> settings table', () => {
  it('declares one lit property per row, under the row\'s attribute', () => {
    const element = customElements.get('nn-neuron') as unknown as { observedAttributes: string[]; elementProperties: Map<PropertyKey, { attribute?: unknown }> };
    for (const [name] of rows) {
      const attribute = attributeOf(NEURON_SETTINGS, name);
      expect(element.observedAttributes, name).to.include(attribute);
      expect(element.elementProperties.get(name)?.attribute, name).to.equal(attribute);
    }
  });

  it('starts every setting at the table\'s default', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron></nn-neuron>`);
    for (const [name, row] of rows) {
      const fallback = (row as { default?: unknown }).default;
      expect(property(el, name), name).to.deep.equal(fallback);
    }
    expect(el.inputs).to.not.equal(NEURON_SETTINGS.inputs.default, 'each element has its own copy of a list');
  });

  for (const [name, row] of rows.filter(([, r]) => (r as { default?: unknown }).default !== undefined)) {
    const attribute = attributeOf(NEURON_SETTINGS, name);
    it(`${attribute}: removing it restores the default (${JSON.stringify((row as { default?: unknown }).default)}) and the fresh drawing`, async () => {
      const fresh = await fixture<NnNeuron>(html`<nn-neuron inputs="1, 0"></nn-neuron>`);
      const el = await fixture<NnNeuron>(html`<nn-neuron inputs="1, 0"></nn-neuron>`);
      if (name === 'inputs') {
        fresh.removeAttribute('inputs');
        await fresh.updateComplete;
      }
      el.setAttribute(attribute, OTHER[attribute]);
      await el.updateComplete;
      expect(alertText(el), `${attribute}="${OTHER[attribute]}" is valid`).to.equal('');
      expect(property(el, name), 'the attribute is read').to.not.deep.equal((row as { default?: unknown }).default);
      el.removeAttribute(attribute);
      await el.updateComplete;
      expect(property(el, name)).to.deep.equal((row as { default?: unknown }).default);
      expect(alertText(el)).to.equal('');
      expect([el.z, el.output, shown(el, '.headline'), shown(el, '.controls')]).to.deep.equal([fresh.z, fresh.output, shown(fresh, '.headline'), shown(fresh, '.controls')]);
    });
  }

  it('checks numbers against the row\'s range, naming the attribute and quoting the writer', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron></nn-neuron>`);
    const cases: [string, string, RegExp][] = [
      ['precision', '-1', /^precision must be a whole number from 0 to 6; got "-1"\.$/],
      ['precision', '2.5', /^precision must be a whole number from 0 to 6; got "2\.5"\.$/],
      ['step', '0', /^step must be a number of at least 5e-324; got "0"\.$/],
      ['input-min', 'low', /^input-min must be a number; got "low"\.$/],
      ['threshold', 'half', /^threshold must be a number; got "half"\.$/],
      ['input-type', 'knob', /^input-type "knob" is not known\. Use "range" or "binary"\.$/],
    ];
    for (const [attribute, value, message] of cases) {
      const warnings = await captureWarnings(async () => {
        el.setAttribute(attribute, value);
        await el.updateComplete;
      });
      expect(alertText(el), `${attribute}="${value}"`).to.match(message);
      expect(warnings).to.have.length(1);
      el.removeAttribute(attribute);
      await el.updateComplete;
      expect(alertText(el)).to.equal('');
    }
  });

  it('documents every key of its strings in the strings setting', () => {
    for (const key of Object.keys(NEURON_STRINGS)) expect(NEURON_SETTINGS.strings.description).to.contain(` ${key}`);
  });
});

describe('<nn-neuron> strings', () => {
  it('is English by default', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron threshold="0.5"></nn-neuron>`);
    expect(shown(el, '.output-label')).to.equal('Output');
    expect(heads(el)).to.deep.equal(['Input', 'Value', 'Weight']);
    expect(shown(el, '.breakdown caption')).to.equal('How the output is computed');
    expect(shown(el, '.headline .decision')).to.match(/^Yes/);
  });

  it('shows a writer\'s words from the strings attribute, and keeps English for the keys left out', async () => {
    const words = {
      output: 'Sortie',
      input: 'Entrée',
      weight: 'Poids',
      bias: 'Biais',
      inputValue: 'Valeur de {input}',
      inputWeight: 'Poids de {input}',
      exactValue: '{control}, valeur exacte',
      caption: 'Comment la sortie est calculée',
      outputOf: 'Sortie {f}(z)',
      yes: 'Oui',
      description: 'Neurone : {inputs} ; biais {bias} ; z = {z} ; sortie {activation} {output}.',
      inputDescription: '{input} {value} avec le poids {weight}',
    };
    const el = await fixture<NnNeuron>(html`<nn-neuron threshold="0.5" strings=${JSON.stringify(words)}></nn-neuron>`);
    expect(alertText(el)).to.equal('');
    expect(shown(el, '.output-label')).to.equal('Sortie');
    expect(heads(el)).to.deep.equal(['Entrée', 'Value', 'Poids']);
    expect(shown(el, '.row.bias .name')).to.equal('Biais');
    expect(control(el, 'Valeur de x₁')).to.exist;
    expect(control(el, 'Poids de x₂')).to.exist;
    expect(control(el, 'Biais')).to.exist;
    expect(control(el, 'Biais, valeur exacte', 'number')).to.exist;
    expect(shown(el, '.breakdown caption')).to.equal('Comment la sortie est calculée');
    expect(shown(el, '.breakdown tr.out th')).to.equal('Sortie σ(z)');
    expect(shown(el, '.headline .decision')).to.match(/^Oui/);
    expect(el.shadowRoot!.querySelector('svg.diagram')!.getAttribute('aria-label')).to.equal(
      'Neurone : x₁ 1.00 avec le poids 0.80; x₂ 0.50 avec le poids −0.60 ; biais 0.10 ; z = 0.60 ; sortie Sigmoid 0.65.',
    );
    // The writer's output-label wins over the strings' default name.
    el.outputLabel = 'Go for a walk?';
    await el.updateComplete;
    expect(shown(el, '.output-label')).to.equal('Go for a walk?');
  });

  it('announces a reader\'s change in the writer\'s words', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron threshold="0.5" strings='{"output": "Sortie", "yes": "Oui", "announceDecision": "{output} : {value}, {decision}."}'></nn-neuron>`);
    const slider = control(el, 'Bias')!;
    slider.value = '0.5';
    slider.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(shown(el, '[aria-live="polite"]')).to.equal(`Sortie : ${el.output.toFixed(2)}, Oui.`);
  });

  it('takes an object in the strings property, and goes back to English when it is removed', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron></nn-neuron>`);
    el.strings = { bias: 'Sesgo' };
    await el.updateComplete;
    expect(shown(el, '.row.bias .name')).to.equal('Sesgo');
    el.strings = undefined;
    await el.updateComplete;
    expect(shown(el, '.row.bias .name')).to.equal('Bias');
  });

  it('refuses an unknown key or text that is not JSON with an inline message, and keeps the words it had', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron strings='{"bias": "Biais"}'></nn-neuron>`);
    const cases: [string, RegExp][] = [
      ['{"bias": "Biais", "colour": "Farbe"}', /^strings has no "colour"; it has output, input, value, weight, bias, /],
      ['{"bias": 5}', /^strings\.bias must be text\.$/],
      ["{'bias': 'Biais'}", /^strings must be JSON, e\.g\. strings='\{"output": "…"\}'\.$/],
      ['["Biais"]', /^strings must be an object of texts by name/],
    ];
    for (const [value, message] of cases) {
      const warnings = await captureWarnings(async () => {
        el.setAttribute('strings', value);
        await el.updateComplete;
      });
      expect(alertText(el), value).to.match(message);
      expect(warnings, value).to.have.length(1);
      expect(shown(el, '.row.bias .name'), 'the last good words stay').to.equal('Biais');
    }
    el.setAttribute('strings', '{"bias": "Bias term"}');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(shown(el, '.row.bias .name')).to.equal('Bias term');
  });
});
