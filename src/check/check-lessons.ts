// `lectern check`: every problem of each lesson (the stages of a build that write nothing), and its reading statistics.
import type { VFile } from 'vfile';
import { prepareCheck } from '../node/build-context.ts';
import { findLessonFiles } from '../node/lesson-inputs.ts';
import { checkLessonFile } from '../node/build-lesson.ts';
import type { LessonDefaults } from '../lesson/model.ts';
import { checkReadingLevel, type ReadingStats } from '../lesson/reading-stats.ts';
import { describeLanguage } from '../lesson/lesson-language.ts';

export interface CheckResult {
  source: string;
  file: VFile;
  stats?: ReadingStats;
  /** The lesson's own `grade`, when it has one. */
  grade?: string;
  /** The lesson's language and where it comes from: "Spanish (detected)". */
  language?: string;
}

/** `templates` is a teacher's templates folder: its print templates are checked with each lesson, as `build` would. */
export async function checkLessons(inputs: string[], cwd: string, defaults: LessonDefaults, templates?: string): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const context = await prepareCheck(cwd, defaults, templates);
  for (const source of await findLessonFiles(inputs, cwd)) {
    const { source: shown, file, lesson } = await checkLessonFile(source, context);
    if (!lesson) {
      results.push({ source: shown, file });
      continue;
    }
    const stats = checkReadingLevel(lesson, file);
    results.push({ source: shown, file, stats, language: describeLanguage(lesson), ...(lesson.meta.grade ? { grade: lesson.meta.grade } : {}) });
  }
  return results;
}
