// A passage in another script than the lesson's (a Korean sentence in an English lesson) gets `<span lang="ko">`, so
// a screen reader reads it in that language's voice (WCAG 3.1.2). Code, formulas and passages the lesson marked are
// left as they are.
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { languageParts } from '../lesson/language-parts.ts';

/** Elements whose text is not words of a language: code, formulas and what is never read. */
const NOT_WORDS = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'template']);

export function languageSpans() {
  return (tree: Root, file: VFile) => {
    const lang = (file.data as { lang?: string }).lang ?? 'en';
    const mark = (parent: Root | Element) => {
      parent.children = (parent.children as ElementContent[]).flatMap((child): ElementContent[] => {
        if (child.type === 'element') {
          if (!NOT_WORDS.has(child.tagName) && child.properties.lang === undefined) mark(child);
          return [child];
        }
        if (child.type !== 'text') return [child];
        const parts = languageParts(child.value, lang);
        if (!parts.some((part) => part.lang)) return [child];
        return parts.map((part) =>
          part.lang
            ? { type: 'element', tagName: 'span', properties: { lang: part.lang }, children: [{ type: 'text', value: part.text }] }
            : { type: 'text', value: part.text },
        );
      }) as typeof parent.children;
    };
    mark(tree);
  };
}
