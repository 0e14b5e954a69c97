import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_TEMPLATES } from '../../src/node/build-lessons.ts';
import { loadDeckTemplates } from '../../src/node/read-templates.ts';
import { renderDeck } from '../../src/deck/render-deck.ts';
import { deckSlideCount } from '../../src/lesson/model.ts';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { loadPrintTemplates } from '../../src/node/read-templates.ts';
import { typesetPrintables } from '../../src/print/typeset-lesson-printables.ts';
import { announceSeed, propertyRuns } from '../support/seed.ts';

const templates = await loadDeckTemplates([BUNDLED_TEMPLATES]);
const printTemplates = await loadPrintTemplates([BUNDLED_TEMPLATES]);

const word = fc.constantFrom(
  'water',
  'Путин',
  '김정은',
  'café',
  '**bold**',
  '_it_',
  '`code`',
  '[link](https://x.org)',
  '<b>b</b>',
  '<script>x()</script>',
  ':name',
  '3:30',
  '—',
  '|',
  '"',
  '#',
  '\\',
  '🙂',
  '\t',
  '',
  '::: ',
  'Note:',
  '_Example:_',
  '_Answer:_',
);
const text = fc
  .array(fc.oneof(word, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 12 })
  .map((words) => words.join(' '));
const line = text.map((value) => value.replace(/\n/g, ' '));

const listOf = (item: fc.Arbitrary<string>) => fc.array(item, { minLength: 0, maxLength: 4 }).map((items) => items.map((value) => `- ${value}`).join('\n'));
const labelled = fc.tuple(line, line, fc.option(line)).map(([label, body, extra]) => `**${label}** — ${body}${extra === null ? '' : ` _Example:_ ${extra}`}`);

const block = fc.oneof(
  fc.tuple(fc.constantFrom('terms', 'timeline'), listOf(fc.oneof(labelled, line))).map(([name, items]) => `:::${name}\n${items}\n:::`),
  fc
    .tuple(line, listOf(labelled), listOf(labelled), listOf(fc.tuple(line, fc.nat(30)).map(([stage, minutes]) => `**${stage}** — ${minutes}`)))
    .map(([motion, pros, cons, timing]) => `:::debate\n**Motion:** ${motion}\n\n### For\n${pros}\n\n### Against\n${cons}\n\n### Timing\n${timing}\n:::`),
  fc
    .array(fc.tuple(line, line, listOf(line)), { maxLength: 3 })
    .map((roles) => `:::roles\n${roles.map(([name, aim, points]) => `### ${name}\n**Aim:** ${aim}\n${points}`).join('\n\n')}\n:::`),
  fc
    .array(fc.tuple(line, fc.option(line)), { maxLength: 3 })
    .map(
      (questions) =>
        `:::questions\n${questions.map(([question, answer], index) => `${index + 1}. ${question}${answer === null ? '' : `\n   _Answer:_ ${answer}`}`).join('\n')}\n:::`,
    ),
  fc
    .tuple(line, fc.oneof(fc.nat(120).map(String), line), line, listOf(line))
    .map(
      ([title, minutes, grouping, steps]) => `:::activity[${title}]{minutes=${JSON.stringify(minutes)} grouping=${JSON.stringify(grouping)}}\n${steps}\n:::`,
    ),
  fc.tuple(fc.constantFrom('notes', 'incremental', 'termz', 'Terms', 'x'), listOf(line)).map(([name, items]) => `:::${name}\n${items}\n:::`),
);

const fragment = fc.oneof(
  line.map((value) => `# ${value}`),
  line.map((value) => `## ${value}`),
  text,
  listOf(line),
  fc.tuple(line, line).map(([a, b]) => `| ${a} | ${b} |\n| --- | --- |\n| ${b} | ${a} |`),
  line.map((value) => `> ${value}`),
  line.map((value) => `\`\`\`\n${value}\n---\n\`\`\``),
  fc.constantFrom(
    '![a map](map.png)',
    '![](../x.png)',
    '![x](https://example.org/x.png)',
    '<img src="/etc/x.png">',
    '<!-- a comment -->',
    '***',
    ':::',
    '::: terms',
  ),
  line.map((value) => `Note: ${value}`),
  block,
);

const frontMatter = fc.oneof(
  { arbitrary: line.map((title) => `---\ntitle: ${JSON.stringify(title || 'A lesson')}\nduration: 45\n---\n`), weight: 4 },
  fc
    .record(
      {
        title: fc.oneof(line, fc.constant(''), fc.integer().map(String)),
        duration: fc.oneof(fc.nat(200).map(String), line),
        grade: fc.oneof(fc.nat(12).map(String), line),
        theme: fc.constantFrom('white', 'black', 'serif', 'neon', ''),
        pageSize: fc.constantFrom('A4', 'Letter', 'A5'),
        objectives: fc.array(line, { maxLength: 3 }).map((items) => `\n${items.map((item) => `  - ${JSON.stringify(item)}`).join('\n')}`),
        objective: line,
        date: fc.constantFrom('2024-06-20', 'June', '2024-13-45'),
      },
      { requiredKeys: [] },
    )
    .map(
      (record) =>
        `---\n${Object.entries(record)
          .map(([key, value]) => `${key}: ${key === 'objectives' ? value : JSON.stringify(value)}`)
          .join('\n')}\n---\n`,
    ),
  fc.constantFrom('', '---\ntitle: [broken\n---\n', '---\n---\n', 'title: no fences\n', '---\ntitle: Unclosed\n'),
);

const lessonText = fc
  .tuple(
    frontMatter,
    fc.array(
      fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join('\n\n')),
      { maxLength: 6 },
    ),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([head, slides, newline]) => `${head}\n${slides.join('\n\n---\n\n')}\n`.replace(/\n/g, newline));

