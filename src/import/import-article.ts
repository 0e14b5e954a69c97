// Turn a plain-text article into a lesson draft: slides from its sections, key terms, activities, notes for the teacher.
import { countOf } from '../shared/count-of.ts';
import { stringify } from 'yaml';
import { detectLanguage, languageName } from '../lesson/lesson-language.ts';
import { EnvironmentError } from '../shared/environment-error.ts';
import { classifyLines, sentencesOf, type ArticleLine } from './classify-lines.ts';
import { ImportReport } from './import-report.ts';
import type { VFile } from 'vfile';

export interface ImportedLesson {
  /** The lesson's Markdown, ready to build. */
  markdown: string;
  title: string;
  /** What was found, one line each, for the teacher. */
  found: string[];
  /**
   * What the draft leaves out of the file (a web page's menus and links), as notes; what could not be placed, at the
   * article's lines, as warnings for the teacher to finish by hand.
   */
  file: VFile;
}

/** Where the article comes from, for the lesson's `sources`. */
export interface ArticleSource {
  title: string;
  publisher?: string;
  url?: string;
  date?: string;
}

interface Section {
  title?: string;
  /** The line of its heading. */
  line?: number;
  paragraphs: { text: string; line: number }[];
}

/** Slides show at most this many key sentences; the rest of a section goes into the speaker notes. */
const KEY_SENTENCES = 3;
const TERMS_PER_SLIDE = 5;

export function importArticle(
  text: string,
  options: { title?: string; path: string; fallbackTitle: string; source: string; sourceInfo?: ArticleSource; leftOut?: string[] },
): ImportedLesson {
  const lines = classifyLines(text);
  if (lines.length === 0) throw new EnvironmentError(`The article "${options.source}" has no text to import.`);
  const report = new ImportReport(options.path);
  for (const line of options.leftOut ?? []) report.dropped(0, line);
  let title = options.title;
  if (!title && lines[0]?.kind === 'heading') title = (lines.shift() as { text: string }).text;
  if (!title) {
    title = options.fallbackTitle;
    report.decide(0, `No title line was found; the title "${title}" comes from the file name (change it in the front matter, or use --title).`);
  }

  const sections: Section[] = [];
  const terms: Extract<ArticleLine, { kind: 'term' }>[] = [];
  const activities: Extract<ArticleLine, { kind: 'activity' }>[] = [];
  for (const line of lines) {
    if (line.kind === 'heading') {
      const last = sections.at(-1);
      // A heading straight after another one is a sub-heading: the slide takes the more specific one.
      if (last && last.paragraphs.length === 0) Object.assign(last, { title: line.text, line: line.line });
      else sections.push({ title: line.text, line: line.line, paragraphs: [] });
    } else if (line.kind === 'paragraph') {
      if (line.text.split(' ').length < 4) {
        report.decide(line.line, `"${line.text}" is too short to be a paragraph or a heading; it was left out.`);
        continue;
      }
      const last = sections.at(-1);
      if (!last || (last.title === undefined && last.paragraphs.length > 0)) sections.push({ paragraphs: [line] });
      else last.paragraphs.push(line);
    } else if (line.kind === 'term') terms.push(line);
    else activities.push(line);
  }
  const emptySections = sections.filter((section) => section.paragraphs.length === 0);
  for (const section of emptySections) report.decide(section.line ?? 0, `The heading "${section.title}" has no text under it; it was left out.`);

  const slides: string[] = [];
  for (const section of sections.filter((section) => section.paragraphs.length > 0)) slides.push(...sectionSlides(section));
  for (let start = 0; start < terms.length; start += TERMS_PER_SLIDE) {
    const part = terms.length > TERMS_PER_SLIDE ? ` (${start / TERMS_PER_SLIDE + 1} of ${Math.ceil(terms.length / TERMS_PER_SLIDE)})` : '';
    const items = terms
      .slice(start, start + TERMS_PER_SLIDE)
      .map((term) => `- **${escape(term.term)}** — ${escape(term.definition)}${term.example ? ` _Example:_ ${escape(term.example)}` : ''}`);
    slides.push(
      `## Key terms${part}\n\n:::terms\n${items.join('\n')}\n:::\n\nNote: Read each term aloud and ask a student to use it in a sentence of their own.`,
    );
  }
  for (const activity of activities) {
    const { title: activityTitle, grouping } = describeActivity(activity.text);
    const [first, ...rest] = sentencesOf(activity.text);
    const steps = rest.length > 0 ? rest.map((step, index) => `${index + 1}. ${escape(step)}`).join('\n') : `1. ${escape(first)}`;
    const attributes = grouping ? `{grouping="${grouping}"}` : '';
    slides.push(
      `## Activity: ${escape(activityTitle)}\n\n:::activity[${escape(activityTitle)}]${attributes}\n${escape(first)}\n\n${steps}\n:::\n\nNote: Explain the task, set a time limit and check that every group knows its first step.`,
    );
    report.decide(activity.line, `The activity "${activityTitle}" has no time; add {minutes=…} to it.`);
  }

  const lang = detectLanguage(text);
  const frontMatter = stringify({ title, lang, sources: [options.sourceInfo ?? { title: options.source }] }, { lineWidth: 0 }).trim();
  const found = [
    `title: ${title}`,
    `language: ${languageName(lang)} (from the article's words; \`lang: ${lang}\` in the front matter)`,
    `${countOf(sections.filter((section) => section.title && section.paragraphs.length > 0).length, 'section')} with a heading, ${sections.filter((section) => !section.title).length} without`,
    `${countOf(
      sections.reduce((sum, section) => sum + section.paragraphs.length, 0),
      'paragraph',
    )} → ${countOf(slides.length - activities.length - Math.ceil(terms.length / TERMS_PER_SLIDE), 'slide')}`,
    `${countOf(terms.length, 'glossary term')} → :::terms`,
    `${countOf(activities.length, 'classroom activity', 'classroom activities')} → :::activity`,
  ];
  return { markdown: `---\n${frontMatter}\n---\n\n${slides.join('\n\n---\n\n')}\n`, title, found, file: report.file };
}

