import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_TEMPLATES } from '../../src/node/build-lessons.ts';
import { loadDeckTemplates } from '../../src/node/read-templates.ts';
import { renderDeck } from '../../src/deck/render-deck.ts';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { ROOT } from '../support/build-fixture.ts';
import { expectGolden } from '../support/golden.ts';

const LAYOUT_FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'lessons', 'layout', 'input.md');
const templates = await loadDeckTemplates([BUNDLED_TEMPLATES]);
const deck = (source: string) => renderDeck(parseLesson(source, 'x.md', 'x').lesson!, templates);
const styles = (html: string) => [...html.matchAll(/style="([^"]*)"/g)].map((match) => match[1]);

describe('columns, sized images and background pictures in the deck HTML', () => {
  it('should render the harbour lesson as the deck in deck.html', () => {
    const { lesson } = parseLesson(readFileSync(LAYOUT_FIXTURE, 'utf8'), 'input.md', 'layout');
    expectGolden(renderDeck(lesson!, templates), path.join(path.dirname(LAYOUT_FIXTURE), 'deck.html'));
  });

  it('should write every size and width as numbers it checked, never text from the lesson', () => {
    const html = deck(
      '---\ntitle: T\n---\n\n## S\n\n::::columns\n:::column{width=40%}\n![Bay](bay.png){width=50%}\n:::\n:::column\n![Quay](quay.png){height=25%}\n:::\n::::\n',
    );
    expect(styles(html)).toEqual([
      'flex: 0 1 40%',
      'width: 50%; height: auto; max-height: none; max-width: 100%; object-fit: contain',
      'flex: 0 1 60%',
      'width: auto; height: 175px; max-height: none; max-width: 100%; object-fit: contain',
    ]);
  });

  it('should let no style or size through raw HTML in a lesson that is not trusted', () => {
    const html = deck(
      '---\ntitle: T\n---\n\n## S\n\n<img src="bay.png" alt="Bay" style="position:fixed;inset:0" data-lectern-width="50%;position:fixed">\n\n<div style="position:fixed">Hi</div>\n',
    );
    expect(styles(html)).toEqual([]);
    expect(html).not.toContain('position:fixed');
    expect(html).not.toContain('data-lectern');
  });
});
