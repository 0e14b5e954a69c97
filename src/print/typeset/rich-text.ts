// Paragraph text with bold, emphasis and links, wrapped in the current column.
import type { PhrasingContent } from 'mdast';
import { printable } from '../fonts.ts';
import { INK, LINE_GAP, MUTED, type TypesetContext } from './context.ts';

export interface Run {
  text: string;
  bold: boolean;
  /** Emphasis prints in grey: the fonts have no italic. */
  muted: boolean;
  link?: string;
}

export function runsOf(nodes: PhrasingContent[], style: Omit<Run, 'text'> = { bold: false, muted: false }): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return [{ ...style, text: node.value.replace(/\s*\n\s*/g, ' ') }];
      case 'strong':
        return runsOf(node.children, { ...style, bold: true });
      case 'emphasis':
      case 'delete':
        return runsOf(node.children, { ...style, muted: true });
      case 'link':
        return runsOf(node.children, { ...style, link: node.url });
      case 'break':
        return [{ ...style, text: '\n' }];
      case 'image':
        return node.alt ? [{ ...style, text: `[${node.alt}]` }] : [];
      case 'html':
        // Print templates may break a line with <br>; any other HTML is ignored on paper.
        return /^<br\s*\/?>$/i.test(node.value) ? [{ ...style, text: '\n' }] : [];
      default:
        return 'children' in node ? runsOf(node.children as PhrasingContent[], style) : [];
    }
  });
}

export function plainOf(runs: Run[]): string {
  return runs.map((run) => run.text).join('');
}

/**
 * Heights already measured, by font, size, width and text: the same paragraph is measured to keep it with a heading,
 * then again to place it, and every PDF of a lesson sets much the same text. Cleared when full, to bound memory.
 */
const measured = new Map<string, number>();
const MAX_MEASURED = 20_000;

/** The height the runs take in a column of `width` points (bold runs measured as bold when they are all bold). */
export function measureRuns(context: TypesetContext, runs: Run[], width = context.width, size = context.size): number {
  // Measured line by line (a <br> starts a line), each in bold when all of it is bold, as drawRuns will draw it.
  return splitLines(runs).reduce((total, line) => {
    const font = line.length > 0 && line.every((run) => run.bold) ? 'bold' : 'body';
    const text = printable(plainOf(line)) || ' ';
    const key = `${font} ${size} ${width} ${text}`;
    let height = measured.get(key);
    if (height === undefined) {
      if (measured.size >= MAX_MEASURED) measured.clear();
      context.doc.font(font).fontSize(size);
      measured.set(key, (height = context.doc.heightOfString(text, { width, lineGap: LINE_GAP })));
    }
    return total + height;
  }, 0);
}

function splitLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part !== '') lines.at(-1)!.push({ ...run, text: part });
    });
  }
  return lines;
}

/** Draw runs at the current position; the caller has tagged the content. A "\n" run (a <br>) starts a new line. */
export function drawRuns(context: TypesetContext, runs: Run[], options: { x?: number; width?: number; size?: number; color?: string } = {}): void {
  for (const line of splitLines(runs)) drawLine(context, line.length > 0 ? line : [{ text: ' ', bold: false, muted: false }], options);
}

function drawLine(context: TypesetContext, visible: Run[], options: { x?: number; width?: number; size?: number; color?: string }): void {
  const { doc } = context;
  const x = options.x ?? context.x;
  const width = options.width ?? context.width;
  const size = options.size ?? context.size;
  // Inside a box (a card, a slide), text stops at the box's edge with an ellipsis instead of running on.
  const room = context.bottom === undefined ? undefined : context.bottom - doc.y;
  if (room !== undefined && room < size) return;
  visible.forEach((run, index) => {
    doc
      .font(run.bold ? 'bold' : 'body')
      .fontSize(size)
      .fillColor(run.link ? '#0b3d91' : run.muted ? MUTED : (options.color ?? INK));
    const textOptions = {
      width,
      lineGap: LINE_GAP,
      continued: index < visible.length - 1,
      link: run.link ?? null,
      underline: Boolean(run.link),
      align: 'left' as const,
      ...(room !== undefined ? { height: room, ellipsis: true } : {}),
    };
    if (index === 0) doc.text(printable(run.text), x, doc.y, textOptions);
    else doc.text(printable(run.text), textOptions);
  });
  doc.x = context.x;
}
