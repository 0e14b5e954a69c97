// One lesson built into its output folder: up to date? → read → check (pipeline/check-lesson.ts) → make each stale
// output (pipeline/outputs.ts) and write it as soon as it is made → record. Only this host layer touches files.
import path from 'node:path';
import { hasErrors, report } from '../lesson/problems.ts';
import { checkLesson, type CheckedLesson } from '../pipeline/check-lesson.ts';
import { OUTPUTS, PrintMemoryError, lessonBuild, noteSkippedPrintables, startTypesetting, type Outputs } from '../pipeline/outputs.ts';
import { PRINTABLE_NAMES, PRINTABLES } from '../shared/printables.ts';
import type { BuildContext, BuildStep, CheckContext, LessonResult } from './build-context.ts';
import { filesAsRecorded, recordedMessages, removeBuildRecord, writeBuildRecord, type BuildRecord } from './build-record.ts';
import { readLessonAssets } from './lesson-assets.ts';
import { shownPath, slugOf } from './lesson-paths.ts';
import { PRINT_HEAP_MB } from './print-pool.ts';
import { readLessonText } from './read-lesson.ts';
import { lessonHash, madeFrom, whatIsOutOfDate } from './up-to-date.ts';
import { removeStalePrintables, writeOutputs } from './write-outputs.ts';

/** What each output's step is called in progress messages. */
const STEPS: Record<string, BuildStep> = { deck: 'deck', 'single-file': 'single-file deck', pptx: 'PowerPoint' };

/** The check stage of the lesson file `source` (absolute): `lectern check` runs only this. */
export async function checkLessonFile(source: string, context: CheckContext, options: { printables?: boolean } = {}): Promise<CheckedLesson> {
  const shown = shownPath(source, context.cwd);
  const lessonDir = path.dirname(source);
  return checkLesson(
    { path: shown, slug: slugOf(source), text: await readLessonText(source, shown), readAssets: (assets) => readLessonAssets(assets, lessonDir) },
    context,
    options,
  );
}

/**
 * Build one lesson: only the outputs that are out of date (all of them with `force`), then its build record. The deck is
 * written first (so a preview can reload), then the PowerPoint file and the printables.
 */
export async function buildLesson(source: string, context: BuildContext): Promise<LessonResult> {
  const { onProgress } = context.options;
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
  const checked = await checkLessonFile(source, context, {
    printables: wanted.some((output) => PRINTABLE_NAMES.includes(output)),
  });
  const { file, lesson, images, plan } = checked;
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
  const names = printing.map((printable) => printable.name);
  const build = lessonBuild(checked, { deckTemplates: context.templates, printTemplates: context.printTemplates }, context.printPool.typeset, names);
  if (!build || !lesson || !plan) return done();

  // The print workers typeset the PDFs while the deck and the PowerPoint file are made here (in a preview, once the deck
  // is written); the PDFs are written last.
  if (!context.deckFirst && printing.length > 0) startTypesetting(build);
  const write = async (outputs: Outputs) => {
    progress('writing');
    result.written.push(...(await writeOutputs(folder, slug, outputs)));
  };

  const madeNow = new Map<string, Outputs>();
  for (const output of OUTPUTS.filter((candidate) => stale.includes(candidate.name))) {
    if (!output.printable) progress(STEPS[output.name]);
    else if (output.name === printing[0].name) {
      progress('printables');
      startTypesetting(build);
    }
    let files: Outputs;
    try {
      files = await output.make(build, madeNow);
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
    madeNow.set(output.name, files);
    if (output.printable) continue;
    await write(files);
    record(output.name, files);
    if (output.name === 'deck') {
      onProgress?.({ type: 'deck-written', source: result.source, slug });
      // Typesetting PDFs blocks the event loop; let a preview hear about the new deck first.
      await new Promise((resolve) => setImmediate(resolve));
      // In a preview the PDFs start only now, once the deck is written.
      if (printing.length > 0) startTypesetting(build);
    }
  }

  if (wanted.some((output) => PRINTABLE_NAMES.includes(output))) noteSkippedPrintables(file, plan);
  if (printing.length === 0) return done();
  // The PDFs are written together, once every one of them is made.
  const printed = printing.flatMap((printable) => [...(madeNow.get(printable.name) ?? [])]);
  await write(new Map(printed));
  for (const printable of printing)
    record(printable.name, madeNow.get(printable.name) ?? new Map(), lesson.meta.printTemplates?.[printable.name] ?? printable.name);
  // Printables this build did not make are kept, unless the lesson no longer has what they need.
  const files = new Set(printing.map((printable) => printable.file));
  const keep = new Set([...printed.map(([name]) => name), ...PRINTABLES.filter((printable) => !files.has(printable.file)).map((printable) => printable.file)]);
  if (plan.problems.length === 0) await removeStalePrintables(folder, keep, file);
  return done();
}
