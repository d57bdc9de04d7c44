/**
 * `npm run bench`: nn-kit against TensorFlow.js layers (its pure-JS CPU backend and its
 * WebAssembly backend), brain.js and ConvNetJS in one Node process, on the same data,
 * architecture, optimizer and number of sample gradients. Engines take turns in rounds,
 * and each ratio is the median of the per-round ratios: this machine drifts between a
 * fast and a slow state, and back-to-back timings mislead. Not part of `npm test`.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { type Evaluation, type Peer, type TrainSession, type TrainSpec, caseA, caseB, grid, textTable } from './cases.js';
import { benchCnn } from './cnn.js';
import { brainjs } from './peers/brain.js';
import { convnet } from './peers/convnet.js';
import { handWritten } from './peers/hand-written.js';
import { nnkit } from './peers/nnkit.js';
import { tfjs, tfjsWasm } from './peers/tfjs.js';
import { WASM_THRESHOLD, loadWasmKernels } from '../src/wasm/load.js';

const require = createRequire(import.meta.url);
const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const fmt = (x: number, digits = 0) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Row {
  peer: Peer;
  /** Median seconds (A, B) or ms per grid (C); NaN when skipped. */
  time: number;
  /** Each round's wall and CPU time (A, B: NaN in rounds this engine sat out), for per-round ratios. */
  rounds?: { wall: number[]; cpu: number[] };
  throughput: number;
  work: string;
  sanity: string;
  /** Timed runs the median is taken over. */
  runs: number;
  /** Median of process CPU time ÷ wall time per run: well under 100% means other processes took the CPU. */
  cpuShare: number;
  /** Median process CPU time, in the unit of `time`: less sensitive than wall time to other load. */
  cpuTime: number;
  skipped?: string;
  session?: TrainSession;
}

/** Process CPU time in ms (user + system), to show how much of a wall-clock run was ours. */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Times `work` by wall clock (performance.now) and CPU clock; returns ms for both. */
async function timed(work: () => unknown): Promise<{ wall: number; cpu: number }> {
  const cpu = cpuNow();
  const start = performance.now();
  await work();
  const wall = performance.now() - start;
  return { wall, cpu: cpuNow() - cpu };
}

const sanityOf = (e: Evaluation) => `acc ${fmt(e.accuracy * 100, 1)}%` + (e.loss ? `, ${e.loss.name} ${fmt(e.loss.value, 3)}` : '');

/** Warm up each peer, then time `repeats` fresh training runs per peer, round-robin. */
async function benchTraining(spec: TrainSpec, peers: Peer[], repeats: Map<Peer, number>, warmupEpochs: number): Promise<Row[]> {
  const samples = spec.epochs * spec.labels.length;
  const times = new Map<Peer, number[]>();
  const shares = new Map<Peer, number[]>();
  const cpus = new Map<Peer, number[]>();
  const last = new Map<Peer, TrainSession>();
  const skipped = new Map<Peer, string>();
  for (const peer of peers) {
    const warm = await peer.train({ ...spec, epochs: warmupEpochs });
    if (typeof warm === 'string') skipped.set(peer, warm);
    else await warm.run();
    times.set(peer, []);
    shares.set(peer, []);
    cpus.set(peer, []);
  }
  const rounds = Math.max(...peers.map((p) => repeats.get(p) ?? 3));
  const perRound = new Map(peers.map((p) => [p, { wall: new Array<number>(rounds).fill(NaN), cpu: new Array<number>(rounds).fill(NaN) }]));
  for (let round = 0; round < rounds; round++) {
    for (const peer of peers) {
      if (skipped.has(peer) || round >= (repeats.get(peer) ?? 3)) continue;
      const session = (await peer.train(spec)) as TrainSession;
      const { wall, cpu } = await timed(() => session.run());
      perRound.get(peer)!.wall[round] = wall / 1000;
      perRound.get(peer)!.cpu[round] = cpu / 1000;
      times.get(peer)!.push(wall / 1000);
      shares.get(peer)!.push(cpu / wall);
      cpus.get(peer)!.push(cpu / 1000);
      last.set(peer, session);
    }
  }
  return peers.map((peer) => {
    const session = last.get(peer);
    if (!session) return { peer, time: NaN, throughput: NaN, work: '', sanity: '', runs: 0, cpuShare: NaN, cpuTime: NaN, skipped: skipped.get(peer) };
    const time = median(times.get(peer)!);
    const work = session.work();
    const ok = work.samples === samples ? '' : ` (expected ${samples})`;
    return {
      peer,
      time,
      rounds: perRound.get(peer),
      throughput: samples / time,
      work: `${fmt(work.samples)}${ok} / ${fmt(work.updates)}`,
      sanity: sanityOf(session.evaluate()),
      runs: times.get(peer)!.length,
      cpuShare: median(shares.get(peer)!),
      cpuTime: median(cpus.get(peer)!),
      session,
    };
  });
}

