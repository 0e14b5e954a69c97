// Measurements on paper: a number keeps its unit, a unit keeps its slash, and nothing else is held together.
import { describe, expect, it } from 'vitest';
import { keepUnitsTogether } from '../../src/print/typeset/keep-units-together.ts';

const shown = (text: string) =>
  keepUnitsTogether(text)
    .replace(/\u00a0/g, '␣')
    .replace(/\u2060/g, '⁀');

describe('keeping measurements together', () => {
  it('should hold a number to its unit and a unit across its slash', () => {
    expect(shown('The bus went at 90 km/h, then 25 m/s² for 3 s.')).toBe('The bus went at 90␣km/⁀h, then 25␣m/⁀s² for 3␣s.');
    expect(shown('Water boils at 100 °C; the room is 20 °C and 45 %.')).toBe('Water boils at 100␣°C; the room is 20␣°C and 45␣%.');
    expect(shown('A 60 W bulb, 1.5 kg of flour, 250 mL of milk, 101 kPa.')).toBe('A 60␣W bulb, 1.5␣kg of flour, 250␣mL of milk, 101␣kPa.');
  });

  it('should leave words, dates and other slashes alone', () => {
    for (const text of [
      'In 1950 many people moved.',
      'Read pages 3 and 4.',
      'and/or',
      'either/or',
      'He/she',
      '10/12/2024',
      'Year 8 students',
      'https://example.org/a/b',
    ])
      expect(keepUnitsTogether(text), text).toBe(text);
  });
});
