/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { MAX_TEXT, Random, RecurrentNet, SequenceTrainer, characters, makeSequenceTask } from '../../src/index.js';
import { allFinite, expectNnKitError } from './helpers.js';

/** A network with random weights (larger than the initial ones, so every gate works), random inputs and targets. */
function randomCase(cell: 'rnn' | 'gru', seed: number) {
  const random = new Random(seed);
  const net = new RecurrentNet({ cell, inputs: 3, hidden: 4, outputs: 3, maxSteps: 6, seed });
  for (let i = 0; i < net.params.length; i++) net.params[i] = random.uniform(-1, 1);
  const x = Float64Array.from({ length: 6 * 3 }, () => random.uniform(-1, 1));
  // Step 3 has no target: its loss is left out, and gradients still flow through it.
  const targets = Int32Array.from({ length: 6 }, (_, t) => (t === 2 ? -1 : random.int(3)));
  return { net, x, targets };
}

describe('recurrent networks (src/recurrent.ts)', () => {
  for (const cell of ['rnn', 'gru'] as const) {
    it(`${cell}: backpropagation through time matches finite differences for every parameter`, () => {
      for (const seed of [1, 2, 3]) {
        const { net, x, targets } = randomCase(cell, seed);
        net.forward(x, 6);
        net.clearGradients();
        net.backward(targets);
        const analytic = Float64Array.from(net.gradients);
        const h = 1e-6;
        for (let i = 0; i < net.params.length; i++) {
          const kept = net.params[i];
          net.params[i] = kept + h;
          net.forward(x, 6);
          const up = net.loss(targets);
          net.params[i] = kept - h;
          net.forward(x, 6);
          const down = net.loss(targets);
          net.params[i] = kept;
          const numeric = (up - down) / (2 * h);
          // Central differences carry rounding of about 1e-16 · L / h ≈ 1e-9: an absolute floor for tiny gradients.
          const tolerance = 1e-8 + 1e-6 * (Math.abs(analytic[i]) + Math.abs(numeric));
          expect(Math.abs(analytic[i] - numeric), `${cell} parameter ${i}, seed ${seed}: ${analytic[i]} vs ${numeric}`).to.be.below(tolerance);
        }
      }
    });

    it(`${cell}: with a loss at the last step only, ‖∂L/∂h_T‖ is ‖W_yᵀ(p − y)‖`, () => {
      // (Earlier steps' ‖∂L/∂h_t‖ are checked against TensorFlow.js in recurrent-tfjs.test.ts.)
      const { net, x } = randomCase(cell, 7);
      const last = Int32Array.from({ length: 6 }, (_, t) => (t === 5 ? 1 : -1));
      net.forward(x, 6);
      net.clearGradients();
      net.backward(last);
      const p = net.outputAt(6);
      const { wy, by } = net.layout;
      // ∂L/∂h_T = W_yᵀ (p − y).
      let norm = 0;
      for (let k = 0; k < 4; k++) {
        let g = 0;
        for (let o = 0; o < 3; o++) g += (p[o] - (o === 1 ? 1 : 0)) * net.params[wy + o * 4 + k];
        norm += g * g;
      }
      expect(net.stateGradientNorms[5]).to.be.closeTo(Math.sqrt(norm), 1e-12);
      expect(by).to.equal(wy + 3 * 4);
      expect(allFinite(net.stateGradientNorms.subarray(0, 6))).to.equal(true);
    });
  }

  it('the plain cell computes h_t = tanh(W_x·x_t + W_h·h_{t−1} + b), and its parts add up', () => {
    const { net, x } = randomCase('rnn', 4);
    net.forward(x, 6);
    const { wx, wh, b } = net.layout;
    for (let t = 1; t <= 6; t++) {
      const prev = net.stateAt(t - 1);
      for (let j = 0; j < 4; j++) {
        let sum = net.params[b + j];
        for (let i = 0; i < 3; i++) sum += net.params[wx + j * 3 + i] * x[(t - 1) * 3 + i];
        for (let k = 0; k < 4; k++) sum += net.params[wh + j * 4 + k] * prev[k];
        expect(net.stateAt(t)[j]).to.be.closeTo(Math.tanh(sum), 1e-12);
        expect(Math.tanh(net.inputParts[(t - 1) * 4 + j] + net.recurrentParts[(t - 1) * 4 + j] + net.params[b + j])).to.be.closeTo(net.stateAt(t)[j], 1e-12);
      }
      const total = net.outputAt(t).reduce((a, v) => a + v, 0);
      expect(total).to.be.closeTo(1, 1e-12);
    }
  });

  it('clipping scales the whole gradient down to the limit and leaves smaller ones alone', () => {
    const { net, x, targets } = randomCase('rnn', 5);
    net.forward(x, 6);
    net.clearGradients();
    net.backward(targets, 100);
    const before = Float64Array.from(net.gradients);
    const norm = net.clipGradients(0.5);
    expect(norm).to.be.above(0.5);
    expect(net.gradientNorm()).to.be.closeTo(0.5, 1e-12);
    for (let i = 0; i < before.length; i++) expect(net.gradients[i]).to.be.closeTo((before[i] * 0.5) / norm, 1e-12);
    const kept = Float64Array.from(net.gradients);
    net.clipGradients(10);
    expect([...net.gradients]).to.deep.equal([...kept]);
  });

  it('refuses sizes beyond its limits with a message', () => {
    expectNnKitError(() => new RecurrentNet({ inputs: 2, hidden: 0, outputs: 2, maxSteps: 4 }), 'hidden');
    expectNnKitError(() => new RecurrentNet({ inputs: 2, hidden: 4, outputs: 2, maxSteps: 1000 }), 'steps');
    expectNnKitError(() => new RecurrentNet({ cell: 'lstm' as 'rnn', inputs: 2, hidden: 4, outputs: 2, maxSteps: 4 }), '"rnn" or "gru"');
  });
});

