import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../components/nn-convolution/nn-convolution.js';
import type { NnConvolution } from '../../components/nn-convolution/nn-convolution.js';
import { loadWasmCnnKernels } from '../../src/wasm/load.js';
import { drawingProblems } from '../shared/finite.js';
import { captureWarnings, nextFrame, settleWidth } from './helpers.js';

const root = (el: Element) => el.shadowRoot!;
const alertText = (el: Element) => root(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const $ = <T extends Element = Element>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = Element>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (el: Element, selector: string) => ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const settle = (el: NnConvolution) => settleWidth(el, 'svg.image');

/** The convolution written here from its definition: cross-correlation with zero padding, stride, plus bias. */
function convolve(image: number[][], kernel: number[][], stride: number, padding: number, bias: number): number[][] {
  const k = kernel.length;
  const rows = Math.floor((image.length + 2 * padding - k) / stride) + 1;
  const columns = Math.floor((image[0].length + 2 * padding - k) / stride) + 1;
  const at = (y: number, x: number) => image[y]?.[x] ?? 0;
  return Array.from({ length: rows }, (_, oy) =>
    Array.from({ length: columns }, (_, ox) => {
      let sum = bias;
      for (let ky = 0; ky < k; ky++) for (let kx = 0; kx < k; kx++) sum += kernel[ky][kx] * at(oy * stride - padding + ky, ox * stride - padding + kx);
      return sum;
    }),
  );
}

const SOBEL_X = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
const SQUARE = Array.from({ length: 8 }, (_, y) => Array.from({ length: 8 }, (_, x) => (y >= 1 && y <= 6 && x >= 1 && x <= 6 && (y === 1 || y === 6 || x === 1 || x === 6) ? 1 : 0)));

/** Waits until `check` holds (digits load asynchronously), a frame at a time. */
async function until(el: NnConvolution, check: () => boolean, frames = 300): Promise<void> {
  for (let i = 0; i < frames && !check(); i++) {
    await nextFrame();
    await el.updateComplete;
  }
  expect(check(), 'the condition came true').to.equal(true);
}

describe('<nn-convolution> explore', () => {
  it('is accessible: by default, with padding, stride and pooling, and with a bad attribute', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution></nn-convolution>`);
    await settle(el);
    await expect(el).to.be.accessible();
    const busy = await fixture<NnConvolution>(html`<nn-convolution image="ring" kernel="sharpen" padding="2" stride="2" pool="max"></nn-convolution>`);
    await settle(busy);
    await expect(busy).to.be.accessible();
    const bad = await captureWarnings(async () => {
      const wrong = await fixture<NnConvolution>(html`<nn-convolution kernel-size="9"></nn-convolution>`);
      await expect(wrong).to.be.accessible();
    });
    expect(bad).to.have.length(1);
  });

  it('by default slides Sobel x over the square with stride 1 and no padding: a 6 × 6 map, relu, the window at the top left', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution></nn-convolution>`);
    await settle(el);
    expect(alertText(el)).to.equal('');
    expect(el.input).to.deep.equal(SQUARE);
    expect(el.kernelValues).to.deep.equal(SOBEL_X);
    const expected = convolve(SQUARE, SOBEL_X, 1, 0, 0);
    expect(el.output).to.deep.equal(expected);
    expect(el.activated).to.deep.equal(expected.map((row) => row.map((v) => Math.max(0, v))));
    expect(el.pooled).to.deep.equal([]);
    expect(text(el, '.size')).to.include('⌊(8 + 2·0 − 3) / 1⌋ + 1 = 6');
    // The worked window at (1, 1): products of the kernel and the top-left 3 × 3 of the square.
    const cells = $$(el, '.products td').map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
    expect(cells).to.have.length(9);
    expect(cells[0]).to.equal('−1 × 0 0');
    expect(cells[4]).to.equal('0 × 1 0');
    expect(cells[5]).to.equal('2 × 1 2');
    expect(cells[8]).to.equal('1 × 0 0');
    expect(text(el, '.status')).to.equal(`Row 1, column 1: the products sum to ${expected[0][0]}; plus bias 0 is ${expected[0][0]}; ReLU gives ${Math.max(0, expected[0][0])}.`);
    expect($(el, '[part="window"]')!.getAttribute('aria-label')).to.equal('Window at row 1, column 1 of the 6 × 6 feature map. Arrow keys move it.');
    expect($$(el, 'input.kernel-cell')).to.have.length(9);
    expect(drawingProblems(root(el))).to.deep.equal([]);
  });

  it('output size follows ⌊(n + 2p − k)/s⌋ + 1 for odd sizes, strides larger than the kernel and padding larger than the kernel', async () => {
    const image = '1 2 3 4 5; 6 7 8 9 10; 11 12 13 14 15';
    for (const [kernel, stride, padding] of [
      ['1 0 -1 2 0 -2 1 0 -1', 1, 0],
      ['1 0 -1 2 0 -2 1 0 -1', 4, 1],
      ['1 1 1 1', 1, 3],
      ['0.5', 2, 0],
      ['1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25', 2, 2],
    ] as const) {
      const el = await fixture<NnConvolution>(html`<nn-convolution image=${image} kernel=${kernel} stride=${stride} padding=${padding} bias="0.25" activation="linear"></nn-convolution>`);
      await el.updateComplete;
      expect(alertText(el), `kernel ${kernel}`).to.equal('');
      const numbers = kernel.split(' ').map(Number);
      const k = Math.sqrt(numbers.length);
      const rows = Array.from({ length: k }, (_, y) => numbers.slice(y * k, y * k + k));
      const expected = convolve(el.input, rows, stride, padding, 0.25);
      expect(el.output, `kernel ${kernel}, stride ${stride}, padding ${padding}`).to.deep.equal(expected);
      expect(text(el, '.size')).to.include(`⌊(3 + 2·${padding} − ${k}) / ${stride}⌋ + 1 = ${expected.length}`);
      expect(text(el, '.size')).to.include(`⌊(5 + 2·${padding} − ${k}) / ${stride}⌋ + 1 = ${expected[0].length}`);
    }
  });

  it('a 1 × 1 image works with padding; a kernel larger than the padded image gets a message saying what fits', async () => {
    const one = await fixture<NnConvolution>(html`<nn-convolution image="2" kernel="blur" padding="1"></nn-convolution>`);
    await one.updateComplete;
    expect(alertText(one)).to.equal('');
    expect(one.output).to.deep.equal([[2 * (4 / 16)]]);
    const warnings = await captureWarnings(async () => {
      const big = await fixture<NnConvolution>(html`<nn-convolution image="1 0; 0 1" kernel="blur" kernel-size="5"></nn-convolution>`);
      await big.updateComplete;
      expect(alertText(big)).to.equal('A 5×5 kernel does not fit in a 2×2 image padded by 0: the padded image must be at least as large as the kernel. Use a smaller kernel or more padding (at least 2).');
      big.padding = 2;
      await big.updateComplete;
      expect(alertText(big)).to.equal('');
      expect(big.output).to.have.length(2);
    });
    expect(warnings).to.have.length(1);
  });

  it('pools the activated map with max or average pooling', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution image="ring" kernel="edge-y" pool="max" pool-size="2"></nn-convolution>`);
    await el.updateComplete;
    const map = el.activated;
    const pooledBy = (f: (values: number[]) => number) =>
      Array.from({ length: Math.floor(map.length / 2) }, (_, y) => Array.from({ length: Math.floor(map[0].length / 2) }, (_, x) => f([map[2 * y][2 * x], map[2 * y][2 * x + 1], map[2 * y + 1][2 * x], map[2 * y + 1][2 * x + 1]])));
    expect(el.pooled).to.deep.equal(pooledBy((v) => Math.max(...v)));
    expect($(el, 'svg.pooled')).to.exist;
    el.pool = 'average';
    await el.updateComplete;
    const average = pooledBy((v) => v.reduce((a, b) => a + b, 0) / 4);
    el.pooled.forEach((row, y) => row.forEach((v, x) => expect(v).to.be.closeTo(average[y][x], 1e-12)));
  });

  it('moves the window with the arrow keys, Home and End, and says so with nn-window', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution></nn-convolution>`);
    await settle(el);
    $<HTMLButtonElement>(el, '[part="window"]')!.focus();
    setTimeout(() => sendKeys({ press: 'ArrowRight' }));
    const moved = await oneEvent(el, 'nn-window');
    const expected = convolve(SQUARE, SOBEL_X, 1, 0, 0);
    expect(moved.detail).to.deep.equal({ row: 0, column: 1, z: expected[0][1], value: Math.max(0, expected[0][1]) });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect($(el, '[part="window"]')!.getAttribute('aria-label')).to.include('row 2, column 6');
    expect(text(el, '.status')).to.include('Row 2, column 6');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect($(el, '[part="window"]')!.getAttribute('aria-label'), 'it stays inside the map').to.include('row 2, column 6');
  });

  it('draws the padding as a ring around the image and the window where its taps fall, stride by stride', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution image="ring" kernel="blur" padding="2" stride="3"></nn-convolution>`);
    await settle(el);
    // A 9 × 9 image padded by 2 is 13 cells a side; a 3 × 3 window moves 3 cells a step.
    expect($(el, 'svg.image')!.getAttribute('viewBox')).to.equal('0 0 13 13');
    expect($(el, 'svg.image rect.padding')).to.exist;
    expect($(el, 'svg.image rect.paper')!.getAttribute('x')).to.equal('2');
    const box = () => ['x', 'y', 'width', 'height'].map((name) => $(el, 'svg.image rect.window')!.getAttribute(name));
    expect(box()).to.deep.equal(['0', '0', '3', '3']);
    $<HTMLButtonElement>(el, '[part="window"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(box()).to.deep.equal(['3', '3', '3', '3']);
    // The selected output pixel is outlined on the feature map, ⌊(9 + 4 − 3)/3⌋ + 1 = 4 a side.
    expect($(el, 'svg.map')!.getAttribute('viewBox')).to.equal('0 0 4 4');
    expect(['x', 'y'].map((name) => $(el, 'svg.map rect.selected')!.getAttribute(name))).to.deep.equal(['1', '1']);
    // Taps on padding are greyed in the worked table and contribute 0.
    const off = $$(el, '.products td.off');
    expect(off.length).to.equal(0);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect($$(el, '.products td.off').length, 'at the corner, padded by 2, only 1 of the 9 taps is on the image').to.equal(8);
    expect($$(el, '.products td.off').every((td) => / 0$/.test(td.textContent!.trim()))).to.equal(true);
  });

  it('moves the window to where the pointer presses on the feature map or the image', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution></nn-convolution>`);
    await settle(el);
    const map = $(el, 'svg.map')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(map.left + (map.width * 4.5) / 6), Math.round(map.top + (map.height * 2.5) / 6)] });
    await el.updateComplete;
    expect($(el, '[part="window"]')!.getAttribute('aria-label')).to.include('row 3, column 5');
    const image = $(el, 'svg.image')!.getBoundingClientRect();
    // The window whose middle is the pressed pixel (row 2, column 2 of 8) is output (1, 1).
    await sendMouse({ type: 'click', position: [Math.round(image.left + (image.width * 1.5) / 8), Math.round(image.top + (image.height * 1.5) / 8)] });
    await el.updateComplete;
    expect($(el, '[part="window"]')!.getAttribute('aria-label')).to.include('row 1, column 1');
  });

  it('the reader edits a kernel number in its labelled field: the kernel becomes custom and change fires', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution image="cross" kernel="identity"></nn-convolution>`);
    await settle(el);
    const field = $<HTMLInputElement>(el, 'input[aria-label="Kernel row 2, column 2"]')!;
    expect(field.value).to.equal('1');
    field.value = '3';
    setTimeout(() => field.dispatchEvent(new Event('change')));
    const change = await oneEvent(el, 'change');
    expect(change.detail).to.deep.equal({ name: 'kernel', value: '0 0 0 0 3 0 0 0 0' });
    await el.updateComplete;
    expect(el.kernelValues[1][1]).to.equal(3);
    expect($<HTMLSelectElement>(el, 'select[name="kernel"]')!.selectedOptions[0].textContent!.trim()).to.equal('Custom');
    expect(el.output).to.deep.equal(convolve(el.input, el.kernelValues, 1, 0, 0));
  });

  it('changes stride, padding, kernel and pooling from its labelled controls', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution></nn-convolution>`);
    await settle(el);
    const stride = $<HTMLInputElement>(el, 'input[name="stride"]')!;
    stride.value = '2';
    stride.dispatchEvent(new Event('change'));
    const padding = $<HTMLInputElement>(el, 'input[name="padding"]')!;
    padding.value = '1';
    padding.dispatchEvent(new Event('change'));
    const kernel = $<HTMLSelectElement>(el, 'select[name="kernel"]')!;
    kernel.value = 'blur';
    kernel.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect([el.stride, el.padding, el.kernel]).to.deep.equal([2, 1, 'blur']);
    expect(el.output).to.have.length(4);
    expect(text(el, '.size')).to.include('⌊(8 + 2·1 − 3) / 2⌋ + 1 = 4');
    const pool = $<HTMLSelectElement>(el, 'select[name="pool"]')!;
    pool.value = 'max';
    pool.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.pooled).to.have.length(2);
    const labels = $$(el, '.toolbar label').map((label) => [...label.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())!.textContent!.trim());
    expect(labels).to.include.members(['Image', 'Kernel', 'Kernel size', 'Stride', 'Padding', 'Bias', 'Activation', 'Pooling', 'Pool size']);
  });

  it('"Draw one" opens a labelled pad; a stroke becomes the 8 × 8 image, as the digits were made', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution></nn-convolution>`);
    await settle(el);
    const draw = $<HTMLButtonElement>(el, 'button.draw')!;
    expect(draw.getAttribute('aria-expanded')).to.equal('false');
    draw.click();
    await el.updateComplete;
    expect(draw.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    const pad = $(el, 'canvas.pad-canvas')!.getBoundingClientRect();
    const changed = oneEvent(el, 'change');
    // A vertical stroke down the middle of the pad: a "1".
    await sendMouse({ type: 'move', position: [Math.round(pad.left + pad.width / 2), Math.round(pad.top + pad.height * 0.2)] });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 6; i++) await sendMouse({ type: 'move', position: [Math.round(pad.left + pad.width / 2), Math.round(pad.top + pad.height * (0.2 + 0.1 * i))] });
    await sendMouse({ type: 'up' });
    expect((await changed).detail).to.deep.equal({ name: 'image', value: 'drawn' });
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    const image = el.input;
    expect(image).to.have.length(8);
    expect(image[0]).to.have.length(8);
    // Ink fills the box's height, in the middle columns; the edge columns stay blank.
    expect(image.every((row) => row[0] === 0 && row[7] === 0)).to.equal(true);
    expect(image.map((row) => row[3] + row[4]).every((v) => v > 0)).to.equal(true);
    expect(el.output).to.deep.equal(convolve(image, SOBEL_X, 1, 0, 0));
  });

  it('shows a handwritten digit from the UCI set', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution image="digit-3"></nn-convolution>`);
    await until(el, () => el.input.length === 8);
    expect(el.input.flat().every((v) => v >= 0 && v <= 1)).to.equal(true);
    expect(el.input.flat().some((v) => v > 0.5)).to.equal(true);
    expect($<HTMLSelectElement>(el, 'select[name="image"]')!.value).to.equal('digit-3');
  });

  it('bad attributes show one message naming what is accepted, keep the last good map, and recover', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution></nn-convolution>`);
    await el.updateComplete;
    const good = el.output;
    const cases: [string, string, string | RegExp][] = [
      ['kernel', 'emboss', 'Unknown kernel "emboss"'],
      ['kernel', '1 2 3', 'kernel lists 3 numbers; it needs a square count: 9 for 3×3, 25 for 5×5'],
      ['kernel-size', '9', 'kernel-size must be'],
      ['image', 'blob', 'Unknown image "blob"'],
      ['image', '1 2; 3', 'image row 2 has 1 numbers; every row needs 2'],
      ['stride', '0', 'stride'],
      ['padding', '-1', 'padding'],
      ['pool', 'min', 'pool'],
      ['activation', 'softmax', 'activation'],
      ['strings', '{"nope": "x"}', 'strings has no "nope"'],
    ];
    for (const [name, value, message] of cases) {
      const warnings = await captureWarnings(async () => {
        el.setAttribute(name, value);
        await el.updateComplete;
      });
      if (typeof message === 'string') expect(alertText(el), `${name}="${value}"`).to.include(message);
      else expect(alertText(el)).to.match(message);
      expect(warnings, `${name}="${value}"`).to.have.length(1);
      expect(el.output, 'the last good map stays').to.deep.equal(good);
      el.removeAttribute(name);
      await el.updateComplete;
      expect(alertText(el)).to.equal('');
    }
    const warnings = await captureWarnings(async () => {
      el.kernel = '1 2 3 4 5 6 7 8 9';
      el.kernelSize = 4;
      await el.updateComplete;
    });
    expect(alertText(el)).to.equal('kernel lists 9 numbers; a 4×4 kernel needs 16 (kernel-size is 4).');
    expect(warnings).to.have.length(1);
  });

  it('takes its words from strings, and hides controls and parts when asked', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution strings='{"featureMap": "Merkmalskarte"}' controls="none" show="none"></nn-convolution>`);
    await el.updateComplete;
    expect(text(el, 'figure:last-of-type figcaption')).to.include('Merkmalskarte');
    expect($(el, '.toolbar')).to.equal(null);
    expect($(el, '.products')).to.equal(null);
    expect($(el, '.size')).to.equal(null);
    expect($$(el, 'span.kernel-cell')).to.have.length(9);
  });
});

