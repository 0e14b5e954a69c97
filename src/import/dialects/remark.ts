// remark.js decks (and the `.html` page that holds one in a `<textarea id="source">`): slides cut at `---`, the
// properties at the top of a slide (`class:`, `name:`, `layout: true`, `exclude: true`, `background-image:`), `--`
// steps that add to the slide, `???` speaker notes, and content classes (`.footnote[…]`, `.left-column[…]`).
// Each slide is turned into Markdown the common conversion reads (convert-slide.ts), its notes taken out.
import type { ImportReport } from '../import-report.ts';
import type { SourceLine, SourceSlide } from '../source-slide.ts';
import { dashSeparator, keepComment, type Dialect, type PreparedSlide } from './dialect.ts';
import { SlideSteps } from './steps.ts';

const REMARK_SIGNS: [RegExp, string][] = [
  [/^\?\?\?\s*$/m, '`???` speaker notes'],
  [/^--\s*$/m, '`--` steps'],
  // `key: value` lines right after a `---`, then the slide (Slidev closes its slide settings with another `---`).
  [
    /(?:^|\n)---[ \t]*\r?\n(?=(?:[\w-]+:[^\n]*\r?\n)*(?:class|name|layout|template|background-image|count|exclude):)(?:[\w-]+:[^\n]*\r?\n)+(?![\w-]+:|---)/,
    'slide properties (`class:`, `name:`)',
  ],
  [/^\s*\.[a-z][\w-]*\[/m, 'content classes (`.footnote[…]`)'],
  [/<textarea\b[^>]*\bid=["']source["']/i, 'a remark.js page'],
];

/** The deck's Markdown from a remark.js page saved as `.html`: its `<textarea id="source">`, as the browser reads it. */
export function remarkSource(html: string): string | undefined {
  const match = /<textarea\b[^>]*\bid=["']source["'][^>]*>([\s\S]*?)<\/textarea>/i.exec(html);
  if (!match) return undefined;
  const text = match[1].replace(/&(lt|gt|quot|#39|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", amp: '&' })[name]!);
  // The page indents the textarea's text with its HTML: remark.js takes off the first line's indentation.
  const lines = text.replace(/^\s*\n/, '').split('\n');
  const indent = /^[ \t]*/.exec(lines.find((line) => line.trim() !== '') ?? '')![0];
  return lines.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line)).join('\n');
}

const PROPERTY = /^([\w-]+):\s*(.*?)\s*$/;
/** Content classes that put what they hold side by side: the first a left column, the second a right one. */
const LEFT = /^(?:left-column|pull-left|left)$/;
const RIGHT = /^(?:right-column|pull-right|right)$/;

function prepareRemarkSlide(slide: SourceSlide, report: ImportReport): PreparedSlide {
  const lines = [...slide.lines];
  const notes: string[] = [];
  let background = slide.background;
  // Properties: `key: value` lines at the very top of the slide.
  const properties = new Map<string, { value: string; line: number }>();
  while (lines.length > 0 && PROPERTY.test(lines[0].text) && !/^https?:/.test(lines[0].text)) {
    const [, key, value] = PROPERTY.exec(lines[0].text)!;
    properties.set(key, { value, line: lines[0].line });
    lines.shift();
  }
  const first = slide.lines[0]?.line ?? 0;
  const text = (from: SourceLine[]) =>
    from
      .map((line) => line.text.replace(/\.[a-z][\w-]*\[([^\][]*)\]/g, '$1').trim())
      .filter(Boolean)
      .join(' ');
  if (properties.get('layout')?.value === 'true') {
    const shown = text(lines);
    return {
      lines: [],
      notes: [],
      skip: `a layout slide (\`layout: true\`)${shown ? `: its text "${shown}" was shown on every slide after it; Lectern has no text repeated on every slide` : ''}`,
    };
  }
  if (properties.get('exclude')?.value === 'true')
    return { lines: [], notes: [], skip: `a slide marked \`exclude: true\` (remark.js does not show it): "${text(lines).slice(0, 80)}"` };
  for (const [key, { value, line }] of properties) {
    const url = key === 'background-image' ? /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(value)?.[1] : undefined;
    if (url) {
      background = { text: url, line };
      report.converted(line, `the \`background-image: url(${url})\` slide property → the slide's background picture`);
    } else
      report.dropped(line, `the slide property \`${key}: ${value}\` (${key === 'class' ? 'a style of the original theme' : 'Lectern has no such setting'})`);
  }

  const out: SourceLine[] = [];
  let inNotes = false;
  const steps = new SlideSteps('--', report);
  /** Open content classes, innermost last: a column, or a class whose text is kept. */
  const blocks: ('column' | 'keep')[] = [];
  let columns = 0;
  let fence: string | undefined;
  for (const source of lines) {
    const line = source.line;
    const emit = (value: string) => (inNotes ? notes.push(value) : out.push({ text: value, line }));
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(source.text);
    if (fence) {
      emit(source.text);
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) fence = fenceMatch[1];
    if (/^\?\?\?\s*$/.test(source.text)) {
      inNotes = true;
      continue;
    }
    if (/^--\s*$/.test(source.text)) {
      // A step: what follows is added to the slide on the next click. Its notes end here.
      inNotes = false;
      steps.step();
      continue;
    }
    if (inNotes) {
      notes.push(source.text);
      continue;
    }
    const open = /^\s*\.([a-z][\w-]*)\[\s*$/.exec(source.text);
    if (open) {
      if (LEFT.test(open[1]) || (RIGHT.test(open[1]) && columns === 1)) {
        if (columns === 0) report.converted(line, `the content classes \`.${open[1]}[…]\` and the one beside it → \`::::columns\`, side by side`);
        if (columns === 0) out.push({ text: '::: {.columns .converted}', line });
        out.push({ text: '::: {.column}', line });
        columns++;
        blocks.push('column');
      } else {
        blocks.push('keep');
        report.dropped(line, `the content class \`.${open[1]}[…]\` (a style of the original deck; its text is kept)`);
      }
      continue;
    }
    if (/^\s*\]\s*$/.test(source.text) && blocks.length > 0) {
      if (blocks.pop() === 'column') {
        out.push({ text: ':::', line });
        if (columns === 2) {
          out.push({ text: ':::', line });
          columns = 0;
        }
      }
      continue;
    }
    if (columns === 1 && blocks.length === 0 && source.text.trim() !== '') {
      // A left column with no right one beside it.
      out.push({ text: ':::', line }, { text: ':::', line });
      columns = 0;
    }
    const inline = source.text.replace(/\.([a-z][\w-]*)\[([^\][]*)\]/g, (_whole, name: string, inner: string) => {
      report.dropped(line, `the content class \`.${name}[…]\` (a style of the original deck; its text is kept)`);
      return inner;
    });
    steps.before(out, inline, line);
    emit(inline);
  }
  steps.finish(out, out.at(-1)?.line ?? first);
  if (columns > 0) out.push({ text: ':::', line: first }, { text: ':::', line: first });
  while (notes.length > 0 && notes.at(-1)!.trim() === '') notes.pop();
  while (notes.length > 0 && notes[0].trim() === '') notes.shift();
  return { lines: out, notes, ...(background ? { background } : {}) };
}

export const remarkDialect: Dialect = {
  name: 'remark.js deck',
  signs: REMARK_SIGNS,
  comment: keepComment,
  separator: dashSeparator,
  prepare: prepareRemarkSlide,
};
