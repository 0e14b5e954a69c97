// Slidev decks: slides cut at `---`, each slide's own settings in a front matter right after its separator (or a
// ```` ```yaml ```` block at its top), `<v-click>` / `<v-clicks>` steps, layouts with slots (`two-cols` with
// `::right::`), pictures given as settings (`image:`, `background:`), and speaker notes in HTML comments.
import type { ImportReport } from '../import-report.ts';
import type { SourceLine, SourceSlide } from '../source-slide.ts';
import { dashSeparator, type Dialect } from './dialect.ts';

const SLIDEV_SIGNS: [RegExp, string][] = [
  [/(?:^|\n)---[ \t]*\r?\n(?:[\w-]+:[^\n]*\r?\n|[ \t]+[^\n]*\r?\n)+---[ \t]*(?:\r?\n|$)/, 'slide settings between `---` lines'],
  [/<v-clicks?\b|\sv-click\b/, '`<v-click>` steps'],
  [/^::\s*(?:right|left|default|top|bottom)\s*::\s*$/m, '`::right::` slots'],
  [/^(?:highlighter|drawings|mdc|transition|canvasWidth|themeConfig):/m, 'Slidev settings in the front matter'],
  [/^theme:\s*(?:seriph|apple-basic|bricks|shibainu|@slidev\/)/m, 'a Slidev theme'],
];

type Settings = Map<string, { value: string; line: number }>;

const SETTING = /^([\w-]+):\s*(.*?)\s*$/;
const SEPARATOR = /^---\s*$/;

