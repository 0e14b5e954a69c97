// A passage the lesson marks as being in another language: `[Guten Tag]{lang=de}` (Pandoc's bracketed span). Its text
// nodes carry the language, so the deck puts it in `<span lang="de">`, the PDFs in a span with its own Lang and the
// PowerPoint file on its runs; the brackets and braces are not shown.
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './problems.ts';

declare module 'mdast' {
  interface TextData {
    /** The language of a passage the lesson marked (`[Guten Tag]{lang=de}`). */
    lang?: string;
  }
}

const CLOSE = /\]\{\s*lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^}"']*))\}/;

export function readLanguageSpans(tree: Root, file: VFile): void {
  visit(tree, (node) => {
    if (!('children' in node) || node.type === 'root') return;
    const parent = node as Parent;
    if (!parent.children.some((child) => child.type === 'text' && CLOSE.test(child.value))) return;
    parent.children = spansIn(parent.children as PhrasingContent[], file);
  });
}

/** The children with every `[…]{lang=xx}` read: its text marked, its brackets gone. */
function spansIn(children: PhrasingContent[], file: VFile): PhrasingContent[] {
  const out = [...children];
  for (let index = 0; index < out.length; index++) {
    const node = out[index];
    if (node.type !== 'text') continue;
    const match = CLOSE.exec(node.value);
    if (!match) continue;
    const lang = (match[1] ?? match[2] ?? match[3]).trim();
    const place = placeIn(node, match.index);
    const valid = validLanguage(lang);
    if (!valid) {
      report(
        file,
        'error',
        `"${lang}" in "{lang=${lang}}" is not a language tag. Write the language's code, like \`[Guten Tag]{lang=de}\` (German), \`{lang=fr}\` (French) or \`{lang=zh-Hant}\` (Chinese in traditional characters).`,
        place,
        'language-span',
      );
    }
    // The opening bracket: in this text before the braces, else in a text before it in the same paragraph.
    const own = node.value.lastIndexOf('[', match.index);
    let opener = own >= 0 ? index : -1;
    if (own < 0)
      for (let before = index - 1; before >= 0 && opener < 0; before--)
        if (out[before].type === 'text' && (out[before] as Text).value.includes('[')) opener = before;
    if (opener < 0) {
      report(
        file,
        'warning',
        `"{lang=${lang}}" follows no text in square brackets, so it marks nothing and is printed as it is. Put the passage in brackets right before it, like \`[Guten Tag]{lang=de}\`.`,
        place,
        'language-span',
      );
      // Read on after these braces.
      const rest: Text = { ...node, value: node.value.slice(match.index + match[0].length) };
      out.splice(index, 1, { ...node, value: node.value.slice(0, match.index + match[0].length) }, rest);
      continue;
    }
    const marked = valid
      ? (text: Text): Text => ({ ...text, data: { ...text.data, lang: valid, hName: 'span', hProperties: { lang: valid } } })
      : (text: Text) => text;
    const after: Text = { ...node, value: node.value.slice(match.index + match[0].length) };
    if (opener === index) {
      const before: Text = { ...node, value: node.value.slice(0, own) };
      const inside = marked({ ...node, value: node.value.slice(own + 1, match.index) });
      out.splice(index, 1, ...[before, inside].filter((text) => text.value !== ''), after);
      index = out.indexOf(after) - 1;
      continue;
    }
    const first = out[opener] as Text;
    const at = first.value.lastIndexOf('[');
    const middle = out.slice(opener + 1, index).map((child) => markDeep(child, marked));
    const replaced = [
      { ...first, value: first.value.slice(0, at) },
      marked({ ...first, value: first.value.slice(at + 1) }),
      ...middle,
      marked({ ...node, value: node.value.slice(0, match.index) }),
    ].filter((child) => child.type !== 'text' || child.value !== '');
    out.splice(opener, index - opener + 1, ...replaced, after);
    index = out.indexOf(after) - 1;
  }
  return out.filter((child) => child.type !== 'text' || child.value !== '');
}

/** A node with each of its texts marked (code and formulas are not words of a language). */
function markDeep(node: PhrasingContent, marked: (text: Text) => Text): PhrasingContent {
  if (node.type === 'text') return marked(node);
  if ('children' in node) return { ...node, children: (node.children as PhrasingContent[]).map((child) => markDeep(child, marked)) } as PhrasingContent;
  return node;
}

/** The canonical form of a BCP 47 language tag (`DE` → `de`), or undefined when it is none. */
function validLanguage(tag: string): string | undefined {
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** Where a character of a text node is, when the text before it is on the node's first line. */
function placeIn(node: Text, offset: number): { line: number; column: number } {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const before = node.value.slice(0, offset);
  const lines = before.split('\n');
  return lines.length === 1 ? { line: start.line, column: start.column + offset } : { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}
