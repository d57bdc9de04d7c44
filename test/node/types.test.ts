// What frameworks and editors read, generated from custom-elements.json by
// scripts/generate-types.mjs (`npm run build`): checked as a user's TypeScript project
// sees them. A project in a temporary folder, with nn-kit and React's types in its
// node_modules, is type-checked by tsc: every React example of the README, every
// attribute given as text, the properties' own types, the events' details, and snippets
// that must fail. The editor data and the published manifest list every tag and attribute.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json'));

interface Manifest {
  modules: { path: string; declarations?: Element[]; exports?: { declaration: { module?: string } }[] }[];
}
interface Element {
  customElement?: boolean;
  tagName?: string;
  name: string;
  attributes?: { name: string; fieldName?: string; type?: { text: string } }[];
  events?: { name: string }[];
}
const manifest: Manifest = JSON.parse(read('dist/custom-elements.json'));
const elements = manifest.modules.flatMap((module) => (module.declarations ?? []).filter((d) => d.customElement && d.tagName));

/** The fenced ```tsx blocks of the README's "Frameworks and Markdown" section, dedented. */
function readmeReactExamples(): string[] {
  const readme = read('README.md');
  const start = readme.indexOf('## Frameworks and Markdown');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/^( *)```tsx\n([\s\S]*?)^\1```/gm)].map(([, indent, code]) =>
    code
      .split('\n')
      .map((line) => line.slice(indent.length))
      .join('\n'),
  );
}

/** Every attribute of every element, given as text (booleans as true), in JSX. */
function everyAttributeAsText(): string {
  const tags = elements.map((element) => {
    const attributes = (element.attributes ?? []).map((a) => (a.type?.text === 'boolean' ? `${a.name}={true}` : `${a.name}="1"`));
    return `    <${element.tagName} ${attributes.join(' ')} />`;
  });
  return `import 'nn-kit';\nimport 'nn-kit/jsx';\n\nexport const all = (\n  <>\n${tags.join('\n')}\n  </>\n);\n`;
}

/** Properties by their own types, events and their details: all of it must type-check. */
const GOOD = `
import { useRef } from 'react';
import { Network } from 'nn-kit/core';
import { NnNeuron, NnNetwork, NnTrainer } from 'nn-kit/react';
import type { NnTrainer as NnTrainerElement, NnTrainerProps } from 'nn-kit';
import 'nn-kit/jsx';

export function Everything() {
  const ref = useRef<NnTrainerElement>(null);
  const props: NnTrainerProps = { data: 'xor', 'hidden-layers': [8, 8], hiddenLayers: '8, 8', learningRate: 0.1 };
  const net = new Network({ layers: [2, 3, 1], seed: 1 });
  return (
    <>
      <nn-trainer ref={ref} {...props} autoplay epochs={200} controls={['play', 'reset']} show="boundary, loss"
        onnn-epoch={(e) => { const n: number = e.detail.epoch; const a: number | undefined = e.detail.accuracy; return n + (a ?? 0); }}
        onnn-stopped={(e) => { const r: 'paused' | 'epochs' | 'diverged' = e.detail.reason; return r; }} />
      <nn-network id="n" layers={[3, 4, 2]} inputs="1, 0, -1" network={net} className="wide" style={{ maxWidth: 600 }}
        onnn-forward={(e) => e.detail.outputs.map((x: number) => x.toFixed(2))}
        onnn-network-update={(e) => e.detail.network.predict([1, 0, 1])} />
      <nn-neuron inputs={[1, 0, 1]} weights="0.8, -0.4, 0.5" bias={-0.5} show-plot onnn-neuron-update={(e) => e.type} />
      <nn-activation-plot activation="relu" x-min={-3} xMax="3" derivative for="n" />
      <NnTrainer ref={ref} data="spiral" hidden-layers="8, 8" hiddenLayers={[8, 8]} learningRate={0.1}
        onNnEpoch={(e) => e.detail.trainLoss.toFixed(3)} onNnDiverged={(e) => e.detail.epoch}
        onChange={(e) => e.detail.name} />
      <NnNetwork for="trainer" network={net} onChange={(e) => e.detail.kind === 'weight' && e.detail.from} />
      <NnNeuron inputs="1, 0" onInput={(e) => e.detail.output} onChange={(e) => e.detail.z} />
    </>
  );
}

const trainer = document.querySelector('nn-trainer')!;
trainer.addEventListener('nn-epoch', (e) => e.detail.epoch.toFixed(0));
trainer.addEventListener('nn-network-update', (e) => e.detail.network.toJSON());
document.body.addEventListener('nn-stopped', (e) => e.detail.reason);
`;

