import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLessons } from '../../src/node/build-lessons.ts';
import { detectDeck } from '../../src/import/detect-deck.ts';
import { remarkSource } from '../../src/import/dialects/remark.ts';
import { ROOT } from '../support/build-fixture.ts';
import { checkConservation, readDeck, wordsOf } from '../support/conservation.ts';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

const DECKS = path.join(ROOT, 'tests', 'fixtures', 'decks');
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPoppler) console.warn('\n  NOTICE: deck import conservation checks skipped: pdftotext (poppler-utils) is missing.\n');

type Flavour = 'marp' | 'reveal' | 'pandoc' | 'quarto' | 'gitpitch' | 'remark' | 'slidev';

interface DeckCase {
  file: string;
  flavour: Flavour;
  /** The words the report opens with. */
  found: string;
  /**
   * Slides the source tool shows, without the title slide: Marp and GitPitch cut at `---` (and `+++`), Marp also at
   * headings up to `headingDivider`; reveal.js at `---` and its vertical `----`; Pandoc at `---` and at every heading of
   * the slide level or higher (the highest level followed directly by text). When the first slide is only the deck's
   * title (a heading and a line or two), Lectern makes the title slide from the front matter instead, so that slide is
   * not counted; Pandoc's title slide comes from its metadata and is never counted. A slide with nothing on it (no
   * text, picture or notes: only settings, or two separators in a row) is a blank screen: it is dropped, reported, and
   * not counted. Every other slide the tool shows is kept, even one with only a picture or only a heading.
   */
  slides: number;
  /** Constructs the report must name as dropped or left for the teacher. */
  reported: string[];
}

