// The PowerPoint files pass the rules of PowerPoint's accessibility checker that a file can be held to: every slide has
// a title, every picture a description or the decorative mark, every table a header row, and the file and its text
// declare the lesson's language.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, ROOT, buildInto } from '../support/build-fixture.ts';

const LESSONS = [
  BUNDLED_LESSONS,
  COMPLETE_FIXTURE,
  path.join(ROOT, 'tests', 'fixtures', 'lessons', 'layout', 'input.md'),
  path.join(ROOT, 'tests', 'fixtures', 'lessons', 'maps', 'input.md'),
];

/** Each broken rule, as "file slide: rule". */
async function powerPointRuleFailures(file: string, lang: string): Promise<string[]> {
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
    for (const [, other] of xml.matchAll(/ lang="([^"]+)"/g)) if (other !== lang) failures.push(`${where}: text in ${other}, not the lesson's ${lang}`);
  }
  return failures;
}

describe('the PowerPoint files and the accessibility checker', () => {
  it('should break none of its rules in the bundled lessons and the fixtures', async () => {
    for (const lesson of LESSONS) {
      const { outDir, results } = await buildInto([lesson]);
      for (const result of results) {
        const file = path.join(outDir, result.slug, `${result.slug}.pptx`);
        expect(await powerPointRuleFailures(file, result.lesson?.meta.lang ?? 'en'), result.source).toEqual([]);
      }
    }
  }, 120_000);
});
