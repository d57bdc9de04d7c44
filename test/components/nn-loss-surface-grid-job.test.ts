// The landscape's sampler (components/nn-loss-surface/grid-job.ts) in idle periods: however
// much a cell costs (a forward pass over a whole data set, say), one idle callback works for
// its slice of a few milliseconds and a few cells past it, never a whole row; every cell is
// sampled once, in order, and the values are those of sampling all at once.
import { expect } from '@open-wc/testing';
import { GridJob } from '../../components/nn-loss-surface/grid-job.js';

describe('GridJob', () => {
  const bounds = { xMin: -1, xMax: 1, yMin: -2, yMax: 2 };
  const f = (x: number, y: number) => x * x + 3 * y;

  it('samples a costly grid a few cells per idle callback, each cell once, to the values of one pass', async () => {
    // A clock that moves 1 ms for every cell sampled: a row of 12 cells would take 12 ms.
    const realNow = performance.now.bind(performance);
    let clock = 0;
    const cellsPerCallback: number[] = [];
    let sampled = 0;
    const costly = (x: number, y: number) => {
      clock += 1;
      sampled++;
      return f(x, y);
    };
    performance.now = () => clock;
    try {
      const job = new GridJob(costly, bounds, 12, 4);
      await new Promise<void>((done) => {
        let before = 0;
        const record = () => {
          cellsPerCallback.push(sampled - before);
          before = sampled;
        };
        job.runIdle(record, () => {
          record();
          done();
        });
      });
      expect(sampled, 'every cell once').to.equal(12 * 4);
      expect(Math.max(...cellsPerCallback), 'cells in the busiest idle callback').to.be.at.most(8);
      const whole = new GridJob(f, bounds, 12, 4);
      whole.runAll();
      expect(Array.from(job.values)).to.deep.equal(Array.from(whole.values));
    } finally {
      performance.now = realNow;
    }
  });
});
