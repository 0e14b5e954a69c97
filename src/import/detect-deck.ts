// Tell slide Markdown from a plain-text article, and which tool's slides it is written for, with the signs that say so.
import type { DeckFlavour } from './dialects/dialect.ts';
import { DIALECTS } from './dialects/index.ts';

export type { DeckFlavour } from './dialects/dialect.ts';

export interface DetectedDeck {
  flavour: DeckFlavour;
  /** The signs found, in the words a teacher would recognise. */
  reasons: string[];
}

const withoutCode = (text: string) => text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');

/**
 * The deck's flavour, or undefined for prose (an article, or Markdown with no slide structure). Each dialect's signs are
 * searched outside code fences; the one with the most signs wins (ties go to the earlier one in DIALECTS).
 */
export function detectDeck(text: string): DetectedDeck | undefined {
  const source = withoutCode(text.replace(/^\uFEFF/, ''));
  const found = new Map<DeckFlavour, string[]>();
  for (const [flavour, dialect] of Object.entries(DIALECTS) as [DeckFlavour, (typeof DIALECTS)[DeckFlavour]][])
    for (const [pattern, reason] of dialect.signs) if (pattern.test(source)) found.set(flavour, [...(found.get(flavour) ?? []), reason]);
  const best = [...found.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  if (best) return { flavour: best[0], reasons: best[1] };
  // No tool's own syntax: `---` between parts is the common slide separator (reveal.js reads it so); headings alone are
  // how Pandoc cuts slides.
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/, '');
  if (/\n\s*\n---\s*\r?\n/.test(body)) return { flavour: 'reveal', reasons: ['`---` lines between slides'] };
  if (/^#{1,3} \S/m.test(body)) return { flavour: 'pandoc', reasons: ['Markdown headings (slides start at headings)'] };
  return undefined;
}
