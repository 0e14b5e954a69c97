// A :::timeline laid out as a drawing: events as ticks on a line, spaced by their dates where every date can be read
// (timeline-date.ts), evenly otherwise, their labels above and below the line in turn, long timelines on several rows.
import { texOf } from './inline-math-text.ts';
import type { TimelineEvent } from './model.ts';
import { parseTimelineDate } from './timeline-date.ts';

export const TIMELINE_WIDTH = 1000;
/** Font sizes in the drawing's units (it is TIMELINE_WIDTH units wide). */
export const DATE_SIZE = 26;
export const EVENT_SIZE = 23;
const PER_ROW = 6;
const EDGE = 24;

export interface TimelineMark {
  date: string;
  event: string;
  /** The tick on the line. */
  x: number;
  side: 'above' | 'below';
  /** The label's box: it starts a little left of the tick and is this wide. */
  left: number;
  width: number;
}

export interface TimelineDrawing {
  rows: { from: number; to: number; marks: TimelineMark[] }[];
  /** Whether distances along the line follow the dates (every date could be read). */
  proportional: boolean;
}

/** Ticks for one row: by date, then pushed apart (and back) to leave each label room. */
function rowMarks(events: TimelineEvent[], starts: number[] | undefined): TimelineMark[] {
  const count = events.length;
  if (count === 1) return [{ ...pick(events[0]), x: EDGE, side: 'above', left: EDGE - 6, width: TIMELINE_WIDTH - 2 * EDGE }];
  let width = 300;
  let gap = 0;
  let last = 0;
  for (let round = 0; round < 4; round++) {
    last = TIMELINE_WIDTH - EDGE - width + 6;
    gap = (0.75 * (last - EDGE)) / (count - 1);
    width = Math.min(2 * gap - 14, 380);
  }
  const first = starts?.[0] ?? 0;
  const span = starts ? starts[count - 1] - first : 0;
  const xs = events.map((_, index) =>
    starts && span > 0 ? EDGE + ((starts[index] - first) / span) * (last - EDGE) : EDGE + (index * (last - EDGE)) / (count - 1),
  );
  for (let index = 1; index < count; index++) xs[index] = Math.max(xs[index], xs[index - 1] + gap);
  xs[count - 1] = Math.min(xs[count - 1], last);
  for (let index = count - 2; index >= 0; index--) xs[index] = Math.min(xs[index], xs[index + 1] - gap);
  // A label reaches to the next label on its side of the line (labels take turns above and below it).
  return events.map((event, index) => ({
    ...pick(event),
    x: xs[index],
    side: index % 2 === 0 ? 'above' : 'below',
    left: Math.max(0, xs[index] - 6),
    width: Math.min((index + 2 < count ? xs[index + 2] : TIMELINE_WIDTH + 8) - xs[index] - 14, 420),
  }));
}

const pick = (event: TimelineEvent) => ({ date: event.date, event: event.event });

export function timelineDrawing(given: TimelineEvent[]): TimelineDrawing {
  // A drawing cannot set a formula: it shows its TeX.
  const events = given.map((event) => ({ ...event, date: texOf(event.date), event: texOf(event.event) }));
  const spans = events.map((event) => parseTimelineDate(event.date));
  const starts = spans.every((span) => span && Number.isFinite(span.start)) ? spans.map((span) => span!.start) : undefined;
  const proportional = starts !== undefined && starts.every((start, index) => index === 0 || start > starts[index - 1]);
  const rowCount = Math.ceil(events.length / PER_ROW);
  const rows: TimelineDrawing['rows'] = [];
  for (let row = 0, taken = 0; row < rowCount; row++) {
    const size = Math.ceil((events.length - taken) / (rowCount - row));
    const slice = events.slice(taken, taken + size);
    const marks = rowMarks(slice, proportional ? starts!.slice(taken, taken + size) : undefined);
    rows.push({ from: Math.max(0, marks[0].x - 16), to: Math.min(TIMELINE_WIDTH, marks.at(-1)!.x + 60), marks });
    taken += size;
  }
  return { rows, proportional };
}

/** Text broken into lines of at most `width` units at `size` (an estimate from average letter widths). */
export function wrapText(text: string, width: number, size: number): string[] {
  const perLine = Math.max(6, Math.floor(width / (size * 0.52)));
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
