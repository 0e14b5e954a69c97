// The data print templates see: the lesson's text made ready for Markdown, the shuffles of the quizzes and their keys.
import { hasMathText, mathPieces } from '../lesson/inline-math-text.ts';
import { dateInLanguage } from '../labels/lesson-date.ts';
import { lessonLanguage } from '../lesson/lesson-language.ts';
import type { LabelName } from '../labels/english.ts';
import type { LabelValues } from '../labels/label-text.ts';
import { label, type LessonLabels } from '../labels/lesson-labels.ts';
import type { Heading, RootContent } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { SKIP, visit } from 'unist-util-visit';
import { generatedNotes } from '../lesson/generated-notes.ts';
import {
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
  blocksOf,
  columnWidths,
  markdownNodesOf,
  type Block,
  type ImageSize,
  type Lesson,
  type SlidePart,
} from '../lesson/model.ts';
import type { FragmentTable } from './print-fragments.ts';
import { seededShuffle } from './seeded-shuffle.ts';
import { mapDirective, timelineDirective } from './drawing-directives.ts';

/** A lesson block's text (inline-math-text.ts) for print Markdown: its words escaped, each formula as `$tex$`. */
export function mdMath(text: string): string {
  if (!hasMathText(text)) return md(text);
  return mathPieces(text)
    .map((piece) => ('tex' in piece ? `$${piece.tex}$` : md(piece.text)))
    .join('');
}

/** Text from a lesson, escaped so that Markdown prints it exactly as written. */
export function md(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#|~:&!$]/g, (character) => `\\${character}`)
    .replace(/^([+-])(\s)/, '\\$1$2')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/\s*\n\s*/g, ' ');
}

function printSize(size: ImageSize): string {
  const share = (value: number) => `${Math.round(value * 100) / 100}%`;
  const options = [
    size.width && `width=${share(size.width.unit === '%' ? size.width.value : (size.width.value / SLIDE_WIDTH) * 100)}`,
    size.height && `height=${share(size.height.unit === '%' ? size.height.value : (size.height.value / SLIDE_HEIGHT) * 100)}`,
  ];
  return `{${options.filter(Boolean).join(' ')}}`;
}

/** Nodes whose children are phrasing content: raw HTML inside them is inline. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link']);

/**
 * Lesson Markdown made ready for paper, as the nodes a print template's Markdown would be parsed into:
 * - a lesson block written inside speaker notes (after `Note:`) is teacher text like the rest of the notes and prints as
 *   its content (left as `:::terms`, it would reach the print templates as a directive they do not know);
 * - raw HTML prints as the text it shows in the deck (`<p>Change the backgrounds!</p>` would otherwise be lost on
 *   paper); a `<br>` stays a line break;
 * - a sized picture alone in its paragraph keeps its size as a share of the width there is (`{width=31.25%}` after it);
 * - text beside text is one text, as parsing would make it.
 */
function printNodes(nodes: RootContent[], inline = false): RootContent[] {
  const printed = nodes.flatMap((node): RootContent[] => {
    if (node.type === 'containerDirective') return printNodes(node.children as RootContent[]);
    if (node.type === 'html') {
      if (/^<br\s*\/?>$/i.test(node.value.trim())) return [node];
      const text = htmlText(node.value);
      if (text === '') return [];
      return inline ? [{ type: 'text', value: text }] : [{ type: 'paragraph', children: [{ type: 'text', value: text }] }];
    }
    if ('children' in node && Array.isArray(node.children)) {
      const children = printNodes(node.children as RootContent[], PHRASING_PARENTS.has(node.type));
      const [image] = children;
      const size = image?.type === 'image' && children.length === 1 && node.type === 'paragraph' ? image.data?.size : undefined;
      return [{ ...node, children: size ? [image, { type: 'text', value: printSize(size) }] : children } as RootContent];
    }
    return [node];
  });
  return inline ? joinTexts(printed) : printed;
}

function joinTexts(nodes: RootContent[]): RootContent[] {
  const joined: RootContent[] = [];
  for (const node of nodes) {
    const last = joined.at(-1);
    if (node.type === 'text' && node.value === '') continue;
    // Texts join unless one is a passage marked in another language (`[Guten Tag]{lang=de}`).
    if (node.type === 'text' && last?.type === 'text' && last.data?.lang === node.data?.lang)
      joined[joined.length - 1] = { ...last, value: last.value + node.value };
    else joined.push(node);
  }
  return joined;
}

