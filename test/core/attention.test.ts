/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import {
  ATTENTION_LIMITS,
  AttentionExplorer,
  AttentionLayer,
  AttentionModel,
  Random,
  attentionTasks,
  parseAttentionWeights,
  positionEncoding,
} from '../../src/index.js';
import { expectNnKitError, relativeError } from './helpers.js';

/** A layer with weights and an input drawn from `seed`, and a random weighting R of its output: L = Σ out ⊙ R. */
function setUp(seed: number, model: number, heads: number, tokens: number) {
  const random = new Random(seed);
  const layer = new AttentionLayer(model, heads, tokens + 2);
  layer.initialize(() => random.normal());
  const x = Float64Array.from({ length: tokens * model }, () => random.normal());
  const r = Float64Array.from({ length: tokens * model }, () => random.normal());
  return { layer, x, r };
}

function loss(layer: AttentionLayer, x: Float64Array, r: Float64Array, tokens: number, causal: boolean, temperature: number): number {
  const out = layer.forward(x, tokens, causal, temperature);
  let total = 0;
  for (let i = 0; i < tokens * layer.model; i++) total += out[i] * r[i];
  return total;
}

describe('attention layer', () => {
  for (const [model, heads, causal, temperature] of [
    [4, 1, false, 1],
    [6, 2, true, 0.7],
    [8, 4, false, 2.5],
    [6, 3, true, 1],
  ] as const) {
    it(`gradients match finite differences (model ${model}, ${heads} heads, ${causal ? 'causal' : 'full'}, T = ${temperature})`, () => {
      const tokens = 5;
      const { layer, x, r } = setUp(model * 10 + heads, model, heads, tokens);
      layer.grads.fill(0);
      loss(layer, x, r, tokens, causal, temperature);
      const dx = new Float64Array(tokens * model);
      layer.backward(r, dx);
      const h = 1e-5;
      let worst = 0;
      for (let i = 0; i < layer.params.length; i++) {
        const keep = layer.params[i];
        layer.params[i] = keep + h;
        const up = loss(layer, x, r, tokens, causal, temperature);
        layer.params[i] = keep - h;
        const down = loss(layer, x, r, tokens, causal, temperature);
        layer.params[i] = keep;
        worst = Math.max(worst, relativeError((up - down) / (2 * h), layer.grads[i]));
      }
      for (let i = 0; i < x.length; i++) {
        const keep = x[i];
        x[i] = keep + h;
        const up = loss(layer, x, r, tokens, causal, temperature);
        x[i] = keep - h;
        const down = loss(layer, x, r, tokens, causal, temperature);
        x[i] = keep;
        worst = Math.max(worst, relativeError((up - down) / (2 * h), dx[i]));
      }
      expect(worst).to.be.below(1e-6);
    });
  }

  it('the causal mask gives exactly zero weight to later tokens, and rows sum to 1', () => {
    const { layer, x } = setUp(3, 8, 2, 6);
    layer.forward(x, 6, true, 1);
    for (let h = 0; h < 2; h++)
      for (let i = 0; i < 6; i++) {
        let sum = 0;
        for (let j = 0; j < 6; j++) {
          const w = layer.weights[(h * 6 + i) * 6 + j];
          if (j > i) expect(w, `head ${h} row ${i} column ${j}`).to.equal(0);
          else expect(w).to.be.above(0);
          sum += w;
        }
        expect(sum).to.be.closeTo(1, 1e-12);
      }
    expect(layer.weights[0]).to.equal(1);
  });

  it('scores are QKᵀ/√dₖ of each head, and the output is the weighted mix of values through Wo', () => {
    const { layer, x } = setUp(4, 4, 2, 3);
    layer.forward(x, 3, false, 1);
    const d = 2;
    // Head 1, query 2, key 0: q and k are written out from x and Wq, Wk here.
    const column = (w: Float64Array, row: number, c: number) => [0, 1, 2, 3].reduce((s, t) => s + x[row * 4 + t] * w[t * 4 + c], 0);
    const q = [2, 3].map((c) => column(layer.wq, 2, c));
    const k = [2, 3].map((c) => column(layer.wk, 0, c));
    expect(layer.scores[(1 * 3 + 2) * 3 + 0]).to.be.closeTo((q[0] * k[0] + q[1] * k[1]) / Math.sqrt(d), 1e-12);
    const mixed = [0, 1, 2].reduce((s, j) => s + layer.weights[(1 * 3 + 2) * 3 + j] * layer.v[j * 4 + 3], 0);
    expect(layer.mixed[2 * 4 + 3]).to.be.closeTo(mixed, 1e-12);
  });

  it('softmax stays finite and right for huge scores and huge or tiny temperatures', () => {
    const layer = new AttentionLayer(2, 1, 3);
    layer.wq.set([1e6, 0, 0, 1e6]);
    layer.wk.set([1e6, 0, 0, 1e6]);
    layer.wv.set([1, 0, 0, 1]);
    layer.wo.set([1, 0, 0, 1]);
    const x = Float64Array.from([1, 0, 0, 1, 1, 0]);
    layer.forward(x, 3, false, 1);
    expect([...layer.weights.subarray(0, 9)].every(Number.isFinite)).to.equal(true);
    // Query 0 matches keys 0 and 2 equally (score 1e12/√2), key 1 not at all.
    expect([...layer.weights.subarray(0, 3)]).to.deep.equal([0.5, 0, 0.5]);
    layer.forward(x, 3, false, 1e300);
    for (let i = 0; i < 9; i++) expect(layer.weights[i]).to.be.closeTo(1 / 3, 1e-12);
    layer.forward(x, 3, true, 1e-300);
    expect([...layer.weights.subarray(0, 9)].every(Number.isFinite)).to.equal(true);
  });

  it('refuses shapes it cannot build, with a message', () => {
    expectNnKitError(() => new AttentionLayer(6, 4, 3), 'multiple of heads');
    expectNnKitError(() => new AttentionLayer(0, 1, 3), 'd-model');
    expectNnKitError(() => new AttentionLayer(4, 1, ATTENTION_LIMITS.tokens + 1), 'tokens');
    const layer = new AttentionLayer(4, 1, 3);
    expectNnKitError(() => layer.forward(new Float64Array(16), 4), '1 to 3 tokens');
    expectNnKitError(() => layer.forward(new Float64Array(12), 3, false, 0), 'temperature');
  });
});

