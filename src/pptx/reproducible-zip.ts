// pptxgenjs writes the time of the build into the file (the zip's entries and docProps/core.xml) and puts a slide's
// notes in one run with raw line breaks. Rewrite the zip with one fixed date, so two builds give the same bytes, and
// give each notes line its own paragraph in the lesson's language, as PowerPoint's notes pane expects.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipFiles } from '../shared/zip-files.ts';
import { markDecorativePictures } from './decorative-pictures.ts';
import { placeEquations, placeInlineEquations, type SlideEquation } from './slide-equations.ts';

const escapeAttribute = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

function notesParagraphs(xml: string, lang: string): string {
  const language = escapeAttribute(lang);
  return xml.replace(
    /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([\s\S]*?)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/,
    (_, text: string) =>
      text
        .split(/\r?\n/)
        .map((line) =>
          line === ''
            ? `<a:p><a:endParaRPr lang="${language}" dirty="0"/></a:p>`
            : `<a:p><a:r><a:rPr lang="${language}" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`,
        )
        .join(''),
  );
}

/** A paragraph has at most one `<a:pPr>`, its first child (pptxgenjs may write one per run, which PowerPoint repairs). */
export function oneParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (paragraph, inside: string) => {
    const first = /^<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/.exec(inside)?.[0] ?? '';
    const rest = inside.slice(first.length).replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, '');
    return rest.length + first.length === inside.length ? paragraph : `<a:p>${first}${rest}</a:p>`;
  });
}

/** The file's language in its properties (`dc:language`), for PowerPoint's accessibility checker and screen readers. */
function declareLanguage(xml: string, lang: string): string {
  if (xml.includes('<dc:language>')) return xml;
  return xml.replace('</dc:title>', `</dc:title><dc:language>${escapeAttribute(lang)}</dc:language>`);
}

/**
 * Every run in the lesson's language (pptxgenjs writes en-US where it was given none), and each table's first row
 * flagged as its header row (every Lectern table has one), as PowerPoint's "Header Row" box does.
 */
function accessibleSlide(xml: string, lang: string): string {
  return xml.replace(/ lang="en-US"/g, ` lang="${escapeAttribute(lang)}"`).replace(/<a:tblPr\/>/g, '<a:tblPr firstRow="1" bandRow="1"/>');
}

/**
 * pptxgenjs's file (written uncompressed) with every date `date`, the notes in paragraphs, the equations in place of
 * their stand-in pictures and of their marked formulas in sentences (`inlineEquations`, by mark), and compressed.
 */
export function reproducibleZip(
  data: Uint8Array,
  date: Date,
  lang: string,
  equations: readonly SlideEquation[] = [],
  inlineEquations: readonly string[] = [],
): Uint8Array {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const text = (bytes: Uint8Array) => strFromU8(bytes);
  const rewrite = (name: string, bytes: Uint8Array): Uint8Array => {
    if (name === 'docProps/core.xml')
      return strToU8(declareLanguage(text(bytes).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`), lang));
    if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) return strToU8(notesParagraphs(text(bytes), lang));
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name))
      return strToU8(
        placeEquations(placeInlineEquations(accessibleSlide(markDecorativePictures(oneParagraphProperties(text(bytes))), lang), inlineEquations), equations),
      );
    return bytes;
  };
  // Folders' own entries are left out, as PowerPoint writes none.
  const files = Object.entries(unzipSync(data)).filter(([name]) => !name.endsWith('/'));
  return zipFiles(
    files.map(([name, bytes]) => [name, rewrite(name, bytes)]),
    date,
  );
}
