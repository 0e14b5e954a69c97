// Tables: a shaded header row repeated on every page, rich text in cells, writing room in empty cells.
import { isRightToLeft } from './bidi-lines.ts';
import { pdfLabel } from '../pdf-labels.ts';
import { printable } from '../../shared/fonts.ts';
import { FILL, INK, artifact, ensureSpace, pageBottom, taggedContent, withStructure, type TypesetContext } from './context.ts';
import { widthOfText } from './font-runs.ts';
import { drawRuns, measureRuns, plainOf, type Run } from './rich-text.ts';
import { formField } from './form-fields.ts';

export interface TableData {
  header: Run[][];
  rows: Run[][][];
  /** Column widths as shares of the table's width (from `:::table{widths="1,2,2"}`). */
  shares?: number[];
}

const PADDING = 5;
/** A table shorter than this moves to the next page whole rather than split. */
const KEEP_TOGETHER = 260;

/**
 * Share the width by the length of each column's text (or by the template's `widths`), but never below a column's
 * longest word, so no word breaks.
 */
function columnWidths(context: TypesetContext, table: TableData): number[] {
  const { doc } = context;
  const columns = table.header.length;
  const all = [table.header, ...table.rows];
  const lengths =
    table.shares?.length === columns
      ? table.shares
      : Array.from({ length: columns }, (_, column) => Math.max(6, ...all.map((row) => Math.min(60, plainOf(row[column] ?? []).length))));
  const total = lengths.reduce((sum, value) => sum + value, 0);
  const widths = lengths.map((length) => (context.width * length) / total);
  doc.font('bold').fontSize(context.size - 0.5);
  const minimum = Array.from({ length: columns }, (_, column) => {
    // Chinese and Japanese break between any two characters: their "words" are single characters.
    const words = all.flatMap((row) =>
      printable(plainOf(row[column] ?? [])).split(/\s+|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。，：）])/u),
    );
    // A short header ("For (1–4)") stays on one line; otherwise no word is broken.
    const header = printable(plainOf(table.header[column] ?? []));
    const width = (text: string) => widthOfText(doc, text, { bold: true });
    return Math.max(header.length <= 16 ? width(header) : 0, ...words.map(width)) + 2 * PADDING + 1;
  });
  const short = widths.map((width, index) => Math.max(0, minimum[index] - width));
  const needed = short.reduce((sum, value) => sum + value, 0);
  if (needed === 0) return widths;
  const spare = widths.map((width, index) => (short[index] > 0 ? 0 : Math.max(0, width - minimum[index])));
  const available = spare.reduce((sum, value) => sum + value, 0);
  const take = Math.min(1, needed / Math.max(available, 1));
  return widths.map((width, index) => (short[index] > 0 ? minimum[index] : width - spare[index] * take));
}

function rowHeights(context: TypesetContext, table: TableData, widths: number[], minRowHeight: number) {
  const size = context.size - 0.5;
  const height = (row: Run[][], header: boolean) =>
    Math.max(
      header ? 0 : minRowHeight,
      ...row.map(
        (cell, index) => measureRuns(context, header ? cell.map((run) => ({ ...run, bold: true })) : cell, widths[index] - 2 * PADDING, size) + 2 * PADDING,
      ),
    );
  return { header: height(table.header, true), rows: table.rows.map((row) => height(row, false)) };
}

/** The whole height of a table drawn without a page break (as in a box), with the space after it. */
export function tableHeight(context: TypesetContext, table: TableData, minRowHeight = 0): number {
  const heights = rowHeights(context, table, columnWidths(context, table), minRowHeight);
  return heights.header + heights.rows.reduce((sum, value) => sum + value, 0) + 10;
}

/** How much of a table must fit below a heading for the heading to stay with it. */
export function tableStartHeight(context: TypesetContext, table: TableData, minRowHeight = 0): number {
  const heights = rowHeights(context, table, columnWidths(context, table), minRowHeight);
  const whole = heights.header + heights.rows.reduce((sum, value) => sum + value, 0);
  // A long table may start at the foot of a page with its header and first row; the header repeats on the next page.
  return whole <= KEEP_TOGETHER ? whole : heights.header + (heights.rows[0] ?? 0);
}

