// <nn-network> built on the element pattern: its settings table, the `source` property a
// trainer uses to show its own network, the strings a writer translates, the shared
// source controller for `src`, and state derived from what changed (no one-shot flags).
import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { Network } from '../../src/index.js';
import '../../components/nn-network/nn-network.js';
import { NETWORK_SETTINGS, NETWORK_STRINGS, type NnNetwork } from '../../components/nn-network/nn-network.js';
import { MAX_SOURCE_BYTES } from '../../components/shared/data-source.js';
import { attributeOf } from '../../components/shared/settings.js';

const FAULTS = `${location.origin}/__faults`;
const $ = <T extends Element = HTMLElement>(el: NnNetwork, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: NnNetwork, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const alertText = (el: NnNetwork) => $(el, '[role="alert"]')?.textContent?.trim() ?? '';
const captions = (el: NnNetwork) => $$(el, '.caption').map((t) => t.textContent);
const frames = async (count: number) => {
  for (let i = 0; i < count; i++) await nextFrame();
};
const key = () => crypto.randomUUID();

/** Counts an element's events of one type from now on. */
function count(el: EventTarget, type: string): () => number {
  let seen = 0;
  el.addEventListener(type, () => seen++);
  return () => seen;
}

/** Counts forward passes computed by the core (Network#trace) while `body` runs. */
async function countPasses(body: () => Promise<void>): Promise<number> {
  const original = Network.prototype.trace;
  let calls = 0;
  Network.prototype.trace = function (this: Network, ...args: Parameters<Network['trace']>) {
    calls++;
    return original.apply(this, args);
  };
  try {
    await body();
  } finally {
    Network.prototype.trace = original;
  }
  return calls;
}

/** Stands for a trainer: an element holding a live network, with names and a sample for its inputs. */
class TestSource extends HTMLElement {
  declare network: Network | undefined;
  inputLabels?: readonly string[];
  outputLabels?: readonly string[];
  sampleInputs?: readonly number[];
  /** Announces that the network changed, as a trainer does after each step. */
  changed(): void {
    this.dispatchEvent(new CustomEvent('nn-network-update', { detail: { network: this.network }, bubbles: true, composed: true }));
  }
}
if (!customElements.get('test-network-source')) customElements.define('test-network-source', TestSource);

function source(network: Network, fields: Partial<TestSource> = {}): TestSource {
  return Object.assign(document.createElement('test-network-source') as TestSource, { network }, fields);
}

describe('<nn-network> settings table', () => {
  it('declares every attribute from its table, with the documented names', () => {
    const element = customElements.get('nn-network') as unknown as { observedAttributes: string[] };
    const attributes = Object.keys(NETWORK_SETTINGS).map((name) => attributeOf(NETWORK_SETTINGS, name));
    expect(attributes).to.have.members(['layers', 'activation', 'output-activation', 'seed', 'inputs', 'labels', 'output-labels', 'src', 'for', 'autoplay', 'strings']);
    expect([...element.observedAttributes].sort()).to.deep.equal([...attributes].sort());
  });

  it('gives each setting its table default, and a removed attribute means its default again', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,3,1"></nn-network>`);
    for (const [name, row] of Object.entries(NETWORK_SETTINGS)) {
      if ('default' in row) expect((el as unknown as Record<string, unknown>)[name], name).to.deep.equal(row.default);
    }
    const byDefault = Array.from(el.outputs);
    el.setAttribute('activation', 'relu');
    el.setAttribute('output-activation', 'linear');
    el.setAttribute('seed', '7');
    el.setAttribute('autoplay', '');
    await el.updateComplete;
    expect(Array.from(el.outputs)).to.not.deep.equal(byDefault);
    for (const attribute of ['activation', 'output-activation', 'seed', 'autoplay']) el.removeAttribute(attribute);
    await el.updateComplete;
    expect([el.activation, el.outputActivation, el.seed, el.autoplay]).to.deep.equal(['tanh', 'sigmoid', 1, false]);
    expect(Array.from(el.outputs)).to.deep.equal(byDefault);
    expect(el.toJSON()).to.deep.equal(new Network({ layers: [2, 3, 1], seed: 1 }).toJSON());
    expect(alertText(el)).to.equal('');
  });

  it('checks values against the table: the row names the attribute and what it accepts, quoting the writer', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,3,1"></nn-network>`);
    el.setAttribute('seed', 'tomorrow');
    await el.updateComplete;
    expect(alertText(el)).to.equal('seed must be a number; got "tomorrow".');
    el.removeAttribute('seed');
    el.setAttribute('layers', '2,1.5,1');
    await el.updateComplete;
    expect(alertText(el)).to.contain('layers: item 2 ("1.5") is not a whole number of at least 1');
    el.setAttribute('layers', '2,3,1');
    el.setAttribute('inputs', '1,2,3');
    await el.updateComplete;
    expect(alertText(el)).to.equal('inputs must list 2 numbers; got 3.');
  });
});

