// Worksheet directives of print templates: name line, writing lines, boxes, writing tables, cut-out cards, slides, page breaks.
import { toString } from 'mdast-util-to-string';
import { drawTextLine, isRightToLeft } from './bidi-lines.ts';
import { widthOfText } from './font-runs.ts';
import { pdfLabel } from '../pdf-labels.ts';
import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { INK, RULE, artifact, rule, ensureSpace, pageBottom, taggedContent, withStructure, type Handler, type TypesetContext } from './context.ts';
import { nameClassDateLayout, tableData } from './block-shapes.ts';
import { LINE_SPACING, childrenOf, columnLayout, directiveHeight, estimateHeight, numberAttribute, type Directive } from './measure.ts';
import { typesetMap } from './map.ts';
import { typesetSlide } from './slide-box.ts';
import { typesetTimeline } from './timeline.ts';
import { drawRuns } from './rich-text.ts';
import { answerTo, formField } from './form-fields.ts';
import { drawTable } from './table.ts';
import { typesetBlocks } from './typeset-nodes.ts';
import type { DirectiveName } from './directive-names.ts';

type DirectiveHandler = Handler<Directive>;

/** Lines to write on; on a fillable worksheet, one field over the lines of each page, for the question above them. */
function writingLines(context: TypesetContext, count: number): void {
  const { doc } = context;
  const tooltip = answerTo(doc);
  let top = doc.y;
  const field = () => {
    if (doc.y > top) formField(context, context.x, top, context.width, doc.y - top, tooltip, { multiline: true });
  };
  for (let index = 0; index < count; index++) {
    if (context.bottom === undefined && doc.y + LINE_SPACING > pageBottom(context)) {
      // The lines go on over the page: the field so far stays on this page, another starts on the next.
      field();
      doc.addPage();
      top = doc.y;
    }
    rule(doc, context.x, doc.y + LINE_SPACING - 4, context.width, { lineWidth: 0.6, color: RULE });
    doc.y += LINE_SPACING;
  }
  field();
  doc.y += 4;
}