/** The text an HTML fragment shows: its text nodes, without scripts and styles, white space folded. */
function htmlText(html: string): string {
  const parts: string[] = [];
  visit(fromHtml(html, { fragment: true }), (node) => {
    if (node.type === 'element' && ['script', 'style', 'template', 'noscript'].includes(node.tagName)) return SKIP;
    if (node.type === 'text') parts.push(node.value);
    return undefined;
  });
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Slide headings become sub-headings (`###`) under a printable's own section headings. */
function shiftHeadings(nodes: RootContent[], depth: (heading: Heading) => Heading['depth']): RootContent[] {
  return nodes.map((node) => (node.type === 'heading' ? { ...node, depth: depth(node) } : node));
}

/** Marks where a term was taken out of its example sentence (any character that cannot occur in lesson text). */
const GAP = '\uE000';

/** A lesson block as students see it on the slide (never a model answer): every word of the deck's block partial. */
function blockSummary(block: Block, labels: LessonLabels): string {
  const t = (name: LabelName, values?: LabelValues) => label(labels, name, values);
  switch (block.kind) {
    case 'terms':
      return block.terms
        .map(
          (term) =>
            `- ${t('text.labelled', { label: `**${mdMath(term.term)}**`, text: mdMath(term.definition) })}${term.example ? ` _${mdMath(term.example)}_` : ''}`,
        )
        .join('\n');
    case 'timeline':
      return timelineDirective(block.events);
    case 'debate':
      return [
        `**${md(t('debate.motion'))}** ${mdMath(block.motion)}`,
        '',
        ...block.for.map((a) => `- ${t('debate.claimFor', { claim: `**${mdMath(a.claim)}**` })}${a.point ? ` — ${mdMath(a.point)}` : ''}`),
        ...block.against.map((a) => `- ${t('debate.claimAgainst', { claim: `**${mdMath(a.claim)}**` })}${a.point ? ` — ${mdMath(a.point)}` : ''}`),
      ].join('\n');
    case 'roles':
      return block.roles
        .map((role) =>
          role.aim
            ? `- ${t('text.labelled', { label: `**${mdMath(role.name)}**`, text: `${md(t('roles.aim'))} ${mdMath(role.aim)}` })}`
            : `- **${mdMath(role.name)}**`,
        )
        .join('\n');
    case 'questions':
      return block.questions.map((question, index) => `${index + 1}. ${mdMath(question.question)}`).join('\n');
    case 'activity': {
      const details = [block.minutes && t('lesson.minutes', { count: block.minutes }), block.grouping].filter(Boolean).join(' · ');
      return [
        `**${mdMath(block.title)}**${details ? ` _(${mdMath(details)})_` : ''}`,
        ...block.description.map((paragraph) => `\n${mdMath(paragraph)}`),
        '',
        ...block.steps.map((step, index) => `${index + 1}. ${mdMath(step)}`),
      ].join('\n');
    }
    case 'map':
      return mapDirective(block);
  }
}

function partMarkdown(part: SlidePart, fragments: FragmentTable, labels: LessonLabels): string {
  if (part.kind === 'markdown') return fragments.add(printNodes(shiftHeadings(part.nodes, () => 4)));
  if (part.kind === 'columns') {
    const widths = columnWidths(part).map((width) => Math.round(width * 100) / 100);
    const columns = part.columns.map((column, index) => fragments.add(printNodes(shiftHeadings(sizedForColumn(column.nodes, widths[index]), () => 4))));
    return [`::columns{widths="${widths.join(',')}"}`, columns.join('\n\n::column-break\n\n'), '::columns-end'].join('\n\n');
  }
  return blockSummary(part, labels);
}

/**
 * A slide part's Markdown as the handout reads it: columns one after another, each image in a column keeping the width
 * it had on the slide (`{width=90%}` of a 60% column is 54% of the page).
 */
function readingNodes(part: SlidePart): RootContent[] {
  if (part.kind !== 'columns') return markdownNodesOf(part) ?? [];
  const widths = columnWidths(part);
  return part.columns.flatMap((column, index) => {
    const nodes = structuredClone(column.nodes);
    visit({ type: 'root', children: nodes }, 'image', (image) => {
      const width = image.data?.size?.width;
      if (width?.unit === '%') image.data = { ...image.data, size: { ...image.data!.size, width: { value: (width.value * widths[index]) / 100, unit: '%' } } };
    });
    return nodes;
  });
}

/**
 * On paper a column's pictures are measured against the column, so sizes that the slide measures against the whole
 * slide (pixels, and any height) become shares of the column: 300px in a 50% column is 62.5% of the column.
 */
function sizedForColumn(nodes: RootContent[], share: number): RootContent[] {
  const copy = structuredClone(nodes);
  visit({ type: 'root', children: copy }, 'image', (image) => {
    const size = image.data?.size;
    if (!size || share <= 0) return;
    const ofSlide = (value: number, whole: number, unit: '%' | 'px') => ((unit === '%' ? value : (value / whole) * 100) * 100) / share;
    image.data = {
      ...image.data,
      size: {
        ...(size.width && { width: size.width.unit === '%' ? size.width : { value: ofSlide(size.width.value, SLIDE_WIDTH, 'px'), unit: '%' } }),
        ...(size.height && { height: { value: ofSlide(size.height.value, SLIDE_HEIGHT, size.height.unit), unit: '%' } }),
      },
    };
  });
  return copy;
}

/**
 * A slide's background picture: a slide box draws it faded behind the slide's text (`background=yes`); anywhere else a
 * template puts the slide, it is a band above the text. It only decorates.
 */
function backgroundMarkdown(path: string | undefined, alt: string): string[] {
  return path ? [`![${md(alt)}](<${path.replace(/[<>]/g, '')}>){height=30% caption=no decorative=yes background=yes}`] : [];
}

/**
 * What print templates see of a lesson. The lesson's own Markdown (the reading, each slide's visible part, its notes) is
 * a marker of `fragments` that the typesetter replaces with the parsed nodes (print-fragments.ts).
 */
export function printView(lesson: Lesson, fragments: FragmentTable) {
  const { meta } = lesson;
  const seed = `${lesson.slug}\n${meta.title}`;
  const terms = blocksOf(lesson, 'terms').flatMap((block) => block.terms);
  const events = blocksOf(lesson, 'timeline').flatMap((block) => block.events);
  const questions = blocksOf(lesson, 'questions').flatMap((block) => block.questions);
  const activities = blocksOf(lesson, 'activity');
  const roles = blocksOf(lesson, 'roles').flatMap((block) => block.roles);
  const [debate] = blocksOf(lesson, 'debate');
  const maps = blocksOf(lesson, 'map');

  const readingSlides = lesson.slides.filter((slide) => slide.parts.some((part) => (markdownNodesOf(part) ?? []).some((node) => node.type !== 'heading')));
  const reading = readingSlides
    .map((slide) => fragments.add(printNodes(shiftHeadings(slide.parts.flatMap(readingNodes), (heading) => (heading.depth <= 2 ? 3 : 4)))))
    .join('\n\n');

  const { labels } = lesson;
  // Choices are lettered in the lesson's alphabet (A, B, C; ア, イ, ウ; أ, ب, ج), numbered past its last letter.
  const letters = label(labels, 'quiz.letters').split(/\s+/).filter(Boolean);
  const letter = (index: number) => letters[index] ?? String(index + 1);
  const lang = lessonLanguage(lesson);
  const sourceText = (source: Lesson['meta']['sources'][number]) => md([source.title, source.publisher, source.date, source.url].filter(Boolean).join(', '));
  const t = (name: LabelName, values?: LabelValues) => label(labels, name, values);
  const details = md(
    [meta.subject, meta.grade && t('lesson.grade', { grade: meta.grade }), meta.duration && t('lesson.minutes', { count: meta.duration })]
      .filter(Boolean)
      .join(' · '),
  );
  const generated = generatedNotes(meta, labels);
  const deckSlides = [
    {
      title: md(meta.title),
      visible: [
        `#### ${md(meta.title)}`,
        meta.subtitle ? md(meta.subtitle) : '',
        details,
        md([meta.author, meta.author && meta.date && dateInLanguage(meta.date, lang)].filter(Boolean).join(' · ')),
      ]
        .filter(Boolean)
        .join('\n\n'),
      notes: md(generated.title),
    },
    ...(meta.objectives.length > 0
      ? [
          {
            title: md(t('slide.objectives')),
            visible: [`#### ${md(t('slide.objectives'))}`, meta.objectives.map((objective) => `- ${md(objective)}`).join('\n')].join('\n\n'),
            notes: md(generated.objectives),
          },
        ]
      : []),
    ...lesson.slides.map((slide) => ({
      title: mdMath(slide.title ?? ''),
      visible: [...backgroundMarkdown(slide.background, t('picture.background')), ...slide.parts.map((part) => partMarkdown(part, fragments, labels))].join(
        '\n\n',
      ),
      notes: fragments.add(printNodes(slide.notes)),
    })),
    ...(meta.sources.length > 0
      ? [
          {
            title: md(t('slide.sources')),
            visible: [`#### ${md(t('slide.sources'))}`, meta.sources.map((source) => `- ${sourceText(source)}`).join('\n')].join('\n\n'),
            notes: md(generated.sources),
          },
        ]
      : []),
  ].map((slide, index) => ({ ...slide, number: index + 1 }));

  const shuffledEvents = seededShuffle(events, `${seed}\ntimeline`);
  const shuffledDefinitions = seededShuffle(terms, `${seed}\ndefinitions`);
  const blanks = terms
    .filter((term) => term.example && termPattern(term.term).test(term.example))
    .map((term) => ({ term, sentence: term.example!.replace(termPattern(term.term), GAP) }));
  const shuffledBlanks = seededShuffle(blanks, `${seed}\nblanks`);
  // Every timed part of the lesson: its activities and its debate's timing plan.
  const debateMinutes = blocksOf(lesson, 'debate').reduce((sum, block) => sum + block.timing.reduce((total, stage) => total + stage.minutes, 0), 0);
  const activityMinutes = activities.reduce((sum, activity) => sum + (activity.minutes ?? 0), 0) + debateMinutes;

  return {
    meta: {
      title: md(meta.title),
      subtitle: meta.subtitle && md(meta.subtitle),
      school: meta.school && md(meta.school),
      duration: meta.duration,
      details,
    },
    objectives: meta.objectives.map(md),
    sources: meta.sources.map(sourceText),
    reading,
    terms: terms.map((term) => ({ term: mdMath(term.term), definition: mdMath(term.definition), example: term.example && mdMath(term.example) })),
    events: events.map((event) => ({ date: mdMath(event.date), event: mdMath(event.event) })),
    questions: questions.map((question, index) => ({
      number: index + 1,
      question: mdMath(question.question),
      answer: question.answer && mdMath(question.answer),
    })),
    activities: activities.map((activity) => ({
      title: mdMath(activity.title),
      details: mdMath([activity.minutes && t('lesson.minutes', { count: activity.minutes }), activity.grouping].filter(Boolean).join(' · ')),
      description: activity.description.map((text) => mdMath(text)),
      steps: activity.steps.map((text) => mdMath(text)),
    })),
    roles: roles.map((role) => ({ name: mdMath(role.name), aim: role.aim && mdMath(role.aim), points: role.points.map((point) => mdMath(point)) })),
    debate: debate && {
      motion: mdMath(debate.motion),
      for: debate.for.map((argument) => ({
        claim: mdMath(argument.claim),
        point: argument.point && mdMath(argument.point),
        evidence: argument.evidence && mdMath(argument.evidence),
      })),
      against: debate.against.map((argument) => ({
        claim: mdMath(argument.claim),
        point: argument.point && mdMath(argument.point),
        evidence: argument.evidence && mdMath(argument.evidence),
      })),
      claims: [
        ...debate.for.map((argument) => t('debate.claimFor', { claim: mdMath(argument.claim) })),
        ...debate.against.map((argument) => t('debate.claimAgainst', { claim: mdMath(argument.claim) })),
      ],
      timing: debate.timing.map((stage) => ({ stage: mdMath(stage.stage), minutes: stage.minutes })),
      totalMinutes: debate.timing.reduce((sum, stage) => sum + stage.minutes, 0),
    },
    slides: deckSlides,
    /** Each :::timeline drawn: its events as ticks on a line (`{{{drawing}}}`). */
    timelines: blocksOf(lesson, 'timeline').map((block) => ({ drawing: timelineDirective(block.events) })),
    maps: maps.map((map, index) => ({
      number: index + 1,
      caption: mdMath(map.caption),
      /** The map as on its slide: names, legend and caption. */
      figure: mapDirective(map),
      /** The worksheet's blank map: dots and numbers, no names. */
      worksheet: mapDirective(map, 'numbered'),
      /** The teacher's key: the numbers with their names. */
      key: mapDirective(map, 'key'),
      items: [
        ...map.places.map((place) => ({ name: mdMath(place.name), kind: t('map.place') })),
        ...map.shades.flatMap((shade) => shade.countries.map((country) => ({ name: mdMath(country.name), kind: t('map.country') }))),
      ].map((item, number) => ({ ...item, number: number + 1 })),
    })),
    timelineQuiz: {
      events: shuffledEvents.map((event, index) => ({ letter: letter(index), event: mdMath(event.event) })),
      key: events.map((event, index) => ({
        order: index + 1,
        date: mdMath(event.date),
        event: mdMath(event.event),
        letter: letter(shuffledEvents.indexOf(event)),
      })),
    },
    vocabularyQuiz: {
      terms: terms.map((term, index) => ({ number: index + 1, term: mdMath(term.term) })),
      definitions: shuffledDefinitions.map((term, index) => ({ letter: letter(index), definition: mdMath(term.definition) })),
      matchKey: terms.map((term, index) => ({ number: index + 1, term: mdMath(term.term), letter: letter(shuffledDefinitions.indexOf(term)) })),
      wordBank: seededShuffle(
        shuffledBlanks.map((blank) => blank.term.term),
        `${seed}\nbank`,
      ).map((term) => mdMath(term)),
      blanks: shuffledBlanks.map((blank, index) => ({ number: index + 1, sentence: mdMath(blank.sentence).replaceAll(GAP, '\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_') })),
      blankKey: shuffledBlanks.map((blank, index) => ({ number: index + 1, answer: mdMath(blank.term.term) })),
    },
    plan: {
      /** Minutes of the activities and of the debate's timing plan. */
      activityMinutes,
      debateMinutes,
      /** The lesson has something to time: an activity, or a debate with a timing plan. */
      timed: activities.length > 0 || debateMinutes > 0,
      /** The worksheets the handout answers (its map, timeline and definitions), to give out before it. */
      handoutAnswers: handoutAnswers(lesson),
      duration: meta.duration,
      over: meta.duration !== undefined && activityMinutes > meta.duration,
      remaining: meta.duration !== undefined ? meta.duration - activityMinutes : undefined,
    },
  };
}

export type PrintView = ReturnType<typeof printView>;

/**
 * A term where it stands as a word of its own in a sentence, in any script and letter case ("Évaporation" in "l'évaporation
 * sèche"); in Chinese and Japanese, which put no spaces between words, wherever it stands.
 */
function termPattern(term: string): RegExp {
  const written = escapeRegExp(term);
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(term)) return new RegExp(written, 'giu');
  return new RegExp(`(?<![\\p{L}\\p{N}])${written}(?![\\p{L}\\p{N}])`, 'giu');
}

/** The worksheets whose answers the handout prints: the labelled map, the dated timeline, the definitions. */
function handoutAnswers(lesson: Lesson): string | undefined {
  const worksheets = (
    [
      ['map', 'printable.mapWorksheet'],
      ['timeline', 'printable.timelineWorksheet'],
      ['terms', 'printable.vocabularyQuiz'],
    ] as const
  )
    .filter(([kind]) => blocksOf(lesson, kind).length > 0)
    .map(([, name]) => label(lesson.labels, name));
  if (worksheets.length === 0) return undefined;
  const list = new Intl.ListFormat(lesson.labels.lang, { type: 'conjunction' }).format(worksheets);
  return md(label(lesson.labels, 'teacher.handoutAnswers', { count: worksheets.length, worksheets: list }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
