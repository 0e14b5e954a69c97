// MathML (as MathJax writes it from TeX) → Office Math (OMML), the equations PowerPoint and Word edit: a fraction
// becomes m:f, a root m:rad, a sum with limits m:nary, \left( … \right) m:d, a matrix m:m. Our own, rather than the
// mathml2omml package: its latest release cannot be imported (its entry file is missing) and it is LGPL, which the
// studio's single bundle could not carry; MathJax's MathML is a small, regular subset, handled here element by element.
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export const OMML_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

/** How each run of the equation is drawn in PowerPoint (its `a:rPr`): the lesson's language, size and colour. */
export interface OmmlRunStyle {
  lang: string;
  /** Points. */
  size: number;
  /** RRGGBB. */
  color: string;
}

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** Large operators that take limits: an m:nary in OMML (a sum, product, integral …). */
const NARY = new Set('∑∏∐∫∬∭∮∯∰⋀⋁⋂⋃⨀⨁⨂⨄⨆'.split(''));
/** Accents written over a letter (\bar, \vec, \hat …), as OMML's combining characters. */
const ACCENTS: Record<string, string> = {
  '¯': '\u0305',
  '‾': '\u0305',
  '→': '\u20D7',
  '←': '\u20D6',
  '↔': '\u20E1',
  '^': '\u0302',
  ˆ: '\u0302',
  '~': '\u0303',
  '˜': '\u0303',
  '˙': '\u0307',
  '¨': '\u0308',
  ˇ: '\u030C',
  '´': '\u0301',
  '`': '\u0300',
  '˘': '\u0306',
  '˚': '\u030A',
};
/** Braces and lines over or under a group (\overbrace, \underline …): m:groupChr. */
const GROUP_CHARACTERS = new Set(['⏞', '⏟', '︷', '︸', '_', '‾', '―']);
/** Characters that only tell a reader how the formula is built (function application, invisible times). */
const INVISIBLE = /[\u2061-\u2064]/g;

const SCRIPTS: Record<string, string> = {
  'double-struck': 'double-struck',
  script: 'script',
  'bold-script': 'script',
  fraktur: 'fraktur',
  'bold-fraktur': 'fraktur',
  'sans-serif': 'sans-serif',
  'bold-sans-serif': 'sans-serif',
  'sans-serif-italic': 'sans-serif',
  'sans-serif-bold-italic': 'sans-serif',
  monospace: 'monospace',
};

const STYLES: Record<string, string> = {
  normal: 'p',
  bold: 'b',
  italic: 'i',
  'bold-italic': 'bi',
  'bold-fraktur': 'b',
  'bold-script': 'b',
  'bold-sans-serif': 'b',
  'sans-serif-bold-italic': 'bi',
};

const elements = (node: Element): Element[] => node.children.filter((child): child is Element => child.type === 'element');

const textOf = (node: ElementContent): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '');

const attribute = (node: Element, name: string): string | undefined => {
  const value = node.properties[name] ?? node.properties[name.toLowerCase()];
  return value === undefined || value === null ? undefined : String(value);
};

class Writer {
  constructor(private readonly style: OmmlRunStyle) {}

  /** One run of text: `upright` for names and numbers PowerPoint would otherwise set in italics. */
  run(text: string, options: { sty?: string; scr?: string; normalText?: boolean; italic?: boolean } = {}): string {
    const visible = text.replace(INVISIBLE, '');
    if (visible === '') return '';
    const properties = [
      options.normalText ? '<m:nor/>' : '',
      options.scr ? `<m:scr m:val="${options.scr}"/>` : '',
      options.sty ? `<m:sty m:val="${options.sty}"/>` : '',
    ].join('');
    const italic = options.italic ?? false;
    const { lang, size, color } = this.style;
    const drawing = `<a:rPr lang="${escapeXml(lang)}" sz="${Math.round(size * 100)}" b="${options.sty === 'b' || options.sty === 'bi' ? 1 : 0}" i="${italic ? 1 : 0}"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:latin typeface="Cambria Math" panose="02040503050406030204" pitchFamily="18" charset="0"/></a:rPr>`;
    return `<m:r>${properties ? `<m:rPr>${properties}</m:rPr>` : ''}${drawing}<m:t xml:space="preserve">${escapeXml(visible)}</m:t></m:r>`;
  }