/** Case C: ms per full grid through each trained case-A net, median of `repeats`. */
async function benchGrid(trained: Row[], points: Float64Array, repeats = 30): Promise<Row[]> {
  const count = points.length / 2;
  const rows: Row[] = [];
  for (const row of trained) {
    if (!row.session) {
      rows.push({ ...row, time: NaN, throughput: NaN, work: '', sanity: '', runs: 0, cpuShare: NaN, cpuTime: NaN, session: undefined, rounds: undefined });
      continue;
    }
    const forward = row.session.grid(points);
    for (let i = 0; i < 10; i++) forward();
    const times: number[] = [];
    const shares: number[] = [];
    const cpuTimes: number[] = [];
    let out: ArrayLike<number> = [];
    for (let i = 0; i < repeats; i++) {
      const { wall, cpu } = await timed(() => (out = forward()));
      times.push(wall);
      shares.push(cpu / wall);
      cpuTimes.push(cpu);
    }
    let positive = 0;
    for (let i = 0; i < out.length; i++) if (out[i] >= 0.5) positive++;
    const time = median(times);
    rows.push({
      peer: row.peer,
      time,
      throughput: (count / time) * 1000,
      work: `${fmt(out.length)} outputs`,
      sanity: `${fmt((positive / count) * 100, 1)}% of grid ≥ 0.5`,
      runs: repeats,
      cpuShare: median(shares),
      cpuTime: median(cpuTimes),
    });
  }
  return rows;
}

function table(title: string, rows: Row[], unit: 's' | 'ms', rateUnit: string): string[] {
  const base = rows[0];
  const head = ['engine', 'runs', 'cpu', unit === 's' ? 'time (s)' : 'ms / grid', rateUnit, 'nn-kit ÷ peer', 'samples / updates', 'trained on its data'];
  if (unit === 'ms') head[6] = 'work';
  if (unit === 'ms') head[7] = 'sanity';
  const body = rows.map((r) =>
    r.skipped
      ? [r.peer.name, '0', '', '—', '—', '—', '', `skipped: ${r.skipped}`]
      : [
          r.peer.name,
          String(r.runs),
          `${fmt(Math.min(r.cpuShare, 9.99) * 100)}%`,
          fmt(r.time, unit === 's' ? 3 : 2),
          fmt(r.throughput),
          r === base ? '1.00x' : `${fmt(ratioOf(base, r).ratio, 2)}x`,
          r.work,
          r.sanity,
        ],
  );
  return ['', title, ...textTable(head, body, (c) => c === 0 || c >= 6)];
}

/** Below this CPU share a run was slowed by other processes. */
const CONTENDED = 0.9;

/**
 * How many times faster `mine` ran than `theirs`: the median of the per-round ratios where
 * both ran in a round (A, B), else the ratio of the medians (C). Wall clock decides, unless
 * either side got under 90% of a CPU: then other load skewed the wall clock, and CPU time decides.
 */
function ratioOf(mine: Row, theirs: Row): { ratio: number; byWall: number; byCpu: number; contended: boolean; rounds: number } {
  const paired = (of: 'wall' | 'cpu') => {
    const a = mine.rounds?.[of] ?? [];
    const b = theirs.rounds?.[of] ?? [];
    return a.map((x, i) => b[i] / x).filter((x) => Number.isFinite(x));
  };
  const walls = paired('wall');
  const cpuRatios = paired('cpu');
  const byWall = walls.length > 0 ? median(walls) : theirs.time / mine.time;
  const byCpu = cpuRatios.length > 0 ? median(cpuRatios) : theirs.cpuTime / mine.cpuTime;
  const contended = Math.min(mine.cpuShare, theirs.cpuShare) < CONTENDED;
  return { ratio: contended ? byCpu : byWall, byWall, byCpu, contended, rounds: walls.length };
}

