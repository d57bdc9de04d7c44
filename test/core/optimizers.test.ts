/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import {
  Backprop,
  Network,
  Trainer,
  createOptimizerState,
  getLoss,
  getOptimizer,
  optimizers,
  toMatrix,
} from '../../src/index.js';
import { expectNnKitError } from './helpers.js';

// Gradients for four steps on a three-parameter array, chosen by hand (with a sign change and a zero).
const GRADIENTS = [
  [0.5, -2, 0],
  [0.25, 1, -3e-4],
  [-1, 0.5, 10],
  [0.125, -0.75, 0],
];
const START = [1, -0.5, 0.25];
const LR = 0.1;

function run(name: string): number[][] {
  const optimizer = getOptimizer(name);
  const params = Float64Array.from(START);
  // Only the memory the optimizer says it uses: a missing slot would read as NaN.
  const state = createOptimizerState(params.length, optimizer.slots);
  return GRADIENTS.map((g, i) => {
    optimizer.update(params, Float64Array.from(g), state, LR, i + 1);
    return Array.from(params);
  });
}

function expectClose(actual: number[][], expected: number[][]): void {
  actual.forEach((row, s) =>
    row.forEach((v, i) => expect(v, `step ${s + 1}, param ${i}`).to.be.closeTo(expected[s][i], 1e-14 * Math.max(1, Math.abs(expected[s][i])))),
  );
}

