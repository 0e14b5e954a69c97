// Code on paper: the monospaced font, with token kinds told apart in black and white (bold keywords, grey comments,
// dark grey strings), highlighted by the same highlighter as the deck.
import { codeTokens } from '../../shared/highlight-code.ts';
import { measureRuns, splitLines, type Run } from './rich-text.ts';
import type { TypesetContext } from './context.ts';
import { widthOfText, type Pdf } from './font-runs.ts';
import { onScratchPage } from './scratch-page.ts';

const BOLD = new Set(['keyword', 'built', 'literal', 'type', 'selector', 'section', 'name']);
/** Greys that print on any printer and read at 4.5:1 or more on white. */
const GREY: Record<string, string> = { comment: '#5c5c5c', quote: '#5c5c5c', meta: '#5c5c5c', string: '#3d3d3d', regexp: '#3d3d3d' };

export function codeRuns(code: string, language: string | null | undefined): Run[] {
  return codeTokens(code, language).map((token) => {
    const kind = token.kind ?? '';
    return { text: token.text, bold: BOLD.has(kind), muted: false, code: true, ...(GREY[kind] ? { color: GREY[kind] } : {}) };
  });
}

/** One printed line of a code block: a source line, or the part of a long one that wraps onto the next line. */
export interface CodeLine {
  runs: Run[];
  /** A wrapped part: set under the start of its source line's text, after a continuation mark. */
  continuation: boolean;
  /** Points from the block's left edge to where the line's text starts. */
  indent: number;
}

/** The continuation mark's width, and the room it takes before a wrapped part. */
export const CONTINUATION_MARK = 12;

/**
 * A code block's printed lines in a column `width` points wide: a source line too long for it wraps at a space where
 * it can (else anywhere), and each part after the first starts under the line's first letter, after the mark.
 */
export function codeLines(doc: Pdf, runs: Run[], width: number, size: number): CodeLine[] {
  return onScratchPage(doc, ({ doc: page }) => {
    const widthOf = (text: string, bold: boolean) => {
      page.fontSize(size);
      return widthOfText(page, text, { bold, code: true });
    };
    return splitLines(runs).flatMap((line) => wrapLine(line, width, widthOf));
  });
}

function wrapLine(line: Run[], width: number, widthOf: (text: string, bold: boolean) => number): CodeLine[] {
  const text = line.map((run) => run.text).join('');
  if (widthOf(text, false) <= width) return [{ runs: line, continuation: false, indent: 0 }];
  const lead = /^ */.exec(text)![0];
  const indent = Math.min(widthOf(lead, false) + CONTINUATION_MARK, width / 2);
  // Characters with the width each takes (bold keywords are as wide: the font is monospaced, but measured anyway).
  const characters = line.flatMap((run) => [...run.text].map((character) => ({ character, width: widthOf(character, run.bold) })));
  const parts: CodeLine[] = [];
  let start = 0;
  while (start < characters.length) {
    const room = parts.length === 0 ? width : width - indent;
    let end = start;
    let used = 0;
    while (end < characters.length && used + characters[end].width <= room) used += characters[end++].width;
    if (end < characters.length) {
      // Break after the last space of the part, unless that leaves it nearly empty.
      let space = end;
      while (space > start && characters[space - 1].character !== ' ') space--;
      if (space - start > (end - start) / 3) end = space;
      end = Math.max(end, start + 1);
    }
    let from = start;
    // A wrapped part starts at its first letter: the spaces it broke at stay at the end of the part before.
    if (parts.length > 0) while (from < end && characters[from].character === ' ') from++;
    parts.push({ runs: sliceRuns(line, from, end), continuation: parts.length > 0, indent: parts.length > 0 ? indent : 0 });
    start = end;
  }
  return parts.filter((part) => part.runs.length > 0);
}

/** The runs of characters `from` to `to` (counted in code points) of a line. */
function sliceRuns(line: Run[], from: number, to: number): Run[] {
  const sliced: Run[] = [];
  let at = 0;
  for (const run of line) {
    const characters = [...run.text];
    const start = Math.max(from - at, 0);
    const end = Math.min(to - at, characters.length);
    if (end > start) sliced.push({ ...run, text: characters.slice(start, end).join('') });
    at += characters.length;
  }
  return sliced;
}

/** How tall a code block's lines are when set in the context's column, as the code handler sets them. */
export function codeHeight(context: TypesetContext, lines: CodeLine[]): number {
  return lines.reduce((sum, line) => sum + measureRuns(context, line.runs, context.width - line.indent), 0);
}

/** The continuation mark (↪), drawn as lines so that it is never part of the code's text. */
export function drawContinuationMark(doc: Pdf, x: number, y: number, size: number, color: string): void {
  const middle = y + size * 0.62;
  doc
    .moveTo(x + 1.5, y + size * 0.15)
    .lineTo(x + 1.5, middle)
    .lineTo(x + CONTINUATION_MARK - 4, middle)
    .moveTo(x + CONTINUATION_MARK - 6.5, middle - 2.2)
    .lineTo(x + CONTINUATION_MARK - 4, middle)
    .lineTo(x + CONTINUATION_MARK - 6.5, middle + 2.2)
    .lineWidth(0.9)
    .strokeColor(color)
    .stroke();
}
