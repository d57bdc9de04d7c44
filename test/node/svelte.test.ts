// Svelte 5 in a real browser, exactly as the README shows it: its component is taken from
// README.md and built by Vite with @sveltejs/vite-plugin-svelte (the stock configuration) in
// a temporary project where nn-kit is installed from `npm pack` (see framework-app.ts),
// served and opened in Chromium. The settings reach the element, a reader's Play trains it
// and the component's `onnn-epoch` handler updates the page. Runs on the built package
// (`npm run build`).
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { compile } from 'svelte/compiler';
import {
  buildProject,
  cleanUp,
  expectAppFollowsTraining,
  makeProject,
  openBrowser,
  readmeFrameworkExamples,
  serve,
  trainerDrawn,
  trainerState,
} from './framework-app.js';

const CONFIG = `import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({ plugins: [svelte()] });
`;
const INDEX = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Svelte app</title></head>
  <body><div id="app"></div><script type="module" src="/main.js"></script></body>
</html>
`;
const MAIN = `import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') });
`;

describe('Svelte 5 with nn-kit, as the README shows it, built by Vite and run in Chromium', { timeout: 60_000 }, () => {
  let dir: string | undefined;
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let problems: string[];

  before(async () => {
    const components = readmeFrameworkExamples('svelte');
    assert.equal(components.length, 1, 'the README shows one Svelte component');
    dir = makeProject('svelte', ['vite', '@sveltejs/vite-plugin-svelte', 'svelte'], { 'vite.config.js': CONFIG, 'index.html': INDEX, 'main.js': MAIN, 'App.svelte': components[0] });
    let url: string;
    ({ server, url } = await serve(await buildProject(dir)));
    ({ browser, page, problems } = await openBrowser());
    await page.goto(url);
    await trainerDrawn(page);
  });

  after(async () => {
    await browser?.close();
    cleanUp(dir, server);
  });

  it('renders the trainer with the settings written in the markup, and the app’s text', async () => {
    assert.deepEqual(await trainerState(page), { data: 'spiral', hiddenLayers: [8, 8], learningRate: 0.1, drawn: true, message: '' });
    assert.equal(await page.locator('#app > p').textContent(), 'Epoch 0');
  });

  it('trains past epoch 20 on Play, and the onnn-epoch handler shows each epoch', async () => {
    await expectAppFollowsTraining(page, problems);
  });

  it('compiles with no warning (no deprecated `on:` directive, no self-closing tag)', () => {
    const { warnings } = compile(readmeFrameworkExamples('svelte')[0], { filename: 'App.svelte' });
    assert.deepEqual(warnings.map((warning) => `${warning.code}: ${warning.message}`), []);
  });
});
