import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../components/nn-digits/nn-digits.js';
import { attributes } from './attributes.js';

/**
 * Args are the element's attributes, named as a writer types them; every attribute in the
 * manifest has a control, and attributes() writes them all onto the element.
 */
interface DigitsArgs {
  'hidden-layers'?: string;
  activation?: string;
  'learning-rate'?: number;
  optimizer?: string;
  'batch-size'?: number;
  epochs?: number;
  seed?: number;
  'train-split'?: number;
  autoplay?: boolean;
  src?: string;
  model?: string;
  show?: string;
  controls?: string;
}

const meta: Meta<DigitsArgs> = {
  title: 'Elements/nn-digits',
  component: 'nn-digits',
  render: (args) => html`<nn-digits ${attributes(args)}></nn-digits>`,
};
export default meta;

type Story = StoryObj<DigitsArgs>;

/** Draw a digit; train on the real handwritten digits and watch the guess and the confusion matrix improve. */
export const Default: Story = { args: {} };

/** Weights learnt ahead from MNIST digits, drawn as the pad draws: it reads readers' drawings from the start; Train goes on with the UCI digits. */
export const Pretrained: Story = { args: { model: 'pretrained' } };

/** Training starts when the element appears (not for readers who prefer reduced motion). */
export const Autoplay: Story = { args: { autoplay: true } };

/** Just the pad, what the network sees and its guess: for the forward-propagation passage of an article. */
export const ReadOnly: Story = { args: { show: 'input, probabilities', controls: 'play, draw, samples', autoplay: true } };

/** A smaller network of two hidden layers, with tanh: slower to learn, and its confusions show where. */
export const TwoLayersTanh: Story = { args: { 'hidden-layers': '16, 16', activation: 'tanh', epochs: 20 } };

/** Plain gradient descent with too large a step: the loss climbs and the matrix scatters. */
export const TooLargeAStep: Story = { args: { optimizer: 'sgd', 'learning-rate': 3, epochs: 5 } };

/** The confusion matrix and the loss only, trained on half the digits. */
export const Confusions: Story = { args: { show: 'confusion, loss', controls: 'play, reset', 'train-split': 0.5, autoplay: true } };
