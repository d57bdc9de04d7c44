// Checks custom-elements.json against the elements' source: `npm run check:manifest`
// (run `npm run analyze` first). Fails (exit 1) when, for an element,
//   - an event it dispatches is not in the manifest (a missing `@fires`),
//   - a shadow part it renders is not in the manifest (a missing `@csspart`),
//   - a public @property has no description (no JSDoc line above it),
//   - an event found by the analyzer has no `@fires` description,
// or when an element defined in components/ is missing from the manifest.
//
// What it reads, in each element's folder components/nn-x/**/*.ts (not tests, not stories),
// comments ignored:
//   events  this.emit('name', …), emit<T>('name', …), emit<T>(CONSTANT, …),
//           new CustomEvent('name' …), new CustomEvent<T>(CONSTANT …), new Event(…);
//           CONSTANT is resolved from `const CONSTANT = 'name'` in components/ and src/
//           (e.g. NETWORK_UPDATE in components/shared/network-source.ts).
//   parts   part="a b" and part='a' in templates; part=${…} and part="${…}" through the
//           string literals in the expression (part=${open ? 'open' : 'closed'} gives both);
//           setAttribute('part', '…'); and the parts rendered by a shared base-class method
//           the element calls (renderProblem() renders part="error").
// Limitations (text, not types): a name computed at run time (part=${name}, emit(type)
// with a variable or a parameter) cannot be known; it is reported as a warning, not
// checked. Parts rendered by helpers outside the element's folder and components/shared
// are not seen.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findEvents, findParts, lineOf, sourceFiles, stringConstants, stripComments } from './source-scan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifestPath = join(root, 'custom-elements.json');
if (!existsSync(manifestPath)) {
  console.error('check:manifest: custom-elements.json not found; run `npm run analyze` first.');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const componentsDir = join(root, 'components');
const sharedDir = join(componentsDir, 'shared');
const constants = stringConstants([...sourceFiles(componentsDir), ...sourceFiles(join(root, 'src'))]);

const failures = [];
const warnings = [];
const where = (file, code, offset) => `${relative(root, file)}:${lineOf(code, offset)}`;

/** Events dispatched in a file: [{ name, at }]; names held in variables become warnings. */
function eventsIn(file, code) {
  const { found, unknown } = findEvents(code, constants);
  for (const { text, offset } of unknown) {
    warnings.push(`${where(file, code, offset)}: event name \`${text}\` is not a string constant; not checked.`);
  }
  return found.map(({ name, offset }) => ({ name, at: where(file, code, offset) }));
}

/** Shadow parts rendered in a file: [{ name, at }]; computed names become warnings. */
function partsIn(file, code) {
  const { found, unknown } = findParts(code);
  for (const { text, offset } of unknown) warnings.push(`${where(file, code, offset)}: part ${text} is computed; not checked.`);
  return found.map(({ name, offset }) => ({ name, at: where(file, code, offset) }));
}

/** Parts rendered by each method or function of the shared files: name → [{ name, at }]. */
function sharedRenderers() {
  const renderers = new Map();
  for (const file of sourceFiles(sharedDir)) {
    const code = stripComments(readFileSync(file, 'utf8'));
    const heads = [...code.matchAll(/^[ \t]*(?:export\s+)?(?:(?:public|protected|private|static|async|override|function)\s+)*(?!(?:if|for|while|switch|catch|with|return)\b)([A-Za-z_$][\w$]*)\s*(?:<[^>\n]*>)?\s*\([^)\n]*\)[^{;\n]*\{/gm)];
    for (const { name, offset } of findParts(code).found) {
      const head = heads.filter((h) => h.index <= offset).pop();
      if (!head) continue;
      renderers.set(head[1], [...(renderers.get(head[1]) ?? []), { name, at: where(file, code, offset) }]);
    }
  }
  return renderers;
}

const renderers = sharedRenderers();
const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).filter((d) => d.customElement && d.tagName).map((declaration) => ({ module, declaration })),
);

