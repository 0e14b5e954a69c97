// Read a built PowerPoint file the way a checker should: its slides' XML, title placeholders, texts and notes.
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';

export interface PptxSlide {
  /** The text of the slide's title placeholder. */
  title: string;
  /**
   * Every `<a:t>` on the slide (text frames and tables), the title included, and each equation's `<m:t>`, as PowerPoint
   * reads them (the equations' choice of each `mc:AlternateContent`).
   */
  text: string;
  /** The same, as a reader without equations reads them (LibreOffice): the other choice, formulas in plain characters. */
  textWithoutEquations: string;
  notes: string;
  pictures: number;
  xml: string;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
const ALTERNATE = /<mc:AlternateContent\b[\s\S]*?<\/mc:AlternateContent>/g;
const choice = (xml: string) => xml.replace(ALTERNATE, (content) => /<mc:Choice\b[^>]*>([\s\S]*?)<\/mc:Choice>/.exec(content)?.[1] ?? '');
const fallback = (xml: string) => xml.replace(ALTERNATE, (content) => /<mc:Fallback>([\s\S]*?)<\/mc:Fallback>/.exec(content)?.[1] ?? '');
const texts = (xml: string) => [...xml.matchAll(/<([am]):t(?: [^>]*)?>([^<]*)<\/\1:t>/g)].map((match) => decode(match[2])).join(' ');

export async function readPptx(file: string): Promise<PptxSlide[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const count = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;
  const slides: PptxSlide[] = [];
  for (let number = 1; number <= count; number++) {
    const xml = await zip.file(`ppt/slides/slide${number}.xml`)!.async('string');
    const notesXml = (await zip.file(`ppt/notesSlides/notesSlide${number}.xml`)?.async('string')) ?? '';
    const titleShape =
      choice(xml)
        .split('</p:sp>')
        .find((shape) => /<p:ph\b[^>]*\btype="title"/.test(shape)) ?? '';
    // The notes placeholder only: the notes page's slide number is not a note.
    const notesBody = notesXml.split('</p:sp>').find((shape) => /<p:ph\b[^>]*\btype="body"/.test(shape)) ?? '';
    slides.push({
      title: texts(titleShape),
      text: texts(choice(xml)),
      textWithoutEquations: texts(fallback(xml)),
      notes: texts(notesBody),
      pictures: (xml.match(/<p:pic>/g) ?? []).length,
      xml,
    });
  }
  return slides;
}

/** PowerPoint slides grouped by the deck slide they show: a "(continued)" slide belongs to the one before it. */
export function byDeckSlide<T>(slides: T[], title: (slide: T) => string): T[][] {
  const groups: T[][] = [];
  for (const slide of slides) {
    if (groups.length > 0 && / \(continued\)$/.test(title(slide))) groups.at(-1)!.push(slide);
    else groups.push([slide]);
  }
  return groups;
}
