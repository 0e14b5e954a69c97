// Typeset slide Markdown (mdast) on a PDF page: one handler per node type, so each case is visible in one place.
import type { List, PhrasingContent, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { printable } from './fonts.ts';
import { BODY_SIZE, INK, LINE_GAP, MUTED, contentWidth, ensureSpace, heading, left, table, tableStartHeight, type Column } from './layout.ts';
import type { Pdf } from './pdf-document.ts';

export interface TypesetContext {
  doc: Pdf;
  /** Extra left indent in points (nested lists, quotes). */
  indent: number;
  /** The bytes of an image the lesson refers to (PNG or JPEG), or undefined when it cannot be printed. */
  loadImage: (path: string) => Buffer | undefined;
  /** Headings in slide text are printed this many levels lower (the slide title becomes a sub-heading). */
  headingShift: number;
  /** The node after the one being set, so a heading can stay with it. */
  next?: RootContent;
}

type Handler<T> = (node: T, context: TypesetContext) => void;
type Handlers = { [K in RootContent['type']]?: Handler<Extract<RootContent, { type: K }>> };

interface Run {
  text: string;
  bold: boolean;
  link?: string;
}

function runsOf(nodes: PhrasingContent[], bold = false, link?: string): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return [{ text: node.value.replace(/\s*\n\s*/g, ' '), bold, link }];
      case 'strong':
        return runsOf(node.children, true, link);
      case 'emphasis':
      case 'delete':
        return runsOf(node.children, bold, link);
      case 'link':
        return runsOf(node.children, bold, node.url);
      case 'break':
        return [{ text: '\n', bold, link }];
      case 'image':
        return node.alt ? [{ text: `[${node.alt}]`, bold, link }] : [];
      default:
        return [];
    }
  });
}

function richText(context: TypesetContext, nodes: PhrasingContent[], options: { size?: number; color?: string } = {}): void {
  const { doc } = context;
  const runs = runsOf(nodes).filter((run) => run.text !== '');
  if (runs.length === 0) return;
  const x = left(doc) + context.indent;
  const width = contentWidth(doc) - context.indent;
  const size = options.size ?? BODY_SIZE;
  doc.font('body').fontSize(size);
  ensureSpace(doc, Math.min(doc.heightOfString(runs.map((run) => run.text).join(''), { width }), 3 * size * 1.4));
  runs.forEach((run, index) => {
    doc
      .font(run.bold ? 'bold' : 'body')
      .fontSize(size)
      .fillColor(run.link ? '#123c8c' : (options.color ?? INK));
    const textOptions = { width, lineGap: LINE_GAP, continued: index < runs.length - 1, link: run.link ?? null, underline: Boolean(run.link) };
    if (index === 0) doc.text(printable(run.text), x, doc.y, textOptions);
    else doc.text(printable(run.text), textOptions);
  });
  doc.x = left(doc);
}

export const markdownHandlers: Handlers = {
  heading(node, context) {
    const level = Math.min(4, Math.max(2, node.depth + context.headingShift)) as 2 | 3 | 4;
    heading(context.doc, toString(node), level, keepWithHeight(context));
  },
  paragraph(node, context) {
    const image = node.children.length === 1 && node.children[0].type === 'image' ? node.children[0] : undefined;
    if (image) return printImage(context, image.url, image.alt ?? '');
    richText(context, node.children);
    context.doc.y += 5;
  },
  list(node, context) {
    printList(node, context);
    context.doc.y += 3;
  },
  blockquote(node, context) {
    const { doc } = context;
    const top = doc.y;
    const startPage = doc.bufferedPageRange().count;
    typesetMarkdown(node.children, { ...context, indent: context.indent + 14 });
    if (doc.bufferedPageRange().count === startPage) {
      doc
        .moveTo(left(doc) + context.indent + 3, top)
        .lineTo(left(doc) + context.indent + 3, doc.y - 6)
        .lineWidth(2.5)
        .strokeColor(MUTED)
        .stroke();
    }
  },
  table(node, context) {
    printTable(node, context);
  },
  code(node, context) {
    richText(context, [{ type: 'text', value: node.value }], { size: BODY_SIZE - 1 });
    context.doc.y += 5;
  },
};

function printList(list: List, context: TypesetContext): void {
  const { doc } = context;
  list.children.forEach((item, index) => {
    const marker = list.ordered ? `${(list.start ?? 1) + index}.` : item.checked === true ? '[x]' : item.checked === false ? '[ ]' : '•';
    const itemContext = { ...context, indent: context.indent + 18 };
    ensureSpace(doc, 2 * BODY_SIZE * 1.4);
    const top = doc.y;
    const [first, ...rest] = item.children;
    doc
      .font('body')
      .fontSize(BODY_SIZE)
      .fillColor(INK)
      .text(marker, left(doc) + context.indent + 2, top, { lineBreak: false });
    doc.y = top;
    if (first?.type === 'paragraph') {
      richText(itemContext, first.children);
      doc.y += 2;
      typesetMarkdown(rest, itemContext);
    } else {
      typesetMarkdown(item.children, itemContext);
    }
  });
}

/** Columns share the width by the length of their text, so short columns stay narrow. */
function tableData(node: Table): { columns: Column[]; rows: string[][] } {
  const [header = [], ...rows] = node.children.map((row) => row.children.map((cell) => printable(toString(cell))));
  const lengths = header.map((_, column) => Math.max(6, ...[header, ...rows].map((row) => Math.min(60, (row[column] ?? '').length))));
  return {
    columns: header.map((text, index) => ({ header: text, share: lengths[index] })),
    rows: rows.map((row) => header.map((_, index) => row[index] ?? '')),
  };
}

function printTable(node: Table, context: TypesetContext): void {
  const { columns, rows } = tableData(node);
  if (columns.length > 0) table(context.doc, columns, rows);
}

/** How much of what follows a heading must fit below it on the same page. */
function keepWithHeight({ doc, next }: TypesetContext): number {
  if (next?.type === 'table') {
    const { columns, rows } = tableData(next);
    return tableStartHeight(doc, columns, rows);
  }
  if (next?.type === 'paragraph' && next.children.length === 1 && next.children[0].type === 'image') return 120;
  return 60;
}

function printImage(context: TypesetContext, path: string, alt: string): void {
  const { doc } = context;
  const bytes = context.loadImage(path);
  if (!bytes) {
    richText(context, [{ type: 'text', value: `[Image: ${alt || path}]` }], { color: MUTED });
    doc.y += 5;
    return;
  }
  const width = Math.min(contentWidth(doc) - context.indent, 360);
  const image = doc.openImage(bytes);
  const height = Math.min((image.height / image.width) * width, 300);
  ensureSpace(doc, height + 24);
  const x = left(doc) + context.indent;
  doc.image(image, x, doc.y, { fit: [width, height] });
  doc.y += height + 4;
  if (alt) {
    richText(context, [{ type: 'text', value: alt }], { size: BODY_SIZE - 1.5, color: MUTED });
  }
  doc.y += 6;
}

export function typesetMarkdown(nodes: RootContent[], context: TypesetContext): void {
  nodes.forEach((node, index) => {
    const handler = markdownHandlers[node.type] as Handler<RootContent> | undefined;
    handler?.(node, { ...context, next: nodes[index + 1] });
  });
}