  /** A sequence of MathML nodes; a large operator takes the node after it as what it applies to. */
  sequence(nodes: Element[]): string {
    let out = '';
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index];
      const operator = this.naryOperator(node);
      if (operator) {
        const operand = nodes[index + 1];
        if (operand) index++;
        out += this.nary(node, operator, operand);
      } else out += this.node(node);
    }
    return out;
  }

  /** `<m:e>`-like argument: what is inside a numerator, a root, a script … */
  argument(tag: string, node: Element | undefined): string {
    return `<m:${tag}>${node ? this.node(node) : ''}</m:${tag}>`;
  }

  node(node: Element): string {
    const handler = handlers[node.tagName];
    return handler ? handler(this, node) : this.sequence(elements(node));
  }

  /** The operator's character when `node` is a sum, product or integral (with or without limits). */
  naryOperator(node: Element): string | undefined {
    const base = ['munderover', 'munder', 'mover', 'msubsup', 'msub', 'msup'].includes(node.tagName) ? elements(node)[0] : node;
    if (base?.tagName !== 'mo') return undefined;
    const character = textOf(base).trim();
    return NARY.has(character) ? character : undefined;
  }

  nary(node: Element, operator: string, operand: Element | undefined): string {
    const [, first, second] = elements(node);
    const [lower, upper] = ['munder', 'msub'].includes(node.tagName)
      ? [first, undefined]
      : ['mover', 'msup'].includes(node.tagName)
        ? [undefined, first]
        : node.tagName === 'mo'
          ? [undefined, undefined]
          : [first, second];
    const limits = node.tagName.startsWith('mu') || node.tagName === 'mover' ? 'undOvr' : 'subSup';
    const properties = [
      `<m:chr m:val="${escapeXml(operator)}"/>`,
      `<m:limLoc m:val="${limits}"/>`,
      ...(lower ? [] : ['<m:subHide m:val="1"/>']),
      ...(upper ? [] : ['<m:supHide m:val="1"/>']),
    ].join('');
    return `<m:nary><m:naryPr>${properties}</m:naryPr>${this.argument('sub', lower)}${this.argument('sup', upper)}${this.argument('e', operand)}</m:nary>`;
  }

  /** A run for a token element (mi, mn, mo, mtext, ms). */
  token(node: Element): string {
    const text = textOf(node);
    const variant = attribute(node, 'mathvariant');
    const scr = variant ? SCRIPTS[variant] : undefined;
    if (node.tagName === 'mtext' || node.tagName === 'ms') return this.run(text, { normalText: true, sty: 'p' });
    if (node.tagName === 'mi') {
      // A name of more than one letter (sin, log, max) is upright, as is a letter marked `normal` (Δ).
      const single = [...text].length === 1;
      const sty = variant ? (STYLES[variant] ?? (scr ? undefined : 'p')) : single ? undefined : 'p';
      return this.run(text, { sty, scr, italic: sty === undefined ? single && !scr : sty === 'i' || sty === 'bi' });
    }
    // An operator written as a word (lim, max under limits) is upright too.
    const word = node.tagName === 'mo' && /^\p{L}{2,}$/u.test(text.trim());
    return this.run(text, { sty: variant ? STYLES[variant] : word ? 'p' : undefined, scr });
  }
}

type Handler = (writer: Writer, node: Element) => string;

const accentOver = (over: Element | undefined): string | undefined => {
  if (over?.tagName !== 'mo') return undefined;
  return ACCENTS[textOf(over).trim()];
};

