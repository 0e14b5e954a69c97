// Turn a slide deck written for Marp, reveal.js / reveal-md, Pandoc, GitPitch, remark.js or Slidev into a Lectern
// lesson, with a report of what was converted, what was dropped and why, and what the teacher has to decide.
import { countOf } from '../shared/count-of.ts';
import { stringify } from 'yaml';
import { detectLanguage, languageName, proseOfMarkdown } from '../lesson/lesson-language.ts';
import { convertSlide, type ConvertContext, type ConvertedSlide } from './convert-slide.ts';
import { readDeckFrontMatter, type DeckMeta } from './deck-front-matter.ts';
import type { ImageCopy } from './deck-images.ts';
import { ImportReport } from './import-report.ts';
import type { VFile } from 'vfile';
import type { DetectedDeck } from './detect-deck.ts';
import { DIALECTS } from './dialects/index.ts';
import { splitDeck } from './split-deck.ts';

export interface ImportedDeck {
  markdown: string;
  title: string;
  /** e.g. "Marp deck (front matter `marp: true`, `<!-- _class -->` directives)". */
  found: string;
  slides: number;
  copies: ImageCopy[];
  /** What was converted, dropped, or left for the teacher to decide, as messages at the deck's lines. */
  file: VFile;
}

export interface ImportDeckOptions {
  /** The deck's file, as the teacher named it (messages name it). */
  path: string;
  title?: string;
  fallbackTitle: string;
  /** Does this path (relative to the deck's folder) name a file? */
  fileExists: (path: string) => boolean;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

export function importDeck(text: string, deck: DetectedDeck, options: ImportDeckOptions): ImportedDeck {
  const report = new ImportReport(options.path);
  const frontMatter = readDeckFrontMatter(text, report);
  const dialect = DIALECTS[deck.flavour];
  const sourceSlides = splitDeck(frontMatter.body, frontMatter.bodyLine, dialect, frontMatter.settings, report);
  const counts: ConvertContext['counts'] = { commentNotes: 0, noteLabels: 0, noteDivs: 0, latexNotes: 0, codeSteps: 0, emoji: new Set(), fragments: 0 };
  const copies: ImageCopy[] = [];
  const context: ConvertContext = { dialect, report, counts, images: { report, fileExists: options.fileExists, copies } };
  const slides = sourceSlides.flatMap((slide) => {
    const prepared = dialect.prepare?.(slide, report) ?? { ...slide, notes: [] };
    if (prepared.skip) {
      report.dropped(slide.lines[0]?.line ?? 0, prepared.skip);
      return [];
    }
    const converted = convertSlide(prepared, context);
    if (prepared.notes.length > 0) converted.notes.push(...(converted.notes.length > 0 ? [''] : []), ...prepared.notes);
    return [converted];
  });
  const meta: DeckMeta = { ...frontMatter.meta, ...(options.title ? { title: options.title } : {}) };
  const titleNotes = takeTitleSlide(slides, meta, report);
  if (!meta.title) {
    meta.title = options.fallbackTitle;
    report.decide(0, `the deck has no title and no heading: the title "${meta.title}" comes from the file name (change it in the front matter)`);
  }
  if (titleNotes.length > 0) {
    const target = slides[0];
    if (target) target.notes = [`From the title slide: ${titleNotes.join('\n')}`, ...(target.notes.length > 0 ? ['', ...target.notes] : [])];
    report.converted(0, "the title slide's speaker notes → the first slide's notes (Lectern makes the title slide itself)");
  }
  // A slide with nothing on it and no notes (between two separators, or only settings) shows students a blank screen.
  const empty = slides.filter((slide) => slide.notes.length === 0 && slide.body.every((line) => line.trim() === '' || /^\s*<!--[\s\S]*-->\s*$/.test(line)));
  for (const slide of empty) report.dropped(slide.line, 'an empty slide (no text, picture or notes on it: a blank screen)');
  const kept = slides.filter((slide) => !empty.includes(slide));
  summarise(report, counts, kept.length);

  if (!meta.lang) {
    meta.lang = detectLanguage(proseOfMarkdown([meta.title, ...kept.flatMap((slide) => [...slide.body, ...slide.notes])].join('\n')));
    report.decide(
      0,
      `the deck says no language: its words read as ${languageName(meta.lang)}, so the lesson says \`lang: ${meta.lang}\` (change it in the front matter if that is wrong)`,
    );
  }
  const lessonMeta = Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined));
  const header = `---\n${stringify({ title: meta.title, ...lessonMeta }, { lineWidth: 0 }).trim()}\n---\n`;
  const unmapped =
    Object.keys(frontMatter.unmapped).length > 0
      ? `\n<!-- From the original front matter:\n${stringify(frontMatter.unmapped, { lineWidth: 0 }).trim().replace(/--/g, '- -')}\n-->\n`
      : '';
  kept.forEach((slide) => evenHeadings(slide, report));
  const body = kept.map(slideMarkdown).join('\n\n---\n\n');
  return {
    markdown: `${header}${unmapped}\n${body}\n`,
    title: meta.title,
    found: `${dialect.name} (${deck.reasons.join(', ')})`,
    slides: kept.length,
    copies,
    file: report.file,
  };
}

