// One lesson through the pipeline: read → parse → check → render (deck, PowerPoint, printables) → typeset → write.
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
import { renderPptx } from '../pptx/render-pptx.ts';
import type { BuildContext, BuildStep, CheckContext, LessonResult } from './build-context.ts';
import { checkImages, checkLessonText, reportUnreadAssets } from './check-lesson.ts';
import { readLessonAssets } from './lesson-assets.ts';
import { shownPath, slugOf } from './lesson-paths.ts';
import { readLessonText } from './read-lesson.ts';
import { readRevealFiles } from './reveal-files.ts';
import { removeStrayTemporaryFiles } from './write-file-atomic.ts';
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

/** Every stage before the first write: read, parse, read the images, check. */
export async function checkLesson(source: string, context: CheckContext): Promise<CheckedLesson> {
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
  await checkImages(lesson, images, file);
  if (hasErrors(file)) return { source: shown, slug, file, images: new Map(), text };
  const plan = checkPrintTemplates(lesson, file, context.printTemplates);
  return { source: shown, slug, file, lesson, images, text, ...(plan ? { plan } : {}) };
}

/** Build one lesson: the deck is written first (so a preview can reload), then the PowerPoint file and the printables. */
export async function buildLesson(source: string, context: BuildContext): Promise<LessonResult> {
  const { onProgress, pptx, singleFile } = context.options;
  const progress = (step: BuildStep) => onProgress?.({ type: 'step', source: shownPath(source, context.cwd), step });
  progress('checking');
  const { file, slug, lesson, images, plan, ...checked } = await checkLesson(source, context);
  const result: LessonResult = { source: checked.source, slug, file, ...(lesson && plan ? { lesson } : {}), written: [] };
  const done = () => {
    onProgress?.({ type: 'done', result });
    return result;
  };
  if (!lesson || !plan) return done();

  const folder = path.join(context.outDir, slug);
  await removeStrayTemporaryFiles(folder);
  const write = async (outputs: Outputs) => {
    progress('writing');
    result.written.push(...(await writeOutputs(folder, slug, outputs)));
  };

  progress('deck');
  const deck = deckFiles(lesson, images, context.templates, await readRevealFiles(lesson.meta.theme));
  await write(deck);
  onProgress?.({ type: 'deck-written', source: result.source, slug });
  // Typesetting PDFs blocks the event loop; let a preview hear about the new deck first.
  await new Promise((resolve) => setImmediate(resolve));

  // The PowerPoint file belongs to the deck step, but comes after the deck so a preview does not wait for it.
  if (pptx !== false) {
    if (lesson.slides.length <= MAX_PPTX_SLIDES) {
      progress('PowerPoint');
      await write(new Map([[`${slug}.pptx`, await renderPptx(lesson, images)]]));
    } else
      report(
        file,
        'note',
        `No PowerPoint file: this lesson has ${lesson.slides.length} slides, and Lectern makes one only up to ${MAX_PPTX_SLIDES} (a longer one needs too much memory). Split the lesson into several to get one for each.`,
        undefined,
        'pptx-too-large',
      );
  }
  if (singleFile) {
    progress('single-file deck');
    await write(new Map([[`${slug}.html`, inlineDeck(deck)]]));
  }

  progress('printables');
  let printed: [name: string, data: Uint8Array][];
  try {
    printed = await typesetInPool(plan, images, context.printTemplates, context.printPool);
  } catch (error) {
    if (!(error instanceof PrintMemoryError)) throw error;
    report(
      file,
      'error',
      `This lesson is too large to print: typesetting its PDFs needs more than ${PRINT_HEAP_MB} MB of memory. Split it into several lessons. (Its deck was built.)`,
      { line: 1, column: 1 },
      'too-large-to-print',
    );
    return done();
  }
  if (plan.skipped.length > 0)
    report(file, 'note', `Not made, as the lesson has nothing for them: ${plan.skipped.join(', ')}.`, undefined, 'printable-skipped');
  await write(new Map(printed));
  if (plan.problems.length === 0) await removeStalePrintables(folder, new Set(printed.map(([name]) => name)), file);
  return done();
}
