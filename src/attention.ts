/**
 * The attention family: multi-head scaled dot-product self-attention (forward and
 * backward), the explorer's embeddings of typed words, and a one-layer attention model
 * that learns toy sequence tasks. A module of its own, so a page pays for it only when an
 * element uses it.
 */
export { ATTENTION_LIMITS, AttentionLayer, attentionParameterCount, checkAttentionShape } from './attention-layer.js';
export {
  ATTENTION_SEPARATOR,
  type AttentionModelOptions,
  AttentionModel,
  type AttentionTask,
  ATTENTION_BATCH,
  ATTENTION_EPOCH,
  ATTENTION_HELD_OUT,
  ATTENTION_LENGTHS,
  ATTENTION_LETTERS,
  getAttentionTask,
  attentionTasks,
} from './attention-model.js';
export {
  type AttentionExplorerOptions,
  type AttentionWeights,
  type AttentionWeightsJSON,
  AttentionExplorer,
  ATTENTION_WEIGHT_LIMIT,
  parseAttentionWeights,
  positionEncoding,
} from './attention-explore.js';
