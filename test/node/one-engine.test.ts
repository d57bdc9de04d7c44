// One engine in a page: nn-kit/core and the element entries (nn-kit, nn-kit/nn-*.js) import
// the same built engine module, so a Network made with nn-kit/core is a Network to every
// element, and a bundler pulls the engine's code once. Runs on the built package
// (`npm run build`), resolved through package.json "exports" as a bundler or server does.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const target = (entry: string): string => {
  const value = pkg.exports[entry];
  return typeof value === 'string' ? value : value.default;
};

/** Runs an ES module script in a fresh Node process at the package root; returns what it prints, parsed. */
function runInNode(script: string): unknown {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out);
}

/** A built file and every file it imports relatively (statically or dynamically), each once. */
function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, a, b] of code.matchAll(/(?:from|import)\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']/g)) {
    withImports(join(dirname(file), a ?? b), seen);
  }
  return seen;
}

/** String literals of the engine's source (no escapes, no interpolation): text only its code holds. */
function engineStrings(): string[] {
  const strings = new Set<string>();
  for (const name of readdirSync(join(root, 'src')).filter((file) => file.endsWith('.ts'))) {
    const source = readFileSync(join(root, 'src', name), 'utf8');
    for (const [, text] of source.matchAll(/'([^'\\\n$]{24,})'/g)) strings.add(text);
  }
  return [...strings];
}

describe('one engine for nn-kit/core and the elements', () => {
  it('resolves nn-kit/core and nn-kit to the same Network class', () => {
    const same = runInNode(`
      const core = await import('nn-kit/core');
      const kit = await import('nn-kit');
      const trainer = await import('nn-kit/nn-trainer.js');
      process.stdout.write(JSON.stringify({ network: core.Network === kit.Network, trainer: core.Trainer === kit.Trainer }));
    `);
    assert.deepEqual(same, { network: true, trainer: true });
  });

  it('shows a Network made with nn-kit/core in <nn-network> (server-rendered with @lit-labs/ssr)', () => {
    const html = runInNode(`
      const { Network } = await import('nn-kit/core');
      await import('nn-kit/nn-network.js');
      const { render } = await import('@lit-labs/ssr');
      const { collectResultSync } = await import('@lit-labs/ssr/lib/render-result.js');
      const { html } = await import('lit');
      const network = new Network({ layers: [2, 5, 1], seed: 3 });
      process.stdout.write(JSON.stringify(collectResultSync(render(html\`<nn-network .network=\${network}></nn-network>\`))));
    `) as string;
    assert.doesNotMatch(html, /must be a Network/, 'the element accepts the core’s Network');
    assert.doesNotMatch(html, /role="alert"/);
    // Its diagram has 2 + 5 + 1 neurons, not the default 3, 4, 2 layers.
    const layers = [...html.matchAll(/<g class="node[^"]*"[^>]*data-layer="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual([0, 1, 2].map((layer) => layers.filter((l) => l === layer).length), [2, 5, 1], 'its 2, 5 and 1 neurons drawn');
  });

  it('puts each piece of the engine’s code in one file, one that nn-kit/core imports, of those a bundler pulls', () => {
    const core = withImports(join(root, target('./core')));
    const files = new Set([...core, ...withImports(join(root, target('.')))]);
    const tags = Object.keys(pkg.exports).filter((entry) => /^\.\/nn-[a-z-]+\.js$/.test(entry) && !entry.startsWith('./nn-kit'));
    assert.ok(tags.length >= 10, `every element's entry is checked (${tags.join(', ')})`);
    for (const entry of tags) withImports(join(root, target(entry)), files);
    const texts = [...files].map((file) => [file, readFileSync(file, 'utf8')] as const);
    const found = engineStrings()
      .map((text) => [text, texts.filter(([, code]) => code.includes(text)).map(([file]) => file)] as const)
      .filter(([, where]) => where.length > 0);
    assert.ok(found.length >= 10, `the engine's messages are in the built files (found ${found.length})`);
    const twice = found.filter(([, where]) => where.length > 1).map(([text, where]) => `${text}: ${where.map((file) => relative(root, file)).join(', ')}`);
    assert.deepEqual(twice, [], 'each engine string is in exactly one built file');
    const outside = found.filter(([, [file]]) => !core.has(file)).map(([text, [file]]) => `${text}: ${relative(root, file)}`);
    assert.deepEqual(outside, [], 'the engine strings are in the files nn-kit/core loads');
  });
});
