/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import {
  Descent,
  ESCAPE,
  Network,
  Random,
  Trainer,
  WeightSlice,
  getSurface,
  lineSlice,
  makeDataset,
  sampleGrid,
  surfaces,
  weightIndexOf,
} from '../../src/index.js';
import { expectNnKitError, relativeError } from './helpers.js';

const NAMES = ['bowl', 'ravine', 'saddle', 'rosenbrock', 'two-minima', 'plateau'];

/** Central differences of f at (x, y). */
function numericGradient(f: (x: number, y: number) => number, x: number, y: number, h = 1e-5): [number, number] {
  return [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)];
}

/** Points to check a surface at: its start, its minima, and seeded random points inside its square. */
function pointsOf(name: string): [number, number][] {
  const s = surfaces[name];
  const random = new Random(7);
  const { xMin, xMax, yMin, yMax } = s.bounds;
  const inside = Array.from({ length: 20 }, (): [number, number] => [random.uniform(xMin, xMax), random.uniform(yMin, yMax)]);
  return [[...s.start], ...s.minima.map((m): [number, number] => [...m]), ...inside];
}

describe('loss surfaces', () => {
  it('are bowl, ravine, saddle, rosenbrock, two-minima and plateau; an unknown name lists them', () => {
    expect(Object.keys(surfaces)).to.deep.equal(NAMES);
    expect(getSurface('ravine')).to.equal(surfaces.ravine);
    expectNnKitError(() => getSurface('volcano'), 'Unknown surface "volcano"', '"bowl"', '"plateau"');
    expectNnKitError(() => getSurface('__proto__'), 'Unknown surface');
  });

  for (const name of NAMES) {
    it(`${name}: the analytic gradient matches finite differences everywhere in its square`, () => {
      const s = surfaces[name];
      for (const [x, y] of pointsOf(name)) {
        const g = s.gradient(x, y, new Float64Array(2));
        const [nx, ny] = numericGradient(s.f, x, y);
        // Absolute room where the gradient is near zero (at a minimum): there the quotient's own
        // error, h²·|f‴|/6 (Rosenbrock's f‴ reaches 2400: 4e-8), is all that is left.
        expect(relativeError(g[0], nx) < 1e-7 || Math.abs(g[0] - nx) < 1e-7, `∂L/∂x at (${x}, ${y}): ${g[0]} vs ${nx}`).to.equal(true);
        expect(relativeError(g[1], ny) < 1e-7 || Math.abs(g[1] - ny) < 1e-7, `∂L/∂y at (${x}, ${y}): ${g[1]} vs ${ny}`).to.equal(true);
      }
    });

    it(`${name}: formula, square, start and minima make sense`, () => {
      const s = surfaces[name];
      expect(s.formula.text).to.match(/^L = /);
      const doc = new DOMParser().parseFromString(`<math xmlns="http://www.w3.org/1998/Math/MathML">${s.formula.mathml}</math>`, 'application/xml');
      expect(doc.querySelector('parsererror'), 'the MathML is well formed').to.equal(null);
      expect(doc.documentElement.textContent).to.include('x');
      const { xMin, xMax, yMin, yMax } = s.bounds;
      const inside = ([x, y]: readonly number[]) => x > xMin && x < xMax && y > yMin && y < yMax;
      expect(inside(s.start), 'the start is inside the square').to.equal(true);
      expect(s.f(...s.start)).to.be.greaterThan(s.f(...s.minima[0]));
      for (const minimum of s.minima) {
        expect(inside(minimum), 'each minimum is inside the square').to.equal(true);
        const g = s.gradient(minimum[0], minimum[1], new Float64Array(2));
        expect(Math.hypot(g[0], g[1]), `∇L at the minimum ${minimum}`).to.be.below(1e-12);
      }
      // The deepest minimum is at least as low as anywhere on a fine grid of the square.
      const grid = new Float64Array(200 * 200);
      const { min } = sampleGrid(s.f, s.bounds, 200, 200, grid);
      expect(s.f(...s.minima[0])).to.be.at.most(min);
    });

    it(`${name}: one step of plain gradient descent moves by exactly −α∇L(start)`, () => {
      const s = surfaces[name];
      for (const rate of [s.learningRate, s.learningRate * 0.375, s.learningRate * 3]) {
        const run = new Descent(s, { learningRate: rate, start: s.start, bounds: s.bounds });
        const [gx, gy] = s.gradient(s.start[0], s.start[1], new Float64Array(2));
        run.step();
        expect(run.path).to.have.length(2);
        expect(run.path[1].x).to.equal(s.start[0] - rate * gx);
        expect(run.path[1].y).to.equal(s.start[1] - rate * gy);
        expect(run.path[1].loss).to.equal(s.f(run.path[1].x, run.path[1].y));
      }
    });

    it(`${name}: plain gradient descent at its suggested learning rate goes downhill without diverging`, () => {
      const s = surfaces[name];
      const run = new Descent(s, { learningRate: s.learningRate, start: s.start, bounds: s.bounds });
      for (let i = 0; i < 500; i++) expect(run.step(), `step ${i + 1}`).to.equal(true);
      expect(run.current.loss).to.be.below(run.path[0].loss);
      expect(run.diverged).to.equal(false);
    });
  }

  it('lowers the loss faster with momentum than plain descent where the valley is long (ravine, rosenbrock)', () => {
    for (const name of ['ravine', 'rosenbrock']) {
      const s = surfaces[name];
      const after = (optimizer: string) => {
        const run = new Descent(s, { optimizer, learningRate: s.learningRate, start: s.start, bounds: s.bounds });
        for (let i = 0; i < 200; i++) run.step();
        return run.current.loss;
      };
      expect(after('momentum'), name).to.be.below(after('sgd') / 10);
    }
  });

  it('momentum and Adam follow their update rules on two parameters', () => {
    const s = surfaces.ravine;
    const rate = 0.1;
    const momentum = new Descent(s, { optimizer: 'momentum', learningRate: rate, start: s.start, bounds: s.bounds });
    let [x, y] = s.start;
    let [vx, vy] = [0, 0];
    for (let i = 0; i < 5; i++) {
      [vx, vy] = [0.9 * vx - rate * (x / 10), 0.9 * vy - rate * (2 * y)];
      [x, y] = [x + vx, y + vy];
      momentum.step();
      expect(momentum.current.x).to.be.closeTo(x, 1e-15);
      expect(momentum.current.y).to.be.closeTo(y, 1e-15);
    }
    // Adam's first step moves each parameter by about α·sign(g), whatever the gradient's size.
    const adam = new Descent(s, { optimizer: 'adam', learningRate: rate, start: s.start, bounds: s.bounds });
    adam.step();
    expect(adam.current.x - s.start[0]).to.be.closeTo(rate, 1e-4 * rate);
    expect(adam.current.y - s.start[1]).to.be.closeTo(-rate, 1e-4 * rate);
  });

  it('preview() is the next step, worked out without taking it', () => {
    for (const optimizer of ['sgd', 'momentum', 'adam']) {
      const s = surfaces.saddle;
      const run = new Descent(s, { optimizer, learningRate: 0.1, start: s.start, bounds: s.bounds });
      for (let i = 0; i < 3; i++) run.step();
      const preview = run.preview();
      const again = run.preview();
      expect(again, 'previewing twice gives the same').to.deep.equal(preview);
      expect(run.steps, 'the run did not move').to.equal(3);
      expect(preview.step).to.equal(4);
      expect(preview.from).to.equal(run.current);
      expect(preview.gradient).to.deep.equal(Array.from(s.gradient(run.current.x, run.current.y, new Float64Array(2))));
      run.step();
      expect(preview.to, optimizer).to.deep.equal(run.current);
      if (optimizer === 'momentum') {
        expect(preview.velocity!.after[0]).to.be.closeTo(run.current.x - run.path[3].x, 1e-15);
      }
      if (optimizer === 'adam') expect(preview.moments!.rate).to.be.closeTo((0.1 * Math.sqrt(1 - 0.999 ** 4)) / (1 - 0.9 ** 4), 1e-16);
    }
  });

  it('diverges when a step leaves the square ESCAPE widths behind, keeping that point', () => {
    const s = surfaces.bowl;
    // Each step multiplies the distance from the minimum by −1.1: it grows without end.
    const run = new Descent(s, { learningRate: 1.05, start: s.start, bounds: s.bounds });
    let steps = 0;
    while (run.step()) steps++;
    expect(run.diverged).to.equal(true);
    expect(run.divergence).to.equal('escape');
    const last = run.current;
    const width = s.bounds.xMax - s.bounds.xMin;
    expect(Math.max(Math.abs(last.x), Math.abs(last.y))).to.be.above(s.bounds.xMax + ESCAPE * width);
    expect(run.steps).to.equal(steps + 1);
    expect(run.path.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && Number.isFinite(p.loss))).to.equal(true);
    expect(run.step(), 'a diverged run takes no more steps').to.equal(false);
    expect(run.steps).to.equal(steps + 1);
  });

  it('diverges when the loss or the update overflows, and keeps no non-finite point', () => {
    const s = surfaces.bowl;
    const run = new Descent(s, { learningRate: 1e300, start: s.start, bounds: s.bounds });
    expect(run.step()).to.equal(false);
    expect(run.diverged).to.equal(true);
    expect(run.divergence).to.equal('overflow');
    expect(run.path).to.have.length(1);
    expect(run.preview().to).to.equal(undefined);
    // A gradient that overflows: Rosenbrock far out.
    const far = new Descent(surfaces.rosenbrock, { learningRate: 0.001, start: [1e103, 1e103], bounds: surfaces.rosenbrock.bounds });
    expect(far.step()).to.equal(false);
    expect(far.divergence).to.equal('overflow');
    expect(far.path.map((p) => p.x)).to.deep.equal([1e103]);
  });

  it('refuses a bad learning rate, start or square with a message', () => {
    const s = surfaces.bowl;
    expectNnKitError(() => new Descent(s, { learningRate: -1, start: [0, 0], bounds: s.bounds }), 'learning rate');
    expectNnKitError(() => new Descent(s, { learningRate: Number.NaN, start: [0, 0], bounds: s.bounds }), 'learning rate');
    expectNnKitError(() => new Descent(s, { learningRate: 0.1, start: [0, Number.POSITIVE_INFINITY], bounds: s.bounds }), 'start');
    expectNnKitError(() => new Descent(s, { learningRate: 0.1, start: [0, 0], bounds: { xMin: 1, xMax: 1, yMin: 0, yMax: 1 } }), 'bounds');
    expectNnKitError(() => new Descent(s, { optimizer: 'rmsprop', learningRate: 0.1, start: [0, 0], bounds: s.bounds }), 'Unknown optimizer');
  });

  it('is deterministic: the same settings give the same path, bit for bit', () => {
    for (const name of NAMES) {
      for (const optimizer of ['sgd', 'momentum', 'adam']) {
        const s = surfaces[name];
        const run = () => {
          const d = new Descent(s, { optimizer, learningRate: s.learningRate, start: s.start, bounds: s.bounds });
          for (let i = 0; i < 100; i++) d.step();
          return d.path;
        };
        expect(run()).to.deep.equal(run());
      }
    }
  });

  it('sampleGrid samples cell centres row by row from the top, also a part at a time', () => {
    const f = (x: number, y: number) => 10 * x + y;
    const bounds = { xMin: 0, xMax: 4, yMin: 0, yMax: 2 };
    const grid = new Float64Array(8);
    const extent = sampleGrid(f, bounds, 4, 2, grid);
    // Centres: x = 0.5, 1.5, 2.5, 3.5; y = 1.5 (top row), then 0.5.
    expect(Array.from(grid)).to.deep.equal([6.5, 16.5, 26.5, 36.5, 5.5, 15.5, 25.5, 35.5]);
    expect(extent).to.deep.equal({ min: 5.5, max: 36.5 });
    const parts = new Float64Array(8);
    sampleGrid(f, bounds, 4, 2, parts, 0, 3);
    sampleGrid(f, bounds, 4, 2, parts, 3, 5);
    expect(parts).to.deep.equal(grid);
    const holes = sampleGrid((x) => (x < 2 ? Number.NaN : x > 3 ? Number.POSITIVE_INFINITY : x), bounds, 4, 2, grid);
    expect(holes, 'only finite values count').to.deep.equal({ min: 2.5, max: 2.5 });
    expect(sampleGrid(() => Number.NaN, bounds, 4, 2, grid).min).to.be.NaN;
  });

  it('lineSlice gives the loss along the step and the tangent slope ∇L·Δ', () => {
    const s = surfaces.bowl;
    const run = new Descent(s, { learningRate: 1.25, start: [1, 0.5], bounds: s.bounds });
    const preview = run.preview();
    const ends = lineSlice(s, preview, 0, 1, 2);
    expect(ends.t).to.deep.equal([0, 1]);
    expect(ends.loss).to.deep.equal([preview.from.loss, preview.to!.loss]);
    // Δ = −1.25·∇L = −1.25·(2, 1) = (−2.5, −1.25): slope 2·(−2.5) + 1·(−1.25).
    expect(ends.slope).to.equal(-6.25);
    // L(t) = 1.25·(1 − 2.5t)²: the step overshoots, landing higher up the other side.
    expect(ends.loss[1]).to.be.above(ends.loss[0]);
    const slice = lineSlice(s, preview);
    expect(slice.t[0]).to.equal(-0.5);
    expect(slice.t.at(-1)).to.equal(1.5);
    slice.t.forEach((t, i) => expect(slice.loss[i]).to.be.closeTo(1.25 * (1 - 2.5 * t) ** 2, 1e-12));
    const h = 1e-6;
    expect(relativeError(slice.slope, (1.25 * (1 - 2.5 * h) ** 2 - 1.25 * (1 + 2.5 * h) ** 2) / (2 * h))).to.be.below(1e-8);
  });
});

