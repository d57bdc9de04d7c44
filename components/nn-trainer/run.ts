import type { ReactiveControllerHost } from 'lit';
import { nothing } from 'lit';
import type { Evaluation, EvaluationInSlices, Network } from '../../src/index.js';
import { percent } from '../shared/format.js';
import { format } from '../shared/strings.js';
import { TrainingLoop, prefersReducedMotion } from '../shared/training-loop.js';
import type { HistogramSource } from './histograms.js';
import { Lazy } from './lazy.js';
import { type EpochRecord, formatLoss, thinHistory } from './loss-chart.js';
import type { TrainerWords } from './nn-trainer.settings.js';
import { type Session, describeDivergence } from './session.js';

/** Why a run stopped. */
export type StopReason = 'paused' | 'epochs' | 'diverged';

/** What a TrainingRun is told by its host; it reads nothing else of it. */
export interface RunOptions {
  /** Epochs' worth of steps per animation frame. */
  speed(): number;
  /** The epoch to stop at, if any. */
  epochs(): number | undefined;
  /** The words announcements and the divergence message are written in. */
  words(): TrainerWords;
  /** A run is about to end by itself (its epochs are done, or it diverged): move focus off the buttons it disables. */
  ending(): void;
  onEpoch(record: EpochRecord): void;
  onStopped(epoch: number, reason: StopReason): void;
  onDiverged(epoch: number): void;
  /** The network's weights (or the network itself) changed. */
  onNetworkChange(network: Network): void;
}

/**
 * One training run of a session: play (in animation frames, `speed` epochs' worth of steps
 * per frame within the loop's time budget), step, step an epoch, stop at the epoch limit or
 * on divergence; the history of losses, the divergence message and the announcements for
 * screen readers. A new session (Reset, or new settings) starts a new run.
 */
