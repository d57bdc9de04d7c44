/**
 * Checks shared by the element tests and the hardening tests: what is drawn holds only
 * finite numbers, ARIA number values are plain decimals, and what reached the console.
 */

/** Every element under a root, inside nested shadow roots too. */
export function deepElements(root: ParentNode, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) deepElements(el.shadowRoot, out);
  }
  return out;
}

const NON_FINITE = /NaN|Infinity/;
/** ARIA's number values, as axe reads them: digits, an optional point, no exponent. */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;
const ARIA_NUMBERS = ['aria-valuenow', 'aria-valuemin', 'aria-valuemax'];

/**
 * What is wrong with the drawing under `root`: any attribute of an SVG element, or any
 * style, holding NaN or Infinity, and any ARIA number value that is not a plain decimal.
 */
export function drawingProblems(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of deepElements(root)) {
    for (const attr of el.attributes) {
      const drawn = el instanceof SVGElement || attr.name === 'style';
      if (drawn && NON_FINITE.test(attr.value)) found.push(`<${el.localName} ${attr.name}="${attr.value.slice(0, 60)}">`);
      if (ARIA_NUMBERS.includes(attr.name) && !DECIMAL.test(attr.value)) found.push(`<${el.localName} ${attr.name}="${attr.value.slice(0, 60)}">`);
    }
  }
  return found;
}

/** Runs `action` while recording console.warn and console.error (and uncaught errors), silencing them. */
export async function captureConsole(action: () => Promise<void>): Promise<{ warnings: string[]; errors: string[] }> {
  const { warn, error } = console;
  const warnings: string[] = [];
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`uncaught ${event.message}`);
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  console.error = (...args: unknown[]) => errors.push(args.join(' '));
  window.addEventListener('error', onError);
  try {
    await action();
  } finally {
    console.warn = warn;
    console.error = error;
    window.removeEventListener('error', onError);
  }
  return { warnings, errors };
}
