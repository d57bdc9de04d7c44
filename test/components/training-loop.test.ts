import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { CROWDED_FRAME_MS, FRAME_BUDGET_MS, TrainingLoop } from '../../components/shared/training-loop.js';

/** A widget that only counts the frames its loop gives it. */
class LoopHost extends LitElement {
  /** The frame (by the page's own count) of each onFrame call. */
  readonly worked: number[] = [];
  frameOf = () => 0;
  readonly loop = new TrainingLoop(this, (budget) => {
    expect(budget).to.equal(FRAME_BUDGET_MS);
    this.worked.push(this.frameOf());
  });

  override render() {
    return html`<div style="height: 40px">loop</div>`;
  }
}
customElements.define('test-loop-host', LoopHost);

/**
 * Counts the page's frames for `frames` frames; each frame, before any loop's turn, spends
 * `busyMs` of it (another widget's work) when given.
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

describe('TrainingLoop', () => {
  it('works in the frames of a page with nothing else to do', async () => {
    const host = await fixture<LoopHost>(html`<test-loop-host></test-loop-host>`);
    const page = countFrames(40);
    host.frameOf = page.count;
    host.loop.play();
    await page.done;
    host.loop.pause();
    expect(host.worked.length, `worked in ${host.worked.length} of 40 frames`).to.be.at.least(30);
  });

  it('sits out every other frame that other widgets have already crowded, never two in a row', async () => {
    const host = await fixture<LoopHost>(html`<test-loop-host></test-loop-host>`);
    // The other widget's callback is asked for first, so each frame runs it before the loop.
    const page = countFrames(40, CROWDED_FRAME_MS + 2);
    host.frameOf = page.count;
    host.loop.play();
    await page.done;
    host.loop.pause();
    const worked = new Set(host.worked);
    const first = host.worked[0];
    const idle: number[] = [];
    for (let frame = first; frame < 40; frame++) if (!worked.has(frame)) idle.push(frame);
    expect(idle.length, 'frames sat out').to.be.at.least(10);
    for (let i = 1; i < idle.length; i++) expect(idle[i] - idle[i - 1], `frames ${idle[i - 1]} and ${idle[i]} both sat out`).to.be.above(1);
  });
});
