// Which of a lesson's outputs a build must make again: those whose lesson, images, templates, fonts, config or Lectern
// changed since the lesson's build record was written, and those whose files are missing or were changed since.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OUTPUTS, outputNamed } from '../pipeline/outputs.ts';
import type { BuildOptions, LessonResult, SharedContext } from './build-context.ts';
import { filesAsRecorded, readBuildRecord, replayMessages, type BuildRecord } from './build-record.ts';
import { sha256 } from './fingerprints.ts';
import { shownPath, slugOf } from './lesson-paths.ts';
import { removeStrayTemporaryFiles } from './write-file-atomic.ts';

/**
 * The outputs this build makes, by their name in the build record: `deck` (the deck's folder), `single-file`,
 * `pptx` and each printable. `--only` and `--no-pptx` leave some out; what they leave out is never touched.
 */
export function wantedOutputs(options: BuildOptions): string[] {
  const only = options.only ? new Set(options.only) : undefined;
  // The single-file deck comes with the deck, when it is asked for.
  const wanted = (name: string) => !only || only.has(name === 'single-file' ? 'deck' : name);
  const asked = (name: string) => (name === 'single-file' ? options.singleFile === true : name === 'pptx' ? options.pptx !== false : true);
  return OUTPUTS.filter((output) => wanted(output.name) && asked(output.name)).map((output) => output.name);
}

/**
 * A hash of a lesson as every output sees it: Lectern, a teacher's language files, the config, the lesson's path and
 * text, its images, and SOURCE_DATE_EPOCH (the date of the PDFs and PowerPoint file of a lesson without a `date`).
 */
export function lessonHash(context: SharedContext, shown: string, text: Uint8Array, assets: Map<string, Uint8Array>): string {
  const files = [...assets].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([name, data]) => [name, sha256(data)]);
  const dated = process.env.SOURCE_DATE_EPOCH ?? '';
  return sha256(context.fingerprints.lectern, context.fingerprints.labels, shown, JSON.stringify(context.lessonDefaults), dated, text, ...files);
}

/**
 * A hash of what one output is made from: the lesson, and the templates (and fonts) that output uses. An output the
 * lesson has nothing for (a debate worksheet without a debate) depends on the lesson alone.
 */
export function madeFrom(output: string, lesson: string, context: SharedContext, made: boolean, template = output): string {
  if (!made) return sha256(lesson, output, 'nothing to make');
  const { fingerprints } = context;
  const uses = outputNamed(output)?.uses;
  if (uses === 'deck templates') return sha256(lesson, output, fingerprints.deckTemplates);
  if (uses === 'lesson only') return sha256(lesson, output);
  return sha256(lesson, output, template, fingerprints.printTemplate(template) ?? 'missing', fingerprints.printImages, fingerprints.fonts);
}

export interface Freshness {
  /** The outputs this build makes (`wantedOutputs`). */
  wanted: string[];
  /** The lesson file's bytes, as they were hashed; undefined when it cannot be read. */
  bytes?: Uint8Array;
  previous?: { record: BuildRecord; writtenMs: number };
  /** The wanted outputs to make again. */
  stale: string[];
  /** When nothing is to be made: the lesson's result, with the messages of the build that made its outputs. */
  upToDate?: LessonResult;
}

/**
 * What of a lesson is out of date, read from its build record without parsing the lesson (so that a build in which
 * nothing changed loads no parser at all). Temporary files an interrupted build left in its folder are removed.
 */
export async function whatIsOutOfDate(source: string, context: SharedContext): Promise<Freshness> {
  const shown = shownPath(source, context.cwd);
  const folder = path.join(context.outDir, slugOf(source));
  await removeStrayTemporaryFiles(folder);
  const wanted = wantedOutputs(context.options);
  const bytes = await readFile(source).catch(() => undefined);
  const previous = await readBuildRecord(folder);
  const stale = context.options.force || !bytes ? wanted : await outOfDate(source, shown, folder, bytes, wanted, context, previous);
  const freshness = { wanted, ...(bytes ? { bytes } : {}), ...(previous ? { previous } : {}), stale };
  if (!previous || stale.length > 0) return freshness;
  const { title, assets } = previous.record;
  return {
    ...freshness,
    upToDate: { source: shown, slug: slugOf(source), file: replayMessages(previous.record, shown), upToDate: true, title, assets, written: [] },
  };
}

/** The wanted outputs that must be made again; all of them when the lesson has no record (or a damaged one). */
async function outOfDate(
  source: string,
  shown: string,
  folder: string,
  text: Uint8Array,
  wanted: string[],
  context: SharedContext,
  previous: { record: BuildRecord; writtenMs: number } | undefined,
): Promise<string[]> {
  if (!previous) return wanted;
  const { record, writtenMs } = previous;
  const assets = new Map<string, Uint8Array>();
  for (const asset of record.assets) {
    const data = await readFile(path.join(path.dirname(source), asset)).catch(() => undefined);
    if (!data) return wanted;
    assets.set(asset, data);
  }
  const lesson = lessonHash(context, shown, text, assets);
  const stale: string[] = [];
  for (const output of wanted) {
    const entry = record.outputs[output];
    const current =
      entry !== undefined &&
      entry.madeFrom === madeFrom(output, lesson, context, entry.files.length > 0, entry.template) &&
      filesAsRecorded(folder, entry, writtenMs);
    if (!current) stale.push(output);
  }
  return stale;
}
