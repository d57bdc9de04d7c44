// What an element leaves behind when a page removes it. Chromium only (the emulation group
// in web-test-runner.config.js): the heap checks need gc() (--js-flags=--expose-gc) and exact
// performance.memory figures (--enable-precise-memory-info).
//
// The page's requestAnimationFrame, setTimeout, observers and document/window listeners are
// wrapped below, so the tests can count what is still pending or attached. The tests wait
// with the browser's own requestAnimationFrame, which the counts do not include.
import { expect } from '@open-wc/testing';
import '../../components/nn-activation-plot/nn-activation-plot.js';
import '../../components/nn-network/nn-network.js';
import '../../components/nn-neuron/nn-neuron.js';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnActivationPlot } from '../../components/nn-activation-plot/nn-activation-plot.js';
import type { NnNetwork } from '../../components/nn-network/nn-network.js';
import type { NnNeuron } from '../../components/nn-neuron/nn-neuron.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';

// ---- instrumentation ----

const nativeFrame = window.requestAnimationFrame.bind(window);
const nativeCancelFrame = window.cancelAnimationFrame.bind(window);
const nativeTimeout = window.setTimeout.bind(window);
const nativeClearTimeout = window.clearTimeout.bind(window);

const pendingFrames = new Set<number>();
const pendingTimers = new Set<number>();
/** rAF callbacks of the page (not the tests' own) that have run. */
let framesRun = 0;

window.requestAnimationFrame = (callback: FrameRequestCallback): number => {
  const id = nativeFrame((time) => {
    pendingFrames.delete(id);
    framesRun++;
    callback(time);
  });
  pendingFrames.add(id);
  return id;
};
window.cancelAnimationFrame = (id: number): void => {
  pendingFrames.delete(id);
  nativeCancelFrame(id);
};
window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]): number => {
  const id = nativeTimeout(() => {
    pendingTimers.delete(id);
    if (typeof handler === 'function') handler(...rest);
  }, delay);
  pendingTimers.add(id);
  return id;
}) as typeof window.setTimeout;
window.clearTimeout = ((id?: number): void => {
  if (id !== undefined) pendingTimers.delete(id);
  nativeClearTimeout(id);
}) as typeof window.clearTimeout;

type ObserverName = 'IntersectionObserver' | 'ResizeObserver' | 'MutationObserver';
/** Observers observing something right now. */
const liveObservers: Record<ObserverName, Set<object>> = {
  IntersectionObserver: new Set(),
  ResizeObserver: new Set(),
  MutationObserver: new Set(),
};
for (const name of Object.keys(liveObservers) as ObserverName[]) {
  const Base = window[name] as unknown as new (...args: never[]) => {
    observe(...args: unknown[]): void;
    unobserve?(target: Element): void;
    disconnect(): void;
  };
  const live = liveObservers[name];
  const targets = new WeakMap<object, Set<unknown>>();
  const Tracked = class extends Base {
    override observe(target: unknown, ...rest: unknown[]): void {
      const set = targets.get(this) ?? new Set();
      set.add(target);
      targets.set(this, set);
      live.add(this);
      super.observe(target, ...rest);
    }
    override unobserve(target: Element): void {
      const set = targets.get(this);
      set?.delete(target);
      if (!set?.size) live.delete(this);
      super.unobserve?.(target);
    }
    override disconnect(): void {
      targets.delete(this);
      live.delete(this);
      super.disconnect();
    }
  };
  (window as unknown as Record<string, unknown>)[name] = Tracked;
}

/** Listeners attached to the targets we watch: the document, the window and chosen elements. */
const watchedTargets = new Set<EventTarget>([document, window]);
const listeners = new Map<EventTarget, Set<string>>();
const listenerIds = new WeakMap<object, number>();
let nextListenerId = 1;
const listenerKey = (type: string, listener: unknown, options?: boolean | EventListenerOptions) => {
  if (listener == null) return '';
  if (!listenerIds.has(listener as object)) listenerIds.set(listener as object, nextListenerId++);
  const capture = typeof options === 'boolean' ? options : !!options?.capture;
  return `${type}|${listenerIds.get(listener as object)}|${capture}`;
};
const nativeAdd = EventTarget.prototype.addEventListener;
const nativeRemove = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
  if (watchedTargets.has(this) && listener) {
    const set = listeners.get(this) ?? new Set();
    set.add(listenerKey(type, listener, options));
    listeners.set(this, set);
  }
  return nativeAdd.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
  if (watchedTargets.has(this)) listeners.get(this)?.delete(listenerKey(type, listener, options));
  return nativeRemove.call(this, type, listener, options);
};
const listenerCount = (target: EventTarget) => listeners.get(target)?.size ?? 0;

