// Formulas in the PowerPoint file: a formula on its own line is an equation PowerPoint can edit (Office Math, with a
// described picture for readers without equations) that LibreOffice Impress shows; a formula in a sentence is plain
// characters, never TeX.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildInto } from '../support/build-fixture.ts';
import { needsTools } from '../support/needs-tool.ts';
import { readPptx, type PptxSlide } from '../support/pptx-slides.ts';

const run = promisify(execFile);
const LESSON = path.join(ROOT, 'tests', 'fixtures', 'conservation', 'stem-speed.md');
// LibreOffice shows an equation only with its Math module (Debian: libreoffice-math).
const hasOffice = needsTools(
  ['/usr/lib/libreoffice/program/soffice.bin', '/usr/lib/libreoffice/program/libsmlo.so'],
  'apt-get install libreoffice-impress libreoffice-math',
);

let file = '';
let slides: PptxSlide[] = [];
beforeAll(async () => {
  const { outDir } = await buildInto([LESSON], { only: ['pptx'] });
  file = path.join(outDir, 'stem-speed', 'stem-speed.pptx');
  slides = await readPptx(file);
}, 300_000);

const equationsOf = (xml: string) => [...xml.matchAll(/<mc:AlternateContent\b[\s\S]*?<\/mc:AlternateContent>/g)].map((match) => match[0]);

describe('formulas in the PowerPoint file', () => {
  it('should make each formula on its own line an equation, with a described picture for readers without equations', async () => {
    const equations = slides.flatMap((slide) => equationsOf(slide.xml));
    // The lesson has two formulas on their own line: the bus's speed and the mean speed.
    expect(equations).toHaveLength(2);
    const zip = await JSZip.loadAsync(await readFile(file));
    for (const equation of equations) {
      const choice = /<mc:Choice xmlns:a14="http:\/\/schemas\.microsoft\.com\/office\/drawing\/2010\/main" Requires="a14">([\s\S]*?)<\/mc:Choice>/.exec(
        equation,
      )?.[1];
      expect(choice).toMatch(
        /^<p:sp>[\s\S]*<a14:m><m:oMathPara xmlns:m="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/math">[\s\S]*<m:f><m:num>/,
      );
      const fallback = /<mc:Fallback>([\s\S]*?)<\/mc:Fallback>/.exec(equation)?.[1] ?? '';
      expect(fallback).toMatch(/^<p:pic>/);
      // One shape in both choices, described by what the formula says.
      const ids = [...equation.matchAll(/<p:cNvPr id="(\d+)"/g)].map((match) => match[1]);
      expect(new Set(ids).size, equation).toBe(1);
      const description = /descr="([^"]*)"/.exec(fallback)?.[1] ?? '';
      expect(description).toMatch(/ equals .* over /);
      expect(description).not.toMatch(/\\/);
      // Its picture is in the file.
      const slideNumber = slides.findIndex((slide) => slide.xml.includes(equation)) + 1;
      const rels = await zip.file(`ppt/slides/_rels/slide${slideNumber}.xml.rels`)!.async('string');
      for (const [, id] of fallback.matchAll(/r:embed="(rId\d+)"/g)) {
        const target = new RegExp(`Id="${id}"[^>]*Target="\\.\\./media/([^"]+)"`).exec(rels)?.[1];
        expect(target && zip.file(`ppt/media/${target}`), `${id} of slide ${slideNumber}`).toBeTruthy();
        // The PNG copy is the formula drawn, not an empty picture.
        if (target!.endsWith('.png')) expect((await zip.file(`ppt/media/${target}`)!.async('uint8array')).byteLength).toBeGreaterThan(2_000);
      }
    }
    const speed = slides.find((slide) => slide.title === 'How fast is the bus?')!;
    expect(speed.text.replace(/\s+/g, '')).toContain('v=dt=12km0.25h=48km/h');
  });

  it('should write formulas in sentences in plain characters, and no TeX anywhere on a slide', () => {
    const text = slides.map((slide) => slide.text).join('\n');
    expect(text).toContain('1000/3600');
    expect(text).toContain('v²');
    expect(text).toContain('v̄ = (v₁ + v₂');
    expect(text).not.toMatch(/\\(frac|text|bar|times|approx|,)/);
    // Formulas are words, not code: none is in the monospaced font.
    const speed = slides.find((slide) => slide.title === 'How fast is the bus?')!;
    expect(speed.xml).not.toMatch(/Courier New[^]*?<a:t>d = 12<\/a:t>/);
  });

  it.skipIf(!hasOffice)('should show each equation in LibreOffice Impress', async () => {
    const pdfDir = await mkdtemp(path.join(os.tmpdir(), 'lectern-equations-'));
    const profile = await mkdtemp(path.join(os.tmpdir(), 'lectern-office-profile-'));
    await run('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', pdfDir, file], { timeout: 300_000 });
    const pdf = path.join(pdfDir, 'stem-speed.pdf');
    const page = async (number: number) =>
      (await run('pdftotext', ['-f', String(number), '-l', String(number), '-enc', 'UTF-8', pdf, '-'])).stdout.replace(/\s+/g, '');
    const speedPage = slides.findIndex((slide) => slide.title === 'How fast is the bus?') + 1;
    // Only the equation holds "48 km/h" and "0.25 h" (the sentence says "0.25 hours").
    const text = await page(speedPage);
    expect(text).toContain('48km/h');
    expect(text).toContain('12km');
    const meanPage = slides.findIndex((slide) => slide.xml.includes('<m:acc>')) + 1;
    expect(await page(meanPage)).toMatch(/Δs.*Δt/);
  });
});
