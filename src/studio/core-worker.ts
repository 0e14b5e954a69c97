// The studio's pipeline, on a Web Worker so typing never waits for it: the browser host of the same core `lectern build`
// runs (pipeline/). It checks a lesson as it is typed, makes its deck for the preview, and makes every output (the PDFs
// on the print pool's own workers) for the printables' previews and the downloads.
import { expose } from 'comlink';
import { basename, normalize } from 'pathe';
import type { VFile } from 'vfile';
import { deckTemplates, type DeckTemplates } from '../deck/deck-templates.ts';
import { importDraft } from '../import/import-draft.ts';
import type { Asset } from '../lesson/model.ts';
import { checkReadingLevel } from '../lesson/reading-stats.ts';
import { describeLanguage } from '../lesson/lesson-language.ts';
import { lessonTemplateNames, newLessonText, slugify } from '../new/new-lesson.ts';
import type { LessonAssets, LessonSource } from '../pipeline/check-lesson.ts';
import { lessonText } from '../pipeline/lesson-text.ts';
import { makeLesson } from '../pipeline/make-lesson.ts';
import { OUTPUTS, type Typesetter } from '../pipeline/outputs.ts';
import { revealFileName } from '../pipeline/reveal-files.ts';
import { useTypefaceCharacters } from '../shared/fonts.ts';
import { printTemplates, type PrintTemplates } from '../print/print-templates.ts';
import { revealFiles } from '../deck/render-deck.ts';
import { BUILT_IN_DEFAULTS } from '../lesson/model.ts';
import type { TemplateFiles } from '../shared/template-files.ts';
import { formatMessages, inFileOrder, severityOf } from '../shared/reporter.ts';
import { fetchLecternFile, useBrowserLecternFiles, withLecternFiles } from './browser-lectern-files.ts';
import { typefaceCharactersFrom, type FontCoverage } from './font-coverage.ts';
import { announceReady } from './start-worker.ts';
import { webPrintPool } from './web-print-pool.ts';
import { loadSpeechEngineInWorker } from './speech-engine.ts';
import { useSpeechEngineLoader } from '../math/tex-to-speech.ts';

/** What a new lesson written in the studio says about building it. */
const STUDIO_HOW_TO_BUILD = 'The studio checks the lesson as you type (Problems) and shows the deck beside it; Download all gives every file';

/** A lesson as the studio holds it. */
export interface StudioLesson {
  /** Its file name, e.g. `rivers.md`: messages name it, and its output folder is named after it. */
  name: string;
  text: string;
  /** The files it refers to (its images), by their path relative to it. */
  images: Map<string, Uint8Array>;
}

export interface Problem {
  line?: number;
  column?: number;
  severity: 'error' | 'warning' | 'note';
  message: string;
  rule: string;
}

export interface Checked {
  problems: Problem[];
  /** Images the lesson refers to that it was not given (a folder's lesson: the studio fetches them and asks again). */
  missingImages: string[];
  /** The lesson's title, when it parsed. */
  title?: string;
  /** Words, reading minutes and reading level, as `lectern check` gives them. */
  stats?: { words: number; readingMinutes: number; grade?: number };
  /** The lesson's language and where it comes from: "Spanish (detected)". */
  language?: string;
}

export interface DeckPreview extends Checked {
  /** The deck page and its stylesheet; none when the lesson has an error. */
  deck?: { html: string; styles: string };
}

export interface MadeFiles extends Checked {
  /** Every file made, by its path in the lesson's output folder, as `lectern build` writes it. */
  files: Map<string, Uint8Array>;
}

let bundled: TemplateFiles = { files: new Map(), shown: new Map() };
let templates: TemplateFiles = bundled;
let compiled: { deck: DeckTemplates; print: PrintTemplates } | undefined;
let typeset: Typesetter | undefined;

const ready = () => {
  compiled ??= { deck: deckTemplates(templates), print: printTemplates(templates) };
  return compiled;
};

/** The lesson as the pipeline takes it: its images from memory, and only from inside its folder. `missing` gathers those it lacks. */
function sourceOf(lesson: StudioLesson, missing: string[]): LessonSource {
  const bytes = new TextEncoder().encode(lesson.text);
  const readAssets = async (assets: Asset[]): Promise<LessonAssets> => {
    const contents = new Map<string, Uint8Array>();
    const unread: LessonAssets['unread'] = [];
    for (const asset of assets) {
      if (contents.has(asset.path) || unread.some((entry) => entry.asset.path === asset.path)) continue;
      const path = normalize(asset.path);
      const data = lesson.images.get(path);
      if (path.startsWith('../') || path.startsWith('/')) unread.push({ asset, why: 'outside' });
      else if (!data) {
        const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
        const nearby = [...lesson.images.keys()].filter((name) => name.startsWith(folder) && !name.slice(folder.length).includes('/'));
        unread.push({ asset, why: 'missing', nearby });
        missing.push(path);
      } else contents.set(asset.path, data);
    }
    return { contents, unread };
  };
  return { path: lesson.name, slug: lesson.name.replace(/\.md$/i, ''), text: lessonText(bytes, lesson.name), readAssets };
}

function problemsOf(file: VFile): Problem[] {
  return inFileOrder(file).map((message) => ({
    ...(message.line ? { line: message.line, column: message.column ?? 1 } : {}),
    severity: severityOf(message),
    message: message.reason,
    rule: message.ruleId ?? 'lectern',
  }));
}

