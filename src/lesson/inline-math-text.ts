// The text of a lesson block (a term's definition, a question, an activity step) with its formulas kept: `$v = d/t$` as
// written, and a dollar sign of the text itself escaped as `\$`. Renderers split it into text and formulas
// (`mathPieces`): the deck and the PDFs draw each formula, where a formula cannot be drawn (an SVG label, a tooltip)
// it is shown as its TeX (`texOf`).
import type { Nodes } from 'mdast';

export type MathPiece = { text: string } | { tex: string };

/** A node's text, formulas as `$tex$`; like mdast-util-to-string, a picture gives its description. */
export function textWithMath(node: Nodes): string {
  if (node.type === 'inlineMath' || node.type === 'math') return `$${node.value.replace(/\s+/g, ' ').trim()}$`;
  if (node.type === 'image') return escapeDollars(node.alt ?? '');
  if ('value' in node && typeof node.value === 'string') return escapeDollars(node.value);
  if ('children' in node) return (node.children as Nodes[]).map(textWithMath).join('');
  return '';
}

export const escapeDollars = (text: string): string => text.replace(/\$/g, '\\$');

/** Whether a block's text holds a formula (or an escaped dollar) that needs `mathPieces`. */
export const hasMathText = (text: string): boolean => text.includes('$');

/** Text and formulas in order; `\$` is a dollar sign of the text. */
export function mathPieces(text: string): MathPiece[] {
  const pieces: MathPiece[] = [];
  let plain = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '\\' && text[index + 1] === '$') {
      plain += '$';
      index++;
    } else if (character === '$') {
      const end = text.indexOf('$', index + 1);
      if (end < 0) {
        plain += text.slice(index);
        break;
      }
      if (plain) pieces.push({ text: plain });
      plain = '';
      pieces.push({ tex: text.slice(index + 1, end) });
      index = end;
    } else plain += character;
  }
  if (plain) pieces.push({ text: plain });
  return pieces;
}

/**
 * The text with each formula written in plain characters (`E = mc²`, `v = d/t`) and `\$` as `$`: for where a formula
 * cannot be drawn (a timeline or map drawing, the PowerPoint file's text, a tooltip).
 */
export function texOf(text: string): string {
  if (!hasMathText(text)) return text;
  return mathPieces(text)
    .map((piece) => ('tex' in piece ? plainFormula(piece.tex) : piece.text))
    .join('');
}

const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Omega: 'Ω',
  times: '×',
  cdot: '·',
  div: '÷',
  pm: '±',
  mp: '∓',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  infty: '∞',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  circ: '°',
  degree: '°',
  sum: 'Σ',
  int: '∫',
  partial: '∂',
  sqrt: '√',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  propto: '∝',
  in: '∈',
  percent: '%',
};
const SUPERSCRIPTS: Record<string, string> = {
  0: '⁰',
  1: '¹',
  2: '²',
  3: '³',
  4: '⁴',
  5: '⁵',
  6: '⁶',
  7: '⁷',
  8: '⁸',
  9: '⁹',
  '+': '⁺',
  '-': '⁻',
  n: 'ⁿ',
  i: 'ⁱ',
  '(': '⁽',
  ')': '⁾',
  '=': '⁼',
};
const SUBSCRIPTS: Record<string, string> = {
  0: '₀',
  1: '₁',
  2: '₂',
  3: '₃',
  4: '₄',
  5: '₅',
  6: '₆',
  7: '₇',
  8: '₈',
  9: '₉',
  '+': '₊',
  '-': '₋',
  '(': '₍',
  ')': '₎',
  '=': '₌',
};

/** TeX's accents as Unicode's combining marks. */
const ACCENT_MARKS: Record<string, string> = {
  bar: '\u0304',
  overline: '\u0305',
  vec: '\u20D7',
  hat: '\u0302',
  widehat: '\u0302',
  tilde: '\u0303',
  widetilde: '\u0303',
  dot: '\u0307',
  ddot: '\u0308',
  check: '\u030C',
  acute: '\u0301',
  grave: '\u0300',
  breve: '\u0306',
};

/** A formula's TeX in plain characters, as far as they go: `\frac{v-u}{t}` → `(v-u)/t`, `x^2` → `x²`, `\alpha` → `α`. */
export function plainFormula(tex: string): string {
  let index = 0;
  /** One argument: a `{…}` group or a single character or command. */
  const argument = (): string => {
    while (tex[index] === ' ') index++;
    if (tex[index] === '{') {
      index++;
      const inner = sequence('}');
      index++;
      return inner;
    }
    if (tex[index] === '\\') return command();
    return tex[index++] ?? '';
  };
  const grouped = (text: string) => (/^[\p{L}\p{N}.]+$/u.test(text) ? text : `(${text})`);
  const scripted = (text: string, table: Record<string, string>, mark: string) =>
    [...text].every((character) => character in table) ? [...text].map((character) => table[character]).join('') : `${mark}${grouped(text)}`;
  const command = (): string => {
    const name = /^\\([A-Za-z]+|.)/.exec(tex.slice(index))?.[1] ?? '';
    index += name.length + 1;
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const top = argument();
      return `${grouped(top)}/${grouped(argument())}`;
    }
    if (name === 'sqrt') return `√${grouped(argument())}`;
    // An accent over one letter is that letter with a combining mark (v̄, F⃗); over more, a mark after the group.
    if (name in ACCENT_MARKS) {
      const base = argument();
      return [...base].length === 1 ? `${base}${ACCENT_MARKS[name]}` : `${grouped(base)}${ACCENT_MARKS[name]}`;
    }
    if (['text', 'mathrm', 'mathbf', 'mathit', 'textbf', 'operatorname', 'mbox'].includes(name)) return argument();
    if (name === 'left' || name === 'right') return tex[index] === '.' ? (index++, '') : '';
    if (name === ',' || name === ';' || name === ' ' || name === 'quad' || name === ':') return ' ';
    if (name === '%' || name === '$' || name === '{' || name === '}' || name === '&' || name === '#' || name === '_') return name;
    return SYMBOLS[name] ?? name;
  };
  const sequence = (end?: string): string => {
    let out = '';
    while (index < tex.length && tex[index] !== end) {
      const character = tex[index];
      if (character === '\\') out += command();
      else if (character === '^') {
        index++;
        const power = argument();
        out += power === '\\circ' || power === '°' ? '°' : scripted(power, SUPERSCRIPTS, '^');
      } else if (character === '_') {
        index++;
        out += scripted(argument(), SUBSCRIPTS, '_');
      } else if (character === '{') {
        index++;
        out += sequence('}');
        index++;
      } else {
        out += character;
        index++;
      }
    }
    return out;
  };
  return sequence().replace(/\s+/g, ' ').trim();
}

/** A copy of a value with every string in it changed by `change` (a block's fields, however deep). */
export function mapStrings<T>(value: T, change: (text: string) => unknown): T {
  if (typeof value === 'string') return change(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, change)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'kind' ? item : mapStrings(item, change)])) as T;
  return value;
}
