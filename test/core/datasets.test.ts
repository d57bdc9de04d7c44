/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { DATA_EXTENT, MAX_SAMPLES, Random, datasets, makeDataset, oneHot, splitData } from '../../src/index.js';
import { expectNnKitError } from './helpers.js';

const NAMES = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'plane', 'reg-gauss', 'sine'];

describe('datasets', () => {
  it('offers the Playground sets, moons and a sine', () => {
    expect(Object.keys(datasets).sort()).to.deep.equal([...NAMES].sort());
    expect(DATA_EXTENT).to.equal(6);
    expect(MAX_SAMPLES).to.equal(10_000);
  });

  for (const name of NAMES) {
    it(`${name}: shape, kind, finite values and determinism`, () => {
      const spec = datasets[name];
      const data = makeDataset(name, { samples: 200, noise: 10, seed: 5 });
      expect(data.kind).to.equal(spec.kind);
      expect(data.inputs.length).to.equal(200);
      expect(data.targets.length).to.equal(200);
      for (const row of data.inputs) {
        expect(row.length).to.equal(spec.dimensions);
        for (const v of row) expect(Number.isFinite(v)).to.equal(true);
      }
      for (const row of data.targets) {
        expect(row.length).to.equal(1);
        if (spec.kind === 'classification') expect([0, 1]).to.include(row[0]);
        else expect(Number.isFinite(row[0])).to.equal(true);
      }
      // Same options → identical points.
      expect(makeDataset(name, { samples: 200, noise: 10, seed: 5 })).to.deep.equal(data);
      // Different seed → different points.
      const other = makeDataset(name, { samples: 200, noise: 10, seed: 6 });
      expect(other.inputs).to.not.deep.equal(data.inputs);
      // Default size is 500.
      expect(makeDataset(name).inputs.length).to.equal(500);
    });
  }

  it('circle (no noise): label 1 exactly inside radius 2.5, two equal halves, within radius 5', () => {
    const data = makeDataset('circle', { samples: 400 });
    let positives = 0;
    data.inputs.forEach(([x, y], i) => {
      const r = Math.hypot(x, y);
      expect(r).to.be.at.most(5);
      expect(data.targets[i][0]).to.equal(r < 2.5 ? 1 : 0);
      positives += data.targets[i][0];
    });
    expect(positives).to.equal(200);
  });

  it('xor (no noise): label is 1 where x·y ≥ 0; points keep 0.3 away from the axes', () => {
    const data = makeDataset('xor', { samples: 400 });
    data.inputs.forEach(([x, y], i) => {
      expect(data.targets[i][0]).to.equal(x * y >= 0 ? 1 : 0);
      expect(Math.abs(x)).to.be.at.least(0.3);
      expect(Math.abs(y)).to.be.at.least(0.3);
      expect(Math.abs(x)).to.be.at.most(5.3);
    });
  });

  it('gauss: the two classes centre near (2, 2) and (−2, −2)', () => {
    const data = makeDataset('gauss', { samples: 2000 });
    const mean = (label: number) => {
      const rows = data.inputs.filter((_, i) => data.targets[i][0] === label);
      expect(rows.length).to.equal(1000);
      return [0, 1].map((c) => rows.reduce((s, r) => s + r[c], 0) / rows.length);
    };
    // deviation √0.5 ≈ 0.71 per coordinate: the mean of 1000 is within ±0.1 with huge margin.
    for (const m of mean(1)) expect(m).to.be.closeTo(2, 0.1);
    for (const m of mean(0)) expect(m).to.be.closeTo(-2, 0.1);
  });

  it('spiral: two arms of equal size, radius at most 5 without noise', () => {
    const data = makeDataset('spiral', { samples: 301 });
    expect(data.targets.filter((t) => t[0] === 1).length).to.equal(150);
    for (const [x, y] of data.inputs) expect(Math.hypot(x, y)).to.be.at.most(5 + 1e-12);
  });

  it('moons: half upper (label 1), half lower', () => {
    const data = makeDataset('moons', { samples: 300 });
    expect(data.targets.filter((t) => t[0] === 1).length).to.equal(150);
  });

  it('plane (no noise): target = clamp((x + y)/10, −1, 1), points in the square', () => {
    const data = makeDataset('plane', { samples: 300 });
    data.inputs.forEach(([x, y], i) => {
      expect(Math.abs(x)).to.be.at.most(DATA_EXTENT);
      expect(Math.abs(y)).to.be.at.most(DATA_EXTENT);
      expect(data.targets[i][0]).to.be.closeTo(Math.max(-1, Math.min(1, (x + y) / 10)), 1e-15);
    });
  });

  it('reg-gauss: targets within [−1, 1]; sine (no noise): target = sin(x)', () => {
    for (const [t] of makeDataset('reg-gauss', { samples: 300 }).targets) expect(t).to.be.within(-1, 1);
    const sine = makeDataset('sine', { samples: 300 });
    sine.inputs.forEach(([x], i) => {
      expect(Math.abs(x)).to.be.at.most(DATA_EXTENT);
      expect(sine.targets[i][0]).to.be.closeTo(Math.sin(x), 1e-15);
    });
  });

  it('noise changes points, and noise 0 equals the default', () => {
    expect(makeDataset('sine', { noise: 0 })).to.deep.equal(makeDataset('sine'));
    expect(makeDataset('sine', { noise: 20 }).targets).to.not.deep.equal(makeDataset('sine').targets);
  });

  it('rejects unknown names, bad sample counts and bad noise', () => {
    expectNnKitError(() => makeDataset('spirals'), 'Unknown dataset "spirals"', '"circle"', '"sine"');
    expectNnKitError(() => makeDataset('__proto__'), 'Unknown dataset');
    for (const samples of [1, 0, -5, 2.5, MAX_SAMPLES + 1, NaN]) {
      expectNnKitError(() => makeDataset('circle', { samples }), 'Samples', '10000');
    }
    expect(makeDataset('circle', { samples: 2 }).inputs.length).to.equal(2);
    for (const noise of [-1, 51, NaN, Infinity]) expectNnKitError(() => makeDataset('circle', { noise }), 'Noise', '0 to 50');
  });
});