interface Snapshot {
  frames: number;
  timers: number;
  intersection: number;
  resize: number;
  mutation: number;
  documentListeners: number;
  windowListeners: number;
}

function snapshot(): Snapshot {
  return {
    frames: pendingFrames.size,
    timers: pendingTimers.size,
    intersection: liveObservers.IntersectionObserver.size,
    resize: liveObservers.ResizeObserver.size,
    mutation: liveObservers.MutationObserver.size,
    documentListeners: listenerCount(document),
    windowListeners: listenerCount(window),
  };
}

// ---- helpers ----

const frame = () => new Promise<number>((resolve) => nativeFrame(resolve));
async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await frame();
}
const delay = (ms: number) => new Promise<void>((resolve) => nativeTimeout(resolve, ms));

/** Waits frame by frame until `condition` holds; false if it never does within `limit` frames. */
async function until(condition: () => boolean, limit = 300): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    if (condition()) return true;
    await frame();
  }
  return condition();
}

/** A stage at the top of the page, so the elements on it are on screen. */
function stage(): HTMLElement {
  const element = document.createElement('div');
  element.style.width = '720px';
  document.body.prepend(element);
  return element;
}

function make<T extends HTMLElement>(tag: string, attributes: Record<string, string> = {}): T {
  const element = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

type Gc = () => void;
const gc = (window as unknown as { gc?: Gc }).gc;

/** Used JS heap after full collections, in bytes. */
async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc!();
    await frames(2);
    await delay(20);
  }
  gc!();
  return (performance as Performance & { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

// ---- tests ----

describe('element lifecycle: removed elements stop, re-added elements resume', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = stage();
  });
  afterEach(() => root.remove());

  it('a playing <nn-trainer> removed from the page runs no frames and trains no epochs; re-added, it trains on', async () => {
    await frames(2);
    const baseline = snapshot();
    const trainer = make<NnTrainer>('nn-trainer', { seed: '3' });
    root.append(trainer);
    await trainer.updateComplete;
    trainer.play();
    expect(await until(() => trainer.epoch >= 2), 'trains while on the page').to.equal(true);
    const playing = snapshot();
    expect(playing.frames, 'a frame is pending while it plays').to.be.greaterThan(baseline.frames);
    expect(playing.intersection, 'it watches whether it is on screen').to.be.greaterThan(baseline.intersection);
    expect(playing.resize, 'it watches its width').to.be.greaterThan(baseline.resize);
    expect(playing.documentListeners, 'it listens for the tab being hidden').to.be.greaterThan(baseline.documentListeners);

    trainer.remove();
    const epoch = trainer.epoch;
    const steps = trainer.trainer!.steps;
    const ranBefore = framesRun;
    expect(snapshot(), 'nothing pending, observed or listened to once removed').to.deep.equal(baseline);
    await frames(12);
    await delay(100);
    expect(framesRun - ranBefore, 'no animation-frame callback ran while detached').to.equal(0);
    expect(trainer.epoch, 'no epochs pass while detached').to.equal(epoch);
    expect(trainer.trainer!.steps, 'no steps while detached').to.equal(steps);
    expect(snapshot()).to.deep.equal(baseline);
    expect(trainer.playing, 'it still means to play').to.equal(true);

    root.append(trainer);
    expect(await until(() => trainer.epoch >= epoch + 2), 'epochs increase again after re-adding').to.equal(true);
    expect(snapshot().intersection).to.equal(playing.intersection);
    expect(snapshot().documentListeners).to.equal(playing.documentListeners);
    trainer.pause();
    expect(snapshot().frames, 'pausing cancels the pending frame').to.equal(baseline.frames);
    trainer.remove();
    expect(snapshot()).to.deep.equal(baseline);
  });

  it('a paused <nn-trainer> stays paused when re-added', async () => {
    const baseline = snapshot();
    const trainer = make<NnTrainer>('nn-trainer', { seed: '3', show: 'loss' });
    root.append(trainer);
    await trainer.updateComplete;
    trainer.remove();
    root.append(trainer);
    await frames(6);
    expect(trainer.epoch).to.equal(0);
    expect(snapshot().frames).to.equal(baseline.frames);
    trainer.remove();
    expect(snapshot()).to.deep.equal(baseline);
  });

  it('<nn-network autoplay> removed mid-run cancels its timers and observers; re-added, "Run forward" animates again', async () => {
    const baseline = snapshot();
    const network = make<NnNetwork>('nn-network', { layers: '3,4,4,2', autoplay: '' });
    root.append(network);
    await network.updateComplete;
    expect(snapshot().timers, 'the layer-by-layer run is under way').to.be.greaterThan(baseline.timers);
    let forwards = 0;
    network.addEventListener('nn-forward', () => forwards++);

    network.remove();
    await network.updateComplete;
    expect(snapshot(), 'no timers, observers or listeners left').to.deep.equal(baseline);
    await delay(700);
    expect(snapshot()).to.deep.equal(baseline);

    root.append(network);
    await network.updateComplete;
    forwards = 0;
    network.shadowRoot!.querySelector<HTMLButtonElement>('button.run')!.click();
    await network.updateComplete;
    expect(snapshot().timers, 'the run animates').to.be.greaterThan(baseline.timers);
    expect(await until(() => forwards > 0, 200), 'the run finishes with nn-forward').to.equal(true);
    expect(snapshot().timers).to.equal(baseline.timers);
    network.remove();
    expect(snapshot()).to.deep.equal(baseline);
  });

  it('<nn-activation-plot for> stops following a neuron when removed and follows it again when re-added', async () => {
    const baseline = snapshot();
    const neuron = make<NnNeuron>('nn-neuron', { id: 'lifecycle-neuron', inputs: '1, 0.5', weights: '0.8, -0.6', bias: '0.1' });
    watchedTargets.add(neuron);
    root.append(neuron);
    await neuron.updateComplete;
    const neuronListeners = listenerCount(neuron);
    const plot = make<NnActivationPlot>('nn-activation-plot', { for: 'lifecycle-neuron' });
    root.append(plot);
    await plot.updateComplete;
    const z = (bias: number) => 1 * 0.8 + 0.5 * -0.6 + bias;
    expect(plot.probeZ).to.be.closeTo(z(0.1), 1e-12);
    expect(listenerCount(neuron), 'the plot listens to the neuron').to.be.greaterThan(neuronListeners);
    const following = snapshot();
    expect(following.mutation, 'the plot watches the document for its target').to.be.greaterThan(baseline.mutation);

    plot.remove();
    expect(listenerCount(neuron), 'no listeners left on the neuron').to.equal(neuronListeners);
    const detached = snapshot();
    expect(detached.mutation, 'the document is no longer watched').to.equal(baseline.mutation);
    expect(detached.resize, 'only the neuron still measures itself').to.equal(baseline.resize + 1);
    await plot.updateComplete;
    const detachedZ = plot.probeZ;
    neuron.bias = 1;
    await neuron.updateComplete;
    await plot.updateComplete;
    expect(plot.probeZ, 'a detached plot does not follow').to.equal(detachedZ);
    expect(plot.probeZ).to.not.be.closeTo(z(1), 1e-9);

    root.append(plot);
    await plot.updateComplete;
    expect(plot.probeZ, 'a re-added plot follows the neuron again').to.be.closeTo(z(1), 1e-12);
    expect(snapshot()).to.deep.equal(following);

    plot.remove();
    neuron.remove();
    watchedTargets.delete(neuron);
    listeners.delete(neuron);
    expect(snapshot()).to.deep.equal(baseline);
  });
});

