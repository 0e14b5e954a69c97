// Fillable worksheets: each line or box a student writes in is also a form field over it, so a student who uses a
// screen reader or cannot write by hand can fill the worksheet in on a screen. Each field is tagged as a Form element
// holding its widget, with a tooltip (TU) that says what to write; printed, the page looks as it did. A lesson or the
// project's config turns them off with `fillable: false`.
import { pdfLabel } from '../pdf-labels.ts';
import type { Pdf } from '../pdf-document.ts';
import type { TypesetContext } from './context.ts';

/** What PDFKit keeps of a form that its types do not describe. */
interface FormPdf {
  _acroform?: unknown;
  initForm: () => void;
  _fieldDict: (name: string, type: string, options: Record<string, unknown>) => Record<string, unknown>;
  _addToParent: (reference: unknown) => void;
  annotate: (x: number, y: number, width: number, height: number, options: Record<string, unknown>) => void;
  page: { annotations: unknown[] };
  font: (name: string) => unknown;
}

/** Each PDF's field names (PDF form fields need names of their own) and what was last said on it (a question, a heading). */
const counts = new WeakMap<Pdf, number>();
const lastSaid = new WeakMap<Pdf, string>();

/** Remember a text just printed (a heading, a question): the writing space under it is for answering it. */
export function said(doc: Pdf, text: string): void {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean) lastSaid.set(doc, clean.length > 120 ? `${clean.slice(0, 117)}…` : clean);
}

/** What the writing space under the last text is for, as its tooltip says. */
export function answerTo(doc: Pdf): string {
  const last = lastSaid.get(doc);
  return last ? pdfLabel(doc, 'field.answerTo', { question: last }) : pdfLabel(doc, 'field.answer');
}

export interface FieldOptions {
  kind?: 'text' | 'checkbox';
  multiline?: boolean;
}

/** A form field over x, y, width, height of the current page (when the context's worksheet is fillable). */
export function formField(context: TypesetContext, x: number, y: number, width: number, height: number, tooltip: string, options: FieldOptions = {}): void {
  if (!context.fillable) return;
  const doc = context.doc as unknown as FormPdf & { _font: unknown };
  // Every field is set in the body font, the form's default: PDFKit gives a field set in another font a font of its own.
  const font = doc._font;
  doc.font('body');
  if (!doc._acroform) doc.initForm();
  const count = (counts.get(context.doc) ?? 0) + 1;
  counts.set(context.doc, count);
  const kind = options.kind ?? 'text';
  const field = doc._fieldDict(`field${count}`, kind, options.multiline ? { multiline: true } : {});
  Object.assign(field, { Subtype: 'Widget', F: 4, TU: new String(tooltip) });
  const form = context.doc.struct('Form' as never);
  context.parent.add(form);
  doc.annotate(x, y, width, height, { ...field, structParent: form });
  doc._addToParent(doc.page.annotations.at(-1));
  form.end();
  doc._font = font;
}
