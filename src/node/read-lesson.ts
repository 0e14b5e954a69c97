// The read stage: a lesson file's text, refused before it is read when it is too large.
import { readFile, stat } from 'node:fs/promises';
import { MAX_LESSON_BYTES, lessonText, tooLargeLesson, type LessonText } from '../pipeline/lesson-text.ts';

export async function readLessonText(source: string, shownPath: string): Promise<LessonText> {
  const { size } = await stat(source);
  if (size > MAX_LESSON_BYTES) return tooLargeLesson(shownPath, size);
  return lessonText(await readFile(source), shownPath);
}
