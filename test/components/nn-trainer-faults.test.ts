// <nn-trainer> against data that goes wrong: slow, failing, oversized and wrong-type
// responses (served by test/tools/fault-server.mjs), every text format the readers take,
// the extremes, runs that diverge without overflowing, and the controls at their edges.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { MAX_SOURCE_BYTES } from '../../components/shared/data-source.js';
import { MAX_DATA_ROWS } from '../../src/data-text.js';
import { DIVERGENCE } from '../../src/index.js';
import { captureWarnings } from './helpers.js';

const FAULTS = `${location.origin}/__faults`;
const FIXTURES = `${location.origin}/test/fixtures/hostile`;
/** What the fault server sends for an oversized answer when nobody hangs up (fault-server.mjs). */
const OVERSIZED_BYTES = 50_000_000;

const $ = <T extends Element = HTMLElement>(el: NnTrainer, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const loadingShown = (el: NnTrainer) => /Loading/.test($(el, 'p.status')?.textContent ?? '');
const alertText = (el: NnTrainer) => $(el, '[role="alert"]')?.textContent?.trim() ?? '';
const key = () => crypto.randomUUID();
const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));

/** Waits until a load has ended, in data or in a message (no event marks either end). */
async function loadEnded(el: NnTrainer, what: string): Promise<void> {
  await el.updateComplete; // the update that starts the load
  await waitUntil(() => !loadingShown(el) && (el.hasCustomData || alertText(el) !== ''), `${what}: still loading`, { timeout: 15000 });
  await el.updateComplete;
}

/** A trainer with a light set of views, as most tests here need. */
const trainer = (attributes = '') => {
  const holder = document.createElement('div');
  holder.innerHTML = `<nn-trainer show="boundary,loss" ${attributes}></nn-trainer>`;
  return holder.firstElementChild as NnTrainer;
};

async function mount(el: NnTrainer): Promise<NnTrainer> {
  await fixture(html`<div>${el}</div>`);
  await el.updateComplete;
  return el;
}

