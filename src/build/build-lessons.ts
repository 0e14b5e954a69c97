// The pipeline, in one place: read → parse → lesson model → deck and printables → write.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { loadDeckTemplates } from '../deck/deck-templates.ts';
import { ASSET_FOLDER } from '../deck/markdown-to-html.ts';
import { renderDeck, revealFiles } from '../deck/render-deck.ts';
import type { Lesson } from '../lesson/model.ts';
import { parseLesson } from '../lesson/parse-lesson.ts';
import { hasErrors, report } from '../lesson/problems.ts';
import { typesetDebateWorksheet } from '../print/debate-worksheet.ts';
import { findUncoveredCharacters } from '../print/fonts.ts';
import { typesetHandout } from '../print/handout.ts';
import { readLessonAssets } from './lesson-assets.ts';
import { findLessonFiles } from './lesson-inputs.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export const DEFAULT_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));
const REVEAL_DIST = path.dirname(fileURLToPath(import.meta.resolve('reveal.js')));

export interface BuildOptions {
  /** Lesson files and folders of lessons. */
  inputs: string[];
  outDir: string;
  /** Messages name files relative to this folder. */
  cwd?: string;
  templatesDir?: string;
}

export interface LessonResult {
  source: string;
  slug: string;
  /** The lesson's messages (errors and warnings) with their places. */
  file: VFile;
  lesson?: Lesson;
  /** Files written, relative to the output folder. */
  written: string[];
}

export async function buildLessons(options: BuildOptions): Promise<LessonResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const files = await findLessonFiles(options.inputs, cwd);
  const templates = await loadDeckTemplates(path.join(options.templatesDir ?? DEFAULT_TEMPLATES, 'deck'));
  const results: LessonResult[] = [];
  for (const source of files) {
    const slug = path.basename(source).replace(/\.md$/i, '');
    const shownPath = path.relative(cwd, source) || source;
    const { file, lesson, outputs } = await makeLesson(source, shownPath, slug, templates);
    const written: string[] = [];
    if (outputs) {
      for (const [name, data] of outputs) {
        await writeFileAtomic(path.join(options.outDir, slug, name), data);
        written.push(path.join(slug, name));
      }
    }
    results.push({ source: shownPath, slug, file, ...(lesson ? { lesson } : {}), written });
  }
  return results;
}

type Outputs = Map<string, string | Uint8Array>;

/** Everything one lesson produces, in memory; nothing is written when the lesson has an error. */
async function makeLesson(source: string, shownPath: string, slug: string, templates: Awaited<ReturnType<typeof loadDeckTemplates>>) {
  const bytes = await readFile(source);
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    const file = new VFile({ path: shownPath });
    report(
      file,
      'error',
      'This file is not UTF-8 text. Open it in your editor and save it again as "UTF-8" (or copy its text into a new Markdown file).',
      { line: 1, column: 1 },
      'not-utf8',
    );
    return { file };
  }
  const { lesson, file } = parseLesson(text, shownPath, slug);
  for (const { character, line, column } of findUncoveredCharacters(text)) {
    const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    report(
      file,
      'warning',
      `The character "${character}" (${code}) cannot be printed: no PDF font has it, so it prints as "?". Replace it with ordinary text.`,
      { line, column },
      'font-coverage',
    );
  }
  if (!lesson) return { file };

  const images = await readLessonAssets(lesson.assets, path.dirname(source), file, path.dirname(shownPath));
  if (hasErrors(file)) return { file, lesson };

  const outputs: Outputs = new Map();
  outputs.set('index.html', renderDeck(lesson, templates));
  outputs.set('lectern.css', templates.styles);
  for (const name of revealFiles(lesson.meta.theme)) outputs.set(`reveal/${name}`, await readFile(path.join(REVEAL_DIST, name)));
  for (const [assetPath, data] of images) outputs.set(`${ASSET_FOLDER}/${assetPath}`, data);
  const loadImage = (assetPath: string) => {
    const data = images.get(assetPath);
    return data && isPrintableImage(data) ? data : undefined;
  };
  outputs.set('handout.pdf', await typesetHandout(lesson, loadImage));
  const worksheet = await typesetDebateWorksheet(lesson);
  if (worksheet) outputs.set('debate-worksheet.pdf', worksheet);
  else report(file, 'note', 'No debate worksheet was made: this lesson has no :::debate block.', undefined, 'no-debate');
  return { file, lesson, outputs };
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** PDFKit prints PNG and JPEG. */
function isPrintableImage(data: Buffer): boolean {
  const png = data.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const jpeg = data[0] === 0xff && data[1] === 0xd8;
  return png || jpeg;
}
