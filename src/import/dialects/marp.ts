// Marp decks: slides cut at `---` (and `***`, `___`), and at headings with `headingDivider`; directives and speaker
// notes in HTML comments; `*` lists revealed item by item; `![bg](x.png)` backgrounds; emoji shortcodes.
import type { CommentHandler, Dialect } from './dialect.ts';

/** Marp's directives: a comment made only of `key: value` lines with these keys is settings, not a note. */
const MARP_DIRECTIVES = new Set([
  'theme',
  'style',
  'headingDivider',
  'lang',
  'math',
  'size',
  'title',
  'author',
  'description',
  'image',
  'keywords',
  'url',
  'marp',
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
]);

const marp: CommentHandler = (content, line, report) => {
  const lines = content.split('\n').filter((text) => text.trim() !== '');
  const isDirective = (text: string) => {
    const match = /^\s*(_?)([A-Za-z]+)\s*:/.exec(text);
    return match !== null && MARP_DIRECTIVES.has(match[2]);
  };
  if (lines.length > 0 && lines.every(isDirective)) {
    const visible = lines.filter((text) => /^\s*_?(?:header|footer)\s*:\s*\S/.test(text));
    report.dropped(
      line,
      `the Marp directive \`<!-- ${lines.map((text) => text.trim()).join('; ')} -->\`${visible.length > 0 ? ' (its text was shown on the slides; Lectern has no header or footer)' : ''}`,
    );
    return {};
  }
  if (/^\s*fit\s*$/.test(content)) {
    report.dropped(line, 'the Marp `<!-- fit -->` heading size (Lectern sizes headings by itself)');
    return {};
  }
  // In Marp, every other comment is a speaker note.
  return content.trim() === '' ? {} : { note: content.trim() };
};

export const marpDialect: Dialect = {
  name: 'Marp deck',
  signs: [
    [/^---\r?\n(?:.*\r?\n)*?marp:\s*true\s*$/m, 'front matter `marp: true`'],
    [/<!--\s*_?(?:class|paginate|footer|header|backgroundColor|color|theme)\s*:/, '`<!-- _class -->` directives'],
    [/!\[[^\]]*\b(?:bg|w:\d+|h:\d+|width:\d+(?:px)?)\b[^\]]*\]\(/, 'Marp image keywords (`![bg]`, `![w:300]`)'],
    [/^headingDivider:/m, '`headingDivider` in the front matter'],
  ],
  comment: marp,
  separator: (text) => /^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/.test(text),
  headingLevel: (settings, _lines, report) => {
    const level = settings.headingDivider;
    if (level) report.converted(0, `\`headingDivider: ${level}\`: headings of level ${level} or higher start slides`);
    return level;
  },
  setextHeadings: true,
  emojiShortcodes: true,
  rulesCutSlides: true,
  starListSteps: true,
  backgroundImages: true,
};
