// Server-side rendering: every module imports in Node without touching window or
// document, and every element renders to HTML with @lit-labs/ssr.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

describe('server-side rendering', () => {
  it('imports the whole kit without a window or a document', async () => {
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    const kit = await import('../../components/index.js');
    assert.equal(typeof kit.Network, 'function');
  });

  const cases: [string, ReturnType<typeof html>, RegExp][] = [
    ['nn-neuron', html`<nn-neuron inputs="1,0,1" weights="0.8,-0.4,0.5" bias="-0.5"></nn-neuron>`, /0\.69/],
    ['nn-activation-plot', html`<nn-activation-plot activation="sigmoid,tanh"></nn-activation-plot>`, /<path/],
    ['nn-network', html`<nn-network layers="3,4,2"></nn-network>`, /<circle|<svg/],
    ['nn-trainer', html`<nn-trainer data="xor"></nn-trainer>`, /Play/],
  ];
  for (const [name, template, content] of cases) {
    it(`renders <${name}> to HTML with its shadow root`, async () => {
      await import('../../components/index.js');
      const markup = collectResultSync(render(template));
      assert.match(markup, new RegExp(`<${name}`));
      assert.match(markup, /<template shadowroot(mode)?="open"/);
      assert.match(markup, content);
      assert.doesNotMatch(markup, /role="alert"/, 'no error message for good attributes');
    });
  }
});
