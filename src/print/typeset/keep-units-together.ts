// A measurement stays on one line on paper: no break between a number and its unit ("90 km/h"), nor inside a unit
// ("km/" then "h"). The space becomes a no-break space and a word joiner follows the unit's slash, both invisible in
// print and left out of the PDF's text, so copying and searching find "90 km/h" as it was written.

const NO_BREAK_SPACE = '\u00a0';
const WORD_JOINER = '\u2060';

/** Units of measure a number is followed by, longest first; a slash joins two (`km/h`, `m/s²`). */
const UNIT = String.raw`(?:°[CF]|[kKmMcµμnG]?(?:m|g|s|h|l|L|W|J|N|V|A|Hz|Pa|mol|cal|B)|min|kWh|mph|km|ft|in|lb|oz|mi|yd|kt|rpm|%|‰)(?:[²³]|\^?[23])?`;
const SPACED_UNIT = new RegExp(String.raw`(\d)[ \t]+(?=${UNIT}(?:/${UNIT})?(?![\p{L}\p{N}]))`, 'gu');
const SLASHED_UNIT = new RegExp(String.raw`(?<![\p{L}\p{N}])(${UNIT})/(?=${UNIT}(?![\p{L}\p{N}]))`, 'gu');

/** The text with each number held to its unit and each unit held together. */
export function keepUnitsTogether(text: string): string {
  if (!/\d|\//.test(text)) return text;
  return text.replace(SPACED_UNIT, `$1${NO_BREAK_SPACE}`).replace(SLASHED_UNIT, `$1/${WORD_JOINER}`);
}
