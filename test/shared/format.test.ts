import { expect } from '@open-wc/testing';
import { formatNumber, formatPower, formatTick, plainNumber } from '../../components/shared/format.js';
import { compactNumber, shortNumber } from '../../components/nn-network/names.js';

describe('number formatting for readers', () => {
  it('writes fixed digits with a true minus sign and never "−0"', () => {
    expect(formatNumber(0.6899744811276125)).to.equal('0.69');
    expect(formatNumber(-0.004)).to.equal('0.00');
    expect(formatNumber(-1.5, 1)).to.equal('−1.5');
    expect(formatNumber(Number.NaN)).to.equal('—');
    expect(formatNumber(-Infinity)).to.equal('−∞');
  });

  it('writes huge numbers as powers of ten, never as dozens of digits', () => {
    expect(formatNumber(5.8500499364731545e268, 3)).to.equal('5.9 × 10²⁶⁸');
    expect(formatNumber(-2.5e6)).to.equal('−2.5 × 10⁶');
    expect(formatNumber(999_999.4, 0)).to.equal('999999');
    expect(formatPower(3.2e-12)).to.equal('3.2 × 10⁻¹²');
    for (const value of [1e21, -7e151, 1.7976931348623157e308]) expect(formatNumber(value, 10).length).to.be.below(14);
  });

  it('writes ticks without trailing zeros, huge ones as powers of ten', () => {
    expect(formatTick(0.30000000000000004)).to.equal('0.3');
    expect(formatTick(-0)).to.equal('0');
    expect(formatTick(6e268)).to.equal('6 × 10²⁶⁸');
    expect(formatTick(2.5e9)).to.equal('2.5 × 10⁹');
  });

  it('fits a neuron value in at most six characters, however large', () => {
    expect(shortNumber(0.5)).to.equal('0.50');
    expect(shortNumber(-12.34)).to.equal('−12.3');
    expect(shortNumber(30_984_820_000)).to.equal('3e10');
    expect(shortNumber(-6.97e151)).to.equal('−7e151');
    for (const value of [1e6, 999_499, 4.2e300, -9.9e99]) expect(shortNumber(value).length, String(value)).to.be.at.most(6);
  });

  it('writes ARIA numbers in plain digits, never with an exponent, and reads back the same double', () => {
    expect(plainNumber(1e-7)).to.equal('0.0000001');
    expect(plainNumber(-2.5e21)).to.equal('-2500000000000000000000');
    expect(plainNumber(0.25)).to.equal('0.25');
    for (const value of [5e-324, -1.7976931348623157e308, 2.2250738585072014e-308, 1.5e300, -3.25e-200]) {
      const text = plainNumber(value);
      expect(text, String(value)).to.match(/^-?\d+(\.\d+)?$/);
      expect(Number(text), String(value)).to.equal(value);
    }
  });

  it('abbreviates a neuron value to about four or three characters, without a leading zero', () => {
    expect(compactNumber(-0.584, 4)).to.equal('−.58');
    expect(compactNumber(0.5, 4)).to.equal('.50');
    expect(compactNumber(-0.584, 3)).to.equal('−.6');
    expect(compactNumber(0.001, 4)).to.equal('0');
    expect(compactNumber(1.26, 4)).to.equal('1.3');
    expect(compactNumber(-1.26, 3)).to.equal('−1');
    expect(compactNumber(12.4, 4)).to.equal('12');
    expect(compactNumber(0.996, 4)).to.equal('1.0');
    for (const value of [-0.999, 0.04, 3.3, -45.5, 999, 1234, -98765, 4.2e300]) {
      expect([...compactNumber(value, 4)].length, String(value)).to.be.at.most(5);
    }
  });
});
