// The demo article built by `npm run build:site` opens from disk, with no server: every
// element registers and renders, and the page logs no error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Every element the kit defines, as the manifest lists them (`npm run build` writes it). */
const tags: string[] = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'))
  .modules.flatMap((module: { declarations?: { tagName?: string }[] }) => module.declarations ?? [])
  .flatMap((declaration: { tagName?: string }) => (declaration.tagName ? [declaration.tagName] : []));

describe('the static demo article', () => {
  it('is one file that opens from file:// with every element of the kit drawn and no console error', async () => {
    execFileSync('npx', ['vite', 'build', '--mode', 'site', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
    assert.deepEqual(readdirSync(join(root, 'site')), ['index.html']);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(join(root, 'site/index.html')).href);
      assert.ok(tags.length >= 10, `the manifest lists every element (${tags.join(', ')})`);
      await page.waitForFunction((names) => names.every((name) => customElements.get(name)), tags);
      // Elements far below the fold draw a placeholder until the reader nears them: scroll to each in turn.
      for (const tag of tags) {
        await page.locator(tag).first().scrollIntoViewIfNeeded();
        await page.waitForFunction(
          (name) => [...(document.querySelector(name)?.shadowRoot?.children ?? [])].some((child) => !child.matches('style, .placeholder')),
          tag,
          { timeout: 15_000 },
        ).catch(() => assert.fail(`<${tag}> drew nothing but its placeholder once scrolled into view`));
      }
      // article.css sets the colour scheme and a reading width of 46rem (its root font size is 1.125 × 16px).
      const style = await page.evaluate(() => [getComputedStyle(document.documentElement).colorScheme, getComputedStyle(document.body).maxWidth]);
      assert.deepEqual(style, ['light dark', `${46 * 18}px`], 'the article stylesheet applies');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});