describe('sequence tasks and their trainer (src/recurrent-tasks.ts, src/recurrent-trainer.ts)', () => {
  it('parity and count targets follow the bits drawn', () => {
    const random = new Random(3);
    const tokens = new Int32Array(8);
    const targets = new Int32Array(8);
    for (const name of ['parity', 'count'] as const) {
      const task = makeSequenceTask(name, 8);
      task.draw(random, tokens, targets);
      let ones = 0;
      tokens.forEach((bit, t) => {
        ones += bit;
        expect(targets[t]).to.equal(name === 'count' ? ones : ones % 2);
      });
    }
  });

  it('the same seed trains the same run; another seed another', () => {
    const run = (seed: number) => {
      const trainer = new SequenceTrainer({ task: 'parity', seed });
      for (let i = 0; i < 20; i++) trainer.step();
      return [...trainer.net.params];
    };
    expect(run(4)).to.deep.equal(run(4));
    expect(run(4)).not.to.deep.equal(run(5));
  });

  for (const cell of ['rnn', 'gru'] as const) {
    it(`${cell}: learns running parity of 8 bits to 95 % on held-out sequences`, () => {
      const trainer = new SequenceTrainer({ task: 'parity', cell });
      const start = trainer.accuracy;
      for (let i = 0; i < 3000 && trainer.accuracy < 0.95; i++) trainer.step();
      expect(start).to.be.below(0.8);
      expect(trainer.accuracy).to.be.at.least(0.95);
    });
  }

  it('learns to predict the next character of a text, and samples text from it', () => {
    const text = 'hello world. hello world. ';
    const trainer = new SequenceTrainer({ task: 'text', text, unroll: 12 });
    const start = trainer.loss;
    for (let i = 0; i < 1500; i++) trainer.step();
    expect(trainer.loss).to.be.below(start / 3);
    expect(trainer.accuracy).to.be.above(0.8);
    const sample = trainer.sample(40, 0.3, new Random(1));
    expect(characters(sample).length).to.equal(40);
    expect(sample.startsWith('h')).to.equal(true);
    expect(new Set(characters(sample)).size).to.be.at.most(new Set(characters(text)).size);
    for (const char of characters(sample)) expect(text).to.include(char);
  });

  it('a cold temperature picks the likeliest character; a hot one spreads out', () => {
    const trainer = new SequenceTrainer({ task: 'text', text: 'abababababab cab', unroll: 6 });
    for (let i = 0; i < 600; i++) trainer.step();
    const cold = trainer.sample(30, 0.01, new Random(2));
    expect(cold.slice(0, 12)).to.equal('abababababab');
    const hot = new Set(characters(trainer.sample(200, 5, new Random(2))));
    expect(hot.size).to.be.above(2);
  });

  it('reads astral characters, combining marks and right-to-left text as whole characters', () => {
    expect(characters('a👍🏽b')).to.deep.equal(['a', '👍🏽', 'b']);
    expect(characters('e\u0301e')).to.deep.equal(['e\u0301', 'e']);
    const trainer = new SequenceTrainer({ task: 'text', text: 'שלום 𝒳😀 é\u0301 שלום 𝒳😀', unroll: 8 });
    expect(trainer.task.tokens).to.include('𝒳');
    expect(trainer.task.tokens).to.include('😀');
    for (let i = 0; i < 50; i++) trainer.step();
    expect(Number.isFinite(trainer.loss)).to.equal(true);
    const sample = trainer.sample(10, 1, new Random(1));
    expect(sample).not.to.match(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('an empty text, one character, one repeated character and too long a text are refused with a message', () => {
    expectNnKitError(() => new SequenceTrainer({ task: 'text', text: '' }), 'empty');
    expectNnKitError(() => new SequenceTrainer({ task: 'text', text: '😀' }), 'one character');
    expectNnKitError(() => new SequenceTrainer({ task: 'text', text: 'aaaa' }), 'one character');
    expectNnKitError(() => new SequenceTrainer({ task: 'text', text: 'ab'.repeat(MAX_TEXT) }), String(MAX_TEXT));
  });

  it('a text shorter than the unroll is learnt over its own length', () => {
    const trainer = new SequenceTrainer({ task: 'text', text: 'ab', unroll: 16 });
    expect(trainer.task.steps).to.equal(1);
    trainer.step();
    expect(trainer.show().tokens.length).to.equal(1);
  });

  it('exploding gradients are clipped; unclipped overflow is undone and reported as divergence', () => {
    const clipped = new SequenceTrainer({ task: 'parity', learningRate: 1e6, optimizer: 'sgd', clip: 1 });
    clipped.step();
    expect(clipped.lastGradientNorm).to.be.above(0);
    expect(allFinite(clipped.net.params)).to.equal(true);
    const wild = new SequenceTrainer({ task: 'count', learningRate: 1e308, optimizer: 'sgd', clip: 0 });
    for (let i = 0; i < 50 && !wild.diverged; i++) wild.step();
    expect(wild.diverged).to.equal(true);
    expect(wild.divergence?.kind).to.equal('overflow');
    expect(allFinite(wild.net.params)).to.equal(true);
    const kept = [...wild.net.params];
    expect(Number.isNaN(wild.step())).to.equal(true);
    expect([...wild.net.params]).to.deep.equal(kept);
    // Finite but far too large steps: the loss stays far above where it started, as DIVERGENCE says.
    const growing = new SequenceTrainer({ task: 'parity', learningRate: 1e300, optimizer: 'sgd', clip: 0 });
    for (let i = 0; i < 400 && !growing.diverged; i++) growing.step();
    expect(growing.divergence?.kind).to.equal('growth');
  });

  it('a frame trains at most the steps it is allowed, and at least one however short its time', () => {
    const trainer = new SequenceTrainer({ task: 'parity' });
    expect(trainer.trainFor(10_000, 4)).to.equal(4);
    expect(trainer.steps).to.equal(4);
    let now = 0;
    expect(trainer.trainFor(0, 4, () => (now += 1))).to.equal(1);
    expect(trainer.steps).to.equal(5);
  });

  it('gradients of the last step fade back through time in the plain cell', () => {
    const trainer = new SequenceTrainer({ task: 'parity', unroll: 32, seed: 2 });
    trainer.show();
    const norms = trainer.net.stateGradientNorms;
    expect(norms[31]).to.be.above(0);
    expect(norms[0]).to.be.below(norms[31] / 100);
  });
});
