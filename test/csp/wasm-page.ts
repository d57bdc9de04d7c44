// Run by wasm-page.html under the strict policy: asks for the WebAssembly kernels, which
// the policy forbids compiling, and trains a network large enough to want them.
import { Network, Random, Trainer, oneHot } from '../../src/index.js';
import { loadWasmKernels } from '../../src/wasm/load.js';

async function run(): Promise<{ loaded: boolean; kind: string; losses: number[] }> {
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

(window as unknown as { result: ReturnType<typeof run> }).result = run();
