import { describe, expect, it } from 'vitest';
import { assertFen, formatYuan, formatYuanPlain, isFen, parseYuan, sumFen } from '../src';

describe('money: integer fen, yuan only for people', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [123456, '¥1,234.56'],
    [300000, '¥3,000.00'],
    [300001, '¥3,000.01'],
    [100000000, '¥1,000,000.00'],
    [-1200, '-¥12.00'],
  ])('when %i fen is formatted, then it reads %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('when a fraction of a fen is formatted, then it throws RangeError', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
    expect(() => formatYuanPlain(Number.NaN)).toThrow(RangeError);
  });

  it.each([
    ['0', 0],
    ['0.01', 1],
    ['0.1', 10],
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['¥3000', 300000],
    ['￥3,000.01', 300001],
    [' 12.3 ', 1230],
    // 0.07 * 100 is 7.000000000000001 in floating point; parsing reads digits instead.
    ['0.07', 7],
    ['1.15', 115],
    ['4.35', 435],
    ['1000000000.00', 100000000000],
  ])('when %j is parsed, then it is %i fen exactly', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each(['', '-1', '1.234', 'abc', '1,23', '1e3', '0x10', '12,34.5', '¥', '.5', '5.', 'NaN', '1000000000.01', '1000000000000'])(
    'when %j is parsed, then it is refused (null)',
    (text) => {
      expect(parseYuan(text)).toBeNull();
    },
  );

  it('when every cent from 0.00 to 99.99 is written and parsed back, then the amount is unchanged', () => {
    for (let fen = 0; fen <= 9999; fen += 1) {
      expect(parseYuan(formatYuanPlain(fen))).toBe(fen);
    }
  });

  it('when amounts are checked, then only non-negative safe integers are fen', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(300000)).toBe(true);
    for (const bad of [-1, 0.5, Number.NaN, Infinity, 2 ** 53, '100', null]) expect(isFen(bad)).toBe(false);
    expect(() => assertFen(-1)).toThrow(RangeError);
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(() => sumFen([1, -2])).toThrow(RangeError);
  });
});
