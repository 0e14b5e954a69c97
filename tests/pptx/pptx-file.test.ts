// The PowerPoint file, opened as the zip of XML it is: one slide per deck slide (long ones continued), titles in the
// title placeholder, text as editable text rather than pictures, every note in the notes pane and no answer on a slide.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, ROOT, buildInto } from '../support/build-fixture.ts';
import { readDeck, wordsOf } from '../support/conservation.ts';
import { byDeckSlide, readPptx, type PptxSlide } from '../support/pptx-slides.ts';

const LONG_SLIDES = path.join(ROOT, 'tests', 'fixtures', 'pptx', 'long-slides.md');

interface BuiltLesson {
  source: string;
  folder: string;
  slug: string;
}
const lessons: BuiltLesson[] = [];

beforeAll(async () => {
  const { outDir, results } = await buildInto([BUNDLED_LESSONS, COMPLETE_FIXTURE, LONG_SLIDES]);
  for (const result of results) lessons.push({ source: path.resolve(ROOT, result.source), folder: path.join(outDir, result.slug), slug: result.slug });
}, 300_000);

const missingWords = (expected: string, found: string) => {
  const have = new Set(wordsOf(found));
  return [...new Set(wordsOf(expected))].filter((word) => !have.has(word));
};

async function open(lesson: BuiltLesson) {
  const deck = readDeck(await readFile(path.join(lesson.folder, 'index.html'), 'utf8'));
  const slides = await readPptx(path.join(lesson.folder, `${lesson.slug}.pptx`));
  const { lesson: model } = parseLesson(await readFile(lesson.source, 'utf8'), lesson.source, lesson.slug);
  return { deck, slides, groups: byDeckSlide(slides, (slide: PptxSlide) => slide.title), model: model! };
}

