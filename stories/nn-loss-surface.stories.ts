import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../components/nn-loss-surface/nn-loss-surface.js';
import '../components/nn-trainer/nn-trainer.js';
import { attributes } from './attributes.js';

/**
 * Args are the element's attributes, named as a writer types them; every attribute in the
 * manifest has a control, and attributes() writes them all onto the element.
 */
interface LossSurfaceArgs {
  surface?: string;
  'learning-rate'?: number;
  optimizer?: string;
  start?: string;
  steps?: number;
  range?: string;
  show?: string;
  controls?: string;
  for?: string;
  weights?: string;
  seed?: number;
  autoplay?: boolean;
}

const meta: Meta<LossSurfaceArgs> = {
  title: 'Elements/nn-loss-surface',
  component: 'nn-loss-surface',
  render: (args) => html`<nn-loss-surface ${attributes(args)}></nn-loss-surface>`,
};
export default meta;

type Story = StoryObj<LossSurfaceArgs>;

/** The bowl: plain gradient descent at α = 0.1 settles in the middle. */
export const Default: Story = { args: { surface: 'bowl' } };

/** Too big a step: at α = 1.1 each step lands further up the other side, until it leaves the map. */
export const Overshoot: Story = { args: { surface: 'bowl', 'learning-rate': 1.1, autoplay: true } };

/** A long, narrow valley: plain descent zig-zags across it and crawls along it; momentum and Adam race it. */
export const RavineRace: Story = { args: { surface: 'ravine', optimizer: 'sgd, momentum, adam', autoplay: true } };

/** Rosenbrock's curved valley, where a learning rate that is stable at all is tiny. */
export const Rosenbrock: Story = { args: { surface: 'rosenbrock', optimizer: 'sgd, momentum', steps: 1000, autoplay: true } };

/** Two valleys: gradient descent stops in the nearer one, not the deeper. */
export const TwoMinima: Story = { args: { surface: 'two-minima', optimizer: 'sgd, momentum', autoplay: true } };

/** A plateau where the gradient almost vanishes: plain descent creeps, Adam does not. */
export const Plateau: Story = { args: { surface: 'plateau', optimizer: 'sgd, adam', autoplay: true } };

/** Only the map and the path, with play and reset: for a short article. */
export const Minimal: Story = { args: { surface: 'saddle', show: 'path', controls: 'play, reset' } };

/** The true training loss of a trainer's network over two of its weights, and the trainer's own path as it learns. */
export const FollowingATrainer: Story = {
  args: { for: 'story-trainer' },
  render: (args) => html`
    <nn-trainer id="story-trainer" data="circle" hidden-layers="4, 2" learning-rate="0.3" seed="3" controls="play, reset, learning-rate" show="boundary, loss"></nn-trainer>
    <nn-loss-surface ${attributes(args)}></nn-loss-surface>
  `,
};
