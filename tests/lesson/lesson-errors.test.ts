import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLessons } from '../../src/node/build-lessons.ts';
import { formatMessages } from '../../src/shared/reporter.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'errors');

describe('a lesson with a mistake', () => {
  for (const name of readdirSync(FIXTURES)) {
    it(`should report fixtures/errors/${name} with the messages in expected.txt and write nothing`, async () => {
      const folder = path.join(FIXTURES, name);
      const outDir = await mkdtemp(path.join(os.tmpdir(), 'lectern-errors-'));
      const [result] = await buildLessons({ inputs: ['input.md'], outDir, cwd: folder });
      const expected = readFileSync(path.join(folder, 'expected.txt'), 'utf8').trim().split('\n');
      expect(formatMessages(result.file)).toEqual(expected);
      expect(result.written).toEqual([]);
      expect(existsSync(path.join(outDir, 'input'))).toBe(false);
    });
  }
});
