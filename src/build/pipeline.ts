// One lesson through the pipeline: up to date? → read → parse → check → render (deck, PowerPoint, printables) → typeset
// → write → record.
// Only the read and write stages touch files. `lectern check` runs `checkLesson`: every stage of a build before the
// first write, so a problem a build reports is reported by a check too.
import path from 'node:path';
import type { VFile } from 'vfile';
import { deckFiles } from '../deck/deck-files.ts';
import { inlineDeck } from '../deck/inline-deck.ts';
import type { Lesson } from '../lesson/model.ts';
import { parseLesson } from '../lesson/parse-lesson.ts';
import { hasErrors, report } from '../lesson/problems.ts';
import { checkPrintTemplates } from '../print/lesson-template-problems.ts';
import type { PrintPlan } from '../print/plan-printables.ts';
import { PRINT_HEAP_MB, PrintMemoryError } from '../print/print-pool.ts';
import { typesetInPool } from '../print/typeset-in-pool.ts';
import { PRINTABLE_NAMES, PRINTABLES } from '../shared/printables.ts';
import type { BuildContext, BuildStep, CheckContext, LessonResult } from './build-context.ts';
import { filesAsRecorded, recordedMessages, removeBuildRecord, writeBuildRecord, type BuildRecord } from './build-record.ts';
import { checkImages, checkLessonText, reportUnreadAssets } from './check-lesson.ts';
import { readLessonAssets } from './lesson-assets.ts';
import { shownPath, slugOf } from './lesson-paths.ts';
import { readLessonText } from './read-lesson.ts';
import { readRevealFiles } from './reveal-files.ts';
import { lessonHash, madeFrom, whatIsOutOfDate } from './up-to-date.ts';
import { removeStalePrintables, writeOutputs, type Outputs } from './write-outputs.ts';

/** Lessons longer than this get no PowerPoint file: pptxgenjs holds the whole file in memory several times over. */
export const MAX_PPTX_SLIDES = 400;

export interface CheckedLesson {
  /** The lesson file as messages show it. */
  source: string;
  slug: string;
  /** Messages (errors, warnings, notes) with their places. */
  file: VFile;
  /** The lesson, when it has no error of its own. */
  lesson?: Lesson;
  /** The files the lesson refers to, by their path relative to the lesson. */
  images: Map<string, Buffer>;
  /** The lesson's text, for statistics. */
  text?: string;
  /** Its printables, filled in and ready to typeset: only for a lesson that can be built. */
  plan?: PrintPlan;
}

/**
 * Every stage before the first write: read, parse, read the images, check. `printables: false` leaves out filling in
 * the print templates and checking that the PDFs can show the images, for a build that makes no printable
 * (`--only deck`).
 */
export async function checkLesson(source: string, context: CheckContext, { printables = true } = {}): Promise<CheckedLesson> {
  const shown = shownPath(source, context.cwd);
  const slug = slugOf(source);
  const read = await readLessonText(source, shown);
  if ('unreadable' in read) return { source: shown, slug, file: read.unreadable, images: new Map() };
  const { text } = read;
  const { lesson, file } = parseLesson(text, shown, slug, context.lessonDefaults);
  checkLessonText(text, lesson, file);
  if (!lesson) return { source: shown, slug, file, images: new Map(), text };
  const { contents: images, unread } = await readLessonAssets(lesson.assets, path.dirname(source));
  reportUnreadAssets(unread, file, path.dirname(shown));
  // Whether PDFKit can print each image matters only to the PDFs (and loading PDFKit takes a tenth of a deck's build).
  if (printables) await checkImages(lesson, images, file);
  if (hasErrors(file)) return { source: shown, slug, file, images: new Map(), text };
  const plan = printables ? checkPrintTemplates(lesson, file, context.printTemplates) : { jobs: [], skipped: [], problems: [] };
  return { source: shown, slug, file, lesson, images, text, ...(plan ? { plan } : {}) };
}

/** pptxgenjs is loaded only by a build that makes a PowerPoint file. */
async function renderPptxLazily(lesson: Lesson, images: Map<string, Uint8Array>): Promise<Uint8Array> {
  const { renderPptx } = await import('../pptx/render-pptx.ts');
  return renderPptx(lesson, images);
}

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

/**
 * Build one lesson: only the outputs that are out of date (all of them with `force`), then its build record. The deck is
 * written first (so a preview can reload), then the PowerPoint file and the printables.
 */
