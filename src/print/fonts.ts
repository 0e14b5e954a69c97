// The fonts embedded in every PDF (Pretendard: Latin, Cyrillic and Hangul) and which characters they cover.
import path from 'node:path';
import { FONTS } from '../project-files.ts';
import * as fontkit from 'fontkit';

export const FONT_FILES = {
  body: path.join(FONTS, 'Pretendard-Regular.ttf'),
  bold: path.join(FONTS, 'Pretendard-Bold.ttf'),
};

let coverage: ((codePoint: number) => boolean) | undefined;

/** Whether the printed fonts have a glyph for a character (the font is read once per process). */
export function fontCovers(codePoint: number): boolean {
  if (!coverage) {
    const font = fontkit.openSync(FONT_FILES.body) as fontkit.Font;
    coverage = (cp) => font.hasGlyphForCodePoint(cp);
  }
  return codePoint < 0x20 || coverage(codePoint);
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
