// Which characters each PDF font has decides what prints and what `lectern check` warns about. Lectern reads the fonts'
// character maps itself (font-character-map.ts); HarfBuzz, which sets the text in the PDFs, must agree on every font.
import * as hb from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { fontCharacters } from '../../src/shared/font-character-map.ts';
import { fallbackChain, fontFile, fontCovers, type FontId } from '../../src/shared/fonts.ts';
import { lecternFile } from '../../src/shared/lectern-files.ts';

const TYPEFACES = [...new Set([...fallbackChain('en', true), ...fallbackChain('ja'), ...fallbackChain('zh-TW')])];
const FONTS: FontId[] = TYPEFACES.flatMap((typeface) => [`${typeface}-regular`, `${typeface}-bold`] as FontId[]);

describe("the fonts' character maps", () => {
  it('should cover every typeface Lectern prints with', () => {
    expect(TYPEFACES).toEqual(expect.arrayContaining(['pretendard', 'mono', 'arabic', 'hebrew', 'devanagari', 'thai', 'sans', 'sc', 'tc', 'jp', 'emoji']));
  });

  for (const font of FONTS) {
    it(`should list the characters of ${font} as HarfBuzz does`, () => {
      const data = lecternFile(fontFile(font));
      const ours = fontCharacters(data, fontFile(font));
      const harfBuzz = new Set(new hb.Face(new hb.Blob(data)).collectUnicodes());
      expect(ours.size).toBeGreaterThan(50);
      const missing = [...harfBuzz].filter((codePoint) => !ours.has(codePoint));
      const extra = [...ours].filter((codePoint) => !harfBuzz.has(codePoint));
      expect({ missing: missing.slice(0, 10), extra: extra.slice(0, 10) }).toEqual({ missing: [], extra: [] });
    });
  }

  it('should know which characters print and which do not', () => {
    expect(['A', 'é', 'Ж', '한', 'ا', 'ש', 'क', 'ก', '中', 'か', '😀'].every((character) => fontCovers(character.codePointAt(0)!))).toBe(true);
    expect(fontCovers(0x13000)).toBe(false); // an Egyptian hieroglyph: no PDF font has one
  });

  it('should name the font when a file is not a font', () => {
    expect(() => fontCharacters(new Uint8Array(64), 'Broken.ttf')).toThrow('The font Broken.ttf has no "cmap" table.');
  });
});
