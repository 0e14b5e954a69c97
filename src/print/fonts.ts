// The fonts embedded in every PDF (Pretendard: Latin, Cyrillic and Hangul) and which characters they cover.
import path from 'node:path';
import { FONTS } from '../project-files.ts';
import { readFileSync } from 'node:fs';
import * as hb from 'harfbuzzjs';

export const FONT_FILES = {
  body: path.join(FONTS, 'Pretendard-Regular.ttf'),
  bold: path.join(FONTS, 'Pretendard-Bold.ttf'),
};

export type FontKind = keyof typeof FONT_FILES;

let covered: Set<number> | undefined;

/** Whether the printed fonts have a glyph for a character (the font's character map is read once per process). */
export function fontCovers(codePoint: number): boolean {
  covered ??= new Set(new hb.Face(new hb.Blob(readFileSync(FONT_FILES.body))).collectUnicodes());
  return codePoint < 0x20 || covered.has(codePoint);
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
