// <nn-activation-plot>'s words come from its strings table (PLOT_STRINGS); a writer replaces them.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/nn-activation-plot/nn-activation-plot.js';
import { PLOT_SETTINGS, PLOT_STRINGS, type NnActivationPlot } from '../../components/nn-activation-plot/nn-activation-plot.js';
import { captureWarnings } from './helpers.js';

const shown = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const alertText = (el: Element) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const slider = (el: Element) => el.shadowRoot!.querySelector('[role="slider"]')!;

describe('<nn-activation-plot> strings', () => {
  it('is English by default', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot activation="sigmoid, tanh" value="0.5" derivative></nn-activation-plot>`);
    expect(shown(el, '.hint.keys')).to.equal('Drag, click or use ← → to move the probe');
    expect(slider(el).getAttribute('aria-label')).to.equal('Probe along z for Sigmoid, Tanh');
    expect(slider(el).getAttribute('aria-valuetext')).to.equal('z = 0.50: Sigmoid 0.622, slope 0.235; Tanh 0.462, slope 0.786');
    expect(shown(el, '.legend li .range')).to.equal('output 0 to 1');
  });

  it('shows a writer\'s words, placeholders filled, English kept for the keys left out', async () => {
    const words = {
      hintKeys: 'Faites glisser ou utilisez ← →',
      probeLabel: 'Sonde le long de z pour {activations}',
      range: 'sortie de {low} à {high}',
      probeText: 'z = {z} : {values}',
      probeValueSlope: '{activation} {value}, pente {slope}',
    };
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot activation="sigmoid, relu" value="0.5" derivative strings=${JSON.stringify(words)}></nn-activation-plot>`);
    expect(alertText(el)).to.equal('');
    expect(shown(el, '.hint.keys')).to.equal('Faites glisser ou utilisez ← →');
    expect(shown(el, '.hint.touch')).to.equal(PLOT_STRINGS.hintTouch);
    expect(slider(el).getAttribute('aria-label')).to.equal('Sonde le long de z pour Sigmoid, ReLU');
    expect(slider(el).getAttribute('aria-valuetext')).to.equal('z = 0.50 : Sigmoid 0.622, pente 0.235; ReLU 0.500, pente 1.000');
    expect([...el.shadowRoot!.querySelectorAll('.legend .range')].map((node) => node.textContent)).to.deep.equal(['sortie de 0 à 1', 'sortie de 0 à ∞']);
  });

  it('refuses an unknown key with an inline message and keeps its words; the property takes an object', async () => {
    const el = await fixture<NnActivationPlot>(html`<nn-activation-plot strings='{"hintKeys": "Use ← →"}'></nn-activation-plot>`);
    const warnings = await captureWarnings(async () => {
      el.setAttribute('strings', '{"hint": "Drag"}');
      await el.updateComplete;
    });
    expect(alertText(el)).to.match(/^strings has no "hint"; it has hintTouch, hintKeys, /);
    expect(warnings).to.have.length(1);
    expect(shown(el, '.hint.keys')).to.equal('Use ← →');
    el.removeAttribute('strings');
    el.strings = { hintKeys: 'Usa ← →' };
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(shown(el, '.hint.keys')).to.equal('Usa ← →');
    el.strings = undefined;
    await el.updateComplete;
    expect(shown(el, '.hint.keys')).to.equal(PLOT_STRINGS.hintKeys);
  });

  it('documents every key of its strings in the strings setting', () => {
    for (const key of Object.keys(PLOT_STRINGS)) expect(PLOT_SETTINGS.strings.description).to.contain(` ${key}`);
  });
});
