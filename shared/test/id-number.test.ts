import { describe, expect, it } from 'vitest';
import {
  ageOn,
  birthDateOf,
  composeIdNumber,
  idNumberCheckChar,
  isValidIdNumber,
  maskIdNumber,
  maskName,
  parseIdNumber,
} from '../src';

describe('resident ID numbers (GB 11643)', () => {
  it('when the published sample 11010519491231002X is parsed, then its check character X is accepted', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(parseIdNumber('11010519491231002X')).toEqual({
      ok: true,
      region: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(parseIdNumber('11010519491231002x').ok).toBe(true);
  });

  it('when a number is composed from its parts, then it validates and reads back', () => {
    const id = composeIdNumber('540102', '1990-01-01', 101);
    expect(id).toMatch(/^54010219900101101[\dX]$/);
    expect(parseIdNumber(id)).toMatchObject({ ok: true, region: '540102', birthDate: '1990-01-01', sex: 'male' });
  });

  it.each([
    ['5401021990010110', 'LENGTH'],
    ['5401021990010110133', 'LENGTH'],
    ['54010219900101101A', 'FORMAT'],
    ['5401021990O101101X', 'FORMAT'],
    ['990102199001011013', 'REGION'],
    ['540102199002301013', 'BIRTH_DATE'],
    ['540102189912311013', 'BIRTH_DATE'],
    ['540102199013011013', 'BIRTH_DATE'],
  ])('when %s is parsed, then it is refused for %s', (id, problem) => {
    expect(parseIdNumber(id)).toEqual({ ok: false, problem });
  });

  it('when one digit of a valid number changes, then the checksum refuses it', () => {
    const id = composeIdNumber('540102', '1990-01-01', 101);
    const altered = `${id.slice(0, 14)}${(Number(id[14]) + 1) % 10}${id.slice(15)}`;
    expect(parseIdNumber(altered)).toEqual({ ok: false, problem: 'CHECKSUM' });
  });

  it('when the birth date lies after today, then the number is refused for that day', () => {
    const id = composeIdNumber('540102', '2026-12-01', 2);
    expect(isValidIdNumber(id)).toBe(true);
    expect(parseIdNumber(id, '2026-11-22')).toEqual({ ok: false, problem: 'BIRTH_DATE' });
  });

  it('when 29 February is in the number, then only leap years pass', () => {
    expect(isValidIdNumber(composeIdNumber('540102', '2012-02-29', 3))).toBe(true);
    expect(parseIdNumber('540102201102290031')).toMatchObject({ ok: false, problem: 'BIRTH_DATE' });
  });

  it.each([
    ['2010-11-22', '2026-11-22', 16],
    ['2010-11-23', '2026-11-22', 15],
    ['2010-11-21', '2026-11-22', 16],
    ['1980-01-01', '2026-11-22', 46],
    ['2026-11-22', '2026-11-22', 0],
    ['2012-02-29', '2028-02-28', 15],
    ['2012-02-29', '2028-02-29', 16],
    ['2012-02-29', '2027-03-01', 15],
    ['2011-02-28', '2027-02-28', 16],
  ])('when born %s, then on %s the age is %i', (born, day, age) => {
    expect(ageOn(born, day)).toBe(age);
  });

  it('when the birth date is read from a number, then positions 7–14 are used, and garbage throws', () => {
    expect(birthDateOf(composeIdNumber('540102', '2011-06-01', 5))).toBe('2011-06-01');
    expect(() => birthDateOf('540102XXXXXXXX0000')).toThrow(RangeError);
    expect(() => ageOn('2011-13-01', '2026-01-01')).toThrow(RangeError);
  });

  it.each([
    ['540102199001011013', '5401**********1013'],
    ['11010519491231002X', '1101**********002X'],
  ])('when %s is shown to someone else, then it reads %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it.each([
    ['张三', '张*'],
    ['张小三', '张*三'],
    ['欧阳小明', '欧**明'],
    ['扎西顿珠', '扎**珠'],
    ['阿依古丽·买买提', '阿******提'],
    ['𠀀小明', '𠀀*明'],
    ['李', '*'],
  ])('when the name %s is shown to someone else, then it reads %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
