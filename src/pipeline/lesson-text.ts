// A lesson file's text, refused when it is too large or not UTF-8 text.
import { VFile } from 'vfile';
import { report } from '../lesson/problems.ts';

/** Lessons larger than this are refused before they are read: no real lesson comes near it. */
export const MAX_LESSON_BYTES = 5 * 1024 * 1024;

/** The lesson's text, or the file that reports why it cannot be read as a lesson. */
export type LessonText = { text: string } | { unreadable: VFile };

/** `path` is how messages name the lesson file. */
export function tooLargeLesson(path: string, size: number): LessonText {
  const file = new VFile({ path });
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  report(
    file,
    'error',
    `This lesson file is ${megabytes(size)}; the limit is ${megabytes(MAX_LESSON_BYTES)}. Split it into several lessons, or check that it is really a lesson (not a pasted image or document).`,
    { line: 1, column: 1 },
    'file-too-large',
  );
  return { unreadable: file };
}

export function lessonText(bytes: Uint8Array, path: string): LessonText {
  if (bytes.byteLength > MAX_LESSON_BYTES) return tooLargeLesson(path, bytes.byteLength);
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    const file = new VFile({ path });
    report(
      file,
      'error',
      'This file is not UTF-8 text. Open it in your editor and save it again as "UTF-8" (or copy its text into a new Markdown file).',
      { line: 1, column: 1 },
      'not-utf8',
    );
    return { unreadable: file };
  }
  return { text };
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
