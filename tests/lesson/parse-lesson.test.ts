import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckSlideCount } from '../../src/lesson/model.ts';
import { ENGLISH } from '../../src/labels/english.ts';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { expectGolden } from '../support/golden.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'lessons');

describe('parseLesson', () => {
  for (const name of readdirSync(FIXTURES)) {
    it(`should turn fixtures/lessons/${name}/input.md into the model in model.json`, () => {
      const input = readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8');
      const { lesson, file } = parseLesson(input, 'input.md', name);
      expect(file.messages.map(String)).toEqual([]);
      // Lectern's words are named by their language: their texts are Lectern's, not the lesson's.
      const model = {
        ...lesson,
        labels: { lang: lesson!.labels.lang, texts: JSON.stringify(lesson!.labels.texts) === JSON.stringify(ENGLISH) ? 'English' : 'changed' },
      };
      expectGolden(`${JSON.stringify(model, null, 2)}\n`, path.join(FIXTURES, name, 'model.json'));
    });
  }

  it('should read every block kind with its fields', () => {
    const { lesson } = parseLesson(readFileSync(path.join(FIXTURES, 'complete', 'input.md'), 'utf8'), 'input.md', 'complete');
    const blocks = lesson!.slides.flatMap((slide) => slide.parts).filter((part) => part.kind !== 'markdown');
    expect(blocks.map((block) => block.kind)).toEqual(['terms', 'timeline', 'debate', 'roles', 'questions', 'activity', 'map']);
    expect(blocks[0]).toEqual({
      kind: 'terms',
      terms: [
        { term: 'Evaporation', definition: 'Liquid water turning into vapour.', example: 'Evaporation dries the wet playground.' },
        { term: 'Condensation', definition: 'Vapour cooling into droplets.', example: 'Condensation forms on a cold glass.' },
      ],
    });
    expect(blocks[4]).toEqual({
      kind: 'questions',
      questions: [
        { question: 'Why does a puddle disappear on a sunny day?', answer: "The sun's heat makes the water evaporate." },
        { question: 'Where do clouds come from?', answer: 'Water vapour cools high up and condenses into droplets.' },
      ],
    });
    expect(blocks[5]).toMatchObject({ kind: 'activity', title: 'Build a rain gauge', minutes: 20, grouping: 'Pairs' });
    expect(deckSlideCount(lesson!)).toBe(lesson!.slides.length + 3);
  });

  it('should take everything after "Note:" and inside :::notes as speaker notes, not slide content', () => {
    const source = '---\ntitle: T\n---\n\n# One\n\nShown.\n\nNote: Said aloud.\n\nAlso said.\n\n---\n\n# Two\n\n:::notes\nQuiet.\n:::\n';
    const { lesson } = parseLesson(source, 'x.md', 'x');
    const [one, two] = lesson!.slides;
    expect(JSON.stringify(one.parts)).toContain('Shown.');
    expect(JSON.stringify(one.parts)).not.toContain('Said aloud');
    expect(JSON.stringify(one.notes)).toContain('Said aloud.');
    expect(JSON.stringify(one.notes)).toContain('Also said.');
    expect(JSON.stringify(two.notes)).toContain('Quiet.');
  });

  it('should warn about a question without a model answer, at the question', () => {
    const { lesson, file } = parseLesson('---\ntitle: T\n---\n\n# Think\n\n:::questions\n1. Why?\n   _Answer:_ Because.\n2. How?\n:::\n', 'x.md', 'x');
    expect(lesson!.slides[0].parts[1]).toEqual({ kind: 'questions', questions: [{ question: 'Why?', answer: 'Because.' }, { question: 'How?' }] });
    expect(file.messages.map(String)).toEqual([
      'x.md:10:1: The question "How?" has no model answer. Add one after it, like `_Answer:_ ...`; only the teacher sees it.',
    ]);
  });

  it('should accept a byte-order mark and Windows line endings', () => {
    const source = '\uFEFF---\r\ntitle: Windows lesson\r\nduration: 40\r\n---\r\n\r\n# One\r\n\r\nText.\r\n\r\n---\r\n\r\n# Two\r\n';
    const { lesson, file } = parseLesson(source, 'x.md', 'x');
    expect(file.messages).toEqual([]);
    expect(lesson!.meta).toMatchObject({ title: 'Windows lesson', duration: 40 });
    expect(lesson!.slides.map((slide) => slide.title)).toEqual(['One', 'Two']);
  });

  it('should keep text like "3:30pm" or "ratio 2:a" as typed rather than reading it as a directive', () => {
    const { lesson } = parseLesson('---\ntitle: T\n---\n\n# Times\n\nWe meet at 3:30pm, ratio 2:a.\n', 'x.md', 'x');
    expect(JSON.stringify(lesson!.slides[0].parts)).toContain('We meet at 3:30pm, ratio 2:a.');
  });

  it('should treat `---` directly under a line of text as a slide break, with a warning', () => {
    const { lesson, file } = parseLesson('---\ntitle: T\n---\n\n# One\n\nText\n---\n\n# Two\n', 'x.md', 'x');
    expect(lesson!.slides.map((slide) => slide.title)).toEqual(['One', 'Two']);
    expect(file.messages.map(String)).toEqual([
      'x.md:8:1: The `---` below this text has no empty line above it, so Markdown would read the text as a heading. Lectern treats it as a slide break; add an empty line above `---` to make that clear.',
    ]);
  });

  it('should take a source dated by its year alone, and a page size however it is capitalised', () => {
    const { lesson, file } = parseLesson(
      '---\ntitle: Floods\npageSize: a4\nsources:\n  - title: The flood of 1953\n    date: 2022\n---\n\n# Floods\n',
      'x.md',
      'x',
    );
    expect(file.messages.map(String)).toEqual([]);
    expect(lesson!.meta.pageSize).toBe('A4');
    expect(lesson!.meta.sources).toEqual([{ title: 'The flood of 1953', date: '2022' }]);
  });
});
