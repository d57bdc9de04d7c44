import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../components/nn-trainer/nn-trainer.js';
import { attributes } from './attributes.js';

/**
 * Args are the element's attributes, named as a writer types them; every attribute in the
 * manifest has a control, and attributes() writes them all onto the element.
 */
interface TrainerArgs {
  data?: string;
  'hidden-layers'?: string;
  features?: string;
  activation?: string;
  dropout?: string;
  'learning-rate'?: number;
  epochs?: number;
  seed?: number;
  /** The run as text: "data=spiral; seed=3". */
  state?: string;
  controls?: string;
  show?: string;
  autoplay?: boolean;
}

const meta: Meta<TrainerArgs> = {
  title: 'Elements/nn-trainer',
  component: 'nn-trainer',
  render: (args) => html`<nn-trainer ${attributes(args)}></nn-trainer>`,
};
export default meta;

type Story = StoryObj<TrainerArgs>;

/** TensorFlow Playground's defaults: the circle, two hidden layers, every control. */
export const Default: Story = { args: { data: 'circle', epochs: 40, autoplay: true } };

/** The spiral needs more than x₁ and x₂: squares and sines as input features. */
export const SpiralWithFeatures: Story = {
  args: { data: 'spiral', 'hidden-layers': '8,8', features: 'x1,x2,x1sq,x2sq,sin-x1,sin-x2', epochs: 60, autoplay: true },
};

/** Only the controls a short article needs: play, reset and the learning rate. */
export const FewControls: Story = {
  args: { data: 'xor', controls: 'play,reset,learning-rate' },
};

/** Regression: the network learns y = sin(x); the boundary view becomes a curve. */
/** A run restored from its state text; Share gives the HTML for it. */
export const RestoredState: Story = {
  args: { state: 'data=spiral; noise=10; learning-rate=0.1; seed=3', controls: 'play,step,reset,share,learning-rate', show: 'boundary,loss' },
};

/** Inside the network: per-layer histograms of weights, activations and gradients of a deep ReLU network. */
export const Histograms: Story = {
  args: { data: 'spiral', 'hidden-layers': '8,8,8,8', activation: 'relu', show: 'boundary,loss,histograms', epochs: 60, autoplay: true },
};

/** Each hidden layer its own activation, and dropout while training (never in the boundary or the test loss). */
export const PerLayerActivationAndDropout: Story = {
  args: { data: 'spiral', 'hidden-layers': '8,8,4', activation: 'relu, relu, tanh', dropout: '0.1', controls: 'play,reset,activation,dropout', epochs: 60, autoplay: true },
};

export const SineRegression: Story = {
  args: { data: 'sine', 'hidden-layers': '8,8', epochs: 100, show: 'boundary,loss', controls: 'play,reset', autoplay: true },
};

/** The writer's own points, from a child `<script type="application/json">`. */
export const CustomData: Story = {
  args: { 'hidden-layers': '3', epochs: 80, controls: 'play,step,reset,learning-rate', 'learning-rate': 0.1, autoplay: true },
  render: (args) => html`<nn-trainer ${attributes(args)}>
    <script type="application/json">
      {
        "inputs": [[-4, -3], [-3, -4], [-4, -1], [-2, -3], [-3, -1], [-1, -4], [-2, -2], [-4, 1],
                   [3, 4], [4, 3], [1, 4], [3, 2], [2, 3], [4, 1], [2, 2], [1, 3],
                   [-3, 3], [-1, 2], [3, -3], [2, -1]],
        "targets": [[0], [0], [0], [0], [0], [0], [0], [0],
                    [1], [1], [1], [1], [1], [1], [1], [1],
                    [0], [1], [1], [0]]
      }
    </script>
  </nn-trainer>`,
};
