// A laid-out timeline as SVG for the deck: a line per row, a tick per event, its date in bold and its event beside it.
import { DATE_SIZE, EVENT_SIZE, TIMELINE_WIDTH, wrapText, type TimelineDrawing } from './timeline-layout.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const LINE = 1.2;

/**
 * A line of Arabic or Hebrew in the drawing (which runs left to right) keeps its own direction: a right-to-left mark at
 * each end puts its full stop at its left, where a reader of it expects it.
 */
function ownDirection(text: string): string {
  return /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(text) ? `\u200f${text}\u200f` : text;
}

export function timelineSvg(drawing: TimelineDrawing): string {
  let y = 0;
  const parts: string[] = [];
  for (const row of drawing.rows) {
    const labels = row.marks.map((mark) => ({
      mark,
      dates: wrapText(mark.date, mark.width, DATE_SIZE * 1.2),
      lines: wrapText(mark.event, mark.width, EVENT_SIZE),
    }));
    const height = ({ dates, lines }: { dates: string[]; lines: string[] }) => dates.length * DATE_SIZE * LINE + lines.length * EVENT_SIZE * LINE;
    const above = Math.max(0, ...labels.filter((label) => label.mark.side === 'above').map(height)) + 22;
    const below = Math.max(0, ...labels.filter((label) => label.mark.side === 'below').map(height)) + 22;
    const line = Math.round((y + above) * 10) / 10;
    parts.push(`<path d="M${row.from},${line}H${row.to}" stroke="currentColor" stroke-width="5"/>`);
    for (const label of labels) {
      const { mark, dates, lines } = label;
      const top = mark.side === 'above' ? line - 22 - height(label) : line + 22;
      const [tickFrom, tickTo] = mark.side === 'above' ? [top + height(label) + 2, line] : [line, top - 2];
      parts.push(`<path d="M${mark.x.toFixed(1)},${tickFrom.toFixed(1)}V${tickTo.toFixed(1)}" stroke="currentColor" stroke-width="3"/>`);
      parts.push(`<circle cx="${mark.x.toFixed(1)}" cy="${line}" r="9" fill="currentColor"/>`);
      const x = Math.min(mark.left, TIMELINE_WIDTH - mark.width).toFixed(1);
      const datesHeight = dates.length * DATE_SIZE * LINE;
      const tspans = [
        ...dates.map(
          (text, index) =>
            `<tspan x="${x}" y="${(top + DATE_SIZE + index * DATE_SIZE * LINE).toFixed(1)}" font-weight="bold" font-size="${DATE_SIZE}">${escape(text)}</tspan>`,
        ),
        ...lines.map(
          (text, index) => `<tspan x="${x}" y="${(top + datesHeight + (index + 1) * EVENT_SIZE * LINE - 4).toFixed(1)}">${escape(ownDirection(text))}</tspan>`,
        ),
      ];
      parts.push(`<text font-size="${EVENT_SIZE}" fill="currentColor">${tspans.join('')}</text>`);
    }
    y = line + below + 30;
  }
  // Laid out left to right, also in a right-to-left deck (whose direction would anchor each label at its right end).
  return `<svg class="lectern-timeline-drawing" viewBox="0 0 ${TIMELINE_WIDTH} ${Math.round(y - 30)}" aria-hidden="true" direction="ltr" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
