// Tell slide Markdown from a plain-text article, and which tool's slides it is written for, with the signs that say so.
import { QUARTO_SIGNS } from './dialects/quarto.ts';
import { REMARK_SIGNS } from './dialects/remark.ts';
import { SLIDEV_SIGNS } from './dialects/slidev.ts';

export type DeckFlavour = 'marp' | 'reveal' | 'pandoc' | 'quarto' | 'gitpitch' | 'remark' | 'slidev';

/** Quarto's slides are Pandoc's: cut, and read, by Pandoc's rules, with Quarto's own parts on top (dialects/quarto.ts). */
export const pandocLike = (flavour: DeckFlavour): boolean => flavour === 'pandoc' || flavour === 'quarto';

export interface DetectedDeck {
  flavour: DeckFlavour;
  /** The signs found, in the words a teacher would recognise. */
  reasons: string[];
}

export const FLAVOUR_NAMES: Record<DeckFlavour, string> = {
  marp: 'Marp deck',
  reveal: 'reveal.js / reveal-md deck',
  pandoc: 'Pandoc deck',
  quarto: 'Quarto deck',
  gitpitch: 'GitPitch deck',
  remark: 'remark.js deck',
  slidev: 'Slidev deck',
};

type Sign = [DeckFlavour, RegExp, string];

/** Each sign is searched outside code fences; the flavour with the most signs wins (ties go to the earlier flavour). */
const SIGNS: Sign[] = [
  ['marp', /^---\r?\n(?:.*\r?\n)*?marp:\s*true\s*$/m, 'front matter `marp: true`'],
  ['marp', /<!--\s*_?(?:class|paginate|footer|header|backgroundColor|color|theme)\s*:/, '`<!-- _class -->` directives'],
  ['marp', /!\[[^\]]*\b(?:bg|w:\d+|h:\d+|width:\d+(?:px)?)\b[^\]]*\]\(/, 'Marp image keywords (`![bg]`, `![w:300]`)'],
  ['marp', /^headingDivider:/m, '`headingDivider` in the front matter'],
  ['reveal', /^revealOptions:/m, '`revealOptions` front matter'],
  ['reveal', /<!--\s*\.slide:/, '`<!-- .slide: -->` attributes'],
  ['reveal', /<!--\s*\.element:/, '`<!-- .element: -->` attributes'],
  ['reveal', /^(?:--|----)\s*$/m, '`----` vertical slides'],
  ['reveal', /^notes?:/im, '`Note:` speaker notes'],
  ['pandoc', /^% \S/, 'a `%` title block'],
  ['pandoc', /^:::+\s*\{?\.?notes\}?\s*$/m, '`::: notes` blocks'],
  ['pandoc', /^:::+\s*\{\.columns?\b/m, '`::: {.columns}` blocks'],
  ['pandoc', /\\note\{/, 'Beamer `\\note{}`'],
  ['pandoc', /\\(?:alert|pause|begin)\b/, 'raw Beamer LaTeX'],
  ['pandoc', /^(?:output|format):\s*.*(?:beamer|revealjs)/m, '`beamer` / `revealjs` output in the metadata'],
  ['pandoc', /\]\([^)]*\)\{(?:width|height)=/, '`{width=…}` image attributes'],
  ['gitpitch', /^\+\+\+(?:\?.*)?\s*$/m, '`+++` separators'],
  ['gitpitch', /^(?:---|\+\+\+)\?(?:image|color|include|code)=/m, '`---?image=` backgrounds'],
  ['gitpitch', /^@\[[\d,\s-]+\]/m, '`@[1-3](…)` code steps'],
  ['gitpitch', /^@(?:snap|title|fa|css|color)\[/m, 'GitPitch `@snap` layouts'],
  ...QUARTO_SIGNS.map(([pattern, reason]): Sign => ['quarto', pattern, reason]),
  ...REMARK_SIGNS.map(([pattern, reason]): Sign => ['remark', pattern, reason]),
  ...SLIDEV_SIGNS.map(([pattern, reason]): Sign => ['slidev', pattern, reason]),
];

const withoutCode = (text: string) => text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');

/** The deck's flavour, or undefined for prose (an article, or Markdown with no slide structure). */
export function detectDeck(text: string): DetectedDeck | undefined {
  const source = withoutCode(text.replace(/^\uFEFF/, ''));
  const found = new Map<DeckFlavour, string[]>();
  for (const [flavour, pattern, reason] of SIGNS) if (pattern.test(source)) found.set(flavour, [...(found.get(flavour) ?? []), reason]);
  const best = [...found.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  if (best) return { flavour: best[0], reasons: best[1] };
  // No tool's own syntax: `---` between parts is the common slide separator (reveal.js reads it so); headings alone are
  // how Pandoc cuts slides.
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/, '');
  if (/\n\s*\n---\s*\r?\n/.test(body)) return { flavour: 'reveal', reasons: ['`---` lines between slides'] };
  if (/^#{1,3} \S/m.test(body)) return { flavour: 'pandoc', reasons: ['Markdown headings (slides start at headings)'] };
  return undefined;
}
