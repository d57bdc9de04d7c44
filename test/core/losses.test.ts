/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { EPSILON, defaultLossFor, getLoss, losses } from '../../src/index.js';
import { expectNnKitError } from './helpers.js';

const f64 = (values: number[]) => Float64Array.from(values);

describe('losses', () => {
  it('has mse, binary-cross-entropy and cross-entropy with formulas', () => {
    expect(Object.keys(losses).sort()).to.deep.equal(['binary-cross-entropy', 'cross-entropy', 'mse']);
    for (const loss of Object.values(losses)) {
      expect(loss.label.trim()).to.not.equal('');
      expect(loss.formula.text.trim()).to.not.equal('');
    }
  });

  it('mse: mean of squared differences, hand computed', () => {
    // ((0.5 − 0)² + (1 − 1)² + (−1 − 2)²) / 3 = (0.25 + 0 + 9) / 3
    expect(losses.mse.value(f64([0.5, 1, -1]), 0, f64([0, 1, 2]), 0, 3)).to.be.closeTo(9.25 / 3, 1e-15);
  });

  it('mse: honours the start offsets of outputs and targets', () => {
    const y = f64([9, 9, 0.5, 1]);
    const t = f64([7, 0, 1]);
    // outputs [0.5, 1] vs targets [0, 1]: (0.25 + 0) / 2
    expect(losses.mse.value(y, 2, t, 1, 2)).to.be.closeTo(0.125, 1e-16);
  });

  it('binary cross-entropy: hand computed, clipped at ε so 0 and 1 stay finite', () => {
    const expected = -(1 * Math.log(0.8) + 0 * Math.log(0.2) + (0 * Math.log(0.3) + 1 * Math.log(0.7))) / 2;
    expect(losses['binary-cross-entropy'].value(f64([0.8, 0.3]), 0, f64([1, 0]), 0, 2)).to.be.closeTo(expected, 1e-15);
    // soft target 0.25 with output 0.5: −(0.25 ln 0.5 + 0.75 ln 0.5) = ln 2
    expect(losses['binary-cross-entropy'].value(f64([0.5]), 0, f64([0.25]), 0, 1)).to.be.closeTo(Math.LN2, 1e-15);
    const worst = losses['binary-cross-entropy'].value(f64([0]), 0, f64([1]), 0, 1);
    expect(worst).to.be.closeTo(-Math.log(EPSILON), 1e-6);
    expect(EPSILON).to.equal(1e-7);
    const g = new Float64Array(1);
    losses['binary-cross-entropy'].gradient(f64([1]), 0, f64([0]), 0, 1, g);
    expect(Number.isFinite(g[0])).to.equal(true);
  });

  it('cross-entropy: −Σ t ln y, hand computed; zero targets contribute nothing even where y = 0', () => {
    const value = losses['cross-entropy'].value(f64([0.2, 0.7, 0.1]), 0, f64([0, 1, 0]), 0, 3);
    expect(value).to.be.closeTo(-Math.log(0.7), 1e-15);
    const soft = losses['cross-entropy'].value(f64([0.2, 0.7, 0.1]), 0, f64([0.5, 0.25, 0.25]), 0, 3);
    expect(soft).to.be.closeTo(-(0.5 * Math.log(0.2) + 0.25 * Math.log(0.7) + 0.25 * Math.log(0.1)), 1e-15);
    expect(losses['cross-entropy'].value(f64([0, 1, 0]), 0, f64([0, 1, 0]), 0, 3)).to.be.closeTo(0, 1e-6);
  });

  for (const name of Object.keys(losses)) {
    it(`${name}: gradient with respect to the outputs matches finite differences`, () => {
      const loss = losses[name];
      const y = f64([0.31, 0.62, 0.17, 0.55]);
      const t = name === 'mse' ? f64([-0.4, 1.3, 0.2, 0.9]) : name === 'cross-entropy' ? f64([0.1, 0.6, 0, 0.3]) : f64([1, 0, 0, 1]);
      const grad = new Float64Array(4);
      loss.gradient(y, 0, t, 0, 4, grad);
      const h = 1e-6;
      for (let i = 0; i < 4; i++) {
        const plus = Float64Array.from(y);
        const minus = Float64Array.from(y);
        plus[i] += h;
        minus[i] -= h;
        const numeric = (loss.value(plus, 0, t, 0, 4) - loss.value(minus, 0, t, 0, 4)) / (2 * h);
        expect(grad[i], `${name} ∂/∂y${i}`).to.be.closeTo(numeric, 1e-7 * Math.max(1, Math.abs(numeric)));
      }
    });
  }

  it('defaultLossFor pairs sigmoid → BCE, softmax → CE, everything else → MSE', () => {
    expect(defaultLossFor('sigmoid')).to.equal('binary-cross-entropy');
    expect(defaultLossFor('softmax')).to.equal('cross-entropy');
    for (const name of ['tanh', 'linear', 'relu', 'softplus']) expect(defaultLossFor(name)).to.equal('mse');
  });

  it('getLoss rejects unknown names, listing the accepted ones', () => {
    expect(getLoss('mse')).to.equal(losses.mse);
    expectNnKitError(() => getLoss('hinge'), 'Unknown loss "hinge"', '"mse"', '"binary-cross-entropy"', '"cross-entropy"');
    expectNnKitError(() => getLoss('constructor'), 'Unknown loss');
  });
});
