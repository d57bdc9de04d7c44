import type { AttentionLayer } from '../../src/index.js';

/** One head's rows of a tokens × model array: per token, the head's dₖ numbers. */
export function headRows(values: Float64Array, layer: AttentionLayer, head: number): number[][] {
  const { model, headSize, tokens } = layer;
  return Array.from({ length: tokens }, (_, i) => Array.from(values.subarray(i * model + head * headSize, i * model + (head + 1) * headSize)));
}

/** One head's tokens × tokens matrix (scores or weights), as rows. */
export function headMatrix(values: Float64Array, layer: AttentionLayer, head: number): number[][] {
  const n = layer.tokens;
  return Array.from({ length: n }, (_, i) => Array.from(values.subarray((head * n + i) * n, (head * n + i + 1) * n)));
}

/** Every head's rows of a tokens × model array, or of a tokens × tokens matrix. */
export const perHead = (layer: AttentionLayer | undefined, read: (layer: AttentionLayer, head: number) => number[][]): number[][][] =>
  layer && layer.tokens > 0 ? Array.from({ length: layer.heads }, (_, h) => read(layer, h)) : [];

/** The largest finite |value| among a head's entries of a tokens × model array (1 when all are 0). */
export function largest(values: Float64Array, layer: AttentionLayer, head: number): number {
  let max = 0;
  const { model, headSize, tokens } = layer;
  for (let i = 0; i < tokens; i++) {
    for (let c = 0; c < headSize; c++) {
      const size = Math.abs(values[i * model + head * headSize + c]);
      if (size > max && Number.isFinite(size)) max = size;
    }
  }
  return max || 1;
}

/** Each token's full row of a tokens × model array (the embeddings): every column, not one head's. */
export function fullRows(values: Float64Array, layer: AttentionLayer): number[][] {
  const { model, tokens } = layer;
  return Array.from({ length: tokens }, (_, i) => Array.from(values.subarray(i * model, (i + 1) * model)));
}

/** The largest |value| of a tokens × model array's rows in use (1 when all are 0). */
export function largestOfAll(values: Float64Array, layer: AttentionLayer): number {
  let max = 0;
  for (let i = 0; i < layer.tokens * layer.model; i++) {
    const size = Math.abs(values[i]);
    if (size > max && Number.isFinite(size)) max = size;
  }
  return max || 1;
}
