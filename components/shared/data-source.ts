import { type Data, NnKitError } from '../../src/index.js';

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
 * `what` names the thing in it ("the model from ").
 */
export async function fetchText(url: string, signal: AbortSignal, what = ''): Promise<string> {
  let response: Response;
  try {
    response = await fetch(new URL(url, document.baseURI), { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new NnKitError(`Could not load ${what}"${url}": ${(error as Error).message}.`);
  }
  if (!response.ok) throw new NnKitError(`Could not load ${what}"${url}": the server answered ${response.status}.`);
  return response.text();
}

/**
 * Reads data as `{ "inputs": [[…]], "targets": [[…]] }` JSON, or CSV where each row
 * is the inputs followed by one target (a header row of names is skipped).
 */
export function parseData(text: string, where: string): Data {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const json = parseJson(trimmed, where);
    const inputs = readOwn(json, 'inputs');
    const targets = readOwn(json, 'targets');
    if (!Array.isArray(inputs) || !Array.isArray(targets)) {
      throw new NnKitError(`${where} must be {"inputs": [[…]], "targets": [[…]]}.`);
    }
    return { inputs, targets };
  }
  return parseCsv(trimmed, where);
}

function readOwn(json: unknown, key: string): unknown {
  return json && typeof json === 'object' && Object.hasOwn(json, key) ? (json as Record<string, unknown>)[key] : undefined;
}

function parseCsv(text: string, where: string): Data {
  if (text.length > MAX_SOURCE_BYTES) throw new NnKitError(`${where} is larger than ${MAX_SOURCE_BYTES / 1e6} MB.`);
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/[,;\t]/).map((cell) => cell.trim()));
  if (rows.length > 0 && rows[0].some((cell) => cell !== '' && Number.isNaN(Number(cell)))) rows.shift();
  if (rows.length === 0) throw new NnKitError(`${where} has no rows of data.`);
  const inputs: number[][] = [];
  const targets: number[][] = [];
  rows.forEach((cells, r) => {
    const values = cells.map(Number);
    if (values.length < 2 || values.some((value) => !Number.isFinite(value))) {
      throw new NnKitError(`${where}: row ${r + 1} must hold numbers, the inputs then the target ("${cells.join(',').slice(0, 40)}").`);
    }
    inputs.push(values.slice(0, -1));
    targets.push(values.slice(-1));
  });
  return { inputs, targets };
}
