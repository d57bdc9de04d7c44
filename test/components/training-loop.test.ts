import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { CROWDED_FRAME_MS, FRAME_BUDGET_MS, TrainingLoop } from '../../components/shared/training-loop.js';

/** A widget that counts the frames its loop gives it, and spends `busyMs` of each it works in. */
class LoopHost extends LitElement {
  /** The frame (by the page's own count) of each onFrame call. */
  readonly worked: number[] = [];
  frameOf = () => 0;
  busyMs = 0;
  readonly loop = new TrainingLoop(this, (budget) => {
    expect(budget).to.equal(FRAME_BUDGET_MS);
    this.worked.push(this.frameOf());
    const start = performance.now();
    while (performance.now() - start < this.busyMs);
  });

  override render() {
    return html`<div style="height: 40px">loop</div>`;
  }
}
customElements.define('test-loop-host', LoopHost);

/**
 * Counts the page's frames, for `frames` frames (asked for first, so each frame counts before
 * any loop works), spending `busyMs` of each on the page's own work, which is no widget's.
 */
function countFrames(frames: number, busyMs = 0): { count: () => number; done: Promise<void> } {
  let count = 0;
  const done = new Promise<void>((resolve) => {
    const frame = (start: number) => {
      count++;
      while (performance.now() - start < busyMs);
      if (count < frames) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  });
  return { count: () => count, done };
}

/** The frames from a host's first worked one to the last counted in which it did not work. */
function satOut(host: LoopHost, frames: number): number[] {
  const worked = new Set(host.worked);
  const idle: number[] = [];
  for (let frame = host.worked[0]; frame < frames; frame++) if (!worked.has(frame)) idle.push(frame);
  return idle;
}

describe('TrainingLoop', () => {
  it('works in every frame while its widget plays alone, however much of them the page and the widget take', async () => {
    const host = await fixture<LoopHost>(html`<test-loop-host></test-loop-host>`);
    host.busyMs = 4;
    const page = countFrames(30, CROWDED_FRAME_MS + 2);
    host.frameOf = page.count;
    host.loop.play();
    await page.done;
    host.loop.pause();
    expect(host.worked.length).to.be.above(20);
    expect(satOut(host, 30), 'frames sat out').to.deep.equal([]);
  });

  it('sits out every other frame that another widget has already crowded, never two in a row', async () => {
    const [first, second] = await Promise.all([
      fixture<LoopHost>(html`<test-loop-host></test-loop-host>`),
      fixture<LoopHost>(html`<test-loop-host></test-loop-host>`),
    ]);
    first.busyMs = CROWDED_FRAME_MS + 2;
    // A loop runs once its widget is known to be on screen (an IntersectionObserver's first
    // report, late on a busy machine): wait for both, then count from a fresh start.
    first.loop.play();
    second.loop.play();
    await waitUntil(() => first.loop.running && second.loop.running, 'both widgets are on screen');
    first.loop.pause();
    second.loop.pause();
    first.worked.length = second.worked.length = 0;
    const page = countFrames(40);
    first.frameOf = second.frameOf = page.count;
    // Asked for in this order, each frame runs the first widget's loop before the second's.
    first.loop.play();
    second.loop.play();
    await page.done;
    first.loop.pause();
    second.loop.pause();
    expect(first.worked.length, 'frames the first widget worked in').to.be.at.least(35);
    expect(satOut(first, 40), 'the first widget, whose turn comes first').to.deep.equal([]);
    const idle = satOut(second, 40);
    expect(idle.length, 'frames the second widget sat out').to.be.at.least(10);
    for (let i = 1; i < idle.length; i++) expect(idle[i] - idle[i - 1], `frames ${idle[i - 1]} and ${idle[i]} both sat out`).to.be.above(1);
  });
});