describe('<nn-network> source property', () => {
  it('follows a source element set by script as for= follows an id: its network, names and sample, redrawn on its updates', async () => {
    const net = new Network({ layers: [2, 3, 2], seed: 5 });
    const trainer = source(net, { inputLabels: ['left', 'right'], outputLabels: ['no', 'yes'], sampleInputs: [0.25, -0.5] });
    const el = await fixture<NnNetwork>(html`<nn-network layers="4,1" .source=${trainer}></nn-network>`);
    expect(el.network).to.equal(net);
    expect(Array.from(el.outputs)).to.deep.equal(Array.from(net.predict([0.25, -0.5])));
    expect($$(el, 'label[for^="input-"][for$="-number"]').map((l) => l.textContent!.trim())).to.deep.equal(['left', 'right']);
    expect($$(el, '.bar-label').map((l) => l.textContent)).to.deep.equal(['no', 'yes']);

    // The source learns: weights change in place, then it says so (several times a frame).
    const forwards = count(el, 'nn-forward');
    const relayed = count(el, 'nn-network-update');
    net.weights.fill(0.2);
    const forward = oneEvent(el, 'nn-forward');
    for (let i = 0; i < 5; i++) trainer.changed();
    await forward;
    expect(Array.from(el.outputs)).to.deep.equal(Array.from(net.predict([0.25, -0.5])));
    await frames(3);
    expect(forwards(), 'five updates in one task: one redraw').to.equal(1);
    expect(relayed(), 'and one update for its own followers').to.equal(1);

    // A reset: a new network object.
    trainer.network = new Network({ layers: [2, 2, 1], seed: 9 });
    const reset = oneEvent(el, 'nn-forward');
    trainer.changed();
    await reset;
    expect(el.network).to.equal(trainer.network);
  });

  it('wins over for, and without it the element follows for= again, then its own layers', async () => {
    const byId = source(new Network({ layers: [3, 1], seed: 2 }));
    byId.id = 'source-by-id';
    const holder = await fixture<HTMLDivElement>(html`<div>${byId}<nn-network for="source-by-id" layers="2,2"></nn-network></div>`);
    const el = holder.querySelector('nn-network')!;
    await el.updateComplete;
    expect(el.network).to.equal(byId.network);
    const given = source(new Network({ layers: [1, 1], seed: 3 }));
    el.source = given;
    await el.updateComplete;
    expect(el.network).to.equal(given.network);
    // Updates of the element named by for= no longer redraw it.
    const forwards = count(el, 'nn-forward');
    byId.changed();
    await frames(20);
    expect(forwards()).to.equal(0);
    el.source = null;
    await el.updateComplete;
    expect(el.network).to.equal(byId.network);
    el.removeAttribute('for');
    await el.updateComplete;
    expect(el.network!.layers).to.deep.equal([2, 2]);
  });

  it('waits for a source without a network, and refuses a source that is not an element', async () => {
    const empty = source(undefined as unknown as Network);
    const el = await fixture<NnNetwork>(html`<nn-network .source=${empty}></nn-network>`);
    expect($(el, '.waiting')!.textContent).to.equal('Waiting for the <test-network-source> to provide a network.');
    empty.network = new Network({ layers: [2, 1], seed: 1 });
    const forward = oneEvent(el, 'nn-forward');
    empty.changed();
    await forward;
    expect($(el, '.waiting')).to.equal(null);
    (el as unknown as Record<string, unknown>).source = { network: empty.network };
    await el.updateComplete;
    expect(alertText(el)).to.contain('source must be an element');
    expect(el.network, 'keeps the last drawing').to.equal(empty.network);
    el.source = empty;
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
  });

  it('inside its source (a trainer\'s own view), its own updates bubbling through the source are not changes of the source', async () => {
    const host = source(new Network({ layers: [2, 2, 1], seed: 4 }));
    const holder = await fixture<HTMLDivElement>(html`<div>${host}</div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const el = document.createElement('nn-network');
    el.source = host;
    shadow.append(el);
    await el.updateComplete;
    expect(el.network).to.equal(host.network);
    const forwards = count(el, 'nn-forward');
    const heard = count(host, 'nn-network-update');
    el.refresh(); // sends nn-network-update, which bubbles out through the host
    await el.updateComplete;
    expect(heard(), 'the update reached the host').to.equal(1);
    await frames(30); // past several follow intervals
    expect(forwards(), 'one pass, no loop').to.equal(1);
    holder.remove();
  });

  it('stops listening to its source when removed, and follows it again when added back', async () => {
    const trainer = source(new Network({ layers: [2, 1], seed: 6 }));
    const holder = await fixture<HTMLDivElement>(html`<div><nn-network .source=${trainer}></nn-network></div>`);
    const el = holder.querySelector('nn-network')!;
    await el.updateComplete;
    const forwards = count(el, 'nn-forward');
    el.remove();
    trainer.network!.weights.fill(-0.5);
    trainer.changed();
    await frames(20);
    expect(forwards(), 'a removed view does not follow').to.equal(0);
    holder.append(el);
    const forward = oneEvent(el, 'nn-forward');
    trainer.changed();
    await forward;
    expect(Array.from(el.outputs)).to.deep.equal(Array.from(trainer.network!.predict([1, -1])));
  });
});

describe('<nn-network> strings', () => {
  it('shows a writer\'s words over the English, with placeholders filled, and English again without them', async () => {
    const words = { run: 'Vorwärts', inputsTitle: 'Eingaben', hidden: 'Verborgen {n}', keyHint: 'Pfeiltasten wechseln das Neuron.' };
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,3,3,1" strings=${JSON.stringify(words)}></nn-network>`);
    expect($(el, 'button.run')!.textContent).to.equal('Vorwärts');
    expect($(el, '#inputs-title')!.textContent).to.equal('Eingaben');
    expect(captions(el)).to.deep.equal(['Input', 'Verborgen 1', 'Verborgen 2', 'Output']);
    expect($(el, 'svg')!.getAttribute('aria-label')).to.equal('Network diagram: Input 2, Verborgen 1 3, Verborgen 2 3, Output 1 neurons.');
    expect($(el, '#diagram-hint')!.textContent).to.equal(words.keyHint);
    expect($(el, '#editor-title')!.textContent, 'keys not given stay English').to.equal(NETWORK_STRINGS.editorTitle);
    // An object set as the property.
    el.strings = { outputsTitle: 'Sorties' };
    await el.updateComplete;
    expect($(el, '#outputs-title')!.textContent).to.equal('Sorties');
    expect($(el, 'button.run')!.textContent).to.equal('Run forward');
    el.removeAttribute('strings');
    await el.updateComplete;
    expect($(el, '#outputs-title')!.textContent).to.equal('Outputs');
  });

  it('refuses an unknown key or bad JSON with an inline message, keeps the drawing, and recovers', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,2"></nn-network>`);
    const outputs = Array.from(el.outputs);
    el.setAttribute('strings', '{"runn": "Go"}');
    await el.updateComplete;
    expect(alertText(el)).to.contain('strings has no "runn"');
    expect($(el, 'button.run')!.textContent).to.equal('Run forward');
    expect(Array.from(el.outputs)).to.deep.equal(outputs);
    el.setAttribute('strings', '{"run": ');
    await el.updateComplete;
    expect(alertText(el)).to.contain('strings must be JSON');
    el.setAttribute('strings', '{"run": "Go"}');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect($(el, 'button.run')!.textContent).to.equal('Go');
  });

  it('shows hostile words as text, and refuses keys and values that are not its strings', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,1"></nn-network>`);
    const pwned = window as unknown as { __nnStrings?: number };
    const refused = ['{"__proto__": {"run": "x"}}', '{"constructor": "x"}', '{"run": 5}', '{"run": {"a": 1}}', '["run"]', 'null', '"run"', '{"run": "a"} trailing'];
    for (const json of refused) {
      el.setAttribute('strings', json);
      await el.updateComplete;
      expect(alertText(el), json).to.match(/^strings/);
      expect($(el, 'button.run')!.textContent, json).to.equal('Run forward');
    }
    el.setAttribute('strings', JSON.stringify({ run: '<img src=x onerror="window.__nnStrings=1">', inputsTitle: '{run} {nope}' }));
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect($(el, 'button.run')!.textContent).to.equal('<img src=x onerror="window.__nnStrings=1">');
    expect($(el, 'button.run img')).to.equal(null);
    expect($(el, '#inputs-title')!.textContent).to.equal('{run} {nope}');
    expect(pwned.__nnStrings).to.equal(undefined);
  });

  it('translates its messages too: an overflow names inputs in the writer\'s words', async () => {
    const el = await fixture<NnNetwork>(
      html`<nn-network layers="2,1" strings='{"overflowInputs": "Eingaben zu groß ({reason}); z. B. inputs=\\"{example}\\"."}'></nn-network>`,
    );
    el.setAttribute('inputs', '1e308, 1e308');
    el.network!.weights.fill(10);
    await el.updateComplete;
    expect(alertText(el)).to.equal(`Eingaben zu groß (${NETWORK_STRINGS.overflowReason}); z. B. inputs="1, -1".`);
  });
});

