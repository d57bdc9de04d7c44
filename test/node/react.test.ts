// React 19 in a real browser, as the README shows it: the tags written in JSX (settings as
// attribute text, listening with `onnn-epoch`) and the components of nn-kit/react (made
// with @lit/react: properties by their own types, `onNnEpoch`). A user's app is bundled
// by Vite from a temporary project that has nn-kit and React installed, then run in
// Chromium. Runs on the built package (`npm run build`).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));

const APP = `
import { createElement as h, Fragment } from 'react';
import { createRoot } from 'react-dom/client';
import 'nn-kit';
import { NnTrainer } from 'nn-kit/react';

const events = (window.events = []);
const log = (who) => (event) => {
  events.push([who, event.type, event.detail.epoch]);
  window.dispatchEvent(new Event('logged'));
};
createRoot(document.getElementById('root')).render(
  h(Fragment, null,
    h('nn-trainer', { id: 'tag', data: 'xor', 'hidden-layers': '8, 8', 'learning-rate': '0.1', controls: 'step', 'onnn-epoch': log('tag') }),
    h(NnTrainer, { id: 'component', data: 'xor', hiddenLayers: [3], learningRate: 0.3, controls: 'step', onNnEpoch: log('component') }),
  ),
);
`;

describe('React 19 with nn-kit in a browser', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nn-kit-react-'));
    mkdirSync(join(dir, 'node_modules/@lit'), { recursive: true });
    for (const name of ['react', 'react-dom', '@lit/react']) symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
    symlinkSync(root, join(dir, 'node_modules/nn-kit'), 'dir');
    writeFileSync(join(dir, 'app.js'), APP);
    const result = await build({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: { write: false, minify: false, lib: { entry: join(dir, 'app.js'), formats: ['es'] }, rollupOptions: { output: { codeSplitting: false } } },
    });
    const code = (Array.isArray(result) ? result[0] : result as { output: { code?: string }[] }).output[0].code!;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless=new', '--disable-gpu'],
    });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.setContent('<!doctype html><html lang="en"><body><div id="root"></div></body></html>');
    await page.addScriptTag({ type: 'module', content: code });
    await page.waitForFunction(() => document.querySelectorAll('nn-trainer').length === 2 && [...document.querySelectorAll('nn-trainer')].every((el) => el.shadowRoot?.querySelector('button.step-epoch')));
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes settings as attribute text (the tag) and as properties of their own types (the component)', async () => {
    const settings = await page.evaluate(() =>
      ['tag', 'component'].map((id) => {
        const el = document.getElementById(id) as HTMLElement & { data: string; hiddenLayers: readonly number[]; learningRate: number };
        return { data: el.data, hiddenLayers: [...el.hiddenLayers], learningRate: el.learningRate, problem: el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '' };
      }),
    );
    assert.deepEqual(settings, [
      { data: 'xor', hiddenLayers: [8, 8], learningRate: 0.1, problem: '' },
      { data: 'xor', hiddenLayers: [3], learningRate: 0.3, problem: '' },
    ]);
  });

  it('calls onnn-epoch (the tag) and onNnEpoch (the component) with the event', async () => {
    const events = await page.evaluate(async () => {
      const log = (window as unknown as { events: unknown[] }).events;
      const both = new Promise<void>((resolve) => window.addEventListener('logged', () => log.length >= 2 && resolve()));
      for (const id of ['tag', 'component']) document.getElementById(id)!.shadowRoot!.querySelector<HTMLButtonElement>('button.step-epoch')!.click();
      await Promise.race([both, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      return log;
    });
    assert.deepEqual(events, [
      ['tag', 'nn-epoch', 1],
      ['component', 'nn-epoch', 1],
    ]);
    assert.deepEqual(problems, []);
  });
});
