import { nothing, svg } from 'lit';
import { signClass, weightWidth } from '../shared/colors.js';
import type { Decision } from './decision.js';

/** What the diagram shows: already formatted where the element decides the digits. */
export interface DiagramModel {
  width: number;
  labels: readonly string[];
  inputs: readonly number[];
  weights: readonly number[];
  bias: number;
  z: number;
  output: number;
  /** The activation's short name, e.g. "σ". */
  symbol: string;
  outputLabel: string;
  decision?: Decision;
  binary: boolean;
  format: (value: number) => string;
  formatInput: (value: number) => string;
}

const ROW = 52;
const OUTPUT_R = 24;
const CHAR = 7.4;
/** Width of one character of the 12px monospace numbers, with a little to spare. */
const MONO_CHAR = 7.4;
/** Width of one character of the activation's name, in em (capitals such as "GELU" are widest). */
const NAME_EM = 0.7;

/** The font size (at most `size`) at which `chars` monospace characters fit in `width`. */
function fitMono(chars: number, width: number, size = 12): number {
  return Math.min(size, Number(((width / Math.max(1, chars)) * (12 / MONO_CHAR)).toFixed(1)));
}

/** Shortens a label to about `chars` characters (the full text is in the controls and the table). */
function fit(label: string, chars: number): string {
  return label.length <= chars ? label : `${label.slice(0, Math.max(1, chars - 1))}…`;
}

/** The height the diagram needs for `count` inputs. */
export function diagramHeight(count: number): number {
  return Math.max(count * ROW, 124) + 44;
}

/**
 * The neuron as a diagram: input nodes on the left, links whose colour shows each
 * weight's sign and whose width its size, the neuron (Σ then the activation), the bias
 * and the output node. Text goes in through lit bindings only.
 */
