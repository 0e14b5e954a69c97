// `lectern build`: every lesson through the pipeline (pipeline.ts), a few at once, with the print workers they share.
import { defaultPoolSize, startPrintPool } from '../print/print-pool.ts';
import { PRINTABLE_NAMES } from '../shared/printables.ts';
import { prepareBuild, type BuildOptions, type LessonResult } from './build-context.ts';
import { findLessonFiles } from './lesson-inputs.ts';
import { shownPath } from './lesson-paths.ts';
import { mapInOrder } from './map-in-order.ts';
import { inShard } from './shard.ts';
import { whatIsOutOfDate } from './up-to-date.ts';

export { BUNDLED_TEMPLATES } from '../project-files.ts';
export type { BuildEvent, BuildOptions, BuildStep, LessonResult } from './build-context.ts';

export async function buildLessons(options: BuildOptions): Promise<LessonResult[]> {
  const found = await findLessonFiles(options.inputs, options.cwd ?? process.cwd());
  const { shard } = options;
  const files = shard ? found.filter((source) => inShard(source, shard)) : found;
  // PDFs are typeset on worker threads with capped heaps (see print-pool.ts), unless the caller brings a pool.
  const printPool = options.printPool ?? startPrintPool(defaultPoolSize(files.length));
  try {
    const context = await prepareBuild(options, printPool);
    // While the pool typesets one lesson's PDFs, the next lessons are read and their decks written.
    return await mapInOrder(files, printPool.size + 1, async (source, index) => {
      options.onProgress?.({ type: 'lesson', index, total: files.length, source: shownPath(source, context.cwd) });
      const { upToDate, stale } = await whatIsOutOfDate(source, context);
      if (upToDate) {
        options.onProgress?.({ type: 'done', result: upToDate });
        return upToDate;
      }
      // The print workers load while the pipeline is loaded and the lesson read.
      if (stale.some((output) => PRINTABLE_NAMES.includes(output))) printPool.warm();
      // The pipeline (the Markdown parser, the templates, the deck) is loaded only when a lesson is to be built.
      const { buildLesson } = await import('./pipeline.ts');
      return buildLesson(source, context);
    });
  } finally {
    if (!options.printPool) await printPool.close();
  }
}
