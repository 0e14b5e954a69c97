// Typeset print Markdown: one handler per node type, so every case is visible in one place.
import type { Heading, List, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { INK, MUTED, RULE, artifact, rule, ensureSpace, pageBottom, taggedContent, withStructure, type TypesetContext } from './context.ts';
import { directiveHandlers, directiveHeight } from './directives.ts';
import { drawRuns, measureRuns, runsOf } from './rich-text.ts';
import { drawTable, tableStartHeight, type TableData } from './table.ts';

type Handler<T> = (node: T, context: TypesetContext) => void;
type Handlers = { [K in RootContent['type']]?: Handler<Extract<RootContent, { type: K }>> };

export const HEADING_SIZES: Record<number, number> = { 1: 22, 2: 16, 3: 13.5, 4: 12 };
/** Body text size on the page; headings (and everything in a shrunken slide box) scale with it. */
export const BODY_SIZE = 11.5;

export function tableData(node: Table): TableData {
  const [header = { children: [] }, ...rows] = node.children;
  return { header: header.children.map((cell) => runsOf(cell.children)), rows: rows.map((row) => row.children.map((cell) => runsOf(cell.children))) };
}

/** The least height of a node that must share a page with what comes before it. */
export function leadHeight(node: RootContent | undefined, context: TypesetContext): number {
  if (!node) return 0;
  switch (node.type) {
    case 'paragraph':
      return Math.min(measureRuns(context, runsOf(node.children)), 3 * context.size * 1.45);
    case 'table':
      return tableStartHeight(context, tableData(node));
    case 'list':
      return leadHeight(node.children[0]?.children[0] as RootContent | undefined, { ...context, width: context.width - 20 });
    case 'leafDirective':
    case 'containerDirective':
      return directiveHeight(node, context);
    default:
      return 60;
  }
}

export const blockHandlers: Handlers = {
  heading(node: Heading, context) {
    const { doc } = context;
    const level = Math.min(4, node.depth);
    const size = (HEADING_SIZES[level] * context.size) / BODY_SIZE;
    const runs = runsOf(node.children).map((run) => ({ ...run, bold: true }));
    const height = measureRuns(context, runs, context.width, size);
    const before = level === 1 ? 0 : level === 2 ? 14 : 8;
    const next = context.next;
    // A heading keeps with it the start of what follows; an introduction of up to six lines also brings what it introduces.
    const nextHeight = next?.type === 'paragraph' ? measureRuns(context, runsOf(next.children)) : 0;
    const introduction = next?.type === 'paragraph' && nextHeight < 6 * context.size * 1.45;
    // (A heading after the introduction starts something new: it keeps its own content with it.)
    const introduced = context.afterNext?.type === 'heading' ? 0 : leadHeight(context.afterNext, context);
    const keep = introduction ? nextHeight + 5 + introduced : leadHeight(next, context);
    if (context.bottom === undefined && doc.y + before + height + keep + 8 > pageBottom(context)) doc.addPage();
    else doc.y += before;
    taggedContent(context, `H${level}`, () => drawRuns(context, runs, { size }));
    if (level === 2) {
      const y = doc.y + 1;
      rule(doc, context.x, y, context.width, { lineWidth: 1, color: INK });
      doc.y = y + 6;
    } else doc.y += 3;
  },

  paragraph(node: Paragraph, context) {
    const { doc } = context;
    const [image, after] = node.children;
    const options = after?.type === 'text' ? imageOptions(after.value) : {};
    if (image?.type === 'image' && options && node.children.length <= 2) return drawImage(context, image.url, image.alt ?? '', options);
    const runs = runsOf(node.children);
    const height = measureRuns(context, runs);
    // A question stays on the page with the lines written under it.
    const keep =
      context.next?.type === 'leafDirective' && context.next.name === 'lines'
        ? height + directiveHeight(context.next, context)
        : Math.min(height, 3 * context.size * 1.45);
    ensureSpace(context, keep);
    taggedContent(context, 'P', () => drawRuns(context, runs));
    doc.y += 5;
  },

  list(node: List, context) {
    drawList(node, context);
    context.doc.y += 3;
  },

  table(node: Table, context) {
    drawTable(context, tableData(node));
  },

  blockquote(node, context) {
    const { doc } = context;
    const top = doc.y;
    const page = doc.bufferedPageRange().count;
    withStructure(context, 'BlockQuote', (inner) => typesetBlocks(node.children, { ...inner, x: context.x + 14, width: context.width - 14 }));
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
    ensureSpace(context, 2 * context.size * 1.45);
    taggedContent(context, 'Code', () => drawRuns(context, [{ text: node.value, bold: false, muted: false }]));
    context.doc.y += 5;
  },

  thematicBreak(_node, context) {
    const { doc } = context;
    const y = doc.y + 4;
    rule(doc, context.x, y, context.width, { lineWidth: 0.6, color: RULE });
    doc.y = y + 8;
  },

  leafDirective(node, context) {
    directiveHandlers[node.name]?.(node, context);
  },

  containerDirective(node, context) {
    directiveHandlers[node.name]?.(node, context);
  },
};

function drawList(list: List, context: TypesetContext): void {
  const { doc } = context;
  withStructure(context, 'L', (listContext) => {
    list.children.forEach((item, index) => {
      if (context.bottom !== undefined && doc.y > context.bottom - context.size * 1.4) return;
      const task = item.checked !== null && item.checked !== undefined;
      const marker = list.ordered ? `${(list.start ?? 1) + index}.` : '•';
      // Room for the widest number ("10.") so it never touches its text.
      const widest = list.ordered
        ? doc
            .font('body')
            .fontSize(context.size)
            .widthOfString(`${(list.start ?? 1) + list.children.length - 1}.`) + 7
        : 0;
      const indent = task ? 22 : Math.max(18, widest);
      const itemContext = { ...listContext, x: context.x + indent, width: context.width - indent };
      const [first, ...rest] = item.children;
      ensureSpace(context, leadHeight(first as RootContent | undefined, itemContext));
      const top = doc.y;
      withStructure(listContext, 'LI', (itemStructure) => {
        if (task) {
          artifact(doc, () =>
            doc
              .rect(context.x + 2, top + 2, 12, 12)
              .lineWidth(1)
              .strokeColor(INK)
              .stroke(),
          );
          if (item.checked)
            artifact(doc, () =>
              doc
                .moveTo(context.x + 4, top + 8)
                .lineTo(context.x + 7, top + 12)
                .lineTo(context.x + 13, top + 3)
                .lineWidth(1.5)
                .stroke(),
            );
        } else {
          taggedContent(itemStructure, 'Lbl', () => {
            doc
              .font('body')
              .fontSize(context.size)
              .fillColor(INK)
              .text(marker, context.x + 2, top, { lineBreak: false });
          });
        }
        doc.y = top;
        withStructure(itemStructure, 'LBody', (body) => {
          const bodyContext = { ...itemContext, parent: body.parent };
          if (first?.type === 'paragraph') {
            taggedContent(bodyContext, 'P', () => drawRuns(bodyContext, runsOf((first as Paragraph).children as PhrasingContent[])));
            doc.y += 2;
            typesetBlocks(rest as RootContent[], bodyContext);
          } else typesetBlocks(item.children as RootContent[], bodyContext);
        });
      });
    });
  });
  doc.x = context.x;
}

interface ImageOptions {
  /** Width in points. */
  width?: number;
  caption?: boolean;
}

/** `{width=120 caption=no}` written right after an image in a template; undefined when the text is something else. */
function imageOptions(text: string): ImageOptions | undefined {
  const body = /^\{([^{}]*)\}\s*$/.exec(text)?.[1];
  if (body === undefined) return undefined;
  const options: ImageOptions = {};
  for (const [, key, value] of body.matchAll(/([\w-]+)\s*=\s*"?([^"\s]*)"?/g)) {
    if (key === 'width' && Number(value) > 0) options.width = Number(value);
    if (key === 'caption') options.caption = !/^(no|false|none)$/i.test(value);
  }
  return options;
}

