import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = (path: string) => resolve(import.meta.dirname, path);

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
    return { base: './', build: { outDir: 'site', target: 'es2022', emptyOutDir: true } };
  }
  if (mode === 'elements') {
    return {
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
    build: {
      target: 'es2022',
      minify: true,
      emptyOutDir: mode !== 'core',
      lib: { entry: here(entry.file), formats: ['es'], fileName: () => `${entry.name}.js` },
      rollupOptions: { output: { inlineDynamicImports: true, minify: true } },
    },
  };
});
