// The lesson's Markdown is parsed once: printables typeset the lesson's own nodes where their templates put the reading,
// a slide's visible part or its notes, and print exactly what the Markdown written out and parsed again printed.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_TEMPLATES } from '../../src/node/build-lessons.ts';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { parsePrintPiece } from '../../src/lesson/parse-markdown.ts';
import { planPrintables, type PrintJob } from '../../src/print/plan-printables.ts';
import { expandFragments, fragmentMarkdown } from '../../src/print/fragment-markdown.ts';
import { insertFragments } from '../../src/print/print-fragments.ts';
import { loadPrintTemplates } from '../../src/node/read-templates.ts';
import type { PrintTemplates } from '../../src/print/print-templates.ts';
import { typesetPrintJob } from '../../src/print/typeset-print-job.ts';
import { readPdfText } from '../support/pdf-text.ts';
import { generateLessons } from '../support/generate-lessons.ts';
import { SEED, announceSeed } from '../support/seed.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const templates = await loadPrintTemplates([BUNDLED_TEMPLATES]);

const read = (file: string): [string, string] => [path.relative(ROOT, file), readFileSync(file, 'utf8')];
const inFolder = (folder: string, pick: (name: string) => string | undefined) =>
  readdirSync(path.join(ROOT, folder))
    .map(pick)
    .filter((file): file is string => file !== undefined)
    .map((file) => read(path.join(ROOT, folder, file)));

announceSeed('Generated lessons');
const LESSONS: [name: string, text: string][] = [
  ...inFolder('lessons', (name) => (name.endsWith('.md') ? name : undefined)),
  ...inFolder('tests/fixtures/lessons', (name) => `${name}/input.md`),
  ...inFolder('tests/fixtures/conservation', (name) => (name.endsWith('.md') ? name : undefined)),
  ...generateLessons(SEED, 6).map((text, index): [string, string] => [`generated lesson ${index + 1} (seed ${SEED})`, text]),
];

function jobsOf(name: string, text: string, printTemplates: PrintTemplates = templates): PrintJob[] {
  const { lesson, file } = parseLesson(text, name, 'lesson');
  expect(lesson, `${name}: ${String(file.messages)}`).toBeDefined();
  return planPrintables(lesson!, printTemplates, new Date(Date.UTC(2000, 0, 1))).jobs;
}

/** The same job as before parse-once: the lesson's Markdown written into the print Markdown, parsed again. */
const reparsed = (job: PrintJob): PrintJob => ({ ...job, markdown: expandFragments(job.markdown, job.fragments!), fragments: undefined });

/** The same job with each piece of the lesson's Markdown written out and parsed again on its own. */
const eachReparsed = (job: PrintJob): PrintJob => ({
  ...job,
  fragments: new Map([...job.fragments!].map(([number, nodes]) => [number, parsePrintPiece(fragmentMarkdown(nodes)).children])),
});

describe('parse once', () => {
  it.each(LESSONS)(
    'should print %s byte for byte as when its Markdown was written out and parsed again',
    async (name, text) => {
      for (const job of jobsOf(name, text)) {
        const once = Buffer.from(await typesetPrintJob(job, new Map()));
        const twice = Buffer.from(await typesetPrintJob(eachReparsed(job), new Map()));
        expect(once.equals(twice), `${name}: ${job.file}`).toBe(true);
      }
    },
    120_000,
  );

  it("should hand every bundled template's reading, slides and notes to the typesetter already parsed", () => {
    const [name, text] = LESSONS.find(([file]) => file.includes('complete'))!;
    const jobs = jobsOf(name, text);
    for (const file of ['handout.pdf', 'slides-handout.pdf', 'teacher-edition.pdf']) {
      const job = jobs.find((candidate) => candidate.file === file)!;
      expect(job.fragments!.size, file).toBeGreaterThan(0);
      // The filled-in template is short: the lesson's text is not in it, only markers.
      expect(job.markdown, file).not.toContain('The sun drives the cycle');
      expect(insertFragments(parsePrintPiece(job.markdown), job.fragments!), file).toBeDefined();
    }
  });

  it("should print a teacher's template that puts the reading and notes inside other Markdown as it did before", async () => {
    const own: PrintTemplates = {
      ...templates,
      sources: {
        ...templates.sources,
        handout: '# {{meta.title}}\n\n> {{{reading}}}\n',
        'teacher-edition': '# Notes\n\n| Slide | Notes |\n| --- | --- |\n{{#each slides}}\n| {{number}} | {{{notes}}} |\n{{/each}}\n',
      },
    };
    const text = '---\ntitle: Rivers\n---\n\n## The Nile\n\nThe Nile flows north to the sea.\n\nNote: Ask who has seen a river delta.\n';
    const jobs = jobsOf('rivers.md', text, own);
    for (const file of ['handout.pdf', 'teacher-edition.pdf']) {
      const job = jobs.find((candidate) => candidate.file === file)!;
      expect(insertFragments(parsePrintPiece(job.markdown), job.fragments!), file).toBeUndefined();
      const pdf = await typesetPrintJob(job, new Map());
      expect(Buffer.from(pdf).equals(Buffer.from(await typesetPrintJob(reparsed(job), new Map()))), file).toBe(true);
      const words = (await readPdfText(pdf)).text;
      expect(words).toContain(file === 'handout.pdf' ? 'The Nile flows north to the sea.' : 'Ask who has seen a river delta.');
      expect(words).not.toMatch(/\uE001/);
    }
  });

  it("should print an activity's steps and a numbered list after them on the same slide as two lists, as on the slide", async () => {
    const text =
      '---\ntitle: Sorting\n---\n\n## Sort the cards\n\n:::activity[Card sort]{minutes=10}\n1. Cut out the cards.\n2. Sort them by date.\n:::\n\n1. The treaty came first.\n2. The railway came next.\n';
    const job = jobsOf('sorting.md', text).find((candidate) => candidate.file === 'slides-handout.pdf')!;
    const words = (await readPdfText(await typesetPrintJob(job, new Map()))).text;
    expect(words).toMatch(/1\.\s*Cut out the cards\.\s*2\.\s*Sort them by date\..*1\.\s*The treaty came first\.\s*2\.\s*The railway came next\./);
    // Written out as Markdown and parsed again, the two lists ran into one, numbered 1 to 4.
    const before = (await readPdfText(await typesetPrintJob(reparsed(job), new Map()))).text;
    expect(before).toMatch(/3\.\s*The treaty came first\./);
  });
});