/** nn-kit's row against a peer's, as PASS or MISS against `goal`. */
function target(label: string, rows: Row[], nn: Peer, peer: Peer, goal: number, detail = ''): string {
  const mine = rows.find((r) => r.peer === nn)!;
  const theirs = rows.find((r) => r.peer === peer)!;
  const { ratio, byWall, byCpu, contended, rounds } = ratioOf(mine, theirs);
  if (!Number.isFinite(byWall)) return `  n/a   ${label}: ${peer.name} did not run (see its row)`;
  const over = rounds > 0 ? `median of ${rounds} per-round ratios` : 'ratio of medians';
  const how = contended ? `by CPU time, as the machine was busy; wall clock ${fmt(byWall, 2)}x` : `by wall clock; CPU time ${fmt(byCpu, 2)}x`;
  return `  ${ratio >= goal ? 'PASS' : 'MISS'}  ${label}: ${fmt(ratio, 2)}x (target ≥ ${goal}x; ${over}, ${how})${detail}`;
}

/** How far the hand-written loop gets against `peer` (the room a target leaves), and how close `nn` comes to it. */
function yardstick(rows: Row[], hand: Peer, peer: Peer, nn: Peer): string {
  const row = (p: Peer) => rows.find((r) => r.peer === p)!;
  const reach = ratioOf(row(hand), row(peer));
  const share = 1 / ratioOf(row(hand), row(nn)).ratio;
  return `  info  ${hand.name}: ${fmt(reach.ratio, 2)}x ${peer.name}; ${nn.name} runs at ${fmt(share * 100)}% of its speed`;
}

const cpus = os.cpus();
const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`nn-kit benchmark — Node ${process.version}, ${cpus.length} CPU(s): ${cpus[0]?.model ?? 'unknown'}; load average ${load}`);
console.log(
  `peers: @tensorflow/tfjs-layers ${version('@tensorflow/tfjs-layers')} + tfjs-backend-cpu ${version('@tensorflow/tfjs-backend-cpu')} / tfjs-backend-wasm ${version('@tensorflow/tfjs-backend-wasm')}, ` +
    `brain.js ${version('brain.js')}, convnetjs ${version('convnetjs')}`,
);
console.log('Each time is the median of `runs` fresh runs after a warm-up, engines taking turns in rounds; throughput = sample gradients / s;');
console.log('"nn-kit ÷ peer" is the median of the per-round ratios (A, B), the ratio of the medians (C).');
console.log('Times are wall clock (performance.now); "cpu" is this process\'s CPU time ÷ wall time (median): well under 100% means other processes took the CPU and the times are inflated.');
if (os.loadavg()[0] > cpus.length) console.log(`WARNING: load average ${os.loadavg()[0].toFixed(1)} exceeds ${cpus.length} CPUs; other work on this machine will distort the times.`);

const out: string[] = [];
const notes = new Set<string>();

// nn-kit as a page gets it: the WebAssembly kernels for networks of WASM_THRESHOLD weights or more, JavaScript's below.
const wasmKernels = await loadWasmKernels();
if (!wasmKernels) console.log('WARNING: this Node has no WebAssembly SIMD; nn-kit runs on its JavaScript kernels throughout.');

// Case A: 2-8-8-1 on the circle data.
const a = caseA();
const nnkitA = nnkit('nn-kit', undefined, wasmKernels);
const nnkitA1 = nnkit('nn-kit, batch 1', 1, wasmKernels);
const nnkitAjs = nnkit('nn-kit, JS kernels');
const nnkitA1js = nnkit('nn-kit, batch 1, JS kernels', 1);
const handA = handWritten(a.batchSize);
const handA1 = handWritten(1);
const peersA = [nnkitA, nnkitA1, nnkitAjs, nnkitA1js, brainjs, convnet, tfjs, tfjsWasm, handA, handA1];
const rowsA = await benchTraining(a, peersA, new Map(peersA.map((p) => [p, p === tfjs ? 2 : 5])), 5);
out.push(...table('A: 2-8-8-1 tanh/sigmoid, BCE, 500 circle points, batch 10, SGD 0.03, 100 epochs', rowsA, 's', 'samples/s'));
peersA.forEach((p) => p.notes(a).forEach((n) => notes.add(`A ${n}`)));

