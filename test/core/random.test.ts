/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { Random } from '../../src/index.js';

const draws = (random: Random, n: number) => Array.from({ length: n }, () => random.next());

describe('Random', () => {
  it('same seed → same sequence; different seeds → different sequences; default seed is 1', () => {
    expect(draws(new Random(7), 50)).to.deep.equal(draws(new Random(7), 50));
    expect(draws(new Random(7), 50)).to.not.deep.equal(draws(new Random(8), 50));
    expect(draws(new Random(), 10)).to.deep.equal(draws(new Random(1), 10));
    expect(draws(new Random(0), 10)).to.not.deep.equal(draws(new Random(1), 10));
    expect(draws(new Random(2 ** 32 + 5), 10)).to.not.deep.equal(draws(new Random(5), 10));
  });

  it('next() lies in [0, 1) with mean ≈ 1/2 and variance ≈ 1/12', () => {
    const xs = draws(new Random(3), 100_000);
    for (const x of xs) {
      expect(x >= 0 && x < 1).to.equal(true);
    }
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    // Standard error of the mean ≈ 0.0009: ±0.005 is over five of them.
    expect(mean).to.be.closeTo(0.5, 0.005);
    expect(variance).to.be.closeTo(1 / 12, 0.002);
    // Ten equal bins each hold about a tenth.
    const bins = new Array(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    for (const b of bins) expect(b).to.be.within(9_500, 10_500);
  });

  it('uniform, int and normal', () => {
    const random = new Random(11);
    for (let i = 0; i < 5000; i++) {
      const u = random.uniform(-3, 5);
      expect(u >= -3 && u < 5).to.equal(true);
      const k = random.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).to.equal(true);
    }
    const seen = new Set(Array.from({ length: 500 }, () => random.int(7)));
    expect(seen.size).to.equal(7);
    const ns = Array.from({ length: 50_000 }, () => random.normal(3, 2));
    const mean = ns.reduce((a, b) => a + b, 0) / ns.length;
    const sd = Math.sqrt(ns.reduce((a, b) => a + (b - mean) ** 2, 0) / ns.length);
    expect(mean).to.be.closeTo(3, 0.05);
    expect(sd).to.be.closeTo(2, 0.05);
    expect(ns.every(Number.isFinite)).to.equal(true);
    // About 68% within one deviation.
    const within = ns.filter((v) => Math.abs(v - 3) < 2).length / ns.length;
    expect(within).to.be.closeTo(0.6827, 0.01);
  });

  it('shuffle is an in-place permutation, deterministic per seed', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = new Random(4).shuffle([...items]);
    expect([...shuffled].sort((a, b) => a - b)).to.deep.equal(items);
    expect(shuffled).to.not.deep.equal(items);
    expect(new Random(4).shuffle([...items])).to.deep.equal(shuffled);
    const typed = Uint32Array.from(items);
    expect(new Random(4).shuffle(typed)).to.equal(typed);
    expect(Array.from(typed)).to.deep.equal(shuffled);
    // Every position is reachable: over many shuffles, item 0 lands everywhere.
    const random = new Random(5);
    const landed = new Set<number>();
    for (let t = 0; t < 2000; t++) landed.add(random.shuffle([...items]).indexOf(0));
    expect(landed.size).to.equal(20);
  });
});
