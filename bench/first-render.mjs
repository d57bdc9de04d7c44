// First render of the demo article from the built one-file site: how long from navigation
// until every element is defined and drawn.
// Usage: npm run bench:first-render [-- --build] [-- --runs=7] [-- --site=DIR]
//
// Serves site/ (from `npm run build:site`; built here when missing or older than the sources,
// or again with --build) on a free localhost port and loads site/index.html in headless
// Chromium (playwright-core, /usr/bin/chromium or $CHROMIUM_PATH), a fresh page each run.
//
// "Drawn" means, checked at every animation frame from the moment the document starts:
//   - all ten tags are defined (customElements.get);
//   - every kit element in the page has rendered (hasUpdated) and has no update pending
//     (isUpdatePending is false, so its updateComplete has resolved);
//   - every element the kit draws at load has replaced its placeholder: NnElement
//     (components/shared/nn-element.ts) draws an element within five screen heights of the
//     viewport at once, and holds one further down as a placeholder of about its size until
//     the reader scrolls near; here no element within five screens may hold a placeholder;
//   - <nn-digits> has its digits (its `ready` promise, the kit's one load signal, resolved);
// and then the frame that shows all that has been presented (the next animation frame, then
// a task after it). Canvases that refine in idle time afterwards (a loss surface's shading) are
// drawn by then, at their first resolution.
//
// Two windows, each measured `runs` times (interleaved):
//   1. "as opened", 1280 × 900: what a reader opening the article waits for; elements more
//      than five screens down are placeholders (counted in the report);
//   2. "every element", 1280 × 5000: a window so tall that no element is further than five
//      screens, so every element of the page draws at load.
// Reports the median, fastest and slowest time (ms from navigation start), with the medians of
// when the tags were all defined and when the digits had loaded, and of the CPU time the
// page's renderer spent until it was drawn (the DevTools protocol's SystemInfo, all its threads;
// on a machine busy with other work the wall clock grows while this stays near the quiet
// figure, though threads that run in parallel count twice), the load average, and PASS or MISS
// (the median time presented) against the target of 1.5 s. It is a report: it exits 0 either way.
import { cpus, loadavg } from 'node:os';
import { openSite, siteDir } from './site.mjs';

const args = process.argv.slice(2);
const SITE = siteDir(args);
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 7);
const TARGET_MS = 1500;
const TIMEOUT_MS = 30000;
const TAGS = ['nn-neuron', 'nn-activation-plot', 'nn-network', 'nn-trainer', 'nn-loss-surface', 'nn-backprop', 'nn-digits', 'nn-convolution', 'nn-rnn', 'nn-attention'];
const WINDOWS = [
  { name: 'as opened, 1280 × 900', viewport: { width: 1280, height: 900 } },
  { name: 'every element, 1280 × 5000', viewport: { width: 1280, height: 5000 }, all: true },
];

/**
 * Runs in the page from its first script on: checks at every animation frame whether the page
 * is drawn (see the header) and keeps, on window.__firstRender, when it first was and what was there.
 */
function watchFirstRender({ tags, all }) {
  const NEAR_SCREENS = 5;
  let digitsReady = false;
  let digitsWatched = false;
  const times = {};
  const drawn = () => {
    if (!tags.every((tag) => customElements.get(tag))) return undefined;
    times.definedAt ??= performance.now();
    const elements = [...document.querySelectorAll(tags.join(','))];
    const digits = document.querySelector('nn-digits');
    if (digits && !digitsWatched) {
      digitsWatched = true;
      digits.ready.then(() => {
        digitsReady = true;
        times.digitsAt = performance.now();
      });
    }
    if (digits && !digitsReady) return undefined;
    let placeholders = 0;
    for (const element of elements) {
      if (!element.hasUpdated || element.isUpdatePending) return undefined;
      if (!element.shadowRoot?.querySelector('.placeholder')) continue;
      const box = element.getBoundingClientRect();
      const near = box.bottom >= -innerHeight * NEAR_SCREENS && box.top <= innerHeight * (1 + NEAR_SCREENS);
      if (all || near) return undefined;
      placeholders++;
    }
    return { elements: elements.length, placeholders, tags: new Set(elements.map((element) => element.localName)).size };
  };
  const check = () => {
    const found = drawn();
    if (!found) {
      requestAnimationFrame(check);
      return;
    }
    const at = performance.now();
    // The frame with everything drawn is presented after this frame's rendering: the next frame, then a task.
    requestAnimationFrame(() =>
      setTimeout(() => {
        window.__firstRender = { ...found, ...times, drawnAt: at, presentedAt: performance.now(), scrollHeight: document.documentElement.scrollHeight };
      }),
    );
  };
  requestAnimationFrame(check);
}

