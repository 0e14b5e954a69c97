// Formulas in the PowerPoint file: a formula on its own line is an equation PowerPoint can edit (Office Math, with a
// described picture for readers without equations) that LibreOffice Impress shows; a formula in a sentence is an
// equation inside its text, with the same text in plain characters for readers that drop such equations (LibreOffice);
// never TeX.
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

const alternatives = (xml: string) => [...xml.matchAll(/<mc:AlternateContent\b[\s\S]*?<\/mc:AlternateContent>/g)].map((match) => match[0]);
/** Formulas on their own line: a choice that requires Office 2010's drawing only. */
const equationsOf = (xml: string) => alternatives(xml).filter((content) => content.includes('Requires="a14"'));
/** Text with formulas in its sentences: a choice that requires Office Math too. */
const sentencesWithEquations = (xml: string) => alternatives(xml).filter((content) => content.includes('Requires="a14 m"'));

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

  it('should make each formula in a sentence an equation inside its text, in plain characters for readers without equations', () => {
    const boxes = slides.flatMap((slide) => sentencesWithEquations(slide.xml));
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const box of boxes) {
      const choice =
        /<mc:Choice xmlns:a14="[^"]+" xmlns:m="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/math" Requires="a14 m">([\s\S]*?)<\/mc:Choice>/.exec(
          box,
        )?.[1] ?? '';
      const fallback = /<mc:Fallback>([\s\S]*?)<\/mc:Fallback>/.exec(box)?.[1] ?? '';
      // The same shape in both, with its equations inside its paragraphs in one and none in the other.
      expect(choice).toMatch(/^<p:(sp|graphicFrame)>[\s\S]*<a:p>(?:(?!<\/a:p>)[\s\S])*<a14:m><m:oMath>/);
      expect(fallback).toMatch(/^<p:(sp|graphicFrame)>/);
      expect(fallback).not.toContain('<a14:m>');
      expect([...choice.matchAll(/<p:cNvPr id="(\d+)"/g)].map((match) => match[1])).toEqual(
        [...fallback.matchAll(/<p:cNvPr id="(\d+)"/g)].map((match) => match[1]),
      );
      expect(`${choice}${fallback}`).not.toMatch(/[\uE000-\uF8FF]/);
    }
    const withEquations = slides.map((slide) => slide.text).join('\n');
    const plain = slides.map((slide) => slide.textWithoutEquations).join('\n');
    // PowerPoint reads each formula as an equation: a fraction, a square, a bar over v …
    const xml = slides.map((slide) => slide.xml).join('\n');
    expect(xml).toMatch(/<a14:m><m:oMath>(?:(?!<\/m:oMath>)[\s\S])*<m:f><m:num>(?:(?!<\/m:oMath>)[\s\S])*1000/);
    expect(xml).toMatch(/<a14:m><m:oMath>(?:(?!<\/m:oMath>)[\s\S])*<m:sSup>/);
    // … and a reader without equations the plain characters.
    expect(plain).toContain('1000/3600');
    expect(plain).toContain('v²');
    expect(plain).toContain('v̄ = (v₁ + v₂');
    for (const text of [withEquations, plain]) expect(text).not.toMatch(/\\(frac|text|bar|times|approx|,)/);
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
    // Formulas in sentences: the words around them and the formulas in plain characters, nothing dropped.
    expect(text).toContain('Abustravelsd=12kmint=0.25hours');
    const squaring = slides.findIndex((slide) => slide.textWithoutEquations.includes('Squaring a speed')) + 1;
    expect(await page(squaring)).toContain('stoppingdistancegrowswithv²,sodoublingvmakesitfourtimesaslong');
  });
});
