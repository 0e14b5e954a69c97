// One slide of a deck → Lectern Markdown, line by line: what students see, and the speaker notes.
import { convertImage, type ImageContext } from './deck-images.ts';
import type { ImportReport } from './import-report.ts';
import type { Dialect, LineTools } from './dialects/dialect.ts';
import { replaceShortcodes } from './emoji-shortcodes.ts';
import type { SourceLine, SourceSlide } from './source-slide.ts';

export interface ConvertedSlide {
  line: number;
  body: string[];
  notes: string[];
}

export interface ConvertContext {
  dialect: Dialect;
  report: ImportReport;
  images: ImageContext;
  /** Counts for the report's summary lines. */
  counts: { commentNotes: number; noteLabels: number; noteDivs: number; latexNotes: number; codeSteps: number; emoji: Set<string>; fragments: number };
}

type Div = 'notes' | 'keep' | 'drop' | 'columns' | 'column';

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)(\{[^}]*\})?/g;
const NOTE_LABEL = /^\s*notes?:\s*/i;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

export function convertSlide(slide: SourceSlide, context: ConvertContext): ConvertedSlide {
  const { dialect, report, counts } = context;
  const body: string[] = [];
  const notes: string[] = [];
  /** Body lines marked to appear one at a time, with the source line that asked for it. */
  const fragmentLines = new Map<number, number>();
  let fragment = false;
  const divs: Div[] = [];
  let inNotes = false;
  let fence: string | undefined;
  let style = false;
  let comment: { text: string; line: number } | undefined;
  let latex: { kind: 'note' | 'env'; name: string; text: string; line: number } | undefined;
  const push = (text: string) => (inNotes || divs.includes('notes') ? notes : body).push(text);
  /** The source line being converted. */
  let current = 0;
  const tools: LineTools = {
    report,
    push,
    note: (text) => notes.push(text, ''),
    fragment: () => markFragment(body.length, current),
    counted: (what) => counts[what]++,
  };
  const image = (alt: string, url: string, line: number, attributes?: string) => convertImage(alt, url, line, context.images, attributes);
  /** Pictures the deck shows behind the slide: set as the slide's background once its title is known (placeBackground). */
  const backgrounds: { url: string; alt: string; line: number }[] = [];
  if (slide.background) backgrounds.push({ url: slide.background.text, alt: '', line: slide.background.line });

  const handleComment = (content: string, line: number): string => {
    const result = dialect.comment(content, line, report);
    if (result.note !== undefined) {
      notes.push(...result.note.split('\n'), '');
      counts.commentNotes++;
    }
    if (result.fragment) fragment = true;
    for (const background of result.images ?? []) backgrounds.push({ ...background, line });
    return result.replaceWith ?? '';
  };

  const handleLine = ({ text: raw, line }: SourceLine): void => {
    let text = raw;
    current = line;
    fragment = false;
    if (fence) {
      push(text);
      const match = FENCE.exec(text);
      if (match && match[1][0] === fence[0] && match[1].length >= fence.length && text.trim() === match[1]) fence = undefined;
      return;
    }
    if (comment) {
      const end = text.indexOf('-->');
      if (end < 0) {
        comment.text += `\n${text}`;
        return;
      }
      const replacement = handleComment(`${comment.text}\n${text.slice(0, end)}`, comment.line);
      comment = undefined;
      if (replacement) push(replacement);
      text = text.slice(end + 3);
      if (text.trim() === '') return;
    }
    if (style) {
      if (/<\/style>/i.test(text)) style = false;
      return;
    }
    if (latex) {
      latex.text += `\n${text}`;
      finishLatex();
      return;
    }
    const fenceMatch = FENCE.exec(text);
    if (fenceMatch) {
      fence = fenceMatch[1];
      push(text);
      return;
    }
    if (/^\s*<style\b/i.test(text)) {
      report.dropped(line, `a \`<style${/scoped/i.test(text) ? ' scoped' : ''}>\` block (CSS of the original deck; it was never shown as text)`);
      style = !/<\/style>/i.test(text);
      return;
    }
    // Comments on one line, then one that runs on to the next lines.
    text = text.replace(/<!--([\s\S]*?)-->/g, (_whole, content: string) => handleComment(content, line));
    const open = text.indexOf('<!--');
    if (open >= 0) {
      comment = { text: text.slice(open + 4), line };
      text = text.slice(0, open);
    }
    if (text.trim() === '' && raw.trim() !== '') {
      // A comment on its own line marks what is above it (reveal.js gives its attributes to the element before it).
      if (fragment) markFragment(previousLine(body), line);
      return;
    }
    const fragmentHere = fragment;

    const div = /^\s*:{3,}\s*(.*?)\s*:*\s*$/.exec(text);
    if (div) return handleDiv(div[1], line);
    if (dialect.pandoc) {
      const handled = handleLatex(text, line);
      if (handled === undefined) return;
      text = handled;
    }
    if (dialect.line) {
      const handled = dialect.line(text, line, tools);
      if (handled === undefined) return;
      text = handled;
    }
    if (!dialect.rulesCutSlides && /^ {0,3}(?:(?:\* *){3,}|(?:_ *){3,})$/.test(text)) {
      report.dropped(line, 'a horizontal line (in Lectern, `---` starts a new slide)');
      return;
    }
    // What another tool takes for speaker notes never reaches students unannounced: remark.js's `???` is taken for
    // notes in any deck; a `Note:` line or a Beamer `\note{}` this deck's tool shows is shown, and listed for the teacher.
    if (/^\?\?\?\s*$/.test(text) && !inNotes && !divs.includes('notes')) {
      inNotes = true;
      report.converted(line, '`???` (speaker notes in remark.js) → the rest of the slide is speaker notes');
      return;
    }
    if (NOTE_LABEL.test(text) && !inNotes && !divs.includes('notes')) {
      if (dialect.noteLabels) {
        inNotes = true;
        counts.noteLabels++;
        text = text.replace(NOTE_LABEL, '');
        if (text.trim() === '') return;
      } else {
        text = text.replace(/^(\s*)(notes?):/i, '$1**$2:**');
        report.decide(
          line,
          `the line "${raw.trim().slice(0, 60)}" is shown to students, as ${dialect.name.replace(/ deck$/, '')} shows it; if it is a note for you, move it into a \`:::notes\` block`,
        );
      }
    }
    if (!dialect.pandoc && /\\note\{/.test(text))
      report.decide(line, `\`\\note{…}\` (a Beamer speaker note) is shown to students as written; if it is a note for you, move it into a \`:::notes\` block`);
    const labelInList = /^(\s*(?:[-*+]|\d+[.)])\s+)(notes?):/i;
    if (labelInList.test(text)) text = text.replace(labelInList, '$1**$2:**');
    if (dialect.starListSteps && /^\* \S/.test(text)) markFragment(body.length, line);
    if (dialect.emojiShortcodes) {
      const emoji = replaceShortcodes(text);
      emoji.replaced.forEach((code) => counts.emoji.add(code));
      text = emoji.text;
    }
    text = text.replace(IMAGE, (whole, alt: string, url: string, attributes: string | undefined) => {
      // Marp's `![bg](x.png)` fills the slide behind its text (`![bg left](…)` is a picture beside it).
      if (dialect.backgroundImages && /(?:^|\s)bg(?:\s|$)/i.test(alt) && !/(?:^|\s)(?:left|right|vertical)\b/i.test(alt) && text.trim() === whole.trim()) {
        backgrounds.push({ url, alt: '', line });
        report.converted(line, `the Marp background \`![${alt}](${url})\` → the slide's background picture`);
        return '';
      }
      return image(alt, url, line, attributes);
    });
    if (text.trim() === '' && raw.trim() !== '') return;
    if (/<img\b/i.test(text)) text = htmlImages(text, line);
    const headingAttributes = /^(#{1,6}\s+.*?)\s*\{([^}]*)\}\s*$/.exec(text);
    if (dialect.pandoc && headingAttributes) {
      text = headingAttributes[1];
      const background = /background-image="?([^"\s}]+)"?/.exec(headingAttributes[2]);
      if (background) {
        backgrounds.push({ url: background[1], alt: '', line });
        report.converted(line, `the slide background "${background[1]}" → the slide's background picture`);
      } else report.dropped(line, `the heading attributes \`{${headingAttributes[2]}}\` (Lectern has no such settings)`);
    }
    if (/^\s*:::/.test(text)) text = text.replace(/^(\s*):::/, '$1\\:::');
    if (fragmentHere) markFragment(body.length, line);
    push(text);
  };

  const markFragment = (index: number, line: number): void => {
    if (index < 0 || inNotes || divs.includes('notes')) return;
    fragmentLines.set(index, line);
    counts.fragments++;
  };

  /** `<img src alt>` → a Markdown image (copied like the others); a line of only images and their wrapping tags loses the tags. */
  const htmlImages = (text: string, line: number): string => {
    const converted = text.replace(/<img\b([^>]*)>/gi, (whole, attributes: string) => {
      const value = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
      const src = value('src');
      const url = src?.[1] ?? src?.[2] ?? src?.[3];
      if (!url) return whole;
      const alt = value('alt');
      const sizes = [...attributes.matchAll(/\b(width|height|style|align|class)\s*=/gi)].map((match) => match[1]);
      report.converted(line, `the HTML image \`<img src="${url}">\` → a Markdown image${sizes.length > 0 ? ` (its ${sizes.join(', ')} dropped)` : ''}`);
      return image(alt?.[1] ?? alt?.[2] ?? alt?.[3] ?? '', url, line);
    });
    const wrappers = /<\/?(?:p|div|center|figure|span)\b[^>]*>|<br\s*\/?>/gi;
    if (
      converted !== text &&
      converted
        .replace(wrappers, '')
        .replace(IMAGE, '')
        .replace(/\[[^\]]*\]/g, '')
        .trim() === '' &&
      wrappers.test(converted)
    ) {
      report.dropped(line, 'the HTML tags around an image (Lectern places images itself)');
      return converted.replace(wrappers, ' ').trim();
    }
    return converted;
  };

  const handleDiv = (attributes: string, line: number): void => {
    if (attributes === '') {
      const closed = divs.pop();
      if (closed === 'keep' || closed === 'column') push(':::');
      else if (closed === 'columns') push('::::');
      else if (closed === undefined) push('\\:::');
      // The next column's heading or text must not run on into this one's last paragraph.
      else push('');
      return;
    }
    const classes = [...attributes.matchAll(/(?:^|[\s{])\.?([A-Za-z][\w-]*)/g)].map((match) => match[1]);
    if (classes.includes('notes')) {
      divs.push('notes');
      counts.noteDivs++;
    } else if (classes.includes('incremental')) {
      push(':::incremental');
      divs.push('keep');
    } else if (classes.includes('columns') && !divs.includes('columns')) {
      push('::::columns');
      divs.push('columns');
      // A dialect that made the columns from its own syntax (`.converted`) has said so itself.
      if (!classes.includes('converted')) report.converted(line, `\`::: ${attributes}\` → \`::::columns\`, its columns side by side`);
    } else if (classes.includes('column') && divs.at(-1) === 'columns') {
      const width = /\bwidth\s*=\s*"?(\d+(?:\.\d+)?)%"?/.exec(attributes)?.[1];
      push(width && Number(width) >= 5 && Number(width) <= 100 ? `:::column{width=${width}%}` : ':::column');
      divs.push('column');
    } else {
      divs.push('drop');
      if (classes.some((name) => name === 'columns' || name === 'column'))
        report.converted(line, `\`::: ${attributes}\`: shown in order (a column outside \`::: {.columns}\`)`);
      else report.dropped(line, `the block \`::: ${attributes}\` (its content is kept)`);
    }
  };

  /** Raw Beamer LaTeX: notes, emphasis and environments (kept as code so nothing is lost). Undefined: line consumed. */
  const handleLatex = (text: string, line: number): string | undefined => {
    const note = /\\note(?:\[[^\]]*\])?\{/.exec(text);
    if (note) {
      const before = text.slice(0, note.index);
      if (before.trim()) push(inlineLatex(before));
      latex = { kind: 'note', name: '', text: text.slice(note.index + note[0].length - 1), line };
      finishLatex();
      return undefined;
    }
    const environment = /^\s*\\begin\{([^}]+)\}/.exec(text);
    if (environment) {
      latex = { kind: 'env', name: environment[1], text, line };
      finishLatex();
      return undefined;
    }
    if (/^\s*\\(?:pause|vfill|vspace\{[^}]*\}|centering|newline|medskip|bigskip|smallskip)\s*$/.test(text)) {
      report.dropped(line, `the LaTeX command \`${text.trim()}\` (a Beamer layout command)`);
      return undefined;
    }
    return inlineLatex(text);
  };

  const finishLatex = (): void => {
    if (!latex) return;
    if (latex.kind === 'note') {
      const end = balancedEnd(latex.text);
      if (end < 0) return;
      notes.push(...inlineLatex(latex.text.slice(1, end).trim()).split('\n'), '');
      counts.latexNotes++;
      const after = latex.text.slice(end + 1);
      latex = undefined;
      if (after.trim()) push(inlineLatex(after));
    } else {
      if (!new RegExp(`\\\\end\\{${latex.name.replace(/[*]/g, '\\*')}\\}`).test(latex.text)) return;
      report.decide(
        latex.line,
        `the LaTeX \`${latex.name}\` environment is kept as a code block, so nothing is lost: rewrite it as Markdown (a table, an image…)`,
      );
      push('```latex');
      latex.text.split('\n').forEach((piece) => push(piece));
      push('```');
      latex = undefined;
    }
  };

  const inlineLatex = (text: string): string =>
    text.replace(/\\(?:alert|textbf|structure)\{([^{}]*)\}/g, '**$1**').replace(/\\(?:emph|textit)\{([^{}]*)\}/g, '_$1_');

  for (const line of slide.lines) handleLine(line);
  if (comment) notes.push(comment.text.trim());
  if (latex) push(latex.text);
  const incremental = wrapIncremental(body, new Set(fragmentLines.keys()));
  for (const index of incremental.unused)
    report.dropped(
      fragmentLines.get(index)!,
      '`class="fragment"` on something that is not a list item: it is shown at once (Lectern shows list items one at a time, nothing else)',
    );
  return { line: slide.lines[0]?.line ?? slide.background?.line ?? 1, body: placeBackground(incremental.body, backgrounds, context), notes: trimBlank(notes) };
}