/** One kind of element cycled: how to make it, and what to wait for once it is mounted. */
interface Subject {
  name: string;
  /** Fresh elements to mount together (e.g. a neuron and a plot that follows it). */
  make(): HTMLElement[];
  /** Runs once a fresh set is on the page and rendered: play, then let some frames pass. */
  settle(elements: HTMLElement[]): Promise<void>;
}

const SUBJECTS: Subject[] = [
  {
    name: '<nn-trainer> playing',
    make: () => [make<NnTrainer>('nn-trainer')],
    async settle([trainer]) {
      (trainer as NnTrainer).play();
      await frames(2); // the first on-screen report, then a training frame
    },
  },
  {
    name: '<nn-network autoplay>',
    make: () => [make<NnNetwork>('nn-network', { layers: '3,4,4,2', autoplay: '' })],
    settle: () => frames(1),
  },
  {
    name: '<nn-activation-plot for> an <nn-neuron>',
    make: () => [
      make<NnNeuron>('nn-neuron', { id: 'cycled-neuron', 'show-plot': '' }),
      make<NnActivationPlot>('nn-activation-plot', { for: 'cycled-neuron', derivative: '' }),
    ],
    settle: () => frames(1),
  },
];

const CYCLE_COUNT = 1000;
/** Every this many cycles use fresh elements; in between the same ones are removed and re-added. */
const CYCLES_PER_INSTANCE = 10;
const WARM_UP = 100;
/**
 * Allowed heap growth over 1000 cycles. Measured in Chromium, a removed element kept alive
 * retains 200 kB (<nn-trainer>: 500 points as objects and Float64Arrays, its network,
 * trainer and shadow DOM), 100 kB (<nn-network>) or 60 kB (<nn-activation-plot>, <nn-neuron>),
 * so leaking the 100 fresh elements of a run would add 6 to 20 MB; noise is about 0.1 MB.
 */
