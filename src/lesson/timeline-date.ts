// Read a timeline date ("1991", "1950–1953", "1950s", "June 2024", "19 June 2024", "c. 1900") as the span of time it names.

/**
 * A span of whole days, counted from 1 January 1970: `start` is its first day, `end` the day after its last.
 * "Today" and "present day" span nothing, after every other date.
 */
export interface DateSpan {
  start: number;
  end: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const NOW = new Set(['today', 'now', 'present', 'present day', 'the present', 'the present day', 'nowadays']);
/** Words that make a date approximate or open-ended; the date still sorts by the time it names. */
const QUALIFIER = /^(?:(?:c|ca|approx)\.\s*|(?:circa|about|around|approximately|since|from|in|the)\s+)/;
const ERA_AFTER = /\s*\b(bce|bc|b\.c\.?|ce|ad|a\.d\.?)$/;
const ERA_BEFORE = /^(ad|a\.d\.?)\s*/;
const ORDINAL = '(?:st|nd|rd|th)?';

/** The span a timeline date names, or undefined when it is not a date Lectern can read ("Cold War era"). */
export function parseTimelineDate(text: string): DateSpan | undefined {
  const date = text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/,/g, ' ')
    .replace(/\b(early|mid|late)\s*-\s*/g, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
  if (NOW.has(date)) return { start: Infinity, end: Infinity };
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  const isoSpan = iso && (iso[3] ? daySpan(+iso[1], +iso[2] - 1, +iso[3]) : monthSpan(+iso[1], +iso[2] - 1));
  if (isoSpan) return isoSpan;
  const range = /^(.+?)\s*(?:-|\bto\b|\buntil\b)\s*(.+)$/.exec(date);
  return range ? rangeSpan(range[1], range[2]) : singleSpan(date);
}

/** "1950–1953", "1950–53", "June–August 2024", "19–21 June 2024", "500–400 BC": from the start of one to the end of the other. */
function rangeSpan(from: string, to: string): DateSpan | undefined {
  // "1950–53": the second year shares the first one's century.
  const end = /^\d{3,4}$/.test(from) && /^\d{1,2}$/.test(to) ? String(Math.floor(+from / 100) * 100 + +to) : to;
  const last = singleSpan(end);
  if (!last) return undefined;
  // The first date may leave out what it shares with the second: its year, its month and year, or its era.
  const era = ERA_AFTER.test(from) ? '' : (ERA_AFTER.exec(end)?.[0] ?? '');
  const words = end.split(' ');
  const first = [from + era, ...words.slice(1).map((_, index) => `${from} ${words.slice(index + 1).join(' ')}`)]
    .map(singleSpan)
    .find((span) => span !== undefined);
  return first && first.start < last.end ? { start: first.start, end: last.end } : undefined;
}

function singleSpan(text: string): DateSpan | undefined {
  let date = text.trim();
  while (QUALIFIER.test(date)) date = date.replace(QUALIFIER, '');
  const era = ERA_AFTER.exec(date)?.[1] ?? ERA_BEFORE.exec(date)?.[1];
  date = date.replace(ERA_AFTER, '').replace(ERA_BEFORE, '');
  const bc = era?.startsWith('b') ?? false;
  const year = (digits: string) => (bc ? 1 - +digits : +digits);
  // Without an era, a number needs three or four digits to be a year: "June 24" is a day without a year.
  const YEAR = era ? '(\\d{1,4})' : '(\\d{3,4})';

  const plainYear = new RegExp(`^${YEAR}$`).exec(date);
  if (plainYear) return yearsSpan(year(plainYear[1]), 1);

  const decade = /^(?:(early|mid|late) )?(\d{2,3}0)'?s$/.exec(date);
  if (decade && !era) return partOf(+decade[2], 10, decade[1]);

  const century = new RegExp(`^(?:(early|mid|late) )?(\\d{1,2})${ORDINAL} century$`).exec(date);
  if (century && +century[2] > 0) return partOf(bc ? 1 - +century[2] * 100 : (+century[2] - 1) * 100, 100, century[1]);

  const monthYear = new RegExp(`^([a-z]+)\\.? ${YEAR}$`).exec(date);
  const month = monthYear ? monthOf(monthYear[1]) : undefined;
  if (monthYear && month !== undefined) return monthSpan(year(monthYear[2]), month);

  const dayMonthYear = new RegExp(`^(\\d{1,2})${ORDINAL} (?:of )?([a-z]+)\\.? ${YEAR}$`).exec(date);
  const dayMonth = dayMonthYear ? monthOf(dayMonthYear[2]) : undefined;
  if (dayMonthYear && dayMonth !== undefined) return daySpan(year(dayMonthYear[3]), dayMonth, +dayMonthYear[1]);

  const monthDayYear = new RegExp(`^([a-z]+)\\.? (\\d{1,2})${ORDINAL} ${YEAR}$`).exec(date);
  const monthFirst = monthDayYear ? monthOf(monthDayYear[1]) : undefined;
  if (monthDayYear && monthFirst !== undefined) return daySpan(year(monthDayYear[3]), monthFirst, +monthDayYear[2]);
  return undefined;
}

/** "June", "Jun" or "Sept": the month's index; any other word: undefined. */
function monthOf(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(word) || (word === 'sept' && month === 'september'));
  return index === -1 ? undefined : index;
}

/** A decade or century, or its early, mid or late part (its first, middle and last third or so). */
function partOf(first: number, length: number, part: string | undefined): DateSpan {
  const cuts = length === 10 ? [0, 4, 7, 10] : [0, 33, 67, 100];
  const which = part === 'early' ? 0 : part === 'mid' ? 1 : part === 'late' ? 2 : undefined;
  return which === undefined ? yearsSpan(first, length) : yearsSpan(first + cuts[which], cuts[which + 1] - cuts[which]);
}

function yearsSpan(first: number, count: number): DateSpan {
  return { start: dayNumber(first, 0, 1), end: dayNumber(first + count, 0, 1) };
}

function monthSpan(year: number, month: number): DateSpan | undefined {
  if (month < 0 || month > 11) return undefined;
  return { start: dayNumber(year, month, 1), end: dayNumber(year, month + 1, 1) };
}

function daySpan(year: number, month: number, day: number): DateSpan | undefined {
  if (month < 0 || month > 11 || day < 1 || day > dayNumber(year, month + 1, 1) - dayNumber(year, month, 1)) return undefined;
  return { start: dayNumber(year, month, day), end: dayNumber(year, month, day) + 1 };
}

/** Days since 1 January 1970; `Date.UTC` would read years 0–99 as 1900–1999, so the year is set on its own. */
function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return Math.round(date.getTime() / 86_400_000);
}
