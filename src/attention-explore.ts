import { ATTENTION_LIMITS, AttentionLayer, checkAttentionShape } from './attention-layer.js';
import { NnKitError, isFiniteNumber } from './errors.js';
import { Random } from './random.js';

/**
 * Weights a writer sets by hand (model JSON): any of them, the rest drawn from the seed.
 * - embeddings: a vector of d-model numbers per word, e.g. {"it": [1, 0, …]};
 * - wq, wk, wv, wo: d-model rows of d-model numbers each ([in][out]: Q = X·Wq);
 * - positions: add the sinusoidal position encoding to each embedding (default true).
 */
export interface AttentionWeightsJSON {
  embeddings?: Record<string, number[]>;
  wq?: number[][];
  wk?: number[][];
  wv?: number[][];
  wo?: number[][];
  positions?: boolean;
}

/** The checked weights, flat: matrices model × model, embeddings by word. */
export interface AttentionWeights {
  embeddings: Map<string, Float64Array>;
  matrices: Partial<Record<'wq' | 'wk' | 'wv' | 'wo', Float64Array>>;
  positions: boolean;
}

const MATRICES = ['wq', 'wk', 'wv', 'wo'] as const;
/** The largest weight accepted: beyond it, scores stop being numbers a reader can read. */
export const ATTENTION_WEIGHT_LIMIT = 1e6;

