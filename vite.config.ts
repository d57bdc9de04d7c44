import { basename, resolve } from 'node:path';
import { transform as transformCss } from 'lightningcss';
import { defaultStrategy, minifyHTMLLiterals } from 'minify-html-literals';
import { type Plugin, defineConfig } from 'vite';

const here = (path: string) => resolve(import.meta.dirname, path);

/**
 * CSS inside css`` templates is minified by Lightning CSS, which knows modern CSS
 * (`@container`, nesting, `:is()`); minify-html-literals' own CSS minifier (clean-css)
 * rewrites container queries wrongly, so it never sees CSS, not even inside html``.
 */
const templateStrategy: typeof defaultStrategy = {
  ...defaultStrategy,
  minifyCSS(css) {
    return transformCss({ filename: 'template.css', code: Buffer.from(css), minify: true }).code.toString();
  },
  minifyHTML(html, options) {
    return defaultStrategy.minifyHTML(html, { ...options, minifyCSS: false });
  },
};

/** A row's `description: '…'` (or "…", or `…`) in a settings table. */
const SETTING_DESCRIPTION = /\bdescription:\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.)*`)\s*,?/g;

/**
 * The settings tables' descriptions are for the docs, the manifest and editors, which read
 * the source; no element shows them, so the built files leave them out.
 */
function stripSettingDescriptions(): Plugin {
  return {
    name: 'nn-kit:strip-setting-descriptions',
    apply: 'build',
    transform(code, id) {
      if (!/\/components\/.+\.settings\.ts$/.test(id)) return null;
      return { code: code.replace(SETTING_DESCRIPTION, ''), map: null };
    },
  };
}

/** Minifies the HTML and CSS inside lit's html`` and css`` templates in built output. */
function minifyTemplates(): Plugin {
  return {
    name: 'nn-kit:minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/components\/.+\.ts$/.test(id)) return null;
      const result = minifyHTMLLiterals(code, { fileName: id, strategy: templateStrategy });
      return result ? { code: result.code, map: result.map?.toString() } : null;
    },
  };
}

/**
 * Puts the built script and stylesheet inside the page, so the demo article opens from
 * disk (file://), where browsers refuse module scripts and stylesheets from other files.
 */
function inlineIntoPage(): Plugin {
  return {
    name: 'nn-kit:inline-into-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const page of Object.values(bundle)) {
        if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
        let text = String(page.source);
        for (const file of Object.values(bundle)) {
          const name = file.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const script = new RegExp(`<script type="module"[^>]*src="[^"]*${name}"[^>]*></script>`);
          const style = new RegExp(`<link rel="stylesheet"[^>]*href="[^"]*${name}"[^>]*>`);
          if (file.type === 'chunk' && script.test(text)) {
            const code = file.code.replace(/<\/script/gi, '<\\/script');
            text = text.replace(script, () => `<script type="module">${code}</script>`);
            delete bundle[file.fileName];
          } else if (file.type === 'asset' && file.fileName.endsWith('.css') && style.test(text)) {
            text = text.replace(style, () => `<style>${String(file.source)}</style>`);
            delete bundle[file.fileName];
          }
        }
        page.source = text;
      }
    },
  };
}

/**
 * Vite wraps each import() of an app in its preload helper, with a placeholder for the
 * files to preload that it fills in once chunks are written; in a page built as one file
 * there are none, and the placeholder stayed in the code, so the first import() threw
 * "__VITE_PRELOAD__ is not defined". There is nothing to preload: it becomes undefined.
 */
function nothingToPreload(): Plugin {
  return {
    name: 'nn-kit:nothing-to-preload',
    apply: 'build',
    enforce: 'post',
    renderChunk(code) {
      return code.includes('__VITE_PRELOAD__') ? { code: code.replaceAll('__VITE_PRELOAD__', 'void 0'), map: null } : null;
    },
  };
}

/**
 * Terser, run after Rolldown's own minifier (`output.minify`), packs the kit about 1.5%
 * smaller than that minifier alone (some 0.8 kB gzipped); each alone does worse.
 */
const MINIFY = { minify: 'terser', terserOptions: { module: true, ecma: 2020, compress: { passes: 2 } } } as const;
/** The licence notices of the shipped data (data/digits/*.ts, `/*! … *\/`) stay in the built files. */
const KEEP_NOTICES = { legal: true } as const;

/** lit, and the modules every element imports: one chunk of the kit build (see its codeSplitting). */
const KIT_BASE = /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]|components[\\/]shared[\\/](theme|nn-element|settings|strings|format|parse|style-map|resize-controller)\.ts$|src[\\/]errors\.ts$/;

/** One element per entry, for bundlers: a page pays only for the elements it imports. */
const ELEMENTS = ['nn-neuron', 'nn-activation-plot', 'nn-network', 'nn-trainer', 'nn-loss-surface', 'nn-backprop', 'nn-convolution', 'nn-rnn', 'nn-attention', 'nn-digits'];

