// A picture is described for students who cannot see it, or marked as decoration: never described by its file name.
// The deck, the PDFs and the PowerPoint file say the same, and `lectern check` points at each picture without alt text.
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { COMPLETE_FIXTURE, buildInto } from '../support/build-fixture.ts';
import { scratchFolder } from '../support/run-lectern.ts';

const LESSON = `---
title: Clouds
---

# Three pictures

![The water cycle: the sun warms the sea, vapour rises and cools into clouds](images/cycle.png)

![](images/cycle.png){decorative}

![](images/cycle.png)
`;

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

/** Every structure element of a PDF's pages with its role and alternate text. */
async function structure(file: string): Promise<StructNode[]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const nodes: StructNode[] = [];
  const walk = (node: StructNode) => {
    nodes.push(node);
    node.children?.forEach(walk);
  };
  for (let number = 1; number <= pdf.numPages; number++) walk((await (await pdf.getPage(number)).getStructTree()) as StructNode);
  await pdf.destroy();
  return nodes;
}

describe('pictures for students who cannot see them', () => {
  it('should warn about a picture without alt text at its line, with the fix, and not about a decorative one', () => {
    const { file } = parseLesson(LESSON, 'clouds.md', 'clouds');
    const warnings = file.messages.filter((message) => message.ruleId === 'image-alt');
    expect(warnings.map((message) => [message.line, message.column])).toEqual([[11, 1]]);
    expect(warnings[0].reason).toContain('{decorative}');
  });

  it('should describe each picture in the deck, the handout and the PowerPoint file, or mark it decorative, never by its file name', async () => {
    const folder = await scratchFolder();
    await cp(path.join(path.dirname(COMPLETE_FIXTURE), 'images'), path.join(folder, 'images'), { recursive: true });
    await writeFile(path.join(folder, 'clouds.md'), LESSON);
    const { outDir } = await buildInto([path.join(folder, 'clouds.md')]);
    const deck = await readFile(path.join(outDir, 'clouds', 'index.html'), 'utf8');
    const alts = [...deck.matchAll(/<img [^>]*alt="([^"]*)"/g)].map((match) => match[1]);
    expect(alts).toEqual(['The water cycle: the sun warms the sea, vapour rises and cools into clouds', '', 'A picture without a description']);

    const figures = (await structure(path.join(outDir, 'clouds', 'handout.pdf'))).filter((node) => node.role === 'Figure');
    expect(figures.map((figure) => figure.alt)).toEqual([
      'The water cycle: the sun warms the sea, vapour rises and cools into clouds',
      'A picture without a description',
    ]);
    const slides = (await structure(path.join(outDir, 'clouds', 'slides-handout.pdf'))).filter((node) => node.role === 'Figure');
    expect(slides.every((figure) => figure.alt && !figure.alt.includes('cycle.png'))).toBe(true);

    const pptx = await JSZip.loadAsync(await readFile(path.join(outDir, 'clouds', 'clouds.pptx')));
    const slideXml = (
      await Promise.all(
        Object.keys(pptx.files)
          .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
          .map((name) => pptx.file(name)!.async('string')),
      )
    ).join('');
    const descriptions = [...slideXml.matchAll(/<p:cNvPr [^>]*descr="([^"]*)"/g)].map((match) => match[1]);
    expect(descriptions).toContain('The water cycle: the sun warms the sea, vapour rises and cools into clouds');
    expect(descriptions).toContain('A picture without a description');
    expect(descriptions.some((description) => /cycle\.png|preencoded|lectern:/.test(description))).toBe(false);
    // The decorative one is marked as PowerPoint marks it.
    expect(slideXml).toMatch(
      /<p:cNvPr id="\d+" name="Image \d+"><a:extLst><a:ext uri="\{C183D7F6-B498-43B3-948B-1728B52AA6E4\}"><adec:decorative [^>]*val="1"\/>/,
    );
  });
});
