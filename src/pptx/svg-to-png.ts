// The PowerPoint file's drawn pictures (maps, formulas) are SVG, which PowerPoint shows sharp at any size; a reader that
// cannot show SVG (Google Slides, older PowerPoint) shows the PNG copy beside it, drawn here by resvg (WebAssembly),
// so it is the same bytes wherever Lectern runs. Its text is set in Lectern's own fonts, never the computer's.
import type * as ResvgModule from '@resvg/resvg-wasm';
import { lecternFile } from '../shared/lectern-files.ts';
import { TYPEFACE_FAMILIES, fallbackChain, fontFile, typefaceCovers, type Typeface } from '../shared/fonts.ts';

/** resvg's WebAssembly, among Lectern's files (shared/lectern-files.ts). */
export const RESVG_WASM = '@resvg/resvg-wasm/index_bg.wasm';

type Resvg = typeof ResvgModule;
let loaded: Resvg | undefined;
let loading: Promise<void> | undefined;

/** Load resvg, once per thread, before a file with a drawn picture is made (a browser host may fetch it first). */
export function loadRasterizer(): Promise<void> {
  if (loaded) return Promise.resolve();
  // Read first: a browser host that has not fetched it yet throws, fetches it and runs the work again.
  const wasm = lecternFile(RESVG_WASM);
  loading ??= import('@resvg/resvg-wasm').then(async (module) => {
    await module.initWasm(wasm);
    loaded = module;
  });
  return loading;
}

/** For each character of `text`, the first of the lesson's typefaces that has it. */
function typefacesOf(text: string, lang: string): Typeface[] {
  const chain = fallbackChain(lang);
  return [...text].flatMap((character) => chain.find((typeface) => typefaceCovers(typeface, character.codePointAt(0)!)) ?? []);
}

/**
 * A text's `dy` shift (`0.35em`, which centres a label on its point) moved into its `y`: resvg shapes the character it
 * shifts apart from the rest, which breaks an Arabic word's first letter from the others.
 */
function onBaseline(attributes: string): string {
  const shift = /\sdy="(-?[\d.]+)em"/.exec(attributes);
  const size = /\sfont-size="([\d.]+)"/.exec(attributes);
  const y = /\sy="(-?[\d.]+)"/.exec(attributes);
  if (!shift || !size || !y) return attributes;
  const moved = Number(y[1]) + Number(shift[1]) * Number(size[1]);
  return attributes.replace(shift[0], '').replace(y[0], ` y="${Math.round(moved * 100) / 100}"`);
}

/**
 * Each text of the picture set in the typeface that has most of its characters, Pretendard after it: a word is shaped
 * in one font (Arabic letters join only so), a character that font lacks is found in the others.
 */
function withTypefaces(svg: string, lang: string): { svg: string; typefaces: Set<Typeface> } {
  const typefaces = new Set<Typeface>(['pretendard']);
  const set = svg.replace(/<text\b([^>]*)>([^<]*)</g, (whole, attributes: string, text: string) => {
    const counts = new Map<Typeface, number>();
    for (const typeface of typefacesOf(text, lang)) counts.set(typeface, (counts.get(typeface) ?? 0) + 1);
    const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    counts.forEach((_, typeface) => typefaces.add(typeface));
    const placed = onBaseline(attributes);
    if (!main || main === 'pretendard') return `<text${placed}>${text}<`;
    return `<text${placed.replace(/\sfont-family="[^"]*"/, '')} font-family="${TYPEFACE_FAMILIES[main]}, Pretendard">${text}<`;
  });
  return { svg: set, typefaces };
}

/** The SVG as a PNG `width` pixels wide, on white, its text in Lectern's fonts (the lesson's language picks Han shapes). */
export function svgToPng(svg: string, width: number, lang: string): Uint8Array {
  if (!loaded) throw new Error('resvg is not loaded: the PowerPoint renderer awaits loadRasterizer() before it draws pictures.');
  const { svg: set, typefaces } = withTypefaces(svg, lang);
  const fontBuffers = [...typefaces].flatMap((typeface) => [lecternFile(fontFile(`${typeface}-regular`)), lecternFile(fontFile(`${typeface}-bold`))]);
  const image = new loaded.Resvg(set, {
    fitTo: { mode: 'width', value: Math.round(width) },
    background: '#ffffff',
    font: { fontBuffers, defaultFontFamily: 'Pretendard', sansSerifFamily: 'Pretendard' },
  });
  try {
    return image.render().asPng();
  } finally {
    image.free();
  }
}
