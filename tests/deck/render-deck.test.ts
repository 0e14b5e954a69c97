import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_TEMPLATES } from '../../src/node/build-lessons.ts';
import { loadDeckTemplates } from '../../src/node/read-templates.ts';
import { renderDeck } from '../../src/deck/render-deck.ts';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { COMPLETE_FIXTURE } from '../support/build-fixture.ts';
import { expectGolden } from '../support/golden.ts';

const { lesson } = parseLesson(readFileSync(COMPLETE_FIXTURE, 'utf8'), 'input.md', 'complete');
const templates = await loadDeckTemplates([BUNDLED_TEMPLATES]);
const html = renderDeck(lesson!, templates);
const visible = html.replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '');

describe('renderDeck', () => {
  it('should render the fixture lesson as the deck in deck.html', () => {
    expectGolden(html, path.join(path.dirname(COMPLETE_FIXTURE), 'deck.html'));
  });

  it('should load reveal.js from files beside the deck, never from the network', () => {
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(urls).toContain('reveal/reveal.js');
    expect(urls).toContain('reveal/plugin/notes.js');
    expect(urls.filter((url) => /^(https?:)?\/\//.test(url))).toEqual([]);
  });

  it('should keep model answers and notes out of what students see, and give them to the speaker view', () => {
    expect(visible).not.toContain("The sun's heat makes the water evaporate");
    expect(visible).not.toContain('Ask who has seen a puddle');
    expect(html).toContain('The sun&#x27;s heat makes the water evaporate');
    expect(html).toContain('Ask who has seen a puddle disappear on a sunny day.');
  });

  it('should reveal the items of an :::incremental list one by one', () => {
    expect(visible).toContain('<li class="fragment">Evaporation: the sun warms the sea.</li>');
  });

  it('should point images at the copied assets folder', () => {
    expect(visible).toContain('<img src="assets/images/cycle.png" alt="A diagram of the water cycle">');
  });

  it('should keep harmless raw HTML such as subscripts and line breaks', () => {
    const { lesson: simple } = parseLesson('---\ntitle: T\n---\n\n# Water\n\nH<sub>2</sub>O<br>boils at 100&nbsp;°C.\n', 'x.md', 'x');
    expect(renderDeck(simple!, templates)).toContain('<p>H<sub>2</sub>O<br>boils at 100\u00a0°C.</p>');
  });

  it('should drop raw HTML such as scripts written in a lesson', () => {
    const { lesson: hostile } = parseLesson(
      '---\ntitle: T\n---\n\n# Hi\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[link](javascript:alert(3))\n',
      'x.md',
      'x',
    );
    const hostileHtml = renderDeck(hostile!, templates).replace(/<script src="reveal[^>]*><\/script>/g, '');
    expect(hostileHtml).not.toMatch(/alert\(1\)|onerror|javascript:/);
  });
});