describe('<nn-network> derives its state from what changed', () => {
  it('changing layers, then inputs, in one task computes one forward pass and fires one nn-forward and one update', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,2,1"></nn-network>`);
    const forwards = count(el, 'nn-forward');
    const updates = count(el, 'nn-network-update');
    const passes = await countPasses(async () => {
      el.layers = [3, 4, 2];
      el.inputs = [0.5, 0, -0.5];
      el.setAttribute('activation', 'relu');
      await el.updateComplete;
    });
    expect(passes).to.equal(1);
    expect([forwards(), updates()]).to.deep.equal([1, 1]);
    expect(Array.from(el.outputs)).to.deep.equal(Array.from(new Network({ layers: [3, 4, 2], activation: 'relu', seed: 1 }).predict([0.5, 0, -0.5])));
  });

  it('refresh() twice and a followed update in one task: one pass; hovering or relabelling: none', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,2,1"></nn-network>`);
    const forwards = count(el, 'nn-forward');
    const passes = await countPasses(async () => {
      el.network!.weights.fill(0.1);
      el.refresh();
      el.refresh();
      await el.updateComplete;
    });
    expect([passes, forwards()]).to.deep.equal([1, 1]);
    expect(Array.from(el.outputs)).to.deep.equal(Array.from(el.network!.predict([1, -1])));
    const idle = await countPasses(async () => {
      $(el, '.node[data-layer="1"][data-index="0"]')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      el.labels = ['a', 'b'];
      await el.updateComplete;
    });
    expect(idle).to.equal(0);
    expect(forwards()).to.equal(1);
  });

  it('a run lights the layers one by one and fires nn-forward and its announcement once, at the end', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,2,1"></nn-network>`);
    const forwards = count(el, 'nn-forward');
    const status = () => $(el, '[role="status"]')!.textContent!;
    expect(status()).to.equal('');
    const done = oneEvent(el, 'nn-forward');
    $<HTMLButtonElement>(el, 'button.run')!.click();
    await el.updateComplete;
    expect($$(el, '.node.pending').length).to.be.greaterThan(0);
    expect(status(), 'announced at the end').to.equal('');
    await done;
    await el.updateComplete;
    expect(forwards()).to.equal(1);
    expect(status()).to.match(/^Output: y₁ /);
    await frames(5);
    expect(forwards()).to.equal(1);
  });
});