const HEAP_BOUND_MB = 2;

/** Runs `count` mount/unmount cycles of `subject` on `root`. */
async function cycle(subject: Subject, root: HTMLElement, count: number): Promise<void> {
  let elements: HTMLElement[] = [];
  for (let i = 0; i < count; i++) {
    const fresh = i % CYCLES_PER_INSTANCE === 0;
    if (fresh) elements = subject.make();
    root.append(...elements);
    await Promise.all(elements.map((element) => (element as NnTrainer).updateComplete));
    if (fresh) await subject.settle(elements);
    for (const element of elements) element.remove();
    await Promise.all(elements.map((element) => (element as NnTrainer).updateComplete));
  }
}

// Chromium only: `wtr --files` also loads this file in Firefox, which has neither gc() nor
// performance.memory; there only the lifecycle checks above run. In Chromium, the first test
// fails when the launcher flags are missing.
const chromium = /Chrom(e|ium)\//.test(navigator.userAgent);
(chromium ? describe : () => undefined)(`${CYCLE_COUNT} mount/unmount cycles leave no running loops and grow the heap by less than ${HEAP_BOUND_MB} MB`, () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = stage();
  });
  afterEach(() => root.remove());

  it('has gc() and exact performance.memory (Chromium flags in web-test-runner.config.js)', () => {
    expect(typeof gc).to.equal('function');
    expect((performance as Performance & { memory?: object }).memory).to.exist;
  });

  for (const subject of SUBJECTS) {
    it(`${subject.name}: ${CYCLE_COUNT} cycles (fresh elements every ${CYCLES_PER_INSTANCE}) leave nothing pending and heap growth < ${HEAP_BOUND_MB} MB`, async function () {
      this.timeout(90000);
      await frames(2);
      const baseline = snapshot();
      await cycle(subject, root, WARM_UP);
      await frames(3);
      const before = await heapAfterGc();
      const start = performance.now();
      await cycle(subject, root, CYCLE_COUNT);
      const elapsed = performance.now() - start;
      await frames(3);
      expect(snapshot(), 'no pending frames or timers, no observers or document listeners left').to.deep.equal(baseline);
      const after = await heapAfterGc();
      const growth = (after - before) / 2 ** 20;
      console.log(
        `${subject.name}: ${CYCLE_COUNT} cycles in ${(elapsed / 1000).toFixed(1)} s; heap after gc ${(before / 2 ** 20).toFixed(2)} → ${(after / 2 ** 20).toFixed(2)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB)`,
      );
      expect(growth, 'heap growth in MB').to.be.lessThan(HEAP_BOUND_MB);
    });
  }
});
