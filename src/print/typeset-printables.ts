// Every printable of a lesson: its print template (Handlebars → print Markdown), typeset into a tagged PDF.
import Handlebars from 'handlebars';
import type { Lesson } from '../lesson/model.ts';
import { parsePrintMarkdown } from '../lesson/parse-markdown.ts';
import { blocksOf } from '../lesson/model.ts';
import { MARGIN, createPdf, finishPdf } from './pdf-document.ts';
import { printView, type PrintView } from './print-view.ts';
import { BLOCK_WORDS, PRINTABLES, type Printable } from './printables.ts';
import type { PrintTemplates } from './print-templates.ts';
import { isPrintableImage } from './printable-image.ts';
import { BODY_SIZE, typesetBlocks } from './typeset/blocks.ts';

export type PrintStep = string;

export interface Printables {
  files: [name: string, data: Uint8Array][];
  /** Printables that were not made, and the block each one needs (for a note). */
  skipped: string[];
  /** Problems with the templates, e.g. a template the lesson asks for that does not exist (errors). */
  problems: string[];
}

const handlebars = Handlebars.create();
handlebars.registerHelper('inc', (value: number) => value + 1);
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function compile(source: string): Handlebars.TemplateDelegate {
  let template = compiled.get(source);
  if (!template) compiled.set(source, (template = handlebars.compile(source, { noEscape: true, strict: false })));
  return template;
}

/** The print Markdown of one printable (what its template makes of the lesson). */
export function renderPrintMarkdown(lesson: Lesson, printable: Printable, templates: PrintTemplates, view: PrintView = printView(lesson)): string {
  const name = lesson.meta.printTemplates?.[printable.name] ?? printable.name;
  const source = templates.sources[name];
  if (source === undefined)
    throw new TemplateProblem(
      `There is no print template "${name}" for the ${printable.name}: put ${name}.hbs in the print/ folder of your templates folder, or remove it from printTemplates.`,
    );
  try {
    return compile(source)(view);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new TemplateProblem(`The print template ${name}.hbs has a mistake (${reason}). Fix the template, or delete your copy to use the standard one.`);
  }
}

/** A print template that is missing or has a mistake: reported on the lesson, the other printables still made. */
class TemplateProblem extends Error {}

export async function typesetPrintables(
  lesson: Lesson,
  images: Map<string, Uint8Array>,
  templates: PrintTemplates,
  progress: (step: PrintStep) => void = () => {},
): Promise<Printables> {
  const loadImage = (assetPath: string) => {
    const data = images.get(assetPath) ?? templates.images[assetPath];
    return data && isPrintableImage(data) ? Buffer.from(data) : undefined;
  };
  const result: Printables = { files: [], skipped: [], problems: [] };
  const view = printView(lesson);
  for (const printable of PRINTABLES) {
    if (printable.needs && blocksOf(lesson, printable.needs).length === 0) {
      result.skipped.push(`${printable.title.toLowerCase()} (it needs ${BLOCK_WORDS[printable.needs]})`);
      continue;
    }
    progress(printable.title.toLowerCase());
    let markdown: string;
    try {
      markdown = renderPrintMarkdown(lesson, printable, templates, view);
    } catch (error) {
      if (error instanceof TemplateProblem) {
        result.problems.push(error.message);
        continue;
      }
      throw error;
    }
    const pdf = createPdf(lesson.meta, printable.title);
    const width = pdf.doc.page.width - MARGIN.left - MARGIN.right;
    for (const section of parsePrintMarkdown(markdown))
      typesetBlocks(section.children, { doc: pdf.doc, parent: pdf.root, x: MARGIN.left, width, size: BODY_SIZE, loadImage });
    result.files.push([printable.file, await finishPdf(pdf)]);
  }
  return result;
}
