import { NnKitError } from './errors.js';

/** The most tokens an attention layer takes, and the widest model it builds. */
export const ATTENTION_LIMITS = Object.freeze({ tokens: 256, model: 64, heads: 8 });

/** How many numbers an attention layer's weights hold: Wq, Wk, Wv and Wo, each model × model. */
export const attentionParameterCount = (model: number): number => 4 * model * model;

/** Checks a layer's shape; throws an NnKitError saying what is accepted. */
export function checkAttentionShape(model: number, heads: number, tokens: number): void {
  const { model: widest, heads: most, tokens: longest } = ATTENTION_LIMITS;
  if (!Number.isInteger(model) || model < 1 || model > widest) throw new NnKitError(`d-model must be a whole number from 1 to ${widest}; got ${model}.`);
  if (!Number.isInteger(heads) || heads < 1 || heads > most) throw new NnKitError(`heads must be a whole number from 1 to ${most}; got ${heads}.`);
  if (model % heads !== 0) throw new NnKitError(`d-model (${model}) must be a multiple of heads (${heads}), so each head gets d-model / heads numbers.`);
  if (!Number.isInteger(tokens) || tokens < 1 || tokens > longest) throw new NnKitError(`An attention layer takes 1 to ${longest} tokens; got ${tokens}.`);
}

/**
 * Multi-head scaled dot-product self-attention, forward and backward, on flat row-major
 * Float64Arrays allocated once for the longest sequence (`maxTokens`):
 *
 *   Q = X·Wq, K = X·Wk, V = X·Wv (each head h has the columns h·dₖ … (h+1)·dₖ − 1),
 *   Sₕ = Qₕ·Kₕᵀ / √dₖ, Aₕ = softmax(Sₕ / T) row by row (with the causal mask, exactly 0 for j > i),
 *   Mₕ = Aₕ·Vₕ (the heads side by side), Y = M·Wo.
 *
 * The weights live in `params` (Wq, Wk, Wv, Wo in that order, each [in][out]); `backward`
 * adds the gradients into `grads`. Neither pass allocates.
 */
export class AttentionLayer {
  readonly model: number;
  readonly heads: number;
  /** d_k = model / heads: the width of one head's queries, keys and values. */
  readonly headSize: number;
  readonly maxTokens: number;
  readonly params: Float64Array;
  readonly grads: Float64Array;
  readonly wq: Float64Array;
  readonly wk: Float64Array;
  readonly wv: Float64Array;
  readonly wo: Float64Array;
  /** The last forward pass, each tokens × model (heads side by side in the columns). */
  readonly q: Float64Array;
  readonly k: Float64Array;
  readonly v: Float64Array;
  /** heads × tokens × tokens: QₕKₕᵀ/√dₖ before the mask and the softmax. */
  readonly scores: Float64Array;
  /** heads × tokens × tokens: the attention weights (each row sums to 1). */
  readonly weights: Float64Array;
  /** tokens × model: the heads' weighted mixes of values, side by side. */
  readonly mixed: Float64Array;
  /** tokens × model: mixed·Wo. */
  readonly out: Float64Array;
  /** Tokens, causal mask and temperature of the last forward pass. */
  tokens = 0;
  causal = false;
  temperature = 1;
  private input: Float64Array;
  private readonly dMixed: Float64Array;
  private readonly dq: Float64Array;
  private readonly dk: Float64Array;
  private readonly dv: Float64Array;
  private readonly dRow: Float64Array;

