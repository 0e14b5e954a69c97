// How each Markdown node of print Markdown is drawn: one handler per node type, so every case is visible in one place.
import { isRightToLeft } from './bidi-lines.ts';
import { pdfLabel } from '../pdf-labels.ts';
import type { Heading, List, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { NO_DESCRIPTION } from '../../shared/no-description.ts';
import {
  INK,
  LINE_GAP,
  MUTED,
  RULE,
  artifact,
  rule,
  ensureSpace,
  pageBottom,
  taggedContent,
  withStructure,
  type Handlers,
  type TypesetContext,
} from './context.ts';
import { SPACE, codeLayout, headingLayout, imageBox, listIndent, paragraphImage, paragraphLayout, tableData, type ImageOptions } from './block-shapes.ts';
import { directiveHeight, leadHeight } from './measure.ts';
import { typesetBlocks } from './typeset-nodes.ts';
import { drawRuns, measureRuns, plainOf, runsOf } from './rich-text.ts';
import { formField, said } from './form-fields.ts';
import { headingTag } from './heading-levels.ts';
import { drawTable } from './table.ts';
import { avoidLoneLines } from './lone-lines.ts';
import { CONTINUATION_MARK, drawContinuationMark } from './code.ts';
import { typesetDisplayMath } from './math.ts';

export const blockHandlers: Handlers['nodes'] = {
  heading(node: Heading, context) {
    const { doc } = context;
    const { level, size, runs, before, textHeight, after } = headingLayout(node, context);
    const next = context.next;
    // A heading keeps with it the start of what follows; an introduction of up to six lines also brings what it introduces.
    const nextHeight = next?.type === 'paragraph' ? paragraphLayout(next, context).textHeight : 0;
    const introduction = next?.type === 'paragraph' && nextHeight < 6 * context.size * 1.45;
    // (A heading after the introduction starts something new: it keeps its own content with it.)
    const introduced = context.afterNext?.type === 'heading' ? 0 : leadHeight(context.afterNext, context);
    const keep = introduction ? nextHeight + SPACE.paragraph + introduced : leadHeight(next, context);
    if (context.bottom === undefined && doc.y + before + textHeight + keep + 8 > pageBottom(context)) doc.addPage();
    else doc.y += before;
    taggedContent(context, headingTag(doc, node.depth), () => drawRuns(context, runs, { size }));
    said(doc, plainOf(runs));
    if (level === 2) rule(doc, context.x, doc.y + 1, context.width, { lineWidth: 1, color: INK });
    doc.y += after;
  },

  paragraph(node: Paragraph, context) {
    const { doc } = context;
    const figure = paragraphImage(node);
    if (figure)
      return drawImage(
        context,
        figure.image.url,
        figure.image.alt ?? '',
        figure.options,
        figure.image.data?.decorative === true || figure.options.decorative === true,
      );
    const { runs, textHeight: height } = paragraphLayout(node, context);
    // A question stays on the page with the lines written under it; a bold label (a question over its model answer)
    // with the start of what follows it.
    const label = runs.length > 0 && runs.every((run) => run.bold || run.text.trim() === '') && height < 4 * context.size * 1.45;
    const keep =
      context.next?.type === 'leafDirective' && context.next.name === 'lines'
        ? height + directiveHeight(context.next, context)
        : label && context.next
          ? height + SPACE.paragraph + leadHeight(context.next, context)
          : Math.min(height, 3 * context.size * 1.45);
    ensureSpace(context, keep);
    const setText = avoidLoneLines(context, height);
    taggedContent(context, 'P', () => setText(() => drawRuns(context, runs)));
    said(doc, plainOf(runs));
    doc.y += SPACE.paragraph;
  },

  list(node: List, context) {
    drawList(node, context);
    context.doc.y += SPACE.list;
  },

  table(node: Table, context) {
    drawTable(context, tableData(node));
  },

  blockquote(node, context) {
    const { doc } = context;
    const top = doc.y;
    const page = doc.bufferedPageRange().count;
    withStructure(context, 'BlockQuote', (inner) =>
      typesetBlocks(node.children, { ...inner, x: context.x + SPACE.quoteIndent, width: context.width - SPACE.quoteIndent }),
    );
    if (doc.bufferedPageRange().count === page) {
      artifact(doc, () =>
        doc
          .moveTo(context.x + 3, top)
          .lineTo(context.x + 3, doc.y - 6)
          .lineWidth(2.5)
          .strokeColor(MUTED)
          .stroke(),
      );
    }
  },

  code(node, context) {
    const { doc } = context;
    const { inner, lines, textHeight: height } = codeLayout(node, context);
    // A block that fits on a page is not split; a longer one starts on a page with room for a few of its lines.
    ensureSpace(context, height <= pageBottom(context) - doc.page.margins.top ? height : 4 * context.size * 1.45);
    const top = doc.y;
    const page = doc.bufferedPageRange().count;
    // Line by line, so that a wrapped part's mark (decoration, not code) is drawn beside it, outside the tagged text.
    const element = doc.struct('Code');
    context.parent.add(element);
    for (const line of lines) {
      const room = { x: inner.x + line.indent, width: inner.width - line.indent };
      if (context.bottom === undefined && doc.y + measureRuns(inner, line.runs, room.width) > pageBottom(context) + LINE_GAP) doc.addPage();
      const y = doc.y;
      if (line.continuation) artifact(doc, () => drawContinuationMark(doc, room.x - CONTINUATION_MARK, y, inner.size, MUTED));
      doc.y = y;
      element.add(() => drawRuns(inner, line.runs, room));
    }
    element.end();
    if (doc.bufferedPageRange().count === page)
      artifact(doc, () =>
        doc
          .moveTo(context.x + 2, top)
          .lineTo(context.x + 2, doc.y)
          .lineWidth(2)
          .strokeColor(RULE)
          .stroke(),
      );
    doc.y += SPACE.code;
  },

  math(node, context) {
    typesetDisplayMath(node, context);
  },

  thematicBreak(_node, context) {
    const { doc } = context;
    const y = doc.y + SPACE.ruleBefore;
    rule(doc, context.x, y, context.width, { lineWidth: 0.6, color: RULE });
    doc.y = y + SPACE.ruleAfter;
  },
};

function drawList(list: List, context: TypesetContext): void {
  const { doc } = context;
  withStructure(context, 'L', (listContext) => {
    list.children.forEach((item, index) => {
      const task = item.checked !== null && item.checked !== undefined;
      const marker = list.ordered ? `${(list.start ?? 1) + index}.` : '•';
      const indent = listIndent(context, list, task);
      const [first, ...rest] = item.children;
      const firstRuns = first?.type === 'paragraph' ? runsOf((first as Paragraph).children as PhrasingContent[]) : [];
      const itemText = plainOf(firstRuns);
      // An item that reads right to left (Arabic, Hebrew) has its marker or box on the right.
      const rightToLeft = isRightToLeft(itemText);
      const itemContext = { ...listContext, x: rightToLeft ? context.x : context.x + indent, width: context.width - indent };
      const boxX = rightToLeft ? context.x + context.width - 14 : context.x + 2;
      ensureSpace(context, leadHeight(first as RootContent | undefined, itemContext));
      // Decided before the marker is drawn, so that a new page takes the marker with the text.
      const setText = avoidLoneLines(itemContext, measureRuns(itemContext, firstRuns));
      const top = doc.y;
      said(doc, itemText);
      withStructure(listContext, 'LI', (itemStructure) => {
        if (task) {
          formField(itemStructure, boxX, top + 2, 12, 12, itemText || pdfLabel(context.doc, 'field.tick'), { kind: 'checkbox' });
          artifact(doc, () =>
            doc
              .rect(boxX, top + 2, 12, 12)
              .lineWidth(1)
              .strokeColor(INK)
              .stroke(),
          );
          if (item.checked)
            artifact(doc, () =>
              doc
                .moveTo(boxX + 2, top + 8)
                .lineTo(boxX + 5, top + 12)
                .lineTo(boxX + 11, top + 3)
                .lineWidth(1.5)
                .stroke(),
            );
        } else {
          taggedContent(itemStructure, 'Lbl', () => {
            doc.font('body').fontSize(context.size).fillColor(INK);
            const markerX = rightToLeft ? context.x + context.width - 2 - doc.widthOfString(marker) : context.x + 2;
            doc.text(marker, markerX, top, { lineBreak: false });
          });
        }
        doc.y = top;
        withStructure(itemStructure, 'LBody', (body) => {
          const bodyContext = { ...itemContext, parent: body.parent };
          if (first?.type === 'paragraph') {
            taggedContent(bodyContext, 'P', () => setText(() => drawRuns(bodyContext, firstRuns)));
            doc.y += SPACE.itemText;
            typesetBlocks(rest as RootContent[], bodyContext);
          } else typesetBlocks(item.children as RootContent[], bodyContext);
        });
      });
    });
  });
  doc.x = context.x;
}

/** A picture with its alt text as caption; a decorative one is an artifact, which screen readers skip. */
function drawImage(context: TypesetContext, path: string, alt: string, options: ImageOptions = {}, decorative = false): void {
  const { doc } = context;
  const box = imageBox(context, path, alt, options);
  if (!box.image) {
    if (!decorative) taggedContent(context, 'P', () => drawRuns(context, [{ text: `[Image: ${alt || NO_DESCRIPTION}]`, bold: false, muted: true }]));
    doc.y += 5;
    return;
  }
  const { image, width, height } = box;
  ensureSpace(context, height + 24);
  const top = doc.y;
  const draw = () => doc.image(image, context.x, top, { fit: [width, height] });
  if (decorative) artifact(doc, draw);
  else taggedContent(context, 'Figure', draw, { alt: alt || NO_DESCRIPTION });
  doc.y = top + height + 4;
  if (alt && options.caption !== false)
    taggedContent(context, 'Caption', () => drawRuns(context, [{ text: alt, bold: false, muted: true }], { size: context.size - 0.5 }));
  doc.y += 6;
}
