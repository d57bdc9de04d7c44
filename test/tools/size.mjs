// Size budget (DESIGN.md): gzip sizes of the built files, checked against the budgets.
// Exits 1 when any is over.
// - dist/nn-kit.js is the loader a page's one script tag loads: ≤ 3 kB.
// - A page loads an element's module from dist/kit/ with every chunk it imports statically:
//   a page with only <nn-neuron> downloads ≤ 25 kB in all (loader included).
// - Each element's own module in dist/kit/ ≤ 20 kB (the chunks it shares with others apart).
// - The dense core (src/dense.ts: networks, training, data), bundled as a page's bundler
//   would: ≤ 12 kB. Each other family of the engine (loss surfaces, …) is a module of its
//   own that only the elements using it pull in; dist/core.js, the whole engine, is reported.
// The one-file builds (nn-kit.all.js, nn-kit.hydrate.js) and the bundler entries are reported.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const KB = 1024;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;

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

/** A module and every module it imports statically (what the browser downloads before it runs). */
function staticGraph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) staticGraph(join(dirname(file), match[1]), seen);
  return seen;
}

for (const file of ['dist/nn-kit.js', 'dist/kit', 'dist/core.js']) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run npm run build first.`);
    process.exit(1);
  }
}
const tags = readdirSync('dist/kit').filter((name) => name.endsWith('.js')).map((name) => name.slice(0, -3));
const bundlerEntries = readdirSync('dist/elements').filter((name) => name.endsWith('.js'));
const [dense, core, ...perEntry] = await Promise.all([
  bundled('src/dense.ts'),
  bundled('dist/core.js'),
  ...bundlerEntries.map((name) => bundled(`dist/elements/${name}`)),
]);

const loader = gz(readFileSync('dist/nn-kit.js'));
const pageOf = (tag) => [...staticGraph(`dist/kit/${tag}.js`)].reduce((sum, file) => sum + gz(readFileSync(file)), loader);
/**
 * An element's own code: its module (which another element may import too, as nn-trainer
 * imports nn-network's) and every chunk it imports that no other element imports
 * (the bundler may move an element's private modules into chunks of other names), plus the
 * shared chunk named after it, which holds its code when another element imports it too.
 */
const ownOf = (tag) => {
  const others = new Set(tags.filter((other) => other !== tag).flatMap((other) => [...staticGraph(`dist/kit/${other}.js`)]));
  const named = readdirSync('dist/kit/shared').filter((name) => name.startsWith(`${tag}-`)).map((name) => join('dist/kit/shared', name));
  const own = new Set([`dist/kit/${tag}.js`, ...[...staticGraph(`dist/kit/${tag}.js`)].filter((file) => !others.has(file)), ...named]);
  return [...own].reduce((sum, file) => sum + gz(readFileSync(file)), 0);
};
const checks = [
  { name: 'dist/nn-kit.js', size: loader, limit: 3 * KB, label: 'the loader' },
  { name: 'page with <nn-neuron>', size: pageOf('nn-neuron'), limit: 25 * KB, label: 'all it downloads: loader, element, shared chunks, lit' },
  ...tags.map((tag) => ({ name: `dist/kit/${tag}.js`, size: ownOf(tag), limit: 20 * KB, label: `${tag}'s own code` })),
  { name: 'src/dense.ts', size: gz(dense), limit: 12 * KB, label: 'the dense core, bundled' },
];

let failed = false;
for (const { name, size, limit, label } of checks) {
  const ok = size <= limit;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(32)} ${kb(size).padStart(8)} gzipped, budget ${kb(limit)}: ${label}`);
}
for (const tag of tags.filter((tag) => tag !== 'nn-neuron')) {
  console.log(`     page with <${tag}>`.padEnd(38) + `${kb(pageOf(tag)).padStart(8)} gzipped, all it downloads`);
}
console.log(`     ${'dist/core.js'.padEnd(32)} ${kb(gz(core)).padStart(8)} gzipped, the whole engine, bundled`);
for (const file of ['dist/nn-kit.all.js', 'dist/nn-kit.hydrate.js']) {
  if (existsSync(file)) console.log(`     ${file.padEnd(32)} ${kb(gz(readFileSync(file))).padStart(8)} gzipped, every element in one file`);
}
bundlerEntries.forEach((name, i) => {
  console.log(`     dist/elements/${name.padEnd(18)} ${kb(gz(perEntry[i])).padStart(8)} gzipped, bundled with what it imports, lit not counted`);
});
process.exit(failed ? 1 : 0);
