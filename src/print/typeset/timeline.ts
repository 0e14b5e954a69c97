// `::timeline{spec="…"}`: a lesson's timeline drawn with PDFKit, a line per row with a tick per event, and each date
// and event as real text beside its tick (above and below the line in turn); in a small box, drawn down the box.
import { isRightToLeft } from './bidi-lines.ts';
import type { TimelineEvent } from '../../lesson/model.ts';
import { TIMELINE_WIDTH, timelineDrawing, type TimelineMark } from '../../lesson/timeline-layout.ts';
import { INK, artifact, ensureSpace, taggedContent, withStructure, type TypesetContext } from './context.ts';
import { drawRuns, measureRuns, type Run } from './rich-text.ts';
import { widthOfText } from './font-runs.ts';
import { texOf } from '../../lesson/inline-math-text.ts';
import { onScratchPage } from './scratch-page.ts';
import type { LeafDirective } from 'mdast-util-directive';
import { eventsOf, type Directive } from '../drawing-directives.ts';

const TICK = 8;
const ROW_GAP = 10;

function labelRuns(mark: TimelineMark): Run[] {
  return [
    { text: mark.date, bold: true, muted: false },
    { text: '\n', bold: false, muted: false },
    { text: mark.event, bold: false, muted: false },
  ];
}

/** Each row's marks with their labels' measured heights, and the height above and below its line. */
function measuredRows(node: Directive, context: TypesetContext) {
  const unit = context.width / TIMELINE_WIDTH;
  return timelineDrawing(eventsOf(node)).rows.map((row) => {
    const marks = row.marks.map((mark) => {
      const width = Math.min(mark.width, TIMELINE_WIDTH - mark.left) * unit;
      return { mark, width, height: measureRuns(context, labelRuns(mark), width) };
    });
    const above = Math.max(0, ...marks.filter(({ mark }) => mark.side === 'above').map((label) => label.height)) + TICK;
    const below = Math.max(0, ...marks.filter(({ mark }) => mark.side === 'below').map((label) => label.height)) + TICK;
    return { row, marks, above, below, unit };
  });
}

function drawingHeight(node: Directive, context: TypesetContext): number {
  return measuredRows(node, context).reduce((sum, row) => sum + row.above + row.below + ROW_GAP, 8);
}

/**
 * Inside a box (a slide of the slides handout), a timeline whose drawing across would be taller than a list down is
 * drawn down instead: a line with a dot per event, each date beside its event, so a long timeline fits one box.
 */
function drawnDown(node: Directive, context: TypesetContext): boolean {
  return context.bottom !== undefined && listHeight(node, context) < drawingHeight(node, context);
}

export function timelineHeight(node: Directive, context: TypesetContext): number {
  return drawnDown(node, context) ? listHeight(node, context) : drawingHeight(node, context);
}

const DOWN_GAP = 3;
const DOT_COLUMN = 12;

/** The timeline drawn down: each event's date, dot and text, and the row's height. */
function listRows(node: Directive, context: TypesetContext) {
  // Formulas in plain characters, as the drawing across has them.
  const events = eventsOf(node).map((event) => ({ date: texOf(event.date), event: texOf(event.event) }));
  const dates = events.map((event): Run[] => [{ text: event.date, bold: true, muted: false }]);
  const dateWidth = Math.min(
    context.width * 0.3,
    onScratchPage(context.doc, ({ doc }) => Math.max(0, ...events.map((event) => widthOfText(doc.fontSize(context.size), event.date, { bold: true })))) + 2,
  );
  const textWidth = context.width - dateWidth - DOT_COLUMN;
  return events.map((event, index) => {
    const text: Run[] = [{ text: event.event, bold: false, muted: false }];
    const height = Math.max(measureRuns(context, dates[index], dateWidth), measureRuns(context, text, textWidth));
    return { date: dates[index], text, height, dateWidth, textWidth };
  });
}

function listHeight(node: Directive, context: TypesetContext): number {
  return listRows(node, context).reduce((sum, row) => sum + row.height + DOWN_GAP, 8);
}

