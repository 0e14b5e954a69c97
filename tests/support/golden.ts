// Compare output with a golden file beside the fixture; UPDATE_GOLDEN=1 rewrites the golden files after a reviewed change.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function expectGolden(actual: string, goldenPath: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) {
    if (process.env.CI === 'true') throw new Error(`Golden file ${goldenPath} is missing; run UPDATE_GOLDEN=1 npm test locally and commit it.`);
    writeFileSync(goldenPath, actual);
  }
  expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
}
