// The rules of PowerPoint's accessibility checker that a file can be held to: every slide has a title, every picture a
// description or the decorative mark, every table a header row, and the file and its text declare their language.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { languageParts } from '../../src/lesson/language-parts.ts';

/** The monospaced font code is set in (src/pptx/render-pptx.ts). */
const CODE_FONT = 'Courier New';

const decodeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

/** Each broken rule, as "file slide: rule". */
export async function powerPointRuleFailures(file: string, lang: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const failures: string[] = [];
  const core = await zip.file('docProps/core.xml')!.async('string');
  if (!core.includes(`<dc:language>${lang}</dc:language>`)) failures.push('the file declares no language (dc:language)');
  for (const name of Object.keys(zip.files).filter((entry) => /^ppt\/slides\/slide\d+\.xml$/.test(entry))) {
    const xml = await zip.file(name)!.async('string');
    const where = path.basename(name, '.xml');
    if (!/<p:ph\s[^>]*type="(title|ctrTitle)"/.test(xml)) failures.push(`${where}: no slide title`);
    for (const [, attributes, inside] of xml.matchAll(/<p:nvPicPr><p:cNvPr ([^>]*?)\/?>([\s\S]*?)<\/p:cNvPr>/g)) {
      const description = /descr="([^"]*)"/.exec(attributes)?.[1];
      const decorative = /<adec:decorative [^>]*val="1"/.test(inside);
      if (!decorative && (!description || /\.(png|jpe?g|gif|svg)$/i.test(description)))
        failures.push(`${where}: a picture without a description (${description ?? 'none'})`);
    }
    for (const table of xml.match(/<a:tblPr[^>]*>/g) ?? []) if (!/firstRow="1"/.test(table)) failures.push(`${where}: a table without a header row`);
    // No run of text holds a passage in another script than its language's (a Korean sentence marked as English);
    // code, in its monospaced font, is not words of a language.
    for (const [, properties, other, text] of xml.matchAll(/<a:rPr ([^>]*?lang="([^"]+)"[^>]*?(?:\/>|>[\s\S]*?<\/a:rPr>))<a:t>([^<]*)<\/a:t>/g)) {
      if (properties.includes(`typeface="${CODE_FONT}"`)) continue;
      const unmarked = languageParts(decodeXml(text), other).find((part) => part.lang !== undefined);
      if (unmarked) failures.push(`${where}: "${unmarked.text}" (${unmarked.lang}) is in a run marked as ${other}`);
    }
  }
  return failures;
}
