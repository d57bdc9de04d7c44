// Writes, from custom-elements.json (`npm run analyze`), what frameworks and editors read,
// so every name follows the elements' source. Run by `npm run build` after `analyze`
// (it needs the declarations tsc wrote to dist/types/ and the built dist/elements/).
//
//   dist/custom-elements.json          the manifest, its paths pointing at the published files
//   dist/types/index.d.ts, nn-*.d.ts   the package's type entries: the elements' declarations,
//                                      and events.d.ts
//   dist/types/events.d.ts             HTMLElementEventMap entries for the kit's events (nn-…)
//   dist/types/props.d.ts              each element's settings as a framework may pass them
//                                      (NnTrainerProps …) and its events (NnTrainerEvents …)
//   dist/types/jsx.d.ts                React 19: React.JSX.IntrinsicElements   (nn-kit/jsx)
//   dist/types/vue.d.ts                Vue 3: GlobalComponents                  (nn-kit/vue)
//   dist/types/svelte.d.ts             Svelte 5: SvelteHTMLElements             (nn-kit/svelte)
//   dist/react/*.js, *.d.ts            React components made with @lit/react    (nn-kit/react)
//   dist/types-only.js                 what nn-kit/jsx, nn-kit/vue and nn-kit/svelte load at run time: nothing
//   dist/vscode.html-custom-data.json  VS Code's html.customData
//   dist/web-types.json                JetBrains IDEs' web-types
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const HEADER = '// Generated from custom-elements.json by scripts/generate-types.mjs (npm run build): do not edit.\n';

// ---------------------------------------------------------------------------------------
// The elements, as the manifest describes them.

/** Every element: tag, class, source module, settings, events, docs. */
const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .map((declaration) => ({ ...declaration, module: module.path })),
);
if (elements.length === 0) throw new Error('generate-types: custom-elements.json lists no element; run npm run analyze.');

/**
 * An element's settings: each attribute (by attribute name, and by property name when that
 * differs) and each public property a script may set that has no attribute.
 */
function settings(element) {
  const out = [];
  const fields = new Map((element.members ?? []).map((member) => [member.name, member]));
  for (const attribute of element.attributes ?? []) {
    const field = fields.get(attribute.fieldName);
    const boolean = (attribute.type?.text ?? field?.type?.text) === 'boolean';
    const entry = { attribute: attribute.name, property: attribute.fieldName, boolean, description: attribute.description ?? field?.description ?? '', default: attribute.default ?? field?.default };
    out.push({ ...entry, key: attribute.name });
    if (attribute.fieldName && attribute.fieldName !== attribute.name) out.push({ ...entry, key: attribute.fieldName });
  }
  const attributed = new Set((element.attributes ?? []).map((attribute) => attribute.fieldName));
  for (const member of element.members ?? []) {
    if (member.kind !== 'field' || member.static || member.readonly || member.inheritedFrom || attributed.has(member.name)) continue;
    if (member.privacy === 'private' || member.privacy === 'protected' || member.name.startsWith('_') || member.name.startsWith('#')) continue;
    out.push({ property: member.name, key: member.name, boolean: member.type?.text === 'boolean', description: member.description ?? '', script: true });
  }
  return out;
}

