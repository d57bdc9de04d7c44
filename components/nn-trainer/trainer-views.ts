import { type ReactiveControllerHost, html, nothing } from 'lit';
import type { NetworkSource } from '../shared/network-source.js';
import { Ghosts } from './ghosts.js';
import type { Extent } from './grid.js';
import { Lazy } from './lazy.js';
import type { TrainerValues, TrainerWords } from './nn-trainer.settings.js';
import { CanvasPainter } from './painter.js';
import { PointEditor } from './point-editor.js';
import { Probe } from './probe.js';
import type { TrainingRun } from './run.js';
import type { Session } from './session.js';
import { SharePanel } from './share.js';
import { renderToolbar, renderViews } from './views.js';

/** What the run's views read of the element, passed in explicitly. */
export interface TrainerViewsInput {
  run(): TrainingRun;
  /** The settings in force. */
  values(): TrainerValues;
  words(): TrainerWords;
  /** The square of input space the 2-D views show. */
  extent(): Extent;
  classNames(count: number): string[];
  /** The content width, in CSS pixels. */
  width(): number;
  /** The shadow root holding the canvases. */
  root(): ShadowRoot;
  /** The element whose network the embedded diagram follows. */
  source: NetworkSource;
  /** The toolbar's buttons. */
  on: { play(): void; pause(): void; step(): void; stepEpoch(): void; reset(): void };
}

/**
 * The run's toolbar and views, and the controllers behind them: the ghosts of earlier runs,
 * the probe and the point editor on the boundary, the share panel, the canvas painter, and
 * the 1-D curve and confusion matrix, whose code loads the first time they are shown.
 */
export class TrainerViews {
  readonly ghosts: Ghosts;
  readonly points: PointEditor;
  readonly probe: Probe;
  readonly share: SharePanel;
  readonly painter: CanvasPainter;
  private readonly curveView: Lazy<typeof import('./curve-view.js')>;
  private readonly confusionView: Lazy<typeof import('./confusion-view.js')>;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly input: TrainerViewsInput,
  ) {
    const { run, extent, words, classNames, values } = input;
    const picture = { run, extent, words, classNames };
    this.ghosts = new Ghosts(host);
    this.points = new PointEditor(host, { ...picture, enabled: () => values().controls.includes('points') });
    this.probe = new Probe(host, { ...picture, editor: this.points });
    this.curveView = new Lazy(host, () => import('./curve-view.js'), (module) => module.curveStyles);
    this.confusionView = new Lazy(host, () => import('./confusion-view.js'), (module) => module.confusionStyles);
    this.share = new SharePanel(host, { values, words });
    this.painter = new CanvasPainter(host, {
      root: input.root,
      session: () => run().session,
      extent,
      playing: () => run().playing,
      discrete: () => values().discretize,
    });
  }

  /** The loads of the curve's and the matrix's code under way. */
  get loading(): (Promise<unknown> | undefined)[] {
    return [this.curveView.pending, this.confusionView.pending];
  }

  /** The toolbar, the share panel and the views of `session`. */
  render(session: Session, shown: ReadonlySet<string>, values: TrainerValues, words: TrainerWords) {
    const run = this.input.run();
    return html`
      ${renderToolbar({
        shown,
        words,
        playing: run.playing,
        finished: run.finished,
        epoch: run.epoch,
        last: run.history.at(-1),
        on: this.input.on,
        share: shown.has('share') ? this.share.renderButton() : nothing,
      })}
      ${this.share.renderPanel(this.input.root())}
      ${renderViews({
        session,
        words,
        views: values.show,
        width: this.input.width(),
        history: run.history,
        extent: this.input.extent(),
        classNames: this.input.classNames(session.classes),
        confusion: () => run.confusion(),
        curveView: () => this.curveView.get(),
        confusionView: () => this.confusionView.get(),
        source: this.input.source,
        ghosts: this.ghosts.histories(),
        ghostList: this.ghosts.renderList(words),
        histograms: () => run.renderHistograms(words),
        probe: this.probe,
        pointEditor: this.points,
      })}
    `;
  }
}