announceSeed('Random lessons');

describe('random lessons', () => {
  it('should always end in a lesson model or in errors that each name a line and column', () => {
    fc.assert(
      fc.property(lessonText, (source) => {
        const { lesson, file } = parseLesson(source, 'random.md', 'random');
        const errors = file.messages.filter((message) => message.fatal);
        for (const message of file.messages) {
          expect(message.line, String(message)).toBeGreaterThanOrEqual(1);
          expect(message.column, String(message)).toBeGreaterThanOrEqual(1);
        }
        if (!lesson) expect(errors.length).toBeGreaterThan(0);
        else {
          expect(errors).toEqual([]);
          const html = renderDeck(lesson, templates);
          expect(html.match(/<section[\s>]/g)!.length).toBe(deckSlideCount(lesson));
        }
      }),
      propertyRuns(300),
    );
  });

  it('should typeset a slide whose list has an empty item (found by the property below)', async () => {
    const { lesson } = parseLesson('---\ntitle: "A lesson"\n---\n\n- \n- Second item\n', 'empty-item.md', 'empty-item');
    const { files } = await typesetPrintables(lesson!, new Map(), printTemplates);
    expect(files.map(([name]) => name)).toContain('slides-handout.pdf');
  });

  it('should typeset printables for every random lesson that parses', async () => {
    const TYPESET = 15;
    let typeset = 0;
    await fc.assert(
      fc.asyncProperty(lessonText, async (source) => {
        const { lesson } = parseLesson(source, 'random.md', 'random');
        // Only lessons that parse are typeset: fast-check draws others in their place (and fails, with the seed, when
        // too few parse), so every run typesets the same number of lessons.
        fc.pre(lesson !== undefined);
        const { files } = await typesetPrintables(lesson!, new Map(), printTemplates);
        expect(files.length).toBeGreaterThan(0);
        for (const [, data] of files) expect(Buffer.from(data).subarray(0, 5).toString()).toBe('%PDF-');
        typeset++;
      }),
      propertyRuns(TYPESET),
    );
    expect(typeset).toBe(TYPESET);
  });
});
