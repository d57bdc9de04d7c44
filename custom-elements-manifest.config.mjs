// Custom-elements manifest (https://github.com/webcomponents/custom-elements-manifest):
// `npm run analyze` writes custom-elements.json at the repo root from the elements' JSDoc
// (@summary, @fires, @csspart, @cssproperty, @slot, and one line of JSDoc per @property).
// IDEs and Storybook's controls and docs tables read it; `npm run check:manifest` checks it
// against the source. It is generated (gitignored) and keeps the source's paths; `npm run build`
// then writes the published copy, dist/custom-elements.json (package.json "customElements"),
// with the paths of the built files, and the framework types and editor data, from it
// (scripts/generate-types.mjs). scripts/manifest-types.mjs types each event's detail.
import { settingsTables } from './scripts/manifest-settings.mjs';
import { sourceFiles, stringConstants } from './test/tools/source-scan.mjs';
import { typeEvents } from './scripts/manifest-types.mjs';

/**
 * Tidies what the analyzer reads from the source:
 * - keeps only the modules that define an element, and the entry point that registers them,
 *   in path order (the same manifest from run to run);
 * - keeps only the declarations a module exports (the analyzer also lists some locals of
 *   methods, such as `const format = …`, as module declarations);
 * - names events dispatched with a constant (`new Event(NEURON_UPDATE)`) by the constant's
 *   value, merged with the `@fires` entry of the same name.
 */
function tidy() {
  return {
    name: 'nn-kit-tidy',
    packageLinkPhase({ customElementsManifest }) {
      const constants = stringConstants([...sourceFiles('components'), ...sourceFiles('src')]);
      customElementsManifest.modules = customElementsManifest.modules
        .filter(
          (module) =>
            module.path === 'components/index.ts' ||
            (module.declarations ?? []).some((declaration) => declaration.customElement),
        )
        .sort((a, b) => a.path.localeCompare(b.path));
      for (const module of customElementsManifest.modules) {
        const exported = new Set((module.exports ?? []).map((entry) => entry.declaration?.name));
        module.declarations = (module.declarations ?? []).filter((declaration) => exported.has(declaration.name));
        for (const declaration of module.declarations) {
          if (declaration.events) declaration.events = mergeEvents(declaration.events, constants);
        }
      }
    },
  };
}

/** Events with constant names resolved, one entry per name, documented entries first. */
function mergeEvents(events, constants) {
  const byName = new Map();
  for (const event of events) {
    const name = constants.get(event.name) ?? event.name;
    const known = byName.get(name);
    byName.set(name, known ? { ...event, ...known, name } : { ...event, name });
  }
  return [...byName.values()];
}

export default {
  globs: ['components/**/*.ts'],
  exclude: [
    // Shared internals (base class, converters, controllers): no element is defined there.
    'components/shared/**',
    '**/*.styles.ts',
    '**/*.test.ts',
    '**/*.stories.ts',
  ],
  outdir: '.',
  litelement: true,
  // package.json says "customElements": "dist/custom-elements.json" itself; never rewrite it.
  packagejson: false,
  // settingsTables documents the attributes of elements declared by a settings table;
  // typeEvents runs last: it types the events tidy() named, with the TypeScript checker.
  plugins: [tidy(), settingsTables(), typeEvents()],
};
