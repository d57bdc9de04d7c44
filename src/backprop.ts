import type { Loss } from './losses.js';
import type { Network } from './network.js';

/**
 * Gradient buffers for one network, and backpropagation into them. Allocated once;
 * accumulating a sample allocates nothing.
 */
export class Backprop {
  /** ∂loss/∂w, laid out like `network.weights`. */
  readonly weightGradients: Float64Array;
  /** ∂loss/∂b, laid out like `network.biases`. */
  readonly biasGradients: Float64Array;
  /** ∂loss/∂z for each neuron of the current sample, laid out like `network.sums`. */
  private readonly delta: Float64Array;

  constructor(readonly network: Network) {
    this.weightGradients = new Float64Array(network.weights.length);
    this.biasGradients = new Float64Array(network.biases.length);
    this.delta = new Float64Array(network.sums.length);
  }

  /** Clears the accumulated gradients. */
  reset(): void {
    this.weightGradients.fill(0);
    this.biasGradients.fill(0);
  }

  /**
   * Adds `scale` × the gradient of `loss` for the sample whose forward pass the network
   * has just run, with targets read from `targets` at `start`. Returns the sample's loss.
   */
  accumulate(loss: Loss, targets: Float64Array, start: number, scale: number): number {
    const net = this.network;
    const { layers, weights, sums, values, neuronOffset, weightOffset, biasOffset } = net;
    const { delta, weightGradients, biasGradients } = this;
    const depth = layers.length - 1;
    const outStart = neuronOffset[depth];
    const outSize = layers[depth];
    const sampleLoss = loss.value(values, outStart, targets, start, outSize);

    const output = net.outputActivation;
    if (loss.pairedActivation === output.name && loss.pairedGradient) {
      loss.pairedGradient(values, outStart, targets, start, outSize, delta);
    } else {
      loss.gradient(values, outStart, targets, start, outSize, delta);
      if (output.applyVector) {
        // Softmax Jacobian: ∂L/∂zᵢ = yᵢ (gᵢ − Σⱼ gⱼ yⱼ).
        let dot = 0;
        for (let i = outStart; i < outStart + outSize; i++) dot += delta[i] * values[i];
        for (let i = outStart; i < outStart + outSize; i++) delta[i] = values[i] * (delta[i] - dot);
      } else {
        for (let i = outStart; i < outStart + outSize; i++) delta[i] *= output.df(sums[i], values[i]);
      }
    }
    for (let i = outStart; i < outStart + outSize; i++) delta[i] *= scale;

    for (let k = depth - 1; k >= 0; k--) {
      const fromSize = layers[k];
      const toSize = layers[k + 1];
      const fromStart = neuronOffset[k];
      const toStart = neuronOffset[k + 1];
      const propagate = k > 0;
      if (propagate) delta.fill(0, fromStart, fromStart + fromSize);
      let w = weightOffset[k];
      for (let j = 0; j < toSize; j++) {
        const d = delta[toStart + j];
        if (d === 0) {
          // A ReLU that was off (or no error): this row adds nothing.
          w += fromSize;
          continue;
        }
        biasGradients[biasOffset[k] + j] += d;
        if (propagate) {
          for (let i = 0; i < fromSize; i++, w++) {
            weightGradients[w] += d * values[fromStart + i];
            delta[fromStart + i] += d * weights[w];
          }
        } else {
          let i = 0;
          for (; i + 3 < fromSize; i += 4, w += 4) {
            weightGradients[w] += d * values[fromStart + i];
            weightGradients[w + 1] += d * values[fromStart + i + 1];
            weightGradients[w + 2] += d * values[fromStart + i + 2];
            weightGradients[w + 3] += d * values[fromStart + i + 3];
          }
          for (; i < fromSize; i++, w++) weightGradients[w] += d * values[fromStart + i];
        }
      }
      if (propagate) net.activationOf(k - 1).backwardLayer(sums, values, delta, fromStart, fromStart + fromSize);
    }
    return sampleLoss;
  }
}