export function drawTable(context: TypesetContext, table: TableData, minRowHeight = 0): void {
  const { doc } = context;
  const widths = columnWidths(context, table);
  const heights = rowHeights(context, table, widths, minRowHeight);
  const size = context.size - 0.5;
  // A table whose top-left cell is empty heads its rows with their first cells (a comparison table).
  const rowHeaders = plainOf(table.header[0] ?? []).trim() === '';
  // A table whose first words read right to left (Arabic, Hebrew) has its first column on the right.
  const firstWords = [table.header, ...table.rows].flatMap((row) => row.map(plainOf)).find((text) => /\p{L}/u.test(text)) ?? '';
  const rightToLeft = isRightToLeft(firstWords);
  const tableWidth = widths.reduce((sum, width) => sum + width, 0);
  /** How a screen reader meets a cell: a header of its column or row (with its scope), or data. */
  const cellTag = (cell: Run[], header: boolean, column: number): [string, Record<string, unknown>] => {
    if (header) return plainOf(cell).trim() === '' ? ['TD', {}] : ['TH', { scope: 'Column' }];
    return rowHeaders && column === 0 && plainOf(cell).trim() !== '' ? ['TH', { scope: 'Row' }] : ['TD', {}];
  };
  /** What to write in an empty cell: its column's header, and its row's first cell when that names the row. */
  const cellTooltip = (cells: Run[][], column: number): string => {
    const clean = (runs: Run[]) => plainOf(runs).replace(/\s+/g, ' ').trim().slice(0, 100);
    const heading = clean(table.header[column] ?? []) || pdfLabel(context.doc, 'table.column', { number: column + 1 });
    const rowName = column > 0 ? clean(cells[0] ?? []) : '';
    return rowName ? `${heading}: ${rowName}` : heading;
  };
  /** `repeated`: the header row again at the top of a new page, which screen readers skip (an artifact). */
  const drawRow = (cells: Run[][], height: number, header: boolean, parent: TypesetContext, repeated = false) => {
    const top = doc.y;
    const drawCells = (row: TypesetContext | undefined) => {
      let x = context.x;
      cells.forEach((cell, index) => {
        const cellX = rightToLeft ? 2 * context.x + tableWidth - x - widths[index] : x;
        artifact(doc, () => {
          if (header) doc.rect(cellX, top, widths[index], height).fillColor(FILL).fill();
          doc.rect(cellX, top, widths[index], height).lineWidth(0.8).strokeColor(INK).stroke();
        });
        doc.y = top + PADDING;
        const bottomMargin = doc.page.margins.bottom;
        doc.page.margins.bottom = 0; // a cell never starts a new page: rows are measured and placed before
        const draw = (into: TypesetContext) =>
          drawRuns(into, header ? cell.map((run) => ({ ...run, bold: true })) : cell, {
            x: cellX + PADDING,
            width: widths[index] - 2 * PADDING,
            size,
            color: INK,
          });
        if (row && !header && plainOf(cell).trim() === '' && row.fillable) {
          // A cell left empty for students to write in is a field to type in on a fillable worksheet.
          withStructure(row, 'TD', (field) =>
            formField(field, cellX, top, widths[index], height, cellTooltip(cells, index), { multiline: height > 2.2 * size }),
          );
        } else if (row) {
          const [tag, options] = cellTag(cell, header, index);
          taggedContent(row, tag, () => draw(row), options);
        } else artifact(doc, () => draw(parent));
        doc.page.margins.bottom = bottomMargin;
        x += widths[index];
      });
    };
    if (repeated) drawCells(undefined);
    else withStructure(parent, 'TR', (row) => drawCells(row));
    doc.x = context.x;
    doc.y = top + height;
  };

  ensureSpace(context, tableStartHeight(context, table, minRowHeight));
  withStructure(context, 'Table', (tableContext) => {
    drawRow(table.header, heights.header, true, tableContext);
    table.rows.forEach((row, index) => {
      if (context.bottom === undefined && doc.y + heights.rows[index] > pageBottom(context)) {
        doc.addPage();
        drawRow(table.header, heights.header, true, tableContext, true);
      }
      drawRow(row, heights.rows[index], false, tableContext);
    });
  });
  doc.y += 10;
}
