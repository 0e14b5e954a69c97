// Every printable passes a PDF/UA-1 machine check written from the Matterhorn Protocol (tests/support/pdf-ua.ts):
// marked and tagged, every painting tagged or an artifact, headings in order from H1, table headers with their scope,
// figures and formulas described, links and form fields in the structure with their descriptions, fonts embedded and
// mapped back to Unicode. A test breaks a good PDF in each of those ways and sees the check catch it. Worksheets can be
// filled in on a screen, unless the lesson says `fillable: false`.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { needsTools } from '../support/needs-tool.ts';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, ROOT, buildInto } from '../support/build-fixture.ts';
import { readPdfText } from '../support/pdf-text.ts';
import { checkPdfUa, formFields, pdfUaFailures } from '../support/pdf-ua.ts';
import { scratchFolder } from '../support/run-lectern.ts';

const hasQpdf = needsTools(['qpdf', 'fix-qdf'], 'install Debian\'s "qpdf" package');

const FIXTURES = [
  BUNDLED_LESSONS,
  COMPLETE_FIXTURE,
  path.join(ROOT, 'tests', 'fixtures', 'lessons', 'layout', 'input.md'),
  path.join(ROOT, 'tests', 'fixtures', 'lessons', 'maps', 'input.md'),
  path.join(ROOT, 'tests', 'fixtures', 'scripts', 'all-scripts.md'),
  path.join(ROOT, 'tests', 'fixtures', 'conservation', 'stem-speed.md'),
];

describe.runIf(hasQpdf)('the printables and PDF/UA', () => {
  it('should pass every checkpoint in every printable of the bundled lessons and the fixtures', async () => {
    for (const fixture of FIXTURES) {
      const { outDir, results } = await buildInto([fixture]);
      for (const result of results) {
        const folder = path.join(outDir, result.slug);
        for (const file of readdirSync(folder).filter((name) => name.endsWith('.pdf')))
          expect(pdfUaFailures(readFileSync(path.join(folder, file))), `${result.source}: ${file}`).toEqual([]);
      }
    }
  }, 240_000);

  describe('a good PDF broken on purpose', () => {
    let good: string;
    let qdf: string;
    beforeAll(async () => {
      const { outDir } = await buildInto([COMPLETE_FIXTURE]);
      good = path.join(outDir, 'input', 'handout.pdf');
      qdf = path.join(outDir, 'handout.qdf.pdf');
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', good, qdf]);
    });

    /** The checkpoints failed by the handout with `from` replaced by `to` in its uncompressed form. */
    const broken = (from: string | RegExp, to: string): string[] => {
      const text = readFileSync(qdf).toString('latin1');
      const changed = text.replace(from, to);
      expect(changed, `"${String(from)}" is in the handout`).not.toBe(text);
      const file = `${qdf}.broken.pdf`;
      writeFileSync(`${file}.qdf`, Buffer.from(changed, 'latin1'));
      writeFileSync(file, execFileSync('fix-qdf', [`${file}.qdf`]));
      return [...new Set(checkPdfUa(readFileSync(file)).map((finding) => finding.checkpoint))];
    };

    it('should find nothing wrong with it as it is', () => {
      expect(pdfUaFailures(readFileSync(qdf))).toEqual([]);
    });

    it.each([
      ['not marked as tagged', '/Marked true', '/Marked false', '01-001'],
      ['no PDF/UA identifier', 'pdfuaid:part>1<', 'pdfuaid:xart>1<', '06-002'],
      ['the title not shown', '/DisplayDocTitle true', '/DisplayDocTitle false', '07-001'],
      ['no language', /\/Lang \(en\)/, '/Lxng (en)', '11-006'],
      ['a structure type that is not standard', /\/S \/P\n/, '/S /Paragraph\n', '02-001'],
      ['a figure without alternate text', '/Alt (A diagram', '/Xlt (A diagram', '13-004'],
      ['a table header without scope', /\/Scope \/Column/g, '/Xcope /Column', '15-003'],
      ['a first heading that is not H1', /\/S \/H1\n/, '/S /H3\n', '14-002'],
      ['a page with annotations and no tab order', /\/Tabs \/S/g, '/Tabs /R', '19-003'],
      ['a link without a description', /\/Contents \(Link to/g, '/Xontents (Link to', '28-004'],
      ['a form field without a tooltip', /\/TU \(/g, '/XU (', '28-005'],
      ['a font without a Unicode map', /\/ToUnicode/g, '/XoUnicode', '31-027'],
      ['painting outside tagged content', /(%% Contents for page 1\n[\s\S]*?\nstream\n)/, '$10 0 m 10 10 l S\n', '01-005'],
    ])('should catch %s', (_what, from, to, checkpoint) => {
      expect(broken(from, to)).toContain(checkpoint);
    });
  });

  it('should make every writing space of the worksheets a field with a tooltip, and none with fillable: false', async () => {
    const folder = await scratchFolder();
    await cp(path.join(path.dirname(COMPLETE_FIXTURE), 'images'), path.join(folder, 'images'), { recursive: true });
    const text = readFileSync(COMPLETE_FIXTURE, 'utf8');
    await writeFile(path.join(folder, 'fillable.md'), text);
    await writeFile(path.join(folder, 'plain.md'), text.replace('---\n', '---\nfillable: false\n'));
    const { outDir } = await buildInto([folder]);
    const fields = (pdf: string) => formFields(path.join(outDir, 'fillable', pdf));
    expect(fields('handout.pdf').map((field) => field.tooltip)).toEqual(expect.arrayContaining(['Your name', 'Your class', "Today's date"]));
    expect(fields('handout.pdf').filter((field) => field.tooltip.startsWith('Your answer: '))).not.toHaveLength(0);
    const debate = fields('debate-worksheet.pdf');
    expect(debate.filter((field) => field.type === '/Btn').map((field) => field.tooltip)).toEqual(['For the motion', 'Against the motion']);
    expect(debate.map((field) => field.tooltip)).toContain('Evidence: For: It saves water');
    for (const worksheet of ['vocabulary-quiz.pdf', 'timeline-worksheet.pdf', 'map-worksheet.pdf', 'slides-handout.pdf'])
      expect(fields(worksheet).length, worksheet).toBeGreaterThan(3);
    expect(fields('slides-handout.pdf').map((field) => field.tooltip)).toContain('Your notes on slide 3');
    for (const field of [...fields('handout.pdf'), ...debate]) expect(field.tooltip.trim()).not.toBe('');
    // Turned off, the pages are plain again, with the same text.
    for (const pdf of readdirSync(path.join(outDir, 'plain')).filter((name) => name.endsWith('.pdf'))) {
      expect(formFields(path.join(outDir, 'plain', pdf)), pdf).toEqual([]);
      const plain = await readPdfText(readFileSync(path.join(outDir, 'plain', pdf)));
      const fillable = await readPdfText(readFileSync(path.join(outDir, 'fillable', pdf)));
      expect(fillable.text.replaceAll('fillable', 'plain'), pdf).toBe(plain.text.replaceAll('fillable', 'plain'));
      expect(pdfUaFailures(readFileSync(path.join(outDir, 'plain', pdf))), pdf).toEqual([]);
    }
  }, 120_000);
});
