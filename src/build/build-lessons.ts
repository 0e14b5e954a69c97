// The pipeline, in one place: read → parse → lesson model → deck and printables → write.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDeckTemplates, type DeckTemplates } from '../deck/deck-templates.ts';
import { BUNDLED_TEMPLATES, templateRoots } from '../project-files.ts';
import { ASSET_FOLDER } from '../deck/markdown-to-html.ts';
import { renderDeck, revealFiles } from '../deck/render-deck.ts';
import { inlineDeck } from '../deck/inline-deck.ts';
import { renderPptx } from '../pptx/render-pptx.ts';
import type { Lesson, LessonDefaults } from '../lesson/model.ts';
import { report } from '../lesson/problems.ts';
import { reportMissingTemplates } from '../print/lesson-template-problems.ts';
import { PRINT_HEAP_MB, PrintMemoryError, startPrintPool, type PrintPool } from '../print/print-pool.ts';
import { loadPrintTemplates, type PrintTemplates } from '../print/print-templates.ts';
import { planPrintables, printImages, type Printables } from '../print/plan-printables.ts';
import { PRINTABLES } from '../shared/printables.ts';
import { analyseLesson, type AnalysedLesson } from './analyse-lesson.ts';
import { findLessonFiles } from './lesson-inputs.ts';
import { removeStrayTemporaryFiles, writeFileAtomic } from './write-file-atomic.ts';

export { BUNDLED_TEMPLATES };
const REVEAL_DIST = path.dirname(fileURLToPath(import.meta.resolve('reveal.js')));

/** Lessons longer than this get no PowerPoint file: pptxgenjs holds the whole file in memory several times over. */
export const MAX_PPTX_SLIDES = 400;

export type BuildStep = 'checking' | 'deck' | 'PowerPoint' | 'printables' | 'single-file deck' | 'writing';

export type BuildEvent =
  | { type: 'lesson'; index: number; total: number; source: string }
  | { type: 'step'; source: string; step: BuildStep }
  /** The deck's files are written (the printables follow): a preview can reload now. */
  | { type: 'deck-written'; source: string; slug: string }
  | { type: 'done'; result: LessonResult };

export interface BuildOptions {
  /** Lesson files and folders of lessons. */
  inputs: string[];
  outDir: string;
  /** Inputs and messages are relative to this folder. */
  cwd?: string;
  /** A teacher's templates folder: its files override the bundled templates, file by file. */
  templates?: string;
  /** From the project config; each lesson's front matter overrides them. */
  lessonDefaults?: LessonDefaults;
  /** Also write `<slug>.html`: the deck as one file, with everything inlined. */
  singleFile?: boolean;
  /** Also write `<slug>.pptx`: the lesson as an editable PowerPoint file with speaker notes (default: true). */
  pptx?: boolean;
  onProgress?: (event: BuildEvent) => void;
  /** Typeset PDFs on these worker threads instead of the main one (in parallel; keeps a server responsive). */
  printPool?: PrintPool;
}

export interface LessonResult extends Omit<AnalysedLesson, 'images' | 'text'> {
  source: string;
  slug: string;
  /** Files written, relative to the output folder. */
  written: string[];
}

export interface BuildContext extends Required<Pick<BuildOptions, 'outDir' | 'cwd' | 'lessonDefaults'>> {
  options: BuildOptions;
  templates: DeckTemplates;
  printTemplates: PrintTemplates;
  printPool: PrintPool;
}

/** What every lesson of a build shares: the compiled templates, the settings and the print workers. */
export async function prepareBuild(options: BuildOptions, printPool: PrintPool): Promise<BuildContext> {
  const roots = templateRoots(options.templates);
  return {
    options,
    outDir: options.outDir,
    cwd: options.cwd ?? process.cwd(),
    lessonDefaults: options.lessonDefaults ?? {},
    templates: await loadDeckTemplates(roots),
    printTemplates: await loadPrintTemplates(roots),
    printPool,
  };
}

export async function buildLessons(options: BuildOptions): Promise<LessonResult[]> {
  const files = await findLessonFiles(options.inputs, options.cwd ?? process.cwd());
  // PDFs are typeset on worker threads with capped heaps (see print-pool.ts), unless the caller brings a pool.
  const printPool = options.printPool ?? startPrintPool();
  try {
    const context = await prepareBuild(options, printPool);
    // While the pool typesets one lesson's PDFs, the next lessons are read and their decks written.
    return await mapInOrder(files, printPool.size + 1, (source, index) => {
      options.onProgress?.({ type: 'lesson', index, total: files.length, source: shownPath(source, context.cwd) });
      return buildLesson(source, context);
    });
  } finally {
    if (!options.printPool) await printPool.close();
  }
}

/** Run `task` on every item, at most `limit` at once, and give the results in the items' order. */
async function mapInOrder<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return results;
}

export function slugOf(source: string): string {
  return path.basename(source).replace(/\.md$/i, '');
}

export function shownPath(source: string, cwd: string): string {
  return path.relative(cwd, source) || source;
}

