import { readFileSync } from 'node:fs';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLessons } from '../../src/node/build-lessons.ts';
import { blocksOf, type Lesson } from '../../src/lesson/model.ts';
import { ROOT } from '../support/build-fixture.ts';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

const ARTICLES = path.join(ROOT, 'tests', 'fixtures', 'articles');

/** Import an article with the real command, then build the draft exactly as it was written. */
async function importAndBuild(article: string, ...flags: string[]) {
  const folder = await scratchFolder();
  await cp(article, path.join(folder, path.basename(article)));
  const run = await lectern(folder, 'import', path.basename(article), ...flags);
  expect(run.code, run.stderr).toBe(0);
  const written = /^Wrote (lessons\/.+\.md):/m.exec(run.stdout)![1];
  const [result] = await buildLessons({ inputs: [written], outDir: path.join(folder, 'output'), cwd: folder });
  expect(result.file.messages.filter((message) => message.fatal).map(String)).toEqual([]);
  return { folder, stdout: run.stdout, lesson: result.lesson as Lesson, markdown: readFileSync(path.join(folder, written), 'utf8') };
}

const slideTitles = (lesson: Lesson) => lesson.slides.map((slide) => slide.title);

describe('lectern import', () => {
  it('should turn an explainer article with plain-line headings into a lesson with a slide per section', async () => {
    const { lesson, stdout } = await importAndBuild(path.join(ARTICLES, 'honeybees-explainer.txt'));
    expect(lesson.meta.title).toBe('Explained: Why Honeybees Matter to Our Food');
    // A heading straight after another one ("The Life of a Hive", then "How a Colony Is Organised") is a sub-heading:
    // the slide takes the more specific one.
    expect(slideTitles(lesson).slice(-5)).toEqual([
      'How a Colony Is Organised',
      'Making Honey',
      'Parasites and Disease',
      'Loss of Flowers',
      'What People Can Do',
    ]);
    expect(lesson.slides.length).toBe(8);
    lesson.slides.forEach((slide) => expect(slide.notes.length, slide.title).toBeGreaterThan(0));
    expect(stdout).toContain('0 glossary terms → :::terms');
  });

  it("should find a classroom article's glossary of dash lines, its activities and its quoted section", async () => {
    const { lesson, stdout } = await importAndBuild(path.join(ARTICLES, 'canals-classroom.txt'), '--title', 'The Grand Canal');
    expect(lesson.meta.title).toBe('The Grand Canal');
    const terms = blocksOf(lesson, 'terms').flatMap((block) => block.terms);
    expect(terms).toEqual([
      { term: 'Canal', definition: 'A waterway dug by people for boats to travel on.', example: 'The canal let boats carry grain far from the rivers.' },
      {
        term: 'Lock',
        definition: 'A section of a canal closed by gates, where the water level is raised or lowered.',
        example: 'The barge waited in the lock while the water rose.',
      },
      { term: 'Dynasty', definition: 'A line of rulers from the same family.', example: 'The Sui dynasty ruled China for less than forty years.' },
      { term: 'Grain', definition: 'The seeds of plants such as rice and wheat, used as food.', example: 'Boats carried grain north to feed the capital.' },
      { term: 'Merchant', definition: 'A person who buys and sells goods to make a profit.', example: 'The merchant sold silk in every town along the canal.' },
    ]);
    const activities = blocksOf(lesson, 'activity');
    expect(activities.length).toBe(5);
    expect(activities[0].title).toBe('Structured debate');
    expect(activities.map((activity) => activity.description.join(' ')).join(' ')).toContain('compare the Grand Canal with another famous canal');
    expect(slideTitles(lesson)).toContain('A Boatman Remembers');
    expect(JSON.stringify(lesson.slides.map((slide) => slide.parts))).toContain('shaped where people lived, traded and governed');
    expect(stdout).toContain('5 glossary terms → :::terms');
    expect(stdout).toContain('canals-classroom.txt:6:1: warning: The activity "Structured debate" has no time; add {minutes=…} to it.');
  });

  it('should read headings, list lines, a colon glossary and activities from an article with Windows line endings', async () => {
    const { lesson, stdout, markdown } = await importAndBuild(path.join(ARTICLES, 'volcanoes.txt'));
    expect(lesson.meta.title).toBe('How Volcanoes Shape the Land');
    expect(slideTitles(lesson)).toEqual([
      'Volcanoes are openings in the Earth’s…'.replace('’', "'"),
      'Inside a Volcano',
      'Famous Eruptions',
      'Key terms',
      'Activity: Label a diagram',
      'Activity: Poster',
    ]);
    expect(blocksOf(lesson, 'terms')[0].terms).toEqual([
      { term: 'Magma', definition: 'Melted rock below the ground.', example: 'Magma collects in a chamber under the volcano.' },
      { term: 'Lava', definition: 'Melted rock that has reached the surface.', example: 'The lava glowed red as it flowed downhill.' },
      { term: 'Crater', definition: 'The bowl-shaped opening at the top of a volcano.' },
    ]);
    expect(blocksOf(lesson, 'activity')).toEqual([
      {
        kind: 'activity',
        title: 'Label a diagram',
        grouping: 'Pairs',
        description: ['Work in pairs to label a diagram of a volcano with the words from the glossary.'],
        steps: ['Compare your labels with another pair and correct any mistakes.'],
      },
      {
        kind: 'activity',
        title: 'Poster',
        description: ['Create a poster that explains why people still live near active volcanoes.'],
        steps: ['Include at least two reasons and one risk.'],
      },
    ]);
    expect(markdown).toContain('- The largest volcano on Earth lies under the sea.');
    expect(stdout).toContain('3 glossary terms → :::terms');
  });

  it('should take a hyphen glossary only from a run of such lines, and the title from the file name when there is none', async () => {
    const { lesson, stdout } = await importAndBuild(path.join(ARTICLES, 'school-garden.txt'));
    expect(lesson.meta.title).toBe('School garden');
    expect(blocksOf(lesson, 'terms')[0].terms.map((term) => term.term)).toEqual(['Compost', 'Seedling', 'Harvest']);
    expect(JSON.stringify(lesson.slides[1].parts)).toContain(
      "keep a diary of what grows well - and what does not - so that next year's club can learn from it.",
    );
    expect(stdout).toContain('school-garden.txt: warning: No title line was found; the title "School garden" comes from the file name');
  });

  it('should refuse to overwrite a lesson and to import an empty article', async () => {
    const folder = await scratchFolder();
    await cp(path.join(ARTICLES, 'school-garden.txt'), path.join(folder, 'garden.txt'));
    expect((await lectern(folder, 'import', 'garden.txt')).code).toBe(0);
    const again = await lectern(folder, 'import', 'garden.txt');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('lectern: lessons/garden.md already exists; Lectern will not overwrite it. Use --title to choose another name.\n');
    await writeFile(path.join(folder, 'empty.txt'), '\n \n');
    expect((await lectern(folder, 'import', 'empty.txt')).stderr).toBe('lectern: The article "empty.txt" has no text to import.\n');
    expect((await lectern(folder, 'import', 'missing.txt')).stderr).toBe(
      'lectern: Cannot read "missing.txt". Give the path of a plain-text (.txt) article or a Markdown (.md) deck.\n',
    );
  });
  it("should draft a lesson from a saved news page's article, with no HTML in it and the page's byline, site and date in its sources", async () => {
    const page = path.join(ARTICLES, 'saved-news-page.html');
    const { lesson, stdout, markdown } = await importAndBuild(page);
    expect(lesson.meta.title).toBe('Floating trains: how maglev works');
    expect(lesson.meta.sources).toEqual([
      {
        title: 'Floating trains: how maglev works',
        publisher: 'The Daily Science Desk, by Mara Okafor, science reporter',
        url: 'https://news.example.org/science/2026/03/14/maglev-trains',
        date: '2026-03-14',
      },
    ]);
    // No tag, escaped tag or entity from the page.
    expect(markdown).not.toMatch(/<\/?[a-z]|\\<|&[a-z]+;|&#\d+;/i);
    // Every word of the article's paragraphs, list items and caption is in the draft (on a slide or in the notes) …
    const html = readFileSync(page, 'utf8');
    const article = /<article>([\s\S]*?)<\/article>/.exec(html)![1].replace(/<aside[\s\S]*?<\/aside>|<header>[\s\S]*?<\/header>/g, '');
    const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const draft = new Set(wordsOf(markdown));
    expect(
      [...new Set(wordsOf(article.replace(/<[^>]+>/g, ' ')))].filter((word) => !draft.has(word) && !/^(?:img|src|alt|jpg|saved|news|page|files)$/.test(word)),
    ).toEqual([]);
    // … and nothing of the page around it.
    for (const around of ['cookies', 'Subscribe', 'newsletter', 'Related stories', 'All rights reserved', 'Forgot']) expect(markdown).not.toContain(around);
    expect(stdout).toContain(": note: Dropped: the page's menus, links, forms and other text around the article");
    expect(stdout).toContain('a picture: its caption is kept as text');
  });

  it('should refuse a saved page with no article in it, saying what to do', async () => {
    const folder = await scratchFolder();
    await cp(path.join(ARTICLES, 'page-without-article.html'), path.join(folder, 'sign-in.html'));
    const run = await lectern(folder, 'import', 'sign-in.html');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"sign-in.html" is a web page with no article in it that Lectern could find. Save the page of the article itself');
  });
});