export function renderDiagram(m: DiagramModel) {
  const n = m.inputs.length;
  const narrow = m.width < 440;
  const neuronR = narrow ? 29 : 34;
  const inputChars = Math.max(...m.inputs.map((x) => m.formatInput(x).length));
  const inputR = Math.min(24, Math.max(17, inputChars * 3.7 + 5));
  const outputText = m.format(m.output);
  // The output node grows a little for long numbers (precision 6); its text shrinks past that.
  const baseOutputR = narrow ? 21 : OUTPUT_R;
  const outputR = Math.min(baseOutputR + 8, Math.max(baseOutputR, outputText.length * 3.9 + 6));
  const symbol = m.symbol.length <= 4 ? m.symbol : 'f';
  const height = diagramHeight(n);
  const top = 16;
  const body = height - top - 28;
  const rowY = (i: number) => top + (body - n * ROW) / 2 + ROW * (i + 0.5) + 6;
  const char = narrow ? 6.4 : CHAR;
  const maxLabel = Math.max(...m.labels.map((l) => l.length), 1);
  // Leave the links and the arrow at least ~30px: labels give way first.
  const needed = 10 + 2 * inputR + 30 + 2 * neuronR + 26 + 2 * outputR + 3;
  const labelWidth = Math.max(30, Math.min(maxLabel * char, m.width * (narrow ? 0.3 : 0.3), m.width - needed));
  const labelChars = Math.max(3, Math.floor(labelWidth / char));
  const inputX = labelWidth + 10 + inputR;
  const outputX = m.width - outputR - 3;
  const neuronX = Math.min(inputX + (outputX - inputX) * 0.56, outputX - outputR - neuronR - 26);
  const neuronY = top + body / 2 + 6;
  // Σ on the left of the divider, the activation's name on the right. A long name ("GELU")
  // gets more of the circle, and a font size at which it fits inside the circle's edge.
  const divider = symbol.length > 1 ? neuronX - neuronR * 0.2 : neuronX;
  const sigmaX = (neuronX - neuronR + divider) / 2 + 1;
  const nameLeft = divider + 2;
  const nameRight = neuronX + Math.sqrt(neuronR ** 2 - 36) - 3;
  const nameX = (nameLeft + nameRight) / 2;
  const presetSize = symbol.length <= 1 ? 18 : symbol.length === 2 ? 15 : 11.5;
  const glyphSize = Math.min(presetSize, Number(((nameRight - nameLeft) / (symbol.length * NAME_EM)).toFixed(1)));
  const showWeights = n <= 6 && !narrow;
  const link = (i: number) => {
    const y = rowY(i);
    const dx = neuronX - inputX;
    const dy = neuronY - y;
    const length = Math.hypot(dx, dy);
    const x1 = inputX + (dx / length) * inputR;
    const y1 = y + (dy / length) * inputR;
    const x2 = neuronX - (dx / length) * neuronR;
    const y2 = neuronY - (dy / length) * neuronR;
    return { x1, y1, x2, y2, mx: x1 + (x2 - x1) * 0.42, my: y1 + (y2 - y1) * 0.42 };
  };
  const outputClass = m.decision?.kind ?? '';
  return svg`
    <g class="links">
      ${m.weights.map((w, i) => {
        const l = link(i);
        const idle = m.inputs[i] === 0 ? 'idle' : '';
        return svg`<line class="link ${signClass(w)} ${idle}" data-index=${i} x1=${l.x1} y1=${l.y1} x2=${l.x2} y2=${l.y2}
          stroke-width=${weightWidth(w)}></line>`;
      })}
      <line class="link out" x1=${neuronX + neuronR} y1=${neuronY} x2=${outputX - outputR - 4} y2=${neuronY}></line>
      <path class="arrow" d="M${outputX - outputR - 10},${neuronY - 5} L${outputX - outputR - 3},${neuronY} L${outputX - outputR - 10},${neuronY + 5}"></path>
    </g>
    ${
      showWeights
        ? svg`<g class="weights">${m.weights.map((w, i) => {
            const l = link(i);
            const text = m.format(w);
            // A pill behind the number, so its own link never runs through it.
            const width = text.length * MONO_CHAR + 10;
            return svg`<g class="weight ${signClass(w)}">
              <rect x=${l.mx - width / 2} y=${l.my - 9} width=${width} height="18" rx="9"></rect>
              <text x=${l.mx} y=${l.my}>${text}</text>
            </g>`;
          })}</g>`
        : nothing
    }
    <g class="inputs ${narrow ? 'narrow' : ''}">
      ${m.inputs.map((x, i) => {
        const y = rowY(i);
        const on = m.binary ? (x !== 0 ? 'on' : 'off') : '';
        return svg`
          <g class="input-node ${on}">
            <text class="label" x=${inputX - inputR - 8} y=${y}>${fit(m.labels[i], labelChars)}</text>
            <circle cx=${inputX} cy=${y} r=${inputR}></circle>
            <text class="value" x=${inputX} y=${y} font-size=${fitMono(inputChars, 2 * inputR - 6)}>${m.formatInput(x)}</text>
          </g>`;
      })}
    </g>
    <g class="neuron">
      <text class="bias-label" x=${neuronX} y=${neuronY - neuronR - 10}>b = ${m.format(m.bias)}</text>
      <circle cx=${neuronX} cy=${neuronY} r=${neuronR}></circle>
      <line class="divider" x1=${divider} x2=${divider} y1=${neuronY - neuronR + 8} y2=${neuronY + neuronR - 8}></line>
      <text class="glyph sum" x=${sigmaX} y=${neuronY} font-size="18">Σ</text>
      <text class="glyph fn" x=${nameX} y=${neuronY} font-size=${glyphSize}>${symbol}</text>
      <text class="z-label" x=${neuronX} y=${neuronY + neuronR + 16}>z = ${m.format(m.z)}</text>
    </g>
    <g class="output-node ${outputClass}">
      <circle cx=${outputX} cy=${neuronY} r=${outputR}></circle>
      <text class="value" x=${outputX} y=${neuronY} font-size=${fitMono(outputText.length, 2 * outputR - 6)}>${outputText}</text>
      ${
        m.decision == null
          ? nothing
          : svg`<text class="decision" x=${outputX} y=${neuronY + outputR + 16}>${m.decision.mark}</text>`
      }
    </g>
  `;
}