describe('splitData and oneHot', () => {
  const data = { inputs: Array.from({ length: 10 }, (_, i) => [i, -i]), targets: Array.from({ length: 10 }, (_, i) => [i % 2]) };

  it('splits into a partition of the rows with pairs kept together', () => {
    const { train, test } = splitData(data, 0.5, new Random(3));
    expect(train.inputs.length).to.equal(5);
    expect(test.inputs.length).to.equal(5);
    const seen = [...train.inputs, ...test.inputs].map((r) => r[0]).sort((a, b) => a - b);
    expect(seen).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const part of [train, test]) part.inputs.forEach((r, i) => expect(part.targets[i][0]).to.equal(r[0] % 2));
    const trainFirst = train.inputs.map((r) => r[0]);
    expect(trainFirst).to.not.deep.equal([0, 1, 2, 3, 4]); // shuffled (for this seed)
  });

  it('is deterministic per seed, differs across seeds, and keeps both sides non-empty', () => {
    expect(splitData(data, 0.3, new Random(8))).to.deep.equal(splitData(data, 0.3, new Random(8)));
    expect(splitData(data, 0.3, new Random(8)).train).to.not.deep.equal(splitData(data, 0.3, new Random(9)).train);
    expect(splitData(data, 0.3, new Random(8)).train.inputs.length).to.equal(3);
    expect(splitData(data, 0.01, new Random(1)).train.inputs.length).to.equal(1);
    expect(splitData(data, 0.99, new Random(1)).test.inputs.length).to.equal(1);
    for (const f of [0, 1, -0.5, 1.5, NaN]) expectNnKitError(() => splitData(data, f, new Random(1)), 'training fraction');
  });

  it('oneHot builds indicator rows', () => {
    expect(oneHot([2, 0, 1], 3)).to.deep.equal([
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });
});

describe('datasets with more than two classes', () => {
  for (const name of ['spiral', 'gauss', 'circle']) {
    for (const classes of [3, 6]) {
      it(`${name} with ${classes} classes: one-hot targets, every class about equally, seeded`, () => {
        const data = makeDataset(name, { samples: 300, classes, seed: 4 });
        expect(data.kind).to.equal('classification');
        const counts = new Array(classes).fill(0);
        for (const target of data.targets) {
          expect(target.length).to.equal(classes);
          expect(target.filter((value) => value === 1).length, 'exactly one class').to.equal(1);
          expect(target.every((value) => value === 0 || value === 1)).to.equal(true);
          counts[target.indexOf(1)]++;
        }
        for (const count of counts) expect(count).to.be.within(Math.floor(300 / classes), Math.ceil(300 / classes));
        for (const row of data.inputs) for (const value of row) expect(Number.isFinite(value) && Math.abs(value) <= 2 * DATA_EXTENT).to.equal(true);
        expect(makeDataset(name, { samples: 300, classes, seed: 4 })).to.deep.equal(data);
      });
    }
  }

  it('two classes are the original sets, unchanged', () => {
    expect(makeDataset('spiral', { seed: 3, classes: 2 })).to.deep.equal(makeDataset('spiral', { seed: 3 }));
  });

  it('rejects a class count outside 2–6, and sets that have only two classes', () => {
    expectNnKitError(() => makeDataset('spiral', { classes: 7 }), /Classes must be a whole number from 2 to 6/);
    expectNnKitError(() => makeDataset('gauss', { classes: 2.5 }), /Classes must be a whole number/);
    expectNnKitError(() => makeDataset('xor', { classes: 3 }), /two classes; more classes apply to circle, gauss, spiral/);
    expectNnKitError(() => makeDataset('sine', { classes: 3 }), /is for regression; more classes apply to/);
  });
});
