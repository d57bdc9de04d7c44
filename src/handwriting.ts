/**
 * Handwritten digits: the kit's digits text format, and the preprocessing that turns a
 * 28 × 28 drawing into the 8 × 8 input the UCI digits have (and back, for the pad).
 */
export { DIGIT_SYMBOLS, type DigitSet, MAX_DIGITS, parseDigits } from './digits.js';
export { DIGIT_SIZE, DRAWING_SIZE, type DigitImageOptions, PEN_RADIUS, DIGIT_DISTORTION, type DigitDistortion, type DrawnDistortion, augmentDigit, drawDistortion, digitToDrawing, drawingToDigit, inkStrokes, padDigit } from './digit-image.js';