export async function buildLesson(source: string, context: BuildContext): Promise<LessonResult> {
  const { onProgress, singleFile } = context.options;
  const shown = shownPath(source, context.cwd);
  const slug = slugOf(source);
  const folder = path.join(context.outDir, slug);
  const progress = (step: BuildStep) => onProgress?.({ type: 'step', source: shown, step });
  const { wanted, bytes, previous, stale, upToDate } = await whatIsOutOfDate(source, context);
  if (upToDate) {
    onProgress?.({ type: 'done', result: upToDate });
    return upToDate;
  }
  const printing = PRINTABLES.filter((printable) => stale.includes(printable.name));
  // The print workers load while the lesson is read and its deck made.
  if (printing.length > 0) context.printPool.warm();

  progress('checking');
  const { file, lesson, images, plan, ...checked } = await checkLesson(source, context, {
    printables: wanted.some((output) => PRINTABLE_NAMES.includes(output)),
  });
  const assets = [...images.keys()].sort();
  const result: LessonResult = {
    source: checked.source,
    slug,
    file,
    ...(lesson && plan ? { lesson, title: lesson.meta.title, assets } : {}),
    written: [],
  };
  const made: BuildRecord['outputs'] = {};
  const lessonSeen = bytes && lessonHash(context, shown, bytes, images);
  const record = (output: string, files: Outputs, template?: string) => {
    if (!lessonSeen) return;
    const sizes = [...files].map(([name, data]): [string, number] => [name, typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength]);
    const madeFromHash = madeFrom(output, lessonSeen, context, sizes.length > 0, template);
    made[output] = { madeFrom: madeFromHash, ...(template && template !== output ? { template } : {}), files: sizes };
  };
  const done = async () => {
    if (hasErrors(file) || !lesson || !lessonSeen) await removeBuildRecord(folder);
    else {
      // Outputs this build did not make keep their entries, unless their files changed since.
      for (const [output, entry] of Object.entries(previous?.record.outputs ?? {}))
        if (!(output in made) && filesAsRecorded(folder, entry, previous!.writtenMs)) made[output] = entry;
      await writeBuildRecord(folder, { format: 1, title: lesson.meta.title, assets, messages: recordedMessages(file), outputs: made });
    }
    onProgress?.({ type: 'done', result });
    return result;
  };
  if (!lesson || !plan) return done();

  // The print workers typeset the PDFs while the deck and the PowerPoint file are made here (in a preview, once the deck
  // is written); the PDFs are written last. A failure is kept to be reported in its turn.
  const files = new Set(printing.map((printable) => printable.file));
  let typesetting: Promise<{ printed: [name: string, data: Uint8Array][] } | { error: unknown }> | undefined;
  const startTypesetting = () => {
    if (typesetting || printing.length === 0) return;
    const jobs = plan.jobs.filter((job) => files.has(job.file));
    typesetting = typesetInPool({ ...plan, jobs }, images, context.printTemplates, context.printPool).then(
      (printed) => ({ printed }),
      (error: unknown) => ({ error }),
    );
  };
  if (!context.deckFirst) startTypesetting();

  const write = async (outputs: Outputs) => {
    progress('writing');
    result.written.push(...(await writeOutputs(folder, slug, outputs)));
  };

  if (stale.includes('deck') || stale.includes('single-file')) {
    progress('deck');
    const deck = deckFiles(lesson, images, context.templates, await readRevealFiles(lesson.meta.theme));
    if (stale.includes('deck')) {
      await write(deck);
      record('deck', deck);
      onProgress?.({ type: 'deck-written', source: result.source, slug });
      // Typesetting PDFs blocks the event loop; let a preview hear about the new deck first.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (singleFile && stale.includes('single-file')) {
      progress('single-file deck');
      const single: Outputs = new Map([[`${slug}.html`, inlineDeck(deck)]]);
      await write(single);
      record('single-file', single);
    }
  }

  startTypesetting();
  // The PowerPoint file belongs to the deck step, but comes after the deck so a preview does not wait for it.
  if (stale.includes('pptx')) {
    if (lesson.slides.length <= MAX_PPTX_SLIDES) {
      progress('PowerPoint');
      const pptx: Outputs = new Map([[`${slug}.pptx`, await oneAtATime(() => renderPptxLazily(lesson, images))]]);
      await write(pptx);
      record('pptx', pptx);
    } else {
      report(
        file,
        'note',
        `No PowerPoint file: this lesson has ${lesson.slides.length} slides, and Lectern makes one only up to ${MAX_PPTX_SLIDES} (a longer one needs too much memory). Split the lesson into several to get one for each.`,
        undefined,
        'pptx-too-large',
      );
      record('pptx', new Map());
    }
  }

  if (wanted.some((output) => PRINTABLE_NAMES.includes(output)) && plan.skipped.length > 0)
    report(file, 'note', `Not made, as the lesson has nothing for them: ${plan.skipped.join(', ')}.`, undefined, 'printable-skipped');
  if (!typesetting) return done();
  progress('printables');
  const typeset = await typesetting;
  if ('error' in typeset) {
    if (!(typeset.error instanceof PrintMemoryError)) throw typeset.error;
    report(
      file,
      'error',
      `This lesson is too large to print: typesetting its PDFs needs more than ${PRINT_HEAP_MB} MB of memory. Split it into several lessons. (Its deck was built.)`,
      { line: 1, column: 1 },
      'too-large-to-print',
    );
    return done();
  }
  const { printed } = typeset;
  await write(new Map(printed));
  for (const printable of printing) {
    const pdf = printed.find(([name]) => name === printable.file);
    record(printable.name, new Map(pdf ? [pdf] : []), lesson.meta.printTemplates?.[printable.name] ?? printable.name);
  }
  // Printables this build did not make are kept, unless the lesson no longer has what they need.
  const keep = new Set([...printed.map(([name]) => name), ...PRINTABLES.filter((printable) => !files.has(printable.file)).map((printable) => printable.file)]);
  if (plan.problems.length === 0) await removeStalePrintables(folder, keep, file);
  return done();
}
