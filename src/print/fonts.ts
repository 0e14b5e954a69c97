// The fonts embedded in every PDF (Pretendard: Latin, Cyrillic and Hangul) and which characters they cover.
import path from 'node:path';
import { FONTS } from '../project-files.ts';
import * as fontkit from 'fontkit';
import { cacheWordLayouts } from './font-layout-cache.ts';

export const FONT_FILES = {
  body: path.join(FONTS, 'Pretendard-Regular.ttf'),
  bold: path.join(FONTS, 'Pretendard-Bold.ttf'),
};

export type FontKind = keyof typeof FONT_FILES;

const loaded = new Map<FontKind, fontkit.Font>();

/**
 * A printed font, read and parsed once per process and shared by every PDF it makes, with each word's shaping
 * remembered: the seven PDFs of a lesson set mostly the same words in the same two fonts.
 */
export function printFont(kind: FontKind): fontkit.Font {
  let font = loaded.get(kind);
  if (!font) {
    font = cacheWordLayouts(fontkit.openSync(FONT_FILES[kind]) as fontkit.Font);
    loaded.set(kind, font);
  }
  return font;
}

/** Whether the printed fonts have a glyph for a character. */
export function fontCovers(codePoint: number): boolean {
  return codePoint < 0x20 || printFont('body').hasGlyphForCodePoint(codePoint);
}

export interface UncoveredCharacter {
  character: string;
  line: number;
  column: number;
}

/** Every character of a lesson's text that no PDF font can print, with its place. */
export function findUncoveredCharacters(text: string): UncoveredCharacter[] {
  const found: UncoveredCharacter[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    let column = 1;
    for (const character of lineText) {
      const codePoint = character.codePointAt(0)!;
      if (codePoint !== 0xfeff && !/\s/.test(character) && !fontCovers(codePoint)) found.push({ character, line: index + 1, column });
      column += character.length;
    }
  });
  return found;
}

/** Text safe to print: a character no font covers becomes "?" (it was already reported with its place). */
export function printable(text: string): string {
  let out = '';
  for (const character of text) out += fontCovers(character.codePointAt(0)!) || /\s/.test(character) ? character : '?';
  return out;
}