/** Build one lesson: the deck is written first (so a preview can reload), then the printables. */
export async function buildLesson(source: string, context: BuildContext): Promise<LessonResult> {
  const shown = shownPath(source, context.cwd);
  const slug = slugOf(source);
  const progress = (step: BuildStep) => context.options.onProgress?.({ type: 'step', source: shown, step });
  progress('checking');
  const { file, lesson, images } = await analyseLesson(source, shown, slug, context.lessonDefaults);
  reportMissingTemplates(lesson, file, context.printTemplates);
  const buildable = lesson && !file.messages.some((message) => message.fatal);
  const result: LessonResult = { source: shown, slug, file, ...(buildable ? { lesson } : {}), written: [] };
  if (lesson && buildable) {
    await removeStrayTemporaryFiles(path.join(context.outDir, slug));
    const write = async (outputs: Outputs) => {
      progress('writing');
      for (const [name, data] of outputs) {
        await writeFileAtomic(path.join(context.outDir, slug, name), data);
        result.written.push(path.join(slug, name));
      }
    };
    progress('deck');
    const deck = await deckFiles(lesson, images, context.templates);
    await write(deck);
    context.options.onProgress?.({ type: 'deck-written', source: shown, slug });
    // Typesetting PDFs blocks the event loop; let a preview hear about the new deck first.
    await new Promise((resolve) => setImmediate(resolve));
    // The PowerPoint file belongs to the deck step, but comes after the deck so a preview does not wait for it.
    if (context.options.pptx !== false) {
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
    if (context.options.singleFile) {
      progress('single-file deck');
      await write(new Map([[`${slug}.html`, inlineDeck(deck)]]));
    }
    progress('printables');
    let printed: Printables;
    try {
      printed = await typesetInPool(lesson, images, context.printTemplates, context.printPool);
    } catch (error) {
      if (!(error instanceof PrintMemoryError)) throw error;
      report(
        file,
        'error',
        `This lesson is too large to print: typesetting its PDFs needs more than ${PRINT_HEAP_MB} MB of memory. Split it into several lessons. (Its deck was built.)`,
        { line: 1, column: 1 },
        'too-large-to-print',
      );
      context.options.onProgress?.({ type: 'done', result });
      return result;
    }
    if (printed.skipped.length > 0)
      report(file, 'note', `Not made, as the lesson has nothing for them: ${printed.skipped.join(', ')}.`, undefined, 'printable-skipped');
    printed.problems.forEach((reason) => report(file, 'error', reason, undefined, 'print-template'));
    await write(new Map(printed.files));
    if (printed.problems.length === 0) await removeStalePrintables(path.join(context.outDir, slug), printed, file);
  }
  context.options.onProgress?.({ type: 'done', result });
  return result;
}

type Outputs = Map<string, string | Uint8Array>;

/** Lectern's own PDFs that this build no longer makes (their block was removed): never any other file in the folder. */
async function removeStalePrintables(folder: string, printed: Printables, file: LessonResult['file']): Promise<void> {
  const made = new Set(printed.files.map(([name]) => name));
  const removed: string[] = [];
  for (const { file: name } of PRINTABLES) {
    if (made.has(name)) continue;
    if (
      await rm(path.join(folder, name)).then(
        () => true,
        () => false,
      )
    )
      removed.push(name);
  }
  if (removed.length > 0)
    report(
      file,
      'note',
      `Removed ${removed.join(', ')} from the last build: the lesson no longer has what ${removed.length === 1 ? 'it needs' : 'they need'}.`,
      undefined,
      'printable-removed',
    );
}

/** A lesson's printables, typeset at once on the pool's workers; written only when every one of them is made. */
async function typesetInPool(lesson: Lesson, images: Map<string, Uint8Array>, templates: PrintTemplates, pool: PrintPool): Promise<Printables> {
  const { jobs, skipped, problems } = planPrintables(lesson, templates);
  const settled = await Promise.allSettled(pool.typeset(jobs, printImages(images, templates)));
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  const files = settled.map((outcome, index): [string, Uint8Array] => [jobs[index].file, (outcome as PromiseFulfilledResult<Uint8Array>).value]);
  return { files, skipped, problems };
}

/** reveal.js's own files, read once per process: every deck gets a copy, so that each lesson's folder works alone. */
const revealCache = new Map<string, Promise<Buffer>>();
function revealFile(name: string): Promise<Buffer> {
  let file = revealCache.get(name);
  if (!file) revealCache.set(name, (file = readFile(path.join(REVEAL_DIST, name))));
  return file;
}

async function deckFiles(lesson: Lesson, images: Map<string, Buffer>, templates: DeckTemplates): Promise<Outputs> {
  const outputs: Outputs = new Map();
  outputs.set('index.html', renderDeck(lesson, templates));
  outputs.set('lectern.css', templates.styles);
  for (const name of revealFiles(lesson.meta.theme)) outputs.set(`reveal/${name}`, await revealFile(name));
  for (const [assetPath, data] of images) outputs.set(`${ASSET_FOLDER}/${assetPath}`, data);
  return outputs;
}