// Every element defined in components/ must be in the manifest.
const listed = new Set(elements.map(({ declaration }) => declaration.tagName));
for (const file of sourceFiles(componentsDir)) {
  const code = stripComments(readFileSync(file, 'utf8'));
  for (const match of code.matchAll(/@customElement\(\s*['"]([^'"]+)['"]|customElements\.define\(\s*['"]([^'"]+)['"]/g)) {
    const tag = match[1] ?? match[2];
    if (!listed.has(tag)) failures.push(`<${tag}> (${where(file, code, match.index)}) is not in custom-elements.json; check the analyzer's globs.`);
  }
}

for (const { module, declaration } of elements) {
  const tag = `<${declaration.tagName}>`;
  const folder = join(root, dirname(module.path));
  const files = sourceFiles(folder);
  const documentedEvents = new Map((declaration.events ?? []).map((e) => [e.name, e]));
  const documentedParts = new Set((declaration.cssParts ?? []).map((p) => p.name));
  const members = new Map((declaration.members ?? []).map((m) => [m.name, m]));
  const foundEvents = new Set();
  const foundParts = new Set();
  let propertyCount = 0;

  for (const file of files) {
    const code = stripComments(readFileSync(file, 'utf8'));

    for (const event of eventsIn(file, code)) {
      foundEvents.add(event.name);
      if (!documentedEvents.has(event.name)) {
        failures.push(`${tag} dispatches "${event.name}" (${event.at}) but the manifest lists no such event: add \`@fires ${event.name} - …\` to the class JSDoc.`);
      }
    }

    const parts = partsIn(file, code);
    for (const [method, rendered] of renderers) {
      const call = code.search(new RegExp(String.raw`\b${method.replace(/\$/g, '\\$')}\s*\(`));
      if (call >= 0) parts.push(...rendered.map((p) => ({ name: p.name, at: `${p.at}, via ${method}() at ${where(file, code, call)}` })));
    }
    for (const part of parts) {
      foundParts.add(part.name);
      if (!documentedParts.has(part.name)) {
        failures.push(`${tag} renders part "${part.name}" (${part.at}) but the manifest lists no such CSS part: add \`@csspart ${part.name} - …\` to the class JSDoc.`);
      }
    }

    // Public reactive properties: `@property(…) name` (also accessors), not protected or private.
    for (const match of code.matchAll(/@property\s*\((?:[^()]|\([^()]*\))*\)\s*((?:(?:public|protected|private|readonly|declare|override|accessor|static)\s+)*)(?:(?:get|set)\s+)?([A-Za-z_$][\w$]*)/g)) {
      if (/\b(protected|private)\b/.test(match[1]) || match[2].startsWith('#')) continue;
      propertyCount += 1;
      const member = members.get(match[2]);
      const at = where(file, code, match.index);
      if (!member) failures.push(`${tag} property "${match[2]}" (${at}) is not in the manifest.`);
      else if (!member.description?.trim()) failures.push(`${tag} property "${match[2]}" (${at}) has no description: add a one-line JSDoc comment above it.`);
    }
  }

  for (const attribute of declaration.attributes ?? []) {
    if (!attribute.description?.trim()) failures.push(`${tag} attribute "${attribute.name}" has no description in the manifest.`);
  }
  for (const event of documentedEvents.values()) {
    if (!event.description?.trim()) failures.push(`${tag} event "${event.name}" has no description: add \`@fires ${event.name} - …\` to the class JSDoc.`);
  }

  const list = (names) => [...names].join(', ') || 'none';
  console.log(
    `${tag}: dispatches ${list(foundEvents)}; renders parts ${list(foundParts)}; ${propertyCount} public properties. ` +
      `Manifest: ${documentedEvents.size} events, ${documentedParts.size} parts, ${(declaration.attributes ?? []).length} attributes, ` +
      `${(declaration.cssProperties ?? []).length} CSS properties, ${(declaration.slots ?? []).length} slots.`,
  );
  for (const name of documentedEvents.keys()) {
    if (!foundEvents.has(name)) warnings.push(`${tag} documents event "${name}" but no dispatch of it was found in ${relative(root, folder)}/.`);
  }
  for (const name of documentedParts) {
    if (!foundParts.has(name)) warnings.push(`${tag} documents part "${name}" but no part="${name}" was found in ${relative(root, folder)}/.`);
  }
}

for (const warning of warnings) console.warn(`warning: ${warning}`);
if (elements.length === 0) failures.push('custom-elements.json lists no element.');
if (failures.length > 0) {
  console.error(`\ncheck:manifest failed (${failures.length}):`);
  for (const failure of failures) console.error(`  ✗ ${failure}`);
  process.exit(1);
}
console.log(`check:manifest: ${elements.length} elements match their source.`);