describe('<nn-convolution mode="train">', function () {
  this.timeout(60_000);

  it('is accessible, untrained and after training', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution mode="train" epochs="1"></nn-convolution>`);
    await until(el, () => !!$(el, '.confusion'));
    await expect(el).to.be.accessible();
    el.play();
    await oneEvent(el, 'nn-stopped');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('learns the digits from its seed to at least 95% held-out accuracy, epoch by epoch, and draws its filters, maps and confusion matrix', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution mode="train"></nn-convolution>`);
    await until(el, () => !!$(el, '.confusion'));
    expect(el.epoch).to.equal(0);
    expect(el.accuracy).to.be.below(0.3);
    expect(el.filtersValues).to.have.length(6);
    expect(el.filtersValues[0]).to.have.length(3);
    const before = el.filtersValues;
    expect($$(el, 'svg.filter')).to.have.length(6);
    expect($$(el, 'svg.feature')).to.have.length(6);
    expect($$(el, '.confusion tbody tr')).to.have.length(10);
    const epochs: number[] = [];
    el.addEventListener('nn-epoch', (event) => epochs.push((event as CustomEvent).detail.epoch));
    $<HTMLButtonElement>(el, 'button.play')!.click();
    expect(el.playing).to.equal(true);
    const stopped = await oneEvent(el, 'nn-stopped');
    expect(stopped.detail).to.deep.equal({ epoch: 10, reason: 'epochs' });
    expect(epochs).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(el.accuracy).to.be.at.least(0.95);
    expect(el.filtersValues).not.to.deep.equal(before);
    await el.updateComplete;
    // The matrix's diagonal is what the accuracy says.
    const cells = $$(el, '.confusion tbody tr').map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent)));
    const total = cells.flat().reduce((a, b) => a + b, 0);
    const right = cells.reduce((sum, row, i) => sum + row[i], 0);
    expect(right / total).to.equal(el.accuracy);
    expect(text(el, '.status')).to.equal(`Epoch 10 of 10: ${right} of ${total} held-out digits read right.`);
    expect(text(el, '.train-status')).to.include(`${(el.accuracy * 100).toFixed(1)}%`);
    expect(drawingProblems(root(el))).to.deep.equal([]);
  });

  it('trains on the kernels a page gives it (useKernels) to the same numbers as on JavaScript, and keeps them when a setting rebuilds the network', async () => {
    const kernels = await loadWasmCnnKernels();
    expect(kernels, 'this browser compiles the WebAssembly SIMD kernels').to.be.a('function');
    const plain = await fixture<NnConvolution>(html`<nn-convolution mode="train" epochs="1"></nn-convolution>`);
    const fast = await fixture<NnConvolution>(html`<nn-convolution mode="train" epochs="1"></nn-convolution>`);
    // Given before the digits have loaded: kept for the network still to be built.
    fast.useKernels(kernels!);
    for (const el of [plain, fast]) await until(el, () => !!$(el, '.confusion'));
    const kindOf = (el: NnConvolution) => (el as unknown as { session: { trainer: { cnn: { kernelKind: string } } } }).session.trainer.cnn.kernelKind;
    expect(kindOf(plain)).to.equal('javascript');
    expect(kindOf(fast)).to.equal('webassembly');
    const firstEpoch = (el: NnConvolution) =>
      new Promise<{ filters: number[][][]; accuracy: number; steps: number }>((resolve) =>
        el.addEventListener('nn-epoch', () => resolve({ filters: el.filtersValues, accuracy: el.accuracy, steps: el.steps }), { once: true }),
      );
    // One at a time, each on screen (a widget off screen does not train).
    const trainOneEpoch = (el: NnConvolution) => {
      el.scrollIntoView();
      const epoch = firstEpoch(el);
      el.play();
      return epoch;
    };
    const onJavaScript = await trainOneEpoch(plain);
    const onWebAssembly = await trainOneEpoch(fast);
    expect(onWebAssembly).to.deep.equal(onJavaScript);
    expect(onWebAssembly.accuracy).to.be.above(0.5);
    fast.filters = 4;
    await fast.updateComplete;
    expect(fast.filtersValues).to.have.length(4);
    expect(kindOf(fast), 'a rebuilt network keeps the kernels').to.equal('webassembly');
  });

  it('shows a writer\'s own 8 × 8 digit and refuses an image of another size', async () => {
    const rows = Array.from({ length: 8 }, (_, y) => Array.from({ length: 8 }, (_, x) => (x === 4 && y > 0 ? 1 : 0)));
    const el = await fixture<NnConvolution>(html`<nn-convolution mode="train" image=${rows.map((row) => row.join(' ')).join('; ')}></nn-convolution>`);
    await until(el, () => !!$(el, '.confusion'));
    expect(el.input).to.deep.equal(rows);
    expect($<HTMLSelectElement>(el, 'select[name="image"]')!.selectedOptions[0].textContent!.trim()).to.equal('Your image');
    const warnings = await captureWarnings(async () => {
      el.image = '0 1 0; 1 1 1; 0 1 0';
      await el.updateComplete;
    });
    expect(alertText(el)).to.equal('In train mode the image must be a digit of 8 × 8 pixels; this one is 3 × 3.');
    expect(warnings).to.have.length(1);
    expect(el.input, 'the last good digit stays').to.deep.equal(rows);
  });

  it('is accessible in the dark scheme too, explore and train', async () => {
    const explore = await fixture<NnConvolution>(html`<nn-convolution style="color-scheme: dark" image="digit-5" padding="1" pool="average"></nn-convolution>`);
    await until(explore, () => explore.input.length === 8);
    await expect(explore).to.be.accessible();
    const train = await fixture<NnConvolution>(html`<nn-convolution style="color-scheme: dark" mode="train" epochs="1"></nn-convolution>`);
    await until(train, () => !!$(train, '.confusion'));
    await expect(train).to.be.accessible();
  });

  it('pauses with nn-stopped, resets to the seed, and shows the next digit', async () => {
    const el = await fixture<NnConvolution>(html`<nn-convolution mode="train" filters="3" optimizer="momentum" learning-rate="0.02"></nn-convolution>`);
    await until(el, () => !!$(el, '.confusion'));
    const untrained = el.filtersValues;
    const firstDigit = el.input;
    el.play();
    await until(el, () => el.epoch >= 1);
    setTimeout(() => $<HTMLButtonElement>(el, 'button.play')!.click());
    const stopped = await oneEvent(el, 'nn-stopped');
    expect(stopped.detail.reason).to.equal('paused');
    expect(el.playing).to.equal(false);
    $<HTMLButtonElement>(el, 'button.reset')!.click();
    await el.updateComplete;
    expect(el.epoch).to.equal(0);
    expect(el.filtersValues).to.deep.equal(untrained);
    $<HTMLButtonElement>(el, 'button.next')!.click();
    await el.updateComplete;
    expect(el.input).not.to.deep.equal(firstDigit);
    expect(el.input).to.have.length(8);
  });
});
