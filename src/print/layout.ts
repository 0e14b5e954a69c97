// Drawing primitives for printed pages: headings kept with what follows, writing lines, boxes, tables.
import { printable } from './fonts.ts';
import type { Pdf } from './pdf-document.ts';

export const BODY_SIZE = 11.5;
export const LINE_GAP = 2.5;
export const INK = 'black';
export const MUTED = '#404040';
export const RULE = '#6b6b6b';
export const FILL = '#e8e8e8';

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function left(doc: Pdf): number {
  return doc.page.margins.left;
}

function pageBottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Start a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

export function bodyText(doc: Pdf, text: string, options: PDFKit.Mixins.TextOptions & { size?: number; color?: string; font?: string; x?: number } = {}): void {
  const { size = BODY_SIZE, color = INK, font = 'body', x = left(doc), ...rest } = options;
  const width = rest.width ?? contentWidth(doc) - (x - left(doc));
  doc
    .font(font)
    .fontSize(size)
    .fillColor(color)
    .text(printable(text), x, doc.y, { lineGap: LINE_GAP, ...rest, width });
}

const HEADING_SIZES = [22, 16, 13.5, 12];

/** A heading that never sits alone at the bottom of a page: it moves over with `keepWith` points of what follows. */
export function heading(doc: Pdf, text: string, level: 1 | 2 | 3 | 4, keepWith = 60): void {
  const size = HEADING_SIZES[level - 1];
  doc.font('bold').fontSize(size);
  const height = doc.heightOfString(printable(text), { width: contentWidth(doc) });
  const before = level === 1 ? 0 : level === 2 ? 14 : 8;
  if (doc.y + before + height + keepWith > pageBottom(doc)) doc.addPage();
  else doc.y += before;
  bodyText(doc, text, { font: 'bold', size });
  if (level === 2) {
    const y = doc.y + 1;
    doc
      .moveTo(left(doc), y)
      .lineTo(left(doc) + contentWidth(doc), y)
      .lineWidth(1)
      .strokeColor(INK)
      .stroke();
    doc.y = y + 6;
  } else {
    doc.y += 3;
  }
}

/** Ruled lines to write on. */
export function writingLines(doc: Pdf, count: number, options: { x?: number; width?: number; spacing?: number } = {}): void {
  const x = options.x ?? left(doc);
  const width = options.width ?? contentWidth(doc) - (x - left(doc));
  const spacing = options.spacing ?? 24;
  for (let index = 0; index < count; index++) {
    ensureSpace(doc, spacing);
    const y = doc.y + spacing - 4;
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();
    doc.y += spacing;
  }
  doc.y += 4;
}

/** The school's name (when the project config gives one) and the Name / Class / Date line at the top of a student page. */
export function nameClassDate(doc: Pdf, school?: string): void {
  if (school) {
    bodyText(doc, school, { font: 'bold', size: BODY_SIZE - 0.5, color: MUTED });
    doc.y += 2;
  }
  const y = doc.y + 14;
  const width = contentWidth(doc);
  const fields: [string, number][] = [
    ['Name', 0.5],
    ['Class', 0.25],
    ['Date', 0.25],
  ];
  let x = left(doc);
  doc.font('body').fontSize(BODY_SIZE).fillColor(INK);
  for (const [label, share] of fields) {
    const fieldWidth = width * share;
    doc.text(`${label}:`, x, y - 12, { lineBreak: false });
    const labelWidth = doc.widthOfString(`${label}:`) + 6;
    doc
      .moveTo(x + labelWidth, y + 2)
      .lineTo(x + fieldWidth - 14, y + 2)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();
    x += fieldWidth;
  }
  doc.x = left(doc);
  doc.y = y + 22;
}

/** An empty square to tick, followed by its label, on the current line. */
export function checkbox(doc: Pdf, label: string, x: number, y: number): number {
  doc
    .rect(x, y + 1, 12, 12)
    .lineWidth(1)
    .strokeColor(INK)
    .stroke();
  doc
    .font('body')
    .fontSize(BODY_SIZE + 0.5)
    .fillColor(INK)
    .text(printable(label), x + 18, y, { lineBreak: false });
  return x + 18 + doc.widthOfString(printable(label));
}

/** A bordered box with text inside it. */
export function framedText(doc: Pdf, text: string, options: { size?: number; font?: string } = {}): void {
  const size = options.size ?? BODY_SIZE + 1;
  const font = options.font ?? 'bold';
  const padding = 10;
  const width = contentWidth(doc);
  doc.font(font).fontSize(size);
  const height = doc.heightOfString(printable(text), { width: width - 2 * padding, lineGap: LINE_GAP }) + 2 * padding;
  ensureSpace(doc, height);
  const top = doc.y;
  doc.rect(left(doc), top, width, height).lineWidth(1.2).strokeColor(INK).stroke();
  doc.y = top + padding;
  bodyText(doc, text, { font, size, x: left(doc) + padding, width: width - 2 * padding });
  doc.x = left(doc);
  doc.y = top + height + 10;
}

export interface Column {
  header: string;
  /** Share of the table's width. */
  share: number;
  /** Print the cell's first line in bold (a label), and any further lines as normal text. */
  bold?: boolean;
}

interface TableOptions {
  minRowHeight?: number;
  size?: number;
}

const CELL_PADDING = 5;

