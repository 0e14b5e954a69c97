// Valid lessons of every shape, generated from a seed: long slides, long tables and lists, hard line breaks, images
// (sized too), columns, every block and every way of writing notes. Students' words and teachers' words come from separate word lists, so
// a leak of a note onto a student page can be told from a slide that happens to share a word with it.
import fc from 'fast-check';

const STUDENT_WORDS = (
  'river mountain harbour village treaty border summit railway winter harvest ocean island desert forest valley ' +
  'engine factory market council parliament soldier farmer teacher merchant sailor bridge castle canal tunnel ' +
  'вода город река школа 학교 바다 산맥 café naïve 1953 2024 19 June'
).split(' ');
const TEACHER_WORDS = (
  'remind pause gesture whiteboard volunteer clipboard stopwatch projector handouts seating regroup recap ' +
  'prompt scaffold misconception checkpoint exit-ticket plenary'
).split(' ');

const words = (pool: string[], min: number, max: number) =>
  fc.array(fc.constantFrom(...pool), { minLength: min, maxLength: max }).map((list) => list.join(' '));
const sentence = words(STUDENT_WORDS, 3, 14).map((text) => `${text[0].toUpperCase()}${text.slice(1)}.`);
const styled = fc.tuple(sentence, fc.constantFrom('plain', 'bold', 'emphasis', 'link')).map(([text, style]) => {
  const [first, ...rest] = text.split(' ');
  const marked = { plain: first, bold: `**${first}**`, emphasis: `_${first}_`, link: `[${first}](https://example.org/x)` }[style];
  return [marked, ...rest].join(' ');
});
const paragraph = fc.array(styled, { minLength: 1, maxLength: 8 }).map((sentences) => sentences.join(' '));
const note = words(TEACHER_WORDS, 6, 20);

const hardBreaks = fc
  .tuple(fc.array(sentence, { minLength: 2, maxLength: 9 }), fc.constantFrom('<br>', '  \n'))
  .map(([lines, mark]) => lines.join(mark === '<br>' ? '<br>' : '  \n'));
const list = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(paragraph, fc.option(fc.array(sentence, { minLength: 1, maxLength: 3 }))), { minLength: 1, maxLength: 14 }))
  .map(([ordered, items]) =>
    items
      .map(([text, nested], index) => `${ordered ? `${index + 1}.` : '-'} ${text}${nested ? `\n${nested.map((child) => `   - ${child}`).join('\n')}` : ''}`)
      .join('\n'),
  );