const CASES: DeckCase[] = [
  {
    file: 'marp-histoire-revolution.md',
    flavour: 'marp',
    found: 'Marp deck (front matter `marp: true`, `<!-- _class -->` directives',
    slides: 4,
    reported: [
      'front matter `theme`',
      'front matter `paginate`',
      'front matter `size`',
      'front matter `footer` (its text "Lycée Victor Hugo · Histoire"',
      '`<!-- _class: lead -->`',
      '`<!-- _backgroundColor: #fff8e7 -->`',
      '`<!-- paginate: false -->`',
      '`<!-- fit -->`',
      '`<style scoped>`',
      'the image keywords `bg right:40%`',
      'the image size `w:300` on "images/tricolore.png" → `{width=300px}`',
      'the image size `width:200px` on "images/tricolore.png" → `{width=200px}`',
      'emoji shortcodes :warning: :bulb: → emoji',
    ],
  },
  {
    file: 'marp-physics-heading-divider.md',
    flavour: 'marp',
    found: 'Marp deck (front matter `marp: true`, `headingDivider` in the front matter)',
    slides: 4,
    reported: [
      'front matter `headingDivider`',
      'front matter `style`',
      'https://example.org/ramp.png is on the internet',
      '"images/missing-car.png" was not found',
    ],
  },
  {
    file: 'marp-lishi-silk-road.md',
    flavour: 'marp',
    found: 'Marp deck (front matter `marp: true`, `<!-- _class -->` directives',
    slides: 4,
    reported: [
      'the `---` right under "张骞出使西域" underlines it as a heading',
      'the HTML image `<img src="images/silk-road-map.png">` → a Markdown image (its width dropped)',
      'the HTML tags around an image',
      ':38:1: note: Dropped: an empty slide',
      '`<!-- _backgroundColor: black -->`',
    ],
  },
  {
    file: 'reveal-geologie-gesteine.md',
    flavour: 'reveal',
    found: 'reveal.js / reveal-md deck (`revealOptions` front matter',
    slides: 5,
    reported: [
      'front matter `revealOptions`',
      'front matter `theme`',
      '`data-transition="zoom"`',
      '`style="color: red"`',
      'the slide background "images/vulkan.png" → the slide\'s background picture',
      '2 vertical slides',
    ],
  },
  {
    file: 'reveal-md-tongjixue.md',
    flavour: 'reveal',
    found: 'reveal.js / reveal-md deck (`revealOptions` front matter, `<!-- .slide: -->` attributes, `Note:` speaker notes)',
    slides: 6,
    reported: [
      'the slide background "images/bell-curve.png" → the slide\'s background picture',
      'the slide background "images/dot-plot.png" → the slide\'s background picture',
      '`data-background-size="contain"`',
      'The slide background video "media/dice-roll.mp4" cannot be shown',
      'the HTML image `<img src="images/dot-plot.png">`',
    ],
  },
  {
    file: 'reveal-vertical-ciclo-agua.md',
    flavour: 'reveal',
    found: 'reveal.js / reveal-md deck (`<!-- .element: -->` attributes, `----` vertical slides',
    slides: 4,
    reported: ['2 vertical slides', 'lists shown one item at a time', ':36:1: note: Dropped: `class="fragment"` on something that is not a list item'],
  },
  {
    file: 'pandoc-statistics-mean.md',
    flavour: 'pandoc',
    found: 'Pandoc deck (a `%` title block, `::: notes` blocks',
    slides: 6,
    reported: [
      'the image size `width=50%` on "images/histogram.png" → `{width=50%}`',
      '`::: {.columns}` → `::::columns`',
      'The date "Spring term 2025" is not written YYYY-MM-DD',
    ],
  },
  {
    file: 'pandoc-philosophie-beamer.md',
    flavour: 'pandoc',
    found: 'Pandoc deck (Beamer `\\note{}`',
    slides: 3,
    reported: [
      'front matter `output`',
      'front matter `aspectratio`',
      'front matter `header-includes`',
      '`\\pause`',
      'The LaTeX `tabular` environment',
      'The date "im Herbst 2024"',
    ],
  },
  {
    file: 'pandoc-biologia-cellula.md',
    flavour: 'pandoc',
    found: 'Pandoc deck (`::: notes` blocks, `::: {.columns}` blocks',
    slides: 7,
    reported: ['slides start at headings of level 3', 'the slide headings (###) → `##` slide titles', 'front matter `slide-level`', '`::: {.columns}`'],
  },
  {
    file: 'gitpitch-python-loops.md',
    flavour: 'gitpitch',
    found: 'GitPitch deck (`+++` separators',
    slides: 4,
    reported: [
      '`@snap[north span-100]`',
      '`@snapend`',
      '`?size=`',
      '`@fa[check]`',
      '`@css[…]`',
      "the `?image=images/loop-diagram.png` background → the slide's background picture",
    ],
  },
  {
    file: 'gitpitch-matematica-fracoes.md',
    flavour: 'gitpitch',
    found: 'GitPitch deck (`+++` separators, `---?image=` backgrounds, `@[1-3](…)` code steps',
    slides: 5,
    reported: ['`@title[Capa]`', 'the `?image=images/pizza.png` background', '`?position=`, `?size=`', '`?color=`', '`@fa[pencil]`', 'the GitPitch `@ul` list'],
  },
  {
    file: 'gitpitch-fizyka-planety.md',
    flavour: 'gitpitch',
    found: 'GitPitch deck (`+++` separators, `---?image=` backgrounds, `@[1-3](…)` code steps)',
    slides: 5,
    reported: ['the `?image=images/saturn.png` background', '`?include=slides/quiz.md`', 'lists shown one item at a time'],
  },
  {
    // Quarto cuts no slide at a heading inside a block (the callout's `## Remember`).
    file: 'quarto-science-ecosystems.qmd',
    flavour: 'quarto',
    found: 'Quarto deck (a Quarto document (`.qmd`), `. . .` pauses, `::: {.callout-…}` callouts',
    slides: 4,
    reported: [
      'a `. . .` step: its text is shown',
      'the callout `.callout-tip` → its title in bold',
      '`::: {.fragment}`',
      'the heading attributes `{.smaller}`',
    ],
  },
  {
    file: 'quarto-storia-roma.qmd',
    flavour: 'quarto',
    found: 'Quarto deck (a Quarto document (`.qmd`), `. . .` pauses',
    slides: 3,
    reported: [
      'the `. . .` steps between list items → a list revealed one item at a time',
      'the callout `.callout-warning`',
      'the slide background "images/cave.png" → the slide\'s background picture',
      'the heading attributes `{.scrollable}`',
    ],
  },
  {
    // remark.js shows 8 slides here: a layout slide and an excluded one are not shown, `--` steps are one slide.
    file: 'remark-biology-photosynthesis.md',
    flavour: 'remark',
    found: 'remark.js deck (`???` speaker notes, `--` steps, slide properties',
    slides: 5,
    reported: [
      'the slide property `class: center, middle`',
      'a layout slide (`layout: true`): its text "Biology · Year 8" was shown on every slide after it',
      'a slide marked `exclude: true`',
      'the `--` steps between list items → a list revealed one item at a time',
      "the `background-image: url(images/forest.png)` slide property → the slide's background picture",
      'the content classes `.left-column[…]` and the one beside it → `::::columns`',
      'the content class `.footnote[…]`',
    ],
  },
  {
    file: 'remark-geografia-rios.html',
    flavour: 'remark',
    found: 'remark.js deck (a remark.js page: the slides of its `<textarea id="source">`)',
    slides: 3,
    reported: ['the slide property `class: middle`', 'the `--` steps between list items'],
  },
  {
    // Slidev: each slide's settings sit between two `---` lines, and the separator before them cuts no slide of its own.
    file: 'slidev-history-printing.md',
    flavour: 'slidev',
    found: 'Slidev deck (slide settings between `---` lines, `<v-click>` steps, `::right::` slots',
    slides: 5,
    reported: [
      'the slide setting `layout: center`',
      'the slide setting `transition: fade-out`',
      '`<v-clicks>` → a list revealed one item at a time',
      'the `layout: two-cols` → `::::columns`',
      'the slide setting `image: images/press.png` → a picture on the slide, after its text',
      'front matter `highlighter`',
    ],
  },
  {
    file: 'slidev-mathe-brueche.md',
    flavour: 'slidev',
    found: 'Slidev deck (slide settings between `---` lines, `<v-click>` steps, `::right::` slots',
    slides: 4,
    reported: [
      '`<div v-click>`',
      'the `layout: two-cols-header` → `::::columns`',
      'the slide setting `clicks: 2`',
      'a `<style>` block',
      'The image https://cover.sli.dev is on the internet: a placeholder',
    ],
  },
];

