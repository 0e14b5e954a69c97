// The lesson's words (labels/lesson-labels.ts) that a PDF being typeset writes of its own: its footer, the name line,
// form fields' tooltips, slide labels. Kept with the PDF, so that PDFs typeset side by side never mix their languages.
import type { LabelName } from '../labels/english.ts';
import type { LabelValues } from '../labels/label-text.ts';
import { ENGLISH_LABELS, label, type LessonLabels } from '../labels/lesson-labels.ts';
const labelsOfPdf = new WeakMap<object, LessonLabels>();

export function setPdfLabels(doc: object, labels: LessonLabels): void {
  labelsOfPdf.set(doc, labels);
}

export function pdfLabels(doc: object): LessonLabels {
  return labelsOfPdf.get(doc) ?? ENGLISH_LABELS;
}

export function pdfLabel(doc: object, name: LabelName, values?: LabelValues): string {
  return label(pdfLabels(doc), name, values);
}
