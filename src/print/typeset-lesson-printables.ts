// Every printable of a lesson typeset on this thread, one after the other: for tests and scripts (builds use the print
// pool instead).
import type { Lesson } from '../lesson/model.ts';
import { documentDate } from '../shared/document-date.ts';
import { planPrintables, printImages, type Printables } from './plan-printables.ts';
import type { PrintTemplates } from './print-templates.ts';
import { typesetPrintJob } from './typeset-print-job.ts';

export async function typesetPrintables(
  lesson: Lesson,
  images: Map<string, Uint8Array>,
  templates: PrintTemplates,
  date = documentDate(lesson.meta.date, undefined),
): Promise<Printables> {
  const { jobs, skipped, problems } = planPrintables(lesson, templates, date);
  const files: Printables['files'] = [];
  const allImages = printImages(images, templates);
  for (const job of jobs) {
    files.push([job.file, await typesetPrintJob(job, allImages)]);
  }
  return { files, skipped, problems };
}
