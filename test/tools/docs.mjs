// Writes each element's reference tables into README.md from custom-elements.json, between
// <!-- api:nn-x --> and <!-- /api:nn-x --> markers, so the README never drifts from the
// JSDoc. `--check` fails instead of writing when README.md is out of date.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const readme = readFileSync('README.md', 'utf8');
const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');
/** A default worth showing: a literal, not the name of a constant in the source. */
const literal = (text) => (text && !/^[A-Z_][A-Za-z0-9_.]*$/.test(text) ? code(text) : '');

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function reference(element) {
  const attributes = (element.attributes ?? []).map((a) => [code(a.name), code(a.fieldName), literal(a.default), cell(a.description)]);
  const attributeFields = new Set((element.attributes ?? []).map((a) => a.fieldName));
  const properties = (element.members ?? [])
    .filter((m) => m.kind === 'field' && !m.privacy && !m.static && !attributeFields.has(m.name) && m.description)
    .map((m) => [code(m.name), code(m.type?.text), m.readonly ? 'read-only' : '', cell(m.description)]);
  const methods = (element.members ?? [])
    .filter((m) => m.kind === 'method' && !m.privacy && !m.static && m.description)
    .map((m) => [code(`${m.name}()`), cell(m.description)]);
  const parts = [
    table(['Attribute', 'Property', 'Default', 'Description'], attributes),
    table(['Property', 'Type', '', 'Description'], properties),
    table(['Method', 'Description'], methods),
    table(['Event', 'Description'], (element.events ?? []).map((e) => [code(e.name), cell(e.description)])),
    table(['CSS part', 'Description'], (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])),
    table(['CSS property', 'Description'], (element.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)])),
    table(['Slot', 'Description'], (element.slots ?? []).map((s) => [code(s.name || '(default)'), cell(s.description)])),
  ];
  return parts.filter(Boolean).join('\n\n');
}

let next = readme;
for (const module of manifest.modules) {
  for (const element of module.declarations ?? []) {
    if (!element.tagName) continue;
    const start = `<!-- api:${element.tagName} -->`;
    const end = `<!-- /api:${element.tagName} -->`;
    const from = next.indexOf(start);
    const to = next.indexOf(end);
    if (from < 0 || to < from) {
      console.error(`README.md has no ${start} … ${end} section for <${element.tagName}>.`);
      process.exit(1);
    }
    next = `${next.slice(0, from + start.length)}\n${reference(element)}\n${next.slice(to)}`;
  }
}

if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md is out of date with the elements\' JSDoc: run npm run docs.');
    process.exit(1);
  }
  console.log('README.md reference tables match custom-elements.json.');
} else {
  writeFileSync('README.md', next);
  console.log('README.md reference tables written from custom-elements.json.');
}
