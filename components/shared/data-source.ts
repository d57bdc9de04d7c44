import { NnKitError } from '../../src/index.js';
import { type ReadData, readDataText } from '../../src/data-text.js';

/** Most bytes nn-kit reads from a `src` URL or an inline script. */
export const MAX_SOURCE_BYTES = 5_000_000;

/** The text of the element's first child `<script type="application/json">`, if any. */
export function childJsonText(host: HTMLElement): string | null {
  const script = host.querySelector(':scope > script[type="application/json"]');
  return script ? (script.textContent ?? '') : null;
}

/** Parses JSON, with a message that says where the text came from. */
export function parseJson(text: string, where: string): unknown {
  if (text.length > MAX_SOURCE_BYTES) throw new NnKitError(`${where} is larger than ${MAX_SOURCE_BYTES / 1e6} MB.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new NnKitError(`${where} is not valid JSON (${(error as Error).message}).`);
  }
}

/**
 * Fetches text from a URL, turning every failure into a message for the writer;
 * `what` names the thing in it ("the model from "). The body is read as it arrives and
 * the download is cancelled once it passes MAX_SOURCE_BYTES, so an oversized file costs
 * no more than the limit.
 */
export async function fetchText(url: string, signal: AbortSignal, what = ''): Promise<string> {
  const fail = (reason: string) => new NnKitError(`Could not load ${what}"${url}": ${reason}.`);
  let response: Response;
  try {
    response = await fetch(new URL(url, document.baseURI), { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw fail((error as Error).message);
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => {});
    throw fail(`the server answered ${response.status}`);
  }
  const tooLarge = fail(`it is larger than ${MAX_SOURCE_BYTES / 1e6} MB`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_SOURCE_BYTES) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge;
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > MAX_SOURCE_BYTES) {
        void reader.cancel().catch(() => {});
        throw tooLarge;
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (signal.aborted || error === tooLarge) throw error;
    throw fail((error as Error).message);
  }
  return text + decoder.decode();
}

/**
 * Reads data as `{ "inputs": [[…]], "targets": [[…]] }` JSON, or CSV where each row
 * holds the inputs then one target (see readDataText); the result says how it was read.
 */
export function parseData(text: string, where: string): ReadData {
  if (text.length > MAX_SOURCE_BYTES) throw new NnKitError(`${where} is larger than ${MAX_SOURCE_BYTES / 1e6} MB.`);
  return readDataText(text, where);
}
