// reveal.js and reveal-md decks: slides cut at `---` (or reveal-md's own `separator`), vertical slides at `----` or `--`,
// `Note:` speaker notes, `<!-- .slide: -->` and `<!-- .element: -->` attributes (backgrounds, fragments).
import type { CommentHandler, CommentResult, Dialect } from './dialect.ts';

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

export const revealDialect: Dialect = {
  name: 'reveal.js / reveal-md deck',
  signs: [
    [/^revealOptions:/m, '`revealOptions` front matter'],
    [/<!--\s*\.slide:/, '`<!-- .slide: -->` attributes'],
    [/<!--\s*\.element:/, '`<!-- .element: -->` attributes'],
    [/^(?:--|----)\s*$/m, '`----` vertical slides'],
    [/^notes?:/im, '`Note:` speaker notes'],
  ],
  comment: reveal,
  separator: (text, settings) =>
    settings.separator ? settings.separator.test(text) : /^ {0,3}-{3,}\s*$/.test(text) && !(/^-{4}\s*$/.test(text) && !settings.verticalSeparator),
  vertical: (text, settings) => (settings.verticalSeparator ?? /^(?:--|----)\s*$/).test(text),
  noteLabels: true,
};