/** Read `key: value` lines (a nested value's lines are kept with their key). */
function readSettings(lines: SourceLine[]): Settings {
  const settings: Settings = new Map();
  for (const line of lines) {
    const match = SETTING.exec(line.text);
    if (match) settings.set(match[1], { value: match[2].replace(/^['"]|['"]$/g, ''), line: line.line });
  }
  return settings;
}

const isSettingsBlock = (lines: SourceLine[]) =>
  lines.length > 0 && SETTING.test(lines[0].text) && lines.every((line) => SETTING.test(line.text) || /^\s+\S/.test(line.text) || line.text.trim() === '');

/** The deck's slides as Slidev cuts them; a slide's settings are taken out of its lines. */
function splitSlidev(body: string, firstLine: number): SourceSlide[] {
  const lines = body.split(/\r?\n/).map((text, index) => ({ text, line: firstLine + index }));
  const slides: SourceSlide[] = [{ lines: [] }];
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line.text);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      slides.at(-1)!.lines.push(line);
      continue;
    }
    if (fenceMatch) fence = fenceMatch[1];
    else if (SEPARATOR.test(line.text)) {
      const slide: SourceSlide = { lines: [] };
      slides.push(slide);
      // `---`, settings, `---`: the new slide's front matter.
      const close = lines.findIndex((candidate, at) => at > index && SEPARATOR.test(candidate.text));
      if (close > index + 1 && isSettingsBlock(lines.slice(index + 1, close))) {
        slide.settings = readSettings(lines.slice(index + 1, close));
        index = close;
      }
      continue;
    }
    slides.at(-1)!.lines.push(line);
  }
  for (const slide of slides) takeYamlBlock(slide);
  if (slides[0].lines.every((line) => line.text.trim() === '') && !slides[0].settings) slides.shift();
  return slides;
}

/** A ```` ```yaml ```` block at the top of a slide is its settings too. */
function takeYamlBlock(slide: SourceSlide): void {
  const start = slide.lines.findIndex((line) => line.text.trim() !== '');
  if (start < 0 || !/^```ya?ml\s*$/.test(slide.lines[start].text.trim())) return;
  const end = slide.lines.findIndex((line, at) => at > start && /^```\s*$/.test(line.text.trim()));
  if (end < 0 || !isSettingsBlock(slide.lines.slice(start + 1, end))) return;
  slide.settings = new Map([...(slide.settings ?? []), ...readSettings(slide.lines.slice(start + 1, end))]);
  slide.lines.splice(start, end - start + 1);
}

/** A picture's address or path (`/cover.jpg`, `https://cover.sli.dev`), not a colour or a gradient. */
const PICTURE = /^(?:https?:\/\/|\.{0,2}\/|[\w.-]+\/)|\.(?:png|jpe?g|gif|svg|webp|avif)(?:[?#].*)?$/i;
/** A slot: `::right::`, also written `:: right ::`. */
const SLOT = /^::\s*([\w-]+)\s*::\s*$/;

/** A Slidev slide as Markdown the common conversion reads: steps, slots and picture settings converted, the rest reported. */
function prepareSlidevSlide(slide: SourceSlide, report: ImportReport): SourceSlide {
  const settings = slide.settings ?? new Map();
  const layout = settings.get('layout')?.value;
  let background = slide.background;
  /** A layout's picture (`layout: image-right` with `image:`), shown beside the slide's text. */
  let picture: SourceLine | undefined;
  for (const [key, { value, line }] of settings) {
    if (key === 'background' && PICTURE.test(value)) {
      background = { text: value, line };
      report.converted(line, `the slide setting \`background: ${value}\` → the slide's background picture`);
    } else if (key === 'image' && PICTURE.test(value)) {
      picture = { text: `![](${value})`, line };
      report.converted(line, `the slide setting \`image: ${value}\` → a picture on the slide, after its text`);
    } else if (key === 'layout' && /^two-cols/.test(value)) report.converted(line, `the \`layout: ${value}\` → \`::::columns\`, its slots side by side`);
    else
      report.dropped(
        line,
        `the slide setting \`${key}: ${value}\` (${key === 'layout' ? 'Lectern lays out slides by itself' : 'Lectern has no such setting'})`,
      );
  }
  const lines = slide.lines;
  const hasSlots = lines.some((line) => /^(?:right|left)$/.test(SLOT.exec(line.text)?.[1] ?? ''));
  const out: SourceLine[] = [];
  let columns = false;
  let divSteps = 0;
  let fence = false;
  const firstLine = lines[0]?.line ?? 0;
  const openColumns = (line: number) => {
    out.push({ text: '::: {.columns .converted}', line }, { text: '::: {.column}', line });
    columns = true;
  };
  let titleSeen = false;
  for (const source of lines) {
    const { text, line } = source;
    if (/^\s*(`{3,}|~{3,})/.test(text)) fence = !fence;
    if (fence) {
      out.push(source);
      continue;
    }
    // Two columns: what comes before `::right::` (after the title) is the left one; `::left::` starts it explicitly.
    const slot = SLOT.exec(text)?.[1];
    if (hasSlots && !columns && slot === 'left') {
      openColumns(line);
      continue;
    }
    if (hasSlots && !columns && titleSeen && text.trim() !== '' && !slot && !/^\s*<!--/.test(text) && layout !== 'two-cols-header') openColumns(line);
    if (/^#{1,2}\s/.test(text)) titleSeen = true;
    if (slot === 'right') {
      if (!columns) openColumns(line);
      out.push({ text: ':::', line }, { text: '::: {.column}', line });
      continue;
    }
    if (slot) {
      report.dropped(line, `the slot \`${text.trim()}\` (its content is kept, in order)`);
      continue;
    }
    if (/^\s*<v-clicks\b[^>]*>\s*$/.test(text)) {
      out.push({ text: '::: incremental', line });
      report.converted(line, '`<v-clicks>` → a list revealed one item at a time (`:::incremental`)');
      continue;
    }
    if (/^\s*<\/v-clicks>\s*$/.test(text)) {
      out.push({ text: ':::', line });
      continue;
    }
    if (/^\s*<\/?v-(?:click|after)\b[^>]*>\s*$/.test(text)) {
      if (!text.includes('</')) report.converted(line, '`<v-click>`: its content is shown with the rest of the slide');
      continue;
    }
    if (/^\s*<div\b[^>]*\sv-(?:click|after)\b[^>]*>\s*$/.test(text)) {
      divSteps++;
      report.converted(line, '`<div v-click>`: its content is shown with the rest of the slide');
      continue;
    }
    if (divSteps > 0 && /^\s*<\/div>\s*$/.test(text)) {
      divSteps--;
      continue;
    }
    out.push(source);
  }
  if (columns) out.push({ text: ':::', line: firstLine }, { text: ':::', line: firstLine });
  if (picture) out.push({ text: '', line: picture.line }, picture);
  return { lines: out, ...(background ? { background } : {}) };
}

export const slidevDialect: Dialect = {
  name: 'Slidev deck',
  signs: SLIDEV_SIGNS,
  // A slide's comments are its speaker notes; `[click]` marks in them (when Slidev highlights the next part) are dropped.
  comment: (content) => {
    const note = content.replace(/^\s*\[click(?::\d+)?\]\s*/gm, '').trim();
    return note === '' ? {} : { note };
  },
  separator: dashSeparator,
  split: splitSlidev,
  prepare: (slide, report) => ({ ...prepareSlidevSlide(slide, report), notes: [] }),
};
