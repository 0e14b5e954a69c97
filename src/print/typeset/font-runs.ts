// Font fallback: a text is split into pieces, each set in the first font that has its characters (Pretendard first),
// and a font is registered with a PDF only when a piece needs it.
import { embeddedFont } from '../embedded-fonts.ts';
import { languageParts } from '../../lesson/language-parts.ts';
import { CJK, INVISIBLE, cjkOrder, fallbackChain, typefaceCovers, type FontId, type Typeface } from '../../shared/fonts.ts';

/** A PDF being drawn (PDFKit's document). */
export type Pdf = PDFKit.PDFDocument;

export interface FontStyle {
  bold: boolean;
  /** Code: the monospaced font first, tabs as spaces. */
  code?: boolean;
}

export interface FontPiece {
  text: string;
  font: FontId;
  /** The language of a passage in another language than the PDF's (a Korean sentence in an English lesson). */
  lang?: string;
}

const languages = new WeakMap<Pdf, string>();

/** The language of a PDF's text, which picks the Chinese or Japanese shapes of Han characters. */
export function setTextLanguage(doc: Pdf, lang: string): void {
  languages.set(doc, lang);
}

export function textLanguage(doc: Pdf): string | undefined {
  return languages.get(doc);
}

/** Select a font, registering it with this PDF the first time (PDFKit embeds only the glyphs that are drawn). */
export function useFont(doc: Pdf, font: FontId): Pdf {
  // Pretendard is registered by every PDF as 'body' and 'bold': one name per font, or it would be embedded twice.
  const name = font === 'pretendard-regular' ? 'body' : font === 'pretendard-bold' ? 'bold' : font;
  const registered = (doc as unknown as { _registeredFonts: Record<string, unknown> })._registeredFonts;
  // PDFKit accepts an opened font; its types only know files and buffers
  if (!(name in registered)) doc.registerFont(name, embeddedFont(font) as never);
  return doc.font(name);
}

/** Tabs in code become spaces to the next multiple of four columns. */
export function expandTabs(text: string): string {
  return text.replace(/[^\n]*\t[^\n]*/g, (line) => {
    let out = '';
    for (const character of line) out += character === '\t' ? ' '.repeat(4 - ([...out].length % 4)) : character;
    return out;
  });
}

const WORD = /[\p{L}\p{M}\p{N}\u200c\u200d]+|[^]/gu;
const LETTER = /[\p{L}\p{N}]/u;

function coversAll(typeface: Typeface, text: string): boolean {
  for (const character of text) if (!INVISIBLE.test(character) && !typefaceCovers(typeface, character.codePointAt(0)!)) return false;
  return true;
}

/** The typeface of each part of a text: whole words where one font has all their letters, else letter by letter. */
export function typefacePieces(text: string, style: FontStyle, lang?: string): readonly TypefacePiece[] {
  // The same texts are measured and drawn several times (a slide box is measured at each size it may shrink to).
  const key = `${style.code ? 'code' : ''}\0${lang ?? ''}\0${text}`;
  let pieces = knownPieces.get(key);
  if (!pieces) {
    if (knownPieces.size >= KNOWN_PIECES) knownPieces.clear();
    knownPieces.set(key, (pieces = findTypefacePieces(text, style, lang)));
  }
  return pieces;
}

interface TypefacePiece {
  text: string;
  typeface: Typeface;
}

/** Enough texts for the longest printable; the memory starts again when it is full, so it stays bounded. */
const KNOWN_PIECES = 20_000;
const knownPieces = new Map<string, readonly TypefacePiece[]>();

function findTypefacePieces(text: string, style: FontStyle, lang?: string): TypefacePiece[] {
  const chain = fallbackChain(lang, style.code);
  const cjkChain = [...(style.code ? (['mono'] as const) : []), ...cjkOrder(lang), ...chain];
  const pieces: TypefacePiece[] = [];
  const add = (part: string, typeface: Typeface) => {
    const last = pieces.at(-1);
    if (last?.typeface === typeface) last.text += part;
    else pieces.push({ text: part, typeface });
  };
  for (const [word] of text.matchAll(WORD)) {
    const current = pieces.at(-1)?.typeface;
    // Spaces, punctuation, joiners and marks stay in the font of what they follow, when it has them.
    // (Not a space after an emoji: the emoji font's spaces are wide.)
    if (current && !LETTER.test(word) && (INVISIBLE.test(word) || (coversAll(current, word) && !(current === 'emoji' && /\s/u.test(word))))) {
      add(word, current);
      continue;
    }
    const whole = (CJK.test(word) ? cjkChain : chain).find((typeface) => coversAll(typeface, word));
    if (whole) add(word, whole);
    else for (const character of word) add(character, chain.find((typeface) => coversAll(typeface, character)) ?? current ?? chain[0]);
  }
  return pieces;
}

/**
 * The pieces of a text with the font each is set in, in this PDF's language; a passage in another script than the
 * PDF's, or one the lesson marked (`lang`), is a piece of its own with its language. Code has no language.
 */
export function fontPieces(doc: Pdf, text: string, style: FontStyle, lang?: string): readonly FontPiece[] {
  const own = languages.get(doc);
  // The same texts are measured and drawn many times: their pieces are found once.
  const key = `${style.bold ? 'b' : ''}${style.code ? 'c' : ''}\0${own ?? ''}\0${lang ?? ''}\0${text}`;
  let pieces = knownFontPieces.get(key);
  if (!pieces) {
    if (knownFontPieces.size >= KNOWN_PIECES) knownFontPieces.clear();
    knownFontPieces.set(key, (pieces = findFontPieces(text, style, own, lang)));
  }
  return pieces;
}

const knownFontPieces = new Map<string, readonly FontPiece[]>();

function findFontPieces(text: string, style: FontStyle, own: string | undefined, lang: string | undefined): readonly FontPiece[] {
  const weight = style.bold ? 'bold' : 'regular';
  const written = style.code ? expandTabs(text) : text;
  const parts = style.code || own === undefined ? [{ text: written }] : lang ? [{ text: written, lang }] : languageParts(written, own);
  return parts.flatMap((part) => {
    const marked = part.lang !== undefined && part.lang !== own ? part.lang : undefined;
    return typefacePieces(part.text, style, part.lang ?? own).map((piece) =>
      Object.freeze({
        text: piece.text,
        font: `${piece.typeface}-${weight}` as FontId,
        ...(marked ? { lang: marked } : {}),
      }),
    );
  });
}

/** The width of a text at the current font size, each piece in its font. */
export function widthOfText(doc: Pdf, text: string, style: FontStyle): number {
  const size = (doc as unknown as { _fontSize: number })._fontSize;
  return fontPieces(doc, text, style).reduce((width, piece) => width + useFont(doc, piece.font).fontSize(size).widthOfString(piece.text), 0);
}
