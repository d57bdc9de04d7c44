import { defineStrings } from '../shared/strings.js';

/**
 * The words `<nn-loss-surface>` shows readers, in English. A writer replaces any of them
 * with the `strings` attribute (JSON) or property (an object); `{name}` placeholders are filled in.
 */
export const SURFACE_STRINGS = defineStrings({
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  reset: 'Reset',
  learningRate: 'Learning rate α',
  surface: 'Surface',
  optimizers: 'Optimizers',
  /** The hint above the map, with a mouse and keyboard. */
  hintKeys: 'Drag the start point, or focus it and use the arrow keys',
  /** The hint above the map on touch screens. */
  hintTouch: 'Drag to move the start point',
  /** The map's accessible name: {formula} is L's formula as text; {minimum} where it is lowest. */
  mapLabel: 'Loss landscape {formula}, shaded by loss, for {x} from {xMin} to {xMax} and {y} from {yMin} to {yMax}. {paths}',
  /** How the map names the lowest point, in mapLabel's {paths} when nothing has moved. */
  lowest: 'Lowest at {point}.',
  /** The start point's accessible name. */
  startLabel: 'Start point, {x} = {xValue}, {y} = {yValue}. Arrow keys move it.',
  /** One run, described: the optimizer, its step and where it is. */
  runAt: '{optimizer}: step {step} of {steps}, at {point}, loss {loss} (from {startLoss} at {start}).',
  /** One run that has not moved yet. */
  runStart: '{optimizer}: at the start {point}, loss {loss}.',
  /** A run that diverged, as the legend and the message say it. */
  diverged: '{optimizer} diverged at step {step}: each step overshoots further than the last. Try a smaller learning rate.',
  /** The legend's short status of a run. */
  legendStep: 'step {step}, loss {loss}',
  legendDiverged: 'diverged at step {step}',
  /** The arrows' names in the legend of the map. */
  gradientArrow: 'gradient ∇L (uphill)',
  stepArrow: 'next step',
  /** The slice chart: its title and the names of its two marks. */
  sliceTitle: 'Loss along the next step',
  sliceLabel: "Loss along the next step of {optimizer}: {now} now (t = 0), {after} after it (t = 1); the tangent's slope at t = 0 is {slope}.",
  sliceAxis: 't (0 now, 1 after the step)',
  tangent: 'tangent',
  /** The update rule's title. */
  ruleTitle: 'Update rule, with the numbers of the next step',
  /** The colour scale's ends. */
  low: 'low loss',
  high: 'high loss',
  /** With `for`: waiting for the trainer to appear or to build its network. */
  waiting: 'Waiting for the trainer "{id}"…',
  /** With `for`: the landscape is being computed. */
  computing: 'Computing the landscape… {percent}',
  /** With `for`: the names of the two weights' axes, and what the map shows. */
  trainerNote: 'The training loss of "{id}" over {first} and {second}, its other weights held where they are now.',
  trainerRun: 'Trainer',
  /** With `for`: the trainer's path, described. */
  trainerAt: 'Trainer: step {step}, at {point}, training loss {loss} (from {startLoss} at {start}).',
  trainerStart: 'Trainer: at {point}, training loss {loss}.',
});

export type SurfaceStrings = typeof SURFACE_STRINGS;