function tableGeometry(doc: Pdf, columns: Column[], rows: string[][], options: TableOptions) {
  const size = options.size ?? BODY_SIZE - 0.5;
  const widths = columnWidths(doc, columns, rows, size);
  const split = (cell: string, index: number, header: boolean): [string, string] => {
    const text = printable(cell);
    if (header) return [text, ''];
    if (!columns[index].bold) return ['', text];
    const at = text.indexOf('\n');
    return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
  };
  const cellHeight = (cell: string, index: number, header: boolean) => {
    const [label, rest] = split(cell, index, header);
    const width = widths[index] - 2 * CELL_PADDING;
    const labelHeight = label ? doc.font('bold').fontSize(size).heightOfString(label, { width, lineGap: 1.5 }) : 0;
    const restHeight =
      rest || !label
        ? doc
            .font('body')
            .fontSize(size)
            .heightOfString(rest || ' ', { width, lineGap: 1.5 })
        : 0;
    return labelHeight + restHeight + 2 * CELL_PADDING;
  };
  const rowHeight = (cells: string[], header: boolean) =>
    Math.max(header ? 0 : (options.minRowHeight ?? 0), ...cells.map((cell, index) => cellHeight(cell, index, header)));
  const drawCell = (cell: string, index: number, header: boolean, x: number, top: number) => {
    const [label, rest] = split(cell, index, header);
    const width = widths[index] - 2 * CELL_PADDING;
    doc.x = x + CELL_PADDING;
    doc.y = top + CELL_PADDING;
    if (label)
      doc
        .font('bold')
        .fontSize(size)
        .fillColor(INK)
        .text(label, x + CELL_PADDING, doc.y, { width, lineGap: 1.5 });
    if (rest)
      doc
        .font('body')
        .fontSize(size)
        .fillColor(INK)
        .text(rest, x + CELL_PADDING, doc.y, { width, lineGap: 1.5 });
  };
  return { widths, rowHeight, drawCell };
}

/** Share the width out, but never make a column narrower than its longest word, so no word is broken. */
function columnWidths(doc: Pdf, columns: Column[], rows: string[][], size: number): number[] {
  const total = contentWidth(doc);
  const shares = columns.reduce((sum, column) => sum + column.share, 0);
  const widths = columns.map((column) => (total * column.share) / shares);
  const minimum = columns.map((column, index) => {
    const words = [column.header, ...rows.map((row) => row[index] ?? '')].flatMap((cell) => printable(cell).split(/\s+/));
    doc.font('bold').fontSize(size);
    return Math.max(...words.map((word) => doc.widthOfString(word))) + 2 * CELL_PADDING + 1;
  });
  const short = widths.map((width, index) => Math.max(0, minimum[index] - width));
  const needed = short.reduce((sum, value) => sum + value, 0);
  if (needed === 0) return widths;
  const spare = widths.map((width, index) => (short[index] > 0 ? 0 : Math.max(0, width - minimum[index])));
  const available = spare.reduce((sum, value) => sum + value, 0);
  const take = Math.min(1, needed / Math.max(available, 1));
  return widths.map((width, index) => (short[index] > 0 ? minimum[index] : width - spare[index] * take));
}

/** A table shorter than this moves to the next page whole rather than split. */
const KEEP_TOGETHER = 260;

/** The height a table needs on a page before it may start: all of a short table, else its header and first rows. */
export function tableStartHeight(doc: Pdf, columns: Column[], rows: string[][], options: TableOptions = {}): number {
  const { rowHeight } = tableGeometry(doc, columns, rows, options);
  const heights = [
    rowHeight(
      columns.map((column) => column.header),
      true,
    ),
    ...rows.map((row) => rowHeight(row, false)),
  ];
  const whole = heights.reduce((sum, height) => sum + height, 0);
  return whole <= KEEP_TOGETHER ? whole : heights.slice(0, 4).reduce((sum, height) => sum + height, 0);
}

/**
 * A table with a shaded header row that is repeated on every page it runs onto.
 * Empty cells leave writing room: each row is at least `minRowHeight` tall.
 */
export function table(doc: Pdf, columns: Column[], rows: string[][], options: TableOptions = {}): void {
  const { widths, rowHeight, drawCell } = tableGeometry(doc, columns, rows, options);
  const x0 = left(doc);

  const drawRow = (cells: string[], header: boolean) => {
    const height = rowHeight(cells, header);
    const top = doc.y;
    let x = x0;
    cells.forEach((cell, index) => {
      if (header) doc.rect(x, top, widths[index], height).fillColor(FILL).fill();
      doc.rect(x, top, widths[index], height).lineWidth(0.8).strokeColor(INK).stroke();
      drawCell(cell, index, header, x, top);
      x += widths[index];
    });
    doc.x = x0;
    doc.y = top + height;
  };

  const header = columns.map((column) => column.header);
  ensureSpace(doc, tableStartHeight(doc, columns, rows, options));
  drawRow(header, true);
  for (const row of rows) {
    if (doc.y + rowHeight(row, false) > pageBottom(doc)) {
      doc.addPage();
      drawRow(header, true);
    }
    drawRow(row, false);
  }
  doc.y += 10;
}

/** A bulleted or numbered list of plain text items. */
export function simpleList(doc: Pdf, items: string[], options: { numbered?: boolean; size?: number } = {}): void {
  const size = options.size ?? BODY_SIZE;
  items.forEach((item, index) => {
    const marker = options.numbered ? `${index + 1}.` : '•';
    doc.font('body').fontSize(size);
    ensureSpace(doc, doc.heightOfString(printable(item), { width: contentWidth(doc) - 20 }) + 4);
    const top = doc.y;
    doc.fillColor(INK).text(marker, left(doc) + 2, top, { lineBreak: false });
    doc.y = top;
    bodyText(doc, item, { x: left(doc) + 20, size });
    doc.y += 3;
  });
  doc.x = left(doc);
}
