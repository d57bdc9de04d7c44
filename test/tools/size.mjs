// Size budget: gzip sizes of the built files, checked against the budget. Exits 1 when over.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
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
if (existsSync('dist/elements')) {
  for (const name of readdirSync('dist/elements').filter((f) => f.endsWith('.js'))) {
    const gzipped = gzipSync(readFileSync(`dist/elements/${name}`), { level: 9 }).length;
    console.log(`     dist/elements/${name.padEnd(24)} ${kb(gzipped).padStart(8)} gzipped (lit and shared chunks not counted)`);
  }
}
process.exit(failed ? 1 : 0);
