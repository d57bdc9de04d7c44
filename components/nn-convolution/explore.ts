import {
  type Activation,
  type Conv2dShape,
  type PoolShape,
  averagePoolForward,
  conv2dForward,
  conv2dShape,
  conv2dWindow,
  getActivation,
  maxPoolForward,
  poolShape,
} from '../../src/index.js';
import type { Settings } from './read-settings.js';
import type { Picture } from './samples.js';

/** One window, worked: every product, which taps lie on the image, their sum, plus bias, and the activated value. */
export interface Worked {
  row: number;
  column: number;
  products: Float64Array;
  inside: Uint8Array;
  sum: number;
  z: number;
  value: number;
}

/** One kernel over one image, computed by the core: the feature map before and after the activation, and pooled. */
export class Exploration {
  readonly shape: Conv2dShape;
  readonly pool?: PoolShape;
  readonly activation: Activation;
  readonly output: Float64Array;
  readonly activated: Float64Array;
  readonly pooled?: Float64Array;

  constructor(
    readonly picture: Picture,
    readonly settings: Settings,
  ) {
    const { kernelSize, stride, padding, bias, activation, pool, poolSize, kernel } = settings;
    this.shape = conv2dShape({ height: picture.height, width: picture.width, kernelSize, stride, padding });
    const { outHeight, outWidth } = this.shape;
    this.activation = getActivation(activation);
    this.output = conv2dForward(this.shape, picture.pixels, kernel, Float64Array.of(bias), new Float64Array(outHeight * outWidth));
    this.activated = new Float64Array(this.output.length);
    this.activation.forwardLayer(this.output, this.activated, 0, this.output.length);
    if (pool !== 'none') {
      this.pool = poolShape({ height: outHeight, width: outWidth, size: poolSize });
      this.pooled = new Float64Array(this.pool.outHeight * this.pool.outWidth);
      if (pool === 'max') maxPoolForward(this.pool, this.activated, this.pooled, new Int32Array(this.pooled.length));
      else averagePoolForward(this.pool, this.activated, this.pooled);
    }
  }

  /** The window at output (row, column), worked out by the core. */
  work(row: number, column: number): Worked {
    const { shape, settings } = this;
    const products = new Float64Array(shape.kernelHeight * shape.kernelWidth);
    const inside = new Uint8Array(products.length);
    const sum = conv2dWindow(shape, this.picture.pixels, settings.kernel, 0, row, column, products, inside);
    const index = row * shape.outWidth + column;
    return { row, column, products, inside, sum, z: this.output[index], value: this.activated[index] };
  }
}