const table = fc
  .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 16 }))
  .chain(([columns, rows]) =>
    fc.tuple(
      fc.array(words(STUDENT_WORDS, 1, 3), { minLength: columns, maxLength: columns }),
      fc.array(fc.array(words(STUDENT_WORDS, 1, 18), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
    ),
  )
  .map(([header, rows]) => [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- |').join('')}`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n'));
const term = fc
  .tuple(words(STUDENT_WORDS, 1, 2), sentence, fc.option(sentence))
  .map(([name, definition, example]) => `- **${name}** — ${definition}${example ? ` _Example:_ ${example}` : ''}`);
const block = fc.oneof(
  fc.array(term, { minLength: 1, maxLength: 10 }).map((items) => `:::terms\n${items.join('\n')}\n:::`),
  fc
    .array(sentence, { minLength: 1, maxLength: 10 })
    .map((events) => `:::timeline\n${events.map((event, index) => `- **${1900 + index * 7}** — ${event}`).join('\n')}\n:::`),
  fc
    .array(fc.tuple(sentence, fc.option(note)), { minLength: 1, maxLength: 5 })
    .map(
      (questions) =>
        `:::questions\n${questions.map(([question, answer], index) => `${index + 1}. ${question}${answer ? `\n   _Answer:_ ${answer}` : ''}`).join('\n')}\n:::`,
    ),
  fc
    .array(fc.tuple(words(STUDENT_WORDS, 1, 3), sentence, fc.array(sentence, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 4 })
    .map(
      (roles) =>
        `:::roles\n${roles.map(([name, aim, points]) => `### ${name}\n**Aim:** ${aim}\n${points.map((point) => `- ${point}`).join('\n')}`).join('\n\n')}\n:::`,
    ),
  fc
    .tuple(
      sentence,
      fc.array(fc.tuple(words(STUDENT_WORDS, 1, 4), sentence), { minLength: 1, maxLength: 3 }),
      fc.array(fc.tuple(words(STUDENT_WORDS, 1, 4), sentence), { minLength: 1, maxLength: 3 }),
    )
    .map(
      ([motion, pros, cons]) =>
        `:::debate\n**Motion:** ${motion}\n\n### For\n${pros.map(([claim, why]) => `- **${claim}** — ${why}`).join('\n')}\n\n### Against\n${cons.map(([claim, why]) => `- **${claim}** — ${why}`).join('\n')}\n:::`,
    ),
  fc
    .tuple(words(STUDENT_WORDS, 1, 4), fc.integer({ min: 5, max: 30 }), sentence, fc.array(sentence, { minLength: 1, maxLength: 6 }))
    .map(
      ([title, minutes, description, steps]) =>
        `:::activity[${title}]{minutes=${minutes} grouping="Pairs"}\n${description}\n\n${steps.map((step, index) => `${index + 1}. ${step}`).join('\n')}\n:::`,
    ),
);
const sizedImage = fc
  .tuple(words(STUDENT_WORDS, 2, 5), fc.integer({ min: 10, max: 100 }), fc.constantFrom('%', 'px'))
  .map(([alt, size, unit]) => `![${alt}](images/cycle.png){width=${unit === 'px' ? size * 4 : size}${unit}}`);
const columnContent = fc.array(fc.oneof(paragraph, list, sizedImage), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('\n\n'));
const columns = fc
  .tuple(fc.array(columnContent, { minLength: 2, maxLength: 3 }), fc.option(fc.integer({ min: 20, max: 45 })))
  .map(
    ([texts, width]) =>
      `::::columns\n${texts.map((text, index) => `:::column${index === 0 && width ? `{width=${width}%}` : ''}\n${text}\n:::`).join('\n')}\n::::`,
  );
const content = fc.oneof(
  { arbitrary: paragraph, weight: 5 },
  { arbitrary: list, weight: 3 },
  { arbitrary: table, weight: 2 },
  { arbitrary: hardBreaks, weight: 2 },
  { arbitrary: list.map((items) => `:::incremental\n${items}\n:::`), weight: 1 },
  { arbitrary: paragraph.map((text) => `> ${text}`), weight: 1 },
  { arbitrary: words(STUDENT_WORDS, 2, 5).map((alt) => `![${alt}](images/cycle.png)`), weight: 1 },
  { arbitrary: words(STUDENT_WORDS, 1, 4).map((text) => `### ${text}`), weight: 1 },
  { arbitrary: block, weight: 2 },
  { arbitrary: columns, weight: 1 },
  { arbitrary: sizedImage, weight: 1 },
);
const notes = fc.oneof(
  note.map((text) => `Note: ${text}`),
  note.map((text) => `:::notes\n${text}\n:::`),
  fc.tuple(note, note).map(([first, second]) => `Notes: ${first}\n\n${second}`),
);
const slide = fc
  .tuple(words(STUDENT_WORDS, 1, 6), fc.array(content, { minLength: 1, maxLength: 9 }), fc.option(notes))
  .map(([title, parts, slideNotes]) => [`## ${title}`, ...parts, ...(slideNotes ? [slideNotes] : [])].join('\n\n'));

export const generatedLesson = fc
  .tuple(
    words(STUDENT_WORDS, 2, 6),
    fc.array(sentence, { maxLength: 3 }),
    fc.array(fc.tuple(words(STUDENT_WORDS, 2, 5), words(STUDENT_WORDS, 1, 2)), { maxLength: 2 }),
    fc.array(slide, { minLength: 1, maxLength: 14 }),
    fc.constantFrom('Letter', 'A4'),
  )
  .map(([title, objectives, sources, slides, pageSize]) =>
    [
      '---',
      `title: ${JSON.stringify(title)}`,
      `pageSize: ${pageSize}`,
      ...(objectives.length > 0 ? ['objectives:', ...objectives.map((objective) => `  - ${JSON.stringify(objective)}`)] : []),
      ...(sources.length > 0
        ? ['sources:', ...sources.flatMap(([name, publisher]) => [`  - title: ${JSON.stringify(name)}`, `    publisher: ${JSON.stringify(publisher)}`])]
        : []),
      '---',
      '',
      slides.join('\n\n---\n\n'),
      '',
    ].join('\n'),
  );

/** `count` lessons from `seed`: the same seed always gives the same lessons. */
export function generateLessons(seed: number, count: number): string[] {
  return fc.sample(generatedLesson, { seed, numRuns: count });
}