const MARP_DIRECTIVE = /^\s*(?:_?[A-Za-z]+\s*:[^\n]*\n?\s*)+$|^\s*fit\s*$/;

/** The source's speaker notes, read the way each tool reads them. */
function sourceNotes(text: string, flavour: Flavour): string[] {
  const notes: string[] = [];
  if (flavour === 'marp') for (const [, content] of text.matchAll(/<!--([\s\S]*?)-->/g)) if (!MARP_DIRECTIVE.test(content)) notes.push(content);
  if (flavour === 'reveal' || flavour === 'gitpitch')
    for (const [, note] of text.matchAll(/^notes?:([\s\S]*?)(?=^(?:---|----|\+\+\+)(?:\?.*)?$|(?![\s\S]))/gim)) notes.push(note);
  if (flavour === 'gitpitch') for (const [, note] of text.matchAll(/^@\[[^\]]*\]\((.*)\)$/gm)) notes.push(note);
  if (flavour === 'quarto') for (const [, note] of text.matchAll(/^::: \{\.notes\}\n([\s\S]*?)^:::$/gm)) notes.push(note);
  if (flavour === 'pandoc') {
    for (const [, note] of text.matchAll(/^::: notes\n([\s\S]*?)^:::$/gm)) notes.push(note);
    for (const [, note] of text.matchAll(/\\note\{([^}]*)\}/g)) notes.push(note);
  }
  // remark.js: from `???` to the slide's next step (`--`) or slide (`---`).
  if (flavour === 'remark') for (const [, note] of text.matchAll(/^\?\?\?$([\s\S]*?)(?=^--+$|(?![\s\S]))/gm)) notes.push(note);
  if (flavour === 'slidev') for (const [, content] of text.matchAll(/<!--([\s\S]*?)-->/g)) notes.push(content.replace(/^\s*\[click(?::\d+)?\]/gm, ''));
  return notes.map((note) => note.trim()).filter(Boolean);
}

