import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * `npm start` serves index.html, the demo article. `npm run build` runs one library
 * build per mode so that each file stands alone:
 *   (default) dist/nn-kit.js  every element, lit included, one self-contained module
 *   core      dist/core.js    the engine alone
 */
const entries: Record<string, { name: string; file: string }> = {
  production: { name: 'nn-kit', file: 'components/index.ts' },
  core: { name: 'core', file: 'src/index.ts' },
};

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return {};
  const entry = entries[mode] ?? entries.production;
  return {
    build: {
      target: 'es2022',
      minify: true,
      emptyOutDir: mode === 'production',
      lib: {
        entry: resolve(import.meta.dirname, entry.file),
        formats: ['es'],
        fileName: () => `${entry.name}.js`,
      },
      rollupOptions: { output: { inlineDynamicImports: true, minify: true } },
    },
  };
});
