// The built one-file demo site, for the browser benchmarks (bench:frames, bench:first-render):
// which directory, built when missing or older than the sources, and served on localhost.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The site directory: --site=DIR, else site/ of this repository. */
export function siteDir(args) {
  return resolve(args.find((a) => a.startsWith('--site='))?.split('=')[1] ?? join(ROOT, 'site'));
}

/** When the article or the kit's source last changed (ms since the epoch), in the tree `site` is built from. */
function newestSource(site) {
  const root = dirname(site);
  const files = ['index.html', ...['components', 'src', 'stories'].flatMap((dir) => readdirSync(join(root, dir), { recursive: true }).map((name) => join(dir, String(name))))];
  return Math.max(...files.map((file) => statSync(join(root, file)).mtimeMs));
}

/** Builds the site (`vite build --mode site`) when it is missing, older than the sources, or `--build` asks. */
export function ensureSite(site, args) {
  // A site built before the article or the kit last changed would measure the old page.
  if (existsSync(join(site, 'index.html')) && !args.includes('--build') && newestSource(site) < statSync(join(site, 'index.html')).mtimeMs) return;
  console.log('Building the site: npx vite build --mode site');
  const result = spawnSync('npx', ['vite', 'build', '--mode', 'site'], { cwd: dirname(site), stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build --mode site failed');
}

/** A static file server over `site` on a free port of 127.0.0.1, nothing cached. */
export function serveSite(site) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(site, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(site + sep) || !existsSync(file)) {
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/**
 * Builds the site when needed, serves it and launches headless Chromium (playwright-core,
 * /usr/bin/chromium or $CHROMIUM_PATH, software rendering): what a browser benchmark starts with.
 */
export async function openSite(site, args) {
  ensureSite(site, args);
  const server = await serveSite(site);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return { server, origin, browser };
}
