import { fraction } from '../shared/scale.js';
import type { Extent, Palette } from './grid.js';
import type { Point, Session } from './session.js';

/**
 * Test points as squares, then training points as circles on top, with the opposite edge: a
 * square is wider than a circle, so a test point under a training point still shows its
 * corners, and no test point hides the data the network learns from. Points of one
 * colour are one path, filled and stroked once, so ten thousand points draw quickly.
 */
export function drawPoints(context: OffscreenCanvasRenderingContext2D, session: Session, extent: Extent, palette: Palette, size: number): void {
  const [min, max] = extent;
  const radius = Math.max(2.5, size / 110);
  context.lineWidth = Math.max(1, radius / 3);
  // Test squares and training circles take opposite edges, in either scheme: squares an edge
  // that stands out from the neutral middle of the scale (dark on light, light on dark),
  // circles the other, so the two kinds differ by more than their shape.
  const { r, g, b } = palette.neutral;
  const light = r + g + b > 3 * 128;
  const edges = light ? { square: 'rgb(0 0 0 / 0.6)', circle: 'rgb(255 255 255 / 0.9)' } : { square: 'rgb(255 255 255 / 0.75)', circle: 'rgb(0 0 0 / 0.75)' };
  for (const [points, square] of [[session.testPoints, true], [session.trainPoints, false]] as const) {
    context.strokeStyle = square ? edges.square : edges.circle;
    for (const [colour, group] of groupByColour(points, session, palette)) {
      context.beginPath();
      for (const point of group) {
        // fraction() stays finite for an extent as wide as the numbers go (±1e308).
        const x = fraction(point.x, min, max) * size;
        const y = (1 - fraction(point.y, min, max)) * size;
        if (square) {
          context.rect(x - radius, y - radius, radius * 2, radius * 2);
        } else {
          context.moveTo(x + radius, y);
          context.arc(x, y, radius, 0, 2 * Math.PI);
        }
      }
      context.fillStyle = colour;
      context.fill();
      context.stroke();
    }
  }
}

/** The points by the colour each is drawn in, in the order the colours first appear. */
function groupByColour(points: readonly Point[], session: Session, palette: Palette): Map<string, Point[]> {
  const groups = new Map<string, Point[]>();
  for (const point of points) {
    const colour = colourOf(point.target, session, palette);
    const group = groups.get(colour);
    if (group) group.push(point);
    else groups.set(colour, [point]);
  }
  return groups;
}

function colourOf(target: number, session: Session, palette: Palette): string {
  if (session.kind === 'regression') {
    // One of the table's 256 colours: at most 256 paths.
    const index = Math.round((Math.max(-1, Math.min(1, target)) + 1) * 127.5) * 4;
    return `rgb(${palette.diverging[index]} ${palette.diverging[index + 1]} ${palette.diverging[index + 2]})`;
  }
  const side = target >= 0.5 ? 255 * 4 : 0;
  const rgb =
    session.classes > 2
      ? palette.classes[target % palette.classes.length]
      : { r: palette.diverging[side], g: palette.diverging[side + 1], b: palette.diverging[side + 2] };
  return `rgb(${rgb.r} ${rgb.g} ${rgb.b})`;
}
