// The fonts PDFs embed: each read and parsed when first used in a thread, shared by every PDF it makes, shaped with
// HarfBuzz.
import * as fontkit from 'fontkit';
import { lecternFile } from '../shared/lectern-files.ts';
import { fontFile, type FontId } from '../shared/fonts.ts';
import { shapeWithHarfBuzz } from './font-shaping.ts';

const loaded = new Map<FontId, fontkit.Font>();

/** Pretendard's ascent and descent, as shares of the em: every font is given them, so mixed lines share one baseline. */
const ASCENT = 1950 / 2048;
const DESCENT = -494 / 2048;

export function embeddedFont(id: FontId): fontkit.Font {
  let font = loaded.get(id);
  if (!font) {
    const data = lecternFile(fontFile(id));
    // Code is set without ligatures or contextual alternates: `->` must print as typed.
    // fontkit's types ask for a Node Buffer; it reads any Uint8Array.
    font = shapeWithHarfBuzz(
      fontkit.create(data as Parameters<typeof fontkit.create>[0]) as fontkit.Font,
      data,
      id.startsWith('mono-') ? '-liga,-calt,-dlig' : undefined,
    );
    if (!id.startsWith('pretendard-')) {
      // PDFKit places a line's baseline by its font's ascent and spaces lines by its height: a Noto font's own (taller)
      // metrics would set a Chinese word lower than the English words beside it.
      const em = font.unitsPerEm;
      Object.defineProperties(font, {
        ascent: { value: ASCENT * em },
        descent: { value: DESCENT * em },
        lineGap: { value: 0 },
      });
    }
    loaded.set(id, font);
  }
  return font;
}