function typesetTimelineDown(node: Directive, context: TypesetContext, rightToLeft: boolean): void {
  const { doc } = context;
  const rows = listRows(node, context);
  const along = (x: number, width: number) => (rightToLeft ? 2 * context.x + context.width - x - width : x);
  const lineX = along(context.x + (rows[0]?.dateWidth ?? 0) + DOT_COLUMN / 2, 0);
  const firstLine = doc.y + 4 + context.size * 0.6;
  doc.y += 4;
  const dots: number[] = [];
  withStructure(context, 'L', (list) => {
    for (const row of rows) {
      const top = doc.y;
      dots.push(top + context.size * 0.6);
      const align = rightToLeft ? { align: 'right' as const } : {};
      taggedContent(list, 'LI', () => {
        drawRuns(list, row.date, { x: along(context.x, row.dateWidth), width: row.dateWidth, ...align });
        doc.y = top;
        drawRuns(list, row.text, { x: along(context.x + row.dateWidth + DOT_COLUMN, row.textWidth), width: row.textWidth, ...align });
      });
      doc.y = top + row.height + DOWN_GAP;
    }
  });
  artifact(doc, () => {
    doc
      .moveTo(lineX, firstLine)
      .lineTo(lineX, dots.at(-1) ?? firstLine)
      .lineWidth(1.2)
      .strokeColor(INK)
      .stroke();
    for (const y of dots) doc.circle(lineX, y, 2.4).fill(INK);
  });
  doc.x = context.x;
  doc.y += 4;
}

export function typesetTimeline(node: Directive, context: TypesetContext): void {
  const { doc } = context;
  if (drawnDown(node, context))
    return typesetTimelineDown(
      node,
      context,
      isRightToLeft(
        eventsOf(node)
          .map((event) => event.event)
          .join(' '),
      ),
    );
  const rows = measuredRows(node, context);
  const first = rows[0];
  if (!first) return;
  // The whole drawing stays on one page when it can; a long one breaks between rows.
  ensureSpace(context, Math.min(timelineHeight(node, context), first.above + first.below + ROW_GAP + 4));
  doc.y += 4;
  // A timeline in a right-to-left language (Arabic, Hebrew) runs from the right, each label ending at its tick.
  const rightToLeft = isRightToLeft(
    eventsOf(node)
      .map((event) => event.event)
      .join(' '),
  );
  const along = (x: number) => (rightToLeft ? 2 * context.x + context.width - x : x);
  withStructure(context, 'L', (list) => {
    for (const { row, marks, above, below, unit } of rows) {
      ensureSpace(context, above + below + ROW_GAP);
      const line = doc.y + above;
      artifact(doc, () =>
        doc
          .moveTo(along(context.x + row.from * unit), line)
          .lineTo(along(context.x + row.to * unit), line)
          .lineWidth(1.6)
          .strokeColor(INK)
          .stroke(),
      );
      for (const { mark, width, height } of marks) {
        const x = along(context.x + mark.x * unit);
        const start = context.x + Math.min(mark.left, TIMELINE_WIDTH - mark.width) * unit;
        const left = rightToLeft ? along(start) - width - 1 : start;
        const top = mark.side === 'above' ? line - TICK - height : line + TICK;
        artifact(doc, () => {
          doc
            .moveTo(x, mark.side === 'above' ? line - TICK + 1 : line)
            .lineTo(x, mark.side === 'above' ? line : line + TICK - 1)
            .lineWidth(1)
            .strokeColor(INK)
            .stroke();
          doc.circle(x, line, 2.8).fill(INK);
        });
        const saved = doc.y;
        doc.y = top;
        taggedContent(list, 'LI', () => drawRuns(list, labelRuns(mark), { x: left, width: width + 1, ...(rightToLeft ? { align: 'right' as const } : {}) }));
        doc.y = saved;
      }
      doc.x = context.x;
      doc.y = line + below + ROW_GAP;
    }
  });
  doc.y += 4;
}

/**
 * A timeline cut in two for a slide box too small for all of it: after its first row, or a single row in halves
 * (each half then has room for wider labels); undefined for a single event.
 */
export function splitTimeline(node: Directive): [LeafDirective, LeafDirective] | undefined {
  const events = eventsOf(node);
  const rows = timelineDrawing(events).rows;
  if (events.length < 2) return undefined;
  const count = rows.length > 1 ? rows[0].marks.length : Math.ceil(events.length / 2);
  return [timelineOf(events.slice(0, count)), timelineOf(events.slice(count))];
}

/** A `::timeline` of these events. */
export function timelineOf(events: TimelineEvent[]): LeafDirective {
  return {
    type: 'leafDirective',
    name: 'timeline',
    attributes: { spec: encodeURIComponent(JSON.stringify(events.map(({ date, event }) => ({ date, event })))) },
    children: [],
  };
}
