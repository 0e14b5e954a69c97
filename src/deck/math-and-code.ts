// Formulas drawn as SVG and code highlighted, added after the sanitizer: what it lets through marks where they go
// (`<code class="language-…">`), and what is put there is made here, not taken from the lesson's HTML.
import { toHtml } from 'hast-util-to-html';
import { mathPieces } from '../lesson/inline-math-text.ts';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { SKIP, visit } from 'unist-util-visit';
import { highlightedCode } from '../shared/highlight-code.ts';
import { MathError, texToSvg } from '../math/tex-to-svg.ts';
import { speechOf } from '../math/tex-to-speech.ts';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';

const languageOf = (element: Element) => {
  const classes = element.properties.className;
  const name = Array.isArray(classes) ? classes.map(String).find((value) => value.startsWith('language-')) : undefined;
  return name?.slice('language-'.length);
};

/** The formula as an SVG that says what it is: role="img", its spoken form as the label ("v equals d over t"), its TeX as the title. */
function mathElement(tex: string, display: boolean, lang: string): Element | undefined {
  let svg: Element | undefined;
  try {
    const tree = fromHtml(texToSvg(tex, display).svg, { fragment: true });
    svg = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'svg');
  } catch (error) {
    if (error instanceof MathError) return undefined;
    throw error;
  }
  if (!svg) return undefined;
  svg.properties = { ...svg.properties, role: 'img', ariaLabel: speechOf(tex, display, lang) ?? tex, focusable: 'false' };
  svg.children.unshift({ type: 'element', tagName: 'title', properties: {}, children: [{ type: 'text', value: tex }] });
  return {
    type: 'element',
    tagName: display ? 'div' : 'span',
    properties: { className: [display ? 'lectern-math-display' : 'lectern-math'] },
    children: [svg],
  };
}

/**
 * A lesson block's text (a definition, a question) as HTML: its words escaped, each formula drawn (inline-math-text.ts).
 * A formula MathJax cannot draw stays as its TeX.
 */
export function blockTextHtml(text: string, lang: string): string {
  return mathPieces(text)
    .map((piece) => {
      if ('text' in piece) return escapeHtml(piece.text);
      const math = mathElement(piece.tex, false, lang);
      return math ? toHtml(math) : escapeHtml(piece.tex);
    })
    .join('');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function mathAndCode() {
  return (tree: Root, file: VFile) => {
    const lang = (file.data as { lang?: string }).lang ?? 'en';
    visit(tree, 'element', (element: Element, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const code =
        element.tagName === 'pre' ? element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code') : undefined;
      const inline = element.tagName === 'code' && parent.type === 'element' && (parent as Element).tagName !== 'pre';
      if (code && languageOf(code) === 'math') {
        const math = mathElement(toString(code), true, lang);
        if (math) parent.children.splice(index, 1, math);
        return SKIP;
      }
      if (inline && languageOf(element) === 'math') {
        const math = mathElement(toString(element), false, lang);
        if (math) parent.children.splice(index, 1, math as ElementContent);
        return SKIP;
      }
      if (code) {
        const highlighted = highlightedCode(toString(code), languageOf(code));
        code.properties.className = ['hljs', ...(languageOf(code) ? [`language-${languageOf(code)}`] : [])];
        if (highlighted) code.children = highlighted.children as ElementContent[];
        return SKIP;
      }
      return undefined;
    });
  };
}
