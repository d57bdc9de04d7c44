import type { PHASES } from './nn-backprop.settings.js';

export type Phase = (typeof PHASES)[number];

/**
 * One stage of the walkthrough: a neuron computed forward, the loss, a neuron's ∂L/∂z
 * backward, one edge's ∂L/∂w, or the update. `layer` counts neuron layers (0: the inputs);
 * an edge belongs to weight layer `layer − 1`, from neuron `from` to neuron `neuron`.
 */
export type Stage =
  | { phase: 'forward'; layer: number; neuron: number }
  | { phase: 'loss' }
  | { phase: 'backward'; layer: number; neuron: number; from?: number }
  | { phase: 'update' };

/** The stages of a network, in order, and when each neuron, edge and the loss is reached. */
export class Stages {
  readonly list: Stage[] = [];
  private readonly index = new Map<string, number>();

  constructor(readonly layers: readonly number[]) {
    const add = (stage: Stage, key: string) => {
      this.index.set(key, this.list.length);
      this.list.push(stage);
    };
    for (let l = 1; l < layers.length; l++) for (let j = 0; j < layers[l]; j++) add({ phase: 'forward', layer: l, neuron: j }, `f${l},${j}`);
    add({ phase: 'loss' }, 'loss');
    for (let l = layers.length - 1; l >= 1; l--) {
      for (let j = 0; j < layers[l]; j++) {
        add({ phase: 'backward', layer: l, neuron: j }, `d${l},${j}`);
        for (let i = 0; i < layers[l - 1]; i++) add({ phase: 'backward', layer: l, neuron: j, from: i }, `e${l},${j},${i}`);
      }
    }
    add({ phase: 'update' }, 'update');
  }

  get count(): number {
    return this.list.length;
  }

  /** The first stage of a phase. */
  start(phase: Phase): number {
    return this.list.findIndex((stage) => stage.phase === phase);
  }

  /** When a neuron's forward values are reached (the inputs: from the start). */
  forward(layer: number, neuron: number): number {
    return layer === 0 ? -1 : this.index.get(`f${layer},${neuron}`)!;
  }

  get loss(): number {
    return this.index.get('loss')!;
  }

  /** When a neuron's ∂L/∂z is reached (the inputs' ∂L/∂x: with the last edge out of them). */
  delta(layer: number, neuron: number): number {
    if (layer === 0) return this.index.get(`e1,${this.layers[1] - 1},${neuron}`)!;
    return this.index.get(`d${layer},${neuron}`)!;
  }

  /** When the gradient of the weight from neuron `from` of layer − 1 to `neuron` of `layer` is reached; a bias: with its neuron's ∂L/∂z. */
  edge(layer: number, neuron: number, from?: number): number {
    return from === undefined ? this.delta(layer, neuron) : this.index.get(`e${layer},${neuron},${from}`)!;
  }
}
