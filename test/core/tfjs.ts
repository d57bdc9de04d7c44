import type * as TF from '@tensorflow/tfjs-core';

/** Loads a classic script once. */
function script(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const element = Object.assign(document.createElement('script'), { src });
    element.onload = () => resolve();
    element.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(element);
  });
}

/**
 * TensorFlow.js (core, the CPU backend, and the layers bundle, which registers the gradient
 * of every op in core's registry) for agreement tests in the browser. Their ES module builds
 * import CommonJS packages the test server cannot serve, so their UMD bundles are loaded as
 * scripts; they share one global `tf`. The CPU backend computes in float32.
 */
export async function loadTensorFlow(): Promise<typeof TF> {
  const global = window as unknown as { tf?: typeof TF };
  if (!global.tf?.train) {
    await script('/node_modules/@tensorflow/tfjs-core/dist/tf-core.es2017.js');
    await script('/node_modules/@tensorflow/tfjs-backend-cpu/dist/tf-backend-cpu.es2017.js');
    await script('/node_modules/@tensorflow/tfjs-layers/dist/tf-layers.es2017.js');
  }
  const tf = global.tf!;
  await tf.setBackend('cpu');
  return tf;
}

/** An activation written as TF.js ops. */
export type Op = (z: TF.Tensor) => TF.Tensor;

/** The core's activations as TF.js ops, from their formulas (GELU's tanh approximation, leaky ReLU's 0.01). */
export function tfActivations(tf: typeof TF): Record<string, Op> {
  const c = Math.sqrt(2 / Math.PI);
  return {
    sigmoid: (z) => tf.sigmoid(z),
    tanh: (z) => tf.tanh(z),
    relu: (z) => tf.relu(z),
    'leaky-relu': (z) => tf.leakyRelu(z, 0.01),
    elu: (z) => tf.elu(z),
    gelu: (z) => tf.mul(tf.mul(0.5, z), tf.add(1, tf.tanh(tf.mul(c, tf.add(z, tf.mul(0.044715, tf.pow(z, 3))))))),
    swish: (z) => tf.mul(z, tf.sigmoid(z)),
    softplus: (z) => tf.softplus(z),
    linear: (z) => z,
    softmax: (z) => tf.softmax(z),
  };
}
