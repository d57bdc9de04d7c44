// Markdown, as Astro and most static site generators render it: unified with remark-parse,
// remark-rehype ({ allowDangerousHtml: true }) and rehype-raw, then rehype-stringify. Every
// ```html example of README.md, pasted into a Markdown article, must come out with each nn-*
// element keeping every attribute name and value exactly, and its inline data unchanged; so
// must every attribute of every element in dist/custom-elements.json (`npm run build`).
// rehype reads attributes through HTML's property table on the way: a name it takes for
// another is written back as that one (`dataset` becomes `data-set`), which is why the
// elements' attributes are named as they are.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const pipeline = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeStringify);

/** The HTML a Markdown article with `html` pasted in its middle becomes. */
const markdown = (html: string) => String(pipeline.processSync(`# An article\n\nSome text before.\n\n${html}\n\nSome text after.\n`));

/** Every ```html example of README.md, dedented (some are inside list items). */
function readmeHtmlExamples(): string[] {
  return [...read('README.md').matchAll(/^( *)```html\n([\s\S]*?)^\1```/gm)].map(([, indent, code]) =>
    code
      .split('\n')
      .map((line) => line.slice(indent.length))
      .join('\n'),
  );
}

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}
interface Seen {
  tag: string;
  attributes: [string, string][];
  /** Each <script> inside the element: its type and text (a trainer's inline data). */
  scripts: [string, string][];
}

/** The nn-* elements of an HTML text, as a browser's parser reads them (parse5), in document order. */
function kitElements(html: string): Seen[] {
  const found: Seen[] = [];
  const text = (node: Node): string => (node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map(text).join(''));
  const scripts = (node: Node): [string, string][] =>
    (node.childNodes ?? []).flatMap((child) => (child.tagName === 'script' ? [[child.attrs!.find((a) => a.name === 'type')?.value ?? '', text(child)] as [string, string]] : scripts(child)));
  const visit = (node: Node) => {
    if (node.tagName?.startsWith('nn-')) found.push({ tag: node.tagName, attributes: node.attrs!.map((a) => [a.name, a.value]), scripts: scripts(node) });
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as unknown as Node);
  return found;
}

interface Manifest {
  modules: { declarations?: { customElement?: boolean; tagName?: string; attributes?: { name: string; type?: { text: string } }[] }[] }[];
}

/** Every element of the manifest with every one of its attributes, each given a value of its type. */
function everyAttribute(): string {
  const manifest: Manifest = JSON.parse(read('dist/custom-elements.json'));
  const elements = manifest.modules.flatMap((module) => (module.declarations ?? []).filter((d) => d.customElement && d.tagName));
  assert.ok(elements.length >= 4, 'the manifest lists the elements');
  const value = (type = '') => (type === 'boolean' ? '' : /\[\]/.test(type) ? '="1, 0.5, -2"' : /number/.test(type) ? '="0.25"' : '="a, b"');
  return elements.map((element) => `<${element.tagName} ${(element.attributes ?? []).map((a) => `${a.name}${value(a.type?.text)}`).join(' ')}></${element.tagName}>`).join('\n\n');
}

describe('nn-kit tags in Markdown (remark-parse, remark-rehype, rehype-raw, rehype-stringify)', () => {
  const examples = readmeHtmlExamples();

  it('finds the README’s html examples, with the tags in them', () => {
    assert.ok(examples.length >= 10, `${examples.length} html examples`);
    assert.ok(examples.every((example) => kitElements(example).length > 0), 'every example has an nn-* element');
  });

  for (const [index, example] of examples.entries()) {
    it(`keeps every attribute of README html example ${index + 1} exactly: ${example.split('\n').find((line) => line.includes('<nn-'))!.trim().slice(0, 60)}`, () => {
      const before = kitElements(example);
      const after = kitElements(markdown(example));
      assert.deepEqual(after, before);
    });
  }

  it('keeps every attribute of every element in the manifest, booleans with no value', () => {
    const html = everyAttribute();
    const before = kitElements(html);
    assert.ok(before.flatMap((element) => element.attributes).length > 40);
    assert.deepEqual(kitElements(markdown(html)), before);
  });

  it('prints a tag as text when a blank line splits it (the README’s advice to leave none)', () => {
    const html = markdown('<nn-trainer data="spiral"\n\n  hidden-layers="8, 8"></nn-trainer>');
    assert.deepEqual(kitElements(html), []);
    assert.match(html, /&#x3C;nn-trainer data="spiral"/);
  });

  it('would rewrite the old attribute name `dataset` (as `data-set`): the reason the trainer’s is `data`', () => {
    const [trainer] = kitElements(markdown('<nn-trainer dataset="spiral"></nn-trainer>'));
    assert.deepEqual(trainer.attributes, [['data-set', 'spiral']]);
  });
});