describe('attention explorer', () => {
  it('gives a word the same embedding wherever it stands (plus its position), and another seed another', () => {
    const a = new AttentionExplorer({ model: 8, seed: 3, weights: parseAttentionWeights({ positions: false }, 8) });
    a.run(['the', 'cat', 'the']);
    expect([...a.x.subarray(0, 8)]).to.deep.equal([...a.x.subarray(16, 24)]);
    expect([...a.x.subarray(0, 8)]).not.to.deep.equal([...a.x.subarray(8, 16)]);
    const b = new AttentionExplorer({ model: 8, seed: 4, weights: parseAttentionWeights({ positions: false }, 8) });
    b.run(['the']);
    expect([...b.x.subarray(0, 8)]).not.to.deep.equal([...a.x.subarray(0, 8)]);
    const c = new AttentionExplorer({ model: 8, seed: 3 });
    c.run(['the', 'cat', 'the']);
    const pe = new Float64Array(8);
    positionEncoding(2, 8, pe);
    for (let i = 0; i < 8; i++) expect(c.x[16 + i]).to.be.closeTo(a.x[16 + i] + pe[i], 1e-12);
    expect(pe[0]).to.be.closeTo(Math.sin(2), 1e-12);
    expect(pe[1]).to.be.closeTo(Math.cos(2), 1e-12);
  });

  it('makes room for a longer sentence with the same weights: the numbers do not depend on what ran before', () => {
    const fresh = new AttentionExplorer({ model: 8, heads: 2, seed: 5 });
    fresh.run(['a', 'b', 'c'], true, 0.5);
    const reused = new AttentionExplorer({ model: 8, heads: 2, seed: 5 });
    reused.run(['x']);
    reused.run(Array.from({ length: 200 }, (_, i) => `w${i}`));
    expect(reused.layer.maxTokens).to.be.at.least(200);
    reused.run(['a', 'b', 'c'], true, 0.5);
    expect([...reused.layer.weights.subarray(0, 18)]).to.deep.equal([...fresh.layer.weights.subarray(0, 18)]);
    expect([...reused.layer.out.subarray(0, 24)]).to.deep.equal([...fresh.layer.out.subarray(0, 24)]);
  });

  it('uses hand-set weights: "it" attends to "animal"', () => {
    const one = (i: number) => Array.from({ length: 4 }, (_, c) => (c === i ? 1 : 0));
    const identity = [0, 1, 2, 3].map(one);
    const weights = parseAttentionWeights(
      JSON.stringify({ positions: false, embeddings: { it: one(0), animal: one(1), the: one(2), street: one(3) }, wq: [[0, 8, 0, 0], one(1), one(2), one(3)], wk: identity, wv: identity, wo: identity }),
      4,
    );
    const explorer = new AttentionExplorer({ model: 4, weights });
    explorer.run(['the', 'animal', 'crossed', 'the', 'street', 'because', 'it']);
    const n = 7;
    const row = [...explorer.layer.weights.subarray(6 * n, 7 * n)];
    expect(row.indexOf(Math.max(...row))).to.equal(1);
    expect(row[1]).to.be.above(0.9);
  });

  it('refuses bad model JSON with a message', () => {
    expectNnKitError(() => parseAttentionWeights('{', 4), 'must be JSON');
    expectNnKitError(() => parseAttentionWeights('[]', 4), 'object');
    expectNnKitError(() => parseAttentionWeights('{}', 4), 'sets nothing');
    expectNnKitError(() => parseAttentionWeights({ wq: [[1, 2]] }, 4), 'wq must have 4 rows');
    expectNnKitError(() => parseAttentionWeights({ embeddings: { a: [1, 2, 3, 'x'] } }, 4), 'numbers');
    expectNnKitError(() => parseAttentionWeights({ embeddings: { a: [1, 2, 3, 1e300] } }, 4), 'within');
    expectNnKitError(() => parseAttentionWeights({ weights: 1 }, 4), '"weights"');
    expectNnKitError(() => parseAttentionWeights({ positions: 'yes' }, 4), 'positions');
    expectNnKitError(() => new AttentionExplorer().run([]), '1 to 256');
  });
});

