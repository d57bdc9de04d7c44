import { nothing } from 'lit';
import { DIGIT_SIZE, drawingToDigit } from '../../src/index.js';
import { DrawingPad } from '../shared/drawing-pad.js';
import type { ConvolutionStrings } from './nn-convolution.strings.js';
import type { Picture } from './samples.js';

/**
 * The reader's drawing pad, opened by "Draw one": each finished stroke becomes an 8 × 8
 * picture (shrunk as the UCI digits were), handed to `onDrawing`.
 */
export class ReaderPad {
  open = false;
  /** The last drawing, as the network sees it. */
  drawing?: Picture;
  private pad?: DrawingPad;

  constructor(
    private readonly root: () => ParentNode,
    private readonly onDrawing: (picture: Picture) => void,
    private readonly onChange: () => void,
  ) {}

  toggle(): void {
    this.open = !this.open;
    this.pad ??= this.make();
    this.onChange();
  }

  renderPad(words: ConvolutionStrings) {
    return this.open && this.pad ? this.pad.renderPad({ label: words.padLabel, clear: words.clear, undo: words.undo }) : nothing;
  }

  /** Paints the pad's pixels (after each render). */
  paint(): void {
    if (this.open) this.pad?.paint(this.root() as ShadowRoot);
  }

  private make(): DrawingPad {
    return new DrawingPad((image, final) => {
      if (final) {
        this.drawing = { height: DIGIT_SIZE, width: DIGIT_SIZE, pixels: drawingToDigit(image) };
        this.onDrawing(this.drawing);
      }
      this.onChange();
    });
  }
}
