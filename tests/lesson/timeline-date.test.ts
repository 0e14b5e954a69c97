import { describe, expect, it } from 'vitest';
import { parseTimelineDate } from '../../src/lesson/timeline-date.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const span = (first: string, last: string) => ({ start: day(first), end: day(last) + 1 });

describe('parseTimelineDate', () => {
  it('should read years, ranges, decades, months, days and centuries as the days they span', () => {
    expect(parseTimelineDate('1991')).toEqual(span('1991-01-01', '1991-12-31'));
    expect(parseTimelineDate('1950–1953')).toEqual(span('1950-01-01', '1953-12-31'));
    expect(parseTimelineDate('1950-53')).toEqual(span('1950-01-01', '1953-12-31'));
    expect(parseTimelineDate('from 1950 to 1953')).toEqual(span('1950-01-01', '1953-12-31'));
    expect(parseTimelineDate('1950s')).toEqual(span('1950-01-01', '1959-12-31'));
    expect(parseTimelineDate('late 1990s')).toEqual(span('1997-01-01', '1999-12-31'));
    expect(parseTimelineDate('Late 1990s–early 2000s')).toEqual(span('1997-01-01', '2003-12-31'));
    expect(parseTimelineDate('June 2024')).toEqual(span('2024-06-01', '2024-06-30'));
    expect(parseTimelineDate('June–August 2024')).toEqual(span('2024-06-01', '2024-08-31'));
    for (const text of ['19 June 2024', 'June 19, 2024', '19th of June 2024', '2024-06-19']) {
      expect(parseTimelineDate(text), text).toEqual(span('2024-06-19', '2024-06-19'));
    }
    expect(parseTimelineDate('19–21 June 2024')).toEqual(span('2024-06-19', '2024-06-21'));
    expect(parseTimelineDate('c. 1900')).toEqual(span('1900-01-01', '1900-12-31'));
    expect(parseTimelineDate('20th century')).toEqual(span('1900-01-01', '1999-12-31'));
    expect(parseTimelineDate('AD 79')).toEqual(span('0079-01-01', '0079-12-31'));
  });

  it('should put years before Christ before the years after', () => {
    expect(parseTimelineDate('500 BC')!.end).toBeLessThanOrEqual(parseTimelineDate('400 BC')!.start);
    expect(parseTimelineDate('500–400 BC')).toEqual({ start: parseTimelineDate('500 BC')!.start, end: parseTimelineDate('400 BC')!.end });
  });

  it('should put the present after every date', () => {
    expect(parseTimelineDate('Present day')).toEqual({ start: Infinity, end: Infinity });
    expect(parseTimelineDate('today')).toEqual({ start: Infinity, end: Infinity });
  });

  it('should not read what is not a date, or not a real one', () => {
    for (const text of ['Cold War era', 'Recent years', 'June 24', '30 February 2022', '1953–1950', 'Step 1']) {
      expect(parseTimelineDate(text), text).toBeUndefined();
    }
  });
});
