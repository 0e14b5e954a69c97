// Quarto presentations (`.qmd`, `format: revealjs`): Pandoc's slides (cut at headings and `---`, `::: {.notes}`,
// `::: {.columns}`, `{.incremental}`, which the Pandoc rules read) and Quarto's own parts: `. . .` pauses, callouts
// (`::: {.callout-tip}` with a title), `::: {.fragment}` blocks. Each slide's own parts become common Markdown here.
import type { ImportReport } from '../import-report.ts';
import type { SourceLine, SourceSlide } from '../source-slide.ts';
import { pandocDialect } from './pandoc.ts';
import type { Dialect } from './dialect.ts';
import { SlideSteps } from './steps.ts';

const QUARTO_SIGNS: [RegExp, string][] = [
  [/^\. \. \.\s*$/m, '`. . .` pauses'],
  [/^:{3,}\s*\{\.callout-/m, '`::: {.callout-…}` callouts'],
  [/^format:\s*(?:\r?\n\s+)?revealjs\b/m, '`format: revealjs`'],
  [/\{[^}]*\.(?:smaller|scrollable|r-fit-text|r-stretch|r-stack)\b[^}]*\}/, 'Quarto classes (`{.smaller}`, `.r-fit-text`)'],
];

/** The title a callout shows when it is given none. */
const CALLOUT_TITLES: Record<string, string> = { note: 'Note', tip: 'Tip', warning: 'Warning', important: 'Important', caution: 'Caution' };

const OPEN = /^\s*(:{3,})\s*(\S.*?)\s*$/;
const CLOSE = /^\s*:{3,}\s*$/;

function prepareQuartoSlide(slide: SourceSlide, report: ImportReport): SourceSlide {
  const out: SourceLine[] = [];
  const steps = new SlideSteps('. . .', report);
  /** The slide's open blocks, innermost last: Quarto's own (their fences dropped here) or others (kept). */
  const blocks: ('callout' | 'fragment' | 'other')[] = [];
  /** A callout given no title: its first heading is its title, else its kind's name ("Tip"). */
  let untitled: string | undefined;
  const title = (text: string, line: number) => out.push({ text: `**${text}**`, line }, { text: '', line });
  let fence = false;
  for (const source of slide.lines) {
    const { text, line } = source;
    if (/^\s*(`{3,}|~{3,})/.test(text)) fence = !fence;
    if (fence) {
      out.push(source);
      continue;
    }
    if (/^\. \. \.\s*$/.test(text)) {
      steps.step();
      continue;
    }
    const callout = /^\s*:{3,}\s*\{\.callout-(\w+)([^}]*)\}\s*$/.exec(text);
    if (callout) {
      const given = /\btitle\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(callout[2]);
      blocks.push('callout');
      report.converted(line, `the callout \`.callout-${callout[1]}\` → its title in bold, then its text`);
      if (given) title(given[1] ?? given[2], line);
      else untitled = CALLOUT_TITLES[callout[1].toLowerCase()] ?? '';
      continue;
    }
    if (/^\s*:{3,}\s*\{\.fragment\b[^}]*\}\s*$/.test(text)) {
      blocks.push('fragment');
      report.converted(line, '`::: {.fragment}`: its content is shown with the rest of the slide');
      continue;
    }
    if (untitled !== undefined && text.trim() !== '') {
      const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
      if (heading || untitled) title(heading ? heading[1] : untitled, line);
      untitled = undefined;
      if (heading) continue;
    }
    if (CLOSE.test(text) && blocks.length > 0) {
      if (blocks.pop() === 'other') out.push(source);
      continue;
    }
    if (OPEN.test(text) && !CLOSE.test(text)) blocks.push('other');
    steps.before(out, text, line);
    out.push(source);
  }
  steps.finish(out, out.at(-1)?.line ?? slide.lines[0]?.line ?? 0);
  return { ...slide, lines: out };
}

/** Quarto's slides are Pandoc's, with Quarto's own parts on top. */
export const quartoDialect: Dialect = {
  ...pandocDialect,
  name: 'Quarto deck',
  signs: QUARTO_SIGNS,
  prepare: (slide, report) => ({ ...prepareQuartoSlide(slide, report), notes: [] }),
};
