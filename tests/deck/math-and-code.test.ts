import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_TEMPLATES } from '../../src/node/build-lessons.ts';
import { loadDeckTemplates } from '../../src/node/read-templates.ts';
import { renderDeck } from '../../src/deck/render-deck.ts';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { formulasOf } from '../../src/lesson/lesson-math.ts';
import { loadMath } from '../../src/math/tex-to-svg.ts';
import { prepareSpeech, speechOf } from '../../src/math/tex-to-speech.ts';
import { ROOT } from '../support/build-fixture.ts';

const templates = await loadDeckTemplates([BUNDLED_TEMPLATES]);
/** The deck as a build makes it: each formula spoken first, for its label. */
const deckOf = async (text: string) => {
  const { lesson, file } = parseLesson(text, 'lesson.md', 'math');
  expect(file.messages.filter((message) => message.fatal).map(String)).toEqual([]);
  await loadMath();
  await prepareSpeech(formulasOf(lesson!), 'en');
  return renderDeck(lesson!, templates);
};
/** What a formula says (for its label), known once it was spoken. */
const spoken = (tex: string, display = false) => {
  const speech = speechOf(tex, display, 'en');
  expect(speech, tex).toBeDefined();
  expect(speech).not.toBe(tex);
  return speech!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
};
const STEM = path.join(ROOT, 'tests', 'fixtures', 'conservation', 'stem-speed.md');
const html = await deckOf(readFileSync(STEM, 'utf8'));
const visible = html.slice(html.indexOf('<div class="slides">')).replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '');

describe('math and code on the deck', () => {
  it('should draw each formula as an SVG image labelled with what it says and titled with its TeX', () => {
    expect(visible).toMatch(new RegExp(`<span class="lectern-math"><svg [^>]*role="img" aria-label="${spoken('d = 12')}"[^>]*><title>d = 12</title><g `));
    expect(visible).toMatch(
      new RegExp(
        `<div class="lectern-math-display"><svg [^>]*role="img" aria-label="${spoken('\\bar{v} = \\frac{\\Delta s}{\\Delta t}', true)}"[^>]*><title>\\\\bar\\{v\\}`,
      ),
    );
    expect(visible).not.toContain('language-math');
    // Self-contained: shapes only, no fonts, no links, nothing loaded.
    expect(visible).not.toMatch(/<(use|image|a|font|style)\b/);
  });

  it('should keep prices as text', () => {
    expect(visible).toContain('A return ticket cost $5 and a day pass cost $12, so the pass pays off after three trips.');
    expect(visible).toContain('A ticket machine that charges $2 per zone uses the same idea.');
    expect(visible).toContain('The price of a snack from the machine went from $1.50 to $2, and a drink costs $3.');
  });

  it('should draw formulas in the speaker notes too', () => {
    const notes = html.match(/<aside class="notes">[\s\S]*?<\/aside>/g)!.join('\n');
    expect(notes).toMatch(new RegExp(`<svg [^>]*aria-label="${spoken('d = 30')}"[^>]*><title>d = 30</title>`));
  });

  it('should highlight code by its language, and leave code with an unknown or no language plain', async () => {
    expect(visible).toContain(
      '<code class="hljs language-python"><span class="hljs-keyword">def</span> <span class="hljs-title function_">average_speed</span>',
    );
    expect(visible).toContain('<span class="hljs-comment"># prints 48.0</span>');
    expect(visible).toContain('<code class="hljs language-js"><span class="hljs-keyword">const</span>');
    expect(visible).toContain('<pre><code class="hljs">speed = distance / time\n</code></pre>');
    const unknown = await deckOf('---\ntitle: Code\n---\n\n# Code\n\n```nosuchlanguage\nlet x = 1\n```\n');
    expect(unknown).toContain('<pre><code class="hljs language-nosuchlanguage">let x = 1\n</code></pre>');
  });

  it('should not let raw HTML smuggle script, links or styles in through math or code', async () => {
    const hostile = await deckOf(
      [
        '---',
        'title: Hostile',
        '---',
        '',
        '# Hostile',
        '',
        '<code class="language-math">\\href{javascript:alert(1)}{x}</code> and <code class="language-math">\\style{background:url(https://example.org/x.png)}{y}</code>',
        '',
        '<pre><code class="language-math">x<script>alert(2)</script></code></pre>',
        '',
        '<svg onload="alert(3)"><script>alert(4)</script></svg>',
        '',
        '<pre><code class="language-js" onclick="alert(5)">let a = "<img src=x onerror=alert(6)>"</code></pre>',
        '',
        'Safe: $x^2$',
      ].join('\n'),
    );
    const slide = hostile.split('<section')[2].split('</section>')[0];
    expect(slide).not.toMatch(/<script|\son\w+=|href="javascript|<img|<a [^>]*href="[^"]*\{/i);
    // Only the formulas MathJax could read with the commands offered are drawn; the others stay text.
    expect([...slide.matchAll(/<svg [^>]*><title>([^<]*)<\/title>/g)].map((match) => match[1])).toEqual(['x', 'x^2']);
    expect(slide).toContain('<code class="language-math">\\href{javascript:alert(1)}{x}</code>');
  });
});