/** The index of the last line of `lines` that is not blank, or -1. */
function previousLine(lines: string[]): number {
  let index = lines.length - 1;
  while (index >= 0 && lines[index].trim() === '') index--;
  return index;
}

/** The index of the `}` closing the `{` at the start of `text`, or -1 when it is not closed yet. */
function balancedEnd(text: string): number {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '{' && text[index - 1] !== '\\') depth++;
    if (text[index] === '}' && text[index - 1] !== '\\' && --depth === 0) return index;
  }
  return -1;
}

/**
 * Put each list that holds a fragment item inside `:::incremental`, so its items appear one click at a time. A mark on an
 * item's continuation line belongs to the item; `unused` are the marks on anything else.
 */
function wrapIncremental(body: string[], fragmentLines: Set<number>): { body: string[]; unused: number[] } {
  const unused: number[] = [];
  if (fragmentLines.size === 0) return { body: trimBlank(body), unused };
  const inList = (index: number) => LIST_ITEM.test(body[index] ?? '') || (/^\s+\S/.test(body[index] ?? '') && index > 0);
  const ranges: [number, number][] = [];
  for (const mark of [...fragmentLines].sort((a, b) => a - b)) {
    let index = mark;
    while (index > 0 && !LIST_ITEM.test(body[index] ?? '') && /^\s+\S/.test(body[index] ?? '')) index--;
    if (!LIST_ITEM.test(body[index] ?? '')) {
      unused.push(mark);
      continue;
    }
    if (ranges.some(([start, end]) => index >= start && index <= end)) continue;
    let start = index;
    while (start > 0 && inList(start - 1)) start--;
    let end = index;
    while (end + 1 < body.length && inList(end + 1)) end++;
    ranges.push([start, end]);
  }
  const result = [...body];
  for (const [start, end] of ranges.reverse()) {
    result.splice(end + 1, 0, ':::');
    result.splice(start, 0, ':::incremental');
  }
  return { body: trimBlank(result), unused };
}

