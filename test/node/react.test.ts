// React 19 in a real browser, exactly as the README shows it: its two React examples (the
// tag written in JSX, listening with `onnn-epoch`, and the components of nn-kit/react made
// with @lit/react, listening with `onNnEpoch`) are taken from README.md as Spiral.tsx and
// Playground.tsx, and a small entry renders both: `<Spiral onEpoch={setEpoch} />` beside
// the text "Epoch N", then `<Playground />`. Vite builds the app (its built-in Oxc
// transform, JSX with React's automatic runtime) in a temporary project where nn-kit is
// installed from `npm pack` (see framework-app.ts); it is served and opened in Chromium.
// The settings reach the elements (the components' as properties of their own types), a
// reader's Play trains each trainer, the Spiral's handler updates the page and the
// Playground's logs each epoch. Runs on the built package (`npm run build`).
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildProject, cleanUp, makeProject, openBrowser, playPast, readmeFrameworkExamples, serve, trainerState } from './framework-app.js';

const CONFIG = `import { defineConfig } from 'vite';

export default defineConfig({ oxc: { jsx: { runtime: 'automatic' } } });
`;
const INDEX = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>React app</title></head>
  <body><div id="app"></div><script type="module" src="/main.tsx"></script></body>
</html>
`;
const MAIN = `import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Spiral } from './Spiral';
import { Playground } from './Playground';

function App() {
  const [epoch, setEpoch] = useState(0);
  return (
    <>
      <Spiral onEpoch={setEpoch} />
      <p>Epoch {epoch}</p>
      <Playground />
    </>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
`;

/** The Spiral's trainer: the app's first element (the Playground's has the id "trainer"). */
const SPIRAL = '#app > nn-trainer:first-child';

type Trainer = HTMLElement & { epoch: number; network?: object; data: string; hiddenLayers: readonly number[]; learningRate: number; pause(): void };

/** Waits until both trainers (the Spiral's and the Playground's) and the Playground's network are drawn. */
function drawn(page: Page) {
  return page.waitForFunction(
    () => document.querySelectorAll('nn-trainer').length === 2 && [...document.querySelectorAll('nn-trainer')].every((el) => el.shadowRoot?.querySelector('button.play')) && !!document.querySelector('nn-network')?.shadowRoot?.querySelector('svg'),
  );
}

describe('React 19 with nn-kit, as the README shows it, built by Vite and run in Chromium', { timeout: 90_000 }, () => {
  let dir: string | undefined;
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let problems: string[];
  const logs: string[] = [];

  before(async () => {
    const examples = readmeFrameworkExamples('tsx');
    const spiral = examples.filter((code) => code.includes('export function Spiral'));
    const playground = examples.filter((code) => code.includes('export function Playground'));
    assert.equal(examples.length, 2, 'the README shows two React examples');
    assert.equal(spiral.length, 1, 'the README shows one Spiral component (the tag in JSX)');
    assert.equal(playground.length, 1, 'the README shows one Playground component (nn-kit/react)');
    dir = makeProject('react', ['vite', 'react', 'react-dom', '@lit/react'], {
      'vite.config.js': CONFIG,
      'index.html': INDEX,
      'main.tsx': MAIN,
      'Spiral.tsx': spiral[0],
      'Playground.tsx': playground[0],
    });
    let url: string;
    ({ server, url } = await serve(await buildProject(dir)));
    ({ browser, page, problems } = await openBrowser());
    page.on('console', (message) => {
      if (message.type() === 'log') logs.push(message.text());
    });
    await page.goto(url);
    await drawn(page);
  });

  after(async () => {
    await browser?.close();
    cleanUp(dir, server);
  });

  it('renders the Spiral’s trainer with the settings written as attribute text, and the app’s text', async () => {
    assert.deepEqual(await trainerState(page), { data: 'spiral', hiddenLayers: [8, 8], learningRate: 0.1, drawn: true, message: '' });
    assert.equal(await page.locator('#app > p').textContent(), 'Epoch 0');
  });

  it('renders the Playground: NnTrainer given properties of their own types, and NnNetwork following it', async () => {
    const state = await page.evaluate(() => {
      const el = document.getElementById('trainer') as Trainer;
      const network = document.querySelector('nn-network') as HTMLElement & { htmlFor: string; network?: object };
      return {
        data: el.data,
        hiddenLayers: [...el.hiddenLayers],
        learningRate: el.learningRate,
        // @lit/react sets properties, never attributes: the array and the number reach the element as they are.
        attributes: ['hidden-layers', 'learning-rate'].filter((name) => el.hasAttribute(name)),
        trainerDrawn: el.getBoundingClientRect().height > 100 && !!el.shadowRoot?.querySelector('svg, canvas'),
        trainerMessage: el.shadowRoot?.querySelector('[part="error"], [role="alert"]')?.textContent?.trim() ?? '',
        networkFor: network.htmlFor,
        // It shows the trainer's live network, not one of its own.
        networkFollows: !!el.network && network.network === el.network,
        networkDrawn: network.getBoundingClientRect().height > 50 && !!network.shadowRoot?.querySelector('svg circle'),
        networkMessage: network.shadowRoot?.querySelector('[part="error"], [role="alert"]')?.textContent?.trim() ?? '',
      };
    });
    assert.deepEqual(state, {
      data: 'spiral',
      hiddenLayers: [8, 8],
      learningRate: 0.1,
      attributes: [],
      trainerDrawn: true,
      trainerMessage: '',
      networkFor: 'trainer',
      networkFollows: true,
      networkDrawn: true,
      networkMessage: '',
    });
  });

  it('trains the Spiral past epoch 20 on Play, and its onnn-epoch handler shows each epoch', async () => {
    const text = await playPast(page, 20, SPIRAL);
    assert.match(text, /^Epoch \d+$/);
    const epoch = await page.evaluate((spiral) => {
      const el = document.querySelector(spiral) as Trainer;
      el.pause();
      return el.epoch;
    }, SPIRAL);
    assert.ok(Number(text.slice(6)) <= epoch && epoch > 20, `${text}, trainer at ${epoch}`);
    assert.deepEqual(problems, []);
  });

  it('trains the Playground past epoch 20 on Play, and its onNnEpoch handler logs each epoch and test loss', async () => {
    await page.locator('#trainer button.play').click();
    await page.waitForFunction(() => (document.getElementById('trainer') as Trainer).epoch > 20, undefined, { timeout: 30_000 });
    const epoch = await page.evaluate(() => {
      const el = document.getElementById('trainer') as Trainer;
      el.pause();
      return el.epoch;
    });
    // The page's console messages reach this process a little after the page logs them.
    for (let wait = 0; logs.length < epoch && wait < 40; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
    const logged = logs.map((line) => line.split(' ').map(Number));
    assert.ok(logged.length > 20, `the trainer is at epoch ${epoch}, but its onNnEpoch logged ${JSON.stringify(logs)}`);
    assert.ok(
      logged.every(([n, loss], i) => n === i + 1 && Number.isFinite(loss) && loss >= 0),
      `each log is "epoch testLoss", one per epoch from 1: ${JSON.stringify(logs.slice(0, 5))}…`,
    );
    assert.equal(logged.at(-1)![0], epoch);
    assert.deepEqual(problems, []);
  });

  it('draws no warning from React’s development build', async () => {
    const development = await serve(await buildProject(dir!, 'development'));
    try {
      const { browser, page, problems } = await openBrowser();
      try {
        await page.goto(development.url);
        await drawn(page);
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
