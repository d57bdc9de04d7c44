import { Network, NnKitError } from '../../src/index.js';
import { isNetworkSource } from '../shared/network-source.js';
import { format } from '../shared/strings.js';
import type { NetworkStrings } from './nn-network.strings.js';

/** The layers drawn when the writer gives no `layers`, model or `for`. */
export const DEFAULT_LAYERS = [3, 4, 2];

/** What loading a model (from `src` or the child script) gave: parsed JSON, or a message for the writer. */
export type ModelResult = { json: unknown } | { problem: string };

/** Everything a network may come from, by precedence (see NnNetwork's documentation). */
export interface NetworkChoice {
  /** Following another element: its name in messages (#id, or its tag), and the element once found. */
  follow?: { id: string; name: string; target: Element | null };
  assigned?: Network;
  /** From `src` or the child script: the model, 'loading', or undefined when there is neither. */
  model?: ModelResult | 'loading';
  layers?: readonly number[];
  /** The hidden activation: one name for all hidden layers, or one per hidden layer. */
  build: { activation: string | readonly string[]; outputActivation: string; seed: number };
  /** The network shown now: kept while a model loads or is refused. */
  shown?: Network;
  words: NetworkStrings;
}

export interface Picked {
  network?: Network;
  /** A problem to show while still drawing `network` (the last good one). */
  problem?: string;
  /** Why nothing is drawn yet, when that is not an error. */
  waiting?: string;
}

/**
 * Chooses the network to show. It keeps one network per settings and one per model object,
 * so a reader's edits of a network survive redraws until what it was made from changes.
 */
export class NetworkPicker {
  private built?: { key: string; network: Network };
  private fromModel?: { json: unknown; network: Network };

  pick(choice: NetworkChoice): Picked {
    const { follow, model, layers, words } = choice;
    if (follow) {
      const { target } = follow;
      if (!target) return { waiting: format(words.waitingForId, { id: follow.id }) };
      const network = isNetworkSource(target) ? target.network : undefined;
      if (!(network instanceof Network)) return { waiting: format(words.waitingForNetwork, { name: follow.name }) };
      return { network };
    }
    if (choice.assigned) return { network: choice.assigned };
    if (model) {
      if (model === 'loading') return { network: choice.shown, waiting: words.loading };
      if ('problem' in model) return { network: choice.shown, problem: model.problem };
      try {
        const network = this.networkFromModel(model.json);
        if (layers && layers.join(',') !== network.layers.join(',')) {
          throw new NnKitError(format(words.mismatch, { model: network.layers.join(','), layers: layers.join(',') }));
        }
        return { network };
      } catch (error) {
        return { network: choice.shown, problem: (error as Error).message };
      }
    }
    const { activation, outputActivation, seed } = choice.build;
    const sizes = layers ?? DEFAULT_LAYERS;
    const key = `${sizes.join(',')}|${activation}|${outputActivation}|${seed}`;
    if (this.built?.key !== key) {
      let network: Network;
      try {
        network = new Network({ layers: [...sizes], activation, outputActivation, seed });
      } catch (error) {
        throw new NnKitError(`activation: ${(error as Error).message}`);
      }
      this.built = { key, network };
    }
    return { network: this.built.network };
  }

  /** One network per model object, so reader edits survive redraws. */
  private networkFromModel(json: unknown): Network {
    const cached = this.fromModel;
    if (cached && cached.json === json) return cached.network;
    const network = Network.fromJSON(json);
    this.fromModel = { json, network };
    return network;
  }
}
