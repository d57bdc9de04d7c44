// Size budget: gzip sizes of the built files, checked against the budget. Exits 1 when over.
// The one-file builds are measured as they are; the modules meant for bundlers (dist/core.js,
// dist/elements/*.js, which import shared chunks) are measured as a bundler ships them: bundled
// into one minified file with lit and d3-array left out (a page shares those).
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGETS = [
  { file: 'dist/nn-kit.js', label: 'whole kit, lit included', limit: 50 * 1024 },
  { file: 'dist/nn-kit.hydrate.js', label: 'whole kit with lit hydration support, for server-rendered pages', limit: 53 * 1024 },
  { file: 'dist/core.js', label: 'core engine alone, bundled', limit: 10 * 1024, bundle: true },
];

/** The file bundled as a page's bundler would: one minified module, lit and d3-array external. */
async function bundled(file) {
  const [{ output }] = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      // As vite.config.ts minifies the kit: Rolldown's minifier, then terser.
      minify: 'terser',
      terserOptions: { module: true, ecma: 2020, compress: { passes: 2 } },
      lib: { entry: file, formats: ['es'] },
      rollupOptions: { external: [/^lit($|\/)/, /^@lit\//, /^d3-array$/], output: { codeSplitting: false, minify: true } },
    },
  });
  return Buffer.from(output[0].code);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
for (const { file } of BUDGETS) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run npm run build first.`);
    process.exit(1);
  }
}
const elements = existsSync('dist/elements') ? readdirSync('dist/elements').filter((f) => f.endsWith('.js')) : [];
// Every measurement at once (the bundling takes a few seconds each), printed in order.
const [budgeted, perElement] = await Promise.all([
  Promise.all(BUDGETS.map(async ({ file, bundle }) => (bundle ? bundled(file) : readFile(file)))),
  Promise.all(elements.map((name) => bundled(`dist/elements/${name}`))),
]);

let failed = false;
BUDGETS.forEach(({ file, label, limit }, i) => {
  const source = budgeted[i];
  const gzipped = gzipSync(source, { level: 9 }).length;
  const ok = gzipped <= limit;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${file.padEnd(22)} ${kb(gzipped).padStart(8)} gzipped (${kb(source.length)} raw), budget ${kb(limit)}: ${label}`);
});
// What a bundled page pays for one element: its entry and what it imports (lit comes on top, shared).
elements.forEach((name, i) => {
  const gzipped = gzipSync(perElement[i], { level: 9 }).length;
  console.log(`     dist/elements/${name.padEnd(24)} ${kb(gzipped).padStart(8)} gzipped, bundled with what it imports, lit not counted`);
});
process.exit(failed ? 1 : 0);
