// A formula is said in words to a screen reader ("v equals d over t"), in the lesson's language where the speech
// engine has it; its TeX stays the text to select, search and copy.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { buildInto } from '../support/build-fixture.ts';
import { readPdfText } from '../support/pdf-text.ts';
import { scratchFolder } from '../support/run-lectern.ts';

const lesson = (lang: string, words: string) => `---
title: ${words}
lang: ${lang}
---

# ${words}

$$
v = \\frac{d}{t}
$$

So a car that goes $d = 100$ km in $t = 2$ hours is as fast as $\\frac{100}{2}$ km an hour.
`;

async function formulaAlts(file: string): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const alts: string[] = [];
  const walk = (node: { role?: string; alt?: string; children?: unknown[] }) => {
    if (node.role === 'Formula' && node.alt) alts.push(node.alt);
    (node.children as (typeof node)[] | undefined)?.forEach(walk);
  };
  for (let number = 1; number <= pdf.numPages; number++) walk((await (await pdf.getPage(number)).getStructTree()) as never);
  await pdf.destroy();
  return alts;
}

describe('formulas for screen readers', () => {
  it('should say each formula in words in the deck and the PDFs, in the lesson language, keeping its TeX as the text', async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'speed.md'), lesson('en', 'Speed'));
    await writeFile(path.join(folder, 'tempo.md'), lesson('de', 'Geschwindigkeit'));
    const { outDir } = await buildInto([folder]);
    const deck = await readFile(path.join(outDir, 'speed', 'index.html'), 'utf8');
    expect(deck).toMatch(/<svg [^>]*role="img" aria-label="v equals d over t"[^>]*><title>v = \\frac\{d\}\{t\}<\/title>/);
    expect(await formulaAlts(path.join(outDir, 'speed', 'handout.pdf'))).toContain('v equals d over t');
    expect((await readPdfText(await readFile(path.join(outDir, 'speed', 'handout.pdf')))).text.replace(/\s+/g, ' ')).toContain('v = \\frac{d}{t}');
    expect(await readFile(path.join(outDir, 'tempo', 'index.html'), 'utf8')).toContain('aria-label="v ist gleich d geteilt durch t"');
    expect(await formulaAlts(path.join(outDir, 'tempo', 'handout.pdf'))).toContain('v ist gleich d geteilt durch t');
  });

  it('should make each formula inside a line of text a formula of its own in the PDFs, said in words, between the words around it', async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'speed.md'), lesson('en', 'Speed'));
    const { outDir } = await buildInto([folder]);
    for (const pdf of ['handout.pdf', 'slides-handout.pdf']) {
      const file = path.join(outDir, 'speed', pdf);
      expect(await formulaAlts(file), pdf).toEqual(expect.arrayContaining(['d equals 100', 't equals 2', '100 over 2']));
      // The sentence still reads in its order, the formulas' TeX in their places.
      expect((await readPdfText(await readFile(file))).text.replace(/\s+/g, ' '), pdf).toContain(
        'So a car that goes d = 100 km in t = 2 hours is as fast as \\frac{100}{2}',
      );
    }
  });
});
