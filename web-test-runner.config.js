// Browser tests: every file under test/ (but test/node/ and test/emulation/) runs in headless Chromium and,
// where it is installed, Firefox ESR. NN_BROWSERS=chromium (or firefox) picks one.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';

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
        ],
      },
    })
  : undefined;
if (chromium) browsers.push(chromium);
if (wanted.includes('firefox') && existsSync(firefoxPath)) {
  browsers.push(
    puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true } }),
  );
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/emulation/**'],
  // Media-feature emulation (reduced motion, forced colours, colour scheme) needs the
  // DevTools protocol, which Firefox does not offer, so that group runs in Chromium.
  groups: chromium ? [{ name: 'emulation', files: 'test/emulation/**/*.test.ts', browsers: [chromium] }] : [],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers,
};
