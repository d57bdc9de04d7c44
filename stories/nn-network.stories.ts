import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../components/nn-network/nn-network.js';
import { attributes } from './attributes.js';

/**
 * Args are the element's attributes, named as a writer types them; every attribute in the
 * manifest has a control, and attributes() writes them all onto the element.
 */
interface NetworkArgs {
  layers?: string;
  activation?: string;
  'output-activation'?: string;
  seed?: number;
  inputs?: string;
  labels?: string;
  'output-labels'?: string;
  src?: string;
  autoplay?: boolean;
}

const meta: Meta<NetworkArgs> = {
  title: 'Elements/nn-network',
  component: 'nn-network',
  render: (args) => html`<nn-network ${attributes(args)}></nn-network>`,
};
export default meta;

type Story = StoryObj<NetworkArgs>;

/** The smallest use: layer sizes only; inputs default to evenly spaced values from 1 to −1. */
export const Default: Story = { args: { layers: '3,4,4,2' } };

/** A classifier: named inputs, softmax outputs shown as class probabilities, played layer by layer. */
export const Classifier: Story = {
  args: {
    layers: '3,5,3',
    activation: 'relu',
    'output-activation': 'softmax',
    seed: 7,
    inputs: '0.9,-0.4,0.3',
    labels: 'Whiskers,Ear shape,Size',
    'output-labels': 'cat,dog,bird',
    autoplay: true,
  },
};

/** An MNIST-sized network: long layers are drawn collapsed, first 6 and last 5 neurons. */
export const Collapsed: Story = {
  args: { layers: '784,128,10', activation: 'relu', 'output-activation': 'softmax', 'output-labels': '0,1,2,3,4,5,6,7,8,9' },
};

/** A model in the core's JSON format, from a child script (or a file with `src`); editing the script updates it. */
export const FromModelJSON: Story = {
  args: { labels: 'x,y', inputs: '1,-0.5' },
  render: (args) => html`<nn-network ${attributes(args)}>
    <script type="application/json">
      {
        "format": "nn-kit.model",
        "version": 1,
        "layers": [2, 2, 1],
        "activation": "tanh",
        "outputActivation": "sigmoid",
        "weights": [[[1.5, -2.0], [-0.8, 1.1]], [[2.2, -1.7]]],
        "biases": [[0.4, -0.3], [0.1]]
      }
    </script>
  </nn-network>`,
};

/** Bad input shows a message and never throws. */
export const BadInput: Story = {
  args: { layers: '3,x,2' },
};
