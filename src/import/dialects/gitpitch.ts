// GitPitch decks: slides cut at `---` and `+++`, settings on the separator (`---?image=x.png`, `?include=`), `Note:`
// speaker notes, code steps `@[1-3](text)`, `@ul` lists, `@snap` layouts, `@fa` icons, emoji shortcodes.
import type { ImportReport } from '../import-report.ts';
import type { SourceLine, SourceSlide } from '../source-slide.ts';
import { keepComment, type Dialect, type LineTools } from './dialect.ts';

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

function separatorSettings(text: string, line: SourceLine, slide: SourceSlide, report: ImportReport): void {
  const query = /^(?:---|\+\+\+)\?(.*)$/.exec(text.trim())?.[1];
  if (query === undefined) return;
  const parameters = new URLSearchParams(query);
  const image = parameters.get('image');
  if (image) {
    slide.background = { text: image, line: line.line };
    report.converted(line.line, `the \`?image=${image}\` background → the slide's background picture`);
  }
  for (const key of ['include', 'code', 'gist'] as const) {
    const value = parameters.get(key);
    if (!value) continue;
    const what = key === 'include' ? 'its Markdown' : key === 'code' ? 'its code' : 'its code (a GitHub gist)';
    slide.lines.push({ text: `[Slide content to add: the original slide showed ${what} from ${value}]`, line: line.line }, { text: '', line: line.line });
    report.decide(line.line, `\`?${key}=${value}\`: the slide showed ${what} from another file; a placeholder stands in its place (paste it in)`);
  }
  const others = [...parameters.keys()].filter((key) => !['image', 'include', 'code', 'gist'].includes(key));
  if (others.length > 0)
    report.dropped(line.line, `${others.map((key) => `\`?${key}=\``).join(', ')} on the slide separator: GitPitch layout settings Lectern has no use for`);
}

/** GitPitch's own lines; undefined when the line was consumed. */
function gitPitchLine(text: string, line: number, { report, push, note, fragment, counted }: LineTools): string | undefined {
  const step = /^@\[([^\]]*)\]\((.*)\)\s*$/.exec(text.trim());
  if (step) {
    if (step[2].trim()) note(`Code lines ${step[1]}: ${step[2].trim()}`);
    counted('codeSteps');
    return undefined;
  }
  if (/^\s*@(?:ul|ol)(?:\[[^\]]*\])?(?:\([^)]*\))?\s*$/.test(text)) {
    report.converted(line, `the GitPitch \`${text.trim()}\` list (shown one item at a time) → \`:::incremental\``);
    push(':::incremental');
    return undefined;
  }
  if (/^\s*@(?:ulend|olend)\s*$/.test(text)) {
    push(':::');
    return undefined;
  }
  if (/^\s*@(?:snap\[[^\]]*\]|snapend|title\[[^\]]*\])\s*$/.test(text)) {
    const title = /@title\[([^\]]*)\]/.exec(text);
    report.dropped(line, title ? `the GitPitch \`@title[${title[1]}]\` (a menu title, not shown on the slide)` : `the GitPitch layout line \`${text.trim()}\``);
    return undefined;
  }
  // Old GitPitch: a list item ending in ` |` appears one click at a time.
  const stepped = LIST_ITEM.test(text) && /\s\|\s*$/.test(text);
  if (stepped) fragment();
  return (stepped ? text.replace(/\s+\|\s*$/, '') : text)
    .replace(/@fa\[([^\]]*)\](?:\(([^)]*)\))?/g, (_whole, icon: string, label: string | undefined) => {
      report.dropped(line, `the GitPitch icon \`@fa[${icon}]\` (Lectern has no icon font${label ? `; its text "${label}" is kept` : ''})`);
      return label ?? '';
    })
    .trimEnd()
    .replace(/@(css|color|size|span|box|quote)\[[^\]]*\]\(([^)]*)\)/g, (_whole, kind: string, inner: string) => {
      report.dropped(line, `the GitPitch \`@${kind}[…]\` styling around "${inner}" (its text is kept)`);
      return inner;
    });
}

export const gitpitchDialect: Dialect = {
  name: 'GitPitch deck',
  signs: [
    [/^\+\+\+(?:\?.*)?\s*$/m, '`+++` separators'],
    [/^(?:---|\+\+\+)\?(?:image|color|include|code)=/m, '`---?image=` backgrounds'],
    [/^@\[[\d,\s-]+\]/m, '`@[1-3](…)` code steps'],
    [/^@(?:snap|title|fa|css|color)\[/m, 'GitPitch `@snap` layouts'],
  ],
  comment: keepComment,
  separator: (text) => /^(?:---|\+\+\+)(?:\?.*)?\s*$/.test(text),
  onSeparator: separatorSettings,
  noteLabels: true,
  emojiShortcodes: true,
  line: gitPitchLine,
};
