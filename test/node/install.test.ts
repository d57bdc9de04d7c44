// A fresh `npm install` on a machine that cannot download browsers: the repo itself tells
// puppeteer (used to drive Firefox ESR in the browser tests) never to fetch one, so the
// install needs no environment variable set by hand.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('npm install', () => {
  it("runs puppeteer's install step without downloading a browser, with no PUPPETEER_ variable set", () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^PUPPETEER_/i.test(name)));
    // A proxy that refuses every connection: a download attempt fails instead of reaching out.
    env.HTTPS_PROXY = env.https_proxy = env.HTTP_PROXY = env.http_proxy = 'http://127.0.0.1:9';
    const run = spawnSync(process.execPath, [join(root, 'node_modules/puppeteer/install.mjs')], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout + run.stderr, /Skipping downloading browsers/i);
  });

  it('states the Node version its tools need, and every dependency accepts it', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(pkg.engines?.node, '>=20.19');
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    const tooNew = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(([, entry]) => /^>=\s*(2[1-9]|[3-9]\d)/.test(entry.engines?.node ?? ''))
      .map(([name, entry]) => `${name} needs Node ${entry.engines!.node}`);
    assert.deepEqual(tooNew, []);
  });
});
