// `lectern build`: every lesson through the pipeline (pipeline.ts), a few at once, with the print workers they share.
import { defaultPoolSize, startPrintPool } from './print-pool.ts';
import { PRINTABLE_NAMES } from '../shared/printables.ts';
import { prepareBuild, type BuildOptions, type LessonResult } from './build-context.ts';
import { findLessonFiles } from './lesson-inputs.ts';
import { shownPath } from './lesson-paths.ts';
import { mapInOrder } from './map-in-order.ts';
import { inShard } from './in-shard.ts';
import { whatIsOutOfDate } from './up-to-date.ts';

export { BUNDLED_TEMPLATES } from './project-files.ts';
export type { BuildEvent, BuildOptions, BuildStep, LessonResult } from './build-context.ts';

/** How many lessons' build records and files are looked at at once (each may read the lesson's images). */
const FRESHNESS_CHECKS_AT_ONCE = 8;

export async function buildLessons(options: BuildOptions): Promise<LessonResult[]> {
  const found = await findLessonFiles(options.inputs, options.cwd ?? process.cwd());
  const { shard } = options;
  const files = shard ? found.filter((source) => inShard(source, shard)) : found;
  const shared = await prepareBuild(options);
  // Which lessons are up to date is mostly waiting for the disk: many lessons are looked at at once.
  const freshness = await mapInOrder(files, FRESHNESS_CHECKS_AT_ONCE, async (source) => {
    const { upToDate, stale } = await whatIsOutOfDate(source, shared);
    return { upToDate, printing: stale.some((output) => PRINTABLE_NAMES.includes(output)) };
  });
  const stale = files.flatMap((source, index) => (freshness[index].upToDate ? [] : [{ source, index, printing: freshness[index].printing }]));
  options.onProgress?.({ type: 'plan', lessons: files.length, toBuild: stale.length, printing: stale.filter((lesson) => lesson.printing).length });
  // PDFs are typeset on worker threads with capped heaps (see print-pool.ts), unless the caller brings a pool.
  const printPool = options.printPool ?? startPrintPool(defaultPoolSize('build'));
  const context = { ...shared, printPool };
  try {
    const results: LessonResult[] = new Array<LessonResult>(files.length);
    const report = (index: number) => options.onProgress?.({ type: 'lesson', index, total: files.length, source: shownPath(files[index], context.cwd) });
    for (const [index, { upToDate }] of freshness.entries()) {
      if (!upToDate) continue;
      report(index);
      options.onProgress?.({ type: 'done', result: upToDate });
      results[index] = upToDate;
    }
    // While the pool typesets one lesson's PDFs, the next lessons are read and their decks written.
    await mapInOrder(stale, printPool.size + 1, async ({ source, index, printing }) => {
      report(index);
      // The print workers load while the pipeline is loaded and the lesson read.
      if (printing) printPool.warm();
      // The pipeline (the Markdown parser, the templates, the deck) is loaded only when a lesson is to be built.
      const { buildLesson } = await import('./build-lesson.ts');
      results[index] = await buildLesson(source, context);
    });
    return results;
  } finally {
    if (!options.printPool) await printPool.close();
  }
}