function drawImage(context: TypesetContext, path: string, alt: string, options: ImageOptions = {}): void {
  const { doc } = context;
  const bytes = context.loadImage(path);
  if (!bytes) {
    taggedContent(context, 'P', () => drawRuns(context, [{ text: `[Image: ${alt || path}]`, bold: false, muted: true }]));
    doc.y += 5;
    return;
  }
  const image = doc.openImage(bytes);
  const width = Math.min(context.width, options.width ?? Math.min(360, image.width));
  const height = Math.min((image.height / image.width) * width, options.width ? pageBottom(context) - context.doc.page.margins.top : 300);
  ensureSpace(context, height + 24);
  const top = doc.y;
  taggedContent(context, 'Figure', () => doc.image(image, context.x, top, { fit: [width, height] }), { alt: alt || path });
  doc.y = top + height + 4;
  if (alt && options.caption !== false)
    taggedContent(context, 'Caption', () => drawRuns(context, [{ text: alt, bold: false, muted: true }], { size: context.size - 0.5 }));
  doc.y += 6;
}

export function typesetBlocks(nodes: RootContent[], context: TypesetContext): void {
  nodes.forEach((node, index) => {
    const handler = blockHandlers[node.type] as Handler<RootContent> | undefined;
    handler?.(node, { ...context, next: nodes[index + 1], afterNext: nodes[index + 2] });
  });
}
