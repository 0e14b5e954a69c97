// Every mistake in one pass: a misspelt key, a missing picture (with the file meant beside it), a bad formula and an
// unclosed block are reported together, by `lectern check` and `lectern build` alike.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

const LESSON = `---
title: Motion
objective:
  - Read a graph.
---

# Speed

![A speed-time graph](images/vt-graph.png)

The speed is $v = \\frac{d}{t$.

:::terms
- **Speed** — how fast.
`;

async function lessonFolder(): Promise<string> {
  const folder = await scratchFolder();
  await mkdir(path.join(folder, 'images'));
  await writeFile(path.join(folder, 'images', 'vt_graph.png'), 'not read');
  await writeFile(path.join(folder, 'physics.md'), LESSON);
  return folder;
}

describe('every mistake in one pass', () => {
  for (const command of ['check', 'build']) {
    it(`should report all four mistakes at once in lectern ${command}, and the picture that was probably meant`, async () => {
      const { code, stdout, stderr } = await lectern(await lessonFolder(), command, 'physics.md');
      expect(code).toBe(1);
      const said = `${stdout}\n${stderr}`;
      expect(said).toMatch(/physics\.md:3:1\b.*Unknown front matter key "objective"\. Did you mean "objectives"\?/);
      expect(said).toMatch(/physics\.md:9:1\b.*The image "images\/vt-graph\.png" was not found next to the lesson\. Did you mean "images\/vt_graph\.png"\?/);
      expect(said).toMatch(/physics\.md:11:14\b.*This math could not be read/);
      expect(said).toMatch(/physics\.md:13:1\b.*`:::terms` opened on line 13 is never closed/);
    });
  }
});
