// pptxgenjs writes the time of the build into the file (the zip's entries and docProps/core.xml) and puts a slide's
// notes in one run with raw line breaks. Rewrite the zip with one fixed date, so two builds give the same bytes, and
// give each notes line its own paragraph in the lesson's language, as PowerPoint's notes pane expects.
import JSZip from 'jszip';

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

export async function reproducibleZip(data: Uint8Array, date: Date, lang: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = await zip.file('docProps/core.xml')!.async('string');
  zip.file('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`));
  for (const name of Object.keys(zip.files).filter((entry) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(entry)))
    zip.file(name, notesParagraphs(await zip.file(name)!.async('string'), lang));
  for (const name of Object.keys(zip.files).filter((entry) => /^ppt\/slides\/slide\d+\.xml$/.test(entry)))
    zip.file(name, oneParagraphProperties(await zip.file(name)!.async('string')));
  for (const entry of Object.values(zip.files)) entry.date = date;
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
