import { nothing } from 'lit';
import { DIGIT_SIZE, DRAWING_SIZE, drawingToDigit } from '../../src/index.js';
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

  render(words: ConvolutionStrings) {
    return this.open && this.pad ? this.pad.render({ label: words.padLabel, clear: words.clear, undo: words.undo }) : nothing;
  }

  /** Paints the pad's pixels (after each render). */
  paint(): void {
    if (this.open) this.pad?.paint(this.root() as ShadowRoot);
  }

  private make(): DrawingPad {
    const pad = new DrawingPad((image, final) => {
      if (final) {
        this.drawing = { height: DIGIT_SIZE, width: DIGIT_SIZE, pixels: drawingToDigit(image) };
        this.onDrawing(this.drawing);
      }
      this.onChange();
    });
    measureAgainstCanvas(pad, this.root);
    return pad;
  }
}

/**
 * The shared pad reads where a pointer is from each event's currentTarget; the coalesced
 * events of a pointermove (getCoalescedEvents) have none in Chromium, so a stroke threw.
 * This gives the pad a reader of positions against its canvas, found in `root()`.
 */
function measureAgainstCanvas(pad: DrawingPad, root: () => ParentNode): void {
  Object.defineProperty(pad, 'point', {
    configurable: true,
    value(event: PointerEvent): [number, number] {
      const canvas = root().querySelector('canvas.pad-canvas') ?? (event.currentTarget as Element | null);
      const box = canvas?.getBoundingClientRect() ?? { left: 0, top: 0, width: DRAWING_SIZE, height: DRAWING_SIZE };
      return [((event.clientX - box.left) * DRAWING_SIZE) / Math.max(1, box.width), ((event.clientY - box.top) * DRAWING_SIZE) / Math.max(1, box.height)];
    },
  });
}
