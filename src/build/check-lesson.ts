// The check stage: what can be wrong with a parsed lesson's text and images, reported on its file (nothing is read).
import type { VFile } from 'vfile';
import path from 'node:path';
import { lintLesson } from '../lesson/lint-lesson.ts';
import type { Lesson } from '../lesson/model.ts';
import { report } from '../lesson/problems.ts';
import { findUncoveredCharacters } from '../print/fonts.ts';
import type { LessonAssets } from './lesson-assets.ts';

/** Characters no PDF font has (even in a lesson with errors), then the lesson's style and sense (`lintLesson`). */
export function checkLessonText(text: string, lesson: Lesson | undefined, file: VFile): void {
  reportUncoveredCharacters(file, text);
  if (lesson) lintLesson(lesson, file);
}

/** Images the PDFs cannot show: the deck may, so this is a warning. */
/** A message at each file the lesson refers to that could not be read; `shownDir` is the lesson's folder as messages show it. */
export function reportUnreadAssets(unread: LessonAssets['unread'], file: VFile, shownDir: string): void {
  for (const { asset, why } of unread) {
    const reason =
      why === 'missing'
        ? `The image "${asset.path}" was not found next to the lesson. Check the spelling, or copy the image to ${path.join(shownDir, asset.path)}.`
        : `The image "${asset.path}" links to a file outside the lesson's folder; lessons may only use files inside it. Copy the image into the folder instead.`;
    report(file, 'error', reason, { line: asset.line, column: asset.column }, why === 'missing' ? 'image-missing' : 'image-outside');
  }
}

export async function checkImages(lesson: Lesson, images: Map<string, Uint8Array>, file: VFile): Promise<void> {
  // PDFKit, which says which images it can print, is loaded only for a lesson with images.
  const { isPrintableImage } = images.size > 0 ? await import('../print/printable-image.ts') : { isPrintableImage: () => true };
  for (const asset of lesson.assets) {
    const data = images.get(asset.path);
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
