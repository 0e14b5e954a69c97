// Math in a lesson: a `$$…$$` paragraph of its own is display math, and every formula is read once here, so a mistake
// is reported at its place before anything is built.
import { hasMathText, mapStrings, mathPieces } from './inline-math-text.ts';
import type { Root } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { MathError, texToSvg } from '../math/tex-to-svg.ts';
import type { Formula } from '../math/tex-to-speech.ts';
import type { Lesson } from './model.ts';
import { placeOf } from './inline-text.ts';
import { report } from './problems.ts';

/** `$$E = mc^2$$` written as a paragraph of its own is display math, like the same formula between `$$` lines. */
export function displayMathParagraphs(tree: Root, source: string): void {
  visit(tree, 'paragraph', (paragraph, index, parent) => {
    const [only, ...rest] = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    if (rest.length > 0 || only?.type !== 'inlineMath' || !parent || index === undefined) return;
    if (source.slice(only.position?.start.offset, (only.position?.start.offset ?? 0) + 2) !== '$$') return;
    const code = { type: 'element' as const, tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [] };
    const display: Math = {
      type: 'math',
      value: only.value,
      data: { hName: 'pre', hChildren: [{ ...code, children: [{ type: 'text', value: only.value }] }] },
    };
    if (paragraph.position) display.position = paragraph.position;
    parent.children.splice(index, 1, display);
    return SKIP;
  });
}

/** Report each formula MathJax cannot read, and a `$$` block that is never closed. */
export function checkMath(tree: Root, source: string, file: VFile): void {
  visit(tree, (node) => {
    if (node.type !== 'math' && node.type !== 'inlineMath') return;
    const formula = node as Math | InlineMath;
    const place = placeOf(formula) ?? { line: 1, column: 1 };
    if (formula.type === 'math' && formula.position) {
      const written = source.slice(formula.position.start.offset, formula.position.end.offset).trimEnd();
      if (!/\$\$$/.test(written) || written.length < 4) {
        report(
          file,
          'error',
          'This `$$` formula is never closed, so the rest of the slide would be read as math. Add a line holding only `$$` after the formula.',
          place,
          'math-unclosed',
        );
        return;
      }
    }
    if (formula.value.trim() === '') return;
    try {
      texToSvg(formula.value, formula.type === 'math');
    } catch (error) {
      if (!(error instanceof MathError)) throw error;
      report(file, 'error', `This math could not be read: ${error.message}. Check the braces and the command names (see README "Math").`, place, 'math-error');
    }
  });
}

/** Every formula of a lesson (on its slides and in its notes), each once: display formulas and inline ones. */
export function formulasOf(lesson: Lesson): Formula[] {
  const found = new Map<string, Formula>();
  const walk = (value: unknown, depth: number): void => {
    if (depth > 60 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((item) => walk(item, depth + 1));
    const node = value as { type?: unknown; value?: unknown };
    if ((node.type === 'math' || node.type === 'inlineMath') && typeof node.value === 'string' && node.value.trim() !== '') {
      const formula = { tex: node.value, display: node.type === 'math' };
      found.set(`${formula.display}${formula.tex}`, formula);
      return;
    }
    for (const child of Object.values(value)) walk(child, depth + 1);
  };
  walk(lesson.slides, 0);
  // A block's texts hold their formulas as `$tex$` (inline-math-text.ts).
  for (const part of lesson.slides.flatMap((slide) => slide.parts))
    if (part.kind !== 'markdown' && part.kind !== 'columns')
      mapStrings(part, (text) => {
        if (hasMathText(text))
          for (const piece of mathPieces(text))
            if ('tex' in piece && piece.tex.trim() !== '') found.set(`false${piece.tex}`, { tex: piece.tex, display: false });
        return text;
      });
  return [...found.values()];
}
