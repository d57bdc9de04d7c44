import { resolve } from 'node:path';
import { minifyHTMLLiterals } from 'minify-html-literals';
import { type Plugin, defineConfig } from 'vite';

const here = (path: string) => resolve(import.meta.dirname, path);

/** Minifies the HTML and CSS inside lit's html`` and css`` templates in built output. */
function minifyTemplates(): Plugin {
  return {
    name: 'nn-kit:minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/components\/.+\.ts$/.test(id)) return null;
      const result = minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map?.toString() } : null;
    },
  };
}

/** One element per entry, for bundlers: a page pays only for the elements it imports. */
const ELEMENTS = ['nn-neuron', 'nn-activation-plot', 'nn-network', 'nn-trainer'];

/**
 * `npm start` serves index.html, the demo article. The library is built in three modes
 * so each output stands alone:
 *   (default)  dist/nn-kit.js     every element, lit included: one <script type="module">
 *   core       dist/core.js       the engine alone, no DOM
 *   elements   dist/elements/*.js one module per element, lit left to the page's bundler
 *   site       site/              the demo article as static files
 */
export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return {};
  if (mode === 'site') {
    return { base: './', plugins: [minifyTemplates()], build: { outDir: 'site', target: 'es2022', emptyOutDir: true } };
  }
  if (mode === 'elements') {
    return {
      plugins: [minifyTemplates()],
      build: {
        target: 'es2022',
        minify: true,
        outDir: 'dist/elements',
        emptyOutDir: true,
        lib: {
          entry: Object.fromEntries(ELEMENTS.map((name) => [name, here(`components/${name}/${name}.ts`)])),
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rollupOptions: {
          external: [/^lit($|\/)/, /^@lit\//, /^d3-array$/],
          output: { chunkFileNames: 'shared/[name]-[hash].js', minify: true },
        },
      },
    };
  }
  const entry = mode === 'core' ? { name: 'core', file: 'src/index.ts' } : { name: 'nn-kit', file: 'components/index.ts' };
  return {
    plugins: [minifyTemplates()],
    build: {
      target: 'es2022',
      minify: true,
      emptyOutDir: mode !== 'core',
      lib: { entry: here(entry.file), formats: ['es'], fileName: () => `${entry.name}.js` },
      rollupOptions: { output: { inlineDynamicImports: true, minify: true } },
    },
  };
});
