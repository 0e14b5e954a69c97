// What to print for a lesson: each printable's template (Handlebars) filled in with the lesson, as print Markdown.
// Typesetting it (typeset-print-job.ts) is the slow part and runs on worker threads.
import { registerLabelHelper } from '../labels/label-helper.ts';
import { label, type LessonLabels } from '../labels/lesson-labels.ts';
import type { LabelName } from '../labels/english.ts';
import { lessonLanguage } from '../lesson/lesson-language.ts';
import { formulasOf } from '../lesson/lesson-math.ts';
import { speechTable } from '../math/tex-to-speech.ts';
import Handlebars from 'handlebars';
import type { Lesson } from '../lesson/model.ts';
import { blocksOf } from '../lesson/model.ts';
import { FragmentTable, fragmentChars, type Fragments } from './print-fragments.ts';
import { printView, type PrintView } from './print-view.ts';
import { BLOCK_WORDS } from '../shared/block-kinds.ts';
import { PRINTABLES, type Printable } from '../shared/printables.ts';
import type { PrintTemplates } from './print-templates.ts';
import { unknownDirectives, unknownValues } from './check-print-template.ts';

export interface Printables {
  files: [name: string, data: Uint8Array][];
  /** Printables that were not made, and the block each one needs (for a note). */
  skipped: string[];
  /** Problems with the templates, e.g. a template the lesson asks for that does not exist (errors). */
  problems: string[];
}

const handlebars = Handlebars.create();
handlebars.registerHelper('inc', (value: number) => value + 1);
registerLabelHelper(handlebars);
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function compile(source: string): Handlebars.TemplateDelegate {
  let template = compiled.get(source);
  // Strict: a value the view lacks (`{{meta.titel}}`) is a mistake to report, not an empty space on the page.
  if (!template) compiled.set(source, (template = handlebars.compile(source, { noEscape: true, strict: true, knownHelpers: { inc: true, t: true } })));
  return template;
}

/** The label of a printable's title: \`printable.debateWorksheet\` for \`debate-worksheet\`. */
export const printableLabel = (printable: Printable) =>
  `printable.${printable.name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}` as LabelName;

/** How messages name a template: a teacher's by its path, Lectern's own by its name. */
function templateName(name: string, templates: PrintTemplates): string {
  return templates.shown[name] ?? `${name}.hbs`;
}

/** The print Markdown of one printable (what its template makes of the lesson), with markers for the lesson's own Markdown. */
function renderPrintMarkdown(lesson: Lesson, printable: Printable, templates: PrintTemplates, view: PrintView): string {
  const name = lesson.meta.printTemplates?.[printable.name] ?? printable.name;
  const source = templates.sources[name];
  if (source === undefined)
    throw new TemplateProblem(
      `There is no print template "${name}" for the ${printable.name}: put ${name}.hbs in the print/ folder of your templates folder, or remove it from printTemplates.`,
    );
  const shown = templateName(name, templates);
  const fix = 'Fix the template, or delete your copy to use the standard one.';
  let markdown: string;
  try {
    const problems = unknownValues(source, view);
    if (problems.length > 0) throw new TemplateProblem(`The print template ${shown}, ${problems.join(' ')} ${fix}`);
    // `{{t "name"}}`: Lectern's words in the lesson's language (labels/label-helper.ts).
    markdown = compile(source)(view, { data: { labels: lesson.labels } });
  } catch (error) {
    if (error instanceof TemplateProblem) throw error;
    const reason = handlebarsReason(error, source, view);
    throw new TemplateProblem(`The print template ${shown} has a mistake: ${reason}${reason.includes('\n') ? '\n' : ' '}${fix}`);
  }
  const directives = unknownDirectives(markdown, source);
  if (directives) throw new TemplateProblem(`The print template ${shown}, ${directives} ${fix}`);
  return markdown;
}

/** Handlebars' own message, whole; for a value missing inside `{{#each}}`, the line and the values there are. */
function handlebarsReason(error: unknown, source: string, view: object): string {
  if (!(error instanceof Error)) return String(error);
  const missing = /^"([^"]+)" not defined in/.exec(error.message);
  const { lineNumber, column } = error as { lineNumber?: number; column?: number };
  if (!missing || lineNumber === undefined || column === undefined) return error.message.trim();
  const expression = /^[^\s}]+/.exec((source.split('\n')[lineNumber - 1] ?? '').slice(column))?.[0] ?? missing[1];
  const known = keysAround(source, lineNumber, view);
  return `line ${lineNumber}: \`{{${expression}}}\` is not a value it can use here.${known ? ` Known values here: ${known.join(', ')}.` : ''}`;
}

/** The fields of the items of the innermost `{{#each list}}` around a line, when the list is one of the view's. */
function keysAround(source: string, line: number, view: object): string[] | undefined {
  const before = source.split('\n').slice(0, line).join('\n');
  const opened = [...before.matchAll(/{{#each\s+([\w.]+)\s*}}|{{\/each}}/g)].reduce<string[]>(
    (stack, match) => (match[1] ? [...stack, match[1]] : stack.slice(0, -1)),
    [],
  );
  const list = opened
    .at(-1)
    ?.split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], view);
  const first = Array.isArray(list) ? (list[0] as unknown) : undefined;
  return first && typeof first === 'object' ? Object.keys(first) : undefined;
}

/** A print template that is missing or has a mistake: reported on the lesson, the other printables still made. */
class TemplateProblem extends Error {}

/** One PDF to make: its print Markdown (from its template) and what its pages need. */
export interface PrintJob {
  file: string;
  title: string;
  meta: Lesson['meta'];
  markdown: string;
  /** The lesson's parsed Markdown that markers in `markdown` stand for (print-fragments.ts). */
  fragments?: Fragments;
  /** About how many characters of print Markdown it typesets, to share the work out. */
  weight?: number;
  /** The PDF's date, as an ISO string (shared/document-date.ts). */
  date: string;
  /** What the lesson's formulas say, for screen readers (math/tex-to-speech.ts). */
  speech?: Record<string, string>;
  /** The words the PDF writes of its own (footer, name line, tooltips), in the lesson's language. */
  labels: LessonLabels;
}

export interface PrintPlan {
  jobs: PrintJob[];
  skipped: string[];
  problems: string[];
}

/** What to print for a lesson: each printable's template filled in (quick), ready to be typeset (slow). */
/** `date` is the PDFs' date (shared/document-date.ts). */
export function planPrintables(lesson: Lesson, templates: PrintTemplates, date: Date): PrintPlan {
  const plan: PrintPlan = { jobs: [], skipped: [], problems: [] };
  const fragments = new FragmentTable();
  const view = printView(lesson, fragments);
  const meta = { ...lesson.meta, lang: lessonLanguage(lesson) };
  const speech = speechTable(formulasOf(lesson), meta.lang);
  for (const printable of PRINTABLES) {
    if (printable.needs && blocksOf(lesson, printable.needs).length === 0) {
      plan.skipped.push(`${printable.title.toLowerCase()} (it needs ${BLOCK_WORDS[printable.needs]})`);
      continue;
    }
    try {
      const markdown = renderPrintMarkdown(lesson, printable, templates, view);
      const used = fragments.usedIn(markdown);
      plan.jobs.push({
        file: printable.file,
        title: label(lesson.labels, printableLabel(printable)),
        meta,
        markdown,
        fragments: used,
        weight: markdown.length + fragmentChars(used),
        date: date.toISOString(),
        labels: lesson.labels,
        ...(Object.keys(speech).length > 0 ? { speech } : {}),
      });
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
