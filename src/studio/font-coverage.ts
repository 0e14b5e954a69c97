// Which characters each PDF font has, as ranges of code points: the studio ships this table (font-coverage.json, made
// from the fonts' own character maps when the studio is built) so that it fetches a font only when a lesson uses it.
import { TYPEFACE_NAMES, typefaceCharacters, type Typeface } from '../shared/fonts.ts';

export type FontCoverage = Record<string, [first: number, last: number][]>;

/** The table, read from the fonts (when the studio is built, where the fonts are at hand). */
export function fontCoverage(): FontCoverage {
  const coverage: FontCoverage = {};
  for (const typeface of TYPEFACE_NAMES) {
    const ranges: [number, number][] = [];
    for (const codePoint of [...typefaceCharacters(typeface)].sort((a, b) => a - b)) {
      const last = ranges.at(-1);
      if (last && last[1] === codePoint - 1) last[1] = codePoint;
      else ranges.push([codePoint, codePoint]);
    }
    coverage[typeface] = ranges;
  }
  return coverage;
}

export function typefaceCharactersFrom(coverage: FontCoverage): (typeface: Typeface) => Set<number> {
  return (typeface) => {
    const characters = new Set<number>();
    for (const [first, last] of coverage[typeface] ?? []) for (let codePoint = first; codePoint <= last; codePoint++) characters.add(codePoint);
    return characters;
  };
}