describe('optimizers', () => {
  it('are sgd, momentum and adam', () => {
    expect(Object.keys(optimizers).sort()).to.deep.equal(['adam', 'momentum', 'sgd']);
    expectNnKitError(() => getOptimizer('rmsprop'), 'Unknown optimizer "rmsprop"', '"sgd"', '"momentum"', '"adam"');
  });

  it('sgd: p ← p − lr·g', () => {
    const p = [...START];
    const expected = GRADIENTS.map((g) => {
      for (let i = 0; i < p.length; i++) p[i] = p[i] - LR * g[i];
      return [...p];
    });
    expectClose(run('sgd'), expected);
    // Hand-computed first step.
    expect(run('sgd')[0]).to.deep.equal([1 - 0.05, -0.5 + 0.2, 0.25]);
  });

  it('momentum (Keras, 0.9): v ← 0.9·v − lr·g; p ← p + v', () => {
    const p = [...START];
    const v = [0, 0, 0];
    const expected = GRADIENTS.map((g) => {
      for (let i = 0; i < p.length; i++) {
        v[i] = 0.9 * v[i] - LR * g[i];
        p[i] += v[i];
      }
      return [...p];
    });
    expectClose(run('momentum'), expected);
    // Second step on param 0 by hand: v1 = −0.05, v2 = −0.045 − 0.025 = −0.07 → 1 − 0.05 − 0.07 = 0.88.
    expect(run('momentum')[1][0]).to.be.closeTo(0.88, 1e-15);
  });

  it('adam (Keras: β1 0.9, β2 0.999, ε 1e-7, bias corrected)', () => {
    const b1 = 0.9;
    const b2 = 0.999;
    const eps = 1e-7;
    const p = [...START];
    const m = [0, 0, 0];
    const v = [0, 0, 0];
    const expected = GRADIENTS.map((g, s) => {
      const t = s + 1;
      for (let i = 0; i < p.length; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        const alpha = (LR * Math.sqrt(1 - Math.pow(b2, t))) / (1 - Math.pow(b1, t));
        p[i] -= (alpha * m[i]) / (Math.sqrt(v[i]) + eps);
      }
      return [...p];
    });
    expectClose(run('adam'), expected);
    // First Adam step moves each nonzero-gradient parameter by ≈ lr·sign(g).
    const first = run('adam')[0];
    expect(first[0]).to.be.closeTo(START[0] - LR, 1e-6);
    expect(first[1]).to.be.closeTo(START[1] + LR, 1e-6);
    expect(first[2]).to.equal(START[2]);
  });

  it('each update reports whether every parameter stayed finite', () => {
    for (const name of Object.keys(optimizers)) {
      const optimizer = getOptimizer(name);
      const fresh = () => createOptimizerState(3, optimizer.slots);
      expect(optimizer.update(Float64Array.from(START), Float64Array.of(0.5, -2, 0), fresh(), LR, 1), name).to.equal(true);
      for (const bad of [NaN, Infinity, -Infinity]) {
        // Even at learning rate 0 a non-finite gradient leaves a non-finite parameter (0 · ∞ is NaN).
        for (const rate of [LR, 0]) {
          const params = Float64Array.from(START);
          expect(optimizer.update(params, Float64Array.of(0.5, bad, 0), fresh(), rate, 1), `${name}, ${bad}, lr ${rate}`).to.equal(false);
          expect(Number.isFinite(params[1]), `${name}: the bad parameter`).to.equal(false);
        }
      }
      // A finite step that carries a parameter past the largest double.
      const huge = Float64Array.of(1.7e308, 0, 0);
      expect(optimizer.update(huge, Float64Array.of(-1, 0, 0), fresh(), 1e308, 1), `${name} overflowing`).to.equal(false);
    }
    // Every position of a longer array counts: each of the four-at-a-time lanes and the remainder after them.
    for (const name of Object.keys(optimizers)) {
      const optimizer = getOptimizer(name);
      for (let at = 0; at < 11; at++) {
        const gradients = new Float64Array(11).fill(0.5);
        gradients[at] = Number.NaN;
        const params = new Float64Array(11).fill(1);
        expect(optimizer.update(params, gradients, createOptimizerState(11, optimizer.slots), LR, 1), `${name}: NaN at ${at} of 11`).to.equal(false);
      }
    }
    // Adam squares the gradient: 1e160² overflows its memory although the step itself stays finite.
    const adam = getOptimizer('adam');
    expect(adam.update(Float64Array.from(START), Float64Array.of(1e160, 0, 0), createOptimizerState(3, 2), LR, 1)).to.equal(false);
  });

  it('the trainer feeds optimizers the mean batch gradient and a step count from 1; setOptimizer resets memory', () => {
    const data = { inputs: [[0.5, -1], [1, 2], [-0.3, 0.8], [2, -1.5]], targets: [[1], [0], [1], [0]] };
    const make = () => new Network({ layers: [2, 3, 1], seed: 7 });
    const network = make();
    const trainer = new Trainer(network, data, { optimizer: 'adam', learningRate: 0.01, batchSize: 4 });

    // Reference: same network, our own Adam over Backprop's mean gradient.
    const ref = make();
    const bp = new Backprop(ref);
    const loss = getLoss('binary-cross-entropy');
    const matrix = toMatrix(data, 2, 1);
    const params = [ref.weights, ref.biases];
    const m = params.map((a) => new Float64Array(a.length));
    const v = params.map((a) => new Float64Array(a.length));
    for (let t = 1; t <= 5; t++) {
      bp.reset();
      bp.accumulate(matrix, [0, 1, 2, 3], 0, 4, loss, 1 / 4);
      [bp.weightGradients, bp.biasGradients].forEach((g, a) => {
        const alpha = (0.01 * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
        for (let i = 0; i < g.length; i++) {
          m[a][i] = 0.9 * m[a][i] + 0.1 * g[i];
          v[a][i] = 0.999 * v[a][i] + 0.001 * g[i] * g[i];
          params[a][i] -= (alpha * m[a][i]) / (Math.sqrt(v[a][i]) + 1e-7);
        }
      });
      trainer.step();
      network.weights.forEach((w, i) => expect(w).to.be.closeTo(ref.weights[i], 1e-13));
      network.biases.forEach((b, i) => expect(b).to.be.closeTo(ref.biases[i], 1e-13));
    }

    // After setOptimizer('adam') the step count restarts: the next update is again ≈ lr·sign(g) per parameter.
    trainer.setOptimizer('adam');
    const before = Float64Array.from(network.weights);
    trainer.step();
    network.weights.forEach((w, i) => {
      const moved = Math.abs(w - before[i]);
      if (moved > 0) expect(moved).to.be.closeTo(0.01, 1e-5);
    });
    expectNnKitError(() => trainer.setOptimizer('nesterov'), 'Unknown optimizer "nesterov"');
  });
});
