import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../components/nn-neuron/nn-neuron.js';
import { attributes } from './attributes.js';

/**
 * Args are the element's attributes, named as a writer types them; every attribute in the
 * manifest has a control, and attributes() writes them all onto the element.
 */
interface NeuronArgs {
  inputs?: string;
  weights?: string;
  bias?: number;
  activation?: string;
  labels?: string;
  'output-label'?: string;
  'input-type'?: string;
  'input-min'?: number;
  'input-max'?: number;
  step?: number;
  threshold?: number;
  precision?: number;
  editable?: string;
  'show-plot'?: boolean;
}

const meta: Meta<NeuronArgs> = {
  title: 'Elements/nn-neuron',
  component: 'nn-neuron',
  argTypes: {
    activation: { control: 'select', options: ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'elu', 'gelu', 'swish', 'softplus', 'linear', 'step'] },
    'input-type': { control: 'inline-radio', options: ['range', 'binary'] },
  },
  render: (args) => html`<nn-neuron ${attributes(args)}></nn-neuron>`,
};
export default meta;

type Story = StoryObj<NeuronArgs>;

/** The smallest use: two inputs, sigmoid, everything editable. */
export const Default: Story = {};

/** "Should I go for a walk?": three yes/no inputs and a decision at 0.5. */
export const GoForAWalk: Story = {
  args: {
    labels: 'Sunny,Cold,Free time',
    inputs: '1,0,1',
    weights: '0.8,-0.4,0.5',
    bias: -0.5,
    activation: 'sigmoid',
    'input-type': 'binary',
    'output-label': 'Go for a walk?',
    threshold: 0.5,
    'show-plot': true,
  },
};

/** ReLU with sliders over 0–10; the reader changes the inputs only. */
export const InputsOnly: Story = {
  args: {
    labels: 'Hours of sleep,Cups of coffee',
    inputs: '7,2',
    weights: '0.3,-0.8',
    bias: -0.4,
    activation: 'relu',
    'input-max': 10,
    step: 0.5,
    editable: 'inputs',
    'output-label': 'Alertness',
  },
};

/** Bad input: three inputs, two weights. The element says what is wrong. */
export const BadInput: Story = { args: { inputs: '1,2,3', weights: '0.5,0.5' } };