describe('<nn-trainer> loading data that goes wrong', function () {
  this.timeout(60_000);

  const cases: { name: string; url: () => string; message?: RegExp }[] = [
    { name: 'a slow answer', url: () => `${FAULTS}/slow.csv?ms=400` },
    { name: '404', url: () => `${FAULTS}/status?code=404`, message: /answered 404/ },
    { name: '500', url: () => `${FAULTS}/status?code=500`, message: /answered 500/ },
    { name: 'a network error', url: () => `${FAULTS}/network-error`, message: /Could not load "/ },
    { name: 'an oversized answer', url: () => `${FAULTS}/oversized.csv?key=${key()}`, message: /larger than 5 MB/ },
    { name: 'an oversized answer that says so', url: () => `${FAULTS}/oversized-declared.csv?key=${key()}`, message: /larger than 5 MB/ },
    { name: 'an HTML page', url: () => `${FAULTS}/page.html`, message: /is an HTML page, not CSV or JSON/ },
    { name: 'an image', url: () => `${FAULTS}/image.png`, message: /is binary/ },
    { name: 'JSON of the wrong shape', url: () => `${FIXTURES}/wrong-shape-data.json`, message: /must be \{"inputs"/ },
  ];
  for (const { name, url, message } of cases) {
    it(`${name}: ends ${message ? 'in one inline message, keeping the last good network' : 'with the data loaded'}`, async () => {
      const el = await mount(trainer());
      const before = el.network;
      let warnings: string[] = [];
      warnings = await captureWarnings(async () => {
        el.src = url();
        await el.updateComplete;
        expect(loadingShown(el), 'says it is loading').to.equal(true);
        await loadEnded(el, name);
      });
      if (message) {
        expect(alertText(el)).to.match(message);
        expect(el.network, 'the last good network stays').to.equal(before);
        expect(warnings).to.have.length(1);
      } else {
        expect(alertText(el)).to.equal('');
        expect(el.trainer!.data.count, 'half of the six rows train').to.equal(3);
      }
    });
  }

  it('stops downloading an oversized answer soon after the limit, rather than reading it whole', async () => {
    const id = key();
    const el = await mount(trainer(`src="${FAULTS}/oversized.csv?key=${id}"`));
    await loadEnded(el, 'oversized');
    expect(alertText(el)).to.contain(`larger than ${MAX_SOURCE_BYTES / 1e6} MB`);
    // The answer waits just past the limit: the server hears the page hang up there, or the test fails.
    const answer = { bytes: 0, hungUp: false };
    await waitUntil(async () => Object.assign(answer, await (await fetch(`${FAULTS}/produced?key=${id}`)).json()).hungUp, 'the download is cancelled', { timeout: 5000 });
    expect(answer.bytes, 'bytes the server produced').to.be.below(OVERSIZED_BYTES / 2);
  });

  it('src removed, or set to "", while loading: the built-in data, with no "Loading" left behind', async () => {
    for (const clear of [(el: NnTrainer) => el.removeAttribute('src'), (el: NnTrainer) => el.setAttribute('src', '')]) {
      const gate = key();
      const el = await mount(trainer(`src="${FAULTS}/gated.csv?key=${gate}"`));
      expect(loadingShown(el)).to.equal(true);
      clear(el);
      await el.updateComplete;
      expect(loadingShown(el), 'no longer loading').to.equal(false);
      expect(el.hasCustomData).to.equal(false);
      expect(el.trainer!.data.count, 'the built-in circle').to.equal(250);
      expect(alertText(el)).to.equal('');
      await fetch(`${FAULTS}/release?key=${gate}`);
    }
  });

  it('moved to another parent, or detached and attached again, while loading: the load starts again and ends', async () => {
    const moves = {
      'moved to another parent': (el: NnTrainer, other: HTMLElement) => other.append(el),
      'detached and attached again': (el: NnTrainer) => {
        const parent = el.parentElement!;
        el.remove();
        parent.append(el);
      },
    };
    for (const [how, move] of Object.entries(moves)) {
      const gate = key();
      const el = await mount(trainer(`src="${FAULTS}/gated.csv?key=${gate}"`));
      const other = document.createElement('section');
      el.parentElement!.after(other);
      expect(loadingShown(el)).to.equal(true);
      move(el, other);
      await fetch(`${FAULTS}/release?key=${gate}`);
      await loadEnded(el, how);
      expect(el.hasCustomData, how).to.equal(true);
      expect(alertText(el), how).to.equal('');
      other.remove();
    }
  });

  it(`refuses more than ${MAX_DATA_ROWS} rows with a message, and draws ${MAX_DATA_ROWS / 2} points in one path per colour`, async () => {
    const rows = (count: number) => Array.from({ length: count }, (_, i) => `${Math.sin(i)},${Math.cos(i)},${i % 2}`).join('\n');
    const el = await mount(trainer());
    el.src = blobUrl(rows(MAX_DATA_ROWS + 1));
    await loadEnded(el, 'too many rows');
    expect(alertText(el)).to.contain(`more than ${MAX_DATA_ROWS} rows`);

    const prototype = OffscreenCanvasRenderingContext2D.prototype;
    const { fill } = prototype;
    let fills = 0;
    prototype.fill = function (this: OffscreenCanvasRenderingContext2D, ...args: unknown[]) {
      fills++;
      return (fill as (...rest: unknown[]) => void).apply(this, args);
    } as typeof fill;
    try {
      el.src = blobUrl(rows(MAX_DATA_ROWS / 2));
      await loadEnded(el, 'many rows');
      await el.updateComplete;
    } finally {
      prototype.fill = fill;
    }
    expect(alertText(el)).to.equal('');
    expect(el.trainer!.data.count).to.equal(MAX_DATA_ROWS / 4);
    // Two classes, test squares and training circles: four paths.
    expect(fills, 'fills for the points').to.be.within(1, 4);
  });
});

describe('<nn-trainer> reads every text format, and refuses bad data where it is', function () {
  this.timeout(60_000);

  /** Each fixture, and the data summary it gives or the message it must show. */
  const CORPUS: [file: string, expected: { summary: string } | { message: RegExp }][] = [
    ['data-comma-header.csv', { summary: '4 rows of CSV separated by commas, with a header (x1, x2, label)' }],
    ['data-semicolon-decimal-comma.csv', { summary: '4 rows of CSV separated by semicolons, with decimal commas and a header (x1, x2, label)' }],
    ['data-tab-decimal-comma.tsv', { summary: '4 rows of CSV separated by tabs, with decimal commas and a header (x1, x2, label)' }],
    ['data-cr-only.csv', { summary: '4 rows of CSV separated by commas' }],
    ['data-crlf-bom-comments.csv', { summary: '4 rows of CSV separated by commas, with a header (x1, x2, label)' }],
    ['data-one-input.csv', { summary: '5 rows of CSV separated by commas, with a header (x, y)' }],
    ['data-three-classes.json', { summary: '6 rows of JSON' }],
    ['data-extreme-large.json', { summary: '4 rows of JSON' }],
    ['data-extreme-tiny.csv', { summary: '4 rows of CSV separated by commas' }],
    ['data-extreme-overflow.json', { message: /inputs reach 1\.7e\+308, too large to draw/ }],
    ['data-extreme-overflow-targets.csv', { message: /targets reach 1\.7e\+308, too large to draw/ }],
    ['data-extreme-past-double.csv', { message: /row 1, column 1 is "1e309", too large for a number/ }],
    ['data-empty-cell.csv', { message: /row 1, column 2 is empty/ }],
    ['data-empty-last-cell.csv', { message: /row 2, column 3 is empty/ }],
    ['data-nan-first-row.csv', { message: /row 1, column 2 is "NaN", not a number/ }],
    ['data-ragged.csv', { message: /row 2 has 2 values, not 3/ }],
    ['data-one-column.csv', { message: /row 1 needs the inputs then the target/ }],
    ['data-header-only.csv', { message: /a header row but no rows of data/ }],
    ['data-hex.csv', { message: /row 1, column 1 is "0x1F", not a number/ }],
    ['data-html-page.csv', { message: /is an HTML page, not CSV or JSON/ }],
    ['data-json-list.json', { message: /must be \{"inputs"/ }],
    ['data-binary.png', { message: /is binary/ }],
    ['strings-data.csv', { message: /row 2, column 3 is "<img src=x onerror=.*", not a number/ }],
  ];

  for (const [file, expected] of CORPUS) {
    it(`${file}: ${'summary' in expected ? 'trains, and says how it was read' : 'a message naming what is wrong'}`, async () => {
      const el = await mount(trainer('controls="play,reset,data"'));
      const before = el.network;
      const warnings = await captureWarnings(async () => {
        el.src = `${FIXTURES}/${file}`;
        await loadEnded(el, file);
      });
      if ('summary' in expected) {
        expect(alertText(el)).to.equal('');
        expect($(el, '.data-summary')?.textContent?.trim()).to.equal(`Data: ${expected.summary}`);
        expect(warnings).to.have.length(0);
        // The drawing holds only finite numbers.
        for (const path of el.shadowRoot!.querySelectorAll('path')) expect(path.getAttribute('d') ?? '').not.to.match(/NaN|Infinity/);
      } else {
        expect(alertText(el)).to.match(expected.message);
        expect(el.network, 'the last good network stays').to.equal(before);
        expect(warnings).to.have.length(1);
      }
    });
  }
});

describe('<nn-trainer> runs that diverge', function () {
  this.timeout(60_000);

  /** Steps epochs until the run stops (it must within `limit`), and returns the nn-diverged events. */
  function trainToDivergence(el: NnTrainer, limit = 300): number {
    let events = 0;
    el.addEventListener('nn-diverged', () => events++);
    while (!el.trainer!.diverged && el.epoch < limit) el.stepEpoch();
    return events;
  }

  for (const [data, optimizer] of [['spiral', 'sgd'], ['spiral', 'momentum'], ['spiral', 'adam'], ['sine', 'sgd'], ['sine', 'adam']]) {
    it(`learning rate 1000 with ${optimizer} on ${data}: stops and says to lower the learning rate`, async () => {
      const el = await mount(trainer(`data="${data}" optimizer="${optimizer}" learning-rate="1000"`));
      expect(trainToDivergence(el)).to.equal(1);
      await el.updateComplete;
      expect(alertText(el)).to.match(/Training diverged at epoch \d+/);
      expect(alertText(el)).to.contain('Try a smaller learning rate');
      expect($<HTMLButtonElement>(el, 'button.play')!.disabled).to.equal(true);
    });
  }

  it(`says how far the loss grew when it stayed ${DIVERGENCE.factor} times above its start`, async () => {
    const el = await mount(trainer('data="spiral" learning-rate="1000"'));
    trainToDivergence(el);
    await el.updateComplete;
    expect(el.trainer!.divergence!.kind).to.equal('growth');
    expect(alertText(el)).to.contain(`stayed above ${DIVERGENCE.factor} times its starting value`);
    expect(alertText(el)).to.contain(`for ${DIVERGENCE.epochs} epochs`);
  });

  for (const regularization of ['l1', 'l2']) {
    it(`${regularization} at regularization rate 1000: names the regularization rate, not the learning rate`, async () => {
      const el = await mount(trainer(`regularization="${regularization}" regularization-rate="1000"`));
      expect(trainToDivergence(el)).to.equal(1);
      await el.updateComplete;
      expect(alertText(el)).to.contain('The regularization rate (1000) is too large for the learning rate (0.03)');
      expect(alertText(el)).to.match(/try a smaller regularization rate \(such as [\d.]+\)/);
      expect(alertText(el)).not.to.contain('smaller learning rate');
    });
  }

  it('an infinite loss keeps the loss chart finite: drawn at the top edge under an ∞ mark', async () => {
    const json = JSON.stringify({ inputs: [[0, 0], [1, 1], [2, 0], [0, 2]], targets: [[1e200], [-1e200], [1e200], [0]] });
    const el = await mount(trainer(`show="loss"`));
    el.src = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    await loadEnded(el, 'huge targets');
    expect(el.trainLoss).to.equal(Infinity);
    const paths = [...el.shadowRoot!.querySelectorAll('svg.loss-chart path.loss')].map((path) => path.getAttribute('d') ?? '');
    expect(paths).to.have.length(2);
    for (const d of paths) expect(d).to.match(/^M[\d.]+,[\d.]+/).and.not.to.match(/NaN|Infinity/);
    expect($(el, 'svg.loss-chart .off-scale')?.textContent).to.equal('∞');
  });
});

describe('<nn-trainer> controls at their edges', function () {
  this.timeout(60_000);

  const slider = (el: NnTrainer, name: string) => $<HTMLInputElement>(el, `#${name}-control`)!;

  it('sliders show values outside their preset range or steps, and an arrow key steps from the true value', async () => {
    const cases: [attribute: string, value: string, control: string, property: keyof NnTrainer, key: string, next: number][] = [
      ['batch-size', '10000', 'batch-size', 'batchSize', 'ArrowLeft', 9999],
      ['noise', '12', 'noise', 'noise', 'ArrowRight', 17],
      ['train-split', '0.05', 'train-split', 'trainSplit', 'ArrowRight', 0.15],
      ['speed', '7', 'speed', 'speed', 'ArrowLeft', 6.95],
    ];
    for (const [attribute, value, control, property, press, next] of cases) {
      const el = await mount(trainer(`${attribute}="${value}" controls="play,reset,noise,train-split,batch-size,speed" samples="60"`));
      const input = slider(el, control);
      const shown = attribute === 'train-split' ? String(Number(value) * 100) : value;
      expect(input.value, `${attribute}="${value}"`).to.equal(shown);
      input.focus();
      const changed = oneEvent(el, 'change');
      await sendKeys({ press });
      const { detail } = await changed;
      expect(detail.name, attribute).to.equal(property);
      expect(detail.value, attribute).to.be.closeTo(next, 1e-9);
      expect(el[property], attribute).to.be.closeTo(next, 1e-9);
    }
  });

  it('when the epochs run out or the run diverges, focus moves from Play or Step to Reset, not to the page', async () => {
    for (const [attributes, button] of [['epochs="1"', 'step-epoch'], ['epochs="1"', 'play'], ['data="spiral" learning-rate="1000"', 'play']]) {
      const el = await mount(trainer(`samples="60" ${attributes}`));
      $<HTMLButtonElement>(el, `button.${button}`)!.focus();
      const stopped = oneEvent(el, 'nn-stopped');
      await sendKeys({ press: 'Enter' });
      const { detail } = await stopped;
      await el.updateComplete;
      expect(detail.reason).to.equal(attributes.startsWith('epochs') ? 'epochs' : 'diverged');
      expect($<HTMLButtonElement>(el, `button.${button}`)!.disabled, `${button} is disabled`).to.equal(true);
      expect(el.shadowRoot!.activeElement?.className, `${attributes}, ${button}`).to.equal('reset');
      expect(document.activeElement).to.equal(el);
    }
  });

  it('a bad hidden-layers entry in the panel gets its message beside the field, with the label and a valid example', async () => {
    const el = await mount(trainer('samples="60"'));
    const layers = [...el.network!.layers];
    const input = $<HTMLInputElement>(el, '#hidden-layers-control')!;
    const warnings = await captureWarnings(async () => {
      input.value = '1.5, 2';
      input.dispatchEvent(new Event('change'));
      await el.updateComplete;
    });
    const field = input.closest('.field')!;
    const message = field.querySelector('[role="alert"]')?.textContent ?? '';
    expect(message).to.match(/^Hidden layers: got "1\.5, 2"\./);
    expect(message).to.contain('e.g. "8, 8", or "none"');
    expect(message).not.to.contain('hidden-layers');
    expect(message).not.to.contain('1, 0.5, -2');
    expect(el.shadowRoot!.querySelectorAll('[role="alert"]'), 'no other message').to.have.length(1);
    expect(input.value, 'the entry stays to be corrected').to.equal('1.5, 2');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal(field.querySelector('[role="alert"]')!.id);
    expect(el.network!.layers, 'the last good network stays').to.deep.equal(layers);
    expect(warnings).to.have.length(1);
    await expect(el).to.be.accessible();

    input.value = '3';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(field.querySelector('[role="alert"]')).to.equal(null);
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(el.network!.layers.slice(1, -1)).to.deep.equal([3]);
  });

  it('is accessible with custom data and its summary', async () => {
    const el = await mount(trainer(`src="${FIXTURES}/data-semicolon-decimal-comma.csv"`));
    await loadEnded(el, 'semicolons');
    await expect(el).to.be.accessible();
  });
});