/** Each must fail to type-check, with a message matching the pattern. */
const BAD: [name: string, code: string, message: RegExp][] = [
  ['an object for a number attribute', `<nn-trainer learning-rate={{ rate: 0.1 }} />`, /not assignable to type 'Setting<number>/],
  ['text for a boolean', `<nn-network autoplay="yes" />`, /'string' is not assignable to type 'boolean/],
  ['text in a number list', `<nn-trainer hiddenLayers={['8', 8]} />`, /not assignable to type/],
  ['text for a property with no attribute', `<nn-network network="3, 2" />`, /not assignable to type 'Network/],
  ['a misspelt property', `<nn-trainer learningrate={0.1} />`, /Property 'learningrate' does not exist/],
  ['a detail field that is not there', `<nn-trainer onnn-epoch={(e) => e.detail.loss} />`, /Property 'loss' does not exist/],
  ['a number detail used as text', `document.querySelector('nn-trainer')!.addEventListener('nn-epoch', (e) => { const s: string = e.detail.epoch; return s; });`, /'number' is not assignable to type 'string'/],
  ['a wrapper event detail misread', `<NnTrainer onNnEpoch={(e) => { const s: string = e.detail.epoch; return s; }} />`, /'number' is not assignable to type 'string'/],
  ['a wrapper given a wrong type', `<NnNeuron bias={[1]} />`, /not assignable to type/],
];
const BAD_PRELUDE = `import 'nn-kit';\nimport 'nn-kit/jsx';\nimport { NnNeuron, NnTrainer } from 'nn-kit/react';\nvoid NnNeuron; void NnTrainer;\nexport const x = (\n`;

describe('framework and editor types generated from the manifest', () => {
  let dir: string;
  const errors = new Map<string, string[]>();

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nn-kit-types-'));
    // A user's project: nn-kit installed, React's types beside it.
    mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
    symlinkSync(root, join(dir, 'node_modules/nn-kit'), 'dir');
    symlinkSync(join(root, 'node_modules/@types/react'), join(dir, 'node_modules/@types/react'), 'dir');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          jsx: 'react-jsx',
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          lib: ['es2023', 'dom', 'dom.iterable'],
          types: [],
          skipLibCheck: false,
        },
        include: ['*.tsx'],
      }),
    );
    const files: Record<string, string> = { 'good.tsx': GOOD, 'attributes.tsx': everyAttributeAsText() };
    readmeReactExamples().forEach((code, i) => (files[`readme-${i + 1}.tsx`] = code));
    BAD.forEach(([, code], i) => (files[`bad-${i + 1}.tsx`] = code.startsWith('<') ? `${BAD_PRELUDE}  ${code}\n);\n` : `import 'nn-kit';\n${code}\n`));
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);

    let out = '';
    try {
      out = execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', '.', '--pretty', 'false'], { cwd: dir, encoding: 'utf8' });
    } catch (error) {
      out = String((error as { stdout?: string }).stdout ?? error);
    }
    // Paths are relative to the project: a snippet is a bare name, anything else (a .d.ts) has a slash.
    // An error's explanation continues on the indented lines below it.
    for (const [first, ...rest] of out.split(/\n(?=\S)/).map((error) => error.split('\n'))) {
      const match = /^(.*?)\(\d+,\d+\): error TS\d+: /.exec(first);
      if (match) errors.set(match[1], [...(errors.get(match[1]) ?? []), [first, ...rest.map((line) => line.trim())].join(' ')]);
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  const errorsOutsideTheSnippets = () => [...errors].filter(([file]) => file.includes('/'));

  it('type-checks the generated declarations themselves (no error in any .d.ts)', () => {
    assert.deepEqual(errorsOutsideTheSnippets(), []);
  });

  it('type-checks every React example in the README', () => {
    const examples = readmeReactExamples();
    assert.ok(examples.length >= 2, 'the README shows React examples');
    for (let i = 1; i <= examples.length; i++) assert.deepEqual(errors.get(`readme-${i}.tsx`) ?? [], [], `README React example ${i}`);
  });

  it('takes text for every attribute of every element in JSX', () => {
    assert.deepEqual(errors.get('attributes.tsx') ?? [], []);
  });

  it('takes each property’s own type, and types every event’s detail (JSX, React components, addEventListener)', () => {
    assert.deepEqual(errors.get('good.tsx') ?? [], []);
  });

  for (const [i, [name, , message]] of BAD.entries()) {
    it(`rejects ${name}`, () => {
      const found = errors.get(`bad-${i + 1}.tsx`) ?? [];
      assert.ok(found.length > 0, `no type error for ${name}`);
      assert.ok(
        found.some((error) => message.test(error)),
        `expected an error matching ${message}, got: ${found.join('; ')}`,
      );
    });
  }
});