/** The deck's Markdown: a remark.js page's is in its `<textarea id="source">`. */
const deckText = (file: string) => {
  const text = readFileSync(path.join(DECKS, file), 'utf8');
  return file.endsWith('.html') ? remarkSource(text)! : text;
};

/** remark.js and Slidev slides students never see: a remark layout or excluded slide; Slidev's slide settings. */
function withoutHiddenSlides(text: string, flavour: Flavour): string {
  if (flavour === 'remark')
    return text
      .split(/^---$/m)
      .filter((slide) => !/^\s*(?:[\w-]+:.*\n)*(?:layout|exclude): true$/m.test(slide))
      .map((slide) => slide.replace(/^\s*(?:[\w-]+:.*\n)+/, '\n'))
      .join('\n---\n');
  if (flavour === 'slidev') return text.replace(/^---\n(?:[\w-]+:.*\n|[ \t]+.*\n)+---$/gm, '---').replace(/^```yaml\n[\s\S]*?^```$/gm, ' ');
  return text;
}

/** What the source shows students: its text without settings, notes, styles, images, attributes and markup commands. */
function sourceVisibleText(text: string, flavour: Flavour): string {
  let visible = withoutHiddenSlides(text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^%.*$/gm, ''), flavour);
  for (const note of sourceNotes(text, flavour)) visible = visible.replace(note, ' ');
  return visible
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/^(?:---|\+\+\+)\?.*$/gm, ' ')
    .replace(/^@\[[^\]]*\]\(.*\)$/gm, ' ')
    .replace(/@\w+\[[^\]]*\]|@snapend|^\s*@(?:ul|ol)(?:end)?\b.*$/gm, ' ')
    .replace(/^\s*\d+[.)]\s/gm, ' ')
    .replace(/^(`{3,}|~{3,})\S+/gm, '$1')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/\\[A-Za-z]+/g, ' ')
    .replace(/:[a-z_+]+:/g, ' ')
    .replace(/^notes?:/gim, ' ')
    .replace(/^:::.*$/gm, ' ')
    .replace(/^\s*\.[a-z][\w-]*\[\s*$|^\s*\]\s*$|^--$|^::\s*[\w-]+\s*::$|^\. \. \.$/gm, ' ')
    .replace(/\.[a-z][\w-]*\[([^\][]*)\]/g, '$1');
}

/** Import a fixture deck with the real command, into a fresh folder, and build the draft as it was written. */
async function importAndBuild(deck: DeckCase) {
  const folder = await scratchFolder();
  await cp(DECKS, path.join(folder, 'decks'), { recursive: true });
  const run = await lectern(folder, 'import', path.join('decks', deck.file));
  expect(run.code, run.stderr).toBe(0);
  const written = /^Wrote (lessons\/.+\.md) /m.exec(run.stdout)![1];
  const outDir = path.join(folder, 'output');
  const [result] = await buildLessons({ inputs: [written], outDir, cwd: folder });
  const problems = result.file.messages.filter((message) => message.fatal !== undefined && message.fatal !== null).map(String);
  return { folder, stdout: run.stdout, result, problems, lessonFile: path.join(folder, written), output: path.join(outDir, result.slug) };
}

describe('lectern import of slide decks', () => {
  it('should tell a deck from a plain-text article', () => {
    expect(detectDeck('Volcanoes are openings in the Earth.\n\nMagma rises from below.\n')).toBeUndefined();
    expect(detectDeck('---\nmarp: true\n---\n\n# Hello\n')?.flavour).toBe('marp');
    expect(detectDeck('# One\n\nText.\n\n---\n\n# Two\n\nNote: say hello\n')?.flavour).toBe('reveal');
    expect(detectDeck('% Title\n% Author\n\n## Slide\n\nText\n')?.flavour).toBe('pandoc');
    expect(detectDeck('# One\n\n+++\n\n# Two\n')?.flavour).toBe('gitpitch');
    expect(detectDeck('class: center, middle\n\n# One\n\n???\n\nSay hello.\n\n---\n\n# Two\n\n- a\n--\n- b\n')?.flavour).toBe('remark');
    expect(detectDeck('# One\n\n---\nlayout: two-cols\n---\n\n# Two\n\nLeft\n\n::right::\n\nRight\n')?.flavour).toBe('slidev');
    // A Marp deck's own settings are not taken for another tool's.
    expect(detectDeck('---\nmarp: true\ntheme: gaia\nclass: lead\n---\n\n# One\n\n---\n\n# Two\n')?.flavour).toBe('marp');
  });

  for (const deck of CASES) {
    it(`should import ${deck.file} into a lesson that builds, with every word and note where it belongs`, async () => {
      const { stdout, problems, lessonFile, output } = await importAndBuild(deck);
      expect(problems, stdout).toEqual([]);
      expect(stdout).toContain(`decks/${deck.file}: ${deck.found}`);
      for (const construct of deck.reported) expect(stdout, construct).toContain(construct);

      const source = deckText(deck.file);
      const slides = readDeck(await readFile(path.join(output, 'index.html'), 'utf8'));
      expect(slides.filter((slide) => !slide.classes.includes('lectern-title')).length).toBe(deck.slides);

      const shown = new Set(wordsOf(slides.map((slide) => slide.visible).join(' ')));
      const lost = [...new Set(wordsOf(sourceVisibleText(source, deck.flavour)))].filter((word) => !shown.has(word));
      expect(lost, 'words of the source missing from the deck').toEqual([]);

      const notes = sourceNotes(source, deck.flavour);
      expect(notes.length).toBeGreaterThan(0);
      const deckNotes = new Set(wordsOf(slides.map((slide) => slide.notes).join(' ')));
      for (const note of notes)
        expect(
          wordsOf(note).filter((word) => !deckNotes.has(word)),
          note,
        ).toEqual([]);

      if (!hasPoppler) return;
      const teacher = new Set(wordsOf(execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(output, 'teacher-edition.pdf'), '-'], { encoding: 'utf8' })));
      for (const note of notes)
        expect(
          wordsOf(note).filter((word) => !teacher.has(word)),
          note,
        ).toEqual([]);
      const conservation = await checkConservation(lessonFile, output);
      expect(conservation.problems).toEqual([]);
      expect(conservation.counted.notes).toBeGreaterThanOrEqual(notes.length);
    });
  }

  it('should never show students, unannounced, what another tool takes for speaker notes', async () => {
    const folder = await scratchFolder();
    await writeFile(
      path.join(folder, 'mixed.md'),
      '# Rivers\n\nWater runs downhill.\n\n???\nAsk who lives near a river.\n\n---\n\n# Deltas\n\nNote: the Nile delta is a good example.\n\nMud settles at the mouth.\n',
    );
    const run = await lectern(folder, 'import', 'mixed.md');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('mixed.md:5:1: note: Converted: `???` (speaker notes in remark.js) → the rest of the slide is speaker notes.');
    const lesson = await readFile(path.join(folder, 'lessons', 'rivers.md'), 'utf8');
    const notes = [...lesson.matchAll(/^:::notes\n([\s\S]*?)^:::$/gm)].map((match) => match[1]).join('\n');
    const shown = lesson.replace(/^:::notes\n[\s\S]*?^:::$/gm, '');
    expect(notes).toContain('Ask who lives near a river.');
    // A deck cut at `---` is read as reveal.js reads it: `Note:` starts the slide's notes.
    expect(notes).toContain('the Nile delta is a good example.');
    expect(shown).not.toMatch(/Ask who lives|Nile/);
    expect(shown).toContain('# Deltas');
  });

  it("should list a `Note:` line that its deck's tool shows to students, for the teacher to decide", async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'marp.md'), '---\nmarp: true\n---\n\n# Rivers\n\nWater runs downhill.\n\nNote: bring the map of the Nile.\n');
    const run = await lectern(folder, 'import', 'marp.md');
    expect(run.stdout).toContain('marp.md:9:1: warning: The line "Note: bring the map of the Nile." is shown to students, as Marp shows it');
    expect(run.stdout).toMatch(/^Wrote lessons\/rivers\.md \(1 slide, 0 images copied\): 0 errors, 2 warnings\.$/m);
  });

  it('should read a front matter closed by a longer line of dashes, and keep the first slide', async () => {
    const folder = await scratchFolder();
    await writeFile(
      path.join(folder, 'volcanoes.md'),
      '---\n\nmarp: true\ntitle: Volcanoes\n----------\n\n# What is a volcano?\n\nAn opening in the crust.\n\n---\n\n# Lava\n\nHot rock that flows.\n',
    );
    const run = await lectern(folder, 'import', 'volcanoes.md');
    expect(run.stdout).toContain('Wrote lessons/volcanoes.md (2 slides');
    const lesson = await readFile(path.join(folder, 'lessons', 'volcanoes.md'), 'utf8');
    expect(lesson).toMatch(/^---\ntitle: Volcanoes\n/);
    expect(lesson).toContain('# What is a volcano?\n\nAn opening in the crust.');
  });

  it('should draft a deck whose pictures are all missing into a lesson that builds, a placeholder for each picture', async () => {
    const folder = await scratchFolder();
    await writeFile(
      path.join(folder, 'lost.md'),
      [
        '# Volcanoes',
        '',
        '---',
        '',
        '<!-- .slide: data-background-image="img/missing-bg.png" -->',
        '',
        '## Lava',
        '',
        'Hot rock.',
        '',
        '---',
        '',
        '## Ash',
        '',
        '![An ash cloud](../elsewhere/ash.png)',
        '',
        '<img src="../pics/cloud.jpg" alt="A cloud">',
        '',
        '![Etna erupting](https://example.org/etna.jpg)',
        '',
        '---',
        '',
        '<!-- .slide: data-background="pics/sky.jpg" -->',
        '',
        'Note: the sky after an eruption',
        '',
      ].join('\n'),
    );
    const run = await lectern(folder, 'import', 'lost.md');
    expect(run.code, run.stderr).toBe(0);
    const written = /^Wrote (lessons\/.+\.md) /m.exec(run.stdout)![1];
    const [result] = await buildLessons({ inputs: [written], outDir: path.join(folder, 'output'), cwd: folder });
    expect(result.file.messages.filter((message) => message.fatal).map(String)).toEqual([]);
    const lesson = await readFile(path.join(folder, written), 'utf8');
    for (const picture of ['img/missing-bg.png', '../elsewhere/ash.png', '../pics/cloud.jpg', 'https://example.org/etna.jpg', 'pics/sky.jpg']) {
      expect(lesson, picture).toContain(`${picture}`);
      expect(
        lesson.split('\n').find((line) => line.includes(picture)),
        picture,
      ).toMatch(/^\[Picture to add/);
      expect(run.stdout, picture).toMatch(new RegExp(`lost\\.md:\\d+:1: warning: The image "?${picture.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    }
  });

  it('should never overwrite a lesson it wrote before', async () => {
    const folder = await scratchFolder();
    await cp(DECKS, path.join(folder, 'decks'), { recursive: true });
    expect((await lectern(folder, 'import', 'decks/gitpitch-python-loops.md')).code).toBe(0);
    const again = await lectern(folder, 'import', 'decks/gitpitch-python-loops.md');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists; Lectern will not overwrite it.');
  });
});
