/** Gradient descent on loss surfaces of two parameters, and a trainer's loss over two of its weights. */
export { type DescentOptions, type DescentPoint, type LineSlice, type StepPreview, Descent, ESCAPE, lineSlice } from './descent.js';
export { type Bounds, type GridExtent, type Objective, type Surface, getSurface, sampleGrid, surfaces } from './surfaces.js';
export { type WeightPlace, WeightSlice, weightIndexOf } from './weight-slice.js';
