import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentDate } from '../../src/shared/document-date.ts';
import { startPrintPool } from '../../src/node/print-pool.ts';
import { PRINTABLES } from '../../src/shared/printables.ts';
import { readPdfText } from '../support/pdf-text.ts';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, buildInto } from '../support/build-fixture.ts';

function filesOf(folder: string): Map<string, Buffer> {
  return new Map(
    readdirSync(folder, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [path.relative(folder, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name))]),
  );
}

describe('building the same lessons twice', () => {
  it('should give byte-identical files', async () => {
    const first = filesOf((await buildInto([COMPLETE_FIXTURE, BUNDLED_LESSONS])).outDir);
    const second = filesOf((await buildInto([COMPLETE_FIXTURE, BUNDLED_LESSONS])).outDir);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [file, data] of first) expect(second.get(file)!.equals(data), file).toBe(true);
  });

  it('should give a lesson the same files whether it is built alone on one print worker or with others on three', async () => {
    const onePool = startPrintPool(1);
    const threePool = startPrintPool(3);
    try {
      const alone = filesOf((await buildInto([COMPLETE_FIXTURE], { printPool: onePool })).outDir);
      const together = filesOf((await buildInto([BUNDLED_LESSONS, COMPLETE_FIXTURE], { printPool: threePool })).outDir);
      expect([...alone.keys()].filter((file) => file.endsWith('.pdf'))).toHaveLength(PRINTABLES.length);
      for (const [file, data] of alone) expect(together.get(file)?.equals(data), file).toBe(true);
    } finally {
      await Promise.all([onePool.close(), threePool.close()]);
    }
  });

  it("should date PDFs from the lesson's date, else SOURCE_DATE_EPOCH, else a fixed date", async () => {
    expect(documentDate('2025-03-04', '1700000000').toISOString()).toBe('2025-03-04T00:00:00.000Z');
    expect(documentDate(undefined, '1700000000').toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(documentDate(undefined, 'yesterday').toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(documentDate(undefined, undefined).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    const { outDir } = await buildInto([COMPLETE_FIXTURE]);
    const { info } = await readPdfText(readFileSync(path.join(outDir, 'input', 'handout.pdf')));
    expect(info.CreationDate).toMatch(/^D:20250304000000Z/);
  });
});
