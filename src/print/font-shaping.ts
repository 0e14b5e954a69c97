// Shape words with HarfBuzz instead of fontkit's own layout engine: the same glyphs and positions, several times
// faster. PDFKit still embeds and subsets the font through fontkit; only `layout` is replaced, and each word's shape is
// remembered, as a lesson's PDFs set the same words over and over. Right-to-left text (Arabic, Hebrew) comes out
// joined and in visual order, as PDFKit draws glyphs left to right.
import * as hb from 'harfbuzzjs';
import type * as fontkit from 'fontkit';

/** Enough words for a long course; the cache starts again when it is full, so memory stays bounded. */
const MAX_WORDS = 50_000;

interface ShapedGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** What PDFKit reads of a fontkit GlyphRun. */
class ShapedRun {
  constructor(
    readonly glyphs: ShapedGlyph[],
    readonly positions: Position[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/**
 * The fontkit font, its `layout` done by HarfBuzz from the same font file. Each call returns fresh positions, because
 * PDFKit scales them in place. `featureSettings` (e.g. "-liga,-calt") apply to every word; layout with features asked
 * for by the caller (Lectern asks for none) stays with fontkit.
 */
export function shapeWithHarfBuzz(font: fontkit.Font, data: Uint8Array, featureSettings?: string): fontkit.Font {
  const features = featureSettings?.split(',').flatMap((setting) => hb.Feature.fromString(setting) ?? []);
  const shaper = new hb.Font(new hb.Face(new hb.Blob(data)));
  const buffer = new hb.Buffer();
  const fontkitLayout = font.layout.bind(font) as (...args: unknown[]) => fontkit.GlyphRun;
  const glyphs = new Map<string, ShapedGlyph>();
  const runs = new Map<string, ShapedRun>();

  const glyph = (id: number, codePoints: number[]): ShapedGlyph => {
    const key = `${id} ${codePoints.join(' ')}`;
    let found = glyphs.get(key);
    if (!found) glyphs.set(key, (found = { id, advanceWidth: shaper.glyphHAdvance(id), codePoints }));
    return found;
  };
  const nominals = new Map<number, number>();
  const nominal = (codePoint: number): number => {
    let id = nominals.get(codePoint);
    if (id === undefined) nominals.set(codePoint, (id = font.glyphForCodePoint(codePoint).id));
    return id;
  };
  const shape = (text: string): ShapedRun => {
    buffer.reset();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    hb.shape(shaper, buffer, features);
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    // A glyph stands for the characters of its cluster (several, for a ligature). Within a cluster each character goes
    // to the glyph the font maps it to, so a Thai or Devanagari mark keeps its own glyph's text; the rest go to the first.
    const starts = [...new Set(infos.map((info) => info.cluster))].sort((a, b) => a - b);
    const clusterText = new Map<number, number[]>();
    for (const info of infos) {
      if (clusterText.has(info.cluster)) continue;
      const end = starts.find((start) => start > info.cluster) ?? text.length;
      clusterText.set(
        info.cluster,
        [...text.slice(info.cluster, end)].map((character) => character.codePointAt(0)!),
      );
    }
    const own = infos.map((info) => {
      const rest = clusterText.get(info.cluster)!;
      const index = rest.findIndex((codePoint) => nominal(codePoint) === info.codepoint);
      return index < 0 ? [] : rest.splice(index, 1);
    });
    // The rest go to the cluster's first glyph that takes room: its letter, not a dot or mark drawn over it (right to
    // left, a letter's marks come before it), so a reader that places text by its glyphs finds the letter in its place.
    const carriers = new Map<number, number>();
    infos.forEach((info, index) => {
      const carrier = carriers.get(info.cluster);
      if (carrier === undefined || (positions[carrier].xAdvance === 0 && positions[index].xAdvance !== 0)) carriers.set(info.cluster, index);
    });
    const shaped = infos.map((info, index) =>
      glyph(info.codepoint, carriers.get(info.cluster) === index ? [...own[index], ...clusterText.get(info.cluster)!.splice(0)] : own[index]),
    );
    return new ShapedRun(
      shaped,
      positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })),
    );
  };

  font.layout = ((text: string, asked?: unknown, ...rest: unknown[]) => {
    if (asked !== undefined && !(Array.isArray(asked) && asked.length === 0)) return fontkitLayout(text, asked, ...rest);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= MAX_WORDS) runs.clear();
      runs.set(text, (run = shape(text)));
    }
    return new ShapedRun(
      run.glyphs,
      run.positions.map((position) => ({ ...position })),
    );
  }) as typeof font.layout;
  return font;
}
