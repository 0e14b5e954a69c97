import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LessonResult } from '../../src/node/build-lessons.ts';
import { blocksOf } from '../../src/lesson/model.ts';
import { PRINTABLES } from '../../src/shared/printables.ts';
import { readPdfText, type PdfText } from '../support/pdf-text.ts';
import { BUNDLED_LESSONS, COMPLETE_FIXTURE, buildInto } from '../support/build-fixture.ts';
import { needsTools } from '../support/needs-tool.ts';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

let outDir: string;
let results: LessonResult[];
const pdfs = new Map<string, PdfText>();
const pdf = (slug: string, name: string) => pdfs.get(`${slug}/${name}`)!;
const hasPdfinfo = needsTools(['pdfinfo'], 'install poppler-utils');
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  ({ outDir, results } = await buildInto([COMPLETE_FIXTURE, BUNDLED_LESSONS]));
  for (const result of results) {
    for (const printable of PRINTABLES) {
      const file = path.join(outDir, result.slug, printable.file);
      if (existsSync(file)) pdfs.set(`${result.slug}/${printable.file}`, await readPdfText(readFileSync(file)));
    }
  }
}, 120_000);

describe('the printables', () => {
  it('should all be made for each bundled lesson, as tagged PDFs with a title shown and a language', () => {
    for (const result of results) {
      for (const printable of PRINTABLES) {
        const file = path.join(outDir, result.slug, printable.file);
        expect(existsSync(file), file).toBe(true);
        const raw = readFileSync(file).toString('latin1');
        expect(raw, file).toMatch(/\/Marked true/);
        expect(raw, file).toMatch(/\/StructTreeRoot/);
        expect(raw, file).toMatch(/\/Lang \(en\)/);
        expect(raw, file).toMatch(/\/DisplayDocTitle true/);
        expect(pdf(result.slug, printable.file).info.Title).toBe(`${printable.title} — ${result.lesson!.meta.title}`);
      }
    }
  });

  it.runIf(hasPdfinfo)('should be reported as tagged by pdfinfo', () => {
    for (const result of results) {
      for (const printable of PRINTABLES) {
        const info = execFileSync('pdfinfo', [path.join(outDir, result.slug, printable.file)], { encoding: 'utf8' });
        expect(info, `${result.slug}/${printable.file}`).toMatch(/^Tagged:\s+yes$/m);
      }
    }
  });

  it('should never put speaker notes, model answers or keys on student pages or in the deck, and all of them in the teacher edition', () => {
    for (const result of results) {
      const lesson = result.lesson!;
      const secrets = [
        ...lesson.slides.map((slide) => normalize(toString({ type: 'root', children: slide.notes })).slice(0, 45)).filter((note) => note.length > 10),
        ...blocksOf(lesson, 'questions')
          .flatMap((block) => block.questions.map((question) => normalize(question.answer ?? '').slice(0, 45)))
          .filter((answer) => answer.length > 10),
      ];
      expect(secrets.length).toBeGreaterThan(5);
      const deckText = normalize(
        readFileSync(path.join(outDir, result.slug, 'index.html'), 'utf8')
          .replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '')
          .replace(/<[^>]+>/g, ' ')
          .replace(/&#x27;/g, "'")
          .replace(/&#x3C;/g, '<')
          .replace(/&#x26;/g, '&')
          .replace(/&amp;/g, '&'),
      );
      for (const printable of PRINTABLES.filter((candidate) => candidate.audience === 'student')) {
        const { text } = pdf(result.slug, printable.file);
        for (const secret of secrets) expect(text, `${printable.file} of ${result.slug} shows "${secret}"`).not.toContain(secret);
        expect(text).not.toMatch(/Timeline key|Vocabulary key|Model answers/);
      }
      for (const secret of secrets) expect(deckText, `the deck of ${result.slug} shows "${secret}"`).not.toContain(secret);
      const teacher = pdf(result.slug, 'teacher-edition.pdf').text;
      for (const secret of secrets) expect(teacher, `the teacher edition lacks "${secret}"`).toContain(secret);
    }
  });

  it('should shuffle the timeline and the definitions the same way every time, and print keys that match them', () => {
    for (const result of results) {
      const events = blocksOf(result.lesson!, 'timeline').flatMap((block) => block.events);
      const worksheet = pdf(result.slug, 'timeline-worksheet.pdf').text;
      const letters = events.map((event) => {
        const at = worksheet.indexOf(normalize(event.event).slice(0, 30));
        expect(at, event.event).toBeGreaterThan(0);
        return worksheet
          .slice(at - 3, at)
          .trim()
          .replace('.', '');
      });
      expect(letters.join('')).not.toBe([...letters].sort().join(''));
      const teacher = pdf(result.slug, 'teacher-edition.pdf').text;
      events.forEach((event, index) => expect(teacher).toContain(`${index + 1} (${letters[index]}) ${normalize(event.date)}`));

      const terms = blocksOf(result.lesson!, 'terms').flatMap((block) => block.terms);
      const quiz = pdf(result.slug, 'vocabulary-quiz.pdf').text;
      const matches = terms.map((term, index) => {
        const at = quiz.indexOf(normalize(term.definition).slice(0, 30));
        return `${index + 1}–${quiz
          .slice(at - 3, at)
          .trim()
          .replace('.', '')}`;
      });
      expect(teacher).toContain(`Part A: ${matches.join(', ')}`);
    }
  });

  it('should print body text at 11 pt or more (slide pictures shrink like thumbnails), in black and white', () => {
    for (const result of results) {
      for (const printable of PRINTABLES.filter((candidate) => candidate.name !== 'slides-handout')) {
        const small = pdf(result.slug, printable.file).sizes.filter((item) => item.size < 10.95 && item.fromBottom > 45);
        expect(small, `${result.slug}/${printable.file}`).toEqual([]);
      }
    }
    const raw = readFileSync(path.join(outDir, 'input', 'handout.pdf')).toString('latin1');
    expect(raw).not.toMatch(/\/Group\s*<<[^>]*\/S \/Transparency/);
  });

  it('should keep everything but the footer out of the bottom margin', () => {
    for (const [name, text] of pdfs) {
      const intruders = text.sizes.filter((item) => item.fromBottom < 58 && item.size > 9.5);
      expect(
        intruders.map((item) => item.text),
        name,
      ).toEqual([]);
    }
  });

  it('should put at least three slides on a page with their numbers and titles, without the notes', () => {
    const { pages } = pdf('input', 'slides-handout.pdf');
    const lesson = results.find((result) => result.slug === 'input')!.lesson!;
    // One box per slide (title, objectives, the lesson's, sources), and one more for each slide that goes on.
    const boxes = pages.join('\n').match(/^Slide \d+( \(continued\))?$/gm) ?? [];
    expect(boxes.filter((box) => !box.includes('continued'))).toHaveLength(lesson.slides.length + 3);
    // Three full boxes fill a page; a box is as tall as what it holds, so short slides leave room for more.
    expect(pages.length).toBeLessThanOrEqual(Math.ceil(boxes.length / 3));
    expect(pages[0]).toMatch(/Slide 1[\s\S]*The Water Cycle[\s\S]*Slide 2[\s\S]*Today we will[\s\S]*Slide 3[\s\S]*Water is always moving/);
    expect(pages.join(' ')).not.toContain('Ask who has seen a puddle');
  });

  it('should make one cut-out card per role and a teacher edition with the lesson plan and its minutes', () => {
    const cards = pdf('input', 'role-cards.pdf').text;
    expect(cards).toMatch(/The mayor Your aim: Keep taxes low\. Talking points: • Tanks cost money\. • People like green roofs\./);
    expect(cards).toMatch(/A farmer Your aim: Have water in dry summers\./);
    const teacher = pdf('input', 'teacher-edition.pdf').text;
    expect(teacher).toContain('Build a rain gauge 20 minutes · Pairs 1. Cut the top off a plastic bottle. 2. Mark centimetres on the side.');
    // The plan counts the debate's timing plan (4 + 3 minutes) with the activity's 20.
    expect(teacher).toContain('Debate facilitation 7 minutes • Opening statements: 4 minutes • Rebuttals: 3 minutes');
    expect(teacher).toContain("Timing: the activities take 27 minutes of the lesson's 45 minutes, leaving 18 minutes for teaching from the slides.");
    expect(teacher).toContain('Slide 3: Water is always moving Ask who has seen a puddle disappear on a sunny day.');
  });
});

describe('print templates', () => {
  it('should let a teacher put the school name and logo on every handout with a template of their own, and a lesson pick a template', async () => {
    const folder = await scratchFolder();
    await mkdir(path.join(folder, 'lessons'));
    await mkdir(path.join(folder, 'my-templates', 'print'), { recursive: true });
    await writeFile(path.join(folder, 'lectern.config.yaml'), 'templates: my-templates\n');
    await writeFile(
      path.join(folder, 'my-templates', 'print', 'handout.hbs'),
      '![Riverside High School logo](logo.png)\n\n**Riverside High School** · Science department\n\n::name-class-date\n\n# {{meta.title}}\n\n{{{reading}}}\n',
    );
    await copyFile(path.join(path.dirname(COMPLETE_FIXTURE), 'images', 'cycle.png'), path.join(folder, 'my-templates', 'print', 'logo.png'));
    await writeFile(
      path.join(folder, 'my-templates', 'print', 'exam-sheet.hbs'),
      '# Exam: {{meta.title}}\n\n{{#each questions}}{{number}}. {{question}}\n\n::lines{count=6}\n\n{{/each}}',
    );
    await writeFile(
      path.join(folder, 'lessons', 'a.md'),
      '---\ntitle: Tides\n---\n\n# The moon\n\nThe moon pulls the sea.\n\n---\n\n# Think\n\n:::questions\n1. Why are there two tides a day?\n   _Answer:_ The Earth turns.\n:::\n',
    );
    await writeFile(
      path.join(folder, 'lessons', 'b.md'),
      '---\ntitle: Waves\nprintTemplates:\n  teacher-edition: exam-sheet\n---\n\n# Think\n\n:::questions\n1. What makes waves?\n   _Answer:_ Wind.\n:::\n',
    );
    const { code, stderr } = await lectern(folder, 'build');
    expect(code, stderr).toBe(0);
    const handout = (await readPdfText(readFileSync(path.join(folder, 'output', 'a', 'handout.pdf')))).text;
    expect(handout).toMatch(
      /^Tides — Student handout Page 1 Riverside High School logo Riverside High School · Science department Name: Class: Date: Tides The moon The moon pulls the sea\./,
    );
    expect(readFileSync(path.join(folder, 'output', 'a', 'handout.pdf')).toString('latin1')).toMatch(/\/Subtype \/Image/);
    const exam = (await readPdfText(readFileSync(path.join(folder, 'output', 'b', 'teacher-edition.pdf')))).text;
    expect(exam).toContain('Exam: Waves 1. What makes waves?');
    expect(readFileSync(path.join(folder, 'output', 'a', 'teacher-edition.pdf')).length).toBeGreaterThan(0);
  });

  it('should report a template the lesson asks for that does not exist, and a template with a mistake', async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'a.md'), '---\ntitle: Tides\nprintTemplates:\n  handout: fancy\n---\n\n# One\n');
    const missing = await lectern(folder, 'build', 'a.md');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'a.md:1:1: error: There is no print template "fancy" for the handout. Put fancy.hbs in the print/ folder of your templates folder (see the README), or remove the line from printTemplates.',
    );
    expect(existsSync(path.join(folder, 'output', 'a'))).toBe(false);

    await mkdir(path.join(folder, 't', 'print'), { recursive: true });
    await writeFile(path.join(folder, 't', 'print', 'handout.hbs'), '# {{meta.title}\n');
    await writeFile(path.join(folder, 'b.md'), '---\ntitle: Tides\n---\n\n# One\n');
    const broken = await lectern(folder, 'build', 'b.md', '--templates', 't');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /error: The print template t\/print\/handout\.hbs has a mistake: Parse error on line 1:\n# \{\{meta\.title\}\n-+\^\nExpecting .*, got 'INVALID'\nFix the template, or delete your copy to use the standard one\. It stopped 1 lesson: b\.md\./,
    );
    expect(existsSync(path.join(folder, 'output', 'b', 'teacher-edition.pdf'))).toBe(true);
  });
});
