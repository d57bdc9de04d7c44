/**
 * `npx tsx bench/case-b.ts [rounds]`: case B alone (784-128-10, relu/softmax, batch 32, SGD,
 * 3 epochs), nn-kit on the WebAssembly kernels and on the JavaScript kernels against
 * TensorFlow.js's WebAssembly backend, timed in interleaved rounds; prints each round's
 * times and the median of the per-round ratios, by wall clock and by CPU time. For tuning
 * the kernels quickly; `npm run bench` runs it with every peer and case.
 */
import { performance } from 'node:perf_hooks';
import { type Peer, type TrainSession, caseB } from './cases.js';
import { nnkit } from './peers/nnkit.js';
import { tfjsWasm } from './peers/tfjs.js';
import { loadWasmKernels } from '../src/wasm/load.js';

const rounds = Number(process.argv[2] ?? 7);
const spec = caseB(3);
const peers: Peer[] = [nnkit('nn-kit (WebAssembly kernels)', undefined, await loadWasmKernels()), nnkit('nn-kit (JS kernels)'), tfjsWasm];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

for (const peer of peers) await ((await peer.train({ ...spec, epochs: 1 })) as TrainSession).run();
const wall = peers.map(() => [] as number[]);
const cpu = peers.map(() => [] as number[]);
for (let round = 0; round < rounds; round++) {
  for (const [p, peer] of peers.entries()) {
    const session = (await peer.train(spec)) as TrainSession;
    const [w, c] = [performance.now(), cpuMs()];
    await session.run();
    wall[p].push(performance.now() - w);
    cpu[p].push(cpuMs() - c);
  }
  console.log(`round ${round + 1}: ` + peers.map((peer, p) => `${peer.name} ${wall[p][round].toFixed(0)} ms (cpu ${cpu[p][round].toFixed(0)})`).join(', '));
}
const tf = peers.length - 1;
for (let p = 0; p < tf; p++) {
  const byWall = median(wall[p].map((t, r) => wall[tf][r] / t));
  const byCpu = median(cpu[p].map((t, r) => cpu[tf][r] / t));
  console.log(`${peers[p].name} ÷ ${peers[tf].name}: ${byWall.toFixed(2)}x by wall clock, ${byCpu.toFixed(2)}x by CPU time (median of ${rounds} per-round ratios)`);
}