// Case B: 784-128-10 on random data.
const b = caseB(3);
const nnkitB = nnkit('nn-kit', undefined, wasmKernels);
const nnkitBjs = nnkit('nn-kit, JS kernels');
const peersB = [nnkitB, nnkitBjs, tfjs, tfjsWasm, convnet, brainjs];
const rowsB = await benchTraining(b, peersB, new Map([[brainjs, 1]]), 1);
out.push(...table('B: 784-128-10 relu/softmax, CE, 2000 random samples, batch 32, SGD 0.01, 3 epochs', rowsB, 's', 'samples/s'));
peersB.forEach((p) => p.notes(b).forEach((n) => notes.add(`B ${n}`)));

// Case C: the heatmap's forward passes through case A's trained nets.
// (BatchForward runs on JavaScript whatever a trainer's kernels: one nn-kit row.)
const rowsC = await benchGrid(rowsA.filter((r) => ![nnkitA1, nnkitAjs, nnkitA1js, handA1].includes(r.peer)), grid());
out.push(...table('C: forward pass over a 100x100 grid in [-6,6]² through the trained case-A net', rowsC, 'ms', 'points/s'));

out.push('', 'Targets (nn-kit ÷ peer, medians):');
// brain.js only trains one sample per update: case A as specified (nn-kit at batch 10) and like for like (both at batch 1).
out.push(target('A vs brain.js as specified (nn-kit batch 10)', rowsA, nnkitA, brainjs, 3));
out.push(target('A vs brain.js like for like (nn-kit batch 1 too)', rowsA, nnkitA1, brainjs, 2.5));
out.push(yardstick(rowsA, handA, brainjs, nnkitA), yardstick(rowsA, handA1, brainjs, nnkitA1));
out.push(target('A nn-kit JS kernels vs brain.js, for reference (batch 10)', rowsA, nnkitAjs, brainjs, 1));
out.push(target('A nn-kit JS kernels vs brain.js, for reference (batch 1)', rowsA, nnkitA1js, brainjs, 1));
out.push(target('A vs convnetjs', rowsA, nnkitA, convnet, 2.5));
out.push(target('A vs tfjs-layers (wasm)', rowsA, nnkitA, tfjsWasm, 1));
out.push(target('B vs tfjs-layers (cpu)', rowsB, nnkitB, tfjs, 5));
out.push(target('B vs tfjs-layers (wasm)', rowsB, nnkitB, tfjsWasm, 2));
out.push(target('B vs convnetjs', rowsB, nnkitB, convnet, 2));
out.push(target('B nn-kit JS kernels vs tfjs-layers (wasm), for reference', rowsB, nnkitBjs, tfjsWasm, 1));
const c = rowsC[0];
const msC = c.cpuShare < CONTENDED ? c.cpuTime : c.time;
const howC = c.cpuShare < CONTENDED ? `CPU time, as the machine was busy; wall clock ${fmt(c.time, 2)} ms` : `wall clock; CPU time ${fmt(c.cpuTime, 2)} ms`;
out.push(`  ${msC <= 6 ? 'PASS' : 'MISS'}  C nn-kit ms per 100x100 grid: ${fmt(msC, 2)} ms (target ≤ 6 ms; ${howC})`);
out.push('', 'Notes:', ...[...notes].map((n) => `  ${n}`));
out.push(`  B: the targets are random labels, so training accuracy above the 10% of chance shows learning.`);
const weightsOf = (layers: number[]) => layers.slice(1).reduce((sum, size, k) => sum + layers[k] * size, 0);
const onWasm = (spec: TrainSpec) => `${spec.layers.join('-')} (${weightsOf(spec.layers)} weights): ${wasmKernels && weightsOf(spec.layers) >= WASM_THRESHOLD ? 'WebAssembly' : 'JavaScript'}`;
out.push(
  `  A, B: "nn-kit" trains on the WebAssembly SIMD kernels when its network has ${WASM_THRESHOLD} weights or more (A's ${onWasm(a)}; B's ${onWasm(b)}), ` +
    'as a page that calls loadWasmKernels() does; "nn-kit, JS kernels" on the JavaScript kernels throughout. Both give the same bits.',
);
out.push('  C: nn-kit BatchForward, 64 points at a time (as <nn-trainer> samples its boundary); tfjs (either backend) one predict on a 10000x2 tensor + dataSync + dispose; brain.js run() per point; convnetjs forward() per point (one reused input Vol).');
// Case D: the digits CNN of <nn-convolution mode="train">, forward and backward (bench/cnn.ts).
out.push(...(await benchCnn()));
console.log(out.join('\n'));
