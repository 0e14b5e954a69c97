// The fonts Lectern draws text with (the PDFs, the PowerPoint file's pictures), in the order they are tried for a
// character, and which characters they cover.
// Pretendard (Latin, Greek, Cyrillic, Vietnamese, Hangul, kana) comes first, so a Latin lesson embeds only Pretendard;
// the Noto fonts for other scripts are read only when a lesson uses them.
import { lecternFile } from './lectern-files.ts';
import { fontCharacters } from './font-character-map.ts';

const noto = (name: string, file: string) => (weight: '400Regular' | '700Bold') => `@expo-google-fonts/${name}/${weight}/${file}_${weight}.ttf`;

/** Each typeface, its regular and bold files (by their names among Lectern's files: shared/lectern-files.ts). */
const TYPEFACES = {
  pretendard: (weight: '400Regular' | '700Bold') => (weight === '700Bold' ? 'lectern/fonts/Pretendard-Bold.ttf' : 'lectern/fonts/Pretendard-Regular.ttf'),
  mono: noto('noto-sans-mono', 'NotoSansMono'),
  arabic: noto('noto-sans-arabic', 'NotoSansArabic'),
  hebrew: noto('noto-sans-hebrew', 'NotoSansHebrew'),
  devanagari: noto('noto-sans-devanagari', 'NotoSansDevanagari'),
  thai: noto('noto-sans-thai', 'NotoSansThai'),
  sans: noto('noto-sans', 'NotoSans'),
  sc: noto('noto-sans-sc', 'NotoSansSC'),
  tc: noto('noto-sans-tc', 'NotoSansTC'),
  jp: noto('noto-sans-jp', 'NotoSansJP'),
  emoji: noto('noto-emoji', 'NotoEmoji'),
};

export type Typeface = keyof typeof TYPEFACES;

/** Each typeface's family name, as its files give it. */
export const TYPEFACE_FAMILIES: Record<Typeface, string> = {
  pretendard: 'Pretendard',
  mono: 'Noto Sans Mono',
  arabic: 'Noto Sans Arabic',
  hebrew: 'Noto Sans Hebrew',
  devanagari: 'Noto Sans Devanagari',
  thai: 'Noto Sans Thai',
  sans: 'Noto Sans',
  sc: 'Noto Sans SC',
  tc: 'Noto Sans TC',
  jp: 'Noto Sans JP',
  emoji: 'Noto Emoji',
};
export type Weight = 'regular' | 'bold';
/** A font file: a typeface in a weight, e.g. `sc-bold`; also the name the font is registered under in a PDF. */
export type FontId = `${Typeface}-${Weight}`;

/** Every typeface, in no particular order. */
export const TYPEFACE_NAMES = Object.keys(TYPEFACES) as Typeface[];

/** The font file's name among Lectern's files. */
export function fontFile(id: FontId): string {
  const [typeface, weight] = id.split('-') as [Typeface, Weight];
  return TYPEFACES[typeface](weight === 'bold' ? '700Bold' : '400Regular');
}

/** Han ideographs and kana: set in a Chinese or Japanese font as a whole word, never letter by letter. */
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u;

/** The Chinese and Japanese fonts in the order the lesson's language prefers (their Han glyphs differ in shape). */
export function cjkOrder(lang = 'en'): Typeface[] {
  if (/^ja\b/i.test(lang)) return ['jp', 'sc', 'tc'];
  if (/^zh-(hant|tw|hk|mo)\b/i.test(lang)) return ['tc', 'sc', 'jp'];
  return ['sc', 'tc', 'jp'];
}

/** The typefaces tried for text, first to last (`code` puts the monospaced font first). */
export function fallbackChain(lang?: string, code = false): Typeface[] {
  return [...(code ? (['mono'] as const) : []), 'pretendard', 'arabic', 'hebrew', 'devanagari', 'thai', 'sans', ...cjkOrder(lang), 'emoji'];
}

const coverage = new Map<Typeface, Set<number>>();

/** The characters a typeface has: its regular weight's character map. */
export function typefaceCharacters(typeface: Typeface): Set<number> {
  const file = TYPEFACES[typeface]('400Regular');
  return fontCharacters(lecternFile(file), file);
}

/**
 * A host that has not every font at hand (the studio fetches a font only when a lesson needs it) gives the characters
 * each typeface has instead, as `typefaceCharacters` read them: see font-coverage.ts.
 */
export function useTypefaceCharacters(characters: (typeface: Typeface) => Set<number>): void {
  coverage.clear();
  covered.clear();
  charactersOf = characters;
}

let charactersOf = typefaceCharacters;

/** Whether a typeface has a character (its character map read once per thread when first needed). */
export function typefaceCovers(typeface: Typeface, codePoint: number): boolean {
  let characters = coverage.get(typeface);
  if (!characters) coverage.set(typeface, (characters = charactersOf(typeface)));
  return characters.has(codePoint);
}

/** Characters that never print on their own (joiners, variation selectors, direction marks): they need no glyph. */
export const INVISIBLE = /[\p{Default_Ignorable_Code_Point}]/u;

/** Whether some PDF font has a glyph for a character (the fonts are tried in order, so a Latin text reads only Pretendard's). */
export function fontCovers(codePoint: number): boolean {
  let covers = covered.get(codePoint);
  if (covers === undefined) {
    covers = codePoint < 0x20 || INVISIBLE.test(String.fromCodePoint(codePoint)) || fallbackChain().some((typeface) => typefaceCovers(typeface, codePoint));
    covered.set(codePoint, covers);
  }
  return covers;
}

/** Whether some font has a character, by code point: each text is checked character by character, again and again. */
const covered = new Map<number, boolean>();

export interface UncoveredCharacter {
  character: string;
  line: number;
  column: number;
}

/** Each distinct character of a lesson's text that no PDF font can print, at its first place. */
export function findUncoveredCharacters(text: string): UncoveredCharacter[] {
  const found = new Map<string, UncoveredCharacter>();
  text.split(/\r?\n/).forEach((lineText, index) => {
    let column = 1;
    for (const character of lineText) {
      const codePoint = character.codePointAt(0)!;
      if (!found.has(character) && codePoint !== 0xfeff && !/\s/.test(character) && !fontCovers(codePoint))
        found.set(character, { character, line: index + 1, column });
      column += character.length;
    }
  });
  return [...found.values()];
}

/** Text safe to print: a character no font covers becomes "?" (it was already reported with its place). */
export function printable(text: string): string {
  let out = '';
  for (const character of text) out += fontCovers(character.codePointAt(0)!) || /\s/.test(character) ? character : '?';
  return out;
}