describe('attention model', () => {
  it('the three tasks give the right answers', () => {
    const answer = (name: string, input: number[]) => {
      const out = new Int32Array(input.length);
      attentionTasks[name].answer(input, out);
      return [...out];
    };
    expect(answer('reverse', [3, 1, 4, 2])).to.deep.equal([2, 4, 1, 3]);
    expect(answer('sort', [3, 1, 4, 2])).to.deep.equal([1, 2, 3, 4]);
    expect(answer('copy', [3, 1, 4, 2])).to.deep.equal([3, 1, 4, 2]);
  });

  it("the model's gradients (embeddings, positions, attention, read-out) match finite differences", () => {
    const model = new AttentionModel({ task: 'sort', length: 3, model: 4, heads: 2, seed: 5, temperature: 1.5 });
    // Larger queries and keys than the near-uniform start, so the softmax's gradient is exercised.
    for (const w of [model.layer.wq, model.layer.wk]) for (let i = 0; i < w.length; i++) w[i] *= 10;
    model.grads.fill(0);
    model.forward();
    model.backward();
    const h = 1e-5;
    let worst = 0;
    for (let i = 0; i < model.params.length; i++) {
      const keep = model.params[i];
      model.params[i] = keep + h;
      const up = model.forward();
      model.params[i] = keep - h;
      const down = model.forward();
      model.params[i] = keep;
      const numeric = (up - down) / (2 * h);
      if (Math.abs(numeric) + Math.abs(model.grads[i]) > 1e-9) worst = Math.max(worst, relativeError(numeric, model.grads[i]));
    }
    expect(worst).to.be.below(1e-6);
  });

  it('is seeded: the same seed trains the same way', () => {
    const a = new AttentionModel({ seed: 9 });
    const b = new AttentionModel({ seed: 9 });
    for (let i = 0; i < 20; i++) expect(a.step()).to.equal(b.step());
    expect([...a.params]).to.deep.equal([...b.params]);
  });

  it('starts near uniform attention and learns reverse, copy and sort to ≥ 95 % held-out accuracy', () => {
    for (const task of ['reverse', 'copy', 'sort']) {
      const model = new AttentionModel({ task, seed: 1 });
      const n = model.tokens;
      model.showExample();
      // Row of the separator: it sees length + 1 tokens, each weighted near 1/(length + 1).
      const sep = model.length;
      for (let j = 0; j <= sep; j++) expect(model.layer.weights[sep * n + j]).to.be.closeTo(1 / (sep + 1), 0.1);
      for (let i = 0; i < 2000 && !(model.accuracy >= 0.95); i++) model.step();
      expect(model.accuracy, task).to.be.at.least(0.95);
      expect(model.loss, task).to.be.below(0.5);
      model.showExample();
      const input = [...model.sequence.subarray(0, model.length)];
      // Of the letters, the separator's row now weighs most the one the answer starts with.
      const first = model.answerLetters()[0];
      const row = [...model.layer.weights.subarray(sep * n, sep * n + model.length)];
      expect(input[row.indexOf(Math.max(...row))], task).to.equal(first);
    }
  });

  it('refuses bad options with a message', () => {
    expectNnKitError(() => new AttentionModel({ task: 'shuffle' }), 'Unknown task', '"reverse"');
    expectNnKitError(() => new AttentionModel({ length: 1 }), 'length');
    expectNnKitError(() => new AttentionModel({ length: 7 }), 'length');
    expectNnKitError(() => new AttentionModel({ optimizer: 'lbfgs' }), 'optimizer');
    expectNnKitError(() => new AttentionModel({ learningRate: Number.NaN }), 'learning-rate');
  });
});
