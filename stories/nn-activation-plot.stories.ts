import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../components/nn-activation-plot/nn-activation-plot.js';
import '../components/nn-neuron/nn-neuron.js';
import { attributes } from './attributes.js';

/**
 * Args are the element's attributes, named as a writer types them; every attribute in the
 * manifest has a control, and attributes() writes them all onto the element.
 */
interface PlotArgs {
  activation?: string;
  'x-min'?: number;
  'x-max'?: number;
  derivative?: boolean;
  value?: number;
  height?: number;
}

const meta: Meta<PlotArgs> = {
  title: 'Elements/nn-activation-plot',
  component: 'nn-activation-plot',
  render: (args) => html`<nn-activation-plot ${attributes(args)}></nn-activation-plot>`,
};
export default meta;

type Story = StoryObj<PlotArgs>;

/** The smallest use: sigmoid from −6 to 6. */
export const Default: Story = {};

/** Three activations overlaid with their derivatives; colour and dash pattern tell them apart. */
export const Compare: Story = { args: { activation: 'sigmoid,tanh,relu', derivative: true, 'x-min': -4, 'x-max': 4 } };

/** A marked point: the probe starts there. */
export const MarkedValue: Story = { args: { activation: 'gelu,swish', value: -1.2, 'x-min': -5, 'x-max': 3 } };

/** Following a neuron with for=: the plot shows its activation and its z, live. The controls set the plot. */
export const FollowingANeuron: Story = {
  args: { derivative: true },
  render: (args) => html`
    <nn-neuron id="story-neuron" activation="tanh" labels="x₁,x₂"></nn-neuron>
    <nn-activation-plot for="story-neuron" ${attributes(args)}></nn-activation-plot>
  `,
};

/** Softmax has no single curve: the element lists what it accepts. */
export const Softmax: Story = { args: { activation: 'softmax' } };
