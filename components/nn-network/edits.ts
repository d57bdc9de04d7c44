import type { Network } from '../../src/index.js';
import type { NetworkUpdateDetail } from '../shared/network-source.js';
import type { NodeKey } from './diagram.js';
import type { EditHandlers } from './panels.js';

/** Detail of `nn-forward`: the values fed in and what came out. */
export interface ForwardDetail {
  inputs: number[];
  outputs: number[];
}

/**
 * Detail of `change`, one per reader edit. `layer` of a weight is the weight layer, as in
 * the model JSON: weights[layer][to][from] (layer 0 joins the inputs to the first hidden
 * layer); `layer` of a bias is the neuron's layer (1 = first hidden).
 */
export type ChangeDetail =
  | { kind: 'input'; index: number; value: number; inputs: number[] }
  | { kind: 'weight'; layer: number; from: number; to: number; value: number }
  | { kind: 'bias'; layer: number; neuron: number; value: number };

/** The events `<nn-network>` fires, by name, with their details. */
export interface NetworkEvents {
  'nn-forward': ForwardDetail;
  'nn-network-update': NetworkUpdateDetail;
  change: ChangeDetail;
}

/** What the panels' edits read and tell: the element's side of them. */
export interface EditHost {
  /** The inputs of the shown forward pass. */
  inputs(): ArrayLike<number> | undefined;
  /** The shown network, whose weights and biases the reader edits in place. */
  network(): Network | undefined;
  /** The reader set the inputs. */
  setInputs(inputs: number[]): void;
  /** The reader changed a value (after the inputs or the network were changed); `commit` when they finished. */
  edited(detail: ChangeDetail, commit: boolean): void;
  select(key: NodeKey, from?: number): void;
  pickInput(index: number): void;
  /** Draws again (a field left with no number shows its value). */
  refresh(): void;
}

/** The panels' handlers: an input, a weight or a bias edited, a neuron or an input picked. */
export function editHandlers(host: EditHost): EditHandlers {
  return {
    onInput: (index, value, commit) => {
      const current = host.inputs();
      if (!current) return;
      const inputs = Array.from(current);
      inputs[index] = value;
      host.setInputs(inputs);
      host.edited({ kind: 'input', index, value, inputs: [...inputs] }, commit);
    },
    onWeight: (k, to, from, value, commit) => {
      const network = host.network();
      if (!network) return;
      network.weights[network.weightIndex(k, to, from)] = value;
      host.edited({ kind: 'weight', layer: k, from, to, value }, commit);
    },
    onBias: (layer, index, value, commit) => {
      const network = host.network();
      if (!network) return;
      network.biases[network.biasOffset[layer - 1] + index] = value;
      host.edited({ kind: 'bias', layer, neuron: index, value }, commit);
    },
    onSelect: (key, from) => host.select(key, from),
    onPickInput: (index) => host.pickInput(index),
    onCancel: () => host.refresh(),
  };
}
