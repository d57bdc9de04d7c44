/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { Random, activations } from '../../src/index.js';

const tanh = activations.tanh.f;

/** The gap between |v| and the next double up: one unit in the last place. */
function ulp(v: number): number {
  const a = Math.abs(v);
  return a < 2 ** -1022 ? 2 ** -1074 : 2 ** (Math.floor(Math.log2(a)) - 52);
}

describe('tanh', () => {
  it('is within 2 ulp of the browser’s Math.tanh, at every scale from 10⁻¹⁰ to 30', () => {
    const random = new Random(3);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const magnitude = 10 ** random.uniform(-10, Math.log10(30));
      const x = random.next() < 0.5 ? -magnitude : magnitude;
      const error = Math.abs(tanh(x) - Math.tanh(x)) / ulp(Math.tanh(x));
      if (error > worst) worst = error;
      if (error > 2) expect.fail(`tanh(${x}) = ${tanh(x)}, Math.tanh gives ${Math.tanh(x)}`);
    }
    expect(worst, 'it is an approximation, not a call to Math.tanh').to.be.greaterThan(0);
  });

  it('is odd, exactly', () => {
    const random = new Random(4);
    for (let i = 0; i < 10_000; i++) {
      const x = random.uniform(-25, 25);
      expect(tanh(-x)).to.equal(-tanh(x));
    }
  });

  it('never decreases: on a grid over [−3, 3], and double by double where its formulas meet', () => {
    let previous = -Infinity;
    for (let i = 0; i <= 60_000; i++) {
      const y = tanh(-3 + i / 10_000);
      expect(y, `at ${-3 + i / 10_000}`).to.be.at.least(previous);
      previous = y;
    }
    // 0.625 switches formula; from about 19.06 tanh rounds to 1. Walk 100,000 neighbouring doubles each side.
    const bits = new BigInt64Array(1);
    const double = new Float64Array(bits.buffer);
    for (const seam of [0.625, 19.06]) {
      double[0] = seam;
      bits[0] -= 100_000n;
      previous = -Infinity;
      for (let i = 0; i < 200_000; i++, bits[0]++) {
        const y = tanh(double[0]);
        if (y < previous) expect.fail(`tanh(${double[0]}) = ${y} is below the value at the double before it, ${previous}`);
        previous = y;
      }
    }
  });

  it('handles ±0, tiny, huge, infinite and NaN inputs', () => {
    expect(Object.is(tanh(0), 0)).to.equal(true);
    expect(Object.is(tanh(-0), -0)).to.equal(true);
    expect(tanh(1e-300)).to.equal(1e-300);
    expect(tanh(-5e-324)).to.equal(-5e-324);
    for (const x of [22, 40, 1e308, Infinity]) {
      expect(tanh(x)).to.equal(1);
      expect(tanh(-x)).to.equal(-1);
    }
    expect(tanh(NaN)).to.be.NaN;
    // Known values: tanh(0.5) and tanh(1) to 16 digits.
    expect(tanh(0.5)).to.be.closeTo(0.46211715726000974, 1e-16);
    expect(tanh(1)).to.be.closeTo(0.7615941559557649, 1e-16);
  });
});