async function measure(browser, origin, window) {
  const page = await browser.newPage({ viewport: window.viewport, reducedMotion: 'no-preference' });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(watchFirstRender, { tags: TAGS, all: Boolean(window.all) });
  const before = await rendererCpu(browser);
  await page.goto(`${origin}/index.html`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstRender, null, { timeout: TIMEOUT_MS, polling: 50 });
  const after = await rendererCpu(browser);
  const result = await page.evaluate(() => window.__firstRender);
  await page.close();
  // CPU time the renderers spent meanwhile (a renderer that is new counts from its start).
  const cpuMs = 1000 * [...after].reduce((sum, [id, time]) => sum + time - (before.get(id) ?? 0), 0);
  return { ...result, cpuMs, errors };
}

/** CPU seconds of each renderer process, by process id (the DevTools protocol's SystemInfo). */
async function rendererCpu(browser) {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  await session.detach();
  return new Map(processInfo.filter((process) => process.type === 'renderer').map((process) => [process.id, process.cpuTime]));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main() {
  const { server, origin, browser } = await openSite(SITE, args);
  const before = loadavg()[0];
  const results = WINDOWS.map(() => []);
  try {
    // One load first, not counted: the browser's own start-up (its first page, compiling) is not the page's.
    await measure(browser, origin, WINDOWS[0]);
    for (let run = 0; run < RUNS; run++) for (const [i, window] of WINDOWS.entries()) results[i].push(await measure(browser, origin, window));
  } finally {
    await browser.close();
    server.close();
  }
  const after = loadavg()[0];
  const busy = Math.max(before, after) > cpus().length / 2;
  console.log(`\nFirst render of site/index.html, ${RUNS} loads per window; headless Chromium, ${cpus().length} cores; target ≤ ${TARGET_MS} ms from navigation start`);
  console.log(`Load average (1 min) before/after: ${before.toFixed(2)} / ${after.toFixed(2)}${busy ? ' (the machine was busy with other work: times are inflated)' : ''}\n`);
  console.log('| Window | Elements (drawn / placeholders) | Tags defined | Digits loaded | Drawn: median | Fastest | Slowest | Presented: median | Renderer CPU | ≤ 1.5 s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
  for (const [i, window] of WINDOWS.entries()) {
    const rows = results[i];
    const drawnAt = rows.map((row) => row.drawnAt);
    const presentedAt = rows.map((row) => row.presentedAt);
    const [first] = rows;
    const verdict = median(presentedAt) <= TARGET_MS ? 'PASS' : 'MISS';
    console.log(
      `| ${window.name} | ${first.elements - first.placeholders} / ${first.placeholders} (all ${first.tags} tags) | ${Math.round(median(rows.map((row) => row.definedAt)))} ms | ${Math.round(median(rows.map((row) => row.digitsAt)))} ms | ${Math.round(median(drawnAt))} ms | ${Math.round(Math.min(...drawnAt))} ms | ${Math.round(Math.max(...drawnAt))} ms | ${Math.round(median(presentedAt))} ms | ${Math.round(median(rows.map((row) => row.cpuMs)))} ms | ${verdict} |`,
    );
    const errors = [...new Set(rows.flatMap((row) => row.errors))];
    if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
  }
  console.log(`\n_The page is ${results[0][0].scrollHeight} px tall at 1280 × 900; \`npm run bench:first-render\`._`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
