// Lines with right-to-left text (Arabic, Hebrew): broken into lines in reading order, then each line is put in visual
// order by the Unicode bidirectional algorithm; a paragraph that starts in a right-to-left script is right-aligned.
import bidiFactory, { type Bidi } from 'bidi-js';
import type { FontId } from '../../shared/fonts.ts';
import { fontPieces, useFont, type Pdf } from './font-runs.ts';

// The package's declarations describe its ES module; Node loads its CommonJS build, whose default is the same factory.
const bidi = (bidiFactory as unknown as () => Bidi)();

export const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** A piece of text in one font and one style (colour, link), in reading order. */
export interface StyledPiece<Style> {
  text: string;
  font: FontId;
  style: Style;
  /** A passage's own language (font-runs.ts). */
  lang?: string;
}

interface Segment<Style> extends StyledPiece<Style> {
  level: number;
  width: number;
}

/** Break pieces into lines of at most `width` points, in reading order; a word longer than a line has a line of its own. */
export function breakLines<Style>(doc: Pdf, pieces: StyledPiece<Style>[], width: number, size: number): StyledPiece<Style>[][] {
  const lines: StyledPiece<Style>[][] = [[]];
  let lineWidth = 0;
  let word: StyledPiece<Style>[] = [];
  let wordWidth = 0;
  const endWord = () => {
    const trimmed = wordWidth - trailingSpaceWidth(doc, word, size);
    if (lineWidth > 0 && lineWidth + trimmed > width) {
      lines.push([]);
      lineWidth = 0;
    }
    lines.at(-1)!.push(...word);
    lineWidth += wordWidth;
    word = [];
    wordWidth = 0;
  };
  for (const piece of pieces) {
    // Each part ends after its spaces: a line may break there.
    for (const part of piece.text.split(/(?<=\s)(?=\S)/u)) {
      word.push({ ...piece, text: part });
      wordWidth += useFont(doc, piece.font).fontSize(size).widthOfString(part);
      if (/\s$/u.test(part)) endWord();
    }
  }
  if (word.length > 0) endWord();
  return lines;
}

function trailingSpaceWidth<Style>(doc: Pdf, word: StyledPiece<Style>[], size: number): number {
  const last = word.at(-1);
  const spaces = last?.text.match(/\s+$/u)?.[0];
  return last && spaces ? useFont(doc, last.font).fontSize(size).widthOfString(spaces) : 0;
}

/**
 * One line of text, never wrapped (a footer, a label), in the fonts its scripts need and in visual order, its left
 * edge at x; returns its width.
 */
export function drawTextLine(doc: Pdf, text: string, x: number, top: number, size: number, bold = false): number {
  const pieces = fontPieces(doc, text, { bold }).map((piece) => ({ ...piece, style: undefined }));
  let left = x;
  for (const segment of visualOrder(doc, pieces, isRightToLeft(text), size)) {
    useFont(doc, segment.font).fontSize(size);
    doc.text(segment.text, left, top, { lineBreak: false });
    left += segment.width;
  }
  return left - x;
}

/**
 * Rule L4: a right-to-left word draws a paired character as its mirror ("(" as ")"), so that "(1–4)" in an Arabic line
 * opens on its right. A word with Arabic or Hebrew letters is shaped right to left by the font, which mirrors it itself.
 */
function mirrored(word: string): string {
  if (RIGHT_TO_LEFT.test(word)) return word;
  return [...word].map((character) => bidi.getMirroredCharacter(character) ?? character).join('');
}

/** Whether a text reads right to left as a paragraph (its first letter is Arabic, Hebrew…). */
export function isRightToLeft(text: string): boolean {
  return bidi.getEmbeddingLevels(text).paragraphs[0]?.level === 1;
}

/** One line's pieces in visual order, left to right, each with its width; right-to-left pieces are shaped as such. */
export function visualOrder<Style>(doc: Pdf, line: StyledPiece<Style>[], rightToLeft: boolean, size: number): Segment<Style>[] {
  const text = line.map((piece) => piece.text).join('');
  const { levels } = bidi.getEmbeddingLevels(text, rightToLeft ? 'rtl' : 'ltr');
  const segments: Segment<Style>[] = [];
  let offset = 0;
  for (const piece of line) {
    for (const character of piece.text) {
      const level = levels[offset];
      const last = segments.at(-1);
      if (last && last.font === piece.font && last.style === piece.style && last.lang === piece.lang && last.level === level) last.text += character;
      else segments.push({ ...piece, text: character, level, width: 0 });
      offset += character.length;
    }
  }
  // Trailing spaces take no room at the line's end (rule L1 gave them the paragraph's level).
  const last = segments.at(-1);
  if (last) last.text = last.text.replace(/\s+$/u, '');
  // Rule L2: from the highest level down to the lowest odd one, reverse every run of segments at that level or higher.
  const highest = Math.max(0, ...segments.map((segment) => segment.level));
  const lowestOdd = Math.min(...segments.map((segment) => segment.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < segments.length; start++) {
      if (segments[start].level < level) continue;
      let end = start;
      while (end + 1 < segments.length && segments[end + 1].level >= level) end++;
      segments.splice(start, end - start + 1, ...segments.slice(start, end + 1).reverse());
      start = end;
    }
  }
  // PDFKit shapes a text word by word and puts the words left to right: a right-to-left segment goes word by word.
  const words = segments.flatMap((segment) =>
    segment.level % 2 === 1
      ? segment.text
          .split(/(\s+)/u)
          .filter(Boolean)
          .reverse()
          .map((text) => ({ ...segment, text: mirrored(text) }))
      : [segment],
  );
  for (const segment of words) segment.width = useFont(doc, segment.font).fontSize(size).widthOfString(segment.text);
  return words.filter((segment) => segment.text !== '');
}