describe('WeightSlice: a trainer\'s training loss over two of its weights', () => {
  const make = () => {
    const network = new Network({ layers: [2, 3, 1], activation: 'tanh', outputActivation: 'sigmoid', seed: 3 });
    const data = makeDataset('xor', { samples: 40, seed: 2 });
    return new Trainer(network, data, { learningRate: 0.1, batchSize: 8 });
  };

  it('is the trainer\'s own evaluation at the current weights, and puts every weight back', () => {
    const trainer = make();
    for (let i = 0; i < 7; i++) trainer.step();
    const slice = new WeightSlice(trainer, [0, 0, 0], [0, 0, 1]);
    const before = Float64Array.from(trainer.network.weights);
    const [x, y] = slice.current;
    expect([x, y]).to.deep.equal([before[0], before[1]]);
    expect(slice.f(x, y)).to.equal(trainer.evaluate().loss);
    const elsewhere = slice.f(x + 1, y - 2);
    expect(elsewhere).to.not.equal(slice.f(x, y));
    slice.gradient(3, -4, new Float64Array(2));
    expect(trainer.network.weights).to.deep.equal(before);
    // Set by hand, the same weights give the same loss.
    trainer.network.weights[0] = x + 1;
    trainer.network.weights[1] = y - 2;
    expect(trainer.evaluate().loss).to.equal(elsewhere);
  });

  it('has backpropagation\'s full-batch gradient, matching finite differences', () => {
    const trainer = make();
    for (const places of [
      [[0, 0, 0], [0, 0, 1]],
      [[0, 2, 1], [1, 0, 2]],
    ] as const) {
      const slice = new WeightSlice(trainer, places[0], places[1]);
      for (const [x, y] of [slice.current, [0.4, -1.3], [-2, 2.5]] as [number, number][]) {
        const g = slice.gradient(x, y, new Float64Array(2));
        const [nx, ny] = numericGradient(slice.f, x, y, 1e-6);
        expect(relativeError(g[0], nx), `∂L/∂w₁ at (${x}, ${y})`).to.be.below(1e-6);
        expect(relativeError(g[1], ny), `∂L/∂w₂ at (${x}, ${y})`).to.be.below(1e-6);
      }
    }
  });

  it('steps with Descent like any surface, and follows the trainer as it trains', () => {
    const trainer = make();
    const slice = new WeightSlice(trainer, [0, 1, 0], [0, 1, 1]);
    const run = new Descent(slice, { learningRate: 0.5, start: slice.current, bounds: { xMin: -4, xMax: 4, yMin: -4, yMax: 4 } });
    for (let i = 0; i < 20; i++) run.step();
    expect(run.current.loss).to.be.below(run.path[0].loss);
    const start = slice.current;
    trainer.epoch();
    expect(slice.current).to.not.deep.equal(start);
    expect(slice.f(...slice.current)).to.equal(trainer.evaluate().loss);
  });

  it('frozen() keeps the landscape of the moment while the trainer moves on', () => {
    const trainer = make();
    const slice = new WeightSlice(trainer, [0, 0, 0], [1, 0, 2]);
    const landscape = slice.frozen();
    const points: [number, number][] = [[0.5, -1], [-2, 1.5]];
    const before = points.map(([x, y]) => slice.f(x, y));
    trainer.epoch();
    const weights = Float64Array.from(trainer.network.weights);
    const biases = Float64Array.from(trainer.network.biases);
    expect(points.map(([x, y]) => landscape(x, y))).to.deep.equal(before);
    expect(points.map(([x, y]) => slice.f(x, y))).to.not.deep.equal(before);
    expect(trainer.network.weights, 'the trained weights are back').to.deep.equal(weights);
    expect(trainer.network.biases).to.deep.equal(biases);
  });

  it('names the weights that exist when asked for one that does not', () => {
    const trainer = make();
    const network = trainer.network;
    expect(weightIndexOf(network, [1, 0, 2])).to.equal(network.weightIndex(1, 0, 2));
    expectNnKitError(() => weightIndexOf(network, [2, 0, 0]), 'weights[2][0][0] does not exist', 'weight layers 0 to 1');
    expectNnKitError(() => weightIndexOf(network, [0, 3, 0]), 'weights[0][3][0]', '3 neuron(s), 0 to 2');
    expectNnKitError(() => weightIndexOf(network, [0, 0, 2]), 'weights[0][0][2]', '2 neuron(s), 0 to 1');
    expectNnKitError(() => weightIndexOf(network, [0, -1, 0]), 'does not exist');
    expectNnKitError(() => weightIndexOf(network, [0, 0.5, 0]), 'does not exist');
    expectNnKitError(() => new WeightSlice(trainer, [0, 1, 1], [0, 1, 1]), 'different');
    expectNnKitError(() => weightIndexOf({ layers: [2, 1], depth: 1 } as unknown as Network, [0, 0, 0]), 'a core Network');
  });
});
