// Shared by the framework app tests (react.test.ts, vue.test.ts, svelte.test.ts): a user's
// Vite project in a temporary folder, with nn-kit installed from `npm pack` of this
// repository (the published files only; `npm run build` first) and the framework's packages
// linked from this repository's node_modules, so nothing is downloaded; the app built by
// Vite, served over HTTP and opened in Chromium.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { build } from 'vite';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** The fenced ````lang` blocks of the README's "Frameworks and Markdown" section, dedented. */
export function readmeFrameworkExamples(lang: string): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## Frameworks and Markdown');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(new RegExp(`^( *)\`\`\`${lang}\\n([\\s\\S]*?)^\\1\`\`\``, 'gm'))].map(([, indent, code]) =>
    code
      .split('\n')
      .map((line) => line.slice(indent.length))
      .join('\n'),
  );
}

/**
 * A temporary project: nn-kit unpacked from `npm pack` into node_modules/nn-kit, its
 * dependencies and `packages` linked from this repository, and `files` written.
 */
export function makeProject(name: string, packages: string[], files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), `nn-kit-${name}-`));
  const kit = join(dir, 'node_modules/nn-kit');
  mkdirSync(kit, { recursive: true });
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', kit, '--strip-components=1']);
  const kitPackage = JSON.parse(readFileSync(join(kit, 'package.json'), 'utf8'));
  for (const dependency of [...Object.keys(kitPackage.dependencies ?? {}), ...packages]) {
    mkdirSync(dirname(join(dir, 'node_modules', dependency)), { recursive: true });
    symlinkSync(join(root, 'node_modules', dependency), join(dir, 'node_modules', dependency), 'dir');
  }
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** Builds the project with Vite, as `vite build [--mode development]` would with its vite.config.js, into dist/ or dist-development/. */
export async function buildProject(dir: string, mode: 'production' | 'development' = 'production'): Promise<string> {
  const outDir = join(dir, mode === 'production' ? 'dist' : `dist-${mode}`);
  // As `NODE_ENV=… vite build --mode …`: Vite reads NODE_ENV from the environment (and sets it).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = mode;
  try {
    await build({ root: dir, mode, configFile: join(dir, 'vite.config.js'), logLevel: 'error', build: { outDir } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** Serves a folder over HTTP on a free local port. */
export async function serve(folder: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(folder, path.endsWith('/') ? `${path}index.html` : path));
      response.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Chromium with a page that records console errors and warnings, and uncaught errors. */
export async function openBrowser(): Promise<{ browser: Browser; page: Page; problems: string[] }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { browser, page, problems };
}

/** What a reader sees of the app's trainer: its settings as the element read them, and whether it is drawn with no message. */
export function trainerState(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector('nn-trainer') as HTMLElement & { data: string; hiddenLayers: readonly number[]; learningRate: number };
    return {
      data: el.data,
      hiddenLayers: [...el.hiddenLayers],
      learningRate: el.learningRate,
      drawn: el.getBoundingClientRect().height > 100 && !!el.shadowRoot?.querySelector('svg, canvas'),
      message: el.shadowRoot?.querySelector('[part="error"], [role="alert"]')?.textContent?.trim() ?? '',
    };
  });
}

/**
 * Clicks the trainer's Play button, waits until it trains past `epoch`, then for the app's
 * own text (its first <p>, written by the framework's event handler) to show an epoch past
 * `epoch`; returns that text. `trainer` selects the trainer when the app has several.
 */
export async function playPast(page: Page, epoch: number, trainer = 'nn-trainer'): Promise<string> {
  await page.locator(`${trainer} button.play`).click();
  await page.waitForFunction(([past, trainer]) => (document.querySelector(trainer) as HTMLElement & { epoch: number }).epoch > past, [epoch, trainer] as const, { timeout: 30_000 });
  try {
    await page.waitForFunction((past) => Number(/Epoch (\d+)/.exec(document.querySelector('#app > p')?.textContent ?? '')?.[1]) > past, epoch, { timeout: 2_000 });
  } catch {
    const [at, text] = await page.evaluate((trainer) => [(document.querySelector(trainer) as HTMLElement & { epoch: number }).epoch, document.querySelector('#app > p')?.textContent], trainer);
    throw new Error(`the trainer is at epoch ${at}, but the app shows ${JSON.stringify(text)}: its handler got no nn-epoch event`);
  }
  return (await page.locator('#app > p').textContent()) ?? '';
}

/** Waits until the page's trainer has drawn its Play button. */
export async function trainerDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector('nn-trainer')?.shadowRoot?.querySelector('button.play'));
}

/**
 * Plays the app's trainer past epoch 20 and checks that the app's own "Epoch N" text followed
 * it (its handler got nn-epoch events, none ahead of the trainer) and the page logged no problem.
 */
export async function expectAppFollowsTraining(page: Page, problems: readonly string[]): Promise<void> {
  const text = await playPast(page, 20);
  assert.match(text, /^Epoch \d+$/);
  const epoch = await page.evaluate(() => (document.querySelector('nn-trainer') as HTMLElement & { epoch: number }).epoch);
  assert.ok(Number(text.slice(6)) <= epoch && epoch > 20, `${text}, trainer at ${epoch}`);
  assert.deepEqual(problems, []);
}

export function cleanUp(dir: string | undefined, server?: Server): void {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
