// The build record of a lesson, `<output>/<slug>/.lectern-build.json`: what each of its outputs was made from, so
// the next build can skip the outputs (and the lessons) that are up to date. It lives in the lesson's own folder, so
// the output folders of several machines (`--shard`) merge without conflict, and holds no time or machine path, so
// the same lessons give the same record.
import { statSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { z } from 'zod';
import { report } from '../lesson/problems.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export const RECORD_FILE = '.lectern-build.json';

/** Raised when the record's shape changes: an older record then means a full rebuild of the lesson. */
const FORMAT = 1;

const outputRecord = z.object({
  /** A hash of everything the output was made from. */
  madeFrom: z.string(),
  /** The print template a printable was made with (`printTemplates:` in the lesson may name another). */
  template: z.string().optional(),
  /** Its files in the lesson's folder and their sizes: none when the lesson has nothing for it. */
  files: z.array(z.tuple([z.string(), z.number()])),
});

const recordSchema = z.object({
  format: z.literal(FORMAT),
  title: z.string(),
  /** The files the lesson refers to (its images), relative to it. */
  assets: z.array(z.string()),
  /** The warnings and notes of the build, shown again when the lesson is up to date. */
  messages: z.array(
    z.object({
      reason: z.string(),
      warning: z.boolean(),
      line: z.number().optional(),
      column: z.number().optional(),
      ruleId: z.string().optional(),
    }),
  ),
  /** By output: `deck`, `single-file`, `pptx` and each printable's name. */
  outputs: z.record(z.string(), outputRecord),
});

export type OutputRecord = z.infer<typeof outputRecord>;
export type BuildRecord = z.infer<typeof recordSchema>;

/** The lesson's record and when it was written, or undefined when there is none (or it is damaged, or of an older format). */
export async function readBuildRecord(folder: string): Promise<{ record: BuildRecord; writtenMs: number } | undefined> {
  const file = path.join(folder, RECORD_FILE);
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    const parsed = recordSchema.safeParse(JSON.parse(text));
    return parsed.success ? { record: parsed.data, writtenMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** Written after the outputs it describes, atomically; its keys in a fixed order, so equal records are equal bytes. */
export async function writeBuildRecord(folder: string, record: BuildRecord): Promise<void> {
  const outputs = Object.fromEntries(Object.entries(record.outputs).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFileAtomic(path.join(folder, RECORD_FILE), `${JSON.stringify({ ...record, outputs }, null, 1)}\n`);
}

/** A lesson that failed is never recorded as up to date. */
export async function removeBuildRecord(folder: string): Promise<void> {
  await rm(path.join(folder, RECORD_FILE), { force: true });
}

/**
 * Whether the output's files are as the build left them: each still there, the same size and not changed since the
 * record was written (a file deleted, edited by hand or half-replaced by an interrupted build is made again).
 */
export function filesAsRecorded(folder: string, output: OutputRecord, writtenMs: number): boolean {
  // Looked at one by one, without waiting: a library has thousands of files, and asking the disk about each through
  // a promise took longer than the answers (a fifth of a no-change build).
  return output.files.every(([name, size]) => {
    const info = statSync(path.join(folder, name), { throwIfNoEntry: false });
    return info !== undefined && info.isFile() && info.size === size && info.mtimeMs <= writtenMs;
  });
}

/** The build's warnings and notes, to keep in the record (a lesson with an error has none). */
export function recordedMessages(file: VFile): BuildRecord['messages'] {
  return file.messages.map((message) => ({
    reason: message.reason,
    warning: message.fatal === false,
    ...(message.line ? { line: message.line } : {}),
    ...(message.column ? { column: message.column } : {}),
    ...(message.ruleId ? { ruleId: message.ruleId } : {}),
  }));
}

/** The messages of the build that made the outputs, on a file named as this build names the lesson. */
export function replayMessages(record: BuildRecord, shown: string): VFile {
  const file = new VFile({ path: shown });
  for (const { reason, warning, line, column, ruleId } of record.messages)
    report(file, warning ? 'warning' : 'note', reason, line ? { line, column: column ?? 1 } : undefined, ruleId ?? 'lectern');
  return file;
}