export const directiveHandlers: Record<DirectiveName, DirectiveHandler> = {
  'name-class-date'(node, context) {
    const { doc } = context;
    const layout = nameClassDateLayout(node, context);
    const top = doc.y;
    if (layout.schoolRuns.length > 0) taggedContent(context, 'P', () => drawRuns(context, layout.schoolRuns, { size: layout.schoolSize }));
    const y = top + layout.schoolHeight + layout.fieldsBaseline;
    const fields = [
      [pdfLabel(doc, 'page.name'), 0.5, pdfLabel(doc, 'field.name')],
      [pdfLabel(doc, 'page.class'), 0.25, pdfLabel(doc, 'field.class')],
      [pdfLabel(doc, 'page.date'), 0.25, pdfLabel(doc, 'field.date')],
    ] as const;
    // In a right-to-left language the line reads from the right: the name first, each label right of its line.
    const rightToLeft = isRightToLeft(fields[0][0]);
    let offset = 0;
    // Each label is a paragraph and, on a fillable worksheet, the line after it a field to type in.
    withStructure(context, 'Div', (line) => {
      for (const [label, share, tooltip] of fields) {
        const width = context.width * share;
        const cell = rightToLeft ? context.x + context.width - offset - width + 14 : context.x + offset;
        offset += width;
        doc.font('body').fontSize(context.size).fillColor(INK);
        const labelWidth = widthOfText(doc, label, { bold: false }) + 6;
        const lineWidth = width - 14 - labelWidth;
        taggedContent(line, 'P', () => drawTextLine(doc, label, rightToLeft ? cell + lineWidth + 6 : cell, y - 12, context.size));
        const lineX = rightToLeft ? cell : cell + labelWidth;
        rule(doc, lineX, y + 2, lineWidth, { lineWidth: 0.6, color: RULE });
        formField(line, lineX, y - 13, lineWidth, 16, tooltip);
      }
    });
    doc.x = context.x;
    doc.y = top + layout.height;
  },

  lines(node, context) {
    writingLines(context, numberAttribute(node, 'count', 4));
  },

  'page-break'(_node, context) {
    if (context.bottom === undefined) context.doc.addPage();
  },

  box(node, context) {
    const { doc } = context;
    const padding = 10;
    const inner = { ...context, x: context.x + padding, width: context.width - 2 * padding };
    ensureSpace(context, estimateHeight(childrenOf(node), inner) + 2 * padding);
    const top = doc.y;
    const page = doc.bufferedPageRange().count;
    doc.y += padding;
    withStructure(context, 'Div', (box) => typesetBlocks(childrenOf(node), { ...inner, parent: box.parent }));
    doc.y += padding - 5;
    if (doc.bufferedPageRange().count === page)
      artifact(doc, () =>
        doc
          .rect(context.x, top, context.width, doc.y - top)
          .lineWidth(1.2)
          .strokeColor(INK)
          .stroke(),
      );
    doc.y += 10;
  },

  table(node, context) {
    const table = childrenOf(node).find((child) => child.type === 'table');
    const shares = (node.attributes?.widths ?? '')
      .split(',')
      .map(Number)
      .filter((share) => share > 0);
    if (table?.type === 'table')
      drawTable(context, { ...tableData(table), ...(shares.length > 0 ? { shares } : {}) }, numberAttribute(node, 'min-row-height', 0));
  },

  cards(node, context) {
    const { doc } = context;
    const columns = numberAttribute(node, 'columns', 2);
    const gap = 12;
    const width = (context.width - gap * (columns - 1)) / columns;
    const padding = 12;
    const cards = childrenOf(node).filter((child): child is ContainerDirective => child.type === 'containerDirective' && child.name === 'card');
    // Cards in a right-to-left language (Arabic, Hebrew) are laid out from the right.
    const rightToLeft = isRightToLeft(cards.map((card) => toString(card)).join(' '));
    for (let start = 0; start < cards.length; start += columns) {
      const row = cards.slice(start, start + columns);
      const height = Math.max(...row.map((card) => estimateHeight(card.children as RootContent[], { ...context, width: width - 2 * padding }))) + 2 * padding;
      ensureSpace(context, height);
      const top = doc.y;
      row.forEach((card, index) => {
        const x = rightToLeft ? context.x + context.width - width - index * (width + gap) : context.x + index * (width + gap);
        artifact(doc, () => doc.rect(x, top, width, height).dash(5, { space: 4 }).lineWidth(0.8).strokeColor(INK).stroke().undash());
        doc.y = top + padding;
        withStructure(context, 'Div', (cardContext) =>
          typesetBlocks(card.children as RootContent[], { ...cardContext, x: x + padding, width: width - 2 * padding, bottom: top + height - padding }),
        );
      });
      doc.x = context.x;
      doc.y = top + height;
    }
    doc.y += 8;
  },
  columns(node, context) {
    const { doc } = context;
    // Columns whose words read right to left start on the right.
    const rightToLeft = isRightToLeft(
      childrenOf(node)
        .map((child) => toString(child))
        .join(' '),
    );
    const columns = columnLayout(node, context).map((column) =>
      rightToLeft ? { ...column, x: 2 * context.x + context.width - column.x - column.width } : column,
    );
    ensureSpace(context, Math.min(directiveHeight(node, context), 200));
    const top = doc.y;
    let bottom = top;
    withStructure(context, 'Div', (inner) =>
      columns.forEach((column) => {
        doc.y = top;
        typesetBlocks(column.nodes, { ...inner, x: column.x, width: column.width });
        bottom = Math.max(bottom, doc.y);
      }),
    );
    doc.x = context.x;
    doc.y = bottom;
  },
  slide: typesetSlide,
  map: typesetMap,
  timeline: typesetTimeline,
};
