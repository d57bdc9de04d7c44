import { defineStrings } from '../shared/strings.js';

/**
 * The words `<nn-attention>` shows readers, in English. A writer replaces any of them
 * with the `strings` attribute (JSON) or property (an object); `{name}` placeholders are filled in.
 */
export const ATTENTION_STRINGS = defineStrings({
  /** The controls' labels. */
  tokens: 'Sentence',
  causal: 'Causal mask',
  head: 'Head',
  temperature: 'Temperature T',
  task: 'Task',
  title: 'Self-attention',
  /** Train mode's title: {task} is the task's name. */
  trainTitle: 'Attention learns to {task}',
  formula: 'weights = softmax(QKᵀ / √dₖ / T), output = weights · V',
  play: 'Train',
  pause: 'Pause',
  step: 'Step',
  reset: 'Reset',
  example: 'Another example',
  reverse: 'reverse',
  sort: 'sort',
  copy: 'copy',
  /** The head select's options: {head} from 1. */
  headOption: 'Head {head}',
  /** While model JSON downloads. */
  loading: 'Loading the model JSON…',
  /** Explore mode with no words. */
  empty: 'Type a sentence: words separated by spaces.',
  /** Over the token buttons. */
  tokensLabel: 'Query tokens: pick one to see its mix of values',
  hint: 'Click a token, or focus the tokens and use the arrow keys.',
  /** A token button's name: {token} and its {position} from 1. */
  tokenLabel: '{token} (token {position})',
  vectorsTitle: 'Each token’s numbers (head {head})',
  embedding: 'embedding x',
  query: 'query q',
  key: 'key k',
  value: 'value v',
  /** When only the first tokens' vectors are listed. */
  firstTokens: 'The first {shown} of {count} tokens.',
  scoresTitle: 'Scores QKᵀ/√dₖ',
  weightsTitle: 'Weights (softmax of each row)',
  /** The scores heatmap's accessible name. */
  scoresLabel: 'Scores of head {head}, {count} by {count}: rows are queries, columns keys; from {low} (orange) to {high} (blue).{masked}',
  maskedNote: ' Masked cells (a key after its query) are hatched.',
  /** The weights heatmap's accessible name. */
  weightsLabel: 'Attention weights of head {head}, {count} by {count}: rows are queries, columns keys; the stronger the colour, the more weight. The table below lists them.',
  tableCaption: 'Where each query token looks (head {head})',
  queryColumn: 'Query',
  mostColumn: 'Most weight on',
  weightColumn: 'Weight',
  nextColumn: 'Then',
  scoreColumn: 'Score',
  /** A key in the table: {token} and its {position}. */
  keyCell: '{token} ({position})',
  mixTitle: 'Mix of values for “{token}” (token {position})',
  /** One term of the mix: {weight} times the value of {token}. */
  mixTerm: '{weight} × value of “{token}” ({position})',
  mixRest: '+ {count} more tokens with {weight} in all',
  output: 'output = Σ weight × value',
  /** Read out when the selection changes: the query token, the key it weighs most, and that weight. */
  selectedSummary: '“{token}” (token {position}) puts most weight, {weight}, on “{key}” (token {keyPosition}).',
  noSelection: 'Pick a query token to see its weighted mix of value vectors.',
  /** Train mode's live status. */
  trainStatus: 'Epoch {epoch} · loss {loss} · accuracy {accuracy}',
  untrained: 'Not trained yet: every row of weights is near uniform.',
  learned: 'Learned: training stopped.',
  diverged: 'Training diverged (a weight stopped being a number). Try a smaller learning rate, then Reset.',
  /** The example the model is shown on: {input} letters, {answer}, and what it predicts. */
  exampleLine: 'Held-out example: {input} → right answer {answer}; the model says {predicted}.',
  trainNote: 'The letters, “→”, then the answer so far: each position after “→” predicts the next letter, attending only backwards.',
});

export type AttentionStrings = typeof ATTENTION_STRINGS;