/**
 * The first slide is the title slide when its first heading is the deck's title (or the deck has no other title) and
 * the rest of it is a few short lines (subtitle, author, date): Lectern makes the title slide from the front matter, so
 * the slide is taken out. Returns its speaker notes, to keep them.
 */
function takeTitleSlide(slides: ConvertedSlide[], meta: DeckMeta, report: ImportReport): string[] {
  const first = slides[0];
  const headingIndex = first?.body.findIndex((line) => HEADING.test(line)) ?? -1;
  if (!first || headingIndex < 0) return [];
  const heading = HEADING.exec(first.body[headingIndex])![2];
  const before = first.body.slice(0, headingIndex).filter((line) => line.trim() !== '');
  const rest = first.body.slice(headingIndex + 1).filter((line) => line.trim() !== '');
  const plain = (line: string) => line.length <= 120 && !/^\s*(?:[-*+>|!]|\d+[.)]|```|~~~|:::|\\:::|#)/.test(line) && !/!\[/.test(line);
  const sameTitle = meta.title === undefined || normalise(meta.title) === normalise(heading);
  if (!sameTitle || before.length > 0 || rest.length > 3 || !rest.every(plain)) {
    if (!meta.title) {
      meta.title = heading.replace(/[*_`]/g, '');
      report.converted(first.line, `the title "${meta.title}" comes from the first heading (its slide is kept: it holds more than a title)`);
    }
    return [];
  }
  if (!meta.title) meta.title = heading.replace(/[*_`]/g, '');
  const extra = rest
    .map((line) =>
      line
        .replace(/[*_`]/g, '')
        .replace(/<br\s*\/?>/gi, ' ')
        .trim(),
    )
    .filter(Boolean);
  if (extra.length > 0) {
    const known = [meta.subtitle, meta.author, meta.date].filter(Boolean).map((value) => normalise(String(value)));
    const fresh = extra.filter((line) => !known.some((value) => value === normalise(line)));
    if (fresh.length > 0) meta.subtitle = [meta.subtitle, ...fresh].filter(Boolean).join(' · ');
    report.converted(
      first.line,
      `the first slide ("${heading}") → the title slide${fresh.length > 0 ? `, its lines "${fresh.join('", "')}" → the subtitle` : ''}`,
    );
  } else report.converted(first.line, `the first slide ("${heading}") → the title slide`);
  slides.shift();
  return first.notes;
}

const normalise = (text: string) => text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A heading that skips a level (a subtitle written `###` under the slide's `#`) comes one level under the heading before
 * it: screen readers list headings by level, and a gap reads as a missing part.
 */
function evenHeadings(slide: ConvertedSlide, report: ImportReport): void {
  let previous: number | undefined;
  let fenced = false;
  slide.body = slide.body.map((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : HEADING.exec(line);
    if (!heading) return line;
    const level = heading[1].length;
    if (previous === undefined || level <= previous + 1) {
      previous = level;
      return line;
    }
    const even = previous + 1;
    report.converted(
      slide.line + index,
      `the heading "${heading[2]}" skipped from level ${previous} to ${level}: it is level ${even} (\`${'#'.repeat(even)}\`)`,
    );
    previous = even;
    return line.replace(/^#+/, '#'.repeat(even));
  });
}

function slideMarkdown(slide: ConvertedSlide): string {
  const notes = slide.notes.length > 0 ? `${slide.body.length > 0 ? '\n\n' : ''}:::notes\n${slide.notes.join('\n')}\n:::` : '';
  return `${slide.body.join('\n')}${notes}`;
}

function summarise(report: ImportReport, counts: ConvertContext['counts'], slides: number): void {
  report.converted(0, countOf(slides, 'slide'));
  if (counts.commentNotes > 0)
    report.converted(0, `${counts.commentNotes} HTML comments → speaker notes (in Marp and Slidev, a comment that is not a setting is a note)`);
  if (counts.noteLabels > 0) report.converted(0, `${counts.noteLabels} \`Note:\` speaker notes`);
  if (counts.noteDivs > 0) report.converted(0, `${counts.noteDivs} \`::: notes\` blocks → speaker notes`);
  if (counts.latexNotes > 0) report.converted(0, `${counts.latexNotes} Beamer \`\\note{}\` → speaker notes`);
  if (counts.codeSteps > 0) report.converted(0, `${counts.codeSteps} GitPitch code steps \`@[…](…)\` → speaker notes`);
  if (counts.fragments > 0) report.converted(0, `lists shown one item at a time → \`:::incremental\``);
  if (counts.emoji.size > 0) report.converted(0, `emoji shortcodes ${[...counts.emoji].join(' ')} → emoji`);
}
