// Cut a deck's body into the slides its own tool would show: at its separators, and at headings where the tool cuts there.
import type { DeckSettings } from './deck-front-matter.ts';
import type { ImportReport } from './import-report.ts';
import type { Dialect } from './dialects/dialect.ts';
import type { SourceLine, SourceSlide } from './source-slide.ts';

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^(#{1,6})\s+\S/;
const COMMENT_ONLY = /^\s*<!--[\s\S]*?-->\s*$/;

export function splitDeck(body: string, firstLine: number, dialect: Dialect, settings: DeckSettings, report: ImportReport): SourceSlide[] {
  if (dialect.split) return dialect.split(body, firstLine);
  const sourceLines = body.split(/\r?\n/).map((text, index) => ({ text, line: firstLine + index }));
  const lines = dialect.setextHeadings ? withSetextHeadings(sourceLines, report) : sourceLines;
  const slides: SourceSlide[] = [{ lines: [] }];
  const hasContent = (slide: SourceSlide) =>
    slide.background !== undefined || slide.lines.some((line) => line.text.trim() !== '' && !COMMENT_ONLY.test(line.text));
  const startSlide = () => slides.push({ lines: [] });
  const headingLevel = dialect.headingLevel?.(settings, lines, report);
  let vertical = 0;
  let fence: string | undefined;
  /** Fenced divs (`::: {.callout-tip}`) open: Pandoc cuts no slide at a heading inside one. */
  let divs = 0;

  for (const line of lines) {
    const fenceMatch = FENCE.exec(line.text);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      slides.at(-1)!.lines.push(line);
      continue;
    }
    if (fenceMatch) fence = fenceMatch[1];
    else if (dialect.separator(line.text, settings)) {
      startSlide();
      dialect.onSeparator?.(line.text, line, slides.at(-1)!, report);
      continue;
    } else if (dialect.vertical?.(line.text, settings)) {
      vertical++;
      startSlide();
      continue;
    } else if (dialect.pandoc && /^\s*:{3,}\s*[^:\s]/.test(line.text)) divs++;
    else if (dialect.pandoc && /^\s*:{3,}\s*$/.test(line.text)) divs = Math.max(0, divs - 1);
    else if (headingLevel !== undefined && divs === 0) {
      const heading = HEADING.exec(line.text);
      if (heading && heading[1].length <= headingLevel && hasContent(slides.at(-1)!)) startSlide();
    }
    slides.at(-1)!.lines.push(line);
  }
  if (dialect.pandoc && headingLevel !== undefined && headingLevel > 2) retitlePandocSlides(slides, headingLevel, report);
  if (vertical > 0) report.converted(0, `${vertical} vertical slides (\`----\`) → ordinary slides, in the order they are shown`);
  // Text before the first separator makes a slide; nothing before it makes none. Every later slide is kept, even an
  // empty one, so the import can report it.
  const first = slides[0];
  if (first.background === undefined && first.lines.every((line) => line.text.trim() === '')) slides.shift();
  return slides;
}

/**
 * In CommonMark, which Marp and Pandoc follow, `---` right under a line of text underlines it as a level-2 heading
 * (a Setext heading): it is no slide break. Such headings are rewritten `## text`, so they are cut like any other.
 * reveal.js cuts at a `---` wherever it is, so its decks are left as they are.
 */
function withSetextHeadings(lines: SourceLine[], report: ImportReport): SourceLine[] {
  const result: SourceLine[] = [];
  /** Whether each line of `result` is paragraph text (outside code, comments and other blocks). */
  const paragraph: boolean[] = [];
  let fence: string | undefined;
  let comment = false;
  for (const line of lines) {
    const fenceMatch = FENCE.exec(line.text);
    const inBlock = fence !== undefined || comment;
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
    } else if (comment) comment = !line.text.includes('-->');
    else if (fenceMatch) fence = fenceMatch[1];
    else if (/^ {0,3}-{3,}\s*$/.test(line.text) && paragraph.at(-1)) {
      let start = result.length - 1;
      while (start > 0 && paragraph[start - 1]) start--;
      const underlined = result.splice(start);
      const text = underlined.map((part) => part.text.trim()).join(' ');
      paragraph.splice(start);
      report.converted(line.line, `the \`---\` right under "${text}" underlines it as a heading (as in CommonMark, it is no slide break) → \`## ${text}\``);
      result.push({ text: `## ${text}`, line: underlined[0].line });
      paragraph.push(false);
      continue;
    } else comment = /<!--(?![\s\S]*-->)/.test(line.text);
    result.push(line);
    paragraph.push(!inBlock && !comment && isParagraphText(line.text));
  }
  return result;
}

const isParagraphText = (text: string) =>
  text.trim() !== '' &&
  !/^\s*(?:#{1,6}(?:\s|$)|[-*+]\s|\d+[.)]\s|>|\||<|:::|\\[A-Za-z]|@\[|`{3,}|~{3,}|%)/.test(text) &&
  !/^ {4}/.test(text) &&
  !COMMENT_ONLY.test(text);

/**
 * Pandoc slides at level 3 or deeper: each slide's own heading becomes its `##` title (Lectern's slide titles are `#` and
 * `##`), and the headings inside a slide move up as many levels, so they stay below it. Section headings above the slide
 * level keep theirs.
 */
function retitlePandocSlides(slides: SourceSlide[], slideLevel: number, report: ImportReport): void {
  const shift = slideLevel - 2;
  let fence = false;
  for (const line of slides.flatMap((slide) => slide.lines)) {
    if (FENCE.test(line.text)) fence = !fence;
    const heading = fence ? null : /^(#{1,6})(\s.*)$/.exec(line.text);
    if (heading && heading[1].length >= slideLevel) line.text = `${'#'.repeat(heading[1].length - shift)}${heading[2]}`;
  }
  report.converted(
    0,
    `the slide headings (${'#'.repeat(slideLevel)}) → \`##\` slide titles; the headings below them move up ${shift} level${shift > 1 ? 's' : ''} with them`,
  );
}
