// Browser tests: every file under test/ (but test/node/ and test/emulation/) runs in headless Chromium and,
// where it is installed, Firefox ESR. NN_BROWSERS=chromium (or firefox) picks one.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { faultServer } from './test/tools/fault-server.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const wanted = (process.env.NN_BROWSERS ?? 'chromium,firefox').split(',');

const browsers = [];
const chromium = wanted.includes('chromium')
  ? chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // For test/emulation/lifecycle.test.ts: gc() and exact performance.memory figures.
          '--js-flags=--expose-gc',
          '--enable-precise-memory-info',
        ],
      },
    })
  : undefined;
if (chromium) browsers.push(chromium);
if (wanted.includes('firefox') && existsSync(firefoxPath)) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true },
      concurrency: 1,
      // Each test file gets a new tab; bring it to the front so it has focus and
      // keyboard tests (focus, Tab, blur) behave as they do for a reader.
      createPage: async ({ browser }) => {
        const page = await browser.newPage();
        await page.bringToFront();
        return page;
      },
    }),
  );
}

/** Pages under /test/csp/ are served with a strict Content-Security-Policy (test/csp/csp.test.ts). */
const STRICT_CSP = "script-src 'self'; style-src 'self'";
async function strictCsp(context, next) {
  await next();
  if (context.path.startsWith('/test/csp/')) context.set('Content-Security-Policy', STRICT_CSP);
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/emulation/**'],
  // Media-feature emulation (reduced motion, forced colours, colour scheme) needs the
  // DevTools protocol, which Firefox does not offer, so that group runs in Chromium; so do the
  // lifecycle and heap checks (gc() and performance.memory are Chromium's).
  groups: [
    ...(chromium ? [{ name: 'emulation', files: 'test/emulation/**/*.test.ts', browsers: [chromium] }] : []),
    // The core suite once more on the WebAssembly SIMD kernels: an import map puts
    // test/core/wasm/default-kernels.ts and default-cnn-kernels.ts (WebAssembly for every dense
    // network and every CNN) in place of src/default-kernels.ts and default-cnn-kernels.ts
    // (JavaScript), so every gradient check, TensorFlow.js agreement and determinism test runs
    // unchanged on both kernel paths.
    {
      name: 'core-wasm',
      files: 'test/core/**/*.test.ts',
      // No <head> tag: the runner inserts its module scripts after <head> (else after <body>), and
      // Firefox ignores an import map that comes after a module script.
      testRunnerHtml: (testFramework) =>
        `<!DOCTYPE html><html><script type="importmap">${JSON.stringify({
          imports: {
            '/src/default-kernels.ts': '/test/core/wasm/default-kernels.ts',
            '/src/default-kernels.js': '/test/core/wasm/default-kernels.ts',
            '/src/default-cnn-kernels.ts': '/test/core/wasm/default-cnn-kernels.ts',
            '/src/default-cnn-kernels.js': '/test/core/wasm/default-cnn-kernels.ts',
          },
        })}</script><body><script type="module" src="${testFramework}"></script></body></html>`,
    },
  ],
  middleware: [strictCsp, faultServer],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  // The hostile-attribute sweep is one long file: give a whole file five minutes on a slow machine.
  testsFinishTimeout: 300_000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers,
};