export class TrainingRun {
  session?: Session;
  /** The losses after each epoch, from epoch 0. */
  history: EpochRecord[] = [];
  /** Why the run stopped, when it diverged ('' otherwise). */
  status = '';
  /** What screen readers hear next (aria-live). */
  announcement = '';
  private readonly loop: TrainingLoop;
  private stepCredit = 0;
  /** Milliseconds the last step took: the next waits for another frame when it would not fit in this one's budget. */
  private stepMs = 0;
  /**
   * The epoch just finished while playing, being evaluated on the training and test data a
   * few rows at a time, in what is left of each frame's budget: no step is taken until it
   * is recorded, so its numbers are those of one go. A large network's evaluation would
   * otherwise hold the page for tens of milliseconds.
   */
  private pending?: { epoch: number; train: EvaluationInSlices; test: EvaluationInSlices };
  private autoplayed = false;
  /** The test data's confusion matrix, counted for the epoch record it belongs to. */
  private counted?: { record: EpochRecord; counts: number[][] };
  /** The histograms' code, loaded the first time they are shown, and what they show. */
  private readonly histograms: Lazy<typeof import('./histograms.js')>;
  private inspected?: HistogramSource;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RunOptions,
  ) {
    this.loop = new TrainingLoop(host, (budget) => this.trainFor(budget));
    this.histograms = new Lazy(host, () => import('./histograms.js'), (module) => module.histogramStyles);
  }

  /** True while training is playing. */
  get playing(): boolean {
    return this.loop.playing;
  }

  /** Completed epochs: recorded ones (an epoch whose evaluation is under way is not yet). */
  get epoch(): number {
    return (this.session?.trainer.epochs ?? 0) - (this.pending ? 1 : 0);
  }

  /** True once the epoch limit is reached. */
  get limitReached(): boolean {
    const epochs = this.options.epochs();
    return epochs != null && this.epoch >= epochs;
  }

  /**
   * The confusion matrix of the test data for the last recorded epoch: counted once per
   * epoch (the first time it is asked for), not in every frame that draws it.
   */
  confusion(): number[][] | undefined {
    const record = this.history.at(-1);
    if (!this.session || !record) return undefined;
    if (this.counted?.record !== record) this.counted = { record, counts: this.session.trainer.confusion(this.session.test) };
    return this.counted.counts;
  }

  /** The histograms view (show="histograms"), once its code has loaded: looked at again a few times a second at most while playing. */
  renderHistograms(words: TrainerWords) {
    const module = this.histograms.get();
    if (!module || !this.session) return nothing;
    this.inspected ??= new module.HistogramSource();
    return module.renderHistograms(this.inspected.get(this.session, this.playing), this.session.network.depth - 1, words);
  }

  /** True when the run can go no further: its epochs are done or it diverged. */
  get finished(): boolean {
    return this.limitReached || !!this.session?.trainer.diverged;
  }

  /** Starts a run of a new session, paused unless `autoplay` asks (once, and not for readers who prefer less motion). */
  start(session: Session, autoplay: boolean): void {
    this.loop.pause();
    this.session = session;
    this.pending = undefined;
    this.history = [evaluate(session)];
    if (autoplay && !this.autoplayed && !prefersReducedMotion()) this.loop.play();
    this.autoplayed = true;
    this.stepCredit = 0;
    this.status = '';
    this.announce(format(this.options.words().resetDone, { summary: this.summary() }));
    this.options.onNetworkChange(session.network);
  }

  /** Carries the run on with edited data (points a reader added or removed): its history and epochs stay. */
  replace(session: Session, announcement: string): void {
    this.settle();
    this.session = session;
    this.counted = undefined;
    this.announce(announcement);
    this.options.onNetworkChange(session.network);
  }

  play(): void {
    if (!this.session || this.finished) return;
    this.loop.play();
    this.host.requestUpdate();
  }

  pause(): void {
    this.settle();
    if (this.loop.playing) this.stop('paused');
  }

  /** Stops the frames without a word (a rebuild or Reset follows). */
  halt(): void {
    // An epoch whose evaluation is under way is recorded (and announced) before the run ends.
    this.settle();
    this.loop.pause();
  }

  /** Runs one mini-batch. */
  step(): void {
    this.settle();
    this.runSteps(1);
  }

  /** Runs to the end of the current epoch. */
  stepEpoch(): void {
    const trainer = this.session?.trainer;
    if (!trainer) return;
    this.settle();
    const start = trainer.epochs;
    // runSteps does nothing once the epoch limit is reached: stop there rather than loop forever.
    while (trainer.epochs === start && !trainer.diverged && !this.limitReached) this.runSteps(1);
  }

  /** What the run has reached, for screen readers: "Epoch 3: training loss …". */
  summary(): string {
    const last = this.history.at(-1);
    if (!last) return '';
    const words = this.options.words();
    const values = { epoch: last.epoch, trainLoss: formatLoss(last.trainLoss), testLoss: formatLoss(last.testLoss) };
    return last.testAccuracy != null
      ? format(words.summaryAccuracy, { ...values, accuracy: percent(last.testAccuracy) })
      : format(words.summary, values);
  }

  /** Trains for at most `budget` ms: `speed` epochs' worth of steps per frame, and the evaluation of each epoch they finish. */
  private trainFor(budget: number): void {
    const session = this.session;
    if (!session) return;
    const speed = this.options.speed();
    const stepsPerEpoch = Math.ceil(session.trainer.data.count / session.trainer.batchSize);
    this.stepCredit = Math.min(this.stepCredit + speed * stepsPerEpoch, 4 * stepsPerEpoch * speed + 1);
    const wanted = Math.floor(this.stepCredit);
    const deadline = performance.now() + budget;
    let done = 0;
    while (this.loop.playing) {
      if (this.pending) {
        if (!this.evaluateUntil(deadline)) break;
        continue;
      }
      // A step that would overrun the budget waits for the next frame (the first of a frame runs while any budget is left).
      const before = performance.now();
      if (done >= wanted || before >= deadline || (done > 0 && before + this.stepMs > deadline)) break;
      this.runSteps(1, false, true);
      this.stepMs = performance.now() - before;
      done++;
    }
    this.stepCredit -= done;
    this.options.onNetworkChange(session.network);
    this.host.requestUpdate();
  }

  /** Carries the pending epoch's evaluation on until `deadline` (performance.now()); records the epoch once it is done, and returns true then. */
  private evaluateUntil(deadline: number): boolean {
    const { pending } = this;
    if (!pending) return true;
    do {
      const { train, test } = pending;
      if (train.advance(EVALUATION_ROWS) && test.advance(EVALUATION_ROWS)) {
        this.pending = undefined;
        this.recordEpoch(record(pending.epoch, train.result, test.result));
        return true;
      }
    } while (performance.now() < deadline);
    return false;
  }

  /** Finishes the pending epoch's evaluation at once (before a step, a pause or new data). */
  private settle(): void {
    this.evaluateUntil(Number.POSITIVE_INFINITY);
  }

  /**
   * Runs `count` steps, recording each finished epoch and stopping on divergence or the
   * epoch limit. `sliced`: a finished epoch is evaluated in slices (`pending`), and the
   * steps stop there.
   */
  private runSteps(count: number, notify = true, sliced = false): void {
    const session = this.session;
    if (!session || session.trainer.diverged || this.limitReached) return;
    const trainer = session.trainer;
    for (let i = 0; i < count; i++) {
      const epochBefore = trainer.epochs;
      trainer.step();
      if (trainer.diverged) {
        // A run found to diverge at the end of an epoch completed that epoch: chart it too.
        if (trainer.epochs !== epochBefore) this.recordEpoch(evaluate(session));
        this.diverge(session);
        break;
      }
      if (trainer.epochs !== epochBefore) {
        if (sliced) {
          this.pending = { epoch: trainer.epochs, train: trainer.evaluation(), test: trainer.evaluation(session.test) };
          break;
        }
        if (this.recordEpoch(evaluate(session))) break;
      }
    }
    if (notify) {
      this.announce(this.summary());
      this.options.onNetworkChange(session.network);
      this.host.requestUpdate();
    }
  }

  /** Adds an epoch's record to the history; stops the run and returns true when it was the last epoch. */
  private recordEpoch(record: EpochRecord): boolean {
    this.history = thinHistory([...this.history, record]);
    this.options.onEpoch(record);
    if (!this.limitReached) return false;
    this.stop('epochs');
    return true;
  }

  private diverge(session: Session): void {
    this.options.ending();
    this.loop.pause();
    this.status = describeDivergence(this.epoch, session.trainer, this.options.words());
    this.options.onDiverged(this.epoch);
    this.options.onStopped(this.epoch, 'diverged');
    this.announce(this.status);
  }

  private stop(reason: 'paused' | 'epochs'): void {
    if (reason === 'epochs') this.options.ending();
    this.loop.pause();
    this.options.onStopped(this.epoch, reason);
    const words = this.options.words();
    this.announce(format(reason === 'epochs' ? words.finished : words.paused, { summary: this.summary() }));
    this.host.requestUpdate();
  }

  /** Says `text` to screen readers (aria-live). */
  announce(text: string): void {
    this.announcement = text;
    this.host.requestUpdate();
  }
}

/** Rows of an epoch's evaluation between looks at the clock. */
const EVALUATION_ROWS = 8;

/** Losses and accuracies of a session's network now, on its training and test data. */
function evaluate(session: Session): EpochRecord {
  return record(session.trainer.epochs, session.trainer.evaluate(), session.trainer.evaluate(session.test));
}

/** An epoch's record from its evaluations on the training and test data. */
function record(epoch: number, train: Evaluation, test: Evaluation): EpochRecord {
  return { epoch, trainLoss: train.loss, testLoss: test.loss, accuracy: train.accuracy, testAccuracy: test.accuracy };
}
