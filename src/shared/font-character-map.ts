// Which characters a font file has, read from its character map (the OpenType `cmap` table) without a font library.
// The main thread checks every lesson's characters against the PDF fonts; loading HarfBuzz there only to read these maps
// cost about 20 MB of a library build's peak memory. The subtable is chosen, and read, as HarfBuzz reads it
// (`hb_face_collect_unicodes`); a test compares the two for every font Lectern bundles.

/** Subtables in HarfBuzz's order of preference: full Unicode first, then the Basic Multilingual Plane. */
const PREFERRED = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
] as const;

const UNICODE_MAX = 0x10ffff;

/** The code points a font maps to a glyph. `name` says which font a damaged file is. */
export function fontCharacters(font: Uint8Array, name: string): Set<number> {
  const data = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = tableOffset(data, 'cmap', name);
  const maxp = tableOffset(data, 'maxp', name);
  const glyphCount = data.getUint16(maxp + 4);
  const subtables = new Map<string, number>();
  const count = data.getUint16(cmap + 2);
  for (let index = 0; index < count; index++) {
    const record = cmap + 4 + index * 8;
    const key = `${data.getUint16(record)} ${data.getUint16(record + 2)}`;
    if (!subtables.has(key)) subtables.set(key, cmap + data.getUint32(record + 4));
  }
  const chosen = PREFERRED.map(([platform, encoding]) => subtables.get(`${platform} ${encoding}`)).find((offset) => offset !== undefined);
  if (chosen === undefined) throw new Error(`The font ${name} has no Unicode character map.`);
  const format = data.getUint16(chosen);
  if (format === 4) return segmentMapping(data, chosen);
  if (format === 12) return segmentedCoverage(data, chosen, glyphCount);
  throw new Error(`The font ${name} has a character map of format ${format}, which Lectern does not read (only 4 and 12).`);
}

function tableOffset(data: DataView, tag: string, name: string): number {
  const count = data.getUint16(4);
  for (let index = 0; index < count; index++) {
    const record = 12 + index * 16;
    const found = String.fromCharCode(data.getUint8(record), data.getUint8(record + 1), data.getUint8(record + 2), data.getUint8(record + 3));
    if (found === tag) return data.getUint32(record + 8);
  }
  throw new Error(`The font ${name} has no "${tag}" table.`);
}

/** Format 4: segments of the Basic Multilingual Plane, each mapped by a delta or through an array of glyphs. */
function segmentMapping(data: DataView, at: number): Set<number> {
  const characters = new Set<number>();
  const length = data.getUint16(at + 2);
  const segments = data.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const glyphArray = rangeOffsets + segments * 2;
  const glyphArrayLength = Math.max(0, (at + length - glyphArray) / 2);
  let count = segments;
  // The last segment, 0xFFFF alone, only marks the end.
  if (count > 0 && data.getUint16(starts + (count - 1) * 2) === 0xffff) count--;
  for (let segment = 0; segment < count; segment++) {
    const start = data.getUint16(starts + segment * 2);
    const end = data.getUint16(ends + segment * 2);
    const delta = data.getUint16(deltas + segment * 2);
    const rangeOffset = data.getUint16(rangeOffsets + segment * 2);
    for (let codePoint = start; codePoint <= end; codePoint++) {
      if (rangeOffset === 0) {
        if ((codePoint + delta) & 0xffff) characters.add(codePoint);
        continue;
      }
      const index = rangeOffset / 2 + (codePoint - start) + segment - segments;
      if (index >= glyphArrayLength) break;
      if (data.getUint16(glyphArray + index * 2) !== 0) characters.add(codePoint);
    }
  }
  return characters;
}

/** Format 12: ranges of code points mapped to consecutive glyphs, over all of Unicode. */
function segmentedCoverage(data: DataView, at: number, glyphCount: number): Set<number> {
  const characters = new Set<number>();
  const groups = data.getUint32(at + 12);
  for (let group = 0; group < groups; group++) {
    const record = at + 16 + group * 12;
    let start = data.getUint32(record);
    let end = Math.min(data.getUint32(record + 4), UNICODE_MAX);
    let glyph = data.getUint32(record + 8);
    if (glyph === 0) {
      // A range starting at the missing glyph: its first character has no glyph of its own.
      if (end === start) continue;
      start++;
      glyph++;
    }
    if (glyph >= glyphCount) continue;
    if (glyph + end - start >= glyphCount) end = start + glyphCount - glyph;
    for (let codePoint = start; codePoint <= Math.min(end, UNICODE_MAX); codePoint++) characters.add(codePoint);
  }
  return characters;
}
