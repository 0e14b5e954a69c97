// Code highlighting (highlight.js through lowlight) at build time, for the deck, the PDFs and the PowerPoint file alike.
import type { Element, ElementContent, Root } from 'hast';
import { common, createLowlight } from 'lowlight';

const lowlight = createLowlight(common);

/** A piece of code and the kind of token it is (`keyword`, `string`, `comment` …; none for plain text). */
export interface CodeToken {
  text: string;
  kind?: string;
}

/** The highlighted code as hast (spans with `hljs-*` classes), or undefined for an unknown or missing language. */
export function highlightedCode(code: string, language: string | null | undefined): Root | undefined {
  if (!language || !lowlight.registered(language)) return undefined;
  return lowlight.highlight(language, code);
}

/** The code as tokens in order; for an unknown or missing language, one plain token. */
export function codeTokens(code: string, language: string | null | undefined): CodeToken[] {
  const tree = highlightedCode(code, language);
  if (!tree) return [{ text: code }];
  const tokens: CodeToken[] = [];
  const walk = (nodes: ElementContent[] | Root['children'], kind: string | undefined) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const last = tokens.at(-1);
        if (last && last.kind === kind) last.text += node.value;
        else tokens.push(kind ? { text: node.value, kind } : { text: node.value });
      } else if (node.type === 'element') walk(node.children, kindOf(node) ?? kind);
    }
  };
  walk(tree.children, undefined);
  return tokens;
}

function kindOf(element: Element): string | undefined {
  const classes = element.properties.className;
  if (!Array.isArray(classes)) return undefined;
  const name = classes.map(String).find((value) => value.startsWith('hljs-'));
  return name?.slice('hljs-'.length).split('_')[0];
}
