import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../components/nn-rnn/nn-rnn.js';
import { attributes } from './attributes.js';

/**
 * Args are the element's attributes, named as a writer types them; every attribute in the
 * manifest has a control, and attributes() writes them all onto the element.
 */
interface RnnArgs {
  task?: string;
  text?: string;
  'hidden-size'?: number;
  cell?: string;
  unroll?: number;
  'learning-rate'?: number;
  optimizer?: string;
  clip?: number;
  temperature?: number;
  seed?: number;
  show?: string;
  controls?: string;
  autoplay?: boolean;
}

const meta: Meta<RnnArgs> = {
  title: 'Elements/nn-rnn',
  component: 'nn-rnn',
  render: (args) => html`<nn-rnn ${attributes(args)}></nn-rnn>`,
};
export default meta;

type Story = StoryObj<RnnArgs>;

/** Running parity of 8 bits with a plain tanh cell: press Train and watch the predictions turn right. */
export const Default: Story = { args: {} };

/** Counting the ones so far: the hidden state has to hold a number. */
export const Counting: Story = { args: { task: 'count', autoplay: true } };

/** The writer's own text, character by character; once trained, Write text samples from it. */
export const Text: Story = { args: { text: 'to be or not to be, that is the question. ', unroll: 16, autoplay: true } };

/** A GRU over 24 steps: compare its gradient chart with the plain cell's. */
export const GruLong: Story = { args: { cell: 'gru', unroll: 24 } };

/** The plain cell over 32 steps: the last step's loss barely reaches the first steps. */
export const FadingGradients: Story = { args: { unroll: 32, show: 'gradients, predictions' } };

/** Too large a step without clipping: training diverges and says what to do. */
export const Diverging: Story = { args: { task: 'count', 'learning-rate': 10, optimizer: 'sgd', clip: 0, autoplay: true } };

/** Only the drawing and Train/Reset, for a short article. */
export const Minimal: Story = { args: { show: 'states, predictions', controls: 'play, reset' } };
