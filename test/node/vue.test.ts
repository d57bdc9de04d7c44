// Vue 3 in a real browser, exactly as the README shows it: its vite.config.js (the template
// compiler told that nn-* tags are custom elements) and its single-file component are taken
// from README.md, built by Vite with @vitejs/plugin-vue in a temporary project where nn-kit
// is installed from `npm pack` (see framework-app.ts), served and opened in Chromium. The
// settings reach the element, a reader's Play trains it and the component's `@nn-epoch`
// handler updates the page. Runs on the built package (`npm run build`).
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
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

const INDEX = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Vue app</title></head>
  <body><div id="app"></div><script type="module" src="/main.js"></script></body>
</html>
`;
const MAIN = `import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
`;

describe('Vue 3 with nn-kit, as the README shows it, built by Vite and run in Chromium', { timeout: 60_000 }, () => {
  let dir: string | undefined;
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let problems: string[];

  before(async () => {
    const config = readmeFrameworkExamples('js').filter((code) => code.includes('@vitejs/plugin-vue'));
    const components = readmeFrameworkExamples('vue');
    assert.equal(config.length, 1, 'the README shows one vite.config.js for Vue');
    assert.equal(components.length, 1, 'the README shows one Vue component');
    dir = makeProject('vue', ['vite', '@vitejs/plugin-vue', 'vue'], { 'vite.config.js': config[0], 'index.html': INDEX, 'main.js': MAIN, 'App.vue': components[0] });
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

  it('renders the trainer with the settings written in the template, and the app’s text', async () => {
    assert.deepEqual(await trainerState(page), { data: 'spiral', hiddenLayers: [8, 8], learningRate: 0.1, drawn: true, message: '' });
    assert.equal(await page.locator('#app > p').textContent(), 'Epoch 0');
  });

  it('trains past epoch 20 on Play, and the @nn-epoch handler shows each epoch', async () => {
    await expectAppFollowsTraining(page, problems);
  });

  it('draws no warning from Vue’s development build (the compiler knows nn-* tags are custom elements)', async () => {
    const development = await serve(await buildProject(dir!, 'development'));
    try {
      const { browser, page, problems } = await openBrowser();
      try {
        await page.goto(development.url);
        await trainerDrawn(page);
        assert.equal(await page.locator('#app > p').textContent(), 'Epoch 0');
        // Lit's own development build (the "development" export condition) says it is one.
        assert.deepEqual(problems.filter((problem) => !problem.startsWith('warning: Lit is in dev mode.')), []);
      } finally {
        await browser.close();
      }
    } finally {
      development.server.close();
    }
  });
});
