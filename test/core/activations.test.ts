/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { activations, getActivation, scalarActivationNames } from '../../src/index.js';
import { expectNnKitError } from './helpers.js';

/** Standard normal CDF by composite Simpson integration of the density (independent of the engine). */
function normalCdf(x: number): number {
  const n = 2000;
  const a = 0;
  const h = (x - a) / n;
  const density = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  let sum = density(a) + density(x);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * density(a + i * h);
  return 0.5 + (sum * h) / 3;
}

const KINKS: Record<string, number[]> = { relu: [0], 'leaky-relu': [0], elu: [0], step: [0] };

function sampleZ(): number[] {
  const zs: number[] = [];
  for (let i = 0; i <= 1200; i++) zs.push(-6 + (12 * i) / 1200 + 0.000123);
  return zs;
}

describe('activations', () => {
  const differentiable = Object.keys(activations).filter((name) => name !== 'softmax' && name !== 'step');

  it('has the expected registry of names', () => {
    expect(Object.keys(activations).sort()).to.deep.equal(
      ['elu', 'gelu', 'leaky-relu', 'linear', 'relu', 'sigmoid', 'softmax', 'softplus', 'step', 'swish', 'tanh'].sort(),
    );
    expect(scalarActivationNames).to.not.include('softmax');
    expect([...scalarActivationNames].sort()).to.deep.equal(Object.keys(activations).filter((n) => n !== 'softmax').sort());
  });

  it('names each function by its symbol, the one its formula is written with', () => {
    const expected: Record<string, string> = {
      sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', 'leaky-relu': 'LeakyReLU', elu: 'ELU', gelu: 'GELU',
      swish: 'swish', softplus: 'softplus', linear: 'f', step: 'step', softmax: 'softmax',
    };
    for (const [name, activation] of Object.entries(activations)) {
      expect(activation.symbol, name).to.equal(expected[name]);
      expect(activation.formula.text.startsWith(`${activation.symbol}(z)`), `${name}: ${activation.formula.text}`).to.equal(true);
    }
  });

  for (const name of differentiable) {
    it(`${name}: df(z, f(z)) matches a central finite difference on [-6, 6]`, () => {
      const act = activations[name];
      const h = 1e-5;
      let checked = 0;
      for (const z of sampleZ()) {
        if ((KINKS[name] ?? []).some((k) => Math.abs(z - k) < 10 * h)) continue; // skip the kink
        const numeric = (act.f(z + h) - act.f(z - h)) / (2 * h);
        const analytic = act.df(z, act.f(z));
        const err = Math.abs(numeric - analytic) / Math.max(1, Math.abs(numeric) + Math.abs(analytic));
        expect(err, `${name} at z=${z}: analytic ${analytic} vs numeric ${numeric}`).to.be.lessThan(1e-6);
        checked++;
      }
      expect(checked).to.be.greaterThan(1000);
    });
  }

  for (const name of Object.keys(activations)) {
    it(`${name}: outputs stay inside its range, with no NaN, even for |z| up to 1000`, () => {
      const act = activations[name];
      const [min, max] = act.range;
      expect(min).to.be.lessThan(max);
      const zs = [...sampleZ(), -1000, -50, -30.5, -30, 0, 30, 30.5, 50, 1000, -1e-300, 1e-300];
      for (const z of zs) {
        const y = act.f(z);
        expect(Number.isNaN(y), `${name}(${z}) is NaN`).to.equal(false);
        expect(y, `${name}(${z})`).to.be.at.least(min);
        expect(y, `${name}(${z})`).to.be.at.most(max);
        expect(Number.isNaN(act.df(z, y)), `${name}'(${z}) is NaN`).to.equal(false);
      }
    });

    it(`${name}: has a non-empty text and MathML formula and a label`, () => {
      const act = activations[name];
      expect(act.name).to.equal(name);
      expect(act.label).to.be.a('string').and.not.equal('');
      expect(act.formula.text.trim()).to.not.equal('');
      expect(act.formula.mathml.trim()).to.not.equal('');
      expect(act.formula.mathml).to.match(/^<m/);
      // MathML must be well-formed XML.
      const doc = new DOMParser().parseFromString(
        `<math xmlns="http://www.w3.org/1998/Math/MathML">${act.formula.mathml}</math>`,
        'application/xml',
      );
      expect(doc.getElementsByTagName('parsererror').length, act.formula.mathml).to.equal(0);
    });
  }

  it('sigmoid: known values, symmetry and extremes', () => {
    const { f } = activations.sigmoid;
    expect(f(0)).to.equal(0.5);
    expect(f(2)).to.be.closeTo(1 / (1 + Math.exp(-2)), 1e-15);
    expect(f(-3)).to.be.closeTo(1 / (1 + Math.exp(3)), 1e-15);
    for (const z of [0.3, 1, 4.5, 10]) expect(f(z) + f(-z)).to.be.closeTo(1, 1e-15);
    expect(f(-1000)).to.equal(0);
    expect(f(1000)).to.equal(1);
    expect(activations.sigmoid.df(0, 0.5)).to.equal(0.25);
  });

  it('tanh: equals 2σ(2z) − 1 and (e^z − e^−z)/(e^z + e^−z)', () => {
    const { f } = activations.tanh;
    for (let z = -5; z <= 5; z += 0.25) {
      const s = 1 / (1 + Math.exp(-2 * z));
      expect(f(z)).to.be.closeTo(2 * s - 1, 1e-14);
      expect(f(z)).to.be.closeTo((Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z)), 1e-14);
    }
    expect(f(0)).to.equal(0);
    expect(f(1000)).to.equal(1);
    expect(f(-1000)).to.equal(-1);
  });

  it('relu, leaky-relu, elu, linear: piecewise values', () => {
    expect(activations.relu.f(3)).to.equal(3);
    expect(activations.relu.f(-2)).to.equal(0);
    expect(activations.relu.df(3, 3)).to.equal(1);
    expect(activations.relu.df(-2, 0)).to.equal(0);
    expect(activations['leaky-relu'].f(3)).to.equal(3);
    expect(activations['leaky-relu'].f(-2)).to.be.closeTo(-0.02, 1e-17);
    expect(activations['leaky-relu'].df(-2, -0.02)).to.equal(0.01);
    expect(activations.elu.f(2)).to.equal(2);
    expect(activations.elu.f(-1)).to.be.closeTo(Math.exp(-1) - 1, 1e-15);
    expect(activations.elu.f(-1000)).to.equal(-1);
    expect(activations.linear.f(-7.25)).to.equal(-7.25);
    expect(activations.linear.df(123, 123)).to.equal(1);
  });

  it('softplus: ln 2 at 0, ≈ z for large z, ≈ e^z for very negative z', () => {
    const { f } = activations.softplus;
    expect(f(0)).to.be.closeTo(Math.LN2, 1e-15);
    expect(f(1)).to.be.closeTo(Math.log(1 + Math.E), 1e-15);
    expect(f(40)).to.be.closeTo(40, 1e-12);
    expect(f(1000)).to.equal(1000);
    expect(f(-30)).to.be.closeTo(Math.exp(-30), 1e-25);
    expect(f(-1000)).to.equal(0);
  });

  it('swish: z·σ(z); gelu: close to z·Φ(z) (tanh approximation)', () => {
    for (let z = -6; z <= 6; z += 0.5) {
      expect(activations.swish.f(z)).to.be.closeTo(z / (1 + Math.exp(-z)), 1e-14);
      expect(activations.gelu.f(z)).to.be.closeTo(z * normalCdf(z), 1e-3);
    }
    expect(activations.gelu.f(0)).to.equal(0);
    expect(activations.swish.f(0)).to.equal(0);
    // Their stated lower bounds are close to the true minima (≈ −0.170 and ≈ −0.278).
    let geluMin = Infinity;
    let swishMin = Infinity;
    for (let z = -4; z <= 0; z += 1e-4) {
      geluMin = Math.min(geluMin, activations.gelu.f(z));
      swishMin = Math.min(swishMin, activations.swish.f(z));
    }
    expect(geluMin).to.be.within(activations.gelu.range[0], activations.gelu.range[0] + 0.01);
    expect(swishMin).to.be.within(activations.swish.range[0], activations.swish.range[0] + 0.01);
  });

  it('step: 1 for z ≥ 0, else 0; not trainable; df is 0', () => {
    const step = activations.step;
    expect(step.f(0)).to.equal(1);
    expect(step.f(1e-12)).to.equal(1);
    expect(step.f(5)).to.equal(1);
    expect(step.f(-1e-12)).to.equal(0);
    expect(step.f(-5)).to.equal(0);
    expect(step.df(3, 1)).to.equal(0);
    expect(step.trainable).to.equal(false);
    for (const name of Object.keys(activations)) if (name !== 'step') expect(activations[name].trainable, name).to.equal(true);
  });

  describe('softmax (applyVector)', () => {
    const softmax = activations.softmax;
    const apply = (z: number[], pad = 0) => {
      const zs = new Float64Array(z.length + 2 * pad).fill(99);
      zs.set(z, pad);
      const ys = new Float64Array(zs.length).fill(-7);
      softmax.applyVector!(zs, ys, pad, pad + z.length);
      return { ys, out: Array.from(ys.subarray(pad, pad + z.length)) };
    };

    it('equals the ratio of exponentials for small z, and sums to 1', () => {
      const z = [0.5, -1.25, 2, 0];
      const denom = z.reduce((s, v) => s + Math.exp(v), 0);
      const { out } = apply(z);
      z.forEach((v, i) => expect(out[i]).to.be.closeTo(Math.exp(v) / denom, 1e-15));
      expect(out.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-15);
    });

    it('is also its layer loop, so a forward pass needs no special case for it', () => {
      const z = Float64Array.of(0.5, -1.25, 2, 0);
      const y = new Float64Array(4);
      softmax.forwardLayer(z, y, 0, 4);
      expect(Array.from(y)).to.deep.equal(apply([0.5, -1.25, 2, 0]).out);
    });

    it('is stable for large z (1000) and very negative z', () => {
      const big = apply([1000, 1000, 999]).out;
      const e = Math.exp(-1);
      expect(big[0]).to.be.closeTo(1 / (2 + e), 1e-14);
      expect(big[1]).to.be.closeTo(1 / (2 + e), 1e-14);
      expect(big[2]).to.be.closeTo(e / (2 + e), 1e-14);
      const neg = apply([-1000, -1001]).out;
      expect(neg[0]).to.be.closeTo(1 / (1 + Math.exp(-1)), 1e-14);
      for (const v of [...big, ...neg]) expect(Number.isFinite(v)).to.equal(true);
      expect(neg[0] + neg[1]).to.be.closeTo(1, 1e-15);
    });

    it('is shift invariant and touches only [start, end)', () => {
      const a = apply([1, 2, 3]).out;
      const b = apply([101, 102, 103]).out;
      a.forEach((v, i) => expect(b[i]).to.be.closeTo(v, 1e-15));
      const { ys } = apply([1, 2, 3], 2);
      expect(ys[0]).to.equal(-7);
      expect(ys[1]).to.equal(-7);
      expect(ys[5]).to.equal(-7);
      expect(ys[6]).to.equal(-7);
      expect(ys[2] + ys[3] + ys[4]).to.be.closeTo(1, 1e-15);
    });

    it('one element gives probability 1', () => {
      expect(apply([42]).out).to.deep.equal([1]);
    });
  });

  it('getActivation finds names and rejects unknown ones with the accepted list', () => {
    expect(getActivation('tanh')).to.equal(activations.tanh);
    expectNnKitError(() => getActivation('sigmoidal'), 'Unknown activation "sigmoidal"', '"tanh"', '"relu"');
    expectNnKitError(() => getActivation('toString'), 'Unknown activation');
    expectNnKitError(() => getActivation('__proto__'), 'Unknown activation');
    expectNnKitError(() => getActivation(3), 'Unknown activation "3"');
  });
});
