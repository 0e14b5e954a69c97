// A deck's metadata (YAML front matter or Pandoc's `%` title block) → Lectern front matter, the tool's settings, and
// the keys Lectern has no use for (kept in a comment, each named in the report).
import { parse } from 'yaml';
import type { ImportReport } from './import-report.ts';

export interface DeckMeta {
  title?: string;
  subtitle?: string;
  author?: string;
  /** Only an ISO date (YYYY-MM-DD); a free-form date goes into the subtitle. */
  date?: string;
  school?: string;
  lang?: string;
}

export interface DeckSettings {
  /** Marp `headingDivider`: headings of this level or higher start a slide. */
  headingDivider?: number;
  /** reveal-md `separator` / `verticalSeparator` (regular expressions over whole lines). */
  separator?: RegExp;
  verticalSeparator?: RegExp;
  /** Pandoc `slide-level`. */
  slideLevel?: number;
}

export interface DeckFrontMatter {
  meta: DeckMeta;
  settings: DeckSettings;
  /** Keys that do not map, with their values, for a comment at the top of the lesson. */
  unmapped: Record<string, unknown>;
  body: string;
  /** Line of the source where `body` starts (1-based). */
  bodyLine: number;
}

/** Why a key does not carry over, by key; keys not listed get a generic reason. */
const DROP_REASONS: Record<string, string> = {
  marp: 'only tells Marp to read the file',
  theme: "a theme of the original tool; Lectern's themes are white, black, white-contrast, black-contrast, dracula and serif",
  paginate: 'Lectern numbers slides by itself',
  size: 'Lectern decks are always 16:9',
  header: 'Lectern has no text repeated on every slide',
  footer: 'Lectern has no text repeated on every slide',
  class: 'slide styles of the original theme',
  style: 'CSS of the original deck',
  headingDivider: 'used to cut the slides, then dropped',
  backgroundColor: 'slide colours come from the Lectern theme',
  backgroundImage: 'Lectern has no background images',
  color: 'slide colours come from the Lectern theme',
  math: 'math is kept as written',
  revealOptions: 'reveal.js settings (transitions, controls…); Lectern sets its own',
  separator: 'used to cut the slides, then dropped',
  verticalSeparator: 'used to cut the slides, then dropped',
  highlightTheme: 'code colours come from the Lectern theme',
  css: 'CSS of the original deck',
  'slide-level': 'used to cut the slides, then dropped',
  output: 'Pandoc output settings',
  format: 'Pandoc output settings',
  aspectratio: 'Lectern decks are always 16:9',
  'header-includes': 'LaTeX for Beamer',
  classoption: 'LaTeX for Beamer',
  fontsize: 'LaTeX for Beamer',
  colortheme: 'a Beamer theme',
  navigation: 'a Beamer setting',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LANG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

export function readDeckFrontMatter(text: string, report: ImportReport): DeckFrontMatter {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const meta: DeckMeta = {};
  const settings: DeckSettings = {};
  const unmapped: Record<string, unknown> = {};
  let start = 0;
  let data: Record<string, unknown> = {};

  if (lines[0]?.startsWith('% ') || lines[0] === '%') {
    // Pandoc's title block: % title, % authors (separated by ;), % date.
    const block: string[] = [];
    while (start < lines.length && lines[start].startsWith('%')) block.push(lines[start++].slice(1).trim());
    const [title, authors, date] = block;
    data = { ...(title ? { title } : {}), ...(authors ? { author: authors.split(';').map((name) => name.trim()) } : {}), ...(date ? { date } : {}) };
    report.converted(1, 'the `%` title block → title, author and date');
  }
  if (/^---\s*$/.test(lines[start] ?? '')) {
    // Closed by `---`, `...`, or a longer line of dashes (Marp reads one so).
    const end = lines.findIndex((line, index) => index > start && /^(-{3,}|\.\.\.)\s*$/.test(line));
    if (end > start) {
      const yamlText = lines.slice(start + 1, end).join('\n');
      try {
        const parsed: unknown = parse(yamlText);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = { ...data, ...(parsed as Record<string, unknown>) };
        else if (parsed !== null && parsed !== undefined) unmapped.frontMatter = yamlText;
      } catch {
        unmapped.frontMatter = yamlText;
        report.decide(start + 1, 'the front matter is not valid YAML: it was kept, as written, in the comment at the top of the lesson');
      }
      start = end + 1;
    }
  }

  const lineOf = (key: string) => Math.max(1, lines.findIndex((line) => line.startsWith(`${key}:`)) + 1);
  const textOf = (value: unknown): string | undefined => {
    if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join(', ') || undefined;
    if (value && typeof value === 'object' && 'name' in value) return textOf((value as { name: unknown }).name);
    return undefined;
  };
  let freeDate: string | undefined;
  for (const [key, value] of Object.entries(data)) {
    const line = lineOf(key);
    const asText = textOf(value);
    if (key === 'title' && asText) meta.title = asText;
    else if ((key === 'subtitle' || key === 'description') && asText && !meta.subtitle) meta.subtitle = asText;
    else if (key === 'author' && asText) meta.author = asText;
    else if (key === 'institute' && asText) meta.school = asText;
    else if (key === 'lang' && asText && LANG.test(asText)) meta.lang = asText;
    else if (key === 'date' && asText) {
      if (ISO_DATE.test(asText)) meta.date = asText;
      else {
        freeDate = asText;
        report.decide(line, `the date "${asText}" is not written YYYY-MM-DD: it is shown in the subtitle; write \`date: YYYY-MM-DD\` to use Lectern's date`);
      }
    } else {
      if (key === 'headingDivider' && typeof value === 'number') settings.headingDivider = value;
      if (key === 'headingDivider' && Array.isArray(value)) settings.headingDivider = Math.max(...value.filter((item) => typeof item === 'number'));
      if (key === 'slide-level' && typeof value === 'number') settings.slideLevel = value;
      if (key === 'separator' && typeof value === 'string') settings.separator = lineRegExp(value);
      if (key === 'verticalSeparator' && typeof value === 'string') settings.verticalSeparator = lineRegExp(value);
      unmapped[key] = value;
      const visible = (key === 'header' || key === 'footer') && asText ? ` (its text "${asText}" was on every slide)` : '';
      report.dropped(
        line,
        `front matter \`${key}\`${visible}: ${DROP_REASONS[key] ?? 'Lectern has no such setting'}; kept in the comment at the top of the lesson`,
      );
    }
  }
  if (freeDate) meta.subtitle = meta.subtitle ? `${meta.subtitle} · ${freeDate}` : freeDate;
  for (const key of ['title', 'subtitle', 'description', 'author', 'institute', 'lang'] as const)
    if (key in data && meta[key === 'institute' ? 'school' : key === 'description' ? 'subtitle' : key] !== undefined)
      report.converted(lineOf(key), `front matter \`${key}\` → \`${key === 'institute' ? 'school' : key === 'description' ? 'subtitle' : key}\``);
  if (meta.date) report.converted(lineOf('date'), 'front matter `date` → `date`');
  while (start < lines.length && lines[start].trim() === '') start++;
  return { meta, settings, unmapped, body: lines.slice(start).join('\n'), bodyLine: start + 1 };
}

/** reveal-md writes separators as regular expressions over the text (`^\n---\n$`); Lectern reads them line by line. */
function lineRegExp(source: string): RegExp | undefined {
  const line = source
    .replace(/\\r\?/g, '')
    .replace(/^\^?(?:\\n)*/, '')
    .replace(/(?:\\n)*\$?$/, '');
  try {
    return new RegExp(`^${line}$`);
  } catch {
    return undefined;
  }
}
