import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LessonResult } from '../../src/node/build-lessons.ts';
import { blocksOf, type Lesson } from '../../src/lesson/model.ts';
import { readPdfText } from '../support/pdf-text.ts';
import { BUNDLED_LESSONS, buildInto } from '../support/build-fixture.ts';

let outDir: string;
let results: LessonResult[];
const lesson = (slug: string): Lesson => results.find((result) => result.slug === slug)!.lesson!;
const wholeText = (value: Lesson) => JSON.stringify(value);

beforeAll(async () => {
  ({ outDir, results } = await buildInto([BUNDLED_LESSONS]));
});

describe('the bundled lessons', () => {
  it('should build without a warning into a deck, a handout and a debate worksheet each', () => {
    expect(results.map((result) => result.slug).sort()).toEqual(['putin-and-kim-a-new-partnership', 'why-putin-visited-north-korea']);
    for (const result of results) {
      expect(result.file.messages.map(String), result.source).toEqual([]);
      expect(result.written).toEqual(expect.arrayContaining(['index.html', 'handout.pdf', 'debate-worksheet.pdf'].map((name) => path.join(result.slug, name))));
    }
  });

  it('should have at least 12 content slides, each with speaker notes, and every block kind', () => {
    for (const { lesson: value, source } of results) {
      expect(value!.slides.length, source).toBeGreaterThanOrEqual(12);
      value!.slides.forEach((slide) => expect(slide.notes.length, `${source}: slide "${slide.title}" has no notes`).toBeGreaterThan(0));
      for (const kind of ['terms', 'timeline', 'debate', 'roles', 'questions', 'activity'] as const) {
        expect(blocksOf(value!, kind).length, `${source}: ${kind}`).toBeGreaterThan(0);
      }
      expect(value!.meta.sources.length).toBeGreaterThan(0);
      for (const source of value!.meta.sources) expect(source, source.title).toMatchObject({ publisher: expect.any(String), date: expect.any(String) });
    }
  });

  it('should carry the history, the reasons, Article 4 and the reactions from the explainer article', () => {
    const text = wholeText(lesson('why-putin-visited-north-korea'));
    for (const fact of [
      'Cold War',
      '1950',
      '1953',
      '1991',
      'Yeltsin',
      'Article 4',
      'state media',
      'rare earth',
      'Far East',
      'European Union',
      'China',
      'United States',
      'energy',
      'infrastructure',
      'intelligence',
      'armistice',
      'KCNA',
    ]) {
      expect(text, fact).toContain(fact);
    }
  });

  it('should carry the ten glossary terms and five activities of the classroom article', () => {
    const value = lesson('putin-and-kim-a-new-partnership');
    const terms = blocksOf(value, 'terms').flatMap((block) => block.terms);
    expect(terms.map((term) => term.term)).toEqual([
      'Russia',
      'North Korea',
      'International Relations',
      'Historical Context',
      'Influence',
      'Military Cooperation',
      'Strategic Exchange',
      'Regional Stability',
      'Balance of Power',
      'Global Politics',
    ]);
    terms.forEach((term) => expect(term.example, term.term).toBeTruthy());
    expect(blocksOf(value, 'activity')).toHaveLength(5);
    expect(blocksOf(value, 'roles')[0].roles.length).toBeGreaterThanOrEqual(5);
    const text = wholeText(value);
    for (const fact of ['3 a.m.', 'fuel', 'raw materials', 'artillery shells', 'reportedly', 'South Korea', 'Switzerland', 'Iraq', 'Afghanistan']) {
      expect(text, fact).toContain(fact);
    }
    // The war in Ukraine did not begin with the full-scale invasion.
    const events = blocksOf(value, 'timeline').flatMap((block) => block.events);
    expect(events.map((event) => event.date)).toEqual(expect.arrayContaining(['2014', 'February 2022']));
    expect(text).not.toMatch(/20\d\d\W+The (conflict|war) in Ukraine begins/);
  });

  it('should print the reading, the terms and the questions of each lesson in its handout', async () => {
    for (const result of results) {
      const value = result.lesson!;
      const { text } = await readPdfText(readFileSync(path.join(outDir, result.slug, 'handout.pdf')));
      for (const term of blocksOf(value, 'terms').flatMap((block) => block.terms)) expect(text).toContain(`${term.term} —`);
      for (const question of blocksOf(value, 'questions').flatMap((block) => block.questions)) {
        expect(text).toContain(question.question.slice(0, 40));
        if (question.answer) expect(text).not.toContain(question.answer.slice(0, 40));
      }
      for (const slide of value.slides.filter((slide) =>
        slide.parts.some((part) => part.kind === 'markdown' && part.nodes.some((node) => node.type === 'paragraph')),
      )) {
        expect(text, slide.title).toContain(slide.title!);
      }
      for (const slide of value.slides) {
        const notes = toString({ type: 'root', children: slide.notes }).replace(/\s+/g, ' ').trim();
        expect(text, `notes of "${slide.title}" leaked into the handout`).not.toContain(notes.slice(0, 40));
      }
    }
  });
});