describe('<nn-network> src through the shared source controller', function () {
  this.timeout(30_000);

  it('detached and attached again while loading: the load starts again and ends', async () => {
    const gate = key();
    const waiting = async () => (await (await fetch(`${FAULTS}/waiting?key=${gate}`)).json()).waiting as number;
    const holder = await fixture<HTMLDivElement>(html`<div><nn-network src=${`${FAULTS}/gated.csv?key=${gate}`}></nn-network></div>`);
    const el = holder.querySelector('nn-network')!;
    await el.updateComplete;
    expect($(el, '.waiting')!.textContent).to.equal('Loading the model…');
    await waitUntil(async () => (await waiting()) === 1, 'the first request');
    el.remove();
    holder.append(el);
    await waitUntil(async () => (await waiting()) === 2, 'the load starts again');
    await fetch(`${FAULTS}/release?key=${gate}`);
    // The gate answers CSV: the model is refused, which ends the load.
    await waitUntil(() => alertText(el) !== '', 'the load ends');
    expect(alertText(el)).to.contain('is not valid JSON');
    expect($(el, '.waiting')).to.equal(null);
  });

  it('cancels an oversized model soon after the limit, with a message', async () => {
    const id = key();
    const el = await fixture<NnNetwork>(html`<nn-network src=${`${FAULTS}/oversized.csv?key=${id}`}></nn-network>`);
    await waitUntil(() => alertText(el) !== '', 'the load ends', { timeout: 15000 });
    expect(alertText(el)).to.contain(`Could not load the model from "${FAULTS}/oversized.csv?key=${id}": it is larger than ${MAX_SOURCE_BYTES / 1e6} MB`);
    // The answer waits just past the limit: the server hears the page hang up there, or the test fails.
    const answer = { bytes: 0, hungUp: false };
    await waitUntil(async () => Object.assign(answer, await (await fetch(`${FAULTS}/produced?key=${id}`)).json()).hungUp, 'the download is cancelled', { timeout: 5000 });
    expect(answer.bytes).to.be.below(25_000_000);
  });

  it('a child script is read while there is no src, and again when src goes', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('nn-network');
    const script = Object.assign(document.createElement('script'), { type: 'application/json', textContent: JSON.stringify(new Network({ layers: [2, 4, 1], seed: 3 }).toJSON()) });
    el.append(script);
    el.setAttribute('src', new URL('../fixtures/nn-network-model-small.json', import.meta.url).href);
    const loaded = oneEvent(el, 'nn-network-update');
    holder.append(el);
    await loaded;
    const fromSrc = el.network!.layers;
    expect(fromSrc).to.not.deep.equal([2, 4, 1]);
    el.removeAttribute('src');
    await el.updateComplete;
    expect(el.network!.layers).to.deep.equal([2, 4, 1]);
  });
});
