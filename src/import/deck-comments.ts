// HTML comments in a deck, by flavour: Marp directives and speaker notes, reveal.js slide and element attributes.
import type { DeckReport } from './deck-report.ts';
import type { DeckFlavour } from './detect-deck.ts';

export interface CommentResult {
  /** Text to put where the comment was (the comment itself, when Lectern can keep it as a comment). */
  replaceWith?: string;
  note?: string;
  /** Images to show on the slide (a reveal.js slide background). */
  images?: { url: string; alt: string }[];
  /** The comment marks its list item as revealed one by one. */
  fragment?: boolean;
}

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

type CommentHandler = (content: string, line: number, report: DeckReport) => CommentResult;

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

const reveal: CommentHandler = (content, line, report) => {
  const attributes = /^\s*\.(slide|element):\s*([\s\S]*)$/.exec(content);
  if (!attributes) return { replaceWith: `<!--${content}-->` };
  const [, target, text] = attributes;
  const pairs = [...text.matchAll(/([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g)].map((match) => ({
    name: match[1],
    value: match[2] ?? match[3] ?? match[4] ?? '',
  }));
  const result: CommentResult = {};
  const dropped: string[] = [];
  for (const { name, value } of pairs) {
    if (target === 'slide' && /^data-background(?:-image)?$/.test(name) && /\.(?:png|jpe?g|gif|svg|webp)(?:[?#].*)?$/i.test(value)) {
      result.images = [...(result.images ?? []), { url: value, alt: '' }];
      report.converted(line, `the slide background "${value}" → the slide's background picture`);
    } else if (target === 'slide' && /^data-background-(?:video|iframe)$/.test(name) && value) {
      const kind = name.endsWith('video') ? 'video' : 'web page';
      result.replaceWith = `[A ${kind} to add: the original slide showed ${value} behind it]`;
      report.decide(line, `the slide background ${kind} "${value}" cannot be shown: a placeholder stands in its place (add a picture, or a link)`);
    } else if (target === 'element' && name === 'class' && /\bfragment\b/.test(value)) {
      result.fragment = true;
      const rest = value.replace(/\bfragment\b/, '').trim();
      if (rest) dropped.push(`class="${rest}"`);
    } else dropped.push(value ? `${name}="${value}"` : name);
  }
  if (dropped.length > 0) report.dropped(line, `the reveal.js ${target} attributes \`${dropped.join(' ')}\` (Lectern has no such settings)`);
  return result;
};

const keep: CommentHandler = (content) => ({ replaceWith: `<!--${content}-->` });

/** Slidev: a slide's comments are its speaker notes. */
const slidev: CommentHandler = (content) => (content.trim() === '' ? {} : { note: content.trim() });

export const commentHandlers: Record<DeckFlavour, CommentHandler> = { marp, reveal, pandoc: keep, quarto: keep, gitpitch: keep, remark: keep, slidev };
