// `lectern check`: every problem of each lesson (the stages of a build that write nothing), and its reading statistics.
import type { VFile } from 'vfile';
import { prepareCheck } from '../node/build-context.ts';
import { findLessonFiles } from '../node/lesson-inputs.ts';
import { checkLessonFile } from '../node/build-lesson.ts';
import type { LessonDefaults } from '../lesson/model.ts';
import { report } from '../lesson/problems.ts';
import { gradeRange, readingStats, type ReadingStats } from '../lesson/reading-stats.ts';
import { readingText } from '../lesson/visible-text.ts';

export interface CheckResult {
  source: string;
  file: VFile;
  stats?: ReadingStats;
  /** The lesson's own `grade`, when it has one. */
  grade?: string;
}

/** How far (in grades) the reading level may sit above or below the lesson's grade before a warning. */
const GRADE_TOLERANCE = 2;

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
    const stats = readingStats(readingText(lesson));
    const range = gradeRange(lesson.meta.grade);
    if (range && stats.words >= 100 && (stats.grade > range[1] + GRADE_TOLERANCE || stats.grade < range[0] - GRADE_TOLERANCE)) {
      const direction = stats.grade > range[1] ? 'harder' : 'easier';
      report(
        file,
        'warning',
        `The reading text reads at grade ${stats.grade} (Flesch–Kincaid), ${direction} than the lesson's grade ${lesson.meta.grade}. ${direction === 'harder' ? 'Use shorter sentences and simpler words' : 'Check that the text challenges the class'}, or change \`grade\`.`,
        undefined,
        'reading-level',
      );
    }
    results.push({ source: shown, file, stats, ...(lesson.meta.grade ? { grade: lesson.meta.grade } : {}) });
  }
  return results;
}
