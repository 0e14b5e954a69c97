// What the lessons of one `build` or `check` share: the settings, the compiled templates and the print workers.
import type { VFile } from 'vfile';
import { deckTemplates, type DeckTemplates } from '../deck/deck-templates.ts';
import type { Lesson, LessonDefaults } from '../lesson/model.ts';
import type { ProjectSettings } from '../pipeline/check-lesson.ts';
import { printTemplates } from '../print/print-templates.ts';
import { fingerprints, type Fingerprints } from './fingerprints.ts';
import type { PrintPool } from './print-pool.ts';
import { templateRoots } from './project-files.ts';
import { loadPrintTemplates, readTemplateFiles } from './read-templates.ts';

export type BuildStep = 'checking' | 'deck' | 'PowerPoint' | 'printables' | 'single-file deck' | 'writing';

export type BuildEvent =
  /** Which lessons are up to date is known: `toBuild` of the `lessons` are to be built, `printing` of them with PDFs. */
  | { type: 'plan'; lessons: number; toBuild: number; printing: number }
  | { type: 'lesson'; index: number; total: number; source: string }
  | { type: 'step'; source: string; step: BuildStep }
  /** The deck's files are written (the printables follow): a preview can reload now. */
  | { type: 'deck-written'; source: string; slug: string }
  | { type: 'done'; result: LessonResult };

export interface BuildOptions {
  /** Lesson files and folders of lessons. */
  inputs: string[];
  outDir: string;
  /** Inputs and messages are relative to this folder. */
  cwd?: string;
  /** A teacher's templates folder: its files override the bundled templates, file by file. */
  templates?: string;
  /** From the project config; each lesson's front matter overrides them. */
  lessonDefaults?: LessonDefaults;
  /** Also write `<slug>.html`: the deck as one file, with everything inlined. */
  singleFile?: boolean;
  /** Also write `<slug>.pptx`: the lesson as an editable PowerPoint file with speaker notes (default: true). */
  pptx?: boolean;
  /** Make only these outputs (`deck`, `pptx`, printable names); the others are left as they are. Default: all. */
  only?: string[];
  /** Build only this part of the lessons (`--shard 2/4`), for a library built on several machines at once. */
  shard?: Shard;
  /** Make every output again, even those that are up to date. */
  force?: boolean;
  onProgress?: (event: BuildEvent) => void;
  /** Typeset PDFs on these worker threads instead of the main one (in parallel; keeps a server responsive). */
  printPool?: PrintPool;
}

/** The `index`-th of `count` parts of a library (1 ≤ index ≤ count). */
export interface Shard {
  index: number;
  count: number;
}

export interface LessonResult {
  source: string;
  slug: string;
  file: VFile;
  /** The lesson, when it was built (not when it was up to date). */
  lesson?: Lesson;
  /** Every output wanted was up to date: nothing was written, and `file` holds the messages of the build that made them. */
  upToDate?: boolean;
  /** The lesson's title and the files it refers to (relative to it), when it was built or up to date. */
  title?: string;
  assets?: string[];
  /** Files written, relative to the output folder. */
  written: string[];
}

/** What the stages that write nothing need (`lectern check` runs only those). */
export interface CheckContext extends ProjectSettings {
  /** Lessons are shown relative to this folder. */
  cwd: string;
}

export interface BuildContext extends CheckContext {
  options: BuildOptions;
  outDir: string;
  templates: DeckTemplates;
  printPool: PrintPool;
  fingerprints: Fingerprints;
  /**
   * A preview's: the print workers start on a lesson's PDFs only once its deck is written, so the deck is not slowed
   * by them. A build starts them as soon as the PDFs are planned, while the deck and PowerPoint file are made.
   */
  deckFirst?: boolean;
}

/** `templates` is a teacher's templates folder: its print templates are checked as `build` would use them. */
export async function prepareCheck(cwd: string, lessonDefaults: LessonDefaults, templates?: string): Promise<CheckContext> {
  return { cwd, lessonDefaults, printTemplates: await loadPrintTemplates(templateRoots(templates)), ...sourceDateEpoch() };
}

/** What every lesson of a build shares but the print pool (which the caller sizes and brings). */
export type SharedContext = Omit<BuildContext, 'printPool'>;

export async function prepareBuild(options: BuildOptions): Promise<SharedContext> {
  const files = await readTemplateFiles(templateRoots(options.templates));
  return {
    options,
    outDir: options.outDir,
    cwd: options.cwd ?? process.cwd(),
    lessonDefaults: options.lessonDefaults ?? {},
    templates: deckTemplates(files),
    printTemplates: printTemplates(files),
    fingerprints: await fingerprints(files),
    ...sourceDateEpoch(),
  };
}

/** The standard SOURCE_DATE_EPOCH, when it is set: the date of the PDFs and PowerPoint files of lessons without `date`. */
const sourceDateEpoch = () => (process.env.SOURCE_DATE_EPOCH ? { sourceDateEpoch: process.env.SOURCE_DATE_EPOCH } : {});
