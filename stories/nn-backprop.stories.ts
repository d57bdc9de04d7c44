import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../components/nn-backprop/nn-backprop.js';
import '../components/nn-trainer/nn-trainer.js';
import { attributes } from './attributes.js';

/**
 * Args are the element's attributes, named as a writer types them; every attribute in the
 * manifest has a control, and attributes() writes them all onto the element.
 */
interface BackpropArgs {
  layers?: string;
  activation?: string;
  'output-activation'?: string;
  loss?: string;
  inputs?: string;
  target?: string;
  'learning-rate'?: number;
  seed?: number;
  src?: string;
  phase?: string;
  select?: string;
  show?: string;
  controls?: string;
  precision?: number;
  for?: string;
  sample?: number;
  strings?: string;
}

const meta: Meta<BackpropArgs> = {
  title: 'Elements/nn-backprop',
  component: 'nn-backprop',
  render: (args) => html`<nn-backprop ${attributes(args)}></nn-backprop>`,
};
export default meta;

type Story = StoryObj<BackpropArgs>;

/** A 2-2-2 sigmoid network and one sample: step forward neuron by neuron, then back edge by edge. */
export const Default: Story = { args: {} };

/**
 * Matt Mazur's worked example ("A Step by Step Backpropagation Example"): his weights, inputs
 * 0.05 and 0.10, targets 0.01 and 0.99. Step back to w₁ and its chain reads his numbers.
 */
export const MazurExample: Story = {
  args: { inputs: '0.05, 0.1', target: '0.01, 0.99', phase: 'backward', select: 'weights[0][0][0]' },
  render: (args) => html`<nn-backprop ${attributes(args)}>
    <script type="application/json">
      {"format": "nn-kit.model", "version": 1, "layers": [2, 2, 2], "activation": "sigmoid", "outputActivation": "sigmoid",
       "weights": [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45], [0.5, 0.55]]], "biases": [[0.35, 0.35], [0.6, 0.6]]}
    </script>
  </nn-backprop>`,
};

/** Softmax with cross-entropy: at the output, ∂L/∂z is simply p − y. */
export const SoftmaxCrossEntropy: Story = {
  args: { layers: '2,3,3', activation: 'tanh', 'output-activation': 'softmax', loss: 'cross-entropy', target: '0, 1, 0', phase: 'backward', show: 'values, gradients, chain, nudge, table' },
};

/** Sigmoid with binary cross-entropy: the same short form, (p − y)/n. */
export const SigmoidBinaryCrossEntropy: Story = { args: { layers: '2,2,1', loss: 'binary-cross-entropy', target: '1', phase: 'update' } };

/** Only the walkthrough, with Step and Back: for a short article. */
export const Minimal: Story = { args: { layers: '1,1,1', show: 'values, gradients', controls: 'back, step' } };

/** The backward pass of a trainer's network on its fourth training sample, following it as it trains. */
export const FollowingATrainer: Story = {
  args: { for: 'story-backprop-trainer', sample: 3, phase: 'update' },
  render: (args) => html`
    <nn-trainer id="story-backprop-trainer" data="xor" hidden-layers="3" learning-rate="0.3" seed="2" controls="play, step, reset" show="loss"></nn-trainer>
    <nn-backprop ${attributes(args)}></nn-backprop>
  `,
};
