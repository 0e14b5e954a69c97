// Pandoc decks (Beamer, reveal.js, Slidy…): slides cut at headings of the slide level and at `---`, `% title` blocks,
// `::: notes` and `::: {.columns}` blocks, Beamer LaTeX (`\\note{}`, `\\alert{}`), `{…}` after a heading or an image.
import { dashSeparator, keepComment, type Dialect } from './dialect.ts';
import type { SourceLine } from '../source-slide.ts';

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^(#{1,6})\s+\S/;

/** Pandoc's rule: the slide level is the highest heading level that is followed directly by content somewhere. */
function pandocSlideLevel(lines: SourceLine[]): number {
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

/** Pandoc's slide level (`slide-level`, else its own rule), said in the report. */
export function slideLevel(settings: { slideLevel?: number }, lines: SourceLine[], report: { converted: (line: number, text: string) => void }): number {
  const level = settings.slideLevel ?? pandocSlideLevel(lines);
  report.converted(0, `slides start at headings of level ${level} or higher (${'#'.repeat(level)}), and at \`---\``);
  return level;
}

export const pandocDialect: Dialect = {
  name: 'Pandoc deck',
  signs: [
    [/^% \S/, 'a `%` title block'],
    [/^:::+\s*\{?\.?notes\}?\s*$/m, '`::: notes` blocks'],
    [/^:::+\s*\{\.columns?\b/m, '`::: {.columns}` blocks'],
    [/\\note\{/, 'Beamer `\\note{}`'],
    [/\\(?:alert|pause|begin)\b/, 'raw Beamer LaTeX'],
    [/^(?:output|format):\s*.*(?:beamer|revealjs)/m, '`beamer` / `revealjs` output in the metadata'],
    [/\]\([^)]*\)\{(?:width|height)=/, '`{width=…}` image attributes'],
  ],
  comment: keepComment,
  separator: dashSeparator,
  headingLevel: slideLevel,
  setextHeadings: true,
  pandoc: true,
};
