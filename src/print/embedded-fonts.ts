// The fonts PDFs embed: each read and parsed once per process, shared by every PDF it makes, shaped with HarfBuzz.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { FONT_FILES, type FontKind } from './fonts.ts';
import { shapeWithHarfBuzz } from './font-shaping.ts';

const loaded = new Map<FontKind, fontkit.Font>();

export function embeddedFont(kind: FontKind): fontkit.Font {
  let font = loaded.get(kind);
  if (!font) {
    const data = readFileSync(FONT_FILES[kind]);
    font = shapeWithHarfBuzz(fontkit.create(data) as fontkit.Font, data);
    loaded.set(kind, font);
  }
  return font;
}
