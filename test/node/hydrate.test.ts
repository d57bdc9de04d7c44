// Server-rendered pages: every element is rendered to HTML by @lit-labs/ssr (from the built
// package, as Eleventy or Astro would), then the page loads dist/nn-kit.hydrate.js in
// Chromium. Each element must adopt the server's HTML (hydrate) rather than render a second
// copy beside it, log nothing, and respond to the reader and to new attributes.
//
// HYDRATE_SCRIPT=dist/nn-kit.js runs the same checks with the plain one-file kit, which
// bundles lit without hydration support: they fail, each widget shown twice.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { type Browser, type Page, chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = process.env.HYDRATE_SCRIPT ?? 'dist/nn-kit.hydrate.js';
const TAGS = ['nn-neuron', 'nn-activation-plot', 'nn-network', 'nn-trainer', 'nn-loss-surface', 'nn-backprop', 'nn-convolution', 'nn-rnn', 'nn-attention', 'nn-digits'];
const MARKUP = `
  <nn-neuron inputs="1, 0, 1" weights="0.8, -0.4, 0.5" bias="-0.5"></nn-neuron>
  <nn-activation-plot activation="sigmoid, tanh"></nn-activation-plot>
  <nn-network layers="3, 4, 2"></nn-network>
  <nn-trainer data="xor" controls="play, step, reset"></nn-trainer>
  <nn-loss-surface surface="bowl"></nn-loss-surface>
  <nn-backprop inputs="0.5, -0.3" target="1, 0"></nn-backprop>
  <nn-convolution image="square" kernel="edge-x"></nn-convolution>
  <nn-rnn task="parity"></nn-rnn>
  <nn-attention tokens="the cat sat"></nn-attention>
  <nn-digits></nn-digits>`;

/** Each element's shadow root, as the reader sees it: its children (not styles), and how many came from the server. */
function shadowSummary(page: Page) {
  return page.evaluate((tags) => {
    const summary: Record<string, { children: string[]; fromServer: number }> = {};
    for (const tag of tags) {
      const rootNode = document.querySelector(tag)!.shadowRoot!;
      const children = [...rootNode.children].filter((child) => child.localName !== 'style');
      summary[tag] = {
        children: children.map((child) => `${child.localName}.${child.getAttribute('class') ?? ''}`.trim()),
        fromServer: rootNode.querySelectorAll('[data-from-server]').length,
      };
    }
    return summary;
  }, TAGS);
}

describe(`a server-rendered page that loads ${script}`, { timeout: 120_000 }, () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    // The built elements, as a server imports them (named through a variable: the package's
    // types exist only after a build, and `npm run lint` runs before one).
    const kit = 'nn-kit';
    await import(kit);
    const body = collectResultSync(render(html`${unsafeStatic(MARKUP)}`));
    const document = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR</title><link rel="icon" href="data:,"></head><body>${body}</body></html>`;
    server = createServer(async (request, response) => {
      const path = new URL(request.url!, 'http://localhost').pathname;
      if (path === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(document);
        return;
      }
      const file = normalize(join(root, path));
      if (!file.startsWith(join(root, 'dist'))) return void response.writeHead(404).end();
      try {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(file));
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless=new', '--disable-gpu'],
    });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('shows each widget once, adopting the server’s HTML, with no error', { timeout: 60_000 }, async () => {
    // Before the script: the server's HTML, in declarative shadow roots. Mark what the server wrote.
    const served = await page.evaluate((tags) => {
      for (const tag of tags) {
        for (const child of document.querySelector(tag)!.shadowRoot!.children) if (child.localName !== 'style') child.setAttribute('data-from-server', '');
      }
      return tags.every((tag) => !customElements.get(tag));
    }, TAGS);
    assert.ok(served, 'no element is defined before the script loads');
    const server = await shadowSummary(page);
    for (const tag of TAGS) assert.ok(server[tag].children.length > 0, `the server rendered <${tag}>`);

    await page.addScriptTag({ type: 'module', url: `/${script}` });
    await page.waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), TAGS);
    await page.evaluate((tags) => Promise.all(tags.map((tag) => (document.querySelector(tag) as unknown as { updateComplete: Promise<boolean> }).updateComplete)), TAGS);

    const hydrated = await shadowSummary(page);
    for (const tag of TAGS) {
      assert.deepEqual(hydrated[tag].children, server[tag].children, `<${tag}> shows what the server rendered, once`);
      assert.equal(hydrated[tag].fromServer, server[tag].children.length, `<${tag}> kept the server's nodes`);
    }
    assert.deepEqual(problems, []);
  });

  it('responds to the reader and to new attributes once hydrated', { timeout: 60_000 }, async () => {
    // The neuron: the reader moves x₂'s slider with the keyboard; the element fires `change` and shows the new output.
    const reader = await page.evaluate(async () => {
      const neuron = document.querySelector('nn-neuron') as HTMLElement & { output: number; updateComplete: Promise<boolean> };
      const changed = new Promise<number[]>((resolve) =>
        neuron.addEventListener('change', (event) => resolve((event as CustomEvent<{ inputs: number[] }>).detail.inputs), { once: true }),
      );
      const before = neuron.output;
      const slider = neuron.shadowRoot!.querySelector<HTMLInputElement>('input[type="range"][aria-label="Value of x₂"]')!;
      slider.value = '1';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      slider.dispatchEvent(new Event('change', { bubbles: true }));
      const inputs = await Promise.race([changed, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no change event')), 20_000))]);
      await neuron.updateComplete;
      return { before, inputs, after: neuron.output };
    });
    assert.deepEqual(reader.inputs, [1, 1, 1]);
    assert.ok(Math.abs(reader.before - 1 / (1 + Math.exp(-0.8))) < 1e-9, `output before: ${reader.before}`);
    assert.ok(Math.abs(reader.after - 1 / (1 + Math.exp(-0.4))) < 1e-9, `output after: ${reader.after}`);

    // New attributes: fewer layers drawn, once.
    const nodes = await page.evaluate(async () => {
      const network = document.querySelector('nn-network') as HTMLElement & { updateComplete: Promise<boolean> };
      network.setAttribute('layers', '2, 2');
      await network.updateComplete;
      return [network.shadowRoot!.querySelectorAll('svg').length > 0, network.shadowRoot!.querySelectorAll('g.node').length];
    });
    assert.deepEqual(nodes, [true, 4]);

    // The trainer: Step epoch trains one epoch and reports it.
    const epoch = await page.evaluate(async () => {
      const trainer = document.querySelector('nn-trainer')!;
      const fired = new Promise<number>((resolve) =>
        trainer.addEventListener('nn-epoch', (event) => resolve((event as CustomEvent<{ epoch: number }>).detail.epoch), { once: true }),
      );
      trainer.shadowRoot!.querySelector<HTMLButtonElement>('button.step-epoch')!.click();
      return Promise.race([fired, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no nn-epoch event')), 20_000))]);
    });
    assert.equal(epoch, 1);
    assert.deepEqual(problems, []);
  });
});