  /** `params` and `grads`, when given, are views of a larger model's arrays (4·model² numbers each). */
  constructor(model: number, heads: number, maxTokens: number, params?: Float64Array, grads?: Float64Array) {
    checkAttentionShape(model, heads, maxTokens);
    this.model = model;
    this.heads = heads;
    this.headSize = model / heads;
    this.maxTokens = maxTokens;
    const count = attentionParameterCount(model);
    this.params = params ?? new Float64Array(count);
    this.grads = grads ?? new Float64Array(count);
    if (this.params.length !== count || this.grads.length !== count) throw new NnKitError(`An attention layer of width ${model} has ${count} weights.`);
    const square = model * model;
    [this.wq, this.wk, this.wv, this.wo] = [0, 1, 2, 3].map((i) => this.params.subarray(i * square, (i + 1) * square));
    const rows = maxTokens * model;
    const matrices = heads * maxTokens * maxTokens;
    this.input = new Float64Array(0);
    [this.q, this.k, this.v, this.mixed, this.out, this.dMixed, this.dq, this.dk, this.dv] = Array.from({ length: 9 }, () => new Float64Array(rows));
    this.scores = new Float64Array(matrices);
    this.weights = new Float64Array(matrices);
    this.dRow = new Float64Array(maxTokens);
  }

  /** Draws the weights from 𝒩(0, 1/model) with `normal` (a seeded draw). */
  initialize(normal: () => number): void {
    const scale = 1 / Math.sqrt(this.model);
    for (let i = 0; i < this.params.length; i++) this.params[i] = normal() * scale;
  }

  /**
   * Runs the layer on `x` (tokens × model, row-major): fills q, k, v, scores, weights, mixed
   * and out, and returns out. `x` is kept (not copied) for backward.
   */
  forward(x: Float64Array, tokens: number, causal = false, temperature = 1): Float64Array {
    const { model, heads, headSize: d } = this;
    if (!Number.isInteger(tokens) || tokens < 1 || tokens > this.maxTokens) throw new NnKitError(`This layer takes 1 to ${this.maxTokens} tokens; got ${tokens}.`);
    if (!(temperature > 0) || !Number.isFinite(temperature)) throw new NnKitError(`temperature must be a positive number; got ${temperature}.`);
    this.input = x;
    this.tokens = tokens;
    this.causal = causal;
    this.temperature = temperature;
    multiply(x, this.wq, this.q, tokens, model, model);
    multiply(x, this.wk, this.k, tokens, model, model);
    multiply(x, this.wv, this.v, tokens, model, model);
    const { q, k, v, scores, weights, mixed } = this;
    const scale = 1 / Math.sqrt(d);
    const n = tokens;
    for (let h = 0; h < heads; h++) {
      const offset = h * d;
      for (let i = 0; i < n; i++) {
        const row = (h * n + i) * n;
        let max = -Infinity;
        for (let j = 0; j < n; j++) {
          let dot = 0;
          for (let c = 0; c < d; c++) dot += q[i * model + offset + c] * k[j * model + offset + c];
          const score = dot * scale;
          scores[row + j] = score;
          if ((!causal || j <= i) && score > max) max = score;
        }
        // Stable softmax of S/T: subtract the row's largest unmasked score first.
        let sum = 0;
        for (let j = 0; j < n; j++) {
          const w = causal && j > i ? 0 : Math.exp((scores[row + j] - max) / temperature);
          weights[row + j] = w;
          sum += w;
        }
        for (let j = 0; j < n; j++) weights[row + j] /= sum;
        for (let c = 0; c < d; c++) {
          let total = 0;
          for (let j = 0; j < n; j++) total += weights[row + j] * v[j * model + offset + c];
          mixed[i * model + offset + c] = total;
        }
      }
    }
    multiply(mixed, this.wo, this.out, tokens, model, model);
    return this.out;
  }

