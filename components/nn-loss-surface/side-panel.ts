import { html, nothing } from 'lit';
import type { LineSlice, StepPreview } from '../../src/index.js';
import { format } from '../shared/strings.js';
import type { SurfaceStrings } from './nn-loss-surface.strings.js';
import { renderSlice } from './slice-view.js';
import { shortNumber } from './numbers.js';
import { renderRule } from './update-rule.js';

export interface NextStepView {
  preview?: StepPreview;
  line?: LineSlice;
  words: SurfaceStrings;
  show: ReadonlySet<string>;
  /** The first run's optimizer (its rule is shown) and its label. */
  optimizer: string;
  label: string;
  learningRate: number;
  names: readonly [string, string];
  width: number;
}

/** Beside the map: the loss along the first run's next step with its tangent, and its update rule with the step's numbers. */
export function renderNextStep({ preview, line, words, show, optimizer, label, learningRate, names, width }: NextStepView) {
  if (!preview?.to) return nothing;
  const described = format(words.sliceLabel, {
    optimizer: label,
    now: shortNumber(preview.from.loss),
    after: shortNumber(preview.to.loss),
    slope: shortNumber(line?.slope ?? Number.NaN),
  });
  return html`
    ${show.has('slice') && line
      ? html`<h3>${words.sliceTitle}</h3>
          <div part="slice" role="img" aria-label=${described}>
            ${renderSlice(line, preview, 0, { width, height: 150 }, { axis: words.sliceAxis, tangent: words.tangent })}
          </div>`
      : nothing}
    ${show.has('formula')
      ? html`<h3>${words.ruleTitle}</h3>
          <div part="rule">${renderRule(preview, optimizer, learningRate, names)}</div>`
      : nothing}`;
}