function sectionSlides(section: Section): string[] {
  const sentences = section.paragraphs.map((paragraph) => sentencesOf(paragraph.text));
  // The first sentence of each paragraph carries its point; a one-paragraph section also shows its second sentence.
  const taken = sentences.map((paragraph, index) => (index >= KEY_SENTENCES ? 0 : sentences.length === 1 ? 2 : 1));
  const keys = sentences.flatMap((paragraph, index) => paragraph.slice(0, taken[index]));
  const notes = sentences.flatMap((paragraph, index) => paragraph.slice(taken[index]));
  const title = section.title ?? shortTitle(keys[0]);
  const body = keys.length === 1 ? escape(keys[0]) : keys.map((key) => `- ${escape(key)}`).join('\n');
  const note = notes.length > 0 ? notes.map(escape).join(' ') : 'Ask the class to explain this point in their own words.';
  return [`## ${escape(title)}\n\n${body}\n\nNote: ${note}`];
}

/** A slide title from a sentence with no heading: its opening words, up to the first comma. */
function shortTitle(sentence: string): string {
  const clause = sentence.split(/[,;:(]/)[0].split(' ');
  const words = clause
    .slice(0, 6)
    .join(' ')
    .replace(/[.!?]$/, '');
  return clause.length > 6 ? `${words}…` : words;
}

/** Activity titles by what the activity's text mentions, most specific first. */
const ACTIVITY_TITLES: [RegExp, string][] = [
  [/structured debate/i, 'Structured debate'],
  [/debate/i, 'Debate'],
  [/role-?play\w*.*simulation|simulation.*role-?play/i, 'Role-play simulation'],
  [/role-?play/i, 'Role-play'],
  [/timeline/i, 'Timeline'],
  [/research.*presentation/i, 'Research presentation'],
  [/presentation/i, 'Presentation'],
  [/polic(y|ies).*workshop|workshop.*polic(y|ies)/i, 'Policy workshop'],
  [/workshop/i, 'Workshop'],
  [/discussion/i, 'Discussion'],
  [/essay/i, 'Essay'],
  [/poster/i, 'Poster'],
  [/interview/i, 'Interview'],
  [/research/i, 'Research'],
];

function describeActivity(text: string): { title: string; grouping?: string } {
  const title = ACTIVITY_TITLES.find(([pattern]) => pattern.test(text))?.[1] ?? taskTitle(text);
  const grouping = /\bpairs?\b/i.test(text)
    ? 'Pairs'
    : /\btwo groups\b/i.test(text)
      ? 'Two groups'
      : /\bgroups?\b/i.test(text)
        ? 'Small groups'
        : /\bclass(mates)?\b/i.test(text)
          ? 'Whole class'
          : undefined;
  return grouping ? { title, grouping } : { title };
}

/** A title from the task itself: "Work in pairs to label a diagram of a volcano…" → "Label a diagram". */
function taskTitle(text: string): string {
  const task = text
    .split(/[.,;:]/)[0]
    .replace(/^(?:in|as|with|for|using)\b[^,]*,\s*/i, '')
    .replace(/^(?:work|get)\s+(?:in|into)\s+(?:pairs|groups|teams)\s+(?:to|and)\s+/i, '');
  const words = task.split(' ');
  const cut = words.findIndex((word, index) => index >= 2 && /^(of|for|with|that|which|to|about|from|in|on|and)$/i.test(word));
  const title = words.slice(0, cut > 0 ? Math.min(cut, 5) : 5).join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** Keep article text from being read as Markdown syntax. */
function escape(text: string): string {
  return text
    .replace(/([\\`*_[\]<>])/g, '\\$1')
    .replace(/^([#>+-]|\d+[.)])(\s)/, '\\$1$2')
    .replace(/^:::/, '\\:::');
}
