// What every typesetting handler receives: the PDF, where to draw, and the structure element content belongs to.
import type { RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { Pdf } from '../pdf-document.ts';

export type StructureElement = PDFKit.PDFStructureElement;

export interface TypesetContext {
  doc: Pdf;
  /** The structure element (for screen readers) that what is drawn now belongs to. */
  parent: StructureElement;
  /** Left edge and width of the column being filled, in points. */
  x: number;
  width: number;
  /** Body text size in points (never under 11 on student pages). */
  size: number;
  /** The bytes of an image the lesson refers to (PNG or JPEG), or undefined when it cannot be printed. */
  loadImage: (path: string) => Uint8Array | undefined;
  /** The node after the one being set, so a heading (or a question) can stay on the page with it. */
  next?: RootContent;
  /** The node after that: a heading followed by a one-line instruction stays with what the instruction is about. */
  afterNext?: RootContent;
  /** The bottom of the area being filled (a card or slide box), when it is not the page's. */
  bottom?: number;
  /** Writing spaces are also form fields (form-fields.ts); `fillable: false` in the lesson or config turns them off. */
  fillable?: boolean;
  /**
   * How each node is drawn (handlers.ts): passed in rather than imported, because blocks hold directives and directives
   * hold blocks; so no handler module imports another.
   */
  handlers: Handlers;
}

export type Handler<T> = (node: T, context: TypesetContext) => void;
export type Directive = ContainerDirective | LeafDirective;

/** One map of everything print Markdown can hold, like mdast-util-to-hast's `handlers` and `unknownHandler`. */
export interface Handlers {
  /** Markdown nodes by type (`paragraph`, `table` …). */
  nodes: { [K in RootContent['type']]?: Handler<Extract<RootContent, { type: K }>> };
  /** Print directives by name (`::lines`, `:::box` …). */
  directives: Record<string, Handler<Directive>>;
  /** Any node or directive with no handler of its own: its text is printed, never dropped. */
  unknown: Handler<RootContent>;
}

export const INK = 'black';
export const MUTED = '#3d3d3d';
export const RULE = '#6b6b6b';
export const FILL = '#e8e8e8';
export const LINE_GAP = 2.5;

export function pageBottom(context: Pick<TypesetContext, 'doc' | 'bottom'>): number {
  return context.bottom ?? context.doc.page.height - context.doc.page.margins.bottom;
}

/** Start a new page unless `height` points still fit on this one (inside a box, nothing moves). */
export function ensureSpace(context: TypesetContext, height: number): void {
  if (context.bottom === undefined && context.doc.y + height > pageBottom(context)) context.doc.addPage();
}

/** Add a structure element under the current one and fill it: `draw` gets a context whose parent is the new element. */
export function withStructure(context: TypesetContext, type: string, draw: (inner: TypesetContext) => void, options: Record<string, unknown> = {}): void {
  const element = context.doc.struct(type as never, options);
  context.parent.add(element);
  draw({ ...context, parent: element });
  element.end();
}

/** Draw content that belongs to the structure element `type` (a leaf: a paragraph, a heading, a cell). */
export function taggedContent(context: TypesetContext, type: string, draw: () => void, options: Record<string, unknown> = {}): void {
  const element = context.doc.struct(type as never, options);
  context.parent.add(element);
  element.add(draw);
  element.end();
}

/** Draw decoration (rules, boxes, cut lines) that screen readers should skip. */
export function artifact(doc: Pdf, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' } as never);
  draw();
  doc.endMarkedContent();
}

/** A horizontal rule (a writing line, a heading's underline), marked as decoration. */
export function rule(doc: Pdf, x: number, y: number, width: number, options: { lineWidth: number; color: string }): void {
  artifact(doc, () =>
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(options.lineWidth)
      .strokeColor(options.color)
      .stroke(),
  );
}
