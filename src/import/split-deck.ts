// Cut a deck's body into the slides its own tool would show: at its separators, and at headings where the tool cuts there.
import type { DeckSettings } from './deck-front-matter.ts';
import type { DeckReport } from './deck-report.ts';
import type { DeckFlavour } from './detect-deck.ts';

export interface SourceLine {
  text: string;
  /** Line in the source deck (1-based). */
  line: number;
}

export interface SourceSlide {
  lines: SourceLine[];
  /** A GitPitch `---?image=` background, shown as an image. */
  background?: SourceLine;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^(#{1,6})\s+\S/;
const COMMENT_ONLY = /^\s*<!--[\s\S]*?-->\s*$/;

export function splitDeck(body: string, firstLine: number, flavour: DeckFlavour, settings: DeckSettings, report: DeckReport): SourceSlide[] {
  const lines = body.split(/\r?\n/).map((text, index) => ({ text, line: firstLine + index }));
  const slides: SourceSlide[] = [{ lines: [] }];
  const hasContent = (slide: SourceSlide) =>
    slide.background !== undefined || slide.lines.some((line) => line.text.trim() !== '' && !COMMENT_ONLY.test(line.text));
  const startSlide = () => slides.push({ lines: [] });
  const headingLevel = flavour === 'pandoc' ? (settings.slideLevel ?? pandocSlideLevel(lines)) : flavour === 'marp' ? settings.headingDivider : undefined;
  if (flavour === 'pandoc')
    report.converted(0, `slides start at headings of level ${headingLevel} or higher (${'#'.repeat(headingLevel ?? 1)}), and at \`---\``);
  if (flavour === 'marp' && headingLevel) report.converted(0, `\`headingDivider: ${headingLevel}\`: headings of level ${headingLevel} or higher start slides`);
  let vertical = 0;
  let fence: string | undefined;

  for (const line of lines) {
    const fenceMatch = FENCE.exec(line.text);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      slides.at(-1)!.lines.push(line);
      continue;
    }
    if (fenceMatch) fence = fenceMatch[1];
    else if (isSeparator(line.text, flavour, settings)) {
      startSlide();
      const query = /^(?:---|\+\+\+)\?(.*)$/.exec(line.text.trim());
      if (query) gitPitchBackground(query[1], line, slides.at(-1)!, report);
      continue;
    } else if (isVerticalSeparator(line.text, flavour, settings)) {
      vertical++;
      startSlide();
      continue;
    } else if (headingLevel !== undefined) {
      const heading = HEADING.exec(line.text);
      if (heading && heading[1].length <= headingLevel && hasContent(slides.at(-1)!)) startSlide();
    }
    slides.at(-1)!.lines.push(line);
  }
  if (vertical > 0) report.converted(0, `${vertical} vertical slides (\`----\`) → ordinary slides, in the order they are shown`);
  return slides.filter((slide) => slide.background !== undefined || slide.lines.some((line) => line.text.trim() !== ''));
}

function isSeparator(text: string, flavour: DeckFlavour, settings: DeckSettings): boolean {
  if (flavour === 'reveal' && settings.separator) return settings.separator.test(text);
  if (flavour === 'gitpitch') return /^(?:---|\+\+\+)(?:\?.*)?\s*$/.test(text);
  if (flavour === 'marp') return /^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/.test(text);
  return /^ {0,3}-{3,}\s*$/.test(text) && !(flavour === 'reveal' && /^-{4}\s*$/.test(text) && !settings.verticalSeparator);
}

function isVerticalSeparator(text: string, flavour: DeckFlavour, settings: DeckSettings): boolean {
  if (flavour !== 'reveal') return false;
  return (settings.verticalSeparator ?? /^(?:--|----)\s*$/).test(text);
}

/** Pandoc's rule: the slide level is the highest heading level that is followed directly by content somewhere. */
export function pandocSlideLevel(lines: SourceLine[]): number {
  let level = 6;
  let found = false;
  let fence = false;
  lines.forEach((line, index) => {
    if (FENCE.test(line.text)) fence = !fence;
    const heading = fence ? null : HEADING.exec(line.text);
    if (!heading) return;
    const next = lines.slice(index + 1).find((candidate) => candidate.text.trim() !== '');
    if (next && !HEADING.test(next.text) && !/^ {0,3}-{3,}\s*$/.test(next.text) && heading[1].length <= level) {
      level = heading[1].length;
      found = true;
    }
  });
  return found ? level : 1;
}

function gitPitchBackground(query: string, line: SourceLine, slide: SourceSlide, report: DeckReport): void {
  const parameters = new URLSearchParams(query);
  const image = parameters.get('image');
  if (image) {
    slide.background = { text: image, line: line.line };
    report.converted(line.line, `the \`?image=${image}\` background → an image on the slide`);
  }
  const others = [...parameters.keys()].filter((key) => key !== 'image');
  if (others.length > 0)
    report.dropped(line.line, `${others.map((key) => `\`?${key}=\``).join(', ')} on the slide separator: GitPitch layout settings Lectern has no use for`);
}
