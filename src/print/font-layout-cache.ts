// Remember how a font shapes each word: shaping (ligatures, kerning, contextual forms) is most of the time spent
// typesetting, and a lesson's PDFs set the same words over and over.
import type * as fontkit from 'fontkit';

/** Enough for a long course; the cache starts again when it is full, so memory stays bounded. */
const MAX_WORDS = 50_000;

/**
 * The same font, whose `layout` remembers its results. Each call returns a fresh copy of the glyph positions, because
 * PDFKit scales them in place.
 */
export function cacheWordLayouts(font: fontkit.Font): fontkit.Font {
  const shape = font.layout.bind(font);
  const runs = new Map<string, fontkit.GlyphRun>();
  font.layout = (text: string, features?: unknown, ...rest: unknown[]) => {
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let run = runs.get(key);
    if (!run) {
      if (runs.size >= MAX_WORDS) runs.clear();
      run = (shape as (...args: unknown[]) => fontkit.GlyphRun)(text, features, ...rest);
      runs.set(key, run);
    }
    return copyRun(run);
  };
  return font;
}

function copyRun(run: fontkit.GlyphRun): fontkit.GlyphRun {
  const positions = run.positions.map((position) => Object.assign(Object.create(Object.getPrototypeOf(position) as object) as object, position));
  return Object.assign(Object.create(Object.getPrototypeOf(run) as object) as fontkit.GlyphRun, run, { positions });
}
