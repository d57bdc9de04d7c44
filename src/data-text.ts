import type { Data } from './data.js';
import { NnKitError } from './errors.js';

/** Most rows nn-kit trains on from a file or a script (twice what `samples` can generate). */
export const MAX_DATA_ROWS = 20_000;

/** How a data text was read, for a summary the writer can check. */
export interface DataFormat {
  readonly kind: 'json' | 'csv';
  /** CSV: the separator found in the first row. */
  readonly separator?: ',' | ';' | '\t';
  /** CSV: true when some number was written with a decimal comma ("1,5"). */
  readonly decimalComma?: boolean;
  /** CSV: the names in the header row, when there is one. */
  readonly header?: readonly string[];
}

/** Data as read from text, with how it was read. */
export interface ReadData extends Data {
  readonly format: DataFormat;
}

const SEPARATOR_NAMES = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' } as const;
/** A plain decimal number: digits with an optional point and exponent (no hex, no "Infinity"). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** Words that spell a number that is no use to train on. */
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;
/** Control characters a text file never holds (tab, line feed and carriage return are allowed). */
const BINARY = /[\u0000-\u0008\u000e-\u001f\ufffd]/;
const HTML = /^<(!doctype\s+html|html|head|body|!--)/i;
/** Longest piece of a cell quoted back in a message. */
const QUOTE_CHARS = 24;

/**
 * Reads data as `{ "inputs": [[…]], "targets": [[…]] }` JSON, or as CSV where each row
 * holds the inputs then one target. The CSV separator (comma, semicolon or tab) is the
 * one found in the first row; with semicolons or tabs a number may use a decimal comma.
 * A first row of names only is a header. Throws an NnKitError that names the row and
 * column of the first bad cell; `where` starts every message ("The data at …").
 */
export function readDataText(text: string, where: string): ReadData {
  const trimmed = text.replace(/^\ufeff/, '').trim();
  if (trimmed === '') throw new NnKitError(`${where} is empty.`);
  if (BINARY.test(trimmed.slice(0, 4096))) {
    throw new NnKitError(`${where} is binary (an image, an archive…), not CSV or JSON text.`);
  }
  if (trimmed.startsWith('<')) {
    const what = HTML.test(trimmed) ? 'an HTML page' : 'markup (HTML or XML)';
    throw new NnKitError(`${where} is ${what}, not CSV or JSON. Check the address.`);
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return readJson(trimmed, where);
  return readCsv(trimmed, where);
}

/** One line for readers: "120 rows of CSV separated by semicolons, with decimal commas and a header (x, y, label)". */
export function describeDataFormat(format: DataFormat, rows: number): string {
  const count = `${rows} row${rows === 1 ? '' : 's'}`;
  if (format.kind === 'json') return `${count} of JSON`;
  const parts = [`${count} of CSV separated by ${SEPARATOR_NAMES[format.separator ?? ',']}`];
  const extras = [
    format.decimalComma ? 'decimal commas' : '',
    format.header ? `a header (${format.header.join(', ').slice(0, 60)})` : '',
  ].filter(Boolean);
  if (extras.length) parts.push(`with ${extras.join(' and ')}`);
  return parts.join(', ');
}

function readJson(text: string, where: string): ReadData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new NnKitError(`${where} is not valid JSON (${(error as Error).message}).`);
  }
  const inputs = ownField(json, 'inputs');
  const targets = ownField(json, 'targets');
  if (Array.isArray(json) || !Array.isArray(inputs) || !Array.isArray(targets)) {
    throw new NnKitError(`${where} must be {"inputs": [[…]], "targets": [[…]]}.`);
  }
  checkRowCount(inputs.length, where);
  return { inputs, targets, format: { kind: 'json' } };
}

function ownField(json: unknown, key: string): unknown {
  return json && typeof json === 'object' && Object.hasOwn(json, key) ? (json as Record<string, unknown>)[key] : undefined;
}

function checkRowCount(rows: number, where: string): void {
  if (rows > MAX_DATA_ROWS) {
    throw new NnKitError(`${where} has more than ${MAX_DATA_ROWS} rows; nn-kit trains on at most ${MAX_DATA_ROWS}. Take a sample of the rows.`);
  }
}

function readCsv(text: string, where: string): ReadData {
  // \r\n, \n and a lone \r (old Mac files) all end a line.
  const lines = text.split(/\r\n|\r|\n/);
  const first = lines.findIndex(isDataLine);
  if (first < 0) throw new NnKitError(`${where} has no rows of data.`);
  const separator = lines[first].includes('\t') ? '\t' : lines[first].includes(';') ? ';' : ',';
  const commaDecimals = separator !== ',';
  let header: string[] | undefined;
  let width = 0;
  let decimalComma = false;
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let index = first; index < lines.length; index++) {
    if (!isDataLine(lines[index])) continue;
    const cells = lines[index].split(separator).map((cell) => cell.trim());
    const row = index + 1;
    if (index === first && cells.every(isName)) {
      header = cells;
      width = cells.length;
      continue;
    }
    if (width === 0) width = cells.length;
    if (cells.length !== width) {
      throw new NnKitError(`${where}: row ${row} has ${cells.length} value${cells.length === 1 ? '' : 's'}, not ${width} as in row ${first + 1}.`);
    }
    if (width < 2) throw new NnKitError(`${where}: row ${row} needs the inputs then the target, at least two values separated by ${SEPARATOR_NAMES[separator]}.`);
    checkRowCount(inputs.length + 1, where);
    const values = cells.map((cell, c) => {
      const usesComma = commaDecimals && cell.includes(',');
      decimalComma ||= usesComma;
      return readCell(usesComma ? cell.replace(',', '.') : cell, cell, where, row, c + 1);
    });
    inputs.push(values.slice(0, -1));
    targets.push(values.slice(-1));
  }
  if (inputs.length === 0) throw new NnKitError(`${where} has a header row but no rows of data.`);
  return { inputs, targets, format: { kind: 'csv', separator, decimalComma, header } };
}

/** A line with data on it: not blank and not a # comment. */
function isDataLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

/** A header cell: some text that is not a number (nor NaN or Infinity, which are meant as numbers). */
function isName(cell: string): boolean {
  return cell !== '' && !DECIMAL.test(cell.replace(',', '.').replace(/^\u2212/, '-')) && !NON_FINITE.test(cell);
}

function readCell(text: string, written: string, where: string, row: number, column: number): number {
  const at = `${where}: row ${row}, column ${column}`;
  if (text === '') throw new NnKitError(`${at} is empty; every cell needs a number.`);
  const normal = text.replace(/^\u2212/, '-');
  const quoted = written.length > QUOTE_CHARS ? `${written.slice(0, QUOTE_CHARS)}…` : written;
  if (!DECIMAL.test(normal)) throw new NnKitError(`${at} is "${quoted}", not a number.`);
  const value = Number(normal);
  if (!Number.isFinite(value)) throw new NnKitError(`${at} is "${quoted}", too large for a number.`);
  return value;
}