/** Where a source module's declarations are, from dist/types/. */
const typesPath = (source) => `./${source.replace(/^\//, '').replace(/\.(ts|js)$/, '.js')}`;
const pascal = (name) => name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
const quote = (key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`);
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');

/** An event's type as TypeScript, each declaration it names imported inline from dist/types/. */
function eventType(event, from) {
  let text = event.type?.text ?? 'CustomEvent<unknown>';
  for (const reference of event.type?.references ?? []) {
    const path = posix.relative(from, `types/${typesPath(reference.module).slice(2)}`);
    text = text.replace(new RegExp(`\\b${reference.name}\\b`, 'g'), `import('${path.startsWith('.') ? path : `./${path}`}').${reference.name}`);
  }
  return text;
}

/** Events whose names the DOM already types (change, input): frameworks' own props cover them. */
const isKitEvent = (name) => name.includes('-');

// ---------------------------------------------------------------------------------------
// Files.

const files = new Map();
const write = (path, text) => files.set(path, text);

// dist/custom-elements.json: the same manifest, its paths those of the published files.
{
  const published = (path) => {
    const source = path.replace(/^\//, '');
    const element = /^components\/(nn-[\w-]+)\/\1\.(ts|js)$/.exec(source);
    if (element) return `dist/elements/${element[1]}.js`;
    if (/^components\/index\.(ts|js)$/.test(source)) return 'dist/elements/index.js';
    if (/^src\/index\.(ts|js)$/.test(source)) return 'dist/core.js';
    return `dist/types/${source.replace(/\.(ts|js)$/, '.d.ts')}`;
  };
  const copy = JSON.parse(JSON.stringify(manifest));
  // A module named relatively (a re-export: `export { X } from './x.js'`) is relative to its module's folder.
  const visit = (node, from) => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, from));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') {
        node[key] = published(value.startsWith('.') ? posix.join(posix.dirname(from), value) : value);
      } else visit(value, from);
    }
  };
  for (const module of copy.modules) visit(module, module.path);
  write('custom-elements.json', `${JSON.stringify(copy, null, 2)}\n`);
}

// dist/types/props.d.ts: settings and events of each element.
{
  let text = `${HEADER}${elements.map((e) => `import type { ${e.name} } from '${typesPath(e.module)}';\n`).join('')}
/**
 * A setting's value as a framework may pass it: the property's type, or the attribute's
 * text, which the element reads as its attribute would ("3, 4, 2", "0.1"). A boolean takes
 * true or false: frameworks set the property, and any text there would be true.
 */
export type Setting<T> = T | string;
`;
  for (const element of elements) {
    text += `\n/** The settings of <${element.tagName}>, by attribute name and by property name. */\nexport interface ${element.name}Props {\n`;
    for (const setting of settings(element)) {
      const type = setting.boolean ? 'boolean' : setting.script ? `${element.name}['${setting.property}']` : `Setting<${element.name}['${setting.property}']>`;
      text += `${doc(setting.description + (setting.script ? ' (property only)' : setting.key !== setting.attribute ? ` (attribute \`${setting.attribute}\`)` : ''), '  ')}  ${quote(setting.key)}?: ${type};\n`;
    }
    text += `}\n\n/** The events <${element.tagName}> fires, by name. */\nexport interface ${element.name}Events {\n`;
    for (const event of element.events ?? []) text += `${doc(event.description, '  ')}  ${quote(event.name)}: ${eventType(event, 'types')};\n`;
    text += '}\n';
  }
  write('types/props.d.ts', text);
}

// dist/types/events.d.ts: the kit's own events in HTMLElementEventMap, for addEventListener.
{
  const byName = new Map();
  for (const element of elements) {
    for (const event of element.events ?? []) {
      if (!isKitEvent(event.name)) continue;
      byName.set(event.name, [...(byName.get(event.name) ?? []), `${element.name}Events['${event.name}']`]);
    }
  }
  let text = `${HEADER}import type { ${elements.map((e) => `${e.name}Events`).join(', ')} } from './props.js';\n\ndeclare global {\n  interface HTMLElementEventMap {\n`;
  for (const [name, types] of byName) text += `    '${name}': ${[...new Set(types)].join(' | ')};\n`;
  text += '  }\n}\n\nexport {};\n';
  write('types/events.d.ts', text);
}

// The package's type entries: the declarations tsc wrote, and the events.
write('types/index.d.ts', `${HEADER}import './events.js';\n\nexport * from './components/index.js';\nexport type * from './props.js';\n`);
for (const element of elements) {
  write(`types/${element.tagName}.d.ts`, `${HEADER}import './events.js';\n\nexport * from '${typesPath(element.module)}';\nexport type { ${element.name}Events, ${element.name}Props } from './props.js';\n`);
}

/** Props `on` + event name for an element's kit events: React 19 and Svelte 5 listen through them. */
const onEventProps = (element, indent, prefix) =>
  (element.events ?? [])
    .filter((event) => isKitEvent(event.name))
    .map((event) => `${doc(event.description, indent)}${indent}'${prefix}${event.name}'?: (event: ${element.name}Events['${event.name}']) => void;\n`)
    .join('');

const importElements = (from) =>
  `${elements.map((e) => `import type { ${e.name} } from '${typesPath(e.module)}';\n`).join('')}import type { ${elements.map((e) => `${e.name}Events, ${e.name}Props`).join(', ')} } from '${from}';\n`;

// React 19: the tags in React.JSX.IntrinsicElements.
{
  let text = `${HEADER}// React 19 sets a property when the element has one, else an attribute, and listens to
// an event through a prop named \`on\` + its name (onnn-epoch). Import once: import 'nn-kit/jsx'.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${importElements('./props.js')}import './events.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
`;
  for (const element of elements) {
    text += `      '${element.tagName}': Omit<DetailedHTMLProps<HTMLAttributes<${element.name}>, ${element.name}>, keyof ${element.name}Props> &\n        ${element.name}Props & {\n${onEventProps(element, '          ', 'on')}        };\n`;
  }
  text += '    }\n  }\n}\n';
  write('types/jsx.d.ts', text);
}

// Vue 3: the tags in GlobalComponents, for vue-tsc's strictTemplates.
{
  let text = `${HEADER}// Vue 3 (with compilerOptions.isCustomElement for nn- tags) sets a property when the element has
// one, else an attribute; @nn-epoch listens to the event. Import once: import 'nn-kit/vue'.
import type { DefineComponent } from 'vue';
import type { ${elements.map((e) => `${e.name}Events, ${e.name}Props`).join(', ')} } from './props.js';
import './events.js';

declare module 'vue' {
  interface GlobalComponents {
`;
  for (const element of elements) {
    const events = (element.events ?? [])
      .map((event) => `${doc(event.description, '        ')}        on${pascal(event.name)}?: (event: ${element.name}Events['${event.name}']) => void;\n`)
      .join('');
    text += `    '${element.tagName}': DefineComponent<\n      ${element.name}Props & {\n${events}      }\n    >;\n`;
  }
  text += '  }\n}\n\nexport {};\n';
  write('types/vue.d.ts', text);
}

// Svelte 5: the tags in SvelteHTMLElements (svelte/elements).
{
  let text = `${HEADER}// Svelte 5 sets a property when the element has one, else an attribute; onnn-epoch (or, in
// legacy mode, on:nn-epoch) listens to the event. Import once: import 'nn-kit/svelte'.
import type { HTMLAttributes } from 'svelte/elements';
${importElements('./props.js')}import './events.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
`;
  for (const element of elements) {
    text += `    '${element.tagName}': Omit<HTMLAttributes<${element.name}>, keyof ${element.name}Props> &\n      ${element.name}Props & {\n${onEventProps(element, '        ', 'on')}${onEventProps(element, '        ', 'on:')}      };\n`;
  }
  text += '  }\n}\n\nexport {};\n';
  write('types/svelte.d.ts', text);
}

// React components (nn-kit/react): @lit/react's createComponent, one module per element.
{
  for (const element of elements) {
    const events = (element.events ?? []).map((event) => [`on${pascal(event.name)}`, event]);
    write(
      `react/${element.tagName}.js`,
      `${HEADER}import * as React from 'react';
import { createComponent } from '@lit/react';
import { ${element.name} as ${element.name}Element } from '../elements/${element.tagName}.js';

/** <${element.tagName}> as a React component: props set the element's properties; ${events.map(([prop]) => prop).join(', ')} listen to its events. */
export const ${element.name} = createComponent({
  react: React,
  tagName: '${element.tagName}',
  elementClass: ${element.name}Element,
  displayName: '${element.name}',
  events: {
${events.map(([prop, event]) => `    ${prop}: '${event.name}',\n`).join('')}  },
});
`,
    );
    write(
      `react/${element.tagName}.d.ts`,
      `${HEADER}import type { ForwardRefExoticComponent, HTMLAttributes, RefAttributes } from 'react';
import type { ${element.name} as ${element.name}Element } from '../types/${typesPath(element.module).slice(2)}';
import type { ${element.name}Events, ${element.name}Props } from '../types/props.js';

/** Props of the ${element.name} React component that listen to the element's events. */
export interface ${element.name}EventProps {
${events.map(([prop, event]) => `${doc(event.description, '  ')}  ${prop}?: (event: ${element.name}Events['${event.name}']) => void;\n`).join('')}}

/** <${element.tagName}> as a React component. */
export declare const ${element.name}: ForwardRefExoticComponent<
  Omit<HTMLAttributes<${element.name}Element>, keyof ${element.name}Props | keyof ${element.name}EventProps> &
    ${element.name}Props &
    ${element.name}EventProps &
    RefAttributes<${element.name}Element>
>;
`,
    );
  }
  const all = elements.map((e) => `export * from './${e.tagName}.js';\n`).join('');
  write('react/index.js', `${HEADER}${all}`);
  write('react/index.d.ts', `${HEADER}${all}`);
}

// nn-kit/jsx, nn-kit/vue and nn-kit/svelte hold types only; an `import 'nn-kit/jsx'` left in
// the code loads this empty module at run time.
write('types-only.js', `${HEADER}export {};\n`);

// Editors: VS Code's custom data and JetBrains' web-types.
{
  const markdown = (element) =>
    [
      element.summary,
      element.description,
      element.events?.length ? `**Events:** ${element.events.map((e) => `\`${e.name}\`${e.description ? ` (${e.description})` : ''}`).join('; ')}` : '',
      element.slots?.length ? `**Slots:** ${element.slots.map((s) => `${s.name ? `\`${s.name}\`` : 'default'}: ${s.description}`).join('; ')}` : '',
      element.cssParts?.length ? `**CSS parts:** ${element.cssParts.map((p) => `\`${p.name}\``).join(', ')}` : '',
      element.cssProperties?.length ? `**CSS properties:** ${element.cssProperties.map((p) => `\`${p.name}\``).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
  const attributesOf = (element) => settings(element).filter((setting) => setting.key === setting.attribute);
  const vscode = {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((element) => ({
      name: element.tagName,
      description: { kind: 'markdown', value: markdown(element) },
      attributes: attributesOf(element).map((setting) => ({
        name: setting.attribute,
        description: setting.description + (setting.default !== undefined ? ` Default: ${setting.default}.` : ''),
        ...(setting.boolean ? { valueSet: 'v' } : {}),
      })),
    })),
  };
  write('vscode.html-custom-data.json', `${JSON.stringify(vscode, null, 2)}\n`);

  const fieldsOf = (element) => new Map((element.members ?? []).map((member) => [member.name, member]));
  const webTypes = {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map((element) => ({
          name: element.tagName,
          description: markdown(element),
          source: { module: pkg.name, symbol: element.name },
          attributes: attributesOf(element).map((setting) => ({
            name: setting.attribute,
            description: setting.description,
            ...(setting.default !== undefined ? { default: setting.default } : {}),
            value: setting.boolean ? { kind: 'no-value', type: 'boolean' } : { kind: 'plain', type: 'string', required: true },
          })),
          slots: (element.slots ?? []).map((slot) => ({ name: slot.name || 'default', description: slot.description })),
          events: (element.events ?? []).map((event) => ({ name: event.name, description: event.description })),
          js: {
            properties: settings(element)
              .filter((setting) => setting.key === setting.property)
              .map((setting) => ({ name: setting.property, description: setting.description, type: fieldsOf(element).get(setting.property)?.type?.text ?? 'unknown' })),
            events: (element.events ?? []).map((event) => ({ name: event.name, description: event.description })),
          },
          css: {
            properties: (element.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description })),
            parts: (element.cssParts ?? []).map((p) => ({ name: p.name, description: p.description })),
          },
        })),
      },
    },
  };
  write('web-types.json', `${JSON.stringify(webTypes, null, 2)}\n`);
}

// ---------------------------------------------------------------------------------------

if (!existsSync(join(dist, 'types/components/index.d.ts'))) throw new Error('generate-types: dist/types/ is missing; run tsc -p tsconfig.build.json first.');
for (const [path, text] of files) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
}
console.log(`generate-types: wrote ${files.size} files to dist/ for ${elements.map((e) => `<${e.tagName}>`).join(', ')}.`);
