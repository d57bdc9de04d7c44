import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../components/nn-convolution/nn-convolution.js';
import { attributes } from './attributes.js';

/**
 * Args are the element's attributes, named as a writer types them; every attribute in the
 * manifest has a control, and attributes() writes them all onto the element.
 */
interface ConvolutionArgs {
  mode?: string;
  image?: string;
  kernel?: string;
  'kernel-size'?: number;
  stride?: number;
  padding?: number;
  bias?: number;
  activation?: string;
  pool?: string;
  'pool-size'?: number;
  filters?: number;
  'learning-rate'?: number;
  optimizer?: string;
  epochs?: number;
  seed?: number;
  show?: string;
  controls?: string;
  autoplay?: boolean;
}

const meta: Meta<ConvolutionArgs> = {
  title: 'Elements/nn-convolution',
  component: 'nn-convolution',
  render: (args) => html`<nn-convolution ${attributes(args)}></nn-convolution>`,
};
export default meta;

type Story = StoryObj<ConvolutionArgs>;

/** Sobel x over a square: the left edges light up, the right ones are cut off by ReLU. */
export const Default: Story = { args: {} };

/** A handwritten 3 and horizontal edges: where strokes start and end as the eye goes down. */
export const DigitEdges: Story = { args: { image: 'digit-3', kernel: 'edge-y' } };

/** Padding keeps the map as large as the image; stride 2 halves it: ⌊(8 + 2 − 3)/2⌋ + 1 = 4. */
export const StrideAndPadding: Story = { args: { image: 'ring', kernel: 'blur', padding: 1, stride: 2 } };

/** Max pooling after a sharpen: each 2 × 2 block keeps its strongest answer. */
export const Pooling: Story = { args: { image: 'diagonal', kernel: 'sharpen', pool: 'max' } };

/** A 5 × 5 kernel written as numbers, with a bias and tanh. */
export const CustomKernel: Story = {
  args: { image: 'cross', kernel: '0 0 1 0 0 0 1 1 1 0 1 1 1 1 1 0 1 1 1 0 0 0 1 0 0', padding: 2, bias: -3, activation: 'tanh' },
};

/** Edge cases: a 1 × 1 image with padding, and a stride larger than the kernel. */
export const TinyImage: Story = { args: { image: '1', kernel: 'blur', padding: 1 } };
export const LongStride: Story = { args: { image: 'stripes', kernel: '1', 'kernel-size': 1, stride: 3 } };

/** Only the picture and the worked window: no controls. */
export const Minimal: Story = { args: { image: 'digit-7', kernel: 'edge-x', controls: 'none', show: 'products' } };

/** A small CNN learns the UCI digits live: filters, each filter's feature map, the confusion matrix. */
export const Train: Story = { args: { mode: 'train' } };

/** Training with plain gradient descent and three filters. */
export const TrainThreeFilters: Story = { args: { mode: 'train', filters: 3, optimizer: 'sgd', 'learning-rate': 0.1, autoplay: true } };
