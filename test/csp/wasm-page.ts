// Run by wasm-page.html under the strict policy: asks for the WebAssembly kernels, which
// the policy forbids compiling, and trains a network large enough to want them, and a CNN.
import { CnnTrainer, Network, Random, Trainer, oneHot } from '../../src/index.js';
import { loadWasmCnnKernels, loadWasmKernels } from '../../src/wasm/load.js';

type Outcome = { loaded: boolean; kind: string; losses: number[] };

async function run(): Promise<Outcome> {
  const kernels = await loadWasmKernels();
  const random = new Random(1);
  const inputs = Array.from({ length: 64 }, () => Array.from({ length: 48 }, () => random.next()));
  const targets = oneHot(inputs.map((x) => (x[0] > 0.5 ? 1 : 0)), 2);
  const network = new Network({ layers: [48, 32, 2], activation: 'relu', outputActivation: 'softmax' });
  const trainer = new Trainer(network, { inputs, targets }, { batchSize: 16, learningRate: 0.1, kernels });
  const losses = Array.from({ length: 40 }, () => trainer.step());
  const kind = (trainer as unknown as { backprop: { kernels: { kind: string } } }).backprop.kernels.kind;
  return { loaded: kernels !== undefined, kind, losses };
}

async function runCnn(): Promise<Outcome> {
  const kernels = await loadWasmCnnKernels();
  const random = new Random(2);
  const labels = Uint8Array.from({ length: 40 }, () => random.int(2));
  // Class 1 is bright on the left, class 0 on the right.
  const images = Float64Array.from({ length: 40 * 36 }, (_, i) => ((i % 6 < 3) === (labels[Math.floor(i / 36)] === 1) ? 1 : 0) * random.uniform(0.5, 1));
  const trainer = new CnnTrainer({ images, labels, height: 6, width: 6, classes: 2 }, { filters: 3, batchSize: 8, testFraction: 0, kernels });
  const losses = Array.from({ length: 30 }, () => (trainer.step(), trainer.loss));
  return { loaded: kernels !== undefined, kind: trainer.cnn.kernelKind, losses };
}

(window as unknown as { result: ReturnType<typeof run> }).result = run();
(window as unknown as { cnnResult: ReturnType<typeof runCnn> }).cnnResult = runCnn();