/** An entry per element, named `${folder}/nn-x`, from components/nn-x/nn-x.ts. */
const elementEntries = (folder: string) => Object.fromEntries(ELEMENTS.map((name) => [`${folder}/${name}`, here(`components/${name}/${name}.ts`)]));

/** The one-file builds: every element and the engine, lit included, in one module for a script tag. */
const ONE_FILE: Record<string, { name: string; file: string }> = {
  production: { name: 'nn-kit.all', file: 'components/index.ts' },
  hydrate: { name: 'nn-kit.hydrate', file: 'scripts/hydrate-entry.js' },
};

/**
 * `npm start` serves index.html, the demo article. `npm run build` builds the library in
 * three modes, elements first (it empties dist/):
 *   elements   dist/core.js        the engine alone, no DOM (its code is in dist/engine/*.js)
 *              dist/elements/*.js  one module per element, and index.js with all of them,
 *                                  lit left to the page's bundler (and to Node, for server rendering);
 *                                  they import the same engine chunks as core.js, so a page that
 *                                  uses both has one engine, and a Network made with nn-kit/core
 *                                  is a Network to every element
 *   kit        dist/nn-kit.js      the loader, for one <script type="module">: it loads an element's
 *                                  module from dist/kit/ when the element's tag first appears
 *              dist/kit/*.js       one module per element, lit and the engine included, sharing
 *                                  chunks (dist/kit/shared/), so a page downloads only what it uses
 *   (default)  dist/nn-kit.all.js  every element and the engine, lit included, in one file
 *   hydrate    dist/nn-kit.hydrate.js  the same, with lit's hydration support loaded first: for
 *                                  pages whose elements were rendered on the server
 *   site       site/index.html     the demo article as one file that opens from disk
 */
export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return {};
  if (mode === 'site') {
    return {
      base: './',
      plugins: [minifyTemplates(), stripSettingDescriptions(), nothingToPreload(), inlineIntoPage()],
      // One chunk: the data loaded with import() (data/digits/) is inlined with the rest, since
      // a page opened from disk cannot import another file.
      build: { outDir: 'site', target: 'es2022', emptyOutDir: true, rollupOptions: { output: { codeSplitting: false, comments: KEEP_NOTICES } } },
    };
  }
  if (mode === 'elements') {
    return {
      plugins: [minifyTemplates(), stripSettingDescriptions()],
      build: {
        target: 'es2022',
        ...MINIFY,
        outDir: 'dist',
        emptyOutDir: true,
        lib: {
          entry: {
            core: here('src/index.ts'),
            'elements/index': here('components/index.ts'),
            ...elementEntries('elements'),
          },
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rollupOptions: {
          external: [/^lit($|\/)/, /^@lit\//, /^d3-array$/],
          // Required by includeDependenciesRecursively: false; an entry may then export a few
          // more names than its source does, for other chunks to import.
          preserveEntrySignatures: 'allow-extension',
          output: {
            // The engine is split into one chunk per module of src/ (dist/engine/*.js), so an
            // element pulls in only the engine code it uses; core.js re-exports them all. The
            // chunks sit outside elements/ (whose files register elements, package.json
            // "sideEffects"), so a bundler may drop what a page never calls.
            codeSplitting: {
              groups: [
                {
                  name: (id: string) => (id.startsWith(here('src/')) ? `engine/${basename(id, '.ts')}` : null),
                  debugName: 'engine',
                  includeDependenciesRecursively: false,
                },
              ],
            },
            chunkFileNames: (chunk) => (chunk.name.startsWith('engine/') ? '[name]-[hash].js' : 'elements/shared/[name]-[hash].js'),
            minify: true,
            comments: KEEP_NOTICES,
          },
        },
      },
    };
  }
  if (mode === 'kit') {
    return {
      plugins: [minifyTemplates(), stripSettingDescriptions()],
      build: {
        target: 'es2022',
        ...MINIFY,
        emptyOutDir: false,
        lib: {
          entry: {
            'nn-kit': here('components/loader.ts'),
            ...elementEntries('kit'),
          },
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rollupOptions: {
          // Required by includeDependenciesRecursively: false below (as in the elements build).
          preserveEntrySignatures: 'allow-extension',
          output: {
            chunkFileNames: 'kit/shared/[name]-[hash].js',
            minify: true,
            comments: KEEP_NOTICES,
            // lit travels with the kit's base, what every element imports (theme, the element base
            // class, settings, strings, formatting): a lazily loaded part that needs lit alone would
            // otherwise split lit into a file of its own, a second download for every page.
            codeSplitting: {
              groups: [{ name: 'theme', test: KIT_BASE, includeDependenciesRecursively: false }],
            },
          },
        },
      },
    };
  }
  const entry = ONE_FILE[mode] ?? ONE_FILE.production;
  return {
    plugins: [minifyTemplates(), stripSettingDescriptions()],
    build: {
      target: 'es2022',
      ...MINIFY,
      emptyOutDir: false,
      lib: { entry: here(entry.file), formats: ['es'], fileName: () => `${entry.name}.js` },
      rollupOptions: { output: { codeSplitting: false, minify: true, comments: KEEP_NOTICES } },
    },
  };
});