async function make(lesson: StudioLesson, outputs: readonly string[]) {
  const { deck, print } = ready();
  return withLecternFiles(async () => {
    const missingImages: string[] = [];
    const made = await makeLesson(sourceOf(lesson, missingImages), { lessonDefaults: {}, printTemplates: print, deckTemplates: deck }, typeset!, { outputs });
    return { ...made, missingImages };
  });
}

function checkedOf(made: Awaited<ReturnType<typeof make>>): Checked {
  const { lesson, file, missingImages } = made;
  if (!lesson) return { problems: problemsOf(file), missingImages };
  const stats = checkReadingLevel(lesson, file);
  return { problems: problemsOf(file), missingImages, title: lesson.meta.title, stats, language: describeLanguage(lesson) };
}

/**
 * A deck template that Handlebars cannot compile stops every deck: reported as the one problem, naming the teacher's
 * templates (Lectern's own always compile).
 */
function templateProblem(error: unknown): { problem: Problem } {
  if (!(error instanceof Error) || !/Parse error|Expecting|template/i.test(error.message)) throw error;
  return {
    problem: {
      severity: 'error',
      message: `Your deck templates have a mistake, so no deck can be made: ${error.message.split('\n')[0]} Fix it in Templates, or save Lectern's text again.`,
      rule: 'deck-template',
    },
  };
}

const api = {
  /** `base` is the studio's address; `coverage` which characters each PDF font has; `lessonTemplates` Lectern's templates. */
  async init(base: string, coverage: FontCoverage, ownTemplates: TemplateFiles, printWorkers: number): Promise<void> {
    useBrowserLecternFiles(base);
    useTypefaceCharacters(typefaceCharactersFrom(coverage));
    useSpeechEngineLoader(loadSpeechEngineInWorker);
    bundled = ownTemplates;
    templates = bundled;
    typeset = webPrintPool(base, coverage, printWorkers);
    // What a deck in the default theme needs is fetched at once; the rest (another theme, a map's outlines, MathJax)
    // when a lesson first needs it. (A theme's stylesheet holds its fonts: some 400 KB each.)
    await Promise.all(revealFiles(BUILT_IN_DEFAULTS.theme).map(revealFileName).map(fetchLecternFile));
  },

  /** A teacher's templates, laid over Lectern's file by file (by their path in a templates folder). */
  setTemplates(teacher: Map<string, string | Uint8Array>): void {
    templates = { files: new Map([...bundled.files, ...teacher]), shown: new Map([...teacher.keys()].map((name) => [name, `templates/${name}`])) };
    compiled = undefined;
  },

  /** Every problem `lectern check` would report, and the deck for the preview. */
  async preview(lesson: StudioLesson): Promise<DeckPreview> {
    const made = await make(lesson, ['deck']).catch((error: unknown) => templateProblem(error));
    if ('problem' in made) return { problems: [made.problem], missingImages: [] };
    const html = made.files.get('index.html');
    return { ...checkedOf(made), ...(typeof html === 'string' ? { deck: { html, styles: ready().deck.styles } } : {}) };
  },

  /** Every output `lectern build` makes of the lesson (`outputs` names them; default: all of them but the single-file deck). */
  async build(lesson: StudioLesson, outputs?: string[]): Promise<MadeFiles> {
    const made = await make(lesson, outputs ?? OUTPUTS.filter((output) => !output.onRequest).map((output) => output.name)).catch((error: unknown) =>
      templateProblem(error),
    );
    if ('problem' in made) return { problems: [made.problem], missingImages: [], files: new Map() };
    const encoder = new TextEncoder();
    const files = new Map([...made.files].map(([name, data]): [string, Uint8Array] => [name, typeof data === 'string' ? encoder.encode(data) : data]));
    return { ...checkedOf(made), files };
  },

  lessonTemplates(): string[] {
    return lessonTemplateNames(templates);
  },

  /** A new lesson from a lesson template, as `lectern new` writes it. */
  newLesson(title: string, from: string, today: string): { name: string; text: string } {
    return { name: `${slugify(title) || 'lesson'}.md`, text: newLessonText(title, from, templates, today, STUDIO_HOW_TO_BUILD) };
  },

  /** A lesson draft from an article or a deck, as `lectern import` makes it; `files` are the files brought with it (a deck's pictures). */
  importFile(
    fileName: string,
    text: string,
    files: Map<string, Uint8Array>,
  ): { name: string; text: string; images: Map<string, Uint8Array>; report: string[] } {
    // A picture brought without its folder is found by its name.
    const known = new Map([...files].map(([path, data]) => [normalize(path), data]));
    const named = new Map([...files].map(([path, data]) => [basename(path), data]));
    const find = (path: string) => known.get(normalize(path)) ?? named.get(basename(path));
    const draft = importDraft(fileName, text, { fileExists: (path) => find(path) !== undefined });
    const base = fileName.replace(/\.[^.]+$/, '');
    const name = `${slugify(draft.title) || slugify(base) || 'imported'}.md`;
    const images = new Map(draft.kind === 'deck' ? draft.copies.map((copy) => [copy.to, find(copy.from)!]) : []);
    const found = draft.kind === 'deck' ? [draft.found] : draft.found;
    const report = [...found, ...formatMessages(draft.file)];
    return { name, text: draft.markdown, images, report };
  },
};

export type CoreWorkerApi = typeof api;
expose(api);
announceReady();