function trimBlank(lines: string[]): string[] {
  const result = [...lines];
  while (result[0] === '') result.shift();
  while (result.at(-1) === '') result.pop();
  return result;
}

/**
 * A slide's background picture goes on its title (`## Title {background="images/x.png"}`), as Lectern draws one behind
 * the slide; a slide with no title shows it as a picture. A picture that is not there is a placeholder to fill in.
 */
function placeBackground(body: string[], backgrounds: { url: string; alt: string; line: number }[], context: ConvertContext): string[] {
  const [background, ...more] = backgrounds;
  if (!background) return body;
  let fenced = false;
  const title = body.findIndex((line) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    return !fenced && /^#{1,2}\s+\S/.test(line) && !/\{[^}]*\}\s*$/.test(line);
  });
  const extra = more.map((other) => convertImage(other.alt, other.url, other.line, context.images));
  const picture = convertImage(background.alt, background.url, background.line, context.images, '', { background: title >= 0 });
  const path = /^!\[[^\]]*\]\((?:<([^>]+)>|([^)\s]+))\)/.exec(picture);
  const file = path?.[1] ?? path?.[2];
  if (title >= 0 && file && !file.includes('"')) {
    const withTitle = [...body];
    withTitle[title] = `${body[title].trimEnd()} {background="${file}"}`;
    return [...extra.flatMap((line) => [line, '']), ...withTitle];
  }
  if (title < 0 && file)
    context.report.converted(background.line, `the slide has no title to set its background on: "${background.url}" is shown as a picture on it`);
  return [...[picture, ...extra].flatMap((line) => [line, '']), ...body];
}
