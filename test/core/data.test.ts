/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { MAX_DATA_ROWS, describeDataFormat, readDataText } from '../../src/data-text.js';
import { expectNnKitError } from './helpers.js';

const WHERE = 'The data at "x.csv"';
const read = (text: string) => readDataText(text, WHERE);
const rows = (count: number, row: (i: number) => string) => Array.from({ length: count }, (_, i) => row(i)).join('\n');

describe('reading data text', () => {
  describe('CSV', () => {
    it('reads comma rows as the inputs then the target', () => {
      const data = read('1,2,0\n3,4,1');
      expect(data.inputs).to.deep.equal([[1, 2], [3, 4]]);
      expect(data.targets).to.deep.equal([[0], [1]]);
      expect(data.format).to.include({ kind: 'csv', separator: ',', decimalComma: false, header: undefined });
    });

    it('refuses an empty cell, naming its row and column, in the middle and at the end of a row', () => {
      expectNnKitError(() => read('3,,0\n1,2,1'), WHERE, 'row 1, column 2 is empty');
      expectNnKitError(() => read('1,2,1\n5,6,'), 'row 2, column 3 is empty');
    });

    it('reads a first row as a header only when every cell is a name', () => {
      const data = read('x1,x2,label\n1,2,0\n3,4,1');
      expect(data.inputs).to.have.length(2);
      expect(data.format.header).to.deep.equal(['x1', 'x2', 'label']);
      // A number among the names: a row of data with a bad cell, not a header dropped in silence.
      expectNnKitError(() => read('1,NaN,0\n3,4,1'), 'row 1, column 2 is "NaN", not a number');
      expectNnKitError(() => read('x,2,label\n3,4,1'), 'row 1, column 1 is "x", not a number');
      expectNnKitError(() => read('1,Infinity,0\n3,4,1'), 'row 1, column 2 is "Infinity"');
    });

    it('detects the separator from the first row, and reads decimal commas with semicolons or tabs', () => {
      const semicolons = read('x;y;label\n1,5;2,5;1\n-0,5;3;0');
      expect(semicolons.inputs).to.deep.equal([[1.5, 2.5], [-0.5, 3]]);
      expect(semicolons.targets).to.deep.equal([[1], [0]]);
      expect(semicolons.format).to.include({ separator: ';', decimalComma: true });
      const tabs = read('1,25\t2\t0\n3\t4,5\t1');
      expect(tabs.inputs).to.deep.equal([[1.25, 2], [3, 4.5]]);
      expect(tabs.format).to.include({ separator: '\t', decimalComma: true });
      const plain = read('1;2;0\n3;4;1');
      expect(plain.format).to.include({ separator: ';', decimalComma: false });
      // With commas between cells, a comma is never a decimal point: "1,5;2,5;1" is not four inputs.
      expect(read('1,5;2,5;1\n2;3;0').inputs[0]).to.deep.equal([1.5, 2.5]);
      expectNnKitError(() => read('1,2,0\n3;4;1'), 'row 2 has 1 value, not 3');
    });

    it('reads CR, LF and CRLF line ends, a byte-order mark, comments, blank lines and true minus signs', () => {
      const expected = { inputs: [[-1, 2], [3, 0.004]], targets: [[0], [1]] };
      for (const text of ['-1,2,0\r3,4e-3,1', '-1,2,0\n3,4e-3,1\n', '\ufeff# a comment\r\n\r\n\u22121,2,0\r\n3,4E-3,1\r\n']) {
        const { inputs, targets } = read(text);
        expect({ inputs, targets }, JSON.stringify(text)).to.deep.equal(expected);
      }
    });

    it('refuses rows of different widths, a single column, a header alone, hex and numbers too large', () => {
      expectNnKitError(() => read('1,2,0\n3,4'), 'row 2 has 2 values, not 3 as in row 1');
      expectNnKitError(() => read('1\n2'), 'row 1 needs the inputs then the target');
      expectNnKitError(() => read('x,y,label'), 'a header row but no rows of data');
      expectNnKitError(() => read('# nothing\n\n'), 'no rows of data');
      expectNnKitError(() => read('0x10,1,0\n1,2,1'), 'row 1, column 1 is "0x10", not a number');
      expectNnKitError(() => read('1e400,1,0\n1,2,1'), 'row 1, column 1 is "1e400", too large');
    });

    it(`refuses more than ${MAX_DATA_ROWS} rows with a message`, () => {
      expect(read(rows(MAX_DATA_ROWS, (i) => `${i},1,0`)).inputs).to.have.length(MAX_DATA_ROWS);
      expectNnKitError(() => read(rows(MAX_DATA_ROWS + 1, (i) => `${i},1,0`)), `more than ${MAX_DATA_ROWS} rows`);
    });
  });

  describe('JSON', () => {
    it('reads {inputs, targets} and refuses other shapes', () => {
      const data = read('{"inputs": [[0, 1], [1, 0]], "targets": [[1], [0]]}');
      expect(data.inputs).to.deep.equal([[0, 1], [1, 0]]);
      expect(data.format.kind).to.equal('json');
      expectNnKitError(() => read('[[0, 1, 1], [1, 0, 0]]'), 'must be {"inputs"');
      expectNnKitError(() => read('{"data": [[0, 1]]}'), 'must be {"inputs"');
      expectNnKitError(() => read('{"inputs": [[0, 1]],'), 'is not valid JSON');
    });

    it(`refuses more than ${MAX_DATA_ROWS} rows`, () => {
      const many = JSON.stringify({ inputs: Array.from({ length: MAX_DATA_ROWS + 1 }, () => [0]), targets: [] });
      expectNnKitError(() => read(many), `more than ${MAX_DATA_ROWS} rows`);
    });
  });

  it('says what a text is when it is not data: an HTML page, markup, binary, nothing', () => {
    expectNnKitError(() => read('<!DOCTYPE html>\n<html><body>Not found</body></html>'), 'is an HTML page, not CSV or JSON');
    expectNnKitError(() => read('  <html lang="en"></html>'), 'an HTML page');
    expectNnKitError(() => read('<?xml version="1.0"?><data/>'), 'markup (HTML or XML)');
    expectNnKitError(() => read('\u0089PNG\r\n\u001a\n\u0000\u0000'), 'is binary');
    expectNnKitError(() => read(' \n\t '), 'is empty');
  });

  it('describes how the text was read', () => {
    const semicolons = read('x;y;label\n1,5;2;1\n2;3;0');
    expect(describeDataFormat(semicolons.format, semicolons.inputs.length)).to.equal(
      '2 rows of CSV separated by semicolons, with decimal commas and a header (x, y, label)',
    );
    expect(describeDataFormat(read('1\t2\t0').format, 1)).to.equal('1 row of CSV separated by tabs');
    expect(describeDataFormat({ kind: 'json' }, 3)).to.equal('3 rows of JSON');
  });
});
