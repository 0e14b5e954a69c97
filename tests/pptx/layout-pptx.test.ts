// Columns, sized images and background pictures in the PowerPoint file: its XML, and LibreOffice Impress showing it.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildInto } from '../support/build-fixture.ts';
import { needsTools } from '../support/needs-tool.ts';
import { readPptx, type PptxSlide } from '../support/pptx-slides.ts';

const run = promisify(execFile);
const LAYOUT_FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'lessons', 'layout', 'input.md');
const EMU = 914_400;

/** The text boxes of a slide (not its title): where each starts, in inches, and its text. */
function textBoxes(slide: PptxSlide): { x: number; y: number; text: string }[] {
  return slide.xml
    .split('</p:sp>')
    .filter((shape) => !/<p:ph\b/.test(shape) && /<a:t>/.test(shape))
    .map((shape) => {
      const offset = /<a:off x="(\d+)" y="(\d+)"/.exec(shape)!;
      return { x: Number(offset[1]) / EMU, y: Number(offset[2]) / EMU, text: [...shape.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => match[1]).join(' ') };
    });
}

describe('columns, sized images and background pictures in the PowerPoint file', () => {
  let file: string;
  let slides: PptxSlide[];
  const slide = (title: string) => slides.find((each) => each.title === title)!;

  beforeAll(async () => {
    const { outDir, results } = await buildInto([LAYOUT_FIXTURE]);
    file = path.join(outDir, results[0].slug, `${results[0].slug}.pptx`);
    slides = await readPptx(file);
  });

  it('should make each column a text area of its own, side by side at the same height', () => {
    const [boats, quay] = textBoxes(slide('Two kinds of work'));
    expect(boats.text).toContain('Mending ropes on the way home');
    expect(quay.text).toContain('Packing ice for the lorries');
    expect(quay.x).toBeGreaterThan(boats.x + 5);
    expect(quay.y).toBeCloseTo(boats.y, 2);
  });

  it('should put a picture in its column, beside the text, at 90% of the column', () => {
    const where = slide('Where is the harbour?');
    const [text] = textBoxes(where);
    const picture = /<p:pic>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)"/.exec(where.xml)!;
    expect(Number(picture[1]) / EMU).toBeGreaterThan(text.x + 3);
    // The body is 12.133 in wide; the 60% column is its share after the gap between the columns.
    expect(Number(picture[3]) / EMU).toBeCloseTo(0.9 * ((12.133 - 0.4) * 0.6), 1);
  });

  it('should give a 220 px wide image 220 / 960 of the slide width', () => {
    const picture = /<p:pic>[\s\S]*?<a:ext cx="(\d+)"/.exec(slide('How big was the catch?').xml)!;
    expect(Number(picture[1]) / EMU).toBeCloseTo((220 / 960) * 13.333, 1);
  });

  it('should make the background picture the slide background, with a light panel behind the text', () => {
    const morning = slide('Morning in the harbour');
    expect(morning.xml).toMatch(/<p:bg><p:bgPr><a:blipFill/);
    expect(morning.xml).toMatch(/<a:solidFill><a:srgbClr val="FFFFFF"><a:alpha val="88000"\/>/);
    expect(slide('Two kinds of work').xml).not.toMatch(/<a:blipFill/);
  });

  it.runIf(needsTools(['soffice', 'pdftotext'], 'install libreoffice-impress and poppler-utils'))(
    'should show both columns side by side in LibreOffice Impress',
    async () => {
      const pdfDir = await mkdtemp(path.join(os.tmpdir(), 'lectern-pptx-layout-'));
      const profile = await mkdtemp(path.join(os.tmpdir(), 'lectern-office-profile-'));
      await run('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', pdfDir, file], { timeout: 300_000 });
      const pdf = path.join(pdfDir, `${path.basename(file, '.pptx')}.pdf`);
      const lines = (await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'])).stdout.split('\n');
      expect(lines.some((line) => /On the boats\s+On the quay/.test(line))).toBe(true);
      expect(lines.some((line) => /Setting the nets at dawn\s+.*Unloading crates of fish/.test(line))).toBe(true);
    },
    300_000,
  );
});
