// Size budget: gzip sizes of the built files, checked against the budget. Exits 1 when over.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGETS = [
  { file: 'dist/nn-kit.js', label: 'whole kit, lit included', limit: 50 * 1024 },
  { file: 'dist/core.js', label: 'core engine alone', limit: 10 * 1024 },
];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
let failed = false;
for (const { file, label, limit } of BUDGETS) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run npm run build first.`);
    process.exit(1);
  }
  const source = readFileSync(file);
  const gzipped = gzipSync(source, { level: 9 }).length;
  const ok = gzipped <= limit;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${file.padEnd(18)} ${kb(gzipped).padStart(8)} gzipped (${kb(source.length)} raw), budget ${kb(limit)}: ${label}`);
}
/** A built file and every file it imports relatively, each once. */
function withImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*["'](\.[^"']+)["']/g)) {
    withImports(join(dirname(file), specifier), seen);
  }
  return seen;
}

// What a bundled page pays for one element: its entry and the chunks it pulls in (lit comes on top, shared).
if (existsSync('dist/elements')) {
  for (const name of readdirSync('dist/elements').filter((f) => f.endsWith('.js'))) {
    const files = [...withImports(`dist/elements/${name}`)];
    const gzipped = gzipSync(Buffer.concat(files.map((file) => readFileSync(file))), { level: 9 }).length;
    console.log(`     dist/elements/${name.padEnd(24)} ${kb(gzipped).padStart(8)} gzipped with the ${files.length - 1} chunks it imports, lit not counted`);
  }
}
process.exit(failed ? 1 : 0);
