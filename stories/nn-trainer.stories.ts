import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/nn-trainer/nn-trainer.js';

/** Args are the element's attributes, so the Controls panel edits what a writer writes. */
interface TrainerArgs {
  dataset?: string;
  hidden?: string;
  features?: string;
  activation?: string;
  'learning-rate'?: number;
  epochs?: number;
  seed?: number;
  controls?: string;
  show?: string;
  autoplay?: boolean;
}

const meta: Meta<TrainerArgs> = {
  title: 'Elements/nn-trainer',
  component: 'nn-trainer',
  args: { dataset: 'circle', hidden: '4,2', 'learning-rate': 0.03, epochs: 40, seed: 1, autoplay: true },
  render: (args) => html`<nn-trainer
    dataset=${ifDefined(args.dataset)}
    hidden=${ifDefined(args.hidden)}
    features=${ifDefined(args.features)}
    activation=${ifDefined(args.activation)}
    learning-rate=${ifDefined(args['learning-rate'])}
    epochs=${ifDefined(args.epochs)}
    seed=${ifDefined(args.seed)}
    controls=${ifDefined(args.controls)}
    show=${ifDefined(args.show)}
    ?autoplay=${args.autoplay}
  ></nn-trainer>`,
};
export default meta;

type Story = StoryObj<TrainerArgs>;

/** TensorFlow Playground's defaults: the circle, two hidden layers, every control. */
export const Default: Story = {};

/** The spiral needs more than x₁ and x₂: squares and sines as input features. */
export const SpiralWithFeatures: Story = {
  args: { dataset: 'spiral', hidden: '8,8', features: 'x1,x2,x1sq,x2sq,sin-x1,sin-x2', epochs: 60 },
};

/** Only the controls a short article needs: play, reset and the learning rate. */
export const FewControls: Story = {
  args: { dataset: 'xor', controls: 'play,reset,learning-rate', autoplay: false },
};

/** Regression: the network learns y = sin(x); the boundary view becomes a curve. */
export const SineRegression: Story = {
  args: { dataset: 'sine', hidden: '8,8', epochs: 100, show: 'boundary,loss', controls: 'play,reset' },
};

/** The writer's own points, from a child `<script type="application/json">`. */
export const CustomData: Story = {
  args: { hidden: '3', epochs: 80, controls: 'play,step,reset,learning-rate', 'learning-rate': 0.1 },
  render: (args) => html`<nn-trainer
    hidden=${ifDefined(args.hidden)}
    learning-rate=${ifDefined(args['learning-rate'])}
    epochs=${ifDefined(args.epochs)}
    controls=${ifDefined(args.controls)}
    ?autoplay=${args.autoplay}
  >
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
