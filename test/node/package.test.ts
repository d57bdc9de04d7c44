// The package as a writer's bundler or server gets it, after `npm run build`: every file
// package.json points at is there, the one-file kit needs nothing outside itself, the type
// declarations name every tag, and each entry a server may import loads in Node with no
// window or document and renders its element with @lit-labs/ssr.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const exportsMap = pkg.exports as Record<string, string | { types?: string; default: string }>;
const target = (entry: string) => {
  const value = exportsMap[entry];
  return typeof value === 'string' ? value : value.default;
};

/** Static `import … from "x"`, `export … from "x"`, `import "x"` and dynamic `import("x")` specifiers. */
const IMPORT = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`]([^"'`]+)["'`]|\bimport\s*\(\s*["'`]([^"'`]+)/g;
const specifiers = (code: string) => [...code.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);

/** The imports a built file leaves to the page or its bundler: those not relative, through its own relative imports. */
function outsideImports(file: string, seen = new Set<string>()): Set<string> {
  const outside = new Set<string>();
  if (seen.has(file)) return outside;
  seen.add(file);
  for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
    if (specifier.startsWith('.')) for (const s of outsideImports(join(dirname(file), specifier), seen)) outside.add(s);
    else outside.add(specifier);
  }
  return outside;
}

/** A declaration file and those it imports or re-exports relatively, concatenated. */
function declarations(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return '';
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const linked = specifiers(code).filter((s) => s.startsWith('.')).map((s) => join(dirname(file), s.replace(/\.js$/, '.d.ts')));
  return [code, ...linked.map((next) => declarations(next, seen))].join('\n');
}

/** The smallest markup of each element, and something its server-rendered HTML must hold. */
const ELEMENTS: Record<string, [markup: string, content: RegExp]> = {
  'nn-neuron': ['<nn-neuron inputs="1,0,1" weights="0.8,-0.4,0.5" bias="-0.5"></nn-neuron>', /0\.69/],
  'nn-activation-plot': ['<nn-activation-plot activation="sigmoid,tanh"></nn-activation-plot>', /<path/],
  'nn-network': ['<nn-network layers="3,4,2"></nn-network>', /<circle|<svg/],
  'nn-trainer': ['<nn-trainer data="xor"></nn-trainer>', /Play/],
};

/**
 * Imports `specifier` in a fresh Node process, as a server would: resolved from the package
 * root through package.json "exports" (with Node's conditions), no DOM anywhere. Reports
 * whether window and document exist after the import and, given `markup`, the HTML that
 * @lit-labs/ssr renders for it.
 */
function importInNode(specifier: string, markup?: string): { window: string; document: string; html?: string } {
  const script = `
    const before = [typeof window, typeof document].join();
    if (before !== 'undefined,undefined') throw new Error('a DOM exists before the import: ' + before);
    ${markup ? "const { render } = await import('@lit-labs/ssr'); const { collectResultSync } = await import('@lit-labs/ssr/lib/render-result.js'); const { html, unsafeStatic } = await import('lit/static-html.js');" : ''}
    await import(${JSON.stringify(specifier)});
    const result = { window: typeof window, document: typeof document };
    ${markup ? `result.html = collectResultSync(render(html\`\${unsafeStatic(${JSON.stringify(markup)})}\`));` : ''}
    process.stdout.write(JSON.stringify(result));
  `;
  try {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out);
  } catch (error) {
    // Node prints the failing source line first (the whole minified bundle); keep the error itself.
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    const reason = stderr.split('\n').find((line) => /^\w*(Error|Exception)\b/.test(line)) ?? stderr.slice(-500);
    throw new Error(`import(${JSON.stringify(specifier)}) in Node failed: ${reason}`);
  }
}

describe('the package', () => {
  it('has every file package.json names', () => {
    const files = [pkg.main, pkg.module, pkg.types, pkg.customElements, pkg['web-types']];
    for (const value of Object.values(exportsMap)) {
      if (typeof value === 'string') files.push(value);
      else files.push(value.default, ...(value.types ? [value.types] : []));
    }
    const missing = files.filter((file) => !existsSync(join(root, file)));
    assert.deepEqual(missing, [], `missing after npm run build: ${missing.join(', ')}`);
  });

  it('has an entry for each element, and its types name the tag in HTMLElementTagNameMap and its events in HTMLElementEventMap', () => {
    for (const tag of Object.keys(ELEMENTS)) {
      const entry = exportsMap[`./${tag}.js`];
      assert.ok(entry && typeof entry === 'object' && entry.types, `package.json exports "./${tag}.js" with types`);
      const types = declarations(join(root, entry.types));
      assert.match(types, new RegExp(`interface HTMLElementTagNameMap\\s*\\{[^}]*['"]${tag}['"]\\s*:`), `${entry.types} maps '${tag}'`);
      assert.match(types, /interface HTMLElementEventMap\s*\{/, `${entry.types} types the kit's events`);
    }
    const all = declarations(join(root, pkg.types));
    for (const tag of Object.keys(ELEMENTS)) assert.match(all, new RegExp(`${tag}/${tag}`), `${pkg.types} re-exports ${tag}`);
    // An event several elements fire has the union of their details.
    const epoch = /'nn-epoch': ([^;]*);/.exec(all)?.[1] ?? '';
    for (const events of ['NnTrainerEvents', 'NnDigitsEvents', 'NnConvolutionEvents', 'NnRnnEvents', 'NnAttentionEvents']) {
      assert.ok(epoch.split(' | ').includes(`${events}['nn-epoch']`), `'nn-epoch' in HTMLElementEventMap includes ${events}['nn-epoch']; got ${epoch}`);
    }
  });

  it('has React components for each element that import only React, @lit/react and the elements', () => {
    for (const tag of ['', ...Object.keys(ELEMENTS)]) {
      const outside = [...outsideImports(join(root, target(tag ? `./react/${tag}.js` : './react')))];
      assert.ok(outside.includes('react') && outside.includes('@lit/react'), `nn-kit/react${tag && `/${tag}.js`} imports react and @lit/react`);
      assert.deepEqual(outside.filter((s) => !/^(react$|@lit\/react$|lit|@lit\/|d3-array)/.test(s)), []);
    }
    assert.deepEqual(pkg.peerDependenciesMeta, { '@lit/react': { optional: true }, react: { optional: true } }, 'React users install @lit/react; nobody else gets it');
  });

  it('ships nn-kit/nn-kit.js, the loader, with every element module it loads beside it, lit included', () => {
    const loader = readFileSync(join(root, target('./nn-kit.js')), 'utf8');
    assert.deepEqual(specifiers(loader), [], 'the loader imports nothing statically');
    for (const tag of Object.keys(ELEMENTS)) {
      assert.ok(loader.includes(tag), `the loader knows <${tag}>`);
      const file = join(root, 'dist/kit', `${tag}.js`);
      assert.ok(existsSync(file), `dist/kit/${tag}.js`);
      assert.deepEqual([...outsideImports(file)], [], `dist/kit/${tag}.js needs nothing outside dist/kit/`);
    }
  });

  for (const entry of ['./nn-kit.all.js', './nn-kit.hydrate.js']) {
    it(`ships nn-kit/${entry.slice(2)} (${target(entry).slice(2)}) as one module that needs nothing outside itself`, () => {
      const code = readFileSync(join(root, target(entry)), 'utf8');
      assert.ok(code.length > 1000);
      assert.deepEqual(specifiers(code), [], 'no imports left for the page to resolve');
    });
  }

  it('leaves lit to the bundler in nn-kit and the per-element entries, so a page shares one lit', () => {
    for (const tag of ['', ...Object.keys(ELEMENTS)]) {
      const outside = [...outsideImports(join(root, target(tag ? `./${tag}.js` : '.')))];
      assert.ok(outside.includes('lit') || outside.some((s) => s.startsWith('lit/')), `${tag || "nn-kit"} imports lit`);
      assert.deepEqual(outside.filter((s) => !/^(lit|@lit\/|d3-array)/.test(s)), [], `${tag || "nn-kit"} imports only lit and the dependencies`);
    }
  });
});

describe('server-side rendering of the built package', () => {
  it('imports nn-kit/core in Node without a window or a document', () => {
    assert.deepEqual(importInNode('nn-kit/core'), { window: 'undefined', document: 'undefined' });
  });

  for (const [tag, [markup, content]] of Object.entries(ELEMENTS)) {
    it(`imports nn-kit/${tag}.js without a DOM and renders <${tag}> with its shadow root`, () => {
      const result = importInNode(`nn-kit/${tag}.js`, markup);
      assert.equal(result.window, 'undefined');
      assert.equal(result.document, 'undefined');
      assert.match(result.html!, new RegExp(`<${tag}`));
      assert.match(result.html!, /<template shadowroot(mode)?="open"/);
      assert.match(result.html!, content);
      assert.doesNotMatch(result.html!, /role="alert"/, 'no error message for good attributes');
    });
  }

  it('imports nn-kit itself in Node without a DOM, as an Astro or Eleventy page does', () => {
    const result = importInNode('nn-kit', Object.values(ELEMENTS).map(([markup]) => markup).join(''));
    assert.equal(result.document, 'undefined');
    assert.doesNotMatch(result.html!, /role="alert"/);
  });
});
