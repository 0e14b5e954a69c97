// What Lectern knows about one tool's slide Markdown (Marp, reveal.js, Pandoc, Quarto, GitPitch, remark.js, Slidev):
// how to recognise it, where its slides are cut, what its comments and lines mean. Each tool's rules are read in its
// own module (dialects/<tool>.ts); the common conversion (split-deck.ts, convert-slide.ts) asks the dialect.
import type { DeckSettings } from '../deck-front-matter.ts';
import type { ImportReport } from '../import-report.ts';
import type { SourceLine, SourceSlide } from '../source-slide.ts';

export type DeckFlavour = 'marp' | 'reveal' | 'pandoc' | 'quarto' | 'gitpitch' | 'remark' | 'slidev';

export interface CommentResult {
  /** Text to put where the comment was (the comment itself, when Lectern can keep it as a comment). */
  replaceWith?: string;
  note?: string;
  /** Pictures the slide shows behind it (a reveal.js slide background). */
  images?: { url: string; alt: string }[];
  /** The comment marks its list item as revealed one by one. */
  fragment?: boolean;
}

/** What an HTML comment of the deck is: a note, a setting, attributes, or a comment to keep. */
export type CommentHandler = (content: string, line: number, report: ImportReport) => CommentResult;

/** A comment Lectern keeps as a comment: never shown, as in the tool. */
export const keepComment: CommentHandler = (content) => ({ replaceWith: `<!--${content}-->` });

/** A slide in common Markdown, with the notes its dialect keeps apart, or why it is no slide of the lesson. */
export interface PreparedSlide extends SourceSlide {
  notes: string[];
  skip?: string;
}

/** What a dialect's own line rules may do to the slide being converted. */
export interface LineTools {
  report: ImportReport;
  /** Put a line in the slide (or in its notes, inside a notes block). */
  push: (text: string) => void;
  /** Add to the slide's speaker notes. */
  note: (text: string) => void;
  /** The line now being converted appears one click at a time. */
  fragment: () => void;
  /** Counted for the report's summary. */
  counted: (what: 'codeSteps') => void;
}

export interface Dialect {
  /** How the report names a deck of this tool ("Marp deck"). */
  name: string;
  /** Signs in a deck's text that it is written for this tool, in words a teacher recognises. */
  signs: [RegExp, string][];
  /** What an HTML comment is. */
  comment: CommentHandler;
  /** A line that cuts the deck into slides. */
  separator: (text: string, settings: DeckSettings) => boolean;
  /** A line that cuts a vertical slide (reveal.js), flattened in order. */
  vertical?: (text: string, settings: DeckSettings) => boolean;
  /** Something written on the separator line itself (GitPitch `---?image=`). */
  onSeparator?: (text: string, line: SourceLine, slide: SourceSlide, report: ImportReport) => void;
  /** Headings of this level or higher start a slide too (Marp's `headingDivider`, Pandoc's slide level). */
  headingLevel?: (settings: DeckSettings, lines: SourceLine[], report: ImportReport) => number | undefined;
  /** A `---` right under a line of text underlines it as a heading (CommonMark): no slide break. */
  setextHeadings?: boolean;
  /** Pandoc's rules: headings inside a fenced div cut no slide, deep slide headings become titles, Beamer LaTeX, `{…}` after a heading. */
  pandoc?: boolean;
  /** The tool cuts its slides its own way (Slidev's slide settings between separators). */
  split?: (body: string, firstLine: number) => SourceSlide[];
  /** `Note:` starts the slide's speaker notes (reveal.js); elsewhere such a line is shown, and listed for the teacher. */
  noteLabels?: boolean;
  /** Emoji shortcodes (`:bulb:`) are emoji. */
  emojiShortcodes?: boolean;
  /** `***` and `___` cut slides, as `---` does (Marp); elsewhere they are a horizontal line. */
  rulesCutSlides?: boolean;
  /** A `*` list is revealed one item at a time (Marp). */
  starListSteps?: boolean;
  /** `![bg](x.png)` on a line of its own is the slide's background picture (Marp). */
  backgroundImages?: boolean;
  /** The tool's own lines (GitPitch `@ul`, `@snap`…): the line to convert, or undefined when it was consumed. */
  line?: (text: string, line: number, tools: LineTools) => string | undefined;
  /** The slide's own syntax as common Markdown before the common conversion (remark.js, Slidev, Quarto). */
  prepare?: (slide: SourceSlide, report: ImportReport) => PreparedSlide;
}

/** `---` alone on a line (up to three spaces before it): how most tools cut slides. */
export const dashSeparator = (text: string): boolean => /^ {0,3}-{3,}\s*$/.test(text);
