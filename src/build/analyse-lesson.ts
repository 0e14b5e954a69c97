// Read one lesson file and check everything about it that can go wrong, without rendering anything.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { lintLesson } from '../lesson/lint-lesson.ts';
import type { Lesson, LessonDefaults } from '../lesson/model.ts';
import { parseLesson } from '../lesson/parse-lesson.ts';
import { hasErrors, report } from '../lesson/problems.ts';
import { findUncoveredCharacters } from '../print/fonts.ts';
import { readLessonAssets } from './lesson-assets.ts';

export interface AnalysedLesson {
  /** Messages (errors, warnings, notes) with their places. */
  file: VFile;
  /** The lesson, when it has no error. */
  lesson?: Lesson;
  /** The files the lesson refers to, by their path relative to the lesson. */
  images: Map<string, Buffer>;
  /** The lesson's text, for statistics. */
  text?: string;
}

/** Lessons larger than this are refused before they are read: no real lesson comes near it. */
export const MAX_LESSON_BYTES = 5 * 1024 * 1024;

export async function analyseLesson(source: string, shownPath: string, slug: string, defaults: LessonDefaults): Promise<AnalysedLesson> {
  const images = new Map<string, Buffer>();
  const { size } = await stat(source);
  if (size > MAX_LESSON_BYTES) {
    const file = new VFile({ path: shownPath });
    const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    report(
      file,
      'error',
      `This lesson file is ${megabytes(size)}; the limit is ${megabytes(MAX_LESSON_BYTES)}. Split it into several lessons, or check that it is really a lesson (not a pasted image or document).`,
      { line: 1, column: 1 },
      'file-too-large',
    );
    return { file, images };
  }
  const text = decodeUtf8(await readFile(source));
  if (text === undefined) {
    const file = new VFile({ path: shownPath });
    report(
      file,
      'error',
      'This file is not UTF-8 text. Open it in your editor and save it again as "UTF-8" (or copy its text into a new Markdown file).',
      { line: 1, column: 1 },
      'not-utf8',
    );
    return { file, images };
  }
  const { lesson, file } = parseLesson(text, shownPath, slug, defaults);
  reportUncoveredCharacters(file, text);
  if (!lesson) return { file, images, text };
  lintLesson(lesson, file);
  const assets = await readLessonAssets(lesson.assets, path.dirname(source), file, path.dirname(shownPath));
  // PDFKit, which says which images it can print, is loaded only for a lesson with images.
  const { isPrintableImage } = assets.size > 0 ? await import('../print/printable-image.ts') : { isPrintableImage: () => true };
  for (const asset of lesson.assets) {
    const data = assets.get(asset.path);
    if (data && !isPrintableImage(data)) {
      const reason = /\.(png|jpe?g)$/i.test(asset.path) ? 'is damaged or not really a PNG or JPEG file' : 'is not a PNG or JPEG file';
      report(
        file,
        'warning',
        `The image "${asset.path}" ${reason}, so the PDFs show its description instead. The deck shows it if the browser can. Save it as PNG or JPEG to print it.`,
        { line: asset.line, column: asset.column },
        'image-print',
      );
    }
  }
  return hasErrors(file) ? { file, images, text } : { file, lesson, images: assets, text };
}

/** One warning for all the characters no PDF font has, each with its first place; the warning stands at the first. */
function reportUncoveredCharacters(file: VFile, text: string): void {
  const uncovered = findUncoveredCharacters(text);
  if (uncovered.length === 0) return;
  const list = uncovered
    .map(({ character, line, column }) => {
      const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      return `"${character}" (${code}) at line ${line}:${column}`;
    })
    .join(', ');
  const one = uncovered.length === 1;
  const what = one
    ? '1 character cannot be printed (no PDF font has it; it prints as "?")'
    : `${uncovered.length} characters cannot be printed (no PDF font has them; they print as "?")`;
  report(
    file,
    'warning',
    `${what}: ${list}. Replace ${one ? 'it' : 'them'} with ordinary text.`,
    { line: uncovered[0].line, column: uncovered[0].column },
    'font-coverage',
  );
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
