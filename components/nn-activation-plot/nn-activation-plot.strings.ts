import { defineStrings } from '../shared/strings.js';

/**
 * The words `<nn-activation-plot>` shows readers, in English. A writer replaces any of them
 * with the `strings` attribute (JSON) or property (an object); `{name}` placeholders are filled in.
 */
export const PLOT_STRINGS = defineStrings({
  /** The hint above the plot on touch screens. */
  hintTouch: 'Drag or tap to move the probe',
  /** The hint above the plot with a mouse and keyboard. */
  hintKeys: 'Drag, click or use ← → to move the probe',
  /** The probe slider's accessible name; {activations} lists the functions. */
  probeLabel: 'Probe along z for {activations}',
  /** A legend entry's output range, e.g. "output 0 to 1". */
  range: 'output {low} to {high}',
  /** What the probe reads, for screen readers: "z = 0.50: Sigmoid 0.622; Tanh 0.462". */
  probeText: 'z = {z}: {values}',
  /** One function's value at the probe. */
  probeValue: '{activation} {value}',
  /** One function's value and slope at the probe (with `derivative`). */
  probeValueSlope: '{activation} {value}, slope {slope}',
});

export type PlotStrings = typeof PLOT_STRINGS;