const handlers: Record<string, Handler> = {
  mi: (writer, node) => writer.token(node),
  mn: (writer, node) => writer.token(node),
  mo: (writer, node) => writer.token(node),
  mtext: (writer, node) => writer.token(node),
  ms: (writer, node) => writer.token(node),
  mspace(writer, node) {
    const width = Number.parseFloat(attribute(node, 'width') ?? '0');
    return width >= 0.9 ? writer.run('\u2003') : width >= 0.25 ? writer.run('\u2004') : width > 0 ? writer.run('\u2009') : '';
  },
  mrow(writer, node) {
    const children = elements(node);
    const first = children[0];
    const last = children[children.length - 1];
    // \left( … \right): brackets that grow with what they hold.
    if (
      children.length >= 2 &&
      first.tagName === 'mo' &&
      last.tagName === 'mo' &&
      attribute(first, 'dataMjxTexclass') === 'OPEN' &&
      attribute(last, 'dataMjxTexclass') === 'CLOSE'
    ) {
      const inner = children.slice(1, -1);
      return `<m:d><m:dPr><m:begChr m:val="${escapeXml(textOf(first).trim())}"/><m:endChr m:val="${escapeXml(textOf(last).trim())}"/></m:dPr><m:e>${writer.sequence(inner)}</m:e></m:d>`;
    }
    return writer.sequence(children);
  },
  mfrac(writer, node) {
    const [numerator, denominator] = elements(node);
    const noBar = attribute(node, 'linethickness') === '0';
    return `<m:f>${noBar ? '<m:fPr><m:type m:val="noBar"/></m:fPr>' : ''}${writer.argument('num', numerator)}${writer.argument('den', denominator)}</m:f>`;
  },
  msqrt: (writer, node) => `<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e>${writer.sequence(elements(node))}</m:e></m:rad>`,
  mroot(writer, node) {
    const [base, index] = elements(node);
    return `<m:rad>${writer.argument('deg', index)}${writer.argument('e', base)}</m:rad>`;
  },
  msub(writer, node) {
    const [base, sub] = elements(node);
    return `<m:sSub>${writer.argument('e', base)}${writer.argument('sub', sub)}</m:sSub>`;
  },
  msup(writer, node) {
    const [base, sup] = elements(node);
    return `<m:sSup>${writer.argument('e', base)}${writer.argument('sup', sup)}</m:sSup>`;
  },
  msubsup(writer, node) {
    const [base, sub, sup] = elements(node);
    return `<m:sSubSup>${writer.argument('e', base)}${writer.argument('sub', sub)}${writer.argument('sup', sup)}</m:sSubSup>`;
  },
  mover(writer, node) {
    const [base, over] = elements(node);
    const accent = accentOver(over);
    if (accent) return `<m:acc><m:accPr><m:chr m:val="${accent}"/></m:accPr>${writer.argument('e', base)}</m:acc>`;
    if (over?.tagName === 'mo' && GROUP_CHARACTERS.has(textOf(over).trim()))
      return `<m:groupChr><m:groupChrPr><m:chr m:val="${escapeXml(textOf(over).trim())}"/><m:pos m:val="top"/><m:vertJc m:val="bot"/></m:groupChrPr>${writer.argument('e', base)}</m:groupChr>`;
    return `<m:limUpp>${writer.argument('e', base)}${writer.argument('lim', over)}</m:limUpp>`;
  },
  munder(writer, node) {
    const [base, under] = elements(node);
    if (under?.tagName === 'mo' && GROUP_CHARACTERS.has(textOf(under).trim()))
      return `<m:groupChr><m:groupChrPr><m:chr m:val="${escapeXml(textOf(under).trim())}"/></m:groupChrPr>${writer.argument('e', base)}</m:groupChr>`;
    return `<m:limLow>${writer.argument('e', base)}${writer.argument('lim', under)}</m:limLow>`;
  },
  munderover(writer, node) {
    const [base, under, over] = elements(node);
    return `<m:limUpp><m:e><m:limLow>${writer.argument('e', base)}${writer.argument('lim', under)}</m:limLow></m:e>${writer.argument('lim', over)}</m:limUpp>`;
  },
  mtable(writer, node) {
    const rows = elements(node).filter((row) => row.tagName === 'mtr' || row.tagName === 'mlabeledtr');
    const columns = Math.max(1, ...rows.map((row) => elements(row).length));
    const properties = `<m:mPr><m:mcs><m:mc><m:mcPr><m:count m:val="${columns}"/><m:mcJc m:val="center"/></m:mcPr></m:mc></m:mcs></m:mPr>`;
    const cells = (row: Element) => {
      const filled = elements(row).map((cell) => `<m:e>${writer.sequence(elements(cell))}</m:e>`);
      return filled.concat(Array.from({ length: columns - filled.length }, () => '<m:e/>')).join('');
    };
    return `<m:m>${properties}${rows.map((row) => `<m:mr>${cells(row)}</m:mr>`).join('')}</m:m>`;
  },
  mphantom: () => '',
  semantics: (writer, node) => {
    const [first] = elements(node);
    return first ? writer.node(first) : '';
  },
  annotation: () => '',
  'annotation-xml': () => '',
};

/** The `<math>` element of MathJax's MathML. */
function mathElement(mathML: string): Element {
  const math = elements(fromHtml(mathML, { fragment: true }) as unknown as Element).find((node) => node.tagName === 'math');
  if (!math) throw new Error(`Not MathML: ${mathML.slice(0, 40)}`);
  return math;
}

/** A formula's MathML as one OMML `m:oMath`. */
export function mathMLToOmml(mathML: string, style: OmmlRunStyle): string {
  const writer = new Writer(style);
  return `<m:oMath>${writer.sequence(elements(mathElement(mathML)))}</m:oMath>`;
}

/** A displayed formula: an `m:oMathPara` (centred) holding its `m:oMath`, with the OMML namespace declared. */
export function mathMLToOmmlParagraph(mathML: string, style: OmmlRunStyle): string {
  return `<m:oMathPara xmlns:m="${OMML_NAMESPACE}"><m:oMathParaPr><m:jc m:val="centerGroup"/></m:oMathParaPr>${mathMLToOmml(mathML, style)}</m:oMathPara>`;
}
