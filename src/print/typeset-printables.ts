// Typeset print Markdown into tagged PDFs: one printable (on a worker of the print pool), or all of a lesson's in turn.
import type { Root } from 'mdast';
import type { Lesson } from '../lesson/model.ts';
import { parsePrintMarkdown, parsePrintPiece } from '../lesson/parse-markdown.ts';
import { MARGIN, createPdf, finishPdf } from './pdf-document.ts';
import { expandFragments, insertFragments } from './print-fragments.ts';
import { planPrintables, printImages, type PrintJob, type Printables } from './plan-printables.ts';
import type { PrintTemplates } from './print-templates.ts';
import { isPrintableImage } from './printable-image.ts';
import { BODY_SIZE } from './typeset/block-shapes.ts';
import { printHandlers } from './typeset/handlers.ts';
import { typesetBlocks } from './typeset/typeset-nodes.ts';
import { groupColumns } from './typeset/group-columns.ts';

/** Typeset one printable into a tagged PDF. */
export async function typesetPrintJob(job: PrintJob, images: Map<string, Uint8Array>): Promise<Uint8Array> {
  const loadImage = (assetPath: string) => {
    const data = images.get(assetPath);
    return data && isPrintableImage(data) ? Buffer.from(data) : undefined;
  };
  const pdf = createPdf(job.meta, job.title);
  const width = pdf.doc.page.width - MARGIN.left - MARGIN.right;
  const { fragments } = job;
  // The lesson's nodes go where the template's markers are; a piece with a marker where nodes cannot go is parsed again
  // with the Markdown the markers stand for.
  const finish = fragments && ((tree: Root, text: string) => insertFragments(tree, fragments) ?? parsePrintPiece(expandFragments(text, fragments)));
  for (const section of parsePrintMarkdown(job.markdown, finish)) {
    groupColumns(section);
    typesetBlocks(section.children, { doc: pdf.doc, parent: pdf.root, x: MARGIN.left, width, size: BODY_SIZE, loadImage, handlers: printHandlers });
  }
  return finishPdf(pdf);
}

/** Every printable of a lesson, typeset on this thread, one after the other (builds use the print pool instead). */
export async function typesetPrintables(lesson: Lesson, images: Map<string, Uint8Array>, templates: PrintTemplates): Promise<Printables> {
  const { jobs, skipped, problems } = planPrintables(lesson, templates);
  const files: Printables['files'] = [];
  const allImages = printImages(images, templates);
  for (const job of jobs) {
    files.push([job.file, await typesetPrintJob(job, allImages)]);
  }
  return { files, skipped, problems };
}
