// Every output Lectern makes of a lesson, in one table: its name (what `--only`, `outputs:` in the config and the build
// record call it), what it is made from besides the lesson, and how it is made. The build, the up-to-date check, dev,
// check and the studio all read this list.
import type { VFile } from 'vfile';
import type { DeckTemplates } from '../deck/deck-templates.ts';
import { deckFiles } from '../deck/deck-files.ts';
import { inlineDeck } from '../deck/inline-deck.ts';
import type { Lesson } from '../lesson/model.ts';
import { report } from '../lesson/problems.ts';
import { printImages, type PrintJob, type PrintPlan } from '../print/plan-printables.ts';
import type { PrintTemplates } from '../print/print-templates.ts';
import { PRINTABLES, type Printable } from '../shared/printables.ts';
import type { CheckedLesson } from './check-lesson.ts';
import { readRevealFiles } from './reveal-files.ts';

/** An output's files, by their path in the lesson's output folder. */
export type Outputs = Map<string, string | Uint8Array>;

/** Typesets PDFs away from the thread that asks (worker threads in Node, Web Workers in a browser); each promise settles with its PDF. */
export type Typesetter = (jobs: PrintJob[], images: Map<string, Uint8Array>) => Promise<Uint8Array>[];

/** A print worker ran out of its capped memory: the lesson is too large to typeset. */
export class PrintMemoryError extends Error {}

/** Lessons longer than this get no PowerPoint file: pptxgenjs holds the whole file in memory several times over. */
export const MAX_PPTX_SLIDES = 400;

/** What a lesson's outputs are made from: the checked lesson and what its host gives. */
export interface LessonBuild {
  lesson: Lesson;
  /** Messages about the outputs (a skipped PowerPoint file) go on the lesson's file. */
  file: VFile;
  images: Map<string, Uint8Array>;
  /** Its printables, filled in (check-lesson.ts). */
  plan: PrintPlan;
  /** The date of its PDFs and PowerPoint file. */
  date: Date;
  deckTemplates: DeckTemplates;
  printTemplates: PrintTemplates;
  typeset: Typesetter;
  /** The printables this build makes: they are typeset together, the longest first, as soon as one is asked for. */
  printing: readonly string[];
}

/**
 * What a checked lesson's outputs are made from, when it can be built (undefined when it has an error): `printing`
 * names the printables this build makes.
 */
export function lessonBuild(
  checked: CheckedLesson,
  templates: { deckTemplates: DeckTemplates; printTemplates: PrintTemplates },
  typeset: Typesetter,
  printing: readonly string[],
): LessonBuild | undefined {
  const { lesson, plan, date, file, images } = checked;
  if (!lesson || !plan || !date) return undefined;
  return { lesson, file, images, plan, date, ...templates, typeset, printing };
}

export interface Output {
  /** `deck`, `single-file`, `pptx` or a printable's name. */
  name: string;
  /** What it is, for people. */
  title: string;
  /** What it is made from besides the lesson (and Lectern): an output is made again when these change. */
  uses: 'deck templates' | 'print template' | 'lesson only';
  /** Only when asked for (the single-file deck: `--single-file`); never named by `--only`. */
  onRequest?: boolean;
  /** For a printable: who it is for and what block it needs. */
  printable?: Printable;
  /** Its files; none when the lesson has nothing for it. `made` holds the outputs this build made before it. */
  make: (build: LessonBuild, made: ReadonlyMap<string, Outputs>) => Promise<Outputs>;
}

const deck: Output = {
  name: 'deck',
  title: 'Slide deck',
  uses: 'deck templates',
  make: async ({ lesson, images, deckTemplates }) => deckFiles(lesson, images, deckTemplates, readRevealFiles(lesson.meta.theme)),
};

const singleFile: Output = {
  name: 'single-file',
  title: 'Slide deck in one file',
  uses: 'deck templates',
  onRequest: true,
  make: async (build, made) => new Map([[`${build.lesson.slug}.html`, inlineDeck(made.get('deck') ?? (await deck.make(build, made)))]]),
};

/**
 * Zipping a PowerPoint file yields to other lessons, and each file being zipped holds several copies of itself: one at
 * a time keeps the memory of a library's build to one file's worth.
 */
let pptxQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = pptxQueue.then(work);
  pptxQueue = turn.catch(() => undefined);
  return turn;
}

const pptx: Output = {
  name: 'pptx',
  title: 'PowerPoint file',
  uses: 'lesson only',
  make: async ({ lesson, images, file, date }) => {
    if (lesson.slides.length > MAX_PPTX_SLIDES) {
      report(
        file,
        'note',
        `No PowerPoint file: this lesson has ${lesson.slides.length} slides, and Lectern makes one only up to ${MAX_PPTX_SLIDES} (a longer one needs too much memory). Split the lesson into several to get one for each.`,
        undefined,
        'pptx-too-large',
      );
      return new Map();
    }
    // pptxgenjs is loaded only by a build that makes a PowerPoint file.
    const { renderPptx } = await import('../pptx/render-pptx.ts');
    return new Map([[`${lesson.slug}.pptx`, await oneAtATime(() => renderPptx(lesson, images, date))]]);
  },
};

/** Each lesson build's PDFs, typeset together on first request. */
const typesetting = new WeakMap<LessonBuild, Map<string, Promise<Uint8Array>>>();

/** Start typesetting the build's printables (all of them at once, so the workers share them out); each by file name. */
export function startTypesetting(build: LessonBuild): Map<string, Promise<Uint8Array>> {
  let started = typesetting.get(build);
  if (!started) {
    const wanted = new Set(PRINTABLES.filter((printable) => build.printing.includes(printable.name)).map((printable) => printable.file));
    const jobs = build.plan.jobs.filter((job) => wanted.has(job.file));
    const pdfs = build.typeset(jobs, printImages(build.images, build.printTemplates));
    // A PDF that fails is reported when it is asked for; until then its failure is not "unhandled".
    pdfs.forEach((pdf) => pdf.catch(() => undefined));
    started = new Map(jobs.map((job, index) => [job.file, pdfs[index]]));
    typesetting.set(build, started);
  }
  return started;
}

const printableOutput = (printable: Printable): Output => ({
  name: printable.name,
  title: printable.title,
  uses: 'print template',
  printable,
  make: async (build) => {
    const pdf = startTypesetting(build).get(printable.file);
    return pdf ? new Map([[printable.file, await pdf]]) : new Map();
  },
});

/** A note on the printables the lesson has nothing for. */
export function noteSkippedPrintables(file: VFile, plan: PrintPlan): void {
  if (plan.skipped.length > 0)
    report(file, 'note', `Not made, as the lesson has nothing for them: ${plan.skipped.join(', ')}.`, undefined, 'printable-skipped');
}

/** In the order a build makes them: the deck first (a preview reloads on it), the PDFs last (they take longest). */
export const OUTPUTS: readonly Output[] = [deck, singleFile, pptx, ...PRINTABLES.map(printableOutput)];

export const outputNamed = (name: string): Output | undefined => OUTPUTS.find((output) => output.name === name);

/** The names `--only` and `outputs:` in lectern.config.yaml take. */
export const OUTPUT_NAMES: readonly string[] = OUTPUTS.filter((output) => !output.onRequest).map((output) => output.name);
