// Build lessons into a fresh temporary output folder, once per test file.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildLessons, type BuildOptions, type LessonResult } from '../../src/node/build-lessons.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const COMPLETE_FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'lessons', 'complete', 'input.md');
export const BUNDLED_LESSONS = path.join(ROOT, 'lessons');

export async function buildInto(inputs: string[], options: Partial<BuildOptions> = {}): Promise<{ outDir: string; results: LessonResult[] }> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'lectern-test-'));
  const results = await buildLessons({ inputs, outDir, cwd: ROOT, ...options });
  for (const result of results) {
    const errors = result.file.messages.filter((message) => message.fatal);
    if (errors.length > 0) throw new Error(`${result.source} did not build:\n${errors.map(String).join('\n')}`);
  }
  return { outDir, results };
}
