// The check stage: every stage of a build before the first output is made (read, parse, read the images, check, fill
// in the print templates), in any host. `lectern check`, `lectern build`, dev and the studio all run it, so a problem
// one of them reports, they all report.
import { join } from 'pathe';
import type { VFile } from 'vfile';
import { lintLesson } from '../lesson/lint-lesson.ts';
import type { Asset, Lesson, LessonDefaults } from '../lesson/model.ts';
import { parseLesson } from '../lesson/parse-lesson.ts';
import { closestName, hasErrors, report } from '../lesson/problems.ts';
import { loadMath } from '../math/tex-to-svg.ts';
import { prepareSpeech } from '../math/tex-to-speech.ts';
import { formulasOf } from '../lesson/lesson-math.ts';
import { lessonLanguage } from '../lesson/lesson-language.ts';
import { findUncoveredCharacters } from '../shared/fonts.ts';
import { checkPrintTemplates } from '../print/lesson-template-problems.ts';
import type { PrintPlan } from '../print/plan-printables.ts';
import type { PrintTemplates } from '../print/print-templates.ts';
import { documentDate } from '../shared/document-date.ts';
import type { LessonText } from './lesson-text.ts';

export interface LessonAssets {
  /** The files read, by their path relative to the lesson. */
  contents: Map<string, Uint8Array>;
  /** The files that were not read: missing (with the files in the folder it names), or resolving outside the lesson's folder. */
  unread: { asset: Asset; why: 'missing' | 'outside'; nearby?: string[] }[];
}

/** One lesson, as a host hands it to the pipeline. */
export interface LessonSource {
  /** How messages name the lesson file, e.g. `lessons/rivers.md`. */
  path: string;
  /** The name of its output folder, e.g. `rivers`. */
  slug: string;
  /** Its text, or why it cannot be read (lesson-text.ts). */
  text: LessonText;
  /** The files the lesson refers to (its images), read from inside its folder only. */
  readAssets: (assets: Asset[]) => Promise<LessonAssets>;
}

/** What every lesson of a project shares. */
export interface ProjectSettings {
  /** From the project config; each lesson's front matter overrides them. */
  lessonDefaults: LessonDefaults;
  printTemplates: PrintTemplates;
  /** The standard SOURCE_DATE_EPOCH, when the host has one: the date of the PDFs and PowerPoint file of a lesson without `date`. */
  sourceDateEpoch?: string;
}

export interface CheckedLesson {
  /** The lesson file as messages show it. */
  source: string;
  slug: string;
  /** Messages (errors, warnings, notes) with their places. */
  file: VFile;
  /** The lesson, when it has no error of its own. */
  lesson?: Lesson;
  /** The files the lesson refers to, by their path relative to the lesson. */
  images: Map<string, Uint8Array>;
  /** The lesson's text, for statistics. */
  text?: string;
  /** Its printables, filled in and ready to typeset: only for a lesson that can be built. */
  plan?: PrintPlan;
  /** The date of its PDFs and PowerPoint file. */
  date?: Date;
}

/**
 * Every stage before the first output: read, parse, read the images, check. `printables: false` leaves out filling in
 * the print templates and checking that the PDFs can show the images, for a build that makes no printable
 * (`--only deck`).
 */
export async function checkLesson(source: LessonSource, project: ProjectSettings, { printables = true } = {}): Promise<CheckedLesson> {
  const { path: shown, slug } = source;
  if ('unreadable' in source.text) return { source: shown, slug, file: source.text.unreadable, images: new Map() };
  const { text } = source.text;
  // MathJax is loaded only for a lesson that may have a formula.
  if (text.includes('$')) await loadMath();
  const { lesson, file, assets } = parseLesson(text, shown, slug, project.lessonDefaults, project.printTemplates.languages);
  reportUncoveredCharacters(file, text);
  if (lesson) lintLesson(lesson, file);
  const shownDir = shown.includes('/') ? shown.slice(0, shown.lastIndexOf('/')) : '';
  if (!lesson) {
    // Every mistake in one pass: a missing picture is reported with the lesson's other errors, not after they are fixed.
    if (assets && assets.length > 0) reportUnreadAssets((await source.readAssets(assets)).unread, file, shownDir);
    return { source: shown, slug, file, images: new Map(), text };
  }
  // Each formula's spoken form, for screen readers, in the lesson's language.
  const formulas = formulasOf(lesson);
  if (formulas.length > 0) await prepareSpeech(formulas, lessonLanguage(lesson));
  const { contents: images, unread } = await source.readAssets(lesson.assets);
  reportUnreadAssets(unread, file, shownDir);
  // Whether PDFKit can print each image matters only to the PDFs (and loading PDFKit takes a tenth of a deck's build).
  if (printables) await checkImages(lesson, images, file);
  if (hasErrors(file)) return { source: shown, slug, file, images: new Map(), text };
  const date = documentDate(lesson.meta.date, project.sourceDateEpoch);
  const plan = printables ? checkPrintTemplates(lesson, file, project.printTemplates, date) : { jobs: [], skipped: [], problems: [] };
  return { source: shown, slug, file, lesson, images, text, date, ...(plan ? { plan } : {}) };
}

/** A message at each file the lesson refers to that could not be read; `shownDir` is the lesson's folder as messages show it. */
function reportUnreadAssets(unread: LessonAssets['unread'], file: VFile, shownDir: string): void {
  for (const { asset, why, nearby } of unread) {
    // Compared by file name, so that a shared folder name (`images/`) does not make two different files look alike.
    const fileName = (name: string) => name.slice(name.lastIndexOf('/') + 1);
    const closest = why === 'missing' && nearby ? closestName(fileName(asset.path), nearby.map(fileName)) : undefined;
    const meant = closest && nearby?.find((name) => fileName(name) === closest);
    const reason =
      why === 'missing'
        ? `The image "${asset.path}" was not found next to the lesson.${meant ? ` Did you mean "${meant}"?` : ''} Check the spelling, or copy the image to ${join(shownDir, asset.path)}.`
        : `The image "${asset.path}" links to a file outside the lesson's folder; lessons may only use files inside it. Copy the image into the folder instead.`;
    report(file, 'error', reason, { line: asset.line, column: asset.column }, why === 'missing' ? 'image-missing' : 'image-outside');
  }
}

/** Images the PDFs cannot show: the deck may, so this is a warning. */
async function checkImages(lesson: Lesson, images: Map<string, Uint8Array>, file: VFile): Promise<void> {
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