describe('the PowerPoint file', () => {
  it('should have a slide for every deck slide, in order, with every word students see as editable text', async () => {
    expect(lessons).toHaveLength(4);
    for (const lesson of lessons) {
      const { deck, groups } = await open(lesson);
      expect(groups, lesson.slug).toHaveLength(deck.length);
      deck.forEach((deckSlide, index) => {
        const text = groups[index].map((slide) => slide.text).join(' ');
        expect(missingWords(deckSlide.visible, text), `${lesson.slug}, slide ${index + 1}`).toEqual([]);
      });
    }
  });

  it('should put each slide title in the title placeholder, and mark continued slides "(continued)"', async () => {
    for (const lesson of lessons) {
      const { groups, model } = await open(lesson);
      expect(groups[0][0].title).toBe(model.meta.title);
      const lessonSlides = groups.slice(model.meta.objectives.length > 0 ? 2 : 1);
      model.slides.forEach((slide, index) => {
        if (slide.title === undefined) return;
        expect(lessonSlides[index][0].title, lesson.slug).toBe(slide.title);
        for (const continued of lessonSlides[index].slice(1)) expect(continued.title).toBe(`${slide.title} (continued)`);
      });
    }
    const long = await open(lessons.find((lesson) => lesson.slug === 'long-slides')!);
    expect(long.groups.map((group) => group.length)).toEqual([1, 2, 3, 2]);
  });

  it('should carry every speaker note and model answer in the notes pane, and never a model answer on a slide', async () => {
    let answers = 0;
    let notes = 0;
    for (const lesson of lessons) {
      const { deck, groups, model } = await open(lesson);
      deck.forEach((deckSlide, index) => {
        expect(missingWords(deckSlide.notes, groups[index][0].notes), `${lesson.slug}, notes of slide ${index + 1}`).toEqual([]);
        if (wordsOf(deckSlide.notes).length > 0) notes++;
      });
      const slideText = groups
        .flat()
        .map((slide) => slide.text)
        .join(' ');
      for (const question of model.slides.flatMap((slide) => slide.parts).flatMap((part) => (part.kind === 'questions' ? part.questions : []))) {
        if (!question.answer) continue;
        answers++;
        expect(slideText.includes(question.answer), `${lesson.slug}: "${question.answer}" is on a slide`).toBe(false);
      }
    }
    expect(answers).toBeGreaterThan(3);
    expect(notes).toBeGreaterThan(40);
  });

  it("should show pictures only for the lesson's images and maps, each with its alt text", async () => {
    const { slides } = await open(lessons.find((lesson) => lesson.slug === 'input')!);
    // The map's slide also has its legend's two swatches (decorative pictures).
    expect(slides.map((slide) => slide.pictures)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, 0]);
    expect(slides[10].xml).toContain('descr="Map of the area from 10°W to 37°E and 29°N to 47°N. Shaded: Spain, France, Italy, Greece (On the northern shore)');
    expect(slides[3].xml).toContain('descr="A diagram of the water cycle"');
    expect(slides[4].xml).toContain('<a:tbl>');
  });

  it('should give a drawn picture (a map) a PNG copy of its own shape for readers that cannot show SVG', async () => {
    const lesson = lessons.find((entry) => entry.slug === 'input')!;
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await readFile(path.join(lesson.folder, 'input.pptx')));
    const { slides } = await open(lesson);
    const map = slides[10].xml;
    const [, width, height] = /<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/.exec(map)!.map(Number);
    const rels = await zip.file('ppt/slides/_rels/slide11.xml.rels')!.async('string');
    const png = await zip.file(`ppt/media/${/Target="\.\.\/media\/([^"]+\.png)"/.exec(rels)![1]}`)!.async('uint8array');
    const view = new DataView(png.buffer, png.byteOffset);
    const [pixelsWide, pixelsHigh] = [view.getUint32(16), view.getUint32(20)];
    expect(pixelsWide).toBeGreaterThanOrEqual(600);
    expect(Math.abs(pixelsWide / pixelsHigh - width / height)).toBeLessThan(0.02 * (width / height));
    // A drawing, not an empty picture: a blank one this size compresses to a few hundred bytes.
    expect(png.byteLength).toBeGreaterThan(20_000);
  });

  it("should draw a map as large as the slide's body allows, its legend beside it with each shading's swatch", async () => {
    const { slides } = await open(lessons.find((lesson) => lesson.slug === 'input')!);
    const map = slides[10].xml;
    const pictures = [...map.matchAll(/<p:pic>[\s\S]*?<\/p:pic>/g)].map((match) => match[0]);
    const box = (xml: string) => {
      const [, x, y] = /<a:off x="(\d+)" y="(\d+)"/.exec(xml)!.map(Number);
      const [, cx, cy] = /<a:ext cx="(\d+)" cy="(\d+)"/.exec(xml)!.map(Number);
      return { x: x / 914400, y: y / 914400, width: cx / 914400, height: cy / 914400 };
    };
    const [drawing, ...swatches] = pictures.map(box);
    // The slide's body is 12.1 × 5.35 inches: this wide map (Mediterranean) takes its width but the legend's column.
    expect(drawing.width).toBeGreaterThan(8);
    expect(drawing.y + drawing.height).toBeLessThan(6.9);
    expect(swatches).toHaveLength(2);
    for (const [index, swatch] of swatches.entries()) {
      // Beside the map, one under the other, marked as decoration: the legend's words say what each means.
      expect(swatch.x).toBeGreaterThan(drawing.x + drawing.width);
      expect(pictures[index + 1]).toContain('adec:decorative');
    }
    expect(swatches[1].y).toBeGreaterThan(swatches[0].y);
    expect(slides[10].text).toContain('Spain, France, Italy, Greece');
    expect(slides[10].text).toContain('Egypt, Libya, Tunisia');
  });

  it('should set the title, the language and a fixed date in the document properties', async () => {
    const lesson = lessons.find((entry) => entry.slug === 'input')!;
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await readFile(path.join(lesson.folder, 'input.pptx')));
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>The Water Cycle</dc:title>');
    expect(core).toContain('>2025-03-04T00:00:00Z</dcterms:created>');
    expect(await zip.file('ppt/slides/slide3.xml')!.async('string')).toContain('lang="en"');
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString()).toBe('2025-03-04T00:00:00.000Z');
  });

  it('should be a compressed zip whose every part passes its checksum, with the content types first and no folder entries', async () => {
    const JSZip = (await import('jszip')).default;
    for (const lesson of lessons) {
      const bytes = await readFile(path.join(lesson.folder, `${lesson.slug}.pptx`));
      const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
      const names = Object.keys(zip.files);
      expect(names[0]).toBe('[Content_Types].xml');
      expect(names.filter((name) => name.endsWith('/'))).toEqual([]);
      let unpacked = 0;
      let pictures = 0;
      for (const name of names) {
        const size = (await zip.file(name)!.async('uint8array')).byteLength;
        if (name.startsWith('ppt/media/')) pictures += size;
        else unpacked += size;
      }
      // Slides' XML compresses to well under half its size (pictures are compressed already).
      expect(bytes.byteLength - pictures).toBeLessThan(unpacked / 2);
    }
  });
});
