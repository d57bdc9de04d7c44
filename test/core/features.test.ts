/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { applyFeatures, featureName, features, parseFeatures } from '../../src/index.js';
import { expectNnKitError } from './helpers.js';

describe('features', () => {
  it('computes each Playground feature by hand', () => {
    const [x1, x2] = [1.5, -2];
    expect(features.x1.f(x1, x2)).to.equal(1.5);
    expect(features.x2.f(x1, x2)).to.equal(-2);
    expect(features.x1sq.f(x1, x2)).to.equal(2.25);
    expect(features.x2sq.f(x1, x2)).to.equal(4);
    expect(features.x1x2.f(x1, x2)).to.equal(-3);
    expect(features['sin-x1'].f(x1, x2)).to.equal(Math.sin(1.5));
    expect(features['sin-x2'].f(x1, x2)).to.equal(Math.sin(-2));
    for (const feature of Object.values(features)) expect(feature.label.trim()).to.not.equal('');
  });

  it('parseFeatures accepts aliases, any case and spaces, and drops repeats in order', () => {
    const picked = parseFeatures(['X1', ' x2 ', 'x1^2', 'X2²', 'x1 * x2', 'sin(X1)', 'sinx2', 'x1sq', 'x1']);
    expect(picked.map((f) => f.name)).to.deep.equal(['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin-x1', 'sin-x2']);
  });

  it('featureName reads one spelling, and says undefined for an unknown one', () => {
    expect(featureName(' Sin(X1) ')).to.equal('sin-x1');
    expect(featureName('x1^2')).to.equal('x1sq');
    expect(featureName('x3')).to.equal(undefined);
    expect(featureName('__proto__')).to.equal(undefined);
  });

  it('applyFeatures maps points to feature rows', () => {
    const picked = parseFeatures(['x1x2', 'x1', 'x2sq']);
    expect(applyFeatures([[2, 3], [-1, 0.5]], picked)).to.deep.equal([
      [6, 2, 9],
      [-0.5, -1, 0.25],
    ]);
  });

  it('rejects unknown and empty feature lists with the accepted names', () => {
    expectNnKitError(() => parseFeatures(['x3']), 'Unknown feature "x3"', '"x1"', '"sin-x2"');
    expectNnKitError(() => parseFeatures(['x1', 'cos(x1)']), 'Unknown feature "cos(x1)"');
    expectNnKitError(() => parseFeatures(['__proto__']), 'Unknown feature');
    expectNnKitError(() => parseFeatures(['toString']), 'Unknown feature');
    expectNnKitError(() => parseFeatures([]), 'at least one feature');
  });
});