  /**
   * Back through the last forward pass: `dOut` is ∂L/∂out (tokens × model). Adds ∂L/∂W into
   * `grads` and, when `dx` is given, writes ∂L/∂x into it (tokens × model).
   */
  backward(dOut: Float64Array, dx?: Float64Array): void {
    const { model, heads, headSize: d, tokens: n, causal, temperature, q, k, v, weights, mixed, dMixed, dq, dk, dv, dRow } = this;
    const x = this.input;
    const square = model * model;
    const g = this.grads;
    // Wo: ∂L/∂Wo += Mᵀ·dOut; ∂L/∂M = dOut·Woᵀ.
    addTransposedProduct(mixed, dOut, g, 3 * square, n, model, model);
    multiplyTransposed(dOut, this.wo, dMixed, n, model, model);
    dq.fill(0, 0, n * model);
    dk.fill(0, 0, n * model);
    dv.fill(0, 0, n * model);
    const scale = 1 / Math.sqrt(d);
    for (let h = 0; h < heads; h++) {
      const offset = h * d;
      for (let i = 0; i < n; i++) {
        const row = (h * n + i) * n;
        // ∂L/∂Aᵢⱼ = dMᵢ·Vⱼ, and ∂L/∂Vⱼ += Aᵢⱼ·dMᵢ.
        let weighted = 0;
        for (let j = 0; j < n; j++) {
          const w = weights[row + j];
          let dot = 0;
          for (let c = 0; c < d; c++) {
            const dm = dMixed[i * model + offset + c];
            dot += dm * v[j * model + offset + c];
            dv[j * model + offset + c] += w * dm;
          }
          dRow[j] = dot;
          weighted += w * dot;
        }
        // Softmax: ∂L/∂Sᵢⱼ = Aᵢⱼ(∂L/∂Aᵢⱼ − Σₖ Aᵢₖ ∂L/∂Aᵢₖ) / T; masked entries have A = 0, so no gradient.
        for (let j = 0; j < n; j++) {
          if (causal && j > i) continue;
          const ds = (weights[row + j] * (dRow[j] - weighted) * scale) / temperature;
          for (let c = 0; c < d; c++) {
            dq[i * model + offset + c] += ds * k[j * model + offset + c];
            dk[j * model + offset + c] += ds * q[i * model + offset + c];
          }
        }
      }
    }
    addTransposedProduct(x, dq, g, 0, n, model, model);
    addTransposedProduct(x, dk, g, square, n, model, model);
    addTransposedProduct(x, dv, g, 2 * square, n, model, model);
    if (!dx) return;
    multiplyTransposed(dq, this.wq, dx, n, model, model);
    addMultiplyTransposed(dk, this.wk, dx, n, model, model);
    addMultiplyTransposed(dv, this.wv, dx, n, model, model);
  }
}

/** out (rows × cols) = a (rows × inner) · b (inner × cols). */
export function multiply(a: Float64Array, b: Float64Array, out: Float64Array, rows: number, inner: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < cols; c++) out[i * cols + c] = 0;
    for (let t = 0; t < inner; t++) {
      const value = a[i * inner + t];
      if (value === 0) continue;
      for (let c = 0; c < cols; c++) out[i * cols + c] += value * b[t * cols + c];
    }
  }
}

/** out (rows × inner) = a (rows × cols) · bᵀ, b being inner × cols. */
function multiplyTransposed(a: Float64Array, b: Float64Array, out: Float64Array, rows: number, inner: number, cols: number): void {
  for (let i = 0; i < rows; i++) for (let t = 0; t < inner; t++) out[i * inner + t] = 0;
  addMultiplyTransposed(a, b, out, rows, inner, cols);
}

/** out (rows × inner) += a (rows × cols) · bᵀ, b being inner × cols. */
export function addMultiplyTransposed(a: Float64Array, b: Float64Array, out: Float64Array, rows: number, inner: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    for (let t = 0; t < inner; t++) {
      let dot = 0;
      for (let c = 0; c < cols; c++) dot += a[i * cols + c] * b[t * cols + c];
      out[i * inner + t] += dot;
    }
  }
}

/** g[at …] (inner × cols) += aᵀ (inner × rows) · b (rows × cols), a being rows × inner. */
export function addTransposedProduct(a: Float64Array, b: Float64Array, g: Float64Array, at: number, rows: number, inner: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    for (let t = 0; t < inner; t++) {
      const value = a[i * inner + t];
      if (value === 0) continue;
      const base = at + t * cols;
      for (let c = 0; c < cols; c++) g[base + c] += value * b[i * cols + c];
    }
  }
}