describe('the generated type files for Vue and Svelte, and the editor data', () => {
  it('puts every tag in Vue’s GlobalComponents and Svelte’s SvelteHTMLElements, with each event', () => {
    const vue = read('dist/types/vue.d.ts');
    const svelte = read('dist/types/svelte.d.ts');
    assert.match(vue, /declare module 'vue' \{\s*interface GlobalComponents \{/);
    assert.match(svelte, /declare module 'svelte\/elements' \{\s*interface SvelteHTMLElements \{/);
    for (const element of elements) {
      assert.match(vue, new RegExp(`'${element.tagName}': DefineComponent<\\s*${element.name}Props`));
      assert.match(svelte, new RegExp(`'${element.tagName}': Omit<HTMLAttributes<${element.name}>`));
      for (const event of element.events ?? []) {
        const camel = event.name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
        assert.ok(vue.includes(`on${camel}?: (event: ${element.name}Events['${event.name}'])`), `Vue: ${element.tagName} ${event.name}`);
        if (!event.name.includes('-')) continue; // change, input: Svelte's own onchange and oninput
        assert.ok(svelte.includes(`'on${event.name}'?: (event: ${element.name}Events['${event.name}'])`), `Svelte: ${element.tagName} on${event.name}`);
        assert.ok(svelte.includes(`'on:${event.name}'?: (event: ${element.name}Events['${event.name}'])`), `Svelte: ${element.tagName} on:${event.name}`);
      }
    }
  });

  it('lists every tag and attribute in VS Code’s custom data and in web-types', () => {
    const vscode = JSON.parse(read('dist/vscode.html-custom-data.json'));
    const webTypes = JSON.parse(read('dist/web-types.json'));
    assert.equal(vscode.version, 1.1);
    assert.equal(webTypes.name, 'nn-kit');
    assert.equal(pkg['web-types'], './dist/web-types.json');
    const html = webTypes.contributions.html.elements;
    for (const element of elements) {
      const tag = vscode.tags.find((t: { name: string }) => t.name === element.tagName);
      const web = html.find((t: { name: string }) => t.name === element.tagName);
      assert.ok(tag && web, `<${element.tagName}> is listed`);
      const names = (element.attributes ?? []).map((a) => a.name).sort();
      assert.deepEqual(tag.attributes.map((a: { name: string }) => a.name).sort(), names, `VS Code: <${element.tagName}>'s attributes`);
      assert.deepEqual(web.attributes.map((a: { name: string }) => a.name).sort(), names, `web-types: <${element.tagName}>'s attributes`);
      assert.deepEqual(web.events.map((e: { name: string }) => e.name).sort(), (element.events ?? []).map((e) => e.name).sort());
      for (const a of tag.attributes) assert.ok(a.description, `VS Code: ${element.tagName} ${a.name} has a description`);
    }
    assert.equal(vscode.tags.length, elements.length);
    assert.equal(html.length, elements.length);
  });

  it('publishes custom-elements.json with paths to files inside the package', () => {
    assert.equal(pkg.customElements, 'dist/custom-elements.json');
    assert.equal(pkg.exports['./custom-elements.json'], './dist/custom-elements.json');
    const paths = new Set<string>();
    const visit = (node: unknown, key = ''): void => {
      if (Array.isArray(node)) node.forEach((child) => visit(child));
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) visit(v, k);
      else if ((key === 'path' || key === 'module') && typeof node === 'string') paths.add(node);
    };
    visit(manifest.modules);
    assert.ok(paths.size > elements.length);
    const missing = [...paths].filter((path) => !path.startsWith('dist/') || !existsSync(join(root, path)));
    assert.deepEqual(missing, [], 'every path is a published file');
    const files = pkg.files as string[];
    assert.ok([...paths].every((path) => files.some((f) => path.startsWith(`${f}/`))), 'package.json "files" publishes them');
  });
});