/** Reads model JSON (text or a parsed object) for a layer of width `model`; throws an NnKitError saying what is wrong. */
export function parseAttentionWeights(given: unknown, model: number, where = 'The weights'): AttentionWeights {
  let json = given;
  if (typeof given === 'string') {
    try {
      json = JSON.parse(given);
    } catch {
      throw new NnKitError(`${where} must be JSON, e.g. {"wq": [[…], …], "embeddings": {"it": […]}}.`);
    }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new NnKitError(`${where} must be a JSON object with any of embeddings, wq, wk, wv, wo and positions.`);
  const known = new Set(['embeddings', ...MATRICES, 'positions']);
  for (const key of Object.keys(json)) if (!known.has(key)) throw new NnKitError(`${where} has "${key.slice(0, 40)}"; use embeddings, wq, wk, wv, wo or positions.`);
  if (Object.keys(json).length === 0) throw new NnKitError(`${where} sets nothing: give any of embeddings, wq, wk, wv, wo and positions.`);
  const record = json as Record<string, unknown>;
  const vector = (value: unknown, name: string): Float64Array => {
    if (!Array.isArray(value) || value.length !== model) throw new NnKitError(`${where}: ${name} must list ${model} numbers (d-model); got ${Array.isArray(value) ? value.length : typeof value}.`);
    if (!value.every((v) => isFiniteNumber(v) && Math.abs(v) <= ATTENTION_WEIGHT_LIMIT)) throw new NnKitError(`${where}: ${name} must hold numbers within ±${ATTENTION_WEIGHT_LIMIT}.`);
    return Float64Array.from(value as number[]);
  };
  const matrices: AttentionWeights['matrices'] = {};
  for (const name of MATRICES) {
    const rows = record[name];
    if (rows === undefined) continue;
    if (!Array.isArray(rows) || rows.length !== model) throw new NnKitError(`${where}: ${name} must have ${model} rows (d-model) of ${model} numbers.`);
    const flat = new Float64Array(model * model);
    rows.forEach((row, i) => flat.set(vector(row, `${name} row ${i + 1}`), i * model));
    matrices[name] = flat;
  }
  const embeddings = new Map<string, Float64Array>();
  if (record.embeddings !== undefined) {
    const table = record.embeddings;
    if (typeof table !== 'object' || table === null || Array.isArray(table)) throw new NnKitError(`${where}: embeddings must be an object of vectors by word, e.g. {"it": [${Array(model).fill(0).join(', ')}]}.`);
    for (const [word, value] of Object.entries(table)) embeddings.set(word, vector(value, `the embedding of "${word.slice(0, 40)}"`));
  }
  if (record.positions !== undefined && typeof record.positions !== 'boolean') throw new NnKitError(`${where}: positions must be true or false.`);
  return { embeddings, matrices, positions: record.positions !== false };
}

/** Tokens the explorer first makes room for. */
const FIRST_ROOM = 16;

/** How much larger than 𝒩(0, 1/model) the explorer draws Wq and Wk. */
const EXPLORE_QK_SCALE = 2;

/** A seed for a word: FNV-1a of its text, mixed with the element's seed. */
function wordSeed(word: string, seed: number): number {
  let hash = 0x811c9dc5 ^ Math.imul(seed | 0, 0x9e3779b1);
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The sinusoidal position encoding of Vaswani et al.: PE(p, 2i) = sin(p/10000^(2i/d)), PE(p, 2i+1) = cos(…). */
export function positionEncoding(position: number, model: number, out: Float64Array, at = 0): void {
  for (let c = 0; c < model; c++) {
    const angle = position / 10000 ** ((2 * Math.floor(c / 2)) / model);
    out[at + c] = c % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
  }
}

export interface AttentionExplorerOptions {
  model?: number;
  heads?: number;
  seed?: number;
  weights?: AttentionWeights;
}

/**
 * Self-attention over the words a reader types: each word's embedding (the writer's, or a
 * vector drawn from the seed and the word itself, so a word always gets the same one) plus,
 * unless turned off, its position's sinusoidal encoding; then one attention layer whose
 * weights are the writer's or drawn from the seed.
 */
export class AttentionExplorer {
  /** The layer: room for the longest sentence run so far (it grows, keeping its weights, when a longer one comes). */
  layer: AttentionLayer;
  readonly model: number;
  readonly positions: boolean;
  /** The embedded tokens of the last run (tokens × model). */
  x: Float64Array;
  private readonly seed: number;
  private readonly given: Map<string, Float64Array>;
  private readonly encoding: Float64Array;

  constructor(options: AttentionExplorerOptions = {}) {
    const model = (this.model = options.model ?? 8);
    const heads = options.heads ?? 1;
    checkAttentionShape(model, heads, ATTENTION_LIMITS.tokens);
    this.seed = options.seed ?? 1;
    this.layer = new AttentionLayer(model, heads, FIRST_ROOM);
    const random = new Random(this.seed);
    this.layer.initialize(() => random.normal());
    // Queries and keys twice the usual size: rows of weights with a visible preference, not near uniform.
    for (const w of [this.layer.wq, this.layer.wk]) for (let i = 0; i < w.length; i++) w[i] *= EXPLORE_QK_SCALE;
    const weights = options.weights;
    const square = model * model;
    MATRICES.forEach((name, i) => {
      const matrix = weights?.matrices[name];
      if (matrix) this.layer.params.set(matrix, i * square);
    });
    this.given = weights?.embeddings ?? new Map();
    this.positions = weights?.positions ?? true;
    this.x = new Float64Array(FIRST_ROOM * model);
    this.encoding = new Float64Array(model);
  }

  /** Runs the layer on `words` (1 to ATTENTION_LIMITS.tokens of them). */
  run(words: readonly string[], causal = false, temperature = 1): void {
    const model = this.model;
    const n = words.length;
    if (n < 1 || n > ATTENTION_LIMITS.tokens) throw new NnKitError(`Type 1 to ${ATTENTION_LIMITS.tokens} words; got ${n}.`);
    if (n > this.layer.maxTokens) this.grow(n);
    const x = this.x;
    words.forEach((word, p) => {
      const given = this.given.get(word);
      if (given) x.set(given, p * model);
      else {
        const random = new Random(wordSeed(word, this.seed));
        for (let c = 0; c < model; c++) x[p * model + c] = random.normal();
      }
      if (!this.positions) return;
      positionEncoding(p, model, this.encoding);
      for (let c = 0; c < model; c++) x[p * model + c] += this.encoding[c];
    });
    this.layer.forward(x, n, causal, temperature);
  }

  /** Makes room for `tokens` (doubling, up to the limit), with the same weights. */
  private grow(tokens: number): void {
    const room = Math.min(ATTENTION_LIMITS.tokens, Math.max(tokens, 2 * this.layer.maxTokens));
    const layer = new AttentionLayer(this.model, this.layer.heads, room);
    layer.params.set(this.layer.params);
    this.layer = layer;
    this.x = new Float64Array(room * this.model);
  }
}
