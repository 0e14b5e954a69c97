// What to print for a lesson: each printable's template (Handlebars) filled in with the lesson, as print Markdown.
// Typesetting it (typeset-printables.ts) is the slow part and runs on worker threads.
import { lessonLanguage } from '../lesson/lesson-language.ts';
import Handlebars from 'handlebars';
import type { Lesson } from '../lesson/model.ts';
import { blocksOf } from '../lesson/model.ts';
import { printView, type PrintView } from './print-view.ts';
import { BLOCK_WORDS, PRINTABLES, type Printable } from './printables.ts';
import type { PrintTemplates } from './print-templates.ts';

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

/** One PDF to make: its print Markdown (from its template) and what its pages need. */
export interface PrintJob {
  file: string;
  title: string;
  meta: Lesson['meta'];
  markdown: string;
}

export interface PrintPlan {
  jobs: PrintJob[];
  skipped: string[];
  problems: string[];
}

/** What to print for a lesson: each printable's template filled in (quick), ready to be typeset (slow). */
export function planPrintables(lesson: Lesson, templates: PrintTemplates): PrintPlan {
  const plan: PrintPlan = { jobs: [], skipped: [], problems: [] };
  const view = printView(lesson);
  const meta = { ...lesson.meta, lang: lessonLanguage(lesson) };
  for (const printable of PRINTABLES) {
    if (printable.needs && blocksOf(lesson, printable.needs).length === 0) {
      plan.skipped.push(`${printable.title.toLowerCase()} (it needs ${BLOCK_WORDS[printable.needs]})`);
      continue;
    }
    try {
      plan.jobs.push({ file: printable.file, title: printable.title, meta, markdown: renderPrintMarkdown(lesson, printable, templates, view) });
    } catch (error) {
      if (!(error instanceof TemplateProblem)) throw error;
      plan.problems.push(error.message);
    }
  }
  return plan;
}

/** The images printed pages may show, by path: the templates' (a school logo), and the lesson's, which win. */
export function printImages(lessonImages: Map<string, Uint8Array>, templates: PrintTemplates): Map<string, Uint8Array> {
  return new Map([...Object.entries(templates.images), ...lessonImages]);
}
