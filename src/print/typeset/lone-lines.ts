// No page holds one line of a paragraph alone: text that must break across pages leaves at least two lines at the
// foot of the page and brings at least two to the head of the next (the typesetter's widow and orphan rule).
import { LINE_GAP, pageBottom, type TypesetContext } from './context.ts';
import { measureRuns } from './rich-text.ts';

/**
 * Make room for flowing text `height` points tall (from measureRuns) at the current position, and say how to set it.
 * This starts a new page when only one line would fit here, and ends this page a line early when only the last line
 * would be left for the next page (or for the last page, when the text runs over several). Call it before drawing anything that belongs with the text (a list marker).
 */
export function avoidLoneLines(context: TypesetContext, height: number, size = context.size): (draw: () => void) => void {
  const asIs = (draw: () => void) => draw();
  const { doc } = context;
  if (context.bottom !== undefined) return asIs;
  const line = measureRuns(context, [{ text: 'x', bold: false, muted: false }], context.width, size);
  const lines = Math.round(height / line);
  const page = doc.page;
  // A line is set while its letters end above the foot: the gap under the last line may reach past it.
  const linesIn = (room: number) => Math.floor((room + LINE_GAP + 0.01) / line);
  const perPage = linesIn(page.height - page.margins.bottom - page.margins.top);
  const fitting = linesIn(pageBottom(context) - doc.y);
  if (lines < 2 || perPage < 4 || lines <= fitting) return asIs;
  const onLastPage = (lines - fitting) % perPage;
  if (fitting < 2 || (onLastPage === 1 && fitting < 3)) {
    doc.addPage();
    return avoidLoneLines(context, height, size);
  }
  if (onLastPage !== 1) return asIs;
  // One line less on this page: its text foot is raised by a line while this text is set, then put back.
  return (draw) => {
    const margins = page.margins;
    page.margins = { ...margins, bottom: margins.bottom + line };
    try {
      draw();
    } finally {
      page.margins = margins;
    }
  };
}
