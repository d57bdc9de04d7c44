import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../components/nn-attention/nn-attention.js';
import { attributes } from './attributes.js';

/**
 * Args are the element's attributes, named as a writer types them; every attribute in the
 * manifest has a control, and attributes() writes them all onto the element.
 */
interface AttentionArgs {
  mode?: string;
  tokens?: string;
  'd-model'?: number;
  heads?: number;
  head?: number;
  causal?: boolean;
  temperature?: number;
  select?: number;
  seed?: number;
  task?: string;
  length?: number;
  'learning-rate'?: number;
  optimizer?: string;
  show?: string;
  controls?: string;
  src?: string;
}

const meta: Meta<AttentionArgs> = {
  title: 'Elements/nn-attention',
  component: 'nn-attention',
  render: (args) => html`<nn-attention ${attributes(args)}></nn-attention>`,
};
export default meta;

type Story = StoryObj<AttentionArgs>;

/** Self-attention over a sentence with seeded weights: pick "it" to see its weighted mix of values. */
export const Default: Story = { args: { select: 9 } };

/** The causal mask: each token attends only to itself and the tokens before it (the future gets exactly 0). */
export const Causal: Story = { args: { tokens: 'the cat sat on the mat', causal: true, select: 5 } };

/** Two heads, each with its own queries, keys and values: switch between them. */
export const TwoHeads: Story = { args: { tokens: 'the cat sat on the mat because it was warm', heads: 2, select: 8 } };

/** A low temperature sharpens every row toward its largest score; a high one flattens it toward uniform. */
export const Sharp: Story = { args: { tokens: 'the cat sat on the mat', temperature: 0.2, select: 2 } };

/** Weights set by hand (model JSON): "it" attends to "animal". */
export const HandSetWeights: Story = {
  args: { tokens: 'the animal crossed the street because it was tired', 'd-model': 4, select: 7 },
  render: (args) => html`<nn-attention ${attributes(args)}>
    <script type="application/json">
      {
        "positions": false,
        "embeddings": {
          "it": [1, 0, 0, 0], "animal": [0, 1, 0, 0], "the": [0, 0, 1, 0], "street": [0, 0, 0, 1],
          "crossed": [0, 0, 1, 1], "because": [0, 0, -1, 1], "was": [0, 0, 1, -1], "tired": [0, 0, -1, -1]
        },
        "wq": [[0, 12, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]],
        "wk": [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]
      }
    </script>
  </nn-attention>`,
};

/** Train: a one-layer attention model learns to reverse four letters; the weights turn into the anti-diagonal. */
export const TrainReverse: Story = { args: { mode: 'train', task: 'reverse' } };

/** Train on sort: attention by content (the smallest letter after the last one written), not by position. */
export const TrainSort: Story = { args: { mode: 'train', task: 'sort' } };

/** Only the weights and the mix, with no controls: for a short article. */
export const Minimal: Story = { args: { tokens: 'time flies like an arrow', show: 'weights, mix', controls: 'none', select: 2 } };
